// Owns reading a YouTube channel through the YouTube Data API v3 with the
// owner's API key (SHOWTELL_YOUTUBE_API_KEY): the channel's subscribers,
// videos, views, title and description, then the latest upload and the pace
// from its uploads playlist, then the engagement of the last 30 days' videos.
//
// The requests and answers follow Google's reference pages:
// - channels.list:      https://developers.google.com/youtube/v3/docs/channels/list
//   (`id` or `forHandle`, `part=snippet,statistics,contentDetails`; a channel
//   that does not exist is a 200 without `items`)
// - channel resource:   https://developers.google.com/youtube/v3/docs/channels#resource
//   (statistics.subscriberCount / videoCount / viewCount are uint64 written as
//   JSON strings; hiddenSubscriberCount; contentDetails.relatedPlaylists.uploads)
// - playlistItems.list: https://developers.google.com/youtube/v3/docs/playlistItems/list
//   (contentDetails.videoId and contentDetails.videoPublishedAt, maxResults ≤ 50)
// - videos.list:        https://developers.google.com/youtube/v3/docs/videos/list
//   (statistics.likeCount / commentCount, strings, left out when the owner
//   hides likes or turns comments off)
// - errors:             https://developers.google.com/youtube/v3/docs/errors
//   and Google's JSON error format (error.errors[].reason, error.status,
//   error.details[] ErrorInfo reasons such as API_KEY_INVALID, SERVICE_DISABLED)
//
// Rounding: the channel resource says subscriberCount "is rounded down to
// three significant figures"; the revision history of 2019-09 (and the
// YouTube Help Center's "subscriber count abbreviations") says this applies
// to channels with more than 1,000 subscribers, and that the API returns the
// same abbreviated count YouTube shows. So a count of 1,000 or more that has
// at most three significant figures (24100, 1230000) is marked approximate;
// a smaller one, or one with more figures than the rule allows, is exact.
// A hidden count (hiddenSubscriberCount) is no number at all: the source
// steps aside (`skipped`) saying so, since no other source can read it either
// and the owner can enter the figure from YouTube Studio by hand.
//
// The key travels in the query string (Google's API-key form), so every
// reason this module gives is scrubbed of it, including the message of a
// network error that may quote the URL.
import { anyJson, array, boolean, count, dateTime, describeFailure, isRecord, kindOf, maybe, object, optional, parseJson, string, type Decoder } from '../data/decode.js'
import { credentialVariable } from '../secrets/credentials.js'
import { text } from '../snapshot/api-answers.js'
import type { CountMetric, Metrics } from '../snapshot/metrics.js'
import { median } from './engagement.js'
import { expired, forbidden, noAnswer, rateLimited, unauthorised, unexpectedStatus } from './problems.js'
import type { AccountRef, ApiSource, HttpAnswer, SourceContext, SourceOutcome } from './source.js'

const ID = 'youtube-data-api'
const API = 'YouTube Data API v3'
const VIA = { source: 'api', via: ID } as const
const DAY_MS = 86_400_000
const WINDOW_MS = 30 * DAY_MS
/** playlistItems.list and videos.list take at most 50 per page. */
const PAGE = 50

// ---- the answers ---------------------------------------------------------

