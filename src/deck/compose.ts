// Owns what goes on which slide: from the topic, the workspace and the agenda
// plan to an ordered list of slides, each with its segment and its time budget.
// Pure: no files, no browser. Text stays raw here; templates escape it.
import { formatSeconds, slideBudgets, type AgendaPlan, type PlannedSegment } from '../agenda/plan.js'
import type { SegmentId } from '../agenda/segments.js'
import { redact } from '../secrets/redact.js'
import type { Topic } from '../topics/schema.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import { hereAndNow, WORDS as HERE_AND_NOW_WORDS } from './here-and-now.js'
import { liveEmptySegments, roiSlides, withToday, type LiveMaterial } from './live.js'
import { hasLossOfControlMaterial, lossOfControlSlides, unofficialAccounts } from './loss-of-control.js'
import { plural } from './plural.js'
import { DEFAULT_LANGUAGE } from './lang.js'
import { goalMarks } from './goal-slides.js'
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

/**
 * Our own accounts' material (official and executive): an unofficial account
 * is not "ours", so it stays out of here-and-now and ROI and is watched in
 * the loss-of-control segment instead.
 */
function ownMaterial(config: WorkspaceConfig, live: LiveMaterial | undefined): LiveMaterial | undefined {
  if (!live) return undefined
  const theirs = new Set(unofficialAccounts(config).map((account) => account.id))
  if (theirs.size === 0) return live
  return { ...live, results: live.results?.filter((r) => !theirs.has(r.account)), history: live.history.filter((e) => !theirs.has(e.account)) }
}

/** Counted words this module writes, in one place for the coming message catalogue. */
const WORDS = {
  minutes: { one: '# minute', other: '# minutes' },
  decisions: { one: '# decision', other: '# decisions' },
  worstCases: { one: 'Our worst case, with a plan', other: 'Our # worst cases, each with a plan' },
} as const

/** Without a measurement: at most this many bullets (or table rows) on one slide; more split into "(continued)". */
export const MAX_BULLETS = 6
export const MAX_TABLE_ROWS = 4

/** Which segments have material for this topic and workspace, before planning. */
export function emptySegments(config: WorkspaceConfig, topic: Topic, live?: LiveMaterial, date = ''): Set<SegmentId> {
  // Live segments need snapshots (and two meetings of history for a trend).
  const empty = new Set<SegmentId>(liveEmptySegments(ownMaterial(config, live), date))
  if (!hasLossOfControlMaterial(config, live?.audit)) empty.add('loss-of-control')
  if (topic.keyPoints.length === 0) empty.add('key-points')
  if (topic.caseStudies.length === 0) empty.add('case-studies')
  if (topic.worstCases.length === 0) empty.add('worst-cases')
  if (topic.questions.length === 0 && topic.actions.length === 0) empty.add('discussion')
  return empty
}

export function composeDeck(input: ComposeInput): DeckModel {
  const { config, topic, date, plan } = input
  const bySegment = new Map<SegmentId, Slide[]>()
  const own = ownMaterial(config, input.live)
  // Slides for after "Next meeting", with no time budget (the here-and-now's per-account slides).
  const appendix: Slide[] = []
  for (const segment of plan.segments) {
    if (segment.id === 'here-and-now' && !segment.placeholder) {
      const part = hereAndNowSegment(config, topic, own!, date, segment.title, input.split ?? splitByCount, segment.minutes)
      bySegment.set(segment.id, part.slides)
      appendix.push(...part.appendix)
      continue
    }
    bySegment.set(segment.id, segment.placeholder ? [placeholderSlide(segment)] : segmentSlides(segment, input, own))
  }

  const slides: TimedSlide[] = []
  for (const segment of plan.segments) {
    const list = bySegment.get(segment.id) ?? []
    const budgets = slideBudgets(segment.minutes, list.length)
    list.forEach((slide, i) => {
      const budgetSeconds = budgets[i]!
      slides.push({
        ...slide,
        index: slides.length + 1,
        budgetSeconds,
        positionInSegment: i + 1,
        segmentSlides: list.length,
        segmentMinutes: segment.minutes,
        segmentTitle: segment.title,
        budgetLine: budgetLine(segment, i, list.length, budgetSeconds),
      })
    })
  }
  appendix.forEach((slide, i) => {
    slides.push({ ...slide, appendix: true, index: slides.length + 1, budgetSeconds: 0, positionInSegment: i + 1, segmentSlides: appendix.length, segmentMinutes: 0, segmentTitle: HERE_AND_NOW_WORDS.appendix, budgetLine: '' })
  })

  return {
    company: config.company.name,
    topic,
    date,
    duration: plan.duration,
    presenter: config.deck.presenter,
    footer: config.deck.footer,
    theme: config.deck.theme,
    language: config.deck.language ?? DEFAULT_LANGUAGE,
    agenda: plan.segments.map((segment) => ({ ...segment, slideCount: bySegment.get(segment.id)?.length ?? 0 })),
    slides,
  }
}

