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
import type { SegmentId } from '../agenda/segments.js'
import type { StoredAudit } from '../audit/store.js'
import { formatChange, formatCount } from '../snapshot/format.js'
import { adapterOf } from '../platforms/index.js'
import { fixFor } from '../snapshot/fix.js'
import { countWords, engagementWords, headlineOf, headlineWords, interactionWords, newestCount, platformName, platformWords, type Headline } from '../snapshot/headline.js'
import { daysBetween, entryOf, handFigure, series, type HistoryEntry, type MetricKey } from '../snapshot/history.js'
import type { RecordedMetrics, RecordedSource, SnapshotResult } from '../snapshot/types.js'
import { plural } from './plural.js'
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
}

const SOURCE_WORDS: Record<RecordedSource, string> = {
  manual: 'a figure entered by hand',
  api: "the platform's public API",
  feed: 'the RSS/Atom feed',
  meta: "the page's meta tags",
  'embedded-json': "the page's embedded data",
  'page-text': 'the page text',
}

export const STATUS_WORDS: Record<string, string> = {
  blocked: 'blocked',
  'not-found': 'not found',
  timeout: 'no answer',
  error: 'failed',
}

// The deck's callers (loss-of-control) name platforms as the headline model does.
export { platformName }

/** A metric as a slide shows it; `enteredOn` when a person entered it by hand, for that day. */
type ShownMetrics = { readonly [K in MetricKey]?: NonNullable<RecordedMetrics[K]> & { readonly enteredOn?: string } }
type ShownCount = NonNullable<ShownMetrics['followers']>

/** An account as the here-and-now shows it: this run's result, gaps filled by hand. */
export interface Shown extends Omit<SnapshotResult, 'metrics'> {
  readonly metrics: ShownMetrics
  /** How today's snapshot went, when a hand figure stands in for it; `none` in a build without snapshots. */
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
  return { ...result, status: 'ok', metrics, screenshot: undefined, reason: undefined, today: today ?? { status: STATUS_WORDS[result.status] ?? result.status, reason: result.reason } }
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
  if (!live.results) return handOnly(live.history, date)
  return live.results.map((r) => withHandFigures(r, live.history, date) ?? r)
}

export function hasLiveMaterial(live: LiveMaterial | undefined, date?: string): boolean {
  if ((live?.results?.length ?? 0) > 0) return true
  return live !== undefined && date !== undefined && !live.results && handOnly(live.history, date).length > 0
}

