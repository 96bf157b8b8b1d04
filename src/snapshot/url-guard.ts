// Owns which addresses a snapshot may visit: http(s) only, and never loopback
// or private networks unless the workspace allows it (the local demo site and
// the tests do). Checked before a page is opened and on every redirect.
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

export interface UrlVerdict {
  readonly ok: boolean
  readonly reason?: string
}

/** True for loopback, private, link-local, unique-local and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase()
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number)
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)
  }
  if (isIP(ip) === 6) {
    if (ip === '::1' || ip === '::') return true
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)
    if (mapped) return isPrivateAddress(mapped[1]!)
    return /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip)
  }
  return false
}

/** The scheme check alone: what a redirect inside the browser is held to. */
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

/** A quick check without DNS, for requests made by a page. */
export function checkHostLiteral(url: string, allowPrivateNetwork: boolean): UrlVerdict {
  const scheme = checkScheme(url)
  if (!scheme.ok) return scheme
  const host = new URL(url).hostname
  if (!allowPrivateNetwork && (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host))) {
    return { ok: false, reason: privateReason(host) }
  }
  return { ok: true }
}

/** The full check before a page or API is visited: scheme, then every address the name resolves to. */
export async function checkUrl(url: string, allowPrivateNetwork: boolean): Promise<UrlVerdict> {
  const literal = checkHostLiteral(url, allowPrivateNetwork)
  if (!literal.ok || allowPrivateNetwork) return literal
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return literal
  try {
    const addresses = await lookup(host, { all: true })
    const bad = addresses.find((entry) => isPrivateAddress(entry.address))
    if (bad) return { ok: false, reason: privateReason(`${host} (${bad.address})`) }
  } catch {
    // An unresolvable name fails later with a clear network error of its own.
  }
  return { ok: true }
}

function privateReason(host: string): string {
  return `refused ${host}: a loopback or private address (set snapshot.allowPrivateNetwork: true only for a local demo or test site)`
}
