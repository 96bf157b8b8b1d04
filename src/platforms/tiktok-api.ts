// Owns reading a TikTok account through the Display API with the owner's user
// access token: followers, following, videos and likes received. The token
// reads only its own user, so the username it answers with must be the
// account asked for, or nothing is reported.
//
// Documentation (checked for the exact requests and answers):
// - Get User Info: https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info
//   `GET https://open.tiktokapis.com/v2/user/info/?fields=…` with
//   `Authorization: Bearer <token>` → `{"data":{"user":{…}},"error":{"code":"ok","message":"","log_id":…}}`;
//   open_id (scope user.info.basic), username, display_name, bio_description
//   (user.info.profile), follower_count, following_count, likes_count,
//   video_count (user.info.stats).
// - Errors: https://developers.tiktok.com/doc/tiktok-api-v2-error-handling
//   `error.code`: access_token_invalid (401; "invalid or not found", which is
//   what an expired token gets: user tokens last 24 hours), scope_not_authorized
//   (401) and scope_permission_missed (403), rate_limit_exceeded (429, see
//   https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit), invalid_params
//   (400), internal_error (500).
import { anyJson, count, describeFailure, maybe, nonEmptyString, object, parseJson, string } from '../data/decode.js'
import { credentialVariable } from '../secrets/credentials.js'
import type { Metrics } from '../snapshot/metrics.js'
import { atHandle, bare, text, withoutToken } from './source-helpers.js'
import { expired, forbidden, noAnswer, rateLimited, unauthorised, unexpectedStatus } from './problems.js'
import type { ApiSource, HttpAnswer, SourceOutcome } from './source.js'

const ID = 'tiktok-display-api'
const NAME = 'TikTok Display API'
const FIELDS = 'open_id,username,display_name,bio_description,follower_count,following_count,likes_count,video_count'
const SCOPES = 'the user.info.basic, user.info.profile and user.info.stats scopes'

const userInfoAnswer = object({
  data: object({
    user: object({
      username: nonEmptyString,
      display_name: maybe(string),
      bio_description: maybe(string),
      follower_count: count,
      following_count: maybe(count),
      likes_count: maybe(count),
      video_count: maybe(count),
    }),
  }),
})

const errorAnswer = object({ error: object({ code: string }) })

export const tiktokDisplayApi: ApiSource = {
  id: ID,
  name: NAME,
  credential: 'tiktok',
  async read(context) {
    const token = context.credential
    if (!token) return { status: 'skipped', reason: `${NAME}: no token; set ${credentialVariable('tiktok')}` }
    const handle = atHandle(context.account)
    if (handle === undefined) return { status: 'skipped', reason: `${NAME}: the account has no TikTok handle to check the token against` }

    let answer: HttpAnswer
    try {
      answer = await context.get(`${context.base('tiktok-api')}/v2/user/info/?fields=${FIELDS}`, { authorization: `Bearer ${token}` })
    } catch (error) {
      return noAnswer(NAME, withoutToken(error, token))
    }
    const parsed = parseJson(answer.body, anyJson)
    const error = parsed.ok ? errorAnswer(parsed.value) : undefined
    const code = error?.ok ? error.value.error.code : undefined
    if (answer.status !== 200 || (code !== undefined && code !== 'ok')) return refusal(answer, code)
    if (!parsed.ok) return { status: 'error', reason: `${NAME} answered 200 with something that is not JSON` }

    const decoded = userInfoAnswer(parsed.value)
    if (!decoded.ok) return { status: 'error', reason: `${NAME} answered without what we read (${describeFailure(decoded.failure)})` }
    const user = decoded.value.data.user
    if (bare(user.username) !== handle) {
      return { status: 'skipped', reason: `the TikTok token belongs to another account, not @${handle}; set ${credentialVariable('tiktok')} to a token of @${handle}` }
    }
    const metrics: { -readonly [K in keyof Metrics]: Metrics[K] } = { followers: { value: user.follower_count, source: 'api', via: ID } }
    if (user.following_count !== undefined) metrics.following = { value: user.following_count, source: 'api', via: ID }
    if (user.video_count !== undefined) metrics.posts = { value: user.video_count, source: 'api', via: ID }
    if (user.likes_count !== undefined) metrics.likes = { value: user.likes_count, source: 'api', via: ID }
    return {
      status: 'ok',
      metrics,
      ...text('title', user.display_name),
      ...text('description', user.bio_description),
    }
  },
}

/** What an error answer means (its `error.code` is read, its message never quoted). */
function refusal(answer: HttpAnswer, code: string | undefined): SourceOutcome {
  if (code === 'access_token_invalid') return expired(NAME, 'tiktok')
  if (code === 'scope_not_authorized' || code === 'scope_permission_missed') return forbidden(NAME, 'tiktok', answer.status, SCOPES)
  if (code === 'rate_limit_exceeded' || answer.status === 429) return rateLimited(NAME, 'tiktok', answer.status)
  if (answer.status === 401) return unauthorised(NAME, 'tiktok', answer.status)
  if (answer.status === 403) return forbidden(NAME, 'tiktok', answer.status, SCOPES)
  if (answer.status === 200) return { status: 'error', reason: `${NAME} answered 200 with an error` }
  return unexpectedStatus(NAME, answer)
}

