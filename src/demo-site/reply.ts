// Owns the shape of an answer from the demo site's router: a plain value the
// HTTP shell in server.ts writes out, so routing stays testable without sockets.
import type { Markup } from './markup.js'

export interface Reply {
  readonly kind: 'reply'
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Uint8Array
  /** Answer only after this many milliseconds. */
  readonly delayMs?: number
}

/** Accept the request and never answer it. */
export interface Hang {
  readonly kind: 'hang'
}

export type DemoResponse = Reply | Hang

// Bumps change numbers between runs of the same browser, so nothing may be cached.
const COMMON = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const

export function htmlReply(status: number, page: Markup, headers: Readonly<Record<string, string>> = {}): Reply {
  return { kind: 'reply', status, headers: { ...COMMON, 'content-type': 'text/html; charset=utf-8', ...headers }, body: page.text }
}

export function jsonReply(status: number, data: unknown): Reply {
  return { kind: 'reply', status, headers: { ...COMMON, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(data) }
}

export function xmlReply(status: number, document: Markup, contentType: string): Reply {
  return { kind: 'reply', status, headers: { ...COMMON, 'content-type': contentType }, body: document.text }
}

export function redirectReply(location: string, status: 301 | 302 = 302): Reply {
  return { kind: 'reply', status, headers: { ...COMMON, location, 'content-type': 'text/plain; charset=utf-8' }, body: `Redirecting to ${location}\n` }
}

export function bytesReply(status: number, body: Uint8Array, headers: Readonly<Record<string, string>>): Reply {
  return { kind: 'reply', status, headers: { ...COMMON, ...headers }, body }
}

/** A request as the router sees it. */
export interface DemoRequest {
  readonly method: string
  /** Path and query as sent, e.g. `/mastodon/api/v1/accounts/lookup?acct=nordlys`. */
  readonly target: string
  readonly authorization?: string
  /** The Cookie header: the demo session of `/demo-login`. */
  readonly cookie?: string
}
