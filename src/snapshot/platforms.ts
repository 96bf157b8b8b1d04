// Owns what is specific to each platform: where an account's page is, and the
// best public source of its numbers. An account's explicit `url` is always the
// page that is opened, whatever its host. Every base URL can be replaced in
// `snapshot.endpoints`, which is how the demo site and the tests stand in for
// the real platforms.
import { credential } from '../secrets/credentials.js'
import type { Platform } from '../topics/schema.js'
import type { Account } from '../workspace/schema.js'
import { DEFAULT_ENDPOINTS, type EndpointKey } from '../platforms/endpoints.js'

export { DEFAULT_ENDPOINTS, ENDPOINT_KEYS, type EndpointKey } from '../platforms/endpoints.js'
export type Endpoints = Readonly<Partial<Record<EndpointKey, string>>>


export interface ApiRequest {
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** Which response shape to read. */
  readonly kind: 'bluesky' | 'mastodon' | 'x'
}

function base(endpoints: Endpoints, key: EndpointKey): string {
  return (endpoints[key] || DEFAULT_ENDPOINTS[key]).replace(/\/+$/, '')
}

/** The handle without a leading @, or the last path segment of the url. */
export function handleOf(account: Account): string {
  if (account.handle) return account.handle.replace(/^@/, '')
  const path = new URL(account.url!).pathname.split('/').filter(Boolean)
  return (path.at(-1) ?? '').replace(/^@/, '')
}

function mastodonParts(account: Account): { user: string; instance?: string } {
  const raw = account.handle ?? ''
  const match = /^@?([^@\s]+)@([^@\s]+)$/.exec(raw)
  if (match) return { user: match[1]!, instance: match[2]! }
  if (account.url) {
    const url = new URL(account.url)
    const user = url.pathname.split('/').find((part) => part.startsWith('@'))?.slice(1)
    return { user: user ?? raw.replace(/^@/, ''), instance: url.host }
  }
  return { user: raw.replace(/^@/, '') }
}

function mastodonBase(account: Account, endpoints: Endpoints): string | undefined {
  // An explicit profile url names its own server (everything before "/@user").
  if (account.url) {
    const url = new URL(account.url)
    const at = url.pathname.indexOf('/@')
    if (at >= 0) return `${url.origin}${url.pathname.slice(0, at)}`
  }
  if (endpoints.mastodon) return endpoints.mastodon.replace(/\/+$/, '')
  const { instance } = mastodonParts(account)
  return instance ? `https://${instance}` : undefined
}

/** The page to open and screenshot. */
export function pageUrl(account: Account, endpoints: Endpoints): string {
  if (account.url) return account.url
  const handle = handleOf(account)
  const p = account.platform
  switch (p) {
    case 'bluesky':
      return `${base(endpoints, 'bluesky-web')}/profile/${encodeURIComponent(handle)}`
    case 'mastodon': {
      const root = mastodonBase(account, endpoints)
      return `${root ?? 'https://mastodon.social'}/@${encodeURIComponent(mastodonParts(account).user)}`
    }
    case 'youtube':
      return handle.startsWith('UC') ? `${base(endpoints, 'youtube')}/channel/${handle}` : `${base(endpoints, 'youtube')}/@${encodeURIComponent(handle)}`
    case 'linkedin':
      return `${base(endpoints, 'linkedin')}/company/${encodeURIComponent(handle)}`
    case 'instagram':
      return `${base(endpoints, 'instagram')}/${encodeURIComponent(handle)}/`
    case 'facebook':
      return `${base(endpoints, 'facebook')}/${encodeURIComponent(handle)}`
    case 'threads':
      return `${base(endpoints, 'threads')}/@${encodeURIComponent(handle)}`
    case 'tiktok':
      return `${base(endpoints, 'tiktok')}/@${encodeURIComponent(handle)}`
    case 'x':
      return `${base(endpoints, 'x-web')}/${encodeURIComponent(handle)}`
    case 'blog':
    case 'website':
      // The schema requires a url or a handle; a bare handle here is a host name.
      return /^https?:\/\//.test(handle) ? handle : `https://${handle}`
  }
}

/**
 * The public API that gives this account's numbers, if its platform has one.
 * X needs the user's own token; without it there is no API call at all.
 */
export function apiRequest(account: Account, endpoints: Endpoints, env: NodeJS.ProcessEnv = process.env): ApiRequest | undefined {
  switch (account.platform) {
    case 'bluesky':
      return {
        kind: 'bluesky',
        url: `${base(endpoints, 'bluesky')}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(blueskyHandle(account))}`,
      }
    case 'mastodon': {
      const root = mastodonBase(account, endpoints)
      if (!root) return undefined
      return { kind: 'mastodon', url: `${root}/api/v1/accounts/lookup?acct=${encodeURIComponent(mastodonParts(account).user)}` }
    }
    case 'x': {
      const token = xToken(env)
      if (!token) return undefined
      return {
        kind: 'x',
        url: `${base(endpoints, 'x')}/2/users/by/username/${encodeURIComponent(handleOf(account))}?user.fields=public_metrics,description`,
        headers: { authorization: `Bearer ${token}` },
      }
    }
    default:
      return undefined
  }
}

/** The user's X API bearer token (the variables are listed in secrets/credentials.ts). */
export function xToken(env: NodeJS.ProcessEnv): string | undefined {
  return credential('x', env)
}

function blueskyHandle(account: Account): string {
  if (account.handle) return account.handle.replace(/^@/, '')
  const path = new URL(account.url!).pathname.split('/').filter(Boolean)
  const i = path.indexOf('profile')
  return (i >= 0 ? path[i + 1] : path.at(-1)) ?? ''
}

/** Platforms whose page is expected to give a feed link (RSS/Atom) to read. */
export const FEED_PLATFORMS: ReadonlySet<Platform> = new Set(['youtube', 'blog', 'website'])
