// Owns the Bluesky public API as a source: no credential, two calls.
//   app.bsky.actor.getProfile  https://docs.bsky.app/docs/api/app-bsky-actor-get-profile
//     followers, following, posts, display name and description;
//   app.bsky.feed.getAuthorFeed https://docs.bsky.app/docs/api/app-bsky-feed-get-author-feed
//     (filter=posts_no_replies, limit=100): `feed[]` of feedViewPost, each
//     `post.{uri, author.did, record.createdAt, record.reply?, indexedAt,
//     likeCount, repostCount, replyCount, quoteCount}` and `reason` (a
//     `#reasonRepost` when the author reposted someone's post, `#reasonPin`
//     for the pinned post).
// The feed gives the engagement: the latest own post, the own posts of the
// 30 days before the snapshot and the median of likes + reposts + replies +
// quotes over them. Reposts (they are someone else's post) and replies are
// not the account's posts. A feed that fails leaves the profile's numbers.
import { anyJson, array, count, dateTime, maybe, object, optional, string, type Decoder } from '../data/decode.js'
import { blueskyProfile, text } from '../snapshot/api-answers.js'
import type { Metrics } from '../snapshot/metrics.js'
import { engagementOf, type DatedPost } from './engagement.js'
import { rateLimited } from './problems.js'
import { both, decodeAnswer, getAnswer, pathSegments } from './public-answers.js'
import type { AccountRef, ApiSource, SourceContext, SourceOutcome } from './source.js'

const ID = 'bluesky-api'
const NAME = 'Bluesky public API'
/** getAuthorFeed's maximum page. */
const FEED_LIMIT = 100

const profileAnswer = both(blueskyProfile, object({ did: string, handle: string }))

const feedAnswer = object({
  feed: array(
    object({
      post: object({
        uri: string,
        author: object({ did: string }),
        record: object({ createdAt: dateTime, reply: optional(anyJson) }),
        indexedAt: dateTime,
        // Optional in the lexicon: a post nobody liked may leave them out.
        likeCount: optional(count),
        repostCount: optional(count),
        replyCount: optional(count),
        quoteCount: optional(count),
      }),
      reason: maybe(object({ $type: maybe(string) })),
      reply: optional(anyJson),
    }),
  ),
})
type FeedAnswer = typeof feedAnswer extends Decoder<infer T> ? T : never

/** The handle without a leading @, or the name after /profile/ in the url (a DID works too). */
export function blueskyActor(account: AccountRef): string {
  if (account.handle) return account.handle.trim().replace(/^@/, '')
  if (!account.url) return ''
  const path = pathSegments(account.url)
  const i = path.indexOf('profile')
  return (i >= 0 ? path[i + 1] : path.at(-1)) ?? ''
}

export const blueskyApi: ApiSource = {
  id: ID,
  name: NAME,
  async read(context: SourceContext): Promise<SourceOutcome> {
    const actor = blueskyActor(context.account)
    if (actor === '') return { status: 'skipped', reason: `${NAME}: the account has no handle` }
    const root = `${context.base('bluesky')}/xrpc`
    const got = await getAnswer(NAME, context, `${root}/app.bsky.actor.getProfile?actor=${encodeURIComponent(actor)}`)
    if (!got.ok) return got.outcome
    const answer = got.value
    if (answer.status === 401 || answer.status === 403) return { status: 'blocked', reason: `${NAME} refused to show this account (${answer.status})` }
    if (answer.status === 429) return rateLimited(NAME, undefined, answer.status)
    const read = decodeAnswer(NAME, answer, profileAnswer)
    if (!read.ok) return read.outcome
    const profile = read.value
    // Numbers only for the account asked for: a handle that moved, or a server that answers for someone else, is not ours.
    const asked = actor.toLowerCase()
    if (asked !== profile.did.toLowerCase() && asked !== profile.handle.toLowerCase()) {
      return { status: 'error', reason: `${NAME} answered for another account than ${actor}` }
    }
    const metrics: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
    metrics.followers = { value: profile.followersCount, source: 'api', via: ID }
    if (profile.followsCount !== undefined) metrics.following = { value: profile.followsCount, source: 'api', via: ID }
    if (profile.postsCount !== undefined) metrics.posts = { value: profile.postsCount, source: 'api', via: ID }
    const engagement = await readFeed(context, root, profile.did)
    const title = text(profile.displayName)
    const description = text(profile.description)
    return {
      status: 'ok',
      metrics: { ...metrics, ...engagement },
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
    }
  },
}

/** The engagement from the author feed, or nothing when the feed cannot be read. */
async function readFeed(context: SourceContext, root: string, did: string): Promise<Metrics> {
  const url = `${root}/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(did)}&limit=${FEED_LIMIT}&filter=posts_no_replies`
  const got = await getAnswer(NAME, context, url)
  if (!got.ok) return {}
  const read = decodeAnswer(NAME, got.value, feedAnswer)
  if (!read.ok) return {}
  return engagementOf(ownPosts(read.value, did), context.now, { via: ID, full: read.value.feed.length >= FEED_LIMIT })
}

/** The account's own top-level posts: no reposts of anyone's post, no replies, no one else's post, each once (a pinned post comes twice). */
export function ownPosts(answer: FeedAnswer, did: string): DatedPost[] {
  const seen = new Set<string>()
  const out: DatedPost[] = []
  for (const item of answer.feed) {
    const { post } = item
    // A repost (#reasonRepost) is someone else's post; only the pinned-post marker leaves the post the author's own.
    if (item.reason !== undefined && item.reason.$type !== 'app.bsky.feed.defs#reasonPin') continue
    if (post.author.did !== did) continue
    if (post.record.reply !== undefined || item.reply !== undefined) continue
    if (seen.has(post.uri)) continue
    seen.add(post.uri)
    // Bluesky sorts by the earlier of the two: createdAt is the author's claim and may lie in the future.
    const at = Date.parse(post.record.createdAt) <= Date.parse(post.indexedAt) ? post.record.createdAt : post.indexedAt
    const interactions = (post.likeCount ?? 0) + (post.repostCount ?? 0) + (post.replyCount ?? 0) + (post.quoteCount ?? 0)
    out.push({ at, interactions })
  }
  return out
}
