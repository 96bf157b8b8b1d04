// Owns the slides built from live snapshots and the metrics history: the
// here-and-now segment (one summary, then one slide per account, screenshot as
// evidence) and the ROI trend. A blocked account is never shown as data: its
// slide says why, and gives the last good value with its age.
import type { SegmentId } from '../agenda/segments.js'
import type { StoredAudit } from '../audit/store.js'
import { formatChange, formatCount } from '../snapshot/format.js'
import { daysBetween, lastGoodValue, previousValue, series, type HistoryEntry } from '../snapshot/history.js'
import type { CountMetric, MetricSource, Metrics } from '../snapshot/metrics.js'
import type { SnapshotResult } from '../snapshot/types.js'
import type { Slide } from './slide.js'

export interface LiveMaterial {
  /** This build's snapshots; absent with --no-snapshots. */
  readonly results?: readonly SnapshotResult[]
  /** The history as it was before this build's snapshots. */
  readonly history: readonly HistoryEntry[]
  /** The latest `showtell audit`, screenshots copied into the build folder; absent before the first audit. */
  readonly audit?: StoredAudit
}

const PLATFORM_NAMES: Record<string, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  threads: 'Threads',
  tiktok: 'TikTok',
  x: 'X',
  blog: 'Blog',
  website: 'Website',
}

const SOURCE_WORDS: Record<MetricSource, string> = {
  api: "the platform's public API",
  feed: 'the RSS/Atom feed',
  meta: "the page's meta tags",
  'embedded-json': "the page's embedded data",
  'page-text': 'the page text',
}

/** What counts as the account's headline number on each platform. */
function followerWord(platform: string): string {
  if (platform === 'youtube') return 'subscribers'
  if (platform === 'facebook') return 'likes'
  return 'followers'
}

const STATUS_WORDS: Record<string, string> = {
  blocked: 'blocked',
  'not-found': 'not found',
  timeout: 'no answer',
  error: 'failed',
}

export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform
}

export function hasLiveMaterial(live: LiveMaterial | undefined): boolean {
  return (live?.results?.length ?? 0) > 0
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
  if (!hasLiveMaterial(live)) empty.push('here-and-now')
  if (!hasTrend(live, date)) empty.push('roi')
  return empty
}

interface Headline {
  readonly text: string
  readonly metric?: CountMetric
  readonly delta?: string
}

function headline(result: SnapshotResult, history: readonly HistoryEntry[], date: string): Headline {
  const word = followerWord(result.platform)
  const followers = result.metrics.followers
  if (followers) {
    const previous = previousValue(history, result.account, 'followers', date)
    const delta = previous ? `${formatChange(followers.value - previous.value)} since ${previous.date}` : 'first measurement'
    return { text: `${formatCount(followers.value)} ${word}`, metric: followers, delta }
  }
  if (result.metrics.lastPostAt) return { text: `last post ${result.metrics.lastPostAt.value.slice(0, 10)}` }
  if (result.metrics.posts) return { text: `${formatCount(result.metrics.posts.value)} posts`, metric: result.metrics.posts }
  return { text: 'live, no public numbers' }
}

function secondaryFacts(metrics: Metrics, platform: string): string[] {
  const facts: string[] = []
  if (metrics.following) facts.push(`${formatCount(metrics.following.value)} following`)
  if (metrics.posts) facts.push(`${formatCount(metrics.posts.value)} ${platform === 'youtube' || platform === 'tiktok' ? 'videos' : 'posts'}`)
  if (metrics.lastPostAt) facts.push(`Last post ${metrics.lastPostAt.value.slice(0, 10)}`)
  if (metrics.postsPerMonth) facts.push(`${formatCount(metrics.postsPerMonth.value)} posts in the last 30 days`)
  return facts
}

