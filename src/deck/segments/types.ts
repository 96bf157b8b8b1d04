// Owns the contract of one deck segment (review B.10 #2): its planning spec,
// whether it has material, its slides and its placeholder, in one file per
// segment (src/deck/segments/<id>.ts, listed once in index.ts). compose.ts
// walks the plan and asks each segment's definition; nothing else knows a
// segment by name.
import type { SegmentId, SegmentSpec } from '../../agenda/segments.js'
import type { Topic } from '../../topics/schema.js'
import type { WorkspaceConfig } from '../../workspace/schema.js'
import type { Lang } from '../lang.js'
import type { LiveMaterial } from '../live.js'
import type { Slide, Splitter } from '../slide.js'

/** What a segment decides from before planning: whether it has material. */
export interface SegmentMaterial {
  readonly config: WorkspaceConfig
  readonly topic: Topic
  /** Meeting date, YYYY-MM-DD. */
  readonly date: string
  /** Snapshots, history and the latest audit of every account, ours or not. */
  readonly live?: LiveMaterial
  /** The same material for our own accounts only (official and executive); see ownMaterial. */
  readonly own?: LiveMaterial
}

/** What a segment composes its slides from. */
export interface SegmentContext extends SegmentMaterial {
  /**
   * The whole plan (absent while planning, before there is one): the shape of
   * agenda/plan.ts's AgendaPlan that a segment reads, declared here because
   * the planner reads the segments' specs.
   */
  readonly plan?: { readonly duration: number; readonly segments: readonly { readonly id: SegmentId; readonly minutes: number }[] }
  /** This segment's minutes (absent while planning). */
  readonly minutes?: number
  /** The next meeting after `date`, when known. */
  readonly next?: { readonly date: string; readonly topicTitle?: string }
  /**
   * The previous scheduled meeting before `date` (calendar.ts
   * previousMeetingDate; absent before the schedule's start): what "since the
   * last meeting" is measured from, computed once here for every segment.
   */
  readonly lastMeeting?: string
  /** How a long list or table becomes slides (measured in Chromium by the build). */
  readonly split: Splitter
  /** The deck's language: every fixed word comes from its catalogue. */
  readonly lang: Lang
  /** The segment's title in the deck's language, the kicker of its slides. */
  readonly title: string
}

export interface SegmentSlides {
  readonly slides: readonly Slide[]
  /** Slides for after "Next meeting", with no time budget. */
  readonly appendix?: readonly Slide[]
}

export interface SegmentDefinition {
  readonly spec: SegmentSpec & { readonly id: SegmentId }
  /** No material: the segment shows its placeholder instead (unless its spec says `alwaysShown`). */
  isEmpty(material: SegmentMaterial): boolean
  slides(context: SegmentContext): SegmentSlides
  /** What the segment shows without material; default: placeholderSlide (common.ts). */
  placeholder?(context: SegmentContext): Slide
}
