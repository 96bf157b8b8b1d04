// Owns the small steps the owners' API sources share: the handle an
// account is known by on a token-bound API, a display text, and a network
// error's message with the credential cut out.
import type { AccountRef } from './source.js'

/** The handle to compare with the token's username: `handle`, else the `/@name` of the profile URL; lower case, no `@`. */
export function atHandle(account: AccountRef): string | undefined {
  if (account.handle !== undefined && bare(account.handle) !== '') return bare(account.handle)
  const fromUrl = account.url === undefined ? undefined : /\/@([A-Za-z0-9._]+)/.exec(account.url)?.[1]
  return fromUrl === undefined ? undefined : bare(fromUrl)
}

/** A handle as compared: trimmed, no `@`, lower case. */
export function bare(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase()
}

/** `{ title: value }` (or description) when the value says something; a very long one is cut. */
export function text(key: 'title' | 'description', value: string | undefined): Partial<Record<'title' | 'description', string>> {
  return value !== undefined && value.trim() !== '' ? { [key]: value.slice(0, 2000) } : {}
}

/** A network error's message with the token cut out, should a client below ever have put it there. */
export function withoutToken(error: unknown, token: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(token)) return error
  const scrubbed = new Error(error.message.split(token).join('[token]'))
  scrubbed.name = error.name
  return scrubbed
}
