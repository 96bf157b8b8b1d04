// Owns the comparison's numbers: per platform where we and at least one
// competitor have an account, each party's followers now, its growth since
// the last meeting and over the last 90 days, its posts in the last 30 days
// and its interactions per post. Growth, not size, decides who leads a row,
// so a small company can win it; parties equal at the shown precision (0.1%)
// lead together. A competitor not read today shows its last good value with
// its date and is never ranked: a stale number would win or lose on old news.
// A number the sources do not give is `undefined` with the reason, never 0.
// Pure: numbers in, rows out. The deck's slide (deck/compare.ts) and the
// app's one-line comparison (overview/overview.ts) both read these rows.
import { daysBetween, sinceLastMeeting, type HistoryEntry } from './history.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import type { SnapshotResult } from './types.js'

/** How far back "over 90 days" reaches. */
export const GROWTH_WINDOW_DAYS = 90

export interface Party {
  readonly name: string
  readonly ours: boolean
  /** Its accounts in file order; on a platform where it has several, the first counts. */
  readonly accounts: readonly { readonly id: string; readonly platform: string }[]
}

export interface CompareInput {
  /** The meeting, YYYY-MM-DD. */
  readonly date: string
  /** Us first, then each competitor. */
  readonly parties: readonly Party[]
  /** This build's results, ours and the competitors' (absent without snapshots). */
  readonly results?: readonly Reading[]
  /** The history before this build, ours and the competitors'. */
  readonly history: readonly HistoryEntry[]
  /**
   * The previous scheduled meeting (the deck's; calendar.ts
   * previousMeetingDate): growth "since the last meeting" is from the newest
   * good value on or before it, when there is one, so a check snapshot taken
   * between meetings is not the baseline. Absent (the app's dashboard): from
   * the snapshot before.
   */
  readonly lastMeeting?: string
}

/** What the comparison reads of a result: a run's SnapshotResult, or a history row standing for one (the dashboard's). */
export interface Reading {
  readonly account: string
  readonly status: SnapshotResult['status']
  readonly metrics: { readonly [K in 'followers' | 'postsPerMonth' | 'interactionsPerPost']?: { readonly value: number } }
}

export type Missing = 'not-read' | 'no-history' | 'not-given' | 'stale'

export interface Cell {
  readonly party: string
  readonly ours: boolean
  readonly account: string
  /** Followers today; undefined when not read (then `lastGood` may say what was). */
  readonly followers?: number
  /** The last good value and its date, for an account not read today. */
  readonly lastGood?: { readonly value: number; readonly date: string }
  /** Why it was not read today (the snapshot status), when it was not. */
  readonly status?: string
  /** Growth since the last meeting as a fraction (0.05 = 5%), and the day it is measured from. */
  readonly sinceLast?: { readonly fraction: number; readonly from: string }
  /** Growth over the last 90 days, from the oldest good value in that window. */
  readonly over90?: { readonly fraction: number; readonly from: string }
  readonly posts30?: number
  readonly perPost?: number
  /** Why each missing number is missing. */
  readonly missing: { readonly sinceLast?: Missing; readonly over90?: Missing; readonly posts30?: Missing; readonly perPost?: Missing }
  /** Ranked on fresh growth since the last meeting. */
  readonly ranked: boolean
  readonly leads: boolean
}

export interface Row {
  readonly platform: string
  readonly cells: readonly Cell[]
  /** The parties leading on growth since the last meeting (several when tied; none when fewer than two are ranked). */
  readonly leaders: readonly string[]
}

/**
 * Who is compared: us (the company's official accounts: an executive's or an
 * unofficial account is not the company's number), then each competitor in
 * showtell.yaml. The deck's slide and the app's line compare the same parties.
 */
export function comparisonParties(config: WorkspaceConfig): Party[] {
  return [
    { name: config.company.name, ours: true, accounts: config.accounts.filter((a) => a.owner === 'official') },
    ...config.competitors.map((c) => ({ name: c.name, ours: false, accounts: c.accounts })),
  ]
}

