// Two servers on 127.0.0.1 for the guard tests: `target`, the private host an
// attacker wants reached, which only counts what reaches it; and `site`, which
// plays a public host (the tests' resolver stub calls `allowed.test` public,
// and Chromium or the Node guard's test seam connect it to 127.0.0.1). The
// site redirects wherever `?to=` says, so a redirect to the target can be tried.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { ResolvedAddress, Resolver } from '../../src/net/guard.js'

export interface Served {
  readonly server: Server
  readonly port: number
  /** Every request that reached it: path and headers. */
  readonly hits: { readonly url: string; readonly headers: IncomingMessage['headers'] }[]
  close(): Promise<void>
}

export async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<Served> {
  const hits: Served['hits'] = []
  const server = createServer((request, response) => {
    hits.push({ url: request.url ?? '', headers: request.headers })
    handle(request, response)
  })
  // A WebSocket handshake arrives as an upgrade, not as a request: it counts too.
  server.on('upgrade', (request, socket) => {
    hits.push({ url: request.url ?? '', headers: request.headers })
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    server,
    port,
    hits,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The private host: answers everything with a page, and counts. */
export function startTarget(): Promise<Served> {
  return serve((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Internal</title><p>99,999 followers</p>')
  })
}

/**
 * The "public" site. `pages` are HTML pages by path; `/to-target/<rest>`
 * redirects to `<rest>` on the private host at `targetPort`.
 */
export function startSite(pages: Readonly<Record<string, string>> = {}, targetPort = 0): Promise<Served> {
  return serve((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site.invalid')
    const to = url.searchParams.get('to')
    if (url.pathname === '/redirect' && to) {
      response.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to }).end('moved')
      return
    }
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname)
    if (chain) {
      response.writeHead(302, { location: `/chain/${Number(chain[1]) + 1}` }).end()
      return
    }
    if (url.pathname === '/endless') {
      // A body that never ends: only a bounded read ever returns from it.
      response.writeHead(200, { 'content-type': 'text/plain' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump)
      }
      pump()
      return
    }
    if (url.pathname === '/gzip') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"followersCount":4321}'))
      return
    }
    if (url.pathname === '/silent') return
    if (url.pathname.startsWith('/to-target/')) {
      response.writeHead(302, { location: `http://127.0.0.1:${targetPort}/${url.pathname.slice('/to-target/'.length)}${url.search}` }).end()
      return
    }
    const page = pages[url.pathname]
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page)
      return
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: url.pathname, authorization: request.headers.authorization ?? null }))
  })
}

export const PUBLIC_ADDRESS = '93.184.216.34'

/**
 * The tests' DNS: `allowed.test` and `other.test` are public, `private.test`
 * is 127.0.0.1, and every other name fails to resolve. Records every question.
 */
export function stubResolver(asked: string[] = []): Resolver {
  const names: Record<string, readonly ResolvedAddress[]> = {
    'allowed.test': [{ address: PUBLIC_ADDRESS, family: 4 }],
    'other.test': [{ address: PUBLIC_ADDRESS, family: 4 }],
    'private.test': [{ address: '127.0.0.1', family: 4 }],
  }
  return async (host) => {
    asked.push(host)
    const known = names[host]
    if (known) return known
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
  }
}

/** The Node side of `--host-resolver-rules="MAP allowed.test 127.0.0.1"`: public by the stub, served here. */
export const connectToLoopback = (host: string): string | undefined => (host === 'allowed.test' || host === 'other.test' ? '127.0.0.1' : undefined)