function budgetLine(segment: PlannedSegment, i: number, count: number, seconds: number): string {
  const slide = `Budget ${formatSeconds(seconds)} for this slide (${i + 1} of ${count} in ${segment.title})`
  return i === 0 ? `${slide}. Segment budget ${segment.minutes} min.` : `${slide}.`
}

function placeholderSlide(segment: PlannedSegment): Slide {
  return {
    kind: 'placeholder',
    segment: segment.id,
    kicker: segment.title,
    title: 'Nothing to show here yet',
    lead: 'Run this before the meeting to fill this part:',
    command: segment.fillHint,
    notes: [`This part of the briefing has no material yet. To fill it, run: ${segment.fillHint}`],
  }
}

/** `own`: our own accounts' material (see ownMaterial), present when a live segment is not a placeholder. */
function segmentSlides(segment: PlannedSegment, input: ComposeInput, own: LiveMaterial | undefined): Slide[] {
  const { topic, config, plan } = input
  const kicker = segment.title
  const split = input.split ?? splitByCount
  switch (segment.id) {
    case 'opening':
      return [
        {
          kind: 'title',
          segment: segment.id,
          kicker: `${config.company.name} · executive briefing`,
          title: topic.title,
          lead: formatLongDate(input.date),
          bullets: [config.deck.presenter, plural(plan.duration, WORDS.minutes)].filter((x): x is string => Boolean(x)),
          notes: [topic.summary],
        },
        {
          kind: 'agenda',
          segment: segment.id,
          kicker: 'Agenda',
          title: `${plural(plan.duration, WORDS.minutes)} on ${lowerFirst(topic.title)}`,
          table: {
            header: ['Segment', 'Minutes'],
            rows: plan.segments.map((s) => [s.title, String(s.minutes)] as const),
          },
          notes: ['Walk through the agenda and promise to keep to the minutes shown.'],
        },
        ...split({
          kind: 'bullets',
          segment: segment.id,
          kicker,
          title: 'Why this matters now',
          bullets: topic.why,
          notes: [topic.summary],
        }),
      ]
    case 'here-and-now':
      return hereAndNowSegment(config, topic, own!, input.date, kicker, split, segment.minutes).slides
    case 'loss-of-control':
      return lossOfControlSlides({ config, audit: input.live?.audit, results: input.live?.results, history: input.live?.history ?? [], date: input.date, kicker }).flatMap((slide) => (slide.table ? split(slide) : [slide]))
    case 'key-points':
      return topic.keyPoints.map((point) => ({
        kind: 'statement' as const,
        segment: segment.id,
        kicker,
        title: point.title,
        lead: point.detail,
        notes: [point.notes],
      }))
    case 'case-studies':
      return topic.caseStudies.map((study) => ({
        kind: 'case' as const,
        segment: segment.id,
        kicker,
        title: study.title,
        lead: study.story,
        callout: study.lesson,
        source: study.source,
        notes: [`${study.story} The lesson: ${study.lesson}`, ...(study.source ? [`Source: ${study.source}`] : [])],
      }))
    case 'worst-cases':
      return split({
        kind: 'table',
        segment: segment.id,
        kicker,
        title: plural(topic.worstCases.length, WORDS.worstCases),
        table: { header: ['If this happens', 'We do this'], rows: topic.worstCases.map((w) => [w.scenario, w.mitigation] as const) },
        notes: topic.worstCases.map((w) => `${w.scenario} Mitigation: ${w.mitigation}`),
      })
    case 'exercise':
      return split({
        kind: 'bullets',
        segment: segment.id,
        kicker: topic.exercise.minutes ? `${kicker} · ${plural(topic.exercise.minutes, WORDS.minutes)}` : kicker,
        title: topic.exercise.title,
        bullets: topic.exercise.steps,
        numbered: true,
        notes: ['Hand the devices over: every executive does each step themselves, in the room.'],
      })
    case 'discussion': {
      const slides: Slide[] = []
      if (topic.questions.length > 0) {
        slides.push(
          ...split({
            kind: 'bullets',
            segment: segment.id,
            kicker,
            title: 'Questions for the room',
            bullets: topic.questions,
            notes: ['Take the questions in order; park what needs more than a few minutes.'],
          }),
        )
      }
      if (topic.actions.length > 0) {
        slides.push(
          ...split({
            kind: 'table',
            segment: segment.id,
            kicker,
            title: `${plural(topic.actions.length, WORDS.decisions)} to take today`,
            table: { header: ['Decision', 'Owner'], rows: topic.actions.map((a) => [a.decision, a.owner] as const) },
            notes: ['Agree each decision and its owner before the meeting moves on.'],
          }),
        )
      }
      return slides
    }
    case 'roi':
      return roiSlides(own!, input.date, kicker, accountLabels(config), {
        goals: config.goals,
        official: officialIds(config),
      }).flatMap((slide) => (slide.table ? split(slide) : [slide]))
    case 'next-meeting': {
      const next = input.next
      const slides: Slide[] = [
        {
          kind: 'closing',
          segment: segment.id,
          kicker,
          title: next ? `Next briefing: ${formatLongDate(next.date)}` : 'Next briefing',
          lead: next?.topicTitle ? `Topic: ${next.topicTitle}` : 'Topic: chosen by the rotation',
          notes: ['Confirm the owners of today’s decisions and the date of the next briefing.'],
        },
      ]
      if (topic.sources.length > 0) {
        slides.push(
          ...split({
            kind: 'bullets',
            segment: segment.id,
            kicker: 'Sources',
            title: 'Where these facts come from',
            bullets: topic.sources.map((s) => (s.url ? `${s.title} (${s.url})` : s.title)),
            notes: ['The sources are in the handout for anyone who wants to read further.'],
          }),
        )
      }
      return slides
    }
  }
}

