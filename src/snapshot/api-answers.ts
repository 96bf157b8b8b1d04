// Owns the shapes of the public APIs' answers (Bluesky app.bsky.actor.getProfile,
// Mastodon accounts/lookup, X API v2 users/by/username) as decoders, shared by
// their sources in platforms/ and the audit, and the small text helpers for
// what they say about an account. A `null`, a list or a missing count fails
// the decoder, which its source turns into that account's `error`.
import { anyJson, array, count, dateTime, maybe, object, optional, string } from '../data/decode.js'

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

/** A display text: blank is nothing, and a very long one is cut. */
export function text(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.slice(0, 2000) : undefined
}

/** Mastodon's `note` is HTML: its words only. */
export function stripTags(html: string | undefined): string | undefined {
  return html?.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
}
