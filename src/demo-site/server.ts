// Owns the demo site's HTTP shell: listens on 127.0.0.1 only, hands each
// request to `routeRequest`, writes the answer (now, later, or never), and on
// close() tears down every socket, including keep-alive and hanging ones.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Reply } from './reply.js'
import { feedShiftMs } from './feeds.js'
import { routeRequest } from './routes.js'
import { defaultWalls, type Walls } from './walls.js'

export interface DemoState {
  /** Added to every follower/like/subscriber count, so tests can make numbers change between runs. */
  followersBump: number
  /** Added to every post count. */
  postsBump: number
  /** When set, requests to /x/2/... must carry `Authorization: Bearer <token>`. */
  readonly xToken: string
  /** What stands in front of each platform (login wall, bot challenge); tests change it. @default defaultWalls() */
  readonly walls: Walls
}

export interface DemoSite {
  /** `http://127.0.0.1:PORT` */
  readonly url: string
  readonly port: number
  /** Change the bumps at any time; the next request sees them. */
  readonly state: DemoState
  /**
   * How many requests for `path` (the path alone, no query) have arrived so far, or for any
   * path when it is left out. Counted as a request arrives, before it is answered, so a test
   * can wait for a request that will never be answered, or check that one never came.
   */
  requestCount(path?: string): number
  /** Stops listening and destroys every open connection, hanging ones included. */
  close(): Promise<void>
}

export interface DemoSiteOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  readonly port?: number
  /**
   * The only address the demo site ever binds to.
   * @default '127.0.0.1'
   */
  readonly host?: '127.0.0.1'
  /**
   * Bearer token the imitated X API expects; '' turns the check off.
   * @default 'demo-x-token'
   */
  readonly xToken?: string
  /**
   * Date the feeds' entries from this clock (each keeps its distance to the demo's
   * "today", 2026-11-20) instead of their fixed dates: for tests that count recent
   * posts against a capture that reads the real clock.
   * @default the fixed dates, which the example deck shows
   */
  readonly feedClock?: () => Date
}

const HOST = '127.0.0.1'

function validate(options: DemoSiteOptions): { port: number; xToken: string } {
  if (options.feedClock !== undefined && typeof options.feedClock !== 'function') throw new TypeError('`feedClock` must be a function that returns a Date')
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`\`port\` must be an integer from 0 to 65535, got ${String(port)}`)
  }
  if (options.host !== undefined && options.host !== HOST) {
    throw new RangeError(`\`host\` must be '${HOST}': the demo site never listens on other addresses, got ${String(options.host)}`)
  }
  const xToken = options.xToken ?? 'demo-x-token'
  if (typeof xToken !== 'string') throw new TypeError('`xToken` must be a string')
  return { port, xToken }
}

function write(response: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body
  response.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.byteLength) })
  response.end(body)
}

/** Starts the demo site on 127.0.0.1. Resolves once it is listening. */
export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const { port: wantedPort, xToken } = validate(options)
  const state: DemoState = { followersBump: 0, postsBump: 0, xToken, walls: defaultWalls() }
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let origin = ''
  // One entry per path: the demo site serves a few dozen, so this stays small.
  const counts = new Map<string, number>()
  let total = 0

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://demo.invalid').pathname
    counts.set(path, (counts.get(path) ?? 0) + 1)
    total += 1
    let answer
    try {
      answer = routeRequest(
        { method: request.method ?? 'GET', target: request.url ?? '/', authorization: request.headers.authorization, cookie: request.headers.cookie },
        {
          origin,
          bumps: { followersBump: state.followersBump, postsBump: state.postsBump },
          xToken: state.xToken,
          walls: { ...state.walls },
          feedShiftMs: feedShiftMs(options.feedClock?.()),
        },
      )
    } catch (error) {
      answer = {
        kind: 'reply',
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `demo site error: ${error instanceof Error ? error.message : String(error)}\n`,
      } as const
    }
    // A hanging request keeps its socket open until the client gives up or close() runs.
    if (answer.kind === 'hang') return
    const reply = answer
    if (reply.delayMs === undefined) {
      write(response, reply)
      return
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!response.destroyed) write(response, reply)
    }, reply.delayMs)
    timers.add(timer)
    response.on('close', () => {
      clearTimeout(timer)
      timers.delete(timer)
    })
  }

  const server = createServer(handle)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => reject(error)
    server.once('error', fail)
    server.listen({ port: wantedPort, host: HOST }, () => {
      server.off('error', fail)
      resolve()
    })
  })

  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : wantedPort
  origin = `http://${HOST}:${port}`

  let closing: Promise<void> | undefined
  return {
    url: origin,
    port,
    state,
    requestCount: (path?: string) => (path === undefined ? total : (counts.get(path) ?? 0)),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}
