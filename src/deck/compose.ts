// Owns what goes on which slide: from the topic, the workspace and the agenda
// plan to an ordered list of slides, each with its segment and its time budget.
// Each segment's slides come from its definition (src/deck/segments/<id>.ts);
// this module walks the plan, gives every slide its budget, and puts the
// appendix after the last segment. Every fixed word comes from the deck's
// language (lang.ts). Pure: no files, no browser. Text stays raw here;
// templates escape it.
import { formatSeconds, slideBudgets, type AgendaPlan, type PlannedSegment } from '../agenda/plan.js'
import type { SegmentId } from '../agenda/segments.js'
import { previousMeetingDate } from '../rotation/calendar.js'
import type { Topic } from '../topics/schema.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { DEFAULT_LANGUAGE, english, langFor, type Lang } from './lang.js'
import type { LiveMaterial } from './live.js'
import { ownMaterial, placeholderSlide } from './segments/common.js'
import { SEGMENT_DEFINITIONS, type SegmentMaterial } from './segments/index.js'
import type { Slide, Splitter, TimedSlide } from './slide.js'

// The deck model's slide types, for the callers that read a composed deck.
export type { Slide, SlideKind, TimedSlide } from './slide.js'

export interface DeckModel {
  readonly company: string
  readonly topic: Topic
  readonly date: string
  readonly duration: number
  readonly presenter?: string
  readonly footer?: string
  readonly theme: string
  /** The catalogue every fixed word comes from (`deck.language`: en, nb); render and export read it too. */
  readonly language: string
  readonly agenda: readonly (PlannedSegment & { readonly slideCount: number })[]
  readonly slides: readonly TimedSlide[]
}

export interface ComposeInput {
  readonly config: WorkspaceConfig
  readonly topic: Topic
  /** Meeting date, YYYY-MM-DD. */
  readonly date: string
  readonly plan: AgendaPlan
  /** The next meeting after `date`, when known. */
  readonly next?: { readonly date: string; readonly topicTitle?: string }
  /** Snapshots, history and the latest audit; without them the live segments are placeholders. */
  readonly live?: LiveMaterial
  /**
   * How a long list or table becomes slides. The build passes one made by
   * measuring in Chromium (split.ts: measuredSplitter); without it, a fixed
   * count (MAX_BULLETS, MAX_TABLE_ROWS) for previews and plans.
   */
  readonly split?: Splitter
}

/** Without a measurement: at most this many bullets (or table rows) on one slide; more split into "(continued)". */
export const MAX_BULLETS = 6
export const MAX_TABLE_ROWS = 4
/**
 * Without a measurement, a table's rows are also counted in estimated lines:
 * a cell wraps at about CELL_CHARS_PER_LINE characters (half of 1280 px at
 * 24 px text), and a slide's table holds about TABLE_LINES lines, so a table
 * whose rows carry a reason and a fix of several lines gets fewer rows a
 * slide. Only an estimate, for a build without a browser (`--format md`) and
 * for plans; a build with one measures (split.ts).
 */
export const CELL_CHARS_PER_LINE = 45
export const TABLE_LINES = 11

/** Which segments have material for this topic and workspace, before planning: each segment's definition decides. */
export function emptySegments(config: WorkspaceConfig, topic: Topic, live?: LiveMaterial, date = ''): Set<SegmentId> {
  const material: SegmentMaterial = { config, topic, date, live, own: ownMaterial(config, live) }
  return new Set(Object.values(SEGMENT_DEFINITIONS).filter((definition) => definition.isEmpty(material)).map((definition) => definition.spec.id))
}

/** The deck's language, from the workspace (a config built by hand in a test may lack it). */
function deckLang(config: WorkspaceConfig): Lang {
  return langFor(config.deck.language ?? DEFAULT_LANGUAGE)
}

export function composeDeck(input: ComposeInput): DeckModel {
  const { config, topic, date, plan } = input
  const lang = deckLang(config)
  const own = ownMaterial(config, input.live)
  const split = input.split ?? splitByCount(lang)
  // "Since the last meeting" means since the scheduled one, not since whichever day a snapshot was last run.
  const lastMeeting = config.meeting && date ? previousMeetingDate(config.meeting, date) : undefined
  const bySegment = new Map<SegmentId, readonly Slide[]>()
  // Slides for after "Next meeting", with no time budget (the here-and-now's per-account slides).
  const appendix: Slide[] = []
  for (const segment of plan.segments) {
    const definition = SEGMENT_DEFINITIONS[segment.id]
    const context = { config, topic, date, plan, minutes: segment.minutes, next: input.next, lastMeeting, live: input.live, own, split, lang, title: lang.w.segments[segment.id] }
    if (segment.placeholder) {
      bySegment.set(segment.id, [definition.placeholder?.(context) ?? placeholderSlide(segment.id, context.title, lang)])
      continue
    }
    const part = definition.slides(context)
    bySegment.set(segment.id, part.slides)
    appendix.push(...(part.appendix ?? []))
  }

  const slides: TimedSlide[] = []
  for (const segment of plan.segments) {
    const list = bySegment.get(segment.id) ?? []
    const budgets = slideBudgets(segment.minutes, list.length)
    const title = lang.w.segments[segment.id]
    list.forEach((slide, i) => {
      const budgetSeconds = budgets[i]!
      slides.push({
        ...slide,
        index: slides.length + 1,
        budgetSeconds,
        positionInSegment: i + 1,
        segmentSlides: list.length,
        segmentMinutes: segment.minutes,
        segmentTitle: title,
        budgetLine: budgetLine(lang, segment, title, i, list.length, budgetSeconds),
      })
    })
  }
  appendix.forEach((slide, i) => {
    slides.push({ ...slide, appendix: true, index: slides.length + 1, budgetSeconds: 0, positionInSegment: i + 1, segmentSlides: appendix.length, segmentMinutes: 0, segmentTitle: lang.w.common.appendix, budgetLine: '' })
  })

  return {
    company: config.company.name,
    topic,
    date,
    duration: plan.duration,
    presenter: config.deck.presenter,
    footer: config.deck.footer,
    theme: config.deck.theme,
    language: lang.code,
    agenda: plan.segments.map((segment) => ({ ...segment, title: lang.w.segments[segment.id], slideCount: bySegment.get(segment.id)?.length ?? 0 })),
    slides,
  }
}

