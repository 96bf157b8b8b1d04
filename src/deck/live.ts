// Owns the slides built from live snapshots and the metrics history: what an
// account shows today (this run's result, gaps filled by hand), its slide
// (screenshot as evidence, with the posts of the last 30 days and the median
// interactions per post), the shared table of accounts not read, and the ROI
// trend (followers, and engagement where the history has
// it). Which number leads and what it is called is the headline model's
// (snapshot/headline.ts); this file only puts it into slide words. Which of
// these slides the here-and-now segment shows, and which go to the appendix,
// is here-and-now.ts's. A blocked account is never shown as data: the accounts
// not read share one table with their last good value and its age. A figure entered by hand (`showtell record`) is data, captioned as
// such, until an automatic value newer than it exists.
// Every fixed word is the catalogue's (messages/<lang>.json `live`), numbers
// and dates the language's Intl formats; the functions compose calls take an
// optional `lang` (English by default, as the deck always was).
import type { SegmentId } from '../agenda/segments.js'
import type { StoredAudit } from '../audit/store.js'
import { adapterOf } from '../platforms/index.js'
import { fixFor } from '../snapshot/fix.js'
import { dayWords, engagementWords, headlineOf, headlineWords, interactionWords, platformName, platformNameIn, platformWordsIn, type Headline } from '../snapshot/headline.js'
import { daysBetween, entryOf, handFigure, newestGood, series, type HistoryEntry, type MetricKey } from '../snapshot/history.js'
import type { RecordedMetrics, SnapshotResult } from '../snapshot/types.js'
import { english, type Lang } from './lang.js'
import type { Slide } from './slide.js'
import { goalSlides } from './goal-slides.js'
import type { Goal } from '../workspace/schema.js'

/** The workspace's goals, and the official accounts a goal on `all` sums. */
export interface GoalsConfig {
  readonly goals: readonly Goal[]
  readonly official: readonly string[]
}

export interface LiveMaterial {
  /** This build's snapshots; absent with --no-snapshots. */
  readonly results?: readonly SnapshotResult[]
  /** The history as it was before this build's snapshots. */
  readonly history: readonly HistoryEntry[]
  /** The latest `showtell audit`, screenshots copied into the build folder; absent before the first audit. */
  readonly audit?: StoredAudit
  /**
   * This build's snapshots of the competitors' accounts, each marked with its
   * competitor: never part of `results`, so no total, ROI or goal reads them.
   */
  readonly competitors?: readonly SnapshotResult[]
  /** The competitors' history (history/competitors.jsonl) before this build: only "how we compare" (compare.ts) reads it. */
  readonly competitorHistory?: readonly HistoryEntry[]
}

/** A snapshot status in English words ("not found"), for callers without a language; the deck uses statusWord. */
export const STATUS_WORDS: Readonly<Record<string, string>> = english().w.live.status

/** A snapshot status (`blocked`, `not-found`…) in `lang`'s words; a status the catalogue does not know stays as it is. */
export function statusWord(status: string, lang: Lang = english()): string {
  const words = lang.w.live.status as Readonly<Record<string, string>>
  return Object.hasOwn(words, status) ? words[status]! : status
}

/**
 * The language a result's `reason` is written in: reasons are free text set
 * at snapshot time (showtell's own words, or a page's or an API's message),
 * always English. A deck in another language shows its own status word on
 * the slide and the reason, marked as a technical message in English
 * (`live.reason`), only in the speaker notes.
 */
const REASONS_LANGUAGE = 'en'

/**
 * Why an account was not read, for a slide: the reason as written in a deck
 * of the reasons' language; in another language, the kind of problem when
 * showtell wrote the reason itself (classify.ts's "bot challenge (Cloudflare)",
 * "rate limited (429)": the catalogue's `live.problems`, with a bracketed
 * detail such as a vendor or an HTTP code kept), else the status word alone.
 */
