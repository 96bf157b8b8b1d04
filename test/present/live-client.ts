// Test clients for the live link, to 127.0.0.1 only: a raw POST that sends
// exactly the headers and body given (no client fixes a Content-Type or adds
// an Origin), and an SSE listener that collects the events as they come.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import type { RawResponse } from './fixture.js'

export interface RawPostOptions {
  readonly method?: string
  /** Header name → value; Host defaults to 127.0.0.1:<port>, Content-Length to the body's. */
  readonly headers?: Record<string, string | undefined>
  readonly body?: string | Buffer
}

/** The answer; a connection the server cut after answering still gives the answer it sent. */
export function rawPost(port: number, target: string, options: RawPostOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : (options.body ?? Buffer.alloc(0))
    const headers: Record<string, string | undefined> = { Host: `127.0.0.1:${port}`, 'Content-Length': String(body.length), Connection: 'close', ...options.headers }
    const head = `${options.method ?? 'POST'} ${target} HTTP/1.1\r\n${Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, headers: text.slice(0, split), body: text.slice(split + 4) })
    }
    socket.on('connect', () => {
      socket.write(head)
      // The body after the head, as a client that waits for nothing would send it; a refused write is the server closing.
      socket.write(body, () => {})
    })
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (chunks.length > 0 && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) finish()
      else reject(error)
    })
    socket.on('end', finish)
  })
}

/** A POST as the deck page or the remote sends it: JSON, from the server's own origin. */
export function postJson(port: number, target: string, value: unknown, headers: Record<string, string | undefined> = {}): Promise<RawResponse> {
  return rawPost(port, target, { headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}`, ...headers }, body: JSON.stringify(value) })
}

export interface SseEvent {
  readonly event: string
  readonly data: unknown
}

export interface SseListener {
  readonly status: number
  readonly headers: IncomingMessage['headers']
  /** Every event so far, in order. */
  readonly events: SseEvent[]
  /** The raw text so far (comments included). */
  readonly text: () => string
  close(): void
}

/** Opens `url` (http://127.0.0.1:…) as an event stream and collects it. */
export function listen(url: string): Promise<SseListener> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = []
    let raw = ''
    let pending = ''
    const request = httpRequest(url, { headers: { Accept: 'text/event-stream' } }, (response) => {
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        raw += chunk
        pending += chunk
        let end: number
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end)
          pending = pending.slice(end + 2)
          const name = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (name !== undefined && data !== undefined) events.push({ event: name, data: JSON.parse(data) })
        }
      })
      response.on('error', () => {})
      resolve({ status: response.statusCode ?? 0, headers: response.headers, events, text: () => raw, close: () => request.destroy() })
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error)
    })
    request.end()
  })
}

/** A State as LIVE.md gives it. */
export function sampleState(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    index: 2,
    count: 12,
    title: 'Where we are today',
    segment: 'here-and-now',
    segmentTitle: 'Here and now',
    appendix: false,
    started: true,
    paused: false,
    ended: false,
    elapsedMs: 125_000,
    segmentLeftMs: 200_000,
    aheadMs: -95_000,
    ...overrides,
  }
}
