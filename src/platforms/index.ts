// Owns the registry of platform adapters: one line per platform. The
// `Platform` type and the workspace schema's platform enum are derived from
// it (marp-cli's `finderMap` pattern), so a platform that has an adapter is a
// platform showtell accepts, and no other.
import type { BaseOf, PlatformAdapter } from './adapter.js'
import { DEFAULT_ENDPOINTS, type EndpointKey } from './endpoints.js'
import type { AccountRef } from './source.js'
import { bluesky } from './bluesky.js'
import { mastodon } from './mastodon.js'
import { youtube } from './youtube.js'
import { linkedin } from './linkedin.js'
import { instagram } from './instagram.js'
import { facebook } from './facebook.js'
import { threads } from './threads.js'
import { tiktok } from './tiktok.js'
import { x } from './x.js'
import { blog } from './blog.js'
import { website } from './website.js'

const REGISTRY = { bluesky, mastodon, youtube, linkedin, instagram, facebook, threads, tiktok, x, blog, website } as const satisfies Record<string, PlatformAdapter>

export type Platform = keyof typeof REGISTRY
/** Every adapter by platform id. */
export const ADAPTERS: Readonly<Record<Platform, PlatformAdapter>> = REGISTRY
/** Every platform id, in the registry's order. */
export const PLATFORMS = Object.keys(ADAPTERS) as [Platform, ...Platform[]]

export type Endpoints = Readonly<Partial<Record<EndpointKey, string>>>

/** The adapter of a platform id; undefined for a name no adapter has (an old history line, a hand edit). */
export function adapterOf(platform: string): PlatformAdapter | undefined {
  return Object.hasOwn(ADAPTERS, platform) ? (ADAPTERS as Record<string, PlatformAdapter>)[platform] : undefined
}

/** Base URLs from `snapshot.endpoints`, falling back to the real services. */
export function baseOf(endpoints: Endpoints): BaseOf {
  return (key) => (endpoints[key] || DEFAULT_ENDPOINTS[key]).replace(/\/+$/, '')
}

/** The page to open and screenshot: the account's own `url` whatever its host, else the adapter's. */
export function pageUrl(account: AccountRef, endpoints: Endpoints): string {
  if (account.url) return account.url
  const adapter = adapterOf(account.platform)
  if (!adapter) throw new Error(`no adapter for platform ${JSON.stringify(account.platform)}`)
  return adapter.pageUrl(account, baseOf(endpoints))
}

/** A handle's own part, without the domain or server it lives on (see `Handles.localPart`); given in lower case without a leading @. */
export function localPartOf(platform: string, handle: string): string {
  return adapterOf(platform)?.handles?.localPart?.(handle) ?? handle
}

/** How a handle reads on a slide (see `Handles.shown`): `@nordlys.official`, `@nordlys@mastodon.social`, or a bare page name. */
export function shownHandleOf(platform: string, handle: string): string {
  return adapterOf(platform)?.handles?.shown?.(handle) ?? `@${handle.replace(/^@/, '')}`
}

export { handleOf } from './adapter.js'
export type { HandleRule, Handles, PlatformAdapter } from './adapter.js'