/** Our official accounts' ids, in file order: what a goal of `all` sums. */
function officialIds(config: WorkspaceConfig): string[] {
  return config.accounts.filter((account) => account.owner === 'official').map((account) => account.id)
}

/**
 * The here-and-now segment (what to look for, the overview, spotlights, the
 * accounts not read; here-and-now.ts decides) and its appendix, tables split
 * like any table. `minutes` undefined while planning.
 */
function hereAndNowSegment(config: WorkspaceConfig, topic: Topic, own: LiveMaterial, date: string, kicker: string, splitter: Splitter, minutes?: number): { slides: Slide[]; appendix: Slide[] } {
  const split = (slide: Slide): Slide[] => (slide.table ? splitter(slide) : [slide])
  const lookFor: Slide = {
    kind: 'bullets',
    segment: 'here-and-now',
    kicker,
    title: topic.demo.focus,
    bullets: topic.demo.lookFor,
    notes: ['Open the accounts live and point at each of these.'],
  }
  // A goal of one account reached or missed at this meeting puts that account in the spotlight.
  const goals = goalMarks(config.goals, { entries: withToday(own, date), date, official: officialIds(config) })
  const part = hereAndNow({ live: own, date, kicker, accountLabel: accountLabels(config), minutes, lookFor, goals })
  // A split slide is bookmarked once, at its first part.
  return { slides: part.slides.flatMap(split), appendix: part.appendix.flatMap((slide) => split(slide).map((piece, i) => (i === 0 ? piece : { ...piece, bookmark: undefined }))) }
}

/**
 * How many slides the segments whose minutes follow their slides have to talk
 * over (today the here-and-now), for the planner's `slides`. Counted by
 * composing them as the build does, at the segment's usual maximum of
 * minutes; the appendix costs no time and is not counted. Segments without
 * material are left out (they are placeholders).
 */
export function plannedSlideCounts(config: WorkspaceConfig, topic: Topic, live?: LiveMaterial, date = ''): Map<SegmentId, number> {
  const counts = new Map<SegmentId, number>()
  const own = ownMaterial(config, live)
  if (own && !emptySegments(config, topic, live, date).has('here-and-now')) {
    // As here-and-now.ts builds it at the segment's usual maximum: the planner
    // then gives it at most minutesPerSlide per slide, and with fewer minutes
    // here-and-now.ts drops spotlights so each slide keeps 40 seconds.
    counts.set('here-and-now', hereAndNowSegment(config, topic, own, date, '', splitByCount).slides.length)
  }
  return counts
}

/** The split without a measurement: a fixed count per slide, balanced. */
function splitByCount(slide: Slide): Slide[] {
  if (slide.table) {
    return chunk(slide.table.rows, MAX_TABLE_ROWS).map((rows, i) => ({
      ...slide,
      title: i === 0 ? slide.title : `${slide.title} (continued)`,
      table: { header: slide.table!.header, rows },
    }))
  }
  let start = 1
  return chunk(slide.bullets ?? [], MAX_BULLETS).map((bullets, i) => {
    const part = { ...slide, title: i === 0 ? slide.title : `${slide.title} (continued)`, bullets, start }
    start += bullets.length
    return part
  })
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

function accountLabels(config: WorkspaceConfig): (id: string) => string {
  const byId = new Map([...config.accounts, ...config.competitors.flatMap((c) => c.accounts)].map((a) => [a.id, accountName(a)]))
  return (id) => byId.get(id) ?? id
}

function accountName(account: Account): string {
  // An account's URL may carry a key or a password: a slide shows it redacted.
  return account.label ?? account.handle ?? (account.url === undefined ? undefined : redact(account.url)) ?? account.id
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

/** 2026-11-24 → "Tuesday 24 November 2026" (the calendar date, no time zone shift). */
export function formatLongDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
    .replace(',', '')
}
