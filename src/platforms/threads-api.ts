// Owns reading a Threads profile through the owner's Threads API token: who
// the token belongs to, and that account's follower count. The Threads API
// only ever reads the token's own account, so the profile the token names must
// be the account asked for, or nothing is reported.
//
// Documentation (checked for the exact requests and answers):
// - Profiles: https://developers.facebook.com/docs/threads/threads-profiles
//   `GET https://graph.threads.net/v1.0/me?fields=id,username,name,threads_biography`
//   (scope threads_basic).
// - Insights: https://developers.facebook.com/docs/threads/insights
//   and the reference https://developers.facebook.com/docs/threads/reference/insights
//   `GET /v1.0/{threads-user-id}/threads_insights?metric=followers_count`
//   (scope threads_manage_insights) answers
//   `{"data":[{"name":"followers_count","period":"day","title":"Followers",
//   "total_value":{"value":N},"id":"<id>/insights/followers_count/day"}]}`:
//   followers_count is a total (`total_value`), not a time series (`values`).
// - Errors are the Graph API's: https://developers.facebook.com/docs/graph-api/guides/error-handling
//   `{"error":{"message","type","code","error_subcode","fbtrace_id"}}`; code 190
//   is the access token (subcode 463: expired), 4/17/32/613 rate limits, 10 and
//   200-299 a missing permission, 100 with subcode 33 an object that is not there.
// - Posts: https://developers.facebook.com/docs/threads/threads-media and the
//   reference https://developers.facebook.com/docs/threads/reference/user
//   `GET /v1.0/{threads-user-id}/threads?fields=id,timestamp,media_type&limit=100`
//   (newest first, at most 100 a page; timestamps like `2023-10-17T05:42:03+0000`;
//   media_type REPOST_FACADE is someone else's post reposted). Per-post
//   engagement needs one insights call per post, so it is not read here.
// The token goes in an `Authorization: Bearer` header, never in the URL, so no
// error message about the URL can carry it.
import { array, count, dateTime, describeFailure, maybe, nonEmptyString, object, parseJson, string } from '../data/decode.js'
import { askJson, atHandle, bare, text } from './source-helpers.js'
import { expired, forbidden, rateLimited, unauthorised, unexpectedStatus } from './problems.js'
import type { ApiSource, HttpAnswer, SourceContext, SourceOutcome } from './source.js'
import { credentialVariable } from '../secrets/credentials.js'
import type { Metrics } from '../snapshot/metrics.js'

const ID = 'threads-api'
const NAME = 'Threads API'
const SCOPES = 'the threads_basic and threads_manage_insights permissions'

const profileAnswer = object({
  id: nonEmptyString,
  username: nonEmptyString,
  name: maybe(string),
  threads_biography: maybe(string),
})

const insightsAnswer = object({
  data: array(object({ name: string, total_value: maybe(object({ value: count })) })),
})

const postsAnswer = object({
  data: array(object({ timestamp: dateTime, media_type: maybe(string) })),
})

const POSTS_PAGE = 100
const WINDOW_MS = 30 * 24 * 60 * 60 * 1000

const graphError = object({
  error: object({ code: count, error_subcode: maybe(count) }),
})

