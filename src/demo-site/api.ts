// Owns the JSON APIs the demo site imitates, with the real services' field
// names, status codes and error bodies: Bluesky app.bsky.actor.getProfile,
// Mastodon /api/v1/accounts/lookup (open and authorized-fetch servers), and
// X API v2 users/by/username behind a bearer token.
import { jsonReply, type Reply } from './reply.js'
import { BLUESKY, IMPOSTORS, MASTODON, X_ACCOUNT, followers, posts, type Bumps } from './platforms.js'

export interface ApiContext {
  readonly origin: string
  readonly bumps: Bumps
}

export function blueskyGetProfile(context: ApiContext, actor: string | null): Reply {
  if (actor === null || actor === '') {
    return jsonReply(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "actor"' })
  }
  const wanted = actor.replace(/^@/, '').toLowerCase()
  const impostor = IMPOSTORS.bluesky
  if (wanted === impostor.handle || wanted === impostor.did) {
    // Planted for the audit: an account in our name that we do not run.
    return jsonReply(200, {
      did: impostor.did,
      handle: impostor.handle,
      displayName: impostor.displayName,
      description: impostor.description,
      createdAt: impostor.createdAt,
      followersCount: impostor.followersCount,
      followsCount: impostor.followsCount,
      postsCount: impostor.postsCount,
    })
  }
  if (wanted !== BLUESKY.handle && wanted !== BLUESKY.did) {
    return jsonReply(400, { error: 'InvalidRequest', message: 'Profile not found' })
  }
  return jsonReply(200, {
    did: BLUESKY.did,
    handle: BLUESKY.handle,
    displayName: BLUESKY.displayName,
    avatar: `${context.origin}/img/nordlys-bsky-avatar.svg`,
    banner: `${context.origin}/img/bsky-nordlys-banner.svg`,
    associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
    labels: [],
    createdAt: BLUESKY.createdAt,
    description: BLUESKY.description,
    indexedAt: '2026-11-19T07:30:00.000Z',
    followersCount: followers(BLUESKY.followersCount, context.bumps),
    followsCount: BLUESKY.followsCount,
    postsCount: posts(BLUESKY.postsCount, context.bumps),
  })
}

/** Mastodon accepts the bare username or `username@its-own-domain`, with or without a leading `@`. */
function isOurAccount(acct: string): boolean {
  const [user, domain, ...rest] = acct.replace(/^@/, '').toLowerCase().split('@')
  return rest.length === 0 && user === MASTODON.username && (domain === undefined || domain === MASTODON.domain)
}

export function mastodonLookup(context: ApiContext, acct: string | null): Reply {
  if (acct === null || !isOurAccount(acct)) return jsonReply(404, { error: 'Record not found' })
  const profileUrl = `${context.origin}/mastodon/@${MASTODON.username}`
  return jsonReply(200, {
    id: MASTODON.id,
    // A server names its own accounts without the domain, as mastodon.social does.
    username: MASTODON.username,
    acct: MASTODON.username,
    display_name: MASTODON.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: MASTODON.createdAt,
    note: `<p>${MASTODON.note}</p>`,
    url: profileUrl,
    uri: `${context.origin}/mastodon/users/${MASTODON.username}`,
    avatar: `${context.origin}/img/nordlys-mastodon-avatar.svg`,
    avatar_static: `${context.origin}/img/nordlys-mastodon-avatar.svg`,
    header: `${context.origin}/img/mastodon-nordlys-banner.svg`,
    header_static: `${context.origin}/img/mastodon-nordlys-banner.svg`,
    followers_count: followers(MASTODON.followersCount, context.bumps),
    following_count: MASTODON.followingCount,
    statuses_count: posts(MASTODON.statusesCount, context.bumps),
    last_status_at: MASTODON.lastStatusAt,
    emojis: [],
    fields: [{ name: 'Web', value: 'nordlys-outdoor.example', verified_at: null }],
  })
}

/** A server in authorized-fetch ("secure") mode refuses anonymous API reads. */
export function mastodonPrivateLookup(): Reply {
  return jsonReply(401, { error: 'This API requires an authenticated user' })
}

/** True when the request may use the X API: no token configured, or exactly `Bearer <token>`. */
export function xAuthorized(expectedToken: string, authorization: string | undefined): boolean {
  if (expectedToken === '') return true
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  return match?.[1] === expectedToken
}

export function xUnauthorized(): Reply {
  return jsonReply(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' })
}

export function xUserByUsername(context: ApiContext, username: string): Reply {
  if (username.toLowerCase() !== X_ACCOUNT.username) {
    return jsonReply(200, {
      errors: [
        {
          value: username,
          detail: `Could not find user with username: [${username}].`,
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'username',
          resource_id: username,
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    })
  }
  return jsonReply(200, {
    data: {
      id: X_ACCOUNT.id,
      name: X_ACCOUNT.name,
      username: X_ACCOUNT.username,
      public_metrics: {
        followers_count: followers(X_ACCOUNT.followersCount, context.bumps),
        following_count: X_ACCOUNT.followingCount,
        tweet_count: posts(X_ACCOUNT.tweetCount, context.bumps),
        listed_count: X_ACCOUNT.listedCount,
      },
    },
  })
}

export function xNotFound(): Reply {
  return jsonReply(404, { title: 'Not Found Error', type: 'about:blank', status: 404, detail: 'Not Found' })
}