export function problemWords(result: { readonly status: string; readonly reason?: string }, lang: Lang = english()): string {
  const { reason } = result
  if (reason && lang.code === REASONS_LANGUAGE) return reason
  if (reason) {
    const problems = lang.w.live.problems as Readonly<Record<string, string>>
    const kind = Object.keys(problems)
      .sort((a, b) => b.length - a.length)
      .find((k) => reason === k || reason.startsWith(`${k} (`))
    // A detail that is a name or a code ("(Cloudflare)", "(LinkedIn 999)", "(429)") reads the same in any language; other words are English.
    const detail = kind ? reason.slice(kind.length) : ''
    if (kind) return problems[kind]! + (/^ \((?:\d+|\p{Lu}[\p{L}\d.-]*(?: \d+)?)\)$/u.test(detail) ? detail : '')
  }
  return statusWord(result.status, lang)
}

/** A snapshot reason as the deck quotes it: verbatim, marked as English in a deck of another language. */
function quoted(reason: string, lang: Lang): string {
  return lang.say(lang.w.live.reason, { reason })
}

// The deck's callers (loss-of-control) name platforms as the headline model does.
export { platformName }

/** A metric as a slide shows it; `enteredOn` when a person entered it by hand, for that day. */
type ShownMetrics = { readonly [K in MetricKey]?: NonNullable<RecordedMetrics[K]> & { readonly enteredOn?: string } }
type ShownCount = NonNullable<ShownMetrics['followers']>

/** An account as the here-and-now shows it: this run's result, gaps filled by hand. */
export interface Shown extends Omit<SnapshotResult, 'metrics'> {
  readonly metrics: ShownMetrics
  /** How today's snapshot went (its status, e.g. `blocked`), when a hand figure stands in for it; `none` in a build without snapshots. */
  readonly today?: { readonly status: string; readonly reason?: string } | 'none'
}

const METRIC_KEYS: readonly MetricKey[] = ['followers', 'following', 'posts', 'lastPostAt', 'postsPerMonth', 'interactionsPerPost', 'likes', 'views']

/**
 * `result` with each metric it lacks taken from a figure entered by hand, when
 * that figure is the newest good value on or before `date` (an automatic value
 * newer than it wins). A failed result with hand figures is shown as data, by
 * hand; one without stays failed.
 */
function withHandFigures(result: SnapshotResult, history: readonly HistoryEntry[], date: string, today?: 'none'): Shown | undefined {
  const metrics: Record<string, unknown> = { ...(result.status === 'ok' && !today ? result.metrics : {}) }
  let filled = false
  for (const key of METRIC_KEYS) {
    if (metrics[key] !== undefined) continue
    const hand = handFigure(history, result.account, key, date)
    if (!hand) continue
    metrics[key] = { ...hand.metric, enteredOn: hand.date }
    filled = true
  }
  if (!filled) return today ? undefined : result
  if (result.status === 'ok' && !today) return { ...result, metrics }
  return { ...result, status: 'ok', metrics, screenshot: undefined, reason: undefined, today: today ?? { status: result.status, reason: result.reason } }
}

/** Every account's hand figures, for a build without snapshots: the accounts as the history names them. */
function handOnly(history: readonly HistoryEntry[], date: string): Shown[] {
  const latest = new Map<string, HistoryEntry>()
  for (const entry of history) if (entry.date <= date) latest.set(entry.account, entry)
  return [...latest.values()].flatMap((entry) => {
    const base: SnapshotResult = { account: entry.account, platform: entry.platform as SnapshotResult['platform'], label: entry.account, url: '', status: 'ok', metrics: {}, capturedAt: entry.capturedAt, durationMs: 0 }
    const shown = withHandFigures(base, history, date, 'none')
    return shown ? [shown] : []
  })
}

/** What the here-and-now shows: this build's results, or without snapshots the figures entered by hand. */
export function shownResults(live: LiveMaterial, date: string): Shown[] {
  const results = ourResults(live)
  const history = ourHistory(live)
  if (!results) return handOnly(history, date)
  return results.map((r) => withHandFigures(r, history, date) ?? r)
}

/**
 * This build's results of our accounts. A competitor's result (marked
 * `competitor`) is never ours, wherever a caller put it: no tile, total, ROI
 * sum or goal reads it. Competitors come in `live.competitors`.
 */
function ourResults(live: LiveMaterial): readonly SnapshotResult[] | undefined {
  return live.results?.filter((r) => r.competitor === undefined)
}

