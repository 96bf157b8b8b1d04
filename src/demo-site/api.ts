// Owns the JSON APIs the demo site imitates, with the real services' field
// names, status codes and error bodies: Bluesky app.bsky.actor.getProfile and
// app.bsky.feed.getAuthorFeed, Mastodon /api/v1/accounts/lookup and
// /api/v1/accounts/:id/statuses (open and authorized-fetch servers), and X
// API v2 users/by/username behind a bearer token. The posts keep their fixed
// dates unless the site dates its feeds from a clock (feeds.ts): then they
// move by the same whole days as the Atom feeds.
import { jsonReply, type Reply } from './reply.js'
import { BLUESKY, BLUESKY_FEED, COMPETITOR_BLUESKY, IMPOSTORS, MASTODON, MASTODON_STATUSES, NAME_IMPOSTOR, X_ACCOUNT, followers, posts, type Bumps, type SocialPost } from './platforms.js'
import { COMPETITOR_BLUESKY_FEEDS, EXECUTIVE_BLUESKY, EXECUTIVE_BLUESKY_FEED } from './platforms.js'

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
  if (wanted === NAME_IMPOSTOR.handle || wanted === NAME_IMPOSTOR.did) {
    // Planted for name search: our name and our logo under an unrelated handle.
    return jsonReply(200, {
      did: NAME_IMPOSTOR.did,
      handle: NAME_IMPOSTOR.handle,
      displayName: NAME_IMPOSTOR.displayName,
      avatar: `${context.origin}/img/${NAME_IMPOSTOR.avatar}.svg`,
      description: NAME_IMPOSTOR.description,
      createdAt: NAME_IMPOSTOR.createdAt,
      followersCount: NAME_IMPOSTOR.followersCount,
      followsCount: NAME_IMPOSTOR.followsCount,
      postsCount: NAME_IMPOSTOR.postsCount,
    })
  }
  const executive = EXECUTIVE_BLUESKY.find((candidate) => candidate.handle === wanted || candidate.did === wanted)
  if (executive) return jsonReply(200, { ...executive, followersCount: followers(executive.followersCount, context.bumps) })
  const competitor = COMPETITOR_BLUESKY.find((candidate) => candidate.handle === wanted || candidate.did === wanted)
  if (competitor) {
    // The example workspace's competitors: public profiles like any other.
    return jsonReply(200, { ...competitor, followersCount: followers(competitor.followersCount, context.bumps), postsCount: posts(competitor.postsCount, context.bumps) })
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

/** An ISO time moved by the feed clock's whole days (feeds.ts), in the APIs' notation with milliseconds. */
function shifted(iso: string, shiftMs: number): string {
  return shiftMs === 0 ? iso : new Date(Date.parse(iso) + shiftMs).toISOString()
}

/** A `limit` parameter within 1..max, the default when absent, undefined when it is not a number in range. */
function limitOf(raw: string | null, fallback: number, max: number): number | undefined {
  if (raw === null) return fallback
  const value = Number(raw)
  return Number.isInteger(value) && value >= 1 && value <= max ? value : undefined
}

/**
 * app.bsky.feed.getAuthorFeed: the account's posts and reposts, newest first
 * (a repost sorts by when it was reposted). `posts_no_replies` leaves the
 * replies out, as the real AppView does; the default shows them.
 */
export function blueskyAuthorFeed(context: ApiContext, query: URLSearchParams, shiftMs = 0): Reply {
  const actor = query.get('actor')
  if (actor === null || actor === '') {
    return jsonReply(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "actor"' })
  }
  const limit = limitOf(query.get('limit'), 50, 100)
  if (limit === undefined) return jsonReply(400, { error: 'InvalidRequest', message: 'Error: limit must be an integer from 1 to 100' })
  const wanted = actor.replace(/^@/, '').toLowerCase()
  if (wanted === IMPOSTORS.bluesky.handle || wanted === IMPOSTORS.bluesky.did) return jsonReply(200, { feed: [] })
  if (wanted === NAME_IMPOSTOR.handle || wanted === NAME_IMPOSTOR.did) return jsonReply(200, { feed: [] })
  const noReplies = query.get('filter') === 'posts_no_replies'
  const shown = (feed: readonly SocialPost[]) => feed.filter((post) => !(noReplies && post.replyTo !== undefined)).slice(0, limit)
  // Our executive's and the competitors' own posts: authored by their did, as the adapter checks.
  const other =
    EXECUTIVE_BLUESKY.map((account) => ({ account, feed: EXECUTIVE_BLUESKY_FEED })).find(({ account }) => account.handle === wanted || account.did === wanted) ??
    COMPETITOR_BLUESKY.map((account) => ({ account, feed: COMPETITOR_BLUESKY_FEEDS[account.handle] })).find(({ account }) => account.handle === wanted || account.did === wanted)
  if (other) {
    const { account } = other
    const author = { did: account.did, handle: account.handle, displayName: account.displayName, labels: [], createdAt: account.createdAt }
    return jsonReply(200, {
      feed: shown(other.feed).map((post) => {
        const item = blueskyFeedItem(context, post, shiftMs) as { post: Record<string, unknown> }
        return { ...item, post: { ...item.post, uri: `at://${account.did}/app.bsky.feed.post/${post.id}`, author } }
      }),
    })
  }
  if (wanted !== BLUESKY.handle && wanted !== BLUESKY.did) {
    return jsonReply(400, { error: 'InvalidRequest', message: 'Profile not found' })
  }
  return jsonReply(200, { feed: shown(BLUESKY_FEED).map((post) => blueskyFeedItem(context, post, shiftMs)) })
}

function blueskyFeedItem(context: ApiContext, post: SocialPost, shiftMs: number): Record<string, unknown> {
  const ours = { did: BLUESKY.did, handle: BLUESKY.handle, displayName: BLUESKY.displayName, avatar: `${context.origin}/img/nordlys-bsky-avatar.svg`, labels: [], createdAt: BLUESKY.createdAt }
  // A repost of a competitor's post is that competitor's post, with its did (the same uri as in its own feed).
  const known = COMPETITOR_BLUESKY.find((account) => account.handle === post.repostOf?.handle)
  const author = post.repostOf
    ? { did: known?.did ?? `did:plc:${post.repostOf.handle.split('.')[0]}demosite0001`, handle: post.repostOf.handle, displayName: post.repostOf.name, avatar: `${context.origin}/img/${post.repostOf.handle.split('.')[0]}-avatar.svg`, labels: [], createdAt: known?.createdAt ?? '2023-08-14T10:00:00.000Z' }
    : ours
  const uri = `at://${author.did}/app.bsky.feed.post/${post.id}`
  const parent = { uri: `at://did:plc:sofiedemosite00000001/app.bsky.feed.post/3lbquestion01`, cid: 'bafyreiparentdemo' }
  const at = shifted(post.at, shiftMs)
  return {
    post: {
      uri,
      cid: `bafyrei${post.id}`,
      author,
      record: {
        $type: 'app.bsky.feed.post',
        text: post.text,
        langs: ['en'],
        createdAt: at,
        ...(post.replyTo ? { reply: { root: parent, parent } } : {}),
      },
      replyCount: post.replies,
      repostCount: post.reposts,
      likeCount: post.likes,
      quoteCount: post.quotes,
      indexedAt: at,
      labels: [],
    },
    ...(post.replyTo
      ? { reply: { root: { $type: 'app.bsky.feed.defs#notFoundPost', uri: parent.uri, notFound: true }, parent: { $type: 'app.bsky.feed.defs#notFoundPost', uri: parent.uri, notFound: true } } }
      : {}),
    ...(post.repostOf ? { reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: ours, indexedAt: shifted(post.repostOf.repostedAt, shiftMs) } } : {}),
  }
}

/**
 * GET /api/v1/accounts/:id/statuses, newest first. `exclude_replies` drops
 * replies to other accounts only (a thread's continuation stays), as
 * Mastodon does; `exclude_reblogs` drops boosts.
 */
export function mastodonStatuses(context: ApiContext, id: string, query: URLSearchParams, shiftMs = 0): Reply {
  if (id !== MASTODON.id) return jsonReply(404, { error: 'Record not found' })
  const limit = limitOf(query.get('limit'), 20, 40) ?? 20
  const noReplies = query.get('exclude_replies') === 'true'
  const noBoosts = query.get('exclude_reblogs') === 'true'
  const statuses = MASTODON_STATUSES.filter((post) => !(noReplies && post.replyTo === 'other') && !(noBoosts && post.repostOf)).slice(0, limit)
  const account = mastodonAccountJson(context)
  return jsonReply(200, statuses.map((post) => mastodonStatus(context, account, post, shiftMs)))
}

function mastodonStatus(context: ApiContext, account: Record<string, unknown>, post: SocialPost, shiftMs: number): Record<string, unknown> {
  const status = (id: string, who: Record<string, unknown>, at: string, content: string, counts: readonly [number, number, number]) => ({
    id,
    created_at: at,
    in_reply_to_id: post.replyTo && !post.repostOf ? (post.replyTo === 'self' ? String(BigInt(post.id) - 1n) : '113499999999999999') : null,
    in_reply_to_account_id: post.replyTo && !post.repostOf ? (post.replyTo === 'self' ? MASTODON.id : '109000000000000001') : null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `${context.origin}/mastodon/users/${MASTODON.username}/statuses/${id}`,
    url: `${context.origin}/mastodon/@${MASTODON.username}/${id}`,
    replies_count: counts[2],
    reblogs_count: counts[1],
    favourites_count: counts[0],
    edited_at: null,
    content,
    reblog: null as unknown,
    application: null,
    account: who,
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
  })
  const at = shifted(post.at, shiftMs)
  if (!post.repostOf) return status(post.id, account, at, `<p>${post.text}</p>`, [post.likes, post.reposts, post.replies])
  // A boost is a status of ours with no text and no counts of its own; the boosted status is inside it.
  const [user = '', domain = ''] = post.repostOf.handle.split('@')
  const other = { id: '109000000000000002', username: user, acct: post.repostOf.handle, display_name: post.repostOf.name, url: `https://${domain}/@${user}` }
  const original = { ...status(`${post.id}9`, other, at, `<p>${post.text}</p>`, [post.likes, post.reposts, post.replies]), in_reply_to_id: null, in_reply_to_account_id: null }
  return { ...status(post.id, account, shifted(post.repostOf.repostedAt, shiftMs), '', [0, 0, 0]), reblog: original }
}

/** Mastodon accepts the bare username or `username@its-own-domain`, with or without a leading `@`. */
function isOurAccount(acct: string): boolean {
  const [user, domain, ...rest] = acct.replace(/^@/, '').toLowerCase().split('@')
  return rest.length === 0 && user === MASTODON.username && (domain === undefined || domain === MASTODON.domain)
}

export function mastodonLookup(context: ApiContext, acct: string | null): Reply {
  if (acct === null || !isOurAccount(acct)) return jsonReply(404, { error: 'Record not found' })
  return jsonReply(200, mastodonAccountJson(context))
}

/** The Account entity of our Mastodon account, as lookup and every status carry it. */
function mastodonAccountJson(context: ApiContext): Record<string, unknown> {
  const profileUrl = `${context.origin}/mastodon/@${MASTODON.username}`
  return {
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
  }
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