export const threadsApi: ApiSource = {
  id: ID,
  name: NAME,
  credential: 'threads',
  async read(context) {
    const token = context.credential
    if (!token) return { status: 'skipped', reason: `${NAME}: no token; set ${credentialVariable('threads')}` }
    const handle = atHandle(context.account)
    if (handle === undefined) return { status: 'skipped', reason: `${NAME}: the account has no Threads handle to check the token against` }
    const headers = { authorization: `Bearer ${token}` }
    const base = `${context.base('threads-api')}/v1.0`

    const me = await ask(context, `${base}/me?fields=id,username,name,threads_biography`, headers, token)
    if ('status' in me) return me
    const profile = profileAnswer(me.json)
    if (!profile.ok) return { status: 'error', reason: `${NAME} answered its profile without what we read (${describeFailure(profile.failure)})` }
    if (bare(profile.value.username) !== handle) {
      return { status: 'skipped', reason: `the Threads token belongs to another account, not @${handle}; set ${credentialVariable('threads')} to a token of @${handle}` }
    }

    const insights = await ask(context, `${base}/${encodeURIComponent(profile.value.id)}/threads_insights?metric=followers_count`, headers, token)
    if ('status' in insights) return insights
    const decoded = insightsAnswer(insights.json)
    if (!decoded.ok) return { status: 'error', reason: `${NAME} answered its insights without what we read (${describeFailure(decoded.failure)})` }
    const followers = decoded.value.data.find((metric) => metric.name === 'followers_count')?.total_value?.value
    if (followers === undefined) return { status: 'error', reason: `${NAME} answered its insights without followers_count` }

    return {
      status: 'ok',
      metrics: { followers: { value: followers, source: 'api', via: ID }, ...(await recentPosts(context, `${base}/${encodeURIComponent(profile.value.id)}/threads`, headers)) },
      ...text('title', profile.value.name),
      ...text('description', profile.value.threads_biography),
    }
  },
}

/**
 * The last post's time and the posts of the 30 days before the snapshot,
 * from the newest page of the account's threads. Only a bonus: when that
 * call fails, the followers already read still stand, so nothing is reported
 * rather than the whole read failing.
 */
async function recentPosts(context: SourceContext, url: string, headers: Record<string, string>): Promise<Metrics> {
  let answer: HttpAnswer
  try {
    answer = await context.get(`${url}?fields=id,timestamp,media_type&limit=${POSTS_PAGE}`, headers)
  } catch {
    return {}
  }
  if (answer.status !== 200) return {}
  const decoded = parseJson(answer.body, postsAnswer)
  if (!decoded.ok) return {}
  const times = decoded.value.data
    .filter((post) => post.media_type !== 'REPOST_FACADE')
    .map((post) => Date.parse(post.timestamp))
    .filter((time) => time <= context.now.getTime())
  if (times.length === 0) return {}
  const since = context.now.getTime() - WINDOW_MS
  const recent = times.filter((time) => time > since).length
  // A full page of recent posts may not be all of them: then the count is a floor.
  const floor = decoded.value.data.length >= POSTS_PAGE && recent === times.length
  return {
    lastPostAt: { value: new Date(Math.max(...times)).toISOString(), source: 'api', via: ID },
    postsPerMonth: { value: recent, source: 'api', via: ID, ...(floor ? { approximate: true } : {}) },
  }
}

/** The JSON of a 200 answer, or the outcome that ends the read (source-helpers.ts `askJson`, with this API's refusals). */
function ask(context: SourceContext, url: string, headers: Record<string, string>, token: string): Promise<{ json: unknown } | SourceOutcome> {
  return askJson(NAME, context, url, headers, token, refusal)
}

/** What a Graph error answer means for the account (the codes are Meta's; the message is never quoted). */
function refusal(answer: HttpAnswer, json: unknown): SourceOutcome {
  const decoded = graphError(json)
  const code = decoded.ok ? decoded.value.error.code : undefined
  const subcode = decoded.ok ? decoded.value.error.error_subcode : undefined
  if (code === 190) return subcode === 463 ? expired(NAME, 'threads') : unauthorised(NAME, 'threads', answer.status)
  if (code === 4 || code === 17 || code === 32 || code === 613 || answer.status === 429) return rateLimited(NAME, 'threads', answer.status)
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return forbidden(NAME, 'threads', answer.status, SCOPES)
  if (code === 100 && subcode === 33) return { status: 'not-found', reason: `no such account (${NAME} ${answer.status})` }
  if (code === undefined && answer.status === 401) return unauthorised(NAME, 'threads', answer.status)
  if (code === undefined && answer.status === 403) return forbidden(NAME, 'threads', answer.status, SCOPES)
  return unexpectedStatus(NAME, answer)
}