/** The history of our accounts: a row marked as a competitor's is not (see ourResults). */
function ourHistory(live: LiveMaterial): readonly HistoryEntry[] {
  return live.history.filter((entry) => entry.competitor === undefined)
}

/** Ours and the competitors' history side by side (ids are unique across the workspace): for the comparison and the leaders, never for our numbers. */
export function historyWithCompetitors(live: LiveMaterial): HistoryEntry[] {
  return [...ourHistory(live), ...(live.competitorHistory ?? [])]
}

export function hasLiveMaterial(live: LiveMaterial | undefined, date?: string): boolean {
  if (live && (ourResults(live)?.length ?? 0) > 0) return true
  return live !== undefined && date !== undefined && !live.results && handOnly(ourHistory(live), date).length > 0
}

/** The dates (oldest first) with followers for at least one account, this meeting included. */
function trendDates(live: LiveMaterial, date: string): string[] {
  const dates = new Set<string>()
  for (const entry of ourHistory(live)) if (entry.status === 'ok' && entry.metrics.followers && entry.date < date) dates.add(entry.date)
  if (ourResults(live)?.some((r) => r.status === 'ok' && r.metrics.followers)) dates.add(date)
  return [...dates].sort()
}

export function hasTrend(live: LiveMaterial | undefined, date: string): boolean {
  return live !== undefined && trendDates(live, date).length >= 2
}

export function liveEmptySegments(live: LiveMaterial | undefined, date: string): SegmentId[] {
  const empty: SegmentId[] = []
  if (!hasLiveMaterial(live, date)) empty.push('here-and-now')
  if (!hasTrend(live, date)) empty.push('roi')
  return empty
}

/** The slide's headline: the one model (snapshot/headline.ts), in the deck's words. */
export interface ShownHeadline {
  readonly text: string
  readonly model: Headline
  /** "▲ 100 since 2026-11-17", or "first measurement" for a count with nothing earlier. */
  readonly delta?: string
}

/** `lastMeeting`: the previous scheduled meeting, from which the change is measured when the history has a value on or before it (headlineOf). */
export function headline(result: Shown, history: readonly HistoryEntry[], date: string, lang: Lang = english(), lastMeeting?: string): ShownHeadline {
  const model = headlineOf(result, history, date, lang, lastMeeting)
  const words = lang.w.live
  const text = headlineWords(model, lang, date) || words.liveNoNumbers
  if (model.value === undefined) return { text, model }
  return { text, model, delta: model.change ? lang.say(words.changeSince, { change: lang.change(model.change.delta), date: dayWords(model.change.since, lang, date) }) : words.firstMeasurement }
}

/** The headline's metric as recorded, for its source and note. */
function headlineMetric(result: Shown, model: Headline): ShownCount | undefined {
  return model.metric === 'none' || model.metric === 'lastPostAt' ? undefined : result.metrics[model.metric]
}

function secondaryFacts(metrics: ShownMetrics, platform: string, lead: Headline['metric'], date: string, lang: Lang): string[] {
  const words = platformWordsIn(platform, lang)
  const counted = (value: number, forms: Parameters<Lang['plural']>[1]) => lang.say(lang.w.live.headlineCount, { count: lang.count(value), word: lang.plural(value, forms) })
  const facts: string[] = []
  if (metrics.following) facts.push(lang.say(lang.w.live.following, { n: lang.count(metrics.following.value) }))
  if (metrics.likes && lead !== 'likes') facts.push(counted(metrics.likes.value, words.likes))
  if (metrics.posts && lead !== 'posts') facts.push(counted(metrics.posts.value, words.posts))
  if (metrics.views) facts.push(lang.plural(metrics.views.value, lang.w.live.views))
  if (metrics.lastPostAt) facts.push(lang.say(lang.w.live.lastPostFact, { date: dayWords(metrics.lastPostAt.value.slice(0, 10), lang, date) }))
  const engagement = engagementWords(metrics, lang)
  if (engagement) facts.push(engagement)
  return facts
}

/**
 * "2026-11-22 03:50 UTC" from an ISO timestamp; "22.11.2026 kl. 03:50 UTC" in
 * Norwegian: a timestamp in a caption takes Intl's numeric date, the short
 * form a Norwegian reader expects there (the month in words made the caption
 * wrap onto a third line and push an account slide past 720 px).
 */
