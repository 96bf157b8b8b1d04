// The request guard moved to src/net/ (guard.ts, address.ts, fetch.ts,
// chromium.ts), where every request showtell causes goes through it. Kept so
// that existing imports keep working.
import { RequestGuard, type Resolver, type UrlVerdict } from '../net/guard.js'

export { addressKind, isPrivateAddress } from '../net/address.js'
export { checkScheme, RequestGuard, systemResolver, type Resolver, type UrlVerdict } from '../net/guard.js'

/** One check with a guard of its own (no cache shared with anything): scheme, then every address. */
export async function checkUrl(url: string, allowPrivateNetwork: boolean, resolve?: Resolver): Promise<UrlVerdict> {
  const verdict = await new RequestGuard({ allowPrivateNetwork, resolve }).check(url)
  return verdict.ok ? { ok: true } : verdict
}
