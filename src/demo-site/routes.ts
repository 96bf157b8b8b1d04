// Owns the demo site's URL space: one pure function from a request to a
// `DemoResponse`. server.ts only writes what this returns, so every route can
// be reasoned about without sockets.
import {
  blueskyAuthorFeed,
  blueskyGetProfile,
  mastodonLookup,
  mastodonStatuses,
  mastodonPrivateLookup,
  xAuthorized,
  xNotFound,
  xUnauthorized,
  xUserByUsername,
} from './api.js'
import { OWNER_APIS } from './apis/index.js'
import type { DemoRequest } from './reply.js'
import { blogFeed, youtubeFeed } from './feeds.js'
import type { PageContext } from './layout.js'
import { NASTY_PAGES, nastyRoute } from './nasty.js'
import {
  blogHomePage,
  blogPostPage,
  blueskyPage,
  facebookPage,
  forgottenFacebookPage,
  indexPage,
  instagramPage,
  linkedinCompanyPage,
  linkedinPersonPage,
  membersPage,
  mastodonPage,
  signedInPage,
  notFoundPage,
  threadsPage,
  tiktokPage,
  xLoginPage,
  xMissingPage,
  xProfilePage,
  youtubeChannelPage,
  youtubeWatchPage,
  type IndexEntry,
} from './pages.js'
import {
  IMPOSTORS,
  BLOG,
  BLUESKY,
  FACEBOOK,
  FORGOTTEN_FACEBOOK,
  INSTAGRAM,
  COMPETITOR_WALLED,
  COMPETITOR_BLUESKY,
  LINKEDIN_CEO,
  LINKEDIN_COMPANY,
  MASTODON,
  MEMBERS_ONLY,
  NAME_IMPOSTOR,
  DEMO_SESSION,
  THREADS,
  TIKTOK,
  X_ACCOUNT,
  YOUTUBE,
} from './platforms.js'
import { BROKEN_PLATFORM_PREFIX, redesignedThreadsPage } from './broken.js'
import { blueskySearchActors, mastodonSearch, mastodonSearchRefused } from './search.js'
import { htmlReply, jsonReply, redirectReply, xmlReply, type DemoResponse } from './reply.js'
import { drawImage } from './svg.js'
import { behindWall, defaultWalls, type Walls } from './walls.js'

export interface RouteContext extends PageContext {
  /** Bearer token the X API wants; '' means no check. */
  readonly xToken: string
  /** What stands in front of each platform. @default defaultWalls() */
  readonly walls?: Walls
  /** How far the feeds' dates move from their fixed ones (see feeds.ts). @default 0 */
  readonly feedShiftMs?: number
}

export type { DemoRequest } from './reply.js'

const ATOM = 'application/atom+xml; charset=utf-8'