export function capturedAtWords(iso: string, lang: Lang = english()): string {
  const day = iso.slice(0, 10)
  return lang.say(lang.w.live.capturedAt, { date: lang.day(day), time: iso.slice(11, 16) })
}

/**
 * The accounts that could not be read today (and have no figure entered by
 * hand to stand in) share one table, split like any table when it runs long,
 * instead of one near-empty slide each: what happened, the last good value
 * with its age (history, never today's number), and what would fix it.
 */
export function unreadSlide(unread: readonly Shown[], history: readonly HistoryEntry[], date: string, kicker: string, accountLabel: (id: string) => string, lang: Lang = english()): Slide {
  const words = lang.w.live
  const rows = unread.map((r) => {
    const last = headlineOf(r, history, date, lang).lastGood
    const known = last ? lang.say(words.lastGood, { value: lang.count(last.value), word: last.word, date: dayWords(last.date, lang, date), age: ageWords(daysBetween(last.date, date), lang) }) : words.noGoodValue
    // The reason is English free text: on a slide of another language, the kind of problem or the status word (the reason is in the notes).
    const why = problemWords(r, lang)
    return [lang.say(words.unreadRow, { account: accountLabel(r.account), why }), lang.say(words.unreadFix, { known, fix: fixFor(r, lang) })] as const
  })
  return {
    kind: 'table',
    segment: 'here-and-now',
    kicker,
    title: lang.plural(unread.length, words.unreadTitle),
    table: { header: [words.unreadHeader[0]!, words.unreadHeader[1]!], rows },
    notes: [
      words.unreadNote,
      ...unread.map((r) => lang.say(words.unreadAccountNote, { account: accountLabel(r.account), status: statusWord(r.status, lang), reason: r.reason ? quoted(r.reason, lang) : words.noReason })),
    ],
  }
}


/** An account with a number to show (today's, or one entered by hand): large, with the change, the screenshot and the source. */
export function accountSlide(result: Shown, history: readonly HistoryEntry[], date: string, kicker: string, label: string, lang: Lang = english(), lastMeeting?: string): Slide {
  const words = lang.w.live
  const platform = platformNameIn(result.platform, lang)
  const when = capturedAtWords(result.capturedAt, lang)
  const h = headline(result, history, date, lang, lastMeeting)
  const metric = headlineMetric(result, h.model)
  const source = h.model.byHand ? handWords(h.model.byHand, lang, date) : metric ? sourceWords(metric, result.platform, lang) : undefined
  const snapshot = result.today === 'none' ? undefined : result.today ? lang.say(words.snapshotToday, { when, status: statusWord(result.today.status, lang) }) : lang.say(words.snapshot, { when })
  const inParens = (text: string | undefined) => (text ? lang.say(words.inParens, { text }) : '')
  return {
    kind: 'account',
    segment: 'here-and-now',
    kicker,
    title: lang.say(words.accountTitle, { platform, headline: h.text }),
    figure: h.model.value !== undefined ? lang.count(h.model.value) : undefined,
    change: h.delta,
    bullets: secondaryFacts(result.metrics, result.platform, h.model.metric, date, lang),
    image: result.screenshot ? `snapshots/${result.screenshot}` : undefined,
    caption: [snapshot, source].filter(Boolean).join(' · '),
    notes: [
      h.model.byHand
        ? lang.say(words.handNoteLine, { label, headline: h.text, delta: inParens(h.delta), date: dayWords(h.model.byHand.date, lang, date), note: inParens(h.model.byHand.note) })
        : lang.say(words.capturedNote, { label, when, headline: h.text, delta: inParens(h.delta) }),
      ...(h.model.metric === 'likes' ? [lang.say(words.likesNote, { platform, word: h.model.word })] : []),
      ...(result.today && result.today !== 'none'
        ? [lang.say(words.todayNote, { status: statusWord(result.today.status, lang), reason: result.today.reason ? lang.say(words.todayReason, { reason: quoted(result.today.reason, lang) }) : '' })]
        : []),
      ...(result.title ? [lang.say(words.titleNote, { title: result.title })] : []),
      result.reason ? lang.say(words.reasonNote, { reason: quoted(result.reason, lang) }) : words.openLive,
    ],
  }
}

