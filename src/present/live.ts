// Owns the live link of `showtell present` (the contract is LIVE.md, issue 14):
// one Server-Sent Events stream that every deck page and phone remote listens
// to (`state`, `command`, `slides`), and the three POSTs that feed it
// (live/state from the deck page, live/command from a remote, live/end once
// from the deck page). Every POST passes, in order: Content-Type
// application/json (415), an Origin equal to the server's own for the Host it
// was sent to (403: a page elsewhere cannot drive the talk), at most 64 KiB of
// body (413, read no further), JSON of the right shape (400). A refusal carries
// no body: nothing a client sent is ever echoed back.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { SEGMENT_IDS } from '../agenda/segments.js'
import { MAX_SEGMENT_MINUTES } from '../rotation/log.js'
import type { PresentRoute } from './server.js'

/** The largest POST body read. A State or Ended is well under 2 KiB. */
export const MAX_BODY_BYTES = 64 * 1024
/** The most pages listening at once: a presenter's windows and a few phones, with room to spare. */
export const MAX_LIVE_CLIENTS = 32
/** A comment line this often keeps proxies and phones from closing an idle stream. */
export const HEARTBEAT_MS = 15_000
/** A listener that stops reading is dropped once this much waits for it. */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024

const text = z.string().max(1000)
const millis = z.number().finite()

/** The deck page's State (LIVE.md). Unknown fields are dropped, so only these are passed on. */
export const stateSchema = z.object({
  index: z.number().int().min(0).max(100_000),
  count: z.number().int().min(0).max(100_000),
  title: text.nullish(),
  segment: z.string().max(100).nullish(),
  segmentTitle: text.nullish(),
  appendix: z.boolean(),
  started: z.boolean(),
  paused: z.boolean(),
  ended: z.boolean(),
  elapsedMs: millis.min(0),
  segmentLeftMs: millis.nullable(),
  aheadMs: millis.nullable(),
})
export type LiveState = z.infer<typeof stateSchema>

export const COMMAND_ACTIONS = ['next', 'prev', 'pause', 'resume', 'end'] as const
export const commandSchema = z.object({ action: z.enum(COMMAND_ACTIONS) })
export type LiveCommand = z.infer<typeof commandSchema>

const segmentMinutes = z.partialRecord(z.enum(SEGMENT_IDS), z.number().finite().min(0).max(MAX_SEGMENT_MINUTES))
/** The deck page's Ended: minutes per segment really spent and planned, and when. */
export const endedSchema = z.object({
  actual: segmentMinutes,
  planned: segmentMinutes,
  endedAt: z.string().max(64).refine((value) => !Number.isNaN(Date.parse(value)), 'not a time'),
})
export type LiveEnded = z.infer<typeof endedSchema>

/** Fresh slides from --refresh (LIVE.md's Slides): made by src/present/refresh.ts. */
export interface LiveSlides {
  /** The ISO instant the snapshots were taken. */
  readonly at: string
  /** With each slide's fresh title and notes, which the presenter view and the remote show. */
  readonly slides: readonly { readonly index: number; readonly html: string; readonly title?: string; readonly notes?: string }[]
  /** One line per account that kept its slide from the build, and why. */
  readonly failed: readonly string[]
}

/** What live/end answers (LIVE.md). */
export interface EndAnswer {
  readonly recorded: 'written' | 'already' | 'not-recorded'
  readonly reason?: string
}

export interface LiveHubOptions {
  /** Records the end of the talk; called for the first valid live/end only (see `end` below). */
  readonly onEnd: (ended: LiveEnded) => Promise<EndAnswer>
  /** Told of every accepted state and command (the app and the terminal may follow the talk). */
  readonly onState?: (state: LiveState) => void
  readonly onCommand?: (command: LiveCommand) => void
  /** @default HEARTBEAT_MS */
  readonly heartbeatMs?: number
  /** @default MAX_LIVE_CLIENTS */
  readonly maxClients?: number
}

export interface LiveHub {
  /** The live routes, for the server's route table (paths under the session's base). */
  readonly routes: readonly PresentRoute[]
  /** Sends fresh slides to every page now, and to every page that connects later. */
  sendSlides(slides: LiveSlides): void
  /** How many pages listen now. */
  readonly clientCount: number
  /** Ends every stream and stops the heartbeat. */
  close(): void
}

function eventText(name: string, data: unknown): string {
  // JSON.stringify writes no raw newline, so one `data:` line carries the whole event.
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
}

/** A status with no body; the server has set the secure headers already. */
function answer(response: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(extra)) response.setHeader(name, value)
  response.statusCode = status
  response.setHeader('Content-Length', '0')
  response.end()
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8')
  response.statusCode = status
  response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.setHeader('Content-Length', String(bytes.length))
  response.end(bytes)
}

