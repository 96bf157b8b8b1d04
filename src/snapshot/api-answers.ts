// Owns reading what a platform's JSON API answered: the shape of each answer
// (Bluesky app.bsky.actor.getProfile, Mastodon accounts/lookup, X API v2
// users/by/username) as a decoder, and the outcome for the account. An answer
// that is `null`, a list, a string, or lacks the follower count is that
// account's `error` with the reason, never a crash of the run. Pure: the
// capture step fetches, this only reads. Reasons never quote the answer: it
// comes from the network, and the reason ends up on a slide.
import { count, dateTime, describeFailure, maybe, object, optional, parseJson, string, anyJson, array, type Decoder } from '../data/decode.js'
import type { Metrics } from './metrics.js'

export type ApiKind = 'bluesky' | 'mastodon' | 'x'

export type ApiAnswer =
  | { readonly status: 'ok'; readonly metrics: Metrics; readonly title?: string; readonly description?: string }
  | { readonly status: 'not-found' | 'error'; readonly reason: string }

// Counts other than the followers are optional: they fill the slide when
// there, and the headline number is the followers.
export const blueskyProfile = object({
  followersCount: count,
  followsCount: optional(count),
  postsCount: optional(count),
  displayName: maybe(string),
  description: maybe(string),
})

export const mastodonAccount = object({
  followers_count: count,
  following_count: optional(count),
  statuses_count: optional(count),
  // null for an account that never posted.
  last_status_at: maybe(dateTime),
  display_name: maybe(string),
  note: maybe(string),
})

export const xUserAnswer = object({
  data: maybe(
    object({
      name: maybe(string),
      description: maybe(string),
      public_metrics: object({ followers_count: count, following_count: optional(count), tweet_count: optional(count) }),
    }),
  ),
  // X answers 200 with only `errors` for a user that does not exist.
  errors: maybe(array(anyJson)),
})

/** The error body some APIs send with a 400 ("Profile not found"); anything else is no message. */
const errorBody = object({ message: maybe(string), error: maybe(string) })

/** What `kind`'s API answered with `httpStatus` and `body`, for one account (401, 403 and 429 are the caller's). */
export function readApiAnswer(kind: ApiKind, httpStatus: number, body: string): ApiAnswer {
  const json = parseJson(body, anyJson)
  if (!json.ok) return { status: 'error', reason: `the ${kind} API answered ${httpStatus} with something that is not JSON` }
  if (httpStatus === 404) return { status: 'not-found', reason: `no such account (${kind} API ${httpStatus})` }
  if (httpStatus === 400) {
    const error = errorBody(json.value)
    const message = error.ok ? (error.value.message ?? error.value.error ?? '') : ''
    if (/not found/i.test(message)) return { status: 'not-found', reason: `no such account (${kind} API ${httpStatus})` }
  }
  if (httpStatus !== 200) return { status: 'error', reason: `the ${kind} API answered ${httpStatus}` }
  const decoded = ANSWERS[kind](json.value)
  if (!decoded.ok) return { status: 'error', reason: `the ${kind} API answered 200 with an unexpected answer (${describeFailure(decoded.failure)})` }
  return decoded.value
}

/** Each kind's answer, decoded into the account's outcome. */
const ANSWERS: Record<ApiKind, Decoder<ApiAnswer>> = {
  bluesky: then(blueskyProfile, (data) => ({
    status: 'ok',
    metrics: counts({ followers: data.followersCount, following: data.followsCount, posts: data.postsCount }),
    title: text(data.displayName),
    description: text(data.description),
  })),
  mastodon: then(mastodonAccount, (data) => {
    const metrics = counts({ followers: data.followers_count, following: data.following_count, posts: data.statuses_count })
    const last = data.last_status_at === undefined ? {} : { lastPostAt: { value: new Date(data.last_status_at).toISOString().slice(0, 10), source: 'api' as const } }
    return { status: 'ok', metrics: { ...metrics, ...last }, title: text(data.display_name), description: text(stripTags(data.note)) }
  }),
  x: then(xUserAnswer, (answer): ApiAnswer => {
    const user = answer.data
    if (!user) {
      return answer.errors ? { status: 'not-found', reason: 'no such account (X API)' } : { status: 'error', reason: 'the x API answered 200 without the account' }
    }
    const pm = user.public_metrics
    return { status: 'ok', metrics: counts({ followers: pm.followers_count, following: pm.following_count, posts: pm.tweet_count }), title: text(user.name), description: text(user.description) }
  }),
}

function then<T, U>(decoder: Decoder<T>, map: (value: T) => U): Decoder<U> {
  return (value, field) => {
    const decoded = decoder(value, field)
    return decoded.ok ? { ok: true, value: map(decoded.value) } : decoded
  }
}

function counts(values: Readonly<Record<'followers' | 'following' | 'posts', number | undefined>>): Metrics {
  const out: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
  for (const key of ['followers', 'following', 'posts'] as const) {
    const value = values[key]
    if (value !== undefined) out[key] = { value, source: 'api' }
  }
  return out
}

/** A display text: blank is nothing, and a very long one is cut. */
export function text(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.slice(0, 2000) : undefined
}

/** Mastodon's `note` is HTML: its words only. */
export function stripTags(html: string | undefined): string | undefined {
  return html?.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
}