function budgetLine(lang: Lang, segment: PlannedSegment, title: string, i: number, count: number, seconds: number): string {
  const { compose } = lang.w
  const slide = lang.say(compose.budgetSlide, { time: formatSeconds(seconds), position: i + 1, count, segment: title })
  return i === 0 ? `${slide} ${lang.say(compose.budgetSegment, { minutes: segment.minutes })}` : slide
}

/**
 * How many slides the segments whose minutes follow their slides
 * (`minutesPerSlide`: today the here-and-now) have to talk over, for the
 * planner's `slides`. Counted by composing them as the build does, at the
 * segment's usual maximum of minutes; the appendix costs no time and is not
 * counted. Segments without material are left out (they are placeholders).
 */
export function plannedSlideCounts(config: WorkspaceConfig, topic: Topic, live?: LiveMaterial, date = ''): Map<SegmentId, number> {
  const counts = new Map<SegmentId, number>()
  const lang = deckLang(config)
  const material: SegmentMaterial = { config, topic, date, live, own: ownMaterial(config, live) }
  for (const definition of Object.values(SEGMENT_DEFINITIONS)) {
    if (definition.spec.minutesPerSlide === undefined || definition.isEmpty(material)) continue
    const part = definition.slides({ ...material, split: splitByCount(lang), lang, title: '' })
    counts.set(definition.spec.id, part.slides.length)
  }
  return counts
}

/** The split without a measurement: a fixed count per slide, balanced. */
function splitByCount(lang: Lang): Splitter {
  const continued = (title: string) => lang.say(lang.w.common.continued, { title })
  return (slide) => splitSlideByCount(slide, continued)
}

function splitSlideByCount(slide: Slide, continued: (title: string) => string): Slide[] {
  if (slide.table) {
    return tableParts(slide.table.rows).map((rows, i) => ({
      ...slide,
      title: i === 0 ? slide.title : continued(slide.title),
      table: { header: slide.table!.header, rows },
    }))
  }
  let start = 1
  return chunk(slide.bullets ?? [], MAX_BULLETS).map((bullets, i) => {
    const part = { ...slide, title: i === 0 ? slide.title : continued(slide.title), bullets, start }
    start += bullets.length
    return part
  })
}

/** A row's estimated lines: its tallest cell's. */
function rowLines(row: readonly string[]): number {
  return Math.max(1, ...row.map((cell) => Math.ceil(cell.length / CELL_CHARS_PER_LINE)))
}

/**
 * A table's rows on as few slides as the estimate allows (at most
 * MAX_TABLE_ROWS rows and TABLE_LINES lines a slide), then balanced when the
 * balanced parts fit too: 6 short rows give 3 + 3, not 4 + 2.
 */
function tableParts<T extends readonly string[]>(rows: readonly T[]): T[][] {
  const fits = (part: readonly T[]) => part.length <= MAX_TABLE_ROWS && part.reduce((sum, row) => sum + rowLines(row), 0) <= TABLE_LINES
  const greedy: T[][] = []
  for (const row of rows) {
    const last = greedy.at(-1)
    if (last && fits([...last, row])) last.push(row)
    else greedy.push([row])
  }
  if (greedy.length === 0) return [[]]
  const balanced = chunk(rows, Math.ceil(rows.length / greedy.length))
  return balanced.length === greedy.length && balanced.every(fits) ? balanced : greedy
}

/** Splits into as few slides as `size` allows, balanced: 6 by 4 gives 3 + 3, not 4 + 2. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]]
  const parts = Math.ceil(items.length / size)
  const base = Math.floor(items.length / parts)
  const extra = items.length % parts
  const out: T[][] = []
  let at = 0
  for (let i = 0; i < parts; i++) {
    const take = base + (i < extra ? 1 : 0)
    out.push(items.slice(at, at + take))
    at += take
  }
  return out
}

/** 2026-11-24 → "Tuesday 24 November 2026" in the language `lang` (default English). */
export function formatLongDate(date: string, lang: Lang = english()): string {
  return lang.longDate(date)
}
