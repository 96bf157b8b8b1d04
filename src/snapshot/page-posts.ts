// Owns reading, from a profile page itself, when the account last posted:
// Instagram's embedded profile state (`window._sharedData`, with the
// account's own recent media) and the timestamps of the posts a rendered
// timeline links to (X's `<time datetime>`, Facebook's `<abbr data-utime>`).
// Pure: read-page.ts gathers the raw facts in the browser. A page also shows
// other accounts' posts (reposts, quoted posts, suggestions, the signed-in
// viewer), so a date is only taken when the page says the post is this
// account's own; otherwise nothing.
import type { ParsedCount, ParsedCounts } from './metrics.js'

/** A timestamp shown on the page and the address of the post it dates, as read by read-page.ts. */
export interface PostTime {
  /** ISO 8601 (from `datetime`, or from `data-utime` seconds). */
  readonly at: string
  /** The `href` of the nearest link around the timestamp, as written in the markup. */
  readonly link: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const sameHandle = (a: unknown, handle: string): boolean => typeof a === 'string' && a.replace(/^@/, '').toLowerCase() === handle.replace(/^@/, '').toLowerCase()

/** A plain non-negative count from `{ "count": N }`. */
function edgeCount(edge: unknown): ParsedCount | undefined {
  const count = isRecord(edge) ? edge.count : undefined
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? { value: count, approximate: false } : undefined
}

/** Seconds since the epoch as ISO 8601, when it is a plausible post date (after 2004, Facebook's first year). */
function fromEpochSeconds(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 1_072_915_200) return undefined
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/**
 * The account's counts and its latest post date from Instagram's embedded
 * profile state (the 2021-era `window._sharedData`:
 * `entry_data.ProfilePage[0].graphql.user`). Read only when the state's user
 * is `handle`: the same object also names the signed-in viewer
 * (`config.viewer`), which is someone else. The latest post is the newest
 * `taken_at_timestamp` among the timeline media whose owner is that user.
 */
export function parseInstagramProfileState(state: unknown, handle: string | undefined): { counts: ParsedCounts; lastPostAt?: string } {
  const none = { counts: {} }
  if (handle === undefined || handle === '' || !isRecord(state)) return none
  const entry = isRecord(state.entry_data) && Array.isArray(state.entry_data.ProfilePage) ? state.entry_data.ProfilePage[0] : undefined
  const graphql = isRecord(entry) ? entry.graphql : undefined
  const user = isRecord(graphql) ? graphql.user : undefined
  if (!isRecord(user) || !sameHandle(user.username, handle)) return none
  const counts: { -readonly [K in keyof ParsedCounts]: ParsedCount } = {}
  const followers = edgeCount(user.edge_followed_by)
  const following = edgeCount(user.edge_follow)
  const posts = edgeCount(user.edge_owner_to_timeline_media)
  if (followers) counts.followers = followers
  if (following) counts.following = following
  if (posts) counts.posts = posts
  let latest: string | undefined
  const media = isRecord(user.edge_owner_to_timeline_media) ? user.edge_owner_to_timeline_media.edges : undefined
  for (const edge of Array.isArray(media) ? media : []) {
    const node = isRecord(edge) ? edge.node : undefined
    if (!isRecord(node) || !isRecord(node.owner)) continue
    const own = sameHandle(node.owner.username, handle) || (typeof user.id === 'string' && node.owner.id === user.id)
    const at = own ? fromEpochSeconds(node.taken_at_timestamp) : undefined
    if (at !== undefined && (latest === undefined || at > latest)) latest = at
  }
  return latest === undefined ? { counts } : { counts, lastPostAt: latest }
}

// Where a platform's own posts live: X `/{handle}/status/{id}`, Facebook
// `/{handle}/posts/{id}`. A repost shows the original's time and links to
// the original author's post; a quoted post's time has no link at all.
// An X status id is a snowflake that carries its own creation time: a
// timestamp that disagrees with the id it links to is not that post's.
const OWN_POST: Readonly<Partial<Record<string, { hosts: RegExp; path: (handle: string) => RegExp; agrees?: (id: string, at: number) => boolean }>>> = {
  x: { hosts: /(^|\.)(x|twitter)\.com$/, path: (handle) => new RegExp(`^/${escapeRegExp(handle)}/status/(\\d+)/?$`, 'i'), agrees: snowflakeAgrees },
  facebook: { hosts: /(^|\.)facebook\.com$/, path: (handle) => new RegExp(`^/${escapeRegExp(handle)}/posts/([\\w.:-]+)/?$`, 'i') },
}

// X's epoch for snowflake ids (2010-11-04T01:42:54.657Z). Ids from before it were
// sequential (below 3e10); anything under 2^52 (twelve days after the epoch) is not checked.
const TWITTER_EPOCH_MS = 1_288_834_974_657n
const FIRST_SNOWFLAKE = 1n << 52n

function snowflakeAgrees(id: string, at: number): boolean {
  const value = BigInt(id)
  if (value < FIRST_SNOWFLAKE) return true
  const made = Number((value >> 22n) + TWITTER_EPOCH_MS)
  return Math.abs(made - at) < 60_000
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The newest of the page's post timestamps whose link is a post of `handle`
 * on `platform` (X and Facebook), or undefined when none is provably the
 * account's. A pinned post is the account's own too; taking the newest means
 * an old pinned post at the top never hides a newer one.
 */
export function latestOwnPostTime(times: readonly PostTime[], platform: string, handle: string | undefined): string | undefined {
  const rule = OWN_POST[platform]
  if (!rule || handle === undefined || !/^[\w.-]+$/.test(handle.replace(/^@/, ''))) return undefined
  const path = rule.path(handle.replace(/^@/, ''))
  let latest: string | undefined
  for (const time of times) {
    let link: URL
    try {
      // Relative links are the platform's own; an absolute one must point at it.
      link = new URL(time.link, 'https://relative.invalid/')
    } catch {
      continue
    }
    if (link.hostname !== 'relative.invalid' && !rule.hosts.test(link.hostname)) continue
    const match = path.exec(link.pathname)
    if (!match) continue
    const at = Date.parse(time.at)
    if (Number.isNaN(at) || (rule.agrees && !rule.agrees(match[1]!, at))) continue
    const iso = new Date(at).toISOString()
    if (latest === undefined || iso > latest) latest = iso
  }
  return latest
}
