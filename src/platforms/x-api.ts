// Owns X API v2 as a source, with the owner's bearer token
// (SHOWTELL_X_BEARER_TOKEN):
//   GET /2/users/by/username/:username?user.fields=public_metrics,description
//   https://docs.x.com/x-api/users/get-user-by-username
//   `data.{username, name, description, public_metrics.{followers_count,
//   following_count, tweet_count}}`; a user that does not exist is a 200
//   with only `errors`.
// No engagement: the user's posts (GET /2/users/:id/tweets) are not
// readable on every access level X sells, and each read costs the owner's
// quota, so followers, following and posts are all this source reads.
import { anyJson, array, count, maybe, object, optional, string } from '../data/decode.js'
import { credentialVariable } from '../secrets/credentials.js'
import { text } from '../snapshot/api-answers.js'
import type { Metrics } from '../snapshot/metrics.js'
import { forbidden, rateLimited, unauthorised } from './problems.js'
import { decodeAnswer, getAnswer, pathSegments } from './public-answers.js'
import type { AccountRef, ApiSource, SourceContext, SourceOutcome } from './source.js'

const ID = 'x-api-v2'
const NAME = 'X API v2'

// snapshot/api-answers.ts's xUserAnswer plus `data.username` (X always sends it), to check the answer is the account asked for.
const userAnswer = object({
  data: maybe(
    object({
      username: string,
      name: maybe(string),
      description: maybe(string),
      public_metrics: object({ followers_count: count, following_count: optional(count), tweet_count: optional(count) }),
    }),
  ),
  // X answers 200 with only `errors` for a user that does not exist.
  errors: maybe(array(anyJson)),
})

/** The handle without a leading @, or the last path segment of the profile url. */
export function xUsername(account: AccountRef): string {
  if (account.handle) return account.handle.trim().replace(/^@/, '')
  if (!account.url) return ''
  return (pathSegments(account.url).at(-1) ?? '').replace(/^@/, '')
}

export const xApi: ApiSource = {
  id: ID,
  name: NAME,
  credential: 'x',
  async read(context: SourceContext): Promise<SourceOutcome> {
    if (!context.credential) return { status: 'skipped', reason: `${NAME}: no token; set ${credentialVariable('x')}` }
    const username = xUsername(context.account)
    if (username === '') return { status: 'skipped', reason: `${NAME}: the account has no handle` }
    const url = `${context.base('x')}/2/users/by/username/${encodeURIComponent(username)}?user.fields=public_metrics,description`
    const got = await getAnswer(NAME, context, url, { authorization: `Bearer ${context.credential}` })
    if (!got.ok) return got.outcome
    const { status } = got.value
    if (status === 401) return unauthorised(NAME, 'x', status)
    if (status === 403) return forbidden(NAME, 'x', status)
    if (status === 429) return rateLimited(NAME, 'x', status)
    const read = decodeAnswer(NAME, got.value, userAnswer)
    if (!read.ok) return read.outcome
    const user = read.value.data
    if (!user) {
      return read.value.errors ? { status: 'not-found', reason: `no such account (${NAME})` } : { status: 'error', reason: `${NAME} answered ${status} without the account` }
    }
    if (user.username.toLowerCase() !== username.toLowerCase()) return { status: 'error', reason: `${NAME} answered for another account than ${username}` }
    const pm = user.public_metrics
    const metrics: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
    metrics.followers = { value: pm.followers_count, source: 'api', via: ID }
    if (pm.following_count !== undefined) metrics.following = { value: pm.following_count, source: 'api', via: ID }
    if (pm.tweet_count !== undefined) metrics.posts = { value: pm.tweet_count, source: 'api', via: ID }
    const title = text(user.name)
    const description = text(user.description)
    return {
      status: 'ok',
      metrics,
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
    }
  },
}