const yt = YOUTUBE.channelId
const ROUTE_GROUPS: readonly { readonly title: string; readonly entries: readonly IndexEntry[] }[] = [
  {
    title: 'Platform pages (screenshots, OpenGraph, JSON-LD, embedded JSON)',
    entries: [
      { path: `/linkedin/company/${LINKEDIN_COMPANY.slug}`, what: 'LinkedIn company page: og:description and JSON-LD follower count' },
      { path: `/linkedin/in/${LINKEDIN_CEO.slug}`, what: 'LinkedIn profile of the CEO: followers in the page text' },
      ...INSTAGRAM.map((account) => ({ path: `/instagram/${account.username}/`, what: `Instagram profile of @${account.username}` })),
      { path: `/instagram/${IMPOSTORS.instagram.username}/`, what: 'planted for the audit: an Instagram impostor' },
      { path: `/facebook/${FACEBOOK.slug}`, what: 'Facebook page: likes and talking about this' },
      { path: `/facebook/${FORGOTTEN_FACEBOOK.slug}`, what: 'planted for the audit: a forgotten Facebook profile with the company name' },
      { path: `/threads/@${THREADS.username}`, what: 'Threads profile' },
      { path: `/${BROKEN_PLATFORM_PREFIX}/@zq-no-such-handle`, what: 'planted for the audit: Threads after a redesign, which answers "present" to every handle (the audit marks its rule broken)' },
      { path: `/tiktok/@${TIKTOK.uniqueId}`, what: 'TikTok profile with __UNIVERSAL_DATA_FOR_REHYDRATION__' },
      { path: `/youtube/channel/${yt}`, what: 'YouTube channel page with its RSS link' },
      { path: `/youtube/@${YOUTUBE.handle}`, what: 'the same channel at its @handle' },
      { path: `/bsky-web/profile/${BLUESKY.handle}`, what: 'Bluesky profile page' },
      { path: `/bsky-web/profile/${IMPOSTORS.bluesky.handle}`, what: 'planted for the audit: a Bluesky impostor' },
      ...COMPETITOR_BLUESKY.map((profile) => ({ path: `/bsky-web/profile/${profile.handle}`, what: `a competitor's Bluesky profile (${profile.displayName})` })),
      { path: `/bsky-web/profile/${NAME_IMPOSTOR.handle}`, what: 'planted for the audit: our name and logo under an unrelated handle, found only by name search' },
      { path: `/mastodon/@${MASTODON.username}`, what: 'Mastodon profile page' },
      { path: `/mastodon-private/@${MASTODON.username}`, what: 'Mastodon profile on a server in authorized-fetch mode' },
      { path: `/x-web/${X_ACCOUNT.username}`, what: 'X profile: 302 to the login flow (the login wall)' },
      { path: `/tiktok/@nordlys`, what: 'a TikTok handle that does not exist: a Cloudflare challenge instead of a 404' },
      { path: '/blog/', what: `${BLOG.title}: home with its Atom link` },
      { path: `/linkedin/company/${COMPETITOR_WALLED.slug}`, what: "a competitor's LinkedIn page (Fjellkraft): always the login wall" },
      { path: `/members/${MEMBERS_ONLY.slug}`, what: 'a members-only LinkedIn page: the login wall, or with the demo session the page and its followers' },
      { path: '/demo-login', what: 'sets the demo session cookie (the login forms send you here), as `showtell login` does' },
    ],
  },
  {
    title: 'Feeds and APIs',
    entries: [
      { path: `/youtube/feeds/videos.xml?channel_id=${yt}`, what: 'YouTube Atom feed' },
      { path: '/blog/feed.atom', what: 'blog Atom feed' },
      { path: `/bsky/xrpc/app.bsky.actor.getProfile?actor=${BLUESKY.handle}`, what: 'Bluesky getProfile' },
      { path: `/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=${BLUESKY.handle}&filter=posts_no_replies`, what: 'Bluesky author feed: posts, a repost, a reply' },
      { path: '/bsky/xrpc/app.bsky.actor.searchActors?q=Nordlys+Outdoor&limit=25', what: 'Bluesky actor search by name (finds the impostor under an unrelated handle)' },
      { path: `/mastodon/api/v1/accounts/lookup?acct=${MASTODON.username}`, what: 'Mastodon account lookup' },
      { path: '/mastodon/api/v2/search?q=Nordlys&type=accounts&limit=25', what: 'Mastodon account search by name' },
      { path: '/mastodon-private/api/v2/search?q=Nordlys&type=accounts', what: 'Mastodon account search: 401, search needs a signed-in user' },
      { path: `/mastodon/api/v1/accounts/${MASTODON.id}/statuses?exclude_replies=true`, what: 'Mastodon account statuses' },
      { path: `/mastodon-private/api/v1/accounts/lookup?acct=${MASTODON.username}`, what: 'Mastodon lookup: 401, authorized fetch' },
      { path: `/x/2/users/by/username/${X_ACCOUNT.username}`, what: 'X API v2 user lookup; needs Authorization: Bearer <token>' },
      ...OWNER_APIS.map((api) => ({ path: `/${api.prefix}/`, what: api.what })),
      { path: '/img/any-name.svg', what: 'a generated SVG for any name' },
    ],
  },
  {
    title: 'Nasty pages',
    entries: Object.entries(NASTY_PAGES).map(([name, what]) => ({ path: `/nasty/${name}`, what })),
  },
]

function decodePath(pathname: string): string | undefined {
  try {
    const decoded = decodeURIComponent(pathname)
    // One trailing slash is optional everywhere except the root.
    return decoded.length > 1 && decoded.endsWith('/') ? decoded.slice(0, -1) : decoded
  } catch {
    return undefined
  }
}

