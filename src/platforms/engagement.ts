// Owns the engagement figures every API source computes the same way from a
// list of the account's own posts: the latest post's day, the posts of the 30
// days before the snapshot, and the median interactions per post over those.
// Pure: the sources decide which posts are the account's own (no reposts, no
// replies) and what an interaction is on their platform; this only counts.
import type { Metrics } from '../snapshot/metrics.js'

const DAY_MS = 24 * 60 * 60 * 1000
/** "The last 30 days", as feeds count it (snapshot/feed.ts). */
export const WINDOW_MS = 30 * DAY_MS
/** A post dated a little ahead of the snapshot is a clock skew; further ahead it is a wrong date and is not read. */
const FUTURE_TOLERANCE_MS = DAY_MS

export interface DatedPost {
  /** When it was posted, as the API wrote it (ISO 8601). */
  readonly at: string
  /** Likes + reposts/boosts + replies + quotes, as the platform counts them. */
  readonly interactions: number
}

/** The middle value; for an even count, the mean of the two middle ones. `undefined` for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The posts dated in the 30 days before `now` (a day's clock skew ahead allowed). Undated or unreadable dates are left out. */
export function postsInLast30Days<T extends DatedPost>(posts: readonly T[], now: Date): T[] {
  const nowMs = now.getTime()
  return posts.filter((post) => {
    const at = Date.parse(post.at)
    return Number.isFinite(at) && at > nowMs - WINDOW_MS && at <= nowMs + FUTURE_TOLERANCE_MS
  })
}

/** `2026-11-19`: the day of a post, the form the API sources write lastPostAt in (snapshot/api-answers.ts). */
export function postDay(at: string): string {
  return new Date(Date.parse(at)).toISOString().slice(0, 10)
}

export interface EngagementOptions {
  /** The source id every metric is marked with. */
  readonly via: string
  /**
   * True when the list may be cut short (the API returned as many posts as
   * asked for): if its oldest post is still inside the 30 days, the count is
   * a floor and is marked approximate.
   */
  readonly full?: boolean
}

/**
 * lastPostAt (the newest post's day), postsPerMonth and interactionsPerPost
 * from the account's own posts. No posts in the window is postsPerMonth 0 and
 * no interactionsPerPost (a median of nothing is not 0). Posts dated too far
 * ahead count for nothing, not even the latest post.
 */
export function engagementOf(posts: readonly DatedPost[], now: Date, options: EngagementOptions): Pick<Metrics, 'lastPostAt' | 'postsPerMonth' | 'interactionsPerPost'> {
  const nowMs = now.getTime()
  const dated = posts.filter((post) => {
    const at = Date.parse(post.at)
    return Number.isFinite(at) && at <= nowMs + FUTURE_TOLERANCE_MS
  })
  const newest = dated.reduce<DatedPost | undefined>((best, post) => (best === undefined || Date.parse(post.at) > Date.parse(best.at) ? post : best), undefined)
  const recent = postsInLast30Days(dated, now)
  const oldest = dated.reduce<number | undefined>((min, post) => (min === undefined || Date.parse(post.at) < min ? Date.parse(post.at) : min), undefined)
  const floor = options.full === true && oldest !== undefined && oldest > nowMs - WINDOW_MS
  const middle = median(recent.map((post) => post.interactions))
  const via = options.via
  return {
    ...(newest ? { lastPostAt: { value: postDay(newest.at), source: 'api' as const, via } } : {}),
    postsPerMonth: { value: recent.length, source: 'api', via, ...(floor ? { approximate: true } : {}) },
    ...(middle !== undefined ? { interactionsPerPost: { value: middle, source: 'api' as const, via } } : {}),
  }
}