/** Where the headline number came from, for the caption: a source, or a person's hand with their note. */
/** "from the YouTube Data API v3": the API source that gave the number by its name (the metric's `via`), else the kind of source. */
function sourceWords(metric: ShownCount, platform: string, lang: Lang): string {
  const words = lang.w.live
  const api = metric.source === 'api' && metric.via ? adapterOf(platform)?.sources.find((source) => source.id === metric.via)?.name : undefined
  return lang.say(words.from, { source: api ? lang.say(words.apiSource, { api }) : words.sources[metric.source], rounded: metric.approximate ? words.rounded : '' })
}

function handWords(byHand: NonNullable<Headline['byHand']>, lang: Lang, meeting: string): string {
  return lang.say(lang.w.live.byHandOn, { date: dayWords(byHand.date, lang, meeting), note: byHand.note ? lang.say(lang.w.live.byHandNote, { note: byHand.note }) : '' })
}

function ageWords(days: number, lang: Lang): string {
  if (days <= 0) return lang.w.live.today
  return lang.plural(days, lang.w.live.daysOld)
}

/** The history with this meeting's snapshots added as its lines for `date`: what trends and goals are measured on. */
export function withToday(live: LiveMaterial, date: string): HistoryEntry[] {
  return [...ourHistory(live), ...(ourResults(live) ?? []).map((result) => entryOf(result, date))]
}

/**
 * The ROI segment: the team's goals first (goal-slides.ts), then followers
 * across meetings, as a chart and per account. A goal's chart, with its
 * target, takes the place of the followers chart: the goals say what the team
 * measures itself by.
 */
export function roiSlides(live: LiveMaterial, date: string, kicker: string, accountLabel: (id: string) => string, goals: GoalsConfig = { goals: [], official: [] }, lang: Lang = english()): Slide[] {
  return roiParts(live, date, kicker, accountLabel, goals, lang).map((part) => part.slide)
}

/** One slide of the ROI segment and how much it matters when the minutes are short (lower first). */
export interface RoiPart {
  readonly slide: Slide
  readonly rank: number
}

/**
 * The ROI segment's slides (roiSlides), each ranked for fitToMinutes
 * (fit.ts): the goals table first (what the team measures itself by), then
 * the first chart, the table of what changed per account, engagement, and
 * the further goal charts last.
 */
