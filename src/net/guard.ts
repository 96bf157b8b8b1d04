// Owns the one decision every request showtell causes goes through: may this
// URL be fetched? Only http(s), and, unless the workspace sets
// `snapshot.allowPrivateNetwork: true`, only names that resolve to public
// addresses, every one of them. The guard resolves the name itself (a name
// whose lookup fails is refused: an unchecked name may well be private) and
// keeps the answer for its lifetime (one run). Node connects to exactly the
// addresses that were checked (fetch.ts); Chromium resolves again by itself
// (chromium.ts says what that leaves open).
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { addressKind } from './address.js'

export interface ResolvedAddress {
  readonly address: string
  /** 4 or 6 */
  readonly family: number
}

/** Every address a name resolves to. Tests inject a stub: they never do real DNS. */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true })

export interface UrlVerdict {
  readonly ok: boolean
  readonly reason?: string
}

export type GuardVerdict =
  | { readonly ok: true; readonly url: URL; readonly host: string; readonly addresses?: readonly ResolvedAddress[] }
  | { readonly ok: false; readonly reason: string }

export interface GuardOptions {
  /** `snapshot.allowPrivateNetwork`: the only way to reach loopback and private addresses. */
  readonly allowPrivateNetwork: boolean
  /** @default dns.lookup(host, { all: true }) */
  readonly resolve?: Resolver
  /**
   * Tests only, the Node side of Chromium's `--host-resolver-rules="MAP name
   * 127.0.0.1"`: after `resolve` said a name is public and the check passed,
   * the socket for that name goes to this address instead. This is how a
   * test plays a public host on 127.0.0.1 without any traffic leaving the
   * machine. showtell itself never sets it.
   */
  readonly testConnectTo?: (host: string) => string | undefined
}

/** The scheme check alone. */
export function checkScheme(url: string): UrlVerdict {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, reason: `not a valid URL: ${url.slice(0, 80)}` }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `refused a ${parsed.protocol} URL (only http and https are visited)` }
  }
  return { ok: true }
}

/** The host as the network sees it: no brackets, no trailing dots (`localhost.` is `localhost`). */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase()
}

/** `localhost` and its subdomains never reach DNS: Chromium answers them with loopback itself (RFC 6761). */
function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost')
}

export function privateReason(what: string, kind: string): string {
  const which = kind === 'private' ? 'a private address' : `a private address (${kind})`
  return `refused ${what}: ${which}; set snapshot.allowPrivateNetwork: true only for a local demo or test site`
}

export class RequestGuard {
  readonly allowPrivateNetwork: boolean
  private readonly resolve: Resolver
  private readonly testConnectTo: GuardOptions['testConnectTo']
  /** Per host, for the guard's lifetime (one run or one capture): one lookup, one answer. */
  private readonly hosts = new Map<string, Promise<HostVerdict>>()
  /** With allowPrivateNetwork, per host: the link-local address it resolves to, if any. */
  private readonly linkLocalHosts = new Map<string, Promise<string | undefined>>()

  constructor(options: GuardOptions) {
    this.allowPrivateNetwork = options.allowPrivateNetwork
    this.resolve = options.resolve ?? systemResolver
    this.testConnectTo = options.testConnectTo
  }

  /** Where a checked name's connection goes: the checked addresses (or a test's stand-in). */
  connectAddresses(host: string, checked: readonly ResolvedAddress[]): readonly ResolvedAddress[] {
    const standIn = this.testConnectTo?.(host)
    return standIn ? [{ address: standIn, family: isIP(standIn) || 4 }] : checked
  }

  /** The full check before anything is sent to `url`. */
  async check(url: string | URL): Promise<GuardVerdict> {
    const text = String(url)
    const scheme = checkScheme(text)
    if (!scheme.ok) return { ok: false, reason: scheme.reason! }
    const parsed = new URL(text)
    const host = bareHost(parsed.hostname)
    if (this.allowPrivateNetwork) {
      // Even a local demo never needs a link-local address, and one of them
      // (169.254.169.254) is a cloud machine's metadata service, with its
      // credentials: a page's redirect there is refused whatever the setting.
      if (isIP(host)) return addressKind(host) === 'link-local' ? { ok: false, reason: linkLocalReason(host) } : { ok: true, url: parsed, host }
      if (isLocalhostName(host)) return { ok: true, url: parsed, host }
      // A name is looked up too (once per run): one that resolves to a
      // link-local address (metadata.google.internal does) is refused the
      // same. A name that cannot be looked up is left to fail on connecting,
      // as before: a local demo or test site may have no DNS entry at all.
      let linkLocal = this.linkLocalHosts.get(host)
      if (!linkLocal) {
        linkLocal = this.resolve(host).then(
          (addresses) => addresses.find((entry) => addressKind(entry.address) === 'link-local')?.address,
          () => undefined,
        )
        this.linkLocalHosts.set(host, linkLocal)
      }
      const address = await linkLocal
      return address ? { ok: false, reason: linkLocalReason(`${host} (${address})`) } : { ok: true, url: parsed, host }
    }
    let verdict = this.hosts.get(host)
    if (!verdict) {
      verdict = this.checkHost(host)
      this.hosts.set(host, verdict)
    }
    const answer = await verdict
    return answer.ok ? { ok: true, url: parsed, host, addresses: answer.addresses } : answer
  }

  private async checkHost(host: string): Promise<HostVerdict> {
    if (isIP(host)) {
      const kind = addressKind(host)
      return kind ? { ok: false, reason: privateReason(host, kind) } : { ok: true, addresses: [{ address: host, family: isIP(host) }] }
    }
    if (isLocalhostName(host)) return { ok: false, reason: privateReason(host, 'loopback') }
    let addresses: readonly ResolvedAddress[]
    try {
      addresses = await this.resolve(host)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code
      return { ok: false, reason: `refused ${host}: its address could not be looked up${code ? ` (${code})` : ''}, so it cannot be checked` }
    }
    if (addresses.length === 0) return { ok: false, reason: `refused ${host}: its address could not be looked up, so it cannot be checked` }
    for (const entry of addresses) {
      const kind = addressKind(entry.address)
      // Any one bad address is enough: the connection may pick any of them.
      if (kind) return { ok: false, reason: privateReason(`${host} (${entry.address})`, kind) }
    }
    return { ok: true, addresses }
  }
}

function linkLocalReason(what: string): string {
  return `refused ${what}: a link-local address (a cloud machine's metadata service lives there), even with snapshot.allowPrivateNetwork`
}

type HostVerdict = { readonly ok: true; readonly addresses: readonly ResolvedAddress[] } | { readonly ok: false; readonly reason: string }
