// Owns the Mastodon API as a source: no credential, two calls to the
// account's own server.
//   GET /api/v1/accounts/lookup?acct=USER  https://docs.joinmastodon.org/methods/accounts/#lookup
//     an Account: id, acct, followers_count, following_count,
//     statuses_count, last_status_at (a day), display_name, note (HTML);
//   GET /api/v1/accounts/:id/statuses?exclude_replies=true&exclude_reblogs=true&limit=40
//     https://docs.joinmastodon.org/methods/accounts/#statuses: Status[],
//     each with created_at, account.id, reblog, in_reply_to_id,
//     favourites_count, reblogs_count, replies_count
//     (https://docs.joinmastodon.org/entities/Status/).
// The statuses give the engagement: the latest own post, the own posts of
// the 30 days before the snapshot and the median of favourites + boosts +
// replies over them. `exclude_replies` only drops replies to other accounts
// (a thread's continuation stays) and a server may ignore either filter, so
// boosts and replies are also left out here. A server in authorized-fetch
// ("secure") mode refuses anonymous reads with 401: `blocked`.
import { anyJson, array, count, dateTime, maybe, object, optional, string, type Decoder } from '../data/decode.js'
import { mastodonAccount, stripTags, text } from '../snapshot/api-answers.js'
import type { Metrics } from '../snapshot/metrics.js'
import { engagementOf, postDay, type DatedPost } from './engagement.js'
import { rateLimited } from './problems.js'
import { both, decodeAnswer, getAnswer, pathSegments } from './public-answers.js'
import type { AccountRef, ApiSource, SourceContext, SourceOutcome } from './source.js'

const ID = 'mastodon-api'
const NAME = 'Mastodon API'
/** The statuses endpoint's maximum page. */
const STATUSES_LIMIT = 40

const accountAnswer = both(mastodonAccount, object({ id: string, acct: string }))

const statusesAnswer = array(
  object({
    created_at: dateTime,
    account: object({ id: string }),
    reblog: maybe(anyJson),
    in_reply_to_id: maybe(string),
    favourites_count: optional(count),
    reblogs_count: optional(count),
    replies_count: optional(count),
  }),
)
type Statuses = typeof statusesAnswer extends Decoder<infer T> ? T : never

/** The user and, when known, the server: from `user@server`, or from the profile url (`https://server/@user`). */
export function mastodonParts(account: AccountRef): { user: string; instance?: string } {
  const raw = (account.handle ?? '').trim()
  const match = /^@?([^@\s]+)@([^@\s]+)$/.exec(raw)
  if (match) return { user: match[1]!, instance: match[2]! }
  const url = account.url ? parsedUrl(account.url) : undefined
  if (url) {
    const user = pathSegments(url.href).find((part) => part.startsWith('@'))?.slice(1)
    return { user: user ?? raw.replace(/^@/, ''), instance: url.host }
  }
  return { user: raw.replace(/^@/, '') }
}

/**
 * The server's API root: an explicit profile url names its own server
 * (everything before "/@user"), then `snapshot.endpoints.mastodon`, then the
 * handle's server. `configured` is the endpoint ('' when not set).
 */
export function mastodonRoot(account: AccountRef, configured: string): string | undefined {
  const url = account.url ? parsedUrl(account.url) : undefined
  if (url) {
    const at = url.pathname.indexOf('/@')
    if (at >= 0) return `${url.origin}${url.pathname.slice(0, at)}`
  }
  if (configured) return configured.replace(/\/+$/, '')
  const { instance } = mastodonParts(account)
  return instance ? `https://${instance}` : undefined
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

export const mastodonApi: ApiSource = {
  id: ID,
  name: NAME,
  async read(context: SourceContext): Promise<SourceOutcome> {
    const { user, instance } = mastodonParts(context.account)
    const root = mastodonRoot(context.account, context.base('mastodon'))
    if (user === '') return { status: 'skipped', reason: `${NAME}: the account has no handle` }
    if (!root) return { status: 'skipped', reason: `${NAME}: no server for this account; write the handle as user@server or give its profile url` }

    const got = await getAnswer(NAME, context, `${root}/api/v1/accounts/lookup?acct=${encodeURIComponent(user)}`)
    if (!got.ok) return got.outcome
    const refused = refusal(got.value.status)
    if (refused) return refused
    const read = decodeAnswer(NAME, got.value, accountAnswer)
    if (!read.ok) return read.outcome
    const account = read.value
    if (!sameAccount(account.acct, user, instance)) return { status: 'error', reason: `${NAME} answered for another account than ${user}` }

    const metrics: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
    metrics.followers = { value: account.followers_count, source: 'api', via: ID }
    if (account.following_count !== undefined) metrics.following = { value: account.following_count, source: 'api', via: ID }
    if (account.statuses_count !== undefined) metrics.posts = { value: account.statuses_count, source: 'api', via: ID }
    // The day of the latest status of any kind: the statuses below replace it with the latest own post when they can.
    if (account.last_status_at !== undefined) metrics.lastPostAt = { value: postDay(account.last_status_at), source: 'api', via: ID }

    const engagement = await readStatuses(context, root, account.id)
    const title = text(account.display_name)
    const description = text(stripTags(account.note))
    return {
      status: 'ok',
      metrics: { ...metrics, ...engagement },
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
    }
  },
}

function refusal(status: number): SourceOutcome | undefined {
  if (status === 401 || status === 403) return { status: 'blocked', reason: `this Mastodon server requires sign-in for its API (${status})` }
  if (status === 429) return rateLimited(NAME, undefined, status)
  return undefined
}

/** A server names its own accounts without the domain (`nordlys`) and others with it (`nordlys@other.example`). */
function sameAccount(acct: string, user: string, instance: string | undefined): boolean {
  const [name = '', domain] = acct.toLowerCase().split('@')
  if (name !== user.toLowerCase()) return false
  return domain === undefined || instance === undefined || domain === instance.toLowerCase()
}

/** The engagement from the account's statuses, or nothing when they cannot be read. */
async function readStatuses(context: SourceContext, root: string, id: string): Promise<Metrics> {
  const url = `${root}/api/v1/accounts/${encodeURIComponent(id)}/statuses?exclude_replies=true&exclude_reblogs=true&limit=${STATUSES_LIMIT}`
  const got = await getAnswer(NAME, context, url)
  if (!got.ok) return {}
  const read = decodeAnswer(NAME, got.value, statusesAnswer)
  if (!read.ok) return {}
  // With no own post among them there is no lastPostAt here, and last_status_at (any status) stays the latest we know.
  return engagementOf(ownStatuses(read.value, id), context.now, { via: ID, full: read.value.length >= STATUSES_LIMIT })
}

/** The account's own top-level posts: no boosts, no replies (not even to itself), nobody else's status. */
export function ownStatuses(statuses: Statuses, id: string): DatedPost[] {
  return statuses
    .filter((status) => status.account.id === id && status.reblog === undefined && status.in_reply_to_id === undefined)
    .map((status) => ({ at: status.created_at, interactions: (status.favourites_count ?? 0) + (status.reblogs_count ?? 0) + (status.replies_count ?? 0) }))
}
