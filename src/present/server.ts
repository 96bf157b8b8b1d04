// Owns the HTTP server of `showtell present`: one deck folder, read-only, on
// the addresses it is given (127.0.0.1, or the LAN's private addresses with a
// token). A request passes, in order: the Host check (a page elsewhere that
// rebinds its name to this address gets 403), the token (`/t/<token>/…` under
// --lan; 403 without a word otherwise), the route table (the remote and the
// live updates plug in there), then the deck's own files (GET/HEAD only).
// Every answer carries no-store, nosniff and a Content-Security-Policy; an HTML
// file's own inline scripts are allowed by their hashes, and nothing else runs.
// With the live link on, the folder's deck.html is served with
// `<meta name="showtell-live">` in its head (the file on disk is not changed)
// and may connect back to this server (`connect-src 'self'`); nothing else may.
import { createHash } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkRequestPath, INDEX_FILE, openInFolder } from './files.js'
import { tokenMatches } from './token.js'

export interface PresentRoute {
  readonly method: 'GET' | 'POST'
  /** The path under the session's base, exact: `/remote`. */
  readonly path: string
  readonly handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>
}

export interface PresentServerOptions {
  /** The deck's build folder; nothing outside it is served. */
  readonly folder: string
  /** The addresses to listen on, all on one port. */
  readonly hosts: readonly string[]
  /** @default 0 (a free port) */
  readonly port?: number
  /** When set, every URL must start with `/t/<token>/`. */
  readonly token?: string
  /** @default [] */
  readonly routes?: readonly PresentRoute[]
  /** Serve deck.html with the live link's meta and `connect-src 'self'` (LIVE.md). @default false */
  readonly live?: boolean
}

export interface PresentServer {
  readonly port: number
  /** One base URL per address, ending in `/` (with the token under --lan). */
  readonly baseUrls: readonly string[]
  close(): Promise<void>
}

/** What the deck page's own script looks for to start the live link; the path is relative to the page. */
export const LIVE_META = '<meta name="showtell-live" content="live/">'

/** The inline scripts a browser would run, hashed as CSP hashes them (the exact text between the tags). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? ''
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase()
    // A JSON data block is never run, and an external script is not allowed at all.
    if (/\bsrc\s*=/i.test(attributes)) continue
    if (type !== undefined && type !== 'text/javascript' && type !== 'module') continue
    hashes.add(`'sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/** The inline `<style>` blocks, hashed as CSP hashes them: a page that lists them needs no 'unsafe-inline'. */
