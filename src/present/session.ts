// Owns one presenting session: the server for a deck folder with its live link
// (src/present/live.ts), the phone remote, the end of the talk written into
// the meeting log, and fresh slides from --refresh sent to every page. The
// command (src/commands/present.ts) and the app's Present action both start
// one here and print what it tells them (`events`, 'line').
import { EventEmitter } from 'node:events'
import { type IncomingMessage, type ServerResponse } from 'node:http'
import { createLiveHub, type EndAnswer, type LiveCommand, type LiveEnded, type LiveSlides, type LiveState } from './live.js'
import { readDeckFacts, recordEnd } from './record.js'
import { remotePage } from './remote.js'
import { startPresentServer, type PresentServer } from './server.js'

export interface PresentingOptions {
  /** The deck's build folder. */
  readonly folder: string
  /** The addresses to listen on. */
  readonly hosts: readonly string[]
  /** @default 0 (a free port) */
  readonly port?: number
  /** The --lan key: every URL starts with /t/<token>/. */
  readonly token?: string
  /** Makes fresh slides (--refresh); its signal is aborted when the session closes. */
  readonly refresh?: (signal: AbortSignal) => Promise<LiveSlides>
  /** Whether `refresh` runs as soon as the server listens (the command's --refresh); else only on `refresh()`. @default true */
  readonly refreshAtStart?: boolean
  /** @default 15 s */
  readonly heartbeatMs?: number
}

export interface PresentingEvents {
  /** A line for the terminal (or the app's log): the minutes recorded, the refresh's progress. */
  line: [line: string]
  state: [state: LiveState]
  command: [command: LiveCommand]
  ended: [ended: LiveEnded, answer: EndAnswer]
  slides: [slides: LiveSlides]
}

export interface PresentingSession {
  /** The deck's URL on each address, ending in `/`. */
  readonly urls: readonly string[]
  /** The phone remote's URL on the first address. */
  readonly remoteUrl: string
  readonly server: PresentServer
  readonly events: EventEmitter<PresentingEvents>
  /** Settles once --refresh has sent its slides or given up (at once without --refresh). */
  readonly refreshed: Promise<void>
  /**
   * Takes fresh numbers now and sends them to every page (the app's `r`);
   * settles when they are sent or it gave up, saying which in a line. One at
   * a time: a call while one runs returns that one. Nothing without `refresh`.
   */
  refresh(): Promise<void>
  close(): Promise<void>
}

/** "09:01": the instant as local time, as the terminal's clock shows it. */
function localTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}

/** "Fresh numbers from 09:01 (2 slides replaced; Nordlys on Bluesky: kept from the build (…))": each line of `failed` says what was kept and why. */
export function freshLine(slides: LiveSlides): string {
  const count = `${slides.slides.length} ${slides.slides.length === 1 ? 'slide' : 'slides'} replaced`
  const kept = slides.failed.length > 0 ? `; ${slides.failed.join('; ')}` : ''
  return `Fresh numbers from ${localTime(slides.at)} (${count}${kept})`
}

export async function startPresenting(options: PresentingOptions): Promise<PresentingSession> {
  const events = new EventEmitter<PresentingEvents>()
  const say = (line: string) => events.emit('line', line)
  const facts = await readDeckFacts(options.folder)
  const remote = remotePage(facts.lang)
  const hub = createLiveHub({
    onEnd: async (ended) => {
      const answer = await recordEnd(options.folder, facts, ended, say).catch((error: unknown) => {
        say(`The talk ended, but its minutes were not recorded: ${(error as Error).message}`)
        throw error
      })
      events.emit('ended', ended, answer)
      return answer
    },
    onState: (state) => events.emit('state', state),
    onCommand: (command) => events.emit('command', command),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  })
  const remoteRoute = {
    method: 'GET' as const,
    path: '/remote',
    handle: (request: IncomingMessage, response: ServerResponse) => {
      const body = Buffer.from(remote.html, 'utf8')
      response.setHeader('Content-Security-Policy', remote.csp)
      response.setHeader('Content-Type', 'text/html; charset=utf-8')
      response.setHeader('Content-Length', String(body.length))
      response.end(request.method === 'HEAD' ? undefined : body)
    },
  }
  let server: PresentServer
  try {
    server = await startPresentServer({
      folder: options.folder,
      hosts: options.hosts,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.token === undefined ? {} : { token: options.token }),
      routes: [...hub.routes, remoteRoute],
      live: true,
    })
  } catch (error) {
    hub.close()
    throw error
  }

  const closing = new AbortController()
  let running: Promise<void> | undefined
  const runRefresh = (): Promise<void> => {
    const produce = options.refresh
    if (!produce || closing.signal.aborted) return Promise.resolve()
    running ??= (async () => {
      say('Refreshing the numbers…')
      let slides: LiveSlides
      try {
        slides = await produce(closing.signal)
      } catch (error) {
        if (closing.signal.aborted) return
        say(`Could not refresh the numbers (${(error as Error).message}): presenting the numbers from the build`)
        return
      }
      if (closing.signal.aborted) return
      hub.sendSlides(slides)
      events.emit('slides', slides)
      say(freshLine(slides))
    })().finally(() => {
      running = undefined
    })
    return running
  }
  // Started after the server listens and not awaited: the built deck is there at once.
  // On the next turn, so the caller has the session (and hears every line) first.
  const refreshed =
    options.refresh && options.refreshAtStart !== false ? new Promise<void>((resolve) => setImmediate(resolve)).then(runRefresh) : Promise.resolve()

  const urls = server.baseUrls
  return {
    urls,
    remoteUrl: `${urls[0]!}remote`,
    server,
    events,
    refreshed,
    refresh: runRefresh,
    async close() {
      // A refresh still running is told to stop; the session does not wait for it.
      closing.abort()
      hub.close()
      await server.close()
    },
  }
}