/** "2026-11-22 03:50 UTC" from an ISO timestamp. */
export function capturedAtWords(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** Account slides share the slide with a screenshot, so their kicker stays short. */
const ACCOUNT_KICKER = 'Live now'

/** The here-and-now segment: a summary table, then one slide per account. */
export function hereAndNowSlides(live: LiveMaterial, date: string, kicker: string, accountLabel: (id: string) => string): Slide[] {
  const results = live.results ?? []
  const ok = results.filter((r) => r.status === 'ok')
  const walled = results.length - ok.length
  const rows = results.map((r) => {
    const name = accountLabel(r.account)
    const label = name.toLowerCase().includes(platformName(r.platform).toLowerCase()) ? name : `${name} (${platformName(r.platform)})`
    if (r.status !== 'ok') return [label, `${STATUS_WORDS[r.status] ?? r.status}: ${r.reason ?? 'no reason given'}`] as const
    const h = headline(r, live.history, date)
    return [label, h.delta && h.delta !== 'first measurement' ? `${h.text}, ${h.delta.replace(/ since .*/, '')}` : h.text] as const
  })
  const summary: Slide = {
    kind: 'table',
    segment: 'here-and-now',
    kicker,
    title:
      walled === 0
        ? `All ${results.length} of our accounts are live right now`
        : `${ok.length} of our ${results.length} accounts answered; ${walled} did not`,
    table: { header: ['Account', 'Right now'], rows },
    notes: [
      'These are live snapshots taken for this meeting, not last quarter’s numbers. Open any account in the browser to show it for real.',
      ...results.filter((r) => r.status !== 'ok').map((r) => `${accountLabel(r.account)}: ${r.status}, ${r.reason ?? ''}`),
    ],
  }
  const unread = results.filter((r) => r.status !== 'ok')
  return [
    summary,
    ...ok.map((result) => accountSlide(result, live.history, date, ACCOUNT_KICKER, accountLabel(result.account))),
    ...(unread.length > 0 ? [unreadSlide(unread, live.history, date, kicker, accountLabel)] : []),
  ]
}

/**
 * The accounts that could not be read today share one table (split like any
 * table when it runs long), instead of one near-empty slide each: what
 * happened, the last good value with its age (history, never today's
 * number), and what would fix it.
 */
function unreadSlide(unread: readonly SnapshotResult[], history: readonly HistoryEntry[], date: string, kicker: string, accountLabel: (id: string) => string): Slide {
  const rows = unread.map((r) => {
    const last = lastGoodValue(history, r.account, 'followers', date)
    const known = last ? `Last good: ${formatCount(last.value)} ${followerWord(r.platform)} on ${last.date} (${ageWords(daysBetween(last.date, date))}).` : 'No good value recorded yet.'
    return [`${accountLabel(r.account)}: ${r.reason ?? STATUS_WORDS[r.status] ?? r.status}`, `${known} Fix: ${fixFor(r)}`] as const
  })
  return {
    kind: 'table',
    segment: 'here-and-now',
    kicker,
    title: unread.length === 1 ? `1 account could not be read today` : `${unread.length} accounts could not be read today`,
    table: { header: ['Account: why', 'What we know, and the fix'], rows },
    notes: [
      'These pages gave no numbers of their own today. The values shown are history, with their age, not today’s numbers.',
      ...unread.map((r) => `${accountLabel(r.account)}: ${STATUS_WORDS[r.status] ?? r.status}, ${r.reason ?? 'no reason given'}.`),
    ],
  }
}

/** What would let showtell read this account next time, in words a presenter can act on. */
function fixFor(result: SnapshotResult): string {
  if (result.platform === 'x' && result.status === 'blocked' && result.reason === 'login required') return 'set SHOWTELL_X_BEARER_TOKEN (the X API).'
  if (result.status === 'not-found') return "check the account's url or handle in showtell.yaml."
  if (result.status === 'blocked') return `enter today's figure from the platform's own analytics: showtell record ${result.account} followers=N.`
  return 'run showtell snapshot again; if it keeps failing, enter the figure by hand with showtell record.'
}

/** An account that answered: its number large, the change, the screenshot and the source. */
function accountSlide(result: SnapshotResult, history: readonly HistoryEntry[], date: string, kicker: string, label: string): Slide {
  const platform = platformName(result.platform)
  const when = capturedAtWords(result.capturedAt)
  const h = headline(result, history, date)
  const source = h.metric ? `from ${SOURCE_WORDS[h.metric.source]}${h.metric.approximate ? ', rounded by the platform' : ''}` : undefined
  return {
    kind: 'account',
    segment: 'here-and-now',
    kicker,
    title: `${platform}: ${h.text}`,
    figure: h.metric ? formatCount(h.metric.value) : undefined,
    change: h.metric ? h.delta : undefined,
    bullets: secondaryFacts(result.metrics, result.platform),
    image: result.screenshot ? `snapshots/${result.screenshot}` : undefined,
    caption: [`Snapshot ${when}`, source].filter(Boolean).join(' · '),
    notes: [
      `${label}, captured ${when}. ${h.text}${h.delta ? ` (${h.delta})` : ''}.`,
      ...(result.title ? [`The page calls itself: ${result.title}`] : []),
      result.reason ? `Note: ${result.reason}.` : 'Open the account live if the room wants to see more.',
    ],
  }
}

function ageWords(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return '1 day old'
  return `${days} days old`
}

/** The ROI segment: followers across meetings, as a chart and per account. */
export function roiSlides(live: LiveMaterial, date: string, kicker: string, accountLabel: (id: string) => string): Slide[] {
  const dates = trendDates(live, date).slice(-8)
  const entries: HistoryEntry[] = [
    ...live.history,
    ...(live.results ?? []).map((r) => ({ date, capturedAt: r.capturedAt, account: r.account, platform: r.platform, status: r.status, metrics: r.metrics })),
  ]
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
  const slides: Slide[] = []
  if (complete.length > 0) {
    slides.push({
      kind: 'chart',
      segment: 'roi',
      kicker,
      title: `Followers ${change >= 0 ? 'grew' : 'fell'} ${Math.abs(change).toFixed(1)}% over ${dates.length} meetings`,
      chart: { points: totals },
      image: 'charts/followers.svg',
      caption: `Total followers of the ${complete.length} accounts measured at every meeting since ${dates[0]}`,
      notes: [
        `Across ${complete.length} accounts, from ${formatCount(first)} on ${dates[0]} to ${formatCount(lastTotal)} on ${dates.at(-1)}.`,
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
  return slides
}
