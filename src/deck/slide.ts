// Owns the shape of a slide: the layouts the templates know and the fields a segment
// fills. On its own so that compose.ts and the segment modules it calls (live.ts,
// loss-of-control.ts) share it without importing each other (review B.5).
import type { SegmentId } from '../agenda/segments.js'

/** The slide layouts the templates know, one template file per kind. */
export type SlideKind = 'title' | 'agenda' | 'bullets' | 'statement' | 'case' | 'table' | 'placeholder' | 'closing' | 'account' | 'chart' | 'finding' | 'overview'

/** One account on the here-and-now overview (already in slide words). */
export interface Tile {
  readonly name: string
  /** Its screenshot in the build folder, shown small. */
  readonly image?: string
  /** The headline number with its word, or why there is none. */
  readonly figure: string
  /** The change since the last meeting ("▲ 100"), or "" when none is known. */
  readonly change: string
  readonly status: string
}

export interface Slide {
  readonly kind: SlideKind
  readonly segment: SegmentId
  readonly title: string
  /** Small text above the title (e.g. the segment name). */
  readonly kicker?: string
  /** A short paragraph under the title. */
  readonly lead?: string
  readonly bullets?: readonly string[]
  readonly numbered?: boolean
  /** The number of the first item when a numbered list continues from an earlier slide. */
  readonly start?: number
  readonly table?: { readonly header: readonly [string, string]; readonly rows: readonly (readonly [string, string])[] }
  /** A highlighted one-line takeaway. */
  readonly callout?: string
  /** A showtell command to show as code (our own constants only, never data). */
  readonly command?: string
  /** Small print at the bottom: where a fact comes from. */
  readonly source?: string
  /** A headline number shown large (already formatted). */
  readonly figure?: string
  /** The change next to the number, e.g. "▲ 312 since 2026-11-17". */
  readonly change?: string
  /** A picture in the build folder (a screenshot or a chart), shown large. */
  readonly image?: string
  /** What the picture is and where the number came from, in small type. */
  readonly caption?: string
  /** Data for a chart slide; the build renders it to `image`. */
  readonly chart?: {
    readonly points: readonly { readonly label: string; readonly value: number }[]
    /** A goal's target, drawn dashed up to its date (deck/goals.ts). */
    readonly target?: { readonly value: number; readonly date: string; readonly label: string }
    /** A chart drawn by its slide's maker (compare.ts's growth bars), written as it is instead of the line. */
    readonly svg?: string
  }
  /** The accounts of an overview slide. */
  readonly tiles?: readonly Tile[]
  /** After "Next meeting", for reference: no time budget. */
  readonly appendix?: boolean
  /** Its PDF bookmark under "Appendix" (the account's name); a slide without one has no bookmark of its own. */
  readonly bookmark?: string
  /** The talk track, one paragraph per item. */
  readonly notes: readonly string[]
  /**
   * Ids of the accounts whose numbers the slide shows without naming them by
   * their labels (how we compare names parties, the scorecard people): a
   * refresh keeps such a slide from the build when one of them fails.
   */
  readonly shows?: readonly string[]
}

export interface TimedSlide extends Slide {
  /** 1-based position in the deck. */
  readonly index: number
  readonly budgetSeconds: number
  /** 1-based position inside its segment, and the segment's slide count. */
  readonly positionInSegment: number
  readonly segmentSlides: number
  readonly segmentMinutes: number
  readonly segmentTitle: string
  /** The speaker-note line that states the budget. */
  readonly budgetLine: string
}

/**
 * Turns one slide with a long list or table into one or more slides. Here so
 * that compose.ts takes one without importing split.ts, which measures.
 */
export type Splitter = (slide: Slide) => Slide[]
