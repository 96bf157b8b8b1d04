// Owns the engagement numbers the Graph sources make from a list of posts
// (a Page's posts, an Instagram account's media): the latest post, the posts
// of the 30 days before the snapshot and their median interactions. Pure.
import type { Metrics } from '../snapshot/metrics.js'
import { median } from './engagement.js'

const DAY_MS = 24 * 60 * 60 * 1000
const WINDOW_MS = 30 * DAY_MS

export interface PostCounts {
  /** Epoch milliseconds. */
  readonly at: number
  /** Likes/reactions + comments (+ shares), or undefined when the API left a count out (hidden likes). */
  readonly interactions?: number
}

/**
 * `lastPostAt`, `postsPerMonth` and `interactionsPerPost` from `posts`
 * (newest first or not). `complete` is false when the list was cut at the
 * page size: then a month full of posts is only a floor, marked approximate.
 */
export function engagementOf(posts: readonly PostCounts[], now: Date, via: string, complete: boolean): Metrics {
  if (posts.length === 0) return {}
  const nowMs = now.getTime()
  const newest = Math.max(...posts.map((post) => post.at))
  const recent = posts.filter((post) => post.at > nowMs - WINDOW_MS && post.at <= nowMs)
  const oldest = Math.min(...posts.map((post) => post.at))
  // When the page was full and even its oldest post is in the window, more may be further back.
  const floor = !complete && oldest > nowMs - WINDOW_MS
  const counted = recent.map((post) => post.interactions).filter((value): value is number => value !== undefined)
  const middle = median(counted)
  return {
    lastPostAt: { value: new Date(newest).toISOString(), source: 'api', via },
    postsPerMonth: { value: recent.length, source: 'api', via, ...(floor ? { approximate: true } : {}) },
    ...(middle !== undefined ? { interactionsPerPost: { value: middle, source: 'api', via } } : {}),
  }
}
