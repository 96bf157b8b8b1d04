// Owns every request showtell makes from Node (API answers, feeds, audit
// probes): GET only, through the guard, redirects followed by hand with each
// hop checked before anything is sent to it (at most 5), the credentials
// dropped when a redirect leaves the origin, and the body read only up to a
// bound while it streams in.
//
// Why node:http(s) and not fetch(): fetch resolves the name again on its own
// after our check, so a name that answers a public address to the guard and
// 127.0.0.1 to the connection (DNS rebinding) would get through. A node:http
// request takes a `lookup` function, and ours answers with exactly the
// addresses the guard checked: the socket can only go where the check said
// yes. An IP literal needs no lookup; the guard checked that address itself.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Readable } from 'node:stream'
import type { RequestGuard, ResolvedAddress } from './guard.js'

export const MAX_REDIRECTS = 5

export interface GuardedFetchOptions {
  readonly guard: RequestGuard
  readonly headers?: Readonly<Record<string, string>>
  /** For the whole request: every hop and the body. */
  readonly timeoutMs: number
  /** Most bytes of the (decoded) body kept; the rest is never read. */
  readonly maxBytes: number
  /** Keep the body's bytes as they came (`bytes`), for a picture: `body` is their UTF-8 reading. */
  readonly keepBytes?: boolean
}

export interface FetchedText {
  readonly status: number
  /** The URL that answered, after the redirects. */
  readonly url: string
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** The body was longer than `maxBytes` and was cut there. */
  readonly truncated: boolean
  /** The body's bytes, with `keepBytes` only. */
  readonly bytes?: Uint8Array
}

/** The guard said no: the reason is meant for the user as it is. */
export class RefusedRequest extends Error {
  override readonly name = 'RefusedRequest'
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Never carried to another origin by a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization']

export async function guardedFetch(url: string, options: GuardedFetchOptions): Promise<FetchedText> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  const origin = safeOrigin(url)
  let target = url
  for (let hop = 0; ; hop++) {
    // A slow resolver counts against the same deadline as the transfer.
    const verdict = await untilAborted(options.guard.check(target), signal)
    if (!verdict.ok) throw new RefusedRequest(hop === 0 ? verdict.reason : `redirected to a refused address: ${verdict.reason}`)
    const headers: Record<string, string> = { ...options.headers, 'accept-encoding': 'gzip, deflate, br' }
    if (verdict.url.origin !== origin) for (const name of Object.keys(headers)) if (CREDENTIAL_HEADERS.includes(name.toLowerCase())) delete headers[name]
    const pinned = verdict.addresses ? options.guard.connectAddresses(verdict.host, verdict.addresses) : undefined
    const answer = await send(verdict.url, headers, pinned, signal, options.maxBytes, options.keepBytes === true)
    if (answer.location === undefined) return { ...answer.text, url: verdict.url.href }
    if (hop >= MAX_REDIRECTS) throw new Error(`too many redirects (more than ${MAX_REDIRECTS})`)
    try {
      target = new URL(answer.location, verdict.url).href
    } catch {
      throw new Error(`redirected to an invalid URL (${answer.location.slice(0, 80)})`)
    }
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted()
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason)
    signal.addEventListener('abort', abort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}

/** A `lookup` that only ever answers with the checked addresses. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options.family === 'number' && options.family !== 0 ? options.family : undefined
    const fitting = addresses.filter((entry) => family === undefined || entry.family === family)
    const list = fitting.length > 0 ? fitting : addresses
    if (options.all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [...list])
    else callback(null, list[0]!.address, list[0]!.family)
  }
}

interface OneAnswer {
  readonly location?: string
  readonly text: Omit<FetchedText, 'url'>
}

function send(url: URL, headers: Record<string, string>, pinned: readonly ResolvedAddress[] | undefined, signal: AbortSignal, maxBytes: number, keepBytes: boolean): Promise<OneAnswer> {
  return new Promise<OneAnswer>((resolve, reject) => {
    const fail = (error: unknown) => reject(signal.aborted ? signal.reason : error)
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      headers,
      signal,
      // A connection of its own: a pooled socket could have been opened to another address.
      agent: false,
      ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
    })
    request.on('error', fail)
    request.on('response', (response) => {
      const status = response.statusCode ?? 0
      const flat: Record<string, string> = {}
      for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
      const location = REDIRECTS.has(status) ? flat.location : undefined
      if (location !== undefined) {
        // The redirect's own body is never wanted.
        response.destroy()
        resolve({ location, text: { status, headers: flat, body: '', truncated: false } })
        return
      }
      readBounded(response, maxBytes).then(({ body, truncated, bytes }) => resolve({ text: { status, headers: flat, body, truncated, ...(keepBytes ? { bytes } : {}) } }), fail)
    })
    request.end()
  })
}

/** Reads at most `maxBytes` of the decoded body, then stops the transfer. */
function readBounded(response: IncomingMessage, maxBytes: number): Promise<{ body: string; truncated: boolean; bytes: Uint8Array }> {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase()
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined
  const stream: Readable = decoder ? response.pipe(decoder) : response
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (truncated: boolean) => {
      if (settled) return
      settled = true
      const bytes = Buffer.concat(chunks)
      resolve({ body: new TextDecoder('utf-8').decode(bytes), truncated, bytes })
    }
    stream.on('data', (chunk: Buffer) => {
      if (settled) return
      const room = maxBytes - size
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk)
      size += Math.min(chunk.length, room)
      if (size >= maxBytes) {
        finish(true)
        response.destroy()
        decoder?.destroy()
      }
    })
    stream.on('end', () => finish(false))
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      reject(error)
    }
    stream.on('error', fail)
    if (decoder) response.on('error', fail)
    response.on('close', () => {
      if (!response.complete) fail(new Error('the connection was dropped'))
    })
  })
}