/** A uint64 as Google's JSON writes it: a string of digits (a plain JSON number is taken too). Never NaN. */
export const countString: Decoder<number> = (value, field = '') => {
  if (typeof value === 'string' && /^\d{1,16}$/.test(value)) {
    const n = Number(value)
    if (Number.isSafeInteger(n)) return { ok: true, value: n }
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return { ok: true, value }
  // Only the kind of value is kept: the answer comes from the network.
  return { ok: false, failure: { field, expected: 'a count written as digits', got: typeof value === 'string' && value !== '' ? 'a string that is not a count' : kindOf(value), shown: kindOf(value) } }
}

const channel = object({
  id: string,
  snippet: maybe(object({ title: maybe(string), description: maybe(string), customUrl: maybe(string) })),
  statistics: object({
    viewCount: maybe(countString),
    subscriberCount: maybe(countString),
    hiddenSubscriberCount: maybe(boolean),
    videoCount: maybe(countString),
  }),
  contentDetails: maybe(object({ relatedPlaylists: maybe(object({ uploads: maybe(string) })) })),
})

// `items` is left out when nothing matched; `null` is not something Google sends, so it is an error.
const channelList = object({
  items: optional(array(channel)),
  pageInfo: maybe(object({ totalResults: maybe(count) })),
})

const playlistItems = object({
  items: array(object({ contentDetails: object({ videoId: string, videoPublishedAt: maybe(dateTime) }) })),
  nextPageToken: maybe(string),
})

const videoList = object({
  items: array(object({ id: string, statistics: maybe(object({ likeCount: maybe(countString), commentCount: maybe(countString) })) })),
})

// Google's error body: { error: { code, message, status, errors: [{ reason, domain }], details: [{ reason }] } }.
const googleError = object({
  error: object({
    status: maybe(string),
    message: maybe(string),
    errors: maybe(array(anyJson)),
    details: maybe(array(anyJson)),
  }),
})

/** Every reason word in a Google error body: errors[].reason, details[].reason and error.status. */
function errorReasons(body: string): { reasons: Set<string>; message: string } {
  const decoded = parseJson(body, googleError)
  if (!decoded.ok) return { reasons: new Set(), message: '' }
  const reasons = new Set<string>()
  const error = decoded.value.error
  if (error.status) reasons.add(error.status)
  for (const item of [...(error.errors ?? []), ...(error.details ?? [])]) {
    if (isRecord(item) && typeof item.reason === 'string') reasons.add(item.reason)
  }
  return { reasons, message: error.message ?? '' }
}

// ---- refusals ------------------------------------------------------------

const KEY = credentialVariable('youtube')
const QUOTA = ['quotaExceeded', 'dailyLimitExceeded', 'rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED', 'RESOURCE_EXHAUSTED']
const DISABLED = ['accessNotConfigured', 'SERVICE_DISABLED']
// A key restricted to other APIs, other sites (HTTP referrers), other addresses or apps.
const RESTRICTED = ['ipRefererBlocked', 'API_KEY_SERVICE_BLOCKED', 'API_KEY_HTTP_REFERRER_BLOCKED', 'API_KEY_IP_ADDRESS_BLOCKED', 'API_KEY_ANDROID_APP_BLOCKED', 'API_KEY_IOS_APP_BLOCKED']

/** What a non-200 answer means, read from Google's error reasons first and the status after. */
function refusal(answer: HttpAnswer): SourceOutcome {
  const { reasons, message } = errorReasons(answer.body)
  const has = (words: readonly string[]) => words.some((word) => reasons.has(word))
  // Today's answer to a bad key is reason `badRequest` with ErrorInfo API_KEY_INVALID; older ones said `keyInvalid`.
  if (has(['keyInvalid', 'API_KEY_INVALID']) || (reasons.has('badRequest') && /API key not valid/i.test(message))) return unauthorised(API, 'youtube', answer.status)
  if (has(['keyExpired', 'API_KEY_EXPIRED'])) return expired(API, 'youtube')
  if (has(QUOTA) || answer.status === 429) return rateLimited(API, 'youtube', answer.status)
  if (has(DISABLED)) {
    return { status: 'blocked', reason: `${API} is not enabled for the Google Cloud project of ${KEY} (${answer.status}); enable the YouTube Data API v3 in that project (APIs & Services → Library) or use a key from a project where it is` }
  }
  if (has(RESTRICTED)) {
    return { status: 'blocked', reason: `${API}: the restrictions of ${KEY} do not allow this call (${answer.status}); in the key's settings allow the YouTube Data API v3 and set no website or app restriction (showtell calls from this machine)` }
  }
  if (answer.status === 401) return unauthorised(API, 'youtube', answer.status)
  // A missing key is `forbidden` too ("The request is missing a valid API key.").
  if (answer.status === 403) return forbidden(API, 'youtube', answer.status)
  return unexpectedStatus(API, answer)
}

// ---- which channel -------------------------------------------------------

const CHANNEL_ID = /^UC[\w-]{22}$/
const HANDLE = /^[\p{L}\p{N}._·-]{1,100}$/u

type Lookup = { readonly by: 'id'; readonly value: string } | { readonly by: 'forHandle'; readonly value: string }

/** The channel to ask for: its id (platformId, a /channel/UC… url, a UC… handle) or its @handle. */
export function channelLookup(account: AccountRef): Lookup | undefined {
  const platformId = account.platformId?.trim()
  if (platformId && CHANNEL_ID.test(platformId)) return { by: 'id', value: platformId }
  const path = urlPath(account.url)
  // A segment anywhere: `snapshot.endpoints.youtube` may put the channel under a prefix (the demo's /youtube/channel/UC…).
  const fromUrl = /(?:^|\/)channel\/(UC[\w-]{22})(?:\/|$)/.exec(path ?? '')?.[1]
  if (fromUrl) return { by: 'id', value: fromUrl }
  const handle = account.handle?.trim().replace(/^@/, '')
  if (handle && CHANNEL_ID.test(handle)) return { by: 'id', value: handle }
  if (handle && HANDLE.test(handle)) return { by: 'forHandle', value: `@${handle}` }
  const urlHandle = /(?:^|\/)@([^/]+)(?:\/|$)/.exec(path ?? '')?.[1]
  if (urlHandle && HANDLE.test(urlHandle)) return { by: 'forHandle', value: `@${urlHandle}` }
  return undefined
}

function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return decodeURIComponent(new URL(url).pathname)
  } catch {
    return undefined
  }
}

