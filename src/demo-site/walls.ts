// Owns what stands in front of each imitated platform: nothing, a login wall,
// or a Cloudflare bot challenge. The account audit must report a walled
// platform as "unknown", never as "absent", and these walls are what it meets.
// Tests switch a platform's wall through `DemoSite.state.walls`.
import { THEMES, type PageContext } from './layout.js'
import { challengeReply } from './nasty.js'
import { loginPage } from './pages.js'
import { htmlReply, jsonReply, redirectReply, type DemoResponse } from './reply.js'

export const WALLED_PLATFORMS = ['linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'youtube', 'bluesky', 'mastodon', 'x'] as const
export type WalledPlatform = (typeof WALLED_PLATFORMS)[number]

/**
 * - `none`: every page and API answers.
 * - `login`: pages redirect to the platform's login page; APIs answer 401.
 * - `challenge`: every request gets Cloudflare's challenge (403).
 * - `challenge-on-miss`: a request for something the platform does not have
 *   gets the challenge instead of a 404 (or 400), as a WAF does to a client that probes
 *   for missing pages. The pages that exist still answer.
 */
export const WALLS = ['none', 'login', 'challenge', 'challenge-on-miss'] as const
export type Wall = (typeof WALLS)[number]
export type Walls = Record<WalledPlatform, Wall>

/**
 * X shows logged-out visitors a login wall, as the real X does. TikTok's WAF
 * challenges the audit's probes for handles that do not exist: the example
 * workspace lists its one TikTok account, which answers (so its snapshot
 * works), and every other TikTok candidate the audit tries is challenged, so
 * the demo shows a platform the audit cannot see into.
 */
export function defaultWalls(): Walls {
  return { linkedin: 'none', instagram: 'none', facebook: 'none', threads: 'none', tiktok: 'challenge-on-miss', youtube: 'none', bluesky: 'none', mastodon: 'none', x: 'login' }
}

/** The platform a top-level path belongs to; the X API and the private Mastodon server have their own gates. */
const PREFIXES: Readonly<Record<string, WalledPlatform>> = {
  linkedin: 'linkedin',
  instagram: 'instagram',
  facebook: 'facebook',
  threads: 'threads',
  tiktok: 'tiktok',
  youtube: 'youtube',
  bsky: 'bluesky',
  'bsky-web': 'bluesky',
  mastodon: 'mastodon',
  'x-web': 'x',
}

const THEME_OF: Readonly<Record<WalledPlatform, (typeof THEMES)[keyof typeof THEMES]>> = {
  linkedin: THEMES.linkedin,
  instagram: THEMES.instagram,
  facebook: THEMES.facebook,
  threads: THEMES.threads,
  tiktok: THEMES.tiktok,
  youtube: THEMES.youtube,
  bluesky: THEMES.bluesky,
  mastodon: THEMES.mastodon,
  x: THEMES.x,
}

/** Where a platform's login wall sends visitors; X keeps its real flow path. */
function loginPath(prefix: string, path: string): string {
  return prefix === 'x-web' ? `/x-web/i/flow/login?redirect_after_login=${encodeURIComponent(path.slice('/x-web'.length) || '/')}` : `/${prefix}/login?next=${encodeURIComponent(path)}`
}

function isLoginPage(prefix: string, path: string): boolean {
  return path === (prefix === 'x-web' ? '/x-web/i/flow/login' : `/${prefix}/login`)
}

function isApi(prefix: string, path: string): boolean {
  return prefix === 'bsky' || path.startsWith('/mastodon/api/')
}

/**
 * Answers `path` with `route` unless the platform's wall stands in the way.
 * `route` is only called when the request gets through.
 */
export function behindWall(context: PageContext, walls: Walls, prefix: string, path: string, route: () => DemoResponse): DemoResponse {
  const platform = PREFIXES[prefix]
  if (platform === undefined) return route()
  const wall = walls[platform]
  // The login page itself is never walled; X's is served by its own route.
  if (isLoginPage(prefix, path)) return prefix === 'x-web' ? route() : htmlReply(200, loginPage(context, THEME_OF[platform]))
  switch (wall) {
    case 'none':
      return route()
    case 'login':
      return isApi(prefix, path) ? jsonReply(401, { error: 'AuthMissing', message: 'Authentication Required' }) : redirectReply(loginPath(prefix, path))
    case 'challenge':
      return challengeReply()
    case 'challenge-on-miss': {
      const answer = route()
      // Bluesky's API says "Profile not found" with a 400, the others with a 404.
      return answer.kind === 'reply' && (answer.status === 404 || answer.status === 400) ? challengeReply() : answer
    }
  }
}