export function roiParts(live: LiveMaterial, date: string, kicker: string, accountLabel: (id: string) => string, goals: GoalsConfig = { goals: [], official: [] }, lang: Lang = english()): RoiPart[] {
  const words = lang.w.live
  const day = (d: string) => dayWords(d, lang, date)
  const dates = trendDates(live, date).slice(-8)
  const entries = withToday(live, date)
  const accounts = [...new Set(entries.map((e) => e.account))]
  const perAccount = accounts
    .map((account) => ({ account, points: series(entries, account, 'followers', date).filter((p) => dates.includes(p.date)) }))
    .filter((a) => a.points.length >= 2)
  // The total only over accounts measured at every date, so a new account is not a jump.
  const complete = perAccount.filter((a) => a.points.length === dates.length)
  // The axis labels are the chart's words: ISO dates in English as always, Intl's short date ("17. nov.") in another language.
  const axis = (d: string) => (lang.w.common.dates === 'iso' ? d : lang.shortDate(d))
  const totals = dates.map((d) => ({ label: axis(d), value: complete.reduce((sum, a) => sum + (a.points.find((p) => p.date === d)?.value ?? 0), 0) }))
  const first = totals[0]?.value ?? 0
  const lastTotal = totals.at(-1)?.value ?? 0
  const change = first > 0 ? ((lastTotal - first) / first) * 100 : 0
  const forGoals = goalSlides(goals.goals, { entries, date, official: goals.official, lang }, kicker, accountLabel)
  const slides: RoiPart[] = [...forGoals.table.map((slide) => ({ slide, rank: 0 })), ...forGoals.charts.map((slide, i) => ({ slide, rank: i === 0 ? 1 : 4 }))]
  if (complete.length > 0 && forGoals.charts.length === 0) {
    slides.push({ rank: 1, slide: {
      kind: 'chart',
      segment: 'roi',
      kicker,
      title: lang.say(change >= 0 ? words.followersGrew : words.followersFell, { pct: percentWords(Math.abs(change) / 100, lang), meetings: lang.plural(dates.length, words.meetings) }),
      chart: { points: totals },
      image: 'charts/followers.svg',
      caption: lang.say(words.followersCaption, { accounts: lang.plural(complete.length, words.accounts), date: day(dates[0]!) }),
      notes: [
        lang.say(words.followersNote, { accounts: lang.plural(complete.length, words.accounts), first: lang.count(first), firstDate: day(dates[0]!), last: lang.count(lastTotal), lastDate: day(dates.at(-1)!) }),
        words.followersAsk,
      ],
    } })
  }
  slides.push({ rank: 2, slide: {
    kind: 'table',
    segment: 'roi',
    kicker,
    title: words.changedTitle,
    table: {
      header: [words.changedHeader[0]!, lang.say(words.changedHeader[1]!, { date: day(dates[0] ?? date) })],
      rows: perAccount.map((a) => {
        const start = a.points[0]!
        const end = a.points.at(-1)!
        return [accountLabel(a.account), lang.say(words.changedRow, { value: lang.count(end.value), change: lang.change(end.value - start.value), date: day(start.date) })] as const
      }),
    },
    notes: [words.changedNote],
  } })
  const engagement = engagementRows(entries, accounts, dates[0] ?? date, date, accountLabel, lang)
  if (engagement.length > 0) {
    slides.push({ rank: 3, slide: {
      kind: 'table',
      segment: 'roi',
      kicker,
      title: words.engagementTitle,
      table: { header: [words.engagementHeader[0]!, lang.say(words.engagementHeader[1]!, { date: day(dates[0] ?? date) })], rows: engagement.map((row) => [row.label, row.text] as const) },
      notes: [words.engagementNote, ...engagement.map((row) => `${row.label}: ${row.notes}`)],
    } })
  }
  return slides
}

/**
 * Each account's engagement now (its newest interactions per post on or
 * before the meeting) against the earliest in the ROI window, with the posts
 * of the last 30 days; only accounts measured at least once in the window.
 */
function engagementRows(entries: readonly HistoryEntry[], accounts: readonly string[], from: string, date: string, accountLabel: (id: string) => string, lang: Lang): { label: string; text: string; notes: string }[] {
  const words = lang.w.live
  const day = (d: string) => dayWords(d, lang, date)
  return accounts.flatMap((account) => {
    const inWindow = (d: string) => d >= from && d <= date
    const now = newestGood(entries, account, 'interactionsPerPost', inWindow)
    if (!now) return []
    const earliest = entries
      .filter((e) => e.account === account && e.status === 'ok' && e.metrics.interactionsPerPost !== undefined && inWindow(e.date) && e.date < now.date)
      .sort((a, b) => a.date.localeCompare(b.date) || a.capturedAt.localeCompare(b.capturedAt))[0]
    const posts = newestGood(entries, account, 'postsPerMonth', (d) => d === now.date)
    const pace = posts ? lang.say(words.pace, { posts: lang.plural(posts.value, words.posts) }) : ''
    const label = accountLabel(account)
    if (!earliest) {
      return [{ label, text: lang.say(words.firstMeasured, { value: lang.count(now.value), date: day(now.date) }) + pace, notes: lang.say(words.engagementRowNote, { interactions: interactionWords(now.value, lang), date: day(now.date), pace }) }]
    }
    const then = earliest.metrics.interactionsPerPost!.value
    return [
      {
        label,
        text: lang.say(words.changedRow, { value: lang.count(now.value), change: lang.change(now.value - then), date: day(earliest.date) }) + pace,
        notes: lang.say(words.engagementCompare, { now: interactionWords(now.value, lang), date: day(now.date), then: interactionWords(then, lang), earlier: day(earliest.date), pace }),
      },
    ]
  })
}

/** 0.044 → "4.4%" (en) or "4,4 %" (nb): one decimal always, as the deck wrote it with toFixed(1); no grouping. */
export function percentWords(fraction: number, lang: Lang = english()): string {
  return new Intl.NumberFormat(lang.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(fraction)
}