// ---- the source ----------------------------------------------------------

export const youtubeDataApi: ApiSource = {
  id: ID,
  name: API,
  credential: 'youtube',
  async read(context) {
    const key = context.credential
    if (!key) return { status: 'skipped', reason: `no YouTube Data API key: set ${KEY}` }
    const outcome = await readChannel(context, key)
    // The last word: whatever went wrong, a reason never carries the key. Our
    // own words are only checked for a key long enough not to be a word of
    // them (the demo's `quota` key would eat "quota"); real keys are 39 characters.
    return outcome.status === 'ok' ? outcome : { status: outcome.status, reason: scrub(outcome.reason, key, 12) }
  },
}

async function readChannel(context: SourceContext, key: string): Promise<SourceOutcome> {
  const lookup = channelLookup(context.account)
  if (!lookup) {
    return { status: 'skipped', reason: `${API} needs the channel id (platformId: UC…, or a /channel/UC… url) or its @handle` }
  }
  const base = `${context.base('youtube-api')}/youtube/v3`
  const asked = await ask(context, key, `${base}/channels`, { part: 'snippet,statistics,contentDetails', [lookup.by]: lookup.value })
  if ('outcome' in asked) return asked.outcome
  if (asked.answer.status !== 200) return refusal(asked.answer)
  const decoded = parseJson(asked.answer.body, channelList)
  if (!decoded.ok) return { status: 'error', reason: `${API} answered 200 with an unexpected answer (${describeFailure(decoded.failure)})` }
  const items = decoded.value.items ?? []
  const item = items[0]
  if (!item) return { status: 'not-found', reason: `no such channel (${API}: no channel for ${lookup.by === 'id' ? 'that id' : 'that handle'})` }
  // Never someone else's numbers: the channel answered must be the one asked for.
  if (items.length > 1 || !sameChannel(lookup, item)) return { status: 'error', reason: `${API} answered with another channel than the one asked for` }

  const statistics = item.statistics
  if (statistics.hiddenSubscriberCount === true) {
    // No source can read a hidden count; the owner sees it in YouTube Studio.
    return { status: 'skipped', reason: `the channel hides its subscriber count (${API} hiddenSubscriberCount); read it in YouTube Studio and enter it with showtell record` }
  }
  if (statistics.subscriberCount === undefined) return { status: 'error', reason: `${API} answered 200 with an unexpected answer (items[0].statistics.subscriberCount: expected a count written as digits, got nothing)` }

  const metrics: { -readonly [K in keyof Metrics]: Metrics[K] } = {
    followers: { value: statistics.subscriberCount, ...VIA, ...(isRoundedSubscriberCount(statistics.subscriberCount) ? { approximate: true } : {}) },
  }
  if (statistics.videoCount !== undefined) metrics.posts = { value: statistics.videoCount, ...VIA }
  if (statistics.viewCount !== undefined) metrics.views = { value: statistics.viewCount, ...VIA }

  const uploads = item.contentDetails?.relatedPlaylists?.uploads
  if (uploads) Object.assign(metrics, await recentUploads(context, key, base, uploads))

  const title = text(item.snippet?.title)
  const description = text(item.snippet?.description)
  return { status: 'ok', metrics, ...(title ? { title } : {}), ...(description ? { description } : {}) }
}

function sameChannel(lookup: Lookup, item: { readonly id: string; readonly snippet?: { readonly customUrl?: string } }): boolean {
  if (lookup.by === 'id') return item.id === lookup.value
  // customUrl is the handle ("@nordlysoutdoor") on channels that have one; an older custom name has no "@".
  const custom = item.snippet?.customUrl
  return !custom?.startsWith('@') || custom.toLowerCase() === lookup.value.toLowerCase()
}

/** True when `n` looks like the API's abbreviation: at least 1,000 and no more than three significant figures. */
export function isRoundedSubscriberCount(n: number): boolean {
  if (n < 1_000) return false
  const step = 10 ** (String(Math.trunc(n)).length - 3)
  return n % step === 0
}