export function inlineStyleHashes(html: string): string[] {
  return [...new Set([...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((match) => `'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`))]
}

export interface CspOptions {
  /** Whether the page may talk back to this server (fetch, EventSource). @default 'none' */
  readonly connect?: 'self' | 'none'
  /** When given, only these inline styles apply; else the deck's inline styles and style attributes (Marp writes both). */
  readonly styleHashes?: readonly string[]
}

export function contentSecurityPolicy(scriptHashes: readonly string[], options: CspOptions = {}): string {
  const styles = options.styleHashes === undefined ? "'unsafe-inline'" : options.styleHashes.length > 0 ? options.styleHashes.join(' ') : "'none'"
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.length > 0 ? scriptHashes.join(' ') : "'none'"}`,
    `style-src ${styles}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${options.connect === 'self' ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** `html` with the live link's meta as the first thing in its head (an implied head when it has none). */
export function withLiveMeta(html: string): string {
  const at = /<head\b[^>]*>/i.exec(html) ?? /<html\b[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html)
  const index = at ? at.index + at[0].length : 0
  return `${html.slice(0, index)}${LIVE_META}${html.slice(index)}`
}

export function secureHeaders(response: ServerResponse, csp: string): void {
  response.setHeader('Content-Security-Policy', csp)
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Cache-Control', 'no-store')
  // Under --lan the token is in the path: a link followed from a slide must not carry it away.
  // same-origin, not no-referrer: under no-referrer a browser may send `Origin: null` with the
  // page's own POSTs (the Fetch standard says so for same-origin requests), which the live link refuses.
  response.setHeader('Referrer-Policy', 'same-origin')
  response.setHeader('X-Frame-Options', 'DENY')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

/** A status with no body: a refusal says nothing about why. */
function refuse(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  secureHeaders(response, contentSecurityPolicy([]))
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  response.statusCode = status
  response.setHeader('Content-Length', '0')
  response.end()
}

export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  const root = await realpath(options.folder)
  const routes = options.routes ?? []
  const token = options.token
  const prefix = token === undefined ? '' : `/t/${token}`
  let allowedHosts = new Set<string>()

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) return refuse(response, 403)
    const raw = request.url ?? ''
    // An absolute-form target (`GET http://elsewhere/…`) or `*` names no file here.
    if (!raw.startsWith('/')) return refuse(response, 400)
    let path = raw.split('?')[0]!
    if (token !== undefined) {
      const match = /^\/t\/([^/]*)(\/.*)?$/.exec(path)
      if (!match || !tokenMatches(token, match[1]!)) return refuse(response, 403)
      if (match[2] === undefined) return refuse(response, 308, { Location: `${prefix}/` })
      path = match[2]
    }
    const route = routes.find((candidate) => candidate.path === path)
    if (route) {
      const allowed = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]
      if (!allowed.includes(request.method ?? '')) return refuse(response, 405, { Allow: allowed.join(', ') })
      secureHeaders(response, contentSecurityPolicy([]))
      return route.handle(request, response)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, { Allow: 'GET, HEAD' })
    const checked = checkRequestPath(path)
    if (!checked.ok) return refuse(response, checked.status)
    const file = await openInFolder(root, checked.segments)
    if (!file) return refuse(response, 404)
    try {
      response.setHeader('Content-Type', file.contentType)
      if (file.contentType.startsWith('text/html')) {
        const live = options.live === true && checked.segments.length === 1 && checked.segments[0] === INDEX_FILE
        const text = (await file.handle.readFile()).toString('utf8')
        const served = live ? withLiveMeta(text) : text
        // Hashed on the text as served: the meta changes no script, but the hashes follow what the browser gets.
        secureHeaders(response, contentSecurityPolicy(inlineScriptHashes(served), { connect: live ? 'self' : 'none' }))
        const html = Buffer.from(served, 'utf8')
        response.setHeader('Content-Length', String(html.length))
        response.end(request.method === 'HEAD' ? undefined : html)
        return
      }
      secureHeaders(response, contentSecurityPolicy([]))
      response.setHeader('Content-Length', String(file.size))
      if (request.method === 'HEAD') {
        response.end()
        return
      }
      const stream = file.handle.createReadStream({ autoClose: false })
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject)
        response.once('close', resolve)
        stream.pipe(response)
      })
    } finally {
      await file.handle.close()
    }
  }

  const servers: Server[] = []
  const listen = (host: string, port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((request, response) => {
        handle(request, response).catch(() => {
          if (!response.headersSent) refuse(response, 500)
          else response.destroy()
        })
      })
      server.once('error', reject)
      server.listen({ host, port, exclusive: true }, () => {
        server.off('error', reject)
        resolve(server)
      })
    })
  const closeAll = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          }),
      ),
    )
  }
  let port = options.port ?? 0
  try {
    for (const host of options.hosts) {
      const server = await listen(host, port)
      servers.push(server)
      port = (server.address() as AddressInfo).port
    }
  } catch (error) {
    await closeAll()
    throw error
  }
  allowedHosts = new Set(options.hosts.flatMap((host) => [`${host}:${port}`, ...(host === '127.0.0.1' && token === undefined ? [`localhost:${port}`] : [])]))
  return {
    port,
    baseUrls: options.hosts.map((host) => `http://${host}:${port}${prefix}/`),
    close: closeAll,
  }
}