/** The dates (oldest first) with followers for at least one account, this meeting included. */
function trendDates(live: LiveMaterial, date: string): string[] {
  const dates = new Set<string>()
  for (const entry of live.history) if (entry.status === 'ok' && entry.metrics.followers && entry.date < date) dates.add(entry.date)
  if (live.results?.some((r) => r.status === 'ok' && r.metrics.followers)) dates.add(date)
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

export function headline(result: Shown, history: readonly HistoryEntry[], date: string): ShownHeadline {
  const model = headlineOf(result, history, date)
  const text = headlineWords(model) || 'live, no public numbers'
  if (model.value === undefined) return { text, model }
  return { text, model, delta: model.change ? `${formatChange(model.change.delta)} since ${model.change.since}` : 'first measurement' }
}

/** The headline's metric as recorded, for its source and note. */
function headlineMetric(result: Shown, model: Headline): ShownCount | undefined {
  return model.metric === 'none' || model.metric === 'lastPostAt' ? undefined : result.metrics[model.metric]
}

function secondaryFacts(metrics: ShownMetrics, platform: string, lead: Headline['metric']): string[] {
  const words = platformWords(platform)
  const facts: string[] = []
  if (metrics.following) facts.push(`${formatCount(metrics.following.value)} following`)
  if (metrics.likes && lead !== 'likes') facts.push(countWords(metrics.likes.value, words.likes))
  if (metrics.posts && lead !== 'posts') facts.push(countWords(metrics.posts.value, words.posts))
  if (metrics.views) facts.push(countWords(metrics.views.value, 'views'))
  if (metrics.lastPostAt) facts.push(`Last post ${metrics.lastPostAt.value.slice(0, 10)}`)
  const engagement = engagementWords(metrics)
  if (engagement) facts.push(engagement)
  return facts
}

/** "2026-11-22 03:50 UTC" from an ISO timestamp. */
export function capturedAtWords(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/**
 * The accounts that could not be read today (and have no figure entered by
 * hand to stand in) share one table, split like any table when it runs long,
 * instead of one near-empty slide each: what happened, the last good value
 * with its age (history, never today's number), and what would fix it.
 */
export function unreadSlide(unread: readonly Shown[], history: readonly HistoryEntry[], date: string, kicker: string, accountLabel: (id: string) => string): Slide {
  const rows = unread.map((r) => {
    const last = headlineOf(r, history, date).lastGood
    const known = last ? `Last good: ${formatCount(last.value)} ${last.word} on ${last.date} (${ageWords(daysBetween(last.date, date))}).` : 'No good value recorded yet.'
    return [`${accountLabel(r.account)}: ${r.reason ?? STATUS_WORDS[r.status] ?? r.status}`, `${known} Fix: ${fixFor(r)}`] as const
  })
  return {
    kind: 'table',
    segment: 'here-and-now',
    kicker,
    title: plural(unread.length, { one: '# account could not be read today', other: '# accounts could not be read today' }),
    table: { header: ['Account: why', 'What we know, and the fix'], rows },
    notes: [
      'These pages gave no numbers of their own today. The values shown are history, with their age, not today’s numbers.',
      ...unread.map((r) => `${accountLabel(r.account)}: ${STATUS_WORDS[r.status] ?? r.status}, ${r.reason ?? 'no reason given'}.`),
    ],
  }
}


/** An account with a number to show (today's, or one entered by hand): large, with the change, the screenshot and the source. */
export function accountSlide(result: Shown, history: readonly HistoryEntry[], date: string, kicker: string, label: string): Slide {
  const platform = platformName(result.platform)
  const when = capturedAtWords(result.capturedAt)
  const h = headline(result, history, date)
  const metric = headlineMetric(result, h.model)
  const source = h.model.byHand ? handWords(h.model.byHand) : metric ? sourceWords(metric, result.platform) : undefined
  const snapshot = result.today === 'none' ? undefined : result.today ? `Snapshot ${when}: ${result.today.status}` : `Snapshot ${when}`
  return {
    kind: 'account',
    segment: 'here-and-now',
    kicker,
    title: `${platform}: ${h.text}`,
    figure: h.model.value !== undefined ? formatCount(h.model.value) : undefined,
    change: h.delta,
    bullets: secondaryFacts(result.metrics, result.platform, h.model.metric),
    image: result.screenshot ? `snapshots/${result.screenshot}` : undefined,
    caption: [snapshot, source].filter(Boolean).join(' · '),
    notes: [
      h.model.byHand
        ? `${label}: ${h.text}${h.delta ? ` (${h.delta})` : ''}, entered by hand for ${h.model.byHand.date}${h.model.byHand.note ? ` (${h.model.byHand.note})` : ''}.`
        : `${label}, captured ${when}. ${h.text}${h.delta ? ` (${h.delta})` : ''}.`,
      ...(h.model.metric === 'likes' ? [`${platform} gave no follower count for this account: the number is the ${h.model.word}, not followers.`] : []),
      ...(result.today && result.today !== 'none' ? [`Today's snapshot: ${result.today.status}${result.today.reason ? `, ${result.today.reason}` : ''}.`] : []),
      ...(result.title ? [`The page calls itself: ${result.title}`] : []),
      result.reason ? `Note: ${result.reason}.` : 'Open the account live if the room wants to see more.',
    ],
  }
}

/** Where the headline number came from, for the caption: a source, or a person's hand with their note. */
/** "from the YouTube Data API v3": the API source that gave the number by its name (the metric's `via`), else the kind of source. */
function sourceWords(metric: ShownCount, platform: string): string {
  const api = metric.source === 'api' && metric.via ? adapterOf(platform)?.sources.find((source) => source.id === metric.via)?.name : undefined
  return `from ${api ? `the ${api}` : SOURCE_WORDS[metric.source]}${metric.approximate ? ', rounded by the platform' : ''}`
}

function handWords(byHand: NonNullable<Headline['byHand']>): string {
  return `entered by hand on ${byHand.date}${byHand.note ? ` · ${byHand.note}` : ''}`
}

function ageWords(days: number): string {
  if (days <= 0) return 'today'
  return plural(days, { one: '# day old', other: '# days old' })
}

/** The history with this meeting's snapshots added as its lines for `date`: what trends and goals are measured on. */
export function withToday(live: LiveMaterial, date: string): HistoryEntry[] {
  return [...live.history, ...(live.results ?? []).map((result) => entryOf(result, date))]
}

/**
 * The ROI segment: the team's goals first (goal-slides.ts), then followers
 * across meetings, as a chart and per account. A goal's chart, with its
 * target, takes the place of the followers chart: the goals say what the team
 * measures itself by.
 */
export function roiSlides(live: LiveMaterial, date: string, kicker: string, accountLabel: (id: string) => string, goals: GoalsConfig = { goals: [], official: [] }): Slide[] {
  const dates = trendDates(live, date).slice(-8)
  const entries = withToday(live, date)
  const accounts = [...new Set(entries.map((e) => e.account))]
  const perAccount = accounts
    .map((account) => ({ account, points: series(entries, account, 'followers', date).filter((p) => dates.includes(p.date)) }))
    .filter((a) => a.points.length >= 2)
  // The total only over accounts measured at every date, so a new account is not a jump.
  const complete = perAccount.filter((a) => a.points.length === dates.length)
  const totals = dates.map((d) => ({ label: d, value: complete.reduce((sum, a) => sum + (a.points.find((p) => p.date === d)?.value ?? 0), 0) }))
  const first = totals[0]?.value ?? 0
  const lastTotal = totals.at(-1)?.value ?? 0
  const change = first > 0 ? ((lastTotal - first) / first) * 100 : 0
  const forGoals = goalSlides(goals.goals, { entries, date, official: goals.official }, kicker, accountLabel)
  const slides: Slide[] = [...forGoals.table, ...forGoals.charts]
  if (complete.length > 0 && forGoals.charts.length === 0) {
    slides.push({
      kind: 'chart',
      segment: 'roi',
      kicker,
      title: `Followers ${change >= 0 ? 'grew' : 'fell'} ${Math.abs(change).toFixed(1)}% over ${dates.length} meetings`,
      chart: { points: totals },
      image: 'charts/followers.svg',
      caption: `Total followers of the ${plural(complete.length, { one: '# account', other: '# accounts' })} measured at every meeting since ${dates[0]}`,
      notes: [
        `Across ${plural(complete.length, { one: '# account', other: '# accounts' })}, from ${formatCount(first)} on ${dates[0]} to ${formatCount(lastTotal)} on ${dates.at(-1)}.`,
        'Connect the change to what we did: which posts, campaigns or replies moved it?',
      ],
    })
  }
  slides.push({
    kind: 'table',
    segment: 'roi',
    kicker,
    title: 'What changed, account by account',
    table: {
      header: ['Account', `Since ${dates[0]}`],
      rows: perAccount.map((a) => {
        const start = a.points[0]!
        const end = a.points.at(-1)!
        return [accountLabel(a.account), `${formatCount(end.value)} (${formatChange(end.value - start.value)} since ${start.date})`] as const
      }),
    },
    notes: ['Pick one account and ask what we would do differently to move it by the next meeting.'],
  })
  const engagement = engagementRows(entries, accounts, dates[0] ?? date, date, accountLabel)
  if (engagement.length > 0) {
    slides.push({
      kind: 'table',
      segment: 'roi',
      kicker,
      title: 'Engagement: interactions per post',
      table: { header: ['Account', `Median per post, since ${dates[0] ?? date}`], rows: engagement.map((row) => [row.label, row.text] as const) },
      notes: [
        'The median interactions (likes, replies, shares) per post over the 30 days before each snapshot: whether people respond, not only whether they follow.',
        ...engagement.map((row) => `${row.label}: ${row.notes}`),
      ],
    })
  }
  return slides
}

/**
 * Each account's engagement now (its newest interactions per post on or
 * before the meeting) against the earliest in the ROI window, with the posts
 * of the last 30 days; only accounts measured at least once in the window.
 */
function engagementRows(entries: readonly HistoryEntry[], accounts: readonly string[], from: string, date: string, accountLabel: (id: string) => string): { label: string; text: string; notes: string }[] {
  return accounts.flatMap((account) => {
    const inWindow = (d: string) => d >= from && d <= date
    const now = newestCount(entries, account, 'interactionsPerPost', inWindow)
    if (!now) return []
    const earliest = entries
      .filter((e) => e.account === account && e.status === 'ok' && e.metrics.interactionsPerPost !== undefined && inWindow(e.date) && e.date < now.date)
      .sort((a, b) => a.date.localeCompare(b.date) || a.capturedAt.localeCompare(b.capturedAt))[0]
    const posts = newestCount(entries, account, 'postsPerMonth', (d) => d === now.date)
    const pace = posts ? `; ${countWords(posts.value, 'posts')} in 30 days` : ''
    const label = accountLabel(account)
    if (!earliest) return [{ label, text: `${formatCount(now.value)} (first measured ${now.date})${pace}`, notes: `${interactionWords(now.value)} on ${now.date}${pace}.` }]
    const then = earliest.metrics.interactionsPerPost!.value
    return [
      {
        label,
        text: `${formatCount(now.value)} (${formatChange(now.value - then)} since ${earliest.date})${pace}`,
        notes: `${interactionWords(now.value)} on ${now.date}, against ${interactionWords(then)} on ${earliest.date}${pace}.`,
      },
    ]
  })
}