/**
 * The latest upload, the uploads of the last 30 days and their median
 * interactions. Any failure here leaves those metrics out and keeps the
 * channel's numbers: the headline is never lost for a secondary call.
 */
async function recentUploads(context: SourceContext, key: string, base: string, playlistId: string): Promise<Metrics> {
  const asked = await ask(context, key, `${base}/playlistItems`, { part: 'contentDetails', playlistId, maxResults: String(PAGE) })
  if ('outcome' in asked || asked.answer.status !== 200) return {}
  const decoded = parseJson(asked.answer.body, playlistItems)
  if (!decoded.ok) return {}
  const nowMs = context.now.getTime()
  const uploads = decoded.value.items
    .map((item) => ({ id: item.contentDetails.videoId, at: item.contentDetails.videoPublishedAt === undefined ? Number.NaN : Date.parse(item.contentDetails.videoPublishedAt) }))
    // A scheduled premiere is not an upload yet.
    .filter((upload) => Number.isFinite(upload.at) && upload.at <= nowMs)
  const out: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
  const newest = uploads.reduce<number | undefined>((max, upload) => (max === undefined || upload.at > max ? upload.at : max), undefined)
  if (newest !== undefined) out.lastPostAt = { value: new Date(newest).toISOString().slice(0, 10), ...VIA }
  const recent = uploads.filter((upload) => upload.at > nowMs - WINDOW_MS)
  // A full page that is all recent, with more behind it, only gives a floor.
  const floor = decoded.value.items.length >= PAGE && recent.length === uploads.length && decoded.value.nextPageToken !== undefined
  out.postsPerMonth = { value: recent.length, ...VIA, ...(floor ? { approximate: true } : {}) }
  if (recent.length > 0) {
    const interactions = await medianInteractions(context, key, base, recent.map((upload) => upload.id).slice(0, PAGE))
    if (interactions) out.interactionsPerPost = interactions
  }
  return out
}

async function medianInteractions(context: SourceContext, key: string, base: string, ids: readonly string[]): Promise<CountMetric | undefined> {
  const asked = await ask(context, key, `${base}/videos`, { part: 'statistics', id: ids.join(',') })
  if ('outcome' in asked || asked.answer.status !== 200) return undefined
  const decoded = parseJson(asked.answer.body, videoList)
  if (!decoded.ok) return undefined
  const wanted = new Set(ids)
  const totals: number[] = []
  let partial = false
  for (const video of decoded.value.items) {
    if (!wanted.has(video.id)) continue
    wanted.delete(video.id)
    const likes = video.statistics?.likeCount
    const comments = video.statistics?.commentCount
    // Hidden likes or comments turned off: what is there is a floor; nothing at all is unknown.
    if (likes === undefined && comments === undefined) continue
    if (likes === undefined || comments === undefined) partial = true
    totals.push((likes ?? 0) + (comments ?? 0))
  }
  const value = median(totals)
  if (value === undefined) return undefined
  return { value, ...VIA, ...(partial ? { approximate: true } : {}) }
}


// ---- asking --------------------------------------------------------------

/** One GET with the key in the query string; a thrown error (no answer) becomes the outcome, scrubbed of the key. */
async function ask(context: SourceContext, key: string, endpoint: string, params: Readonly<Record<string, string>>): Promise<{ answer: HttpAnswer } | { outcome: SourceOutcome }> {
  const query = new URLSearchParams({ ...params, key }).toString().replace(/%2C/gi, ',')
  try {
    return { answer: await context.get(`${endpoint}?${query}`, { accept: 'application/json' }) }
  } catch (error) {
    const name = (error as Error)?.name
    const message = scrub(String((error as Error)?.message ?? error), key)
    return { outcome: noAnswer(API, Object.assign(new Error(message), { name: typeof name === 'string' ? name : 'Error' })) }
  }
}

/**
 * `text` without the key: every `key=` parameter of a URL in it, and the key
 * itself in any of the forms a URL or a message may carry it, when it is at
 * least `shortest` characters long.
 */
export function scrub(text: string, key: string, shortest = 1): string {
  let out = text.replace(/([?&]key=)[^&\s#"')]*/gi, '$1…')
  if (key.length < shortest) return out
  for (const form of new Set([key, encodeURIComponent(key), new URLSearchParams({ key }).toString().slice(4)])) {
    if (form.length > 0) out = out.split(form).join('…')
  }
  return out
}