function isJsonType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

/**
 * The POST body as parsed JSON, or the status that refuses it (the answer is
 * sent here). A body over the limit is answered 413 at once, whether its
 * Content-Length says so or it grows past it; the connection then closes and
 * what the client still sends is thrown away unread.
 */
async function readJsonBody(request: IncomingMessage, response: ServerResponse): Promise<{ ok: true; value: unknown } | { ok: false }> {
  if (!isJsonType(request.headers['content-type'])) {
    answer(response, 415)
    return { ok: false }
  }
  const host = request.headers.host ?? ''
  // The Host was checked against the server's own addresses before any route ran.
  if (request.headers.origin !== `http://${host}`) {
    answer(response, 403)
    return { ok: false }
  }
  const tooBig = () => {
    answer(response, 413, { Connection: 'close' })
    request.resume()
    return { ok: false as const }
  }
  const declared = Number(request.headers['content-length'] ?? '0')
  if (!Number.isFinite(declared) || declared > MAX_BODY_BYTES) return tooBig()
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0
        return tooBig()
      }
      chunks.push(chunk)
    }
  } catch {
    // The client went away mid-body: there is no one to answer.
    response.destroy()
    return { ok: false }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    answer(response, 400)
    return { ok: false }
  }
}

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const clients = new Set<ServerResponse>()
  const maxClients = options.maxClients ?? MAX_LIVE_CLIENTS
  let latestState: LiveState | undefined
  let latestSlides: LiveSlides | undefined
  // The first live/end that is acted on; later ones get 'already' (or the same not-recorded).
  let ending: Promise<EndAnswer> | undefined

  const send = (client: ServerResponse, text: string) => {
    if (client.writableLength > MAX_BACKLOG_BYTES) {
      clients.delete(client)
      client.destroy()
      return
    }
    client.write(text)
  }
  const broadcast = (name: string, data: unknown) => {
    const text = eventText(name, data)
    for (const client of clients) send(client, text)
  }
  const heartbeat = setInterval(() => {
    for (const client of clients) send(client, ': keep\n\n')
  }, options.heartbeatMs ?? HEARTBEAT_MS)
  heartbeat.unref()

  const events = (request: IncomingMessage, response: ServerResponse) => {
    if (clients.size >= maxClients) return answer(response, 503, { 'Retry-After': '5' })
    response.statusCode = 200
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
    // A proxy that buffers would hold the events back until the stream ends.
    response.setHeader('X-Accel-Buffering', 'no')
    if (request.method === 'HEAD') return void response.end()
    response.flushHeaders()
    clients.add(response)
    const drop = () => clients.delete(response)
    request.once('close', drop)
    response.once('close', drop)
    // A lost stream comes back by itself, soon: a phone that slept picks the talk up again.
    send(response, 'retry: 2000\n\n')
    if (latestState) send(response, eventText('state', latestState))
    if (latestSlides) send(response, eventText('slides', latestSlides))
  }

  const post = <T>(schema: z.ZodType<T>, act: (value: T, response: ServerResponse) => void | Promise<void>) => {
    return async (request: IncomingMessage, response: ServerResponse) => {
      const body = await readJsonBody(request, response)
      if (!body.ok) return
      const parsed = schema.safeParse(body.value)
      if (!parsed.success) return answer(response, 400)
      await act(parsed.data, response)
    }
  }

  const routes: PresentRoute[] = [
    { method: 'GET', path: '/live/events', handle: events },
    {
      method: 'POST',
      path: '/live/state',
      handle: post(stateSchema, (state, response) => {
        latestState = state
        broadcast('state', state)
        options.onState?.(state)
        answer(response, 204)
      }),
    },
    {
      method: 'POST',
      path: '/live/command',
      handle: post(commandSchema, (command, response) => {
        broadcast('command', command)
        options.onCommand?.(command)
        answer(response, 204)
      }),
    },
    {
      method: 'POST',
      path: '/live/end',
      handle: post(endedSchema, async (ended, response) => {
        let result: EndAnswer
        if (ending) {
          const first = await ending
          result = first.recorded === 'not-recorded' ? first : { recorded: 'already' }
        } else {
          const attempt = options.onEnd(ended)
          ending = attempt
          try {
            result = await attempt
          } catch (error) {
            // A failure to write (the lock held by a build, a full disk) is not the talk's
            // one chance: a later end may try again.
            ending = undefined
            result = { recorded: 'not-recorded', reason: (error as Error).message }
          }
        }
        json(response, 200, result)
      }),
    },
  ]

  return {
    routes,
    sendSlides(slides) {
      latestSlides = slides
      broadcast('slides', slides)
    },
    get clientCount() {
      return clients.size
    },
    close() {
      clearInterval(heartbeat)
      for (const client of clients) client.end()
      clients.clear()
    },
  }
}