/** The order a row's cells are shown in: the ranked first, fastest growth first; the unranked (not read today) last. */
export function byGrowth(a: Cell, b: Cell): number {
  return Number(b.ranked) - Number(a.ranked) || (b.sinceLast?.fraction ?? 0) - (a.sinceLast?.fraction ?? 0)
}

/** Growth at the precision the slide shows (0.1%): equal there is a tie. */
export function shown(fraction: number): number {
  return Math.round(fraction * 1000)
}

function goodFollowers(history: readonly HistoryEntry[], account: string, before: string): HistoryEntry[] {
  return history.filter((e) => e.account === account && e.status === 'ok' && e.metrics.followers !== undefined && e.date < before).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function cellOf(party: Party, account: string, input: CompareInput): Omit<Cell, 'leads'> {
  const { date, history } = input
  const result = input.results?.find((r) => r.account === account)
  const earlier = goodFollowers(history, account, date)
  const now = result?.status === 'ok' ? result.metrics.followers?.value : undefined
  const base = { party: party.name, ours: party.ours, account }
  if (now === undefined) {
    const last = earlier.at(-1)
    const why: Missing = 'stale'
    return {
      ...base,
      ...(last ? { lastGood: { value: last.metrics.followers!.value, date: last.date } } : {}),
      status: result && result.status !== 'ok' ? result.status : result ? 'no-number' : 'not-read',
      missing: { sinceLast: why, over90: why, posts30: why, perPost: why },
      ranked: false,
    }
  }
  const previous = sinceLastMeeting(history, account, 'followers', date, input.lastMeeting)
  // Over 90 days from the oldest good value in the window, when it is older
  // than the last meeting's baseline: otherwise it would repeat "since the last meeting".
  const window = earlier.find((e) => daysBetween(e.date, date) <= GROWTH_WINDOW_DAYS && previous !== undefined && e.date < previous.date)
  const growth = (from: { readonly value: number; readonly date: string } | undefined) =>
    from && from.value > 0 ? { fraction: (now - from.value) / from.value, from: from.date } : undefined
  const sinceLast = growth(previous)
  const over90 = growth(window && { value: window.metrics.followers!.value, date: window.date })
  const posts30 = result?.metrics.postsPerMonth?.value
  const perPost = result?.metrics.interactionsPerPost?.value
  return {
    ...base,
    followers: now,
    ...(sinceLast ? { sinceLast } : {}),
    ...(over90 ? { over90 } : {}),
    ...(posts30 !== undefined ? { posts30 } : {}),
    ...(perPost !== undefined ? { perPost } : {}),
    missing: {
      ...(sinceLast ? {} : { sinceLast: 'no-history' as const }),
      ...(over90 ? {} : { over90: 'no-history' as const }),
      ...(posts30 !== undefined ? {} : { posts30: 'not-given' as const }),
      ...(perPost !== undefined ? {} : { perPost: 'not-given' as const }),
    },
    ranked: sinceLast !== undefined,
  }
}

/** The comparison's rows: one per platform of ours (in our file order) where a competitor has an account too. */
export function compare(input: CompareInput): Row[] {
  const [us, ...others] = input.parties
  if (!us || others.length === 0) return []
  const platforms = [...new Set(us.accounts.map((a) => a.platform))].filter((p) => others.some((o) => o.accounts.some((a) => a.platform === p)))
  return platforms.map((platform) => {
    const cells = input.parties.flatMap((party) => {
      const account = party.accounts.find((a) => a.platform === platform)
      return account ? [cellOf(party, account.id, input)] : []
    })
    const ranked = cells.filter((c) => c.ranked)
    const best = Math.max(...ranked.map((c) => shown(c.sinceLast!.fraction)))
    const leaders = ranked.length >= 2 ? ranked.filter((c) => shown(c.sinceLast!.fraction) === best).map((c) => c.party) : []
    return { platform, leaders, cells: cells.map((c) => ({ ...c, leads: leaders.includes(c.party) })) }
  })
}

/** Whether there is anything to compare: a competitor read today on a platform of ours (last good values alone are no comparison). */
export function hasComparison(rows: readonly Row[]): boolean {
  return rows.some((row) => row.cells.some((c) => !c.ours && c.followers !== undefined))
}