/** Every GET the demo site answers. Unknown paths get a real 404. */
export function routeRequest(request: DemoRequest, context: RouteContext): DemoResponse {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { ...jsonReply(405, { error: 'Method Not Allowed' }), headers: { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' } }
  }
  if (!request.target.startsWith('/')) return jsonReply(400, { error: 'Bad Request' })
  // Prefixing (not resolving) keeps a target such as //host/x a path on this site.
  const url = new URL(`http://demo.invalid${request.target}`)
  const path = decodePath(url.pathname)
  if (path === undefined) return jsonReply(400, { error: 'Bad Request' })
  const first = path.split('/')[1] ?? ''
  return behindWall(context, context.walls ?? defaultWalls(), first, path, () => routePath(context, request, path, url.searchParams))
}

function routePath(context: RouteContext, request: DemoRequest, path: string, query: URLSearchParams): DemoResponse {
  const [first = '', second, third, ...rest] = path.split('/').slice(1)
  const notFound = (): DemoResponse => htmlReply(404, notFoundPage(context, path))

  switch (first) {
    case '':
      return htmlReply(200, indexPage(context, ROUTE_GROUPS))
    case 'demo-login':
      if (second !== undefined) return notFound()
      // A year, like a platform's "remember me": a session cookie would not outlive the browser.
      return htmlReply(200, signedInPage(context), { 'set-cookie': `${DEMO_SESSION.name}=${DEMO_SESSION.value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax` })
    case 'members':
      if (second !== MEMBERS_ONLY.slug || third !== undefined) return notFound()
      return signedIn(request) ? htmlReply(200, membersPage(context)) : redirectReply(`/linkedin/login?next=${encodeURIComponent(path)}`)
    case 'linkedin':
      if (second === 'company' && third === LINKEDIN_COMPANY.slug && rest.length === 0) return htmlReply(200, linkedinCompanyPage(context))
      if (second === 'in' && third === LINKEDIN_CEO.slug && rest.length === 0) return htmlReply(200, linkedinPersonPage(context))
      // A competitor's page that shows the login wall to everyone who is not signed in, as a competitor's always is to showtell.
      if (second === 'company' && third === COMPETITOR_WALLED.slug && rest.length === 0) return redirectReply(`/linkedin/login?next=${encodeURIComponent(path)}`)
      return notFound()
    case 'instagram': {
      const account = [...INSTAGRAM, IMPOSTORS.instagram].find((candidate) => candidate.username === second?.toLowerCase())
      return account && third === undefined ? htmlReply(200, instagramPage(context, account)) : notFound()
    }
    case 'facebook':
      if (third !== undefined) return notFound()
      if (second?.toLowerCase() === FACEBOOK.slug) return htmlReply(200, facebookPage(context))
      return second?.toLowerCase() === FORGOTTEN_FACEBOOK.slug ? htmlReply(200, forgottenFacebookPage(context)) : notFound()
    case 'threads':
      return second?.toLowerCase() === `@${THREADS.username}` && third === undefined ? htmlReply(200, threadsPage(context)) : notFound()
    case BROKEN_PLATFORM_PREFIX:
      // Every handle answers the same shell: the rule cannot tell present from absent here.
      return second?.startsWith('@') && second.length > 1 && third === undefined ? htmlReply(200, redesignedThreadsPage(context, second)) : notFound()
    case 'tiktok':
      return second?.toLowerCase() === `@${TIKTOK.uniqueId}` && third === undefined ? htmlReply(200, tiktokPage(context)) : notFound()
    case 'youtube':
      return youtubeRoute(context, path, query)
    case 'blog':
      return blogRoute(context, second, third)
    case 'bsky':
      if (path === '/bsky/xrpc/app.bsky.feed.getAuthorFeed') return blueskyAuthorFeed(context, query, context.feedShiftMs)
      if (path === '/bsky/xrpc/app.bsky.actor.searchActors') return blueskySearchActors(context, query)
      return path === '/bsky/xrpc/app.bsky.actor.getProfile' ? blueskyGetProfile(context, query.get('actor')) : notFound()
    case 'bsky-web': {
      const profile = [BLUESKY, IMPOSTORS.bluesky, NAME_IMPOSTOR, ...COMPETITOR_BLUESKY].find((candidate) => candidate.handle === third?.toLowerCase())
      return second === 'profile' && profile && rest.length === 0 ? htmlReply(200, blueskyPage(context, profile)) : notFound()
    }
    case 'mastodon':
    case 'mastodon-private':
      return mastodonRoute(context, first, path, query)
    case 'x':
      if (second !== '2') return notFound()
      if (!xAuthorized(context.xToken, request.authorization)) return xUnauthorized()
      if (third === 'users' && rest[0] === 'by' && rest[1] === 'username' && rest[2] !== undefined && rest.length === 3) {
        return xUserByUsername(context, rest[2])
      }
      return xNotFound()
    case 'x-web':
      // Logged-out visitors never get here: X's login wall (walls.ts) sends them to this login page.
      if (path === '/x-web/i/flow/login') return htmlReply(200, xLoginPage(context))
      if (second === undefined || third !== undefined) return notFound()
      return second.toLowerCase() === X_ACCOUNT.username ? htmlReply(200, xProfilePage(context)) : htmlReply(404, xMissingPage(context, second))
    case 'nasty':
      return (second !== undefined && third === undefined && nastyRoute(context, second, query)) || notFound()
    case 'img': {
      const name = /^([A-Za-z0-9._-]{1,100})\.svg$/.exec(second ?? '')?.[1]
      if (name === undefined || third !== undefined) return notFound()
      return { kind: 'reply', status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' }, body: drawImage(name).text }
    }
    default: {
      // The owners' official APIs (demo-site/apis/), each under its own prefix.
      const api = OWNER_APIS.find((candidate) => candidate.prefix === first)
      return api ? api.answer(context, request, path, query) : notFound()
    }
  }
}

function youtubeRoute(context: RouteContext, path: string, query: URLSearchParams): DemoResponse {
  // A channel answers at its id and at its @handle.
  if (path === `/youtube/channel/${YOUTUBE.channelId}` || path.toLowerCase() === `/youtube/@${YOUTUBE.handle}`) return htmlReply(200, youtubeChannelPage(context))
  if (path === '/youtube/feeds/videos.xml') {
    // YouTube answers an unknown channel with a bare 404.
    if (query.get('channel_id') !== YOUTUBE.channelId) return { kind: 'reply', status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' }
    return xmlReply(200, youtubeFeed(context.origin, context.feedShiftMs), ATOM)
  }
  if (path === '/youtube/watch') {
    const video = YOUTUBE.videos.find((candidate) => candidate.id === query.get('v'))
    if (video) return htmlReply(200, youtubeWatchPage(context, video))
  }
  return htmlReply(404, notFoundPage(context, path))
}

function blogRoute(context: RouteContext, second: string | undefined, third: string | undefined): DemoResponse {
  if (second === undefined) return htmlReply(200, blogHomePage(context))
  if (third === undefined && second === 'feed.atom') return xmlReply(200, blogFeed(context.origin, context.feedShiftMs), ATOM)
  const entry = BLOG.entries.find((candidate) => candidate.slug === second)
  if (entry && third === undefined) return htmlReply(200, blogPostPage(context, entry))
  return htmlReply(404, notFoundPage(context, `/blog/${second}`))
}

function mastodonRoute(context: RouteContext, base: 'mastodon' | 'mastodon-private', path: string, query: URLSearchParams): DemoResponse {
  if (path === `/${base}/api/v1/accounts/lookup`) {
    return base === 'mastodon' ? mastodonLookup(context, query.get('acct')) : mastodonPrivateLookup()
  }
  if (path === `/${base}/api/v2/search`) return base === 'mastodon' ? mastodonSearch(context, `/${base}`, query) : mastodonSearchRefused()
  const statuses = new RegExp(`^/${base}/api/v1/accounts/([^/]+)/statuses$`).exec(path)
  if (statuses) return base === 'mastodon' ? mastodonStatuses(context, statuses[1]!, query, context.feedShiftMs) : mastodonPrivateLookup()
  if (path.toLowerCase() === `/${base}/@${MASTODON.username}`) return htmlReply(200, mastodonPage(context, `/${base}`))
  return htmlReply(404, notFoundPage(context, path))
}

/** True when the request carries the session cookie of `/demo-login`. */
function signedIn(request: DemoRequest): boolean {
  return (request.cookie ?? '').split(';').some((pair) => pair.trim() === `${DEMO_SESSION.name}=${DEMO_SESSION.value}`)
}
