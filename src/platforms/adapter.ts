// Owns what a platform adapter is: everything showtell knows about one
// platform, in one file under src/platforms/. The registry (index.ts) lists
// them; the capture pipeline, the deck's words, `showtell login`, `doctor`
// and the schema's platform list all read the adapter instead of switching on
// the platform's name. A new platform is one adapter file, one demo-site
// file and one registry line.
import type { EndpointKey } from './endpoints.js'
import type { AccountRef, ApiSource } from './source.js'

/** The base URL of an endpoint key, without a trailing slash. */
export type BaseOf = (key: EndpointKey) => string

export interface PlatformAdapter {
  readonly id: string
  /** How people write it: "YouTube", "LinkedIn". */
  readonly name: string
  /** The headline count's word ("followers", "subscribers"), the posts' ("posts", "videos") and the account's likes' ("Page likes"). */
  readonly words: { readonly followers: string; readonly posts: string; readonly likes: string }
  /** The page to open and screenshot when the account has no explicit `url`. */
  pageUrl(account: AccountRef, base: BaseOf): string
  /**
   * The official and public APIs, best first. The first one that answers
   * gives the numbers; the page is read in any case (screenshot, title) and
   * fills what the APIs left out, or gives the numbers when none answered.
   */
  readonly sources: readonly ApiSource[]
  /** The page's RSS/Atom link gives the last post and the pace. */
  readonly feeds?: boolean
  /**
   * What a page read without sign-in and without numbers means on a
   * platform that shows logged-out visitors nothing but a wall (X): the
   * account is `blocked` with this reason, not an `ok` page with no numbers.
   */
  readonly emptyPageMeans?: string
  /** Where `showtell login` signs in: an endpoint key and the path on it, or a real URL used when the key is not overridden. */
  readonly signIn?: { readonly key: EndpointKey; readonly path: string; readonly real?: string }
  /** What `showtell login` tells the user when `signIn` is absent. @default the platforms that have a sign-in page */
  readonly signInHint?: string
  /**
   * The `snapshot.endpoints` key that replaces the base of this platform's
   * `showtell audit` rule (its probe is a page on x.com, not the API).
   * @default the platform's id
   */
  readonly auditEndpoint?: EndpointKey
  /** How the platform's handles look: `showtell audit` and the deck read them here. */
  readonly handles?: Handles
}

/** What a handle may look like on a platform (checked after folding to lower case). */
export interface HandleRule {
  readonly pattern: RegExp
  readonly min: number
  readonly max: number
}

/**
 * A platform's handles. Each member is optional and has a default that fits a
 * platform whose handle is a bare name shown as `@name` (Instagram, X).
 */
export interface Handles {
  /** What a stem must match to be a handle here. Without a rule, `showtell audit` makes no candidates for the platform. */
  readonly rule?: HandleRule
  /**
   * The handles `showtell audit` probes for one valid stem, as the platform
   * writes them (`nordlys.bsky.social`, `nordlys@mastodon.social`).
   * `servers` are the servers the workspace's own accounts live on, for a
   * platform whose handles name their server (may be empty).
   * @default [stem]
   */
  candidates?(stem: string, ctx: { readonly servers: readonly string[] }): string[]
  /**
   * The user and the server of a handle that names its server (Mastodon's
   * `user@server`); undefined for one that does not. The audit probes that
   * server for the user, and looks on the servers of the workspace's own
   * accounts. Absent on platforms with one service.
   */
  onServer?(handle: string): { readonly user: string; readonly server: string } | undefined
  /**
   * The handle's own part, without the domain or server it lives on
   * (`nordlys.bsky.social` → `nordlys`), given in lower case without a
   * leading @. @default the handle
   */
  localPart?(handle: string): string
  /** How a handle reads on a slide. @default `@handle` */
  shown?(handle: string): string
}

/** The handle without a leading @, or the last path segment of the url. */
export function handleOf(account: AccountRef): string {
  if (account.handle) return account.handle.replace(/^@/, '')
  const path = new URL(account.url!).pathname.split('/').filter(Boolean)
  return (path.at(-1) ?? '').replace(/^@/, '')
}
