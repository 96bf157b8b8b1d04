// Owns the demo site's TikTok Display API (open.tiktokapis.com): `/v2/user/info/`
// with the fields asked for, and TikTok's error answers. The numbers are
// those the demo TikTok page shows (same bumps: likes move with followers,
// as on the page). Tokens: the demo credential is @nordlysoutdoor's;
// `demo-tiktok-token-other` belongs to another TikTok user; `expired` gets
// what TikTok answers an expired token (access_token_invalid, as for any
// invalid one); `ratelimited` gets the 429.
import type { ApiContext } from '../api.js'
import { jsonReply, type Reply } from '../reply.js'
import { TIKTOK, followers, posts } from '../platforms.js'

const OTHER_TOKEN = 'demo-tiktok-token-other'
const LOG_ID = '20261201090000DEMO0000000000000001'

const USER_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name', 'bio_description', 'profile_deep_link', 'is_verified', 'username', 'follower_count', 'following_count', 'likes_count', 'video_count'] as const

function tiktokError(status: number, code: string, message: string): Reply {
  return jsonReply(status, { data: {}, error: { code, message, log_id: LOG_ID } })
}

/** `path` starts with `/tiktok-api` (its trailing slash taken off); `token` is the demo credential it accepts. */
export function tiktokApiAnswer(context: ApiContext, authorization: string | undefined, path: string, query: URLSearchParams, token: string): Reply {
  if (path !== '/tiktok-api/v2/user/info') return jsonReply(404, { error: { code: 'not_found', message: 'Not Found', log_id: LOG_ID } })
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1]
  if (sent === 'ratelimited') return tiktokError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.')
  const user =
    sent === token
      ? {
          open_id: 'demo-open-id-nordlysoutdoor',
          union_id: 'demo-union-id-nordlysoutdoor',
          avatar_url: `${context.origin}/img/nordlys-tiktok-avatar.svg`,
          display_name: TIKTOK.nickname,
          bio_description: TIKTOK.signature,
          profile_deep_link: `${context.origin}/tiktok/@${TIKTOK.uniqueId}`,
          is_verified: false,
          username: TIKTOK.uniqueId,
          follower_count: followers(TIKTOK.followerCount, context.bumps),
          following_count: TIKTOK.followingCount,
          likes_count: followers(TIKTOK.heartCount, context.bumps),
          video_count: posts(TIKTOK.videoCount, context.bumps),
        }
      : sent === OTHER_TOKEN
        ? {
            open_id: 'demo-open-id-fjellkraft',
            union_id: 'demo-union-id-fjellkraft',
            avatar_url: `${context.origin}/img/fjellkraft-tiktok-avatar.svg`,
            display_name: 'Fjellkraft',
            bio_description: 'Mountain power since 1998.',
            profile_deep_link: `${context.origin}/tiktok/@fjellkraft`,
            is_verified: false,
            username: 'fjellkraft',
            follower_count: 9_100,
            following_count: 40,
            likes_count: 51_000,
            video_count: 64,
          }
        : undefined
  // TikTok does not tell an expired token from a wrong one.
  if (user === undefined) return tiktokError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.')
  const wanted = (query.get('fields') ?? '').split(',').filter(Boolean)
  if (wanted.length === 0 || wanted.some((field) => !(USER_FIELDS as readonly string[]).includes(field))) {
    return tiktokError(400, 'invalid_params', 'Invalid fields')
  }
  // Only the fields asked for come back.
  const answer = Object.fromEntries(wanted.map((field) => [field, user[field as (typeof USER_FIELDS)[number]]]))
  return jsonReply(200, { data: { user: answer }, error: { code: 'ok', message: '', log_id: LOG_ID } })
}
