// Given a deck.html carrying the live meta (as `showtell present` serves it),
// when a small stub of the present server on 127.0.0.1 sends `command` and
// `slides` events on live/events, then the deck page moves, pauses and ends
// on them, swaps the fresh slides in without a reload, and POSTs its State to
// live/state and its Ended once to live/end as JSON from its own origin (the
// contract in LIVE.md); and a server that fails does not stop the keys. The
// stub serves the page under a token prefix with the CSP the live link runs
// under (connect-src 'self'), so the client is checked against it too.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { inlineScriptHashes } from '../../src/present/server.js'
import { testBrowser } from '../helpers/browser.js'
import { eventually } from '../helpers/eventually.js'
import { advance, type Ended, installFakeClock, pacingDeck, readState, renderPacingDeck, type State, STATE_FIELDS } from './pacing-fixture.js'

const PREFIX = '/t/tok3n/'

interface Posted {
  path: string
  contentType: string | undefined
  origin: string | undefined
  body: unknown
}

const manager = testBrowser({ popups: true })
let browser: Browser
let server: Server
let origin: string
let deckHtml: string
let slidesHtml: string
/** Open event streams, newest last. */
let streams: ServerResponse[] = []
let posted: Posted[] = []
/** When set, every live/ request is cut off (a server gone away). */
let broken = false

function csp(html: string): string {
  return `default-src 'none'; script-src ${inlineScriptHashes(html).join(' ')}; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (broken && path.startsWith(`${PREFIX}live/`)) {
    req.socket.destroy()
    return
  }
  if (req.method === 'GET' && path === `${PREFIX}deck.html`) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(deckHtml), 'cache-control': 'no-store' })
    res.end(deckHtml)
    return
  }
  if (req.method === 'GET' && path === `${PREFIX}live/events`) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    res.write(': open\n\n')
    streams.push(res)
    req.on('close', () => {
      streams = streams.filter((s) => s !== res)
    })
    return
  }
  if (req.method === 'POST' && (path === `${PREFIX}live/state` || path === `${PREFIX}live/end`)) {
    const chunks: Buffer[] = []
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
    posted.push({ path: path.slice(PREFIX.length), contentType: req.headers['content-type'], origin: req.headers.origin, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
    if (path.endsWith('/end')) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ recorded: 'written' }))
    else res.writeHead(204).end()
    return
  }
  res.writeHead(404).end()
}

function send(event: string, data: unknown): void {
  for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

beforeAll(async () => {
  const rendered = await renderPacingDeck(pacingDeck('en'))
  // As the present server does: the meta in the head.
  deckHtml = rendered.html.replace('<head>\n', '<head>\n<meta name="showtell-live" content="live/">\n')
  expect(deckHtml).toContain('<meta name="showtell-live" content="live/">')
  slidesHtml = rendered.slidesHtml
  server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await manager.get()
})

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server?.close(() => resolve())
    server?.closeAllConnections()
  })
  await manager.close()
})

beforeEach(() => {
  posted = []
  broken = false
})

const violations: string[] = []

async function openLiveDeck(): Promise<Page> {
  const page = await browser.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.setViewport({ width: 1280, height: 720 })
  await installFakeClock(page)
  const before = streams.length
  await page.goto(`${origin}${PREFIX}deck.html`, { waitUntil: 'load' })
  await eventually(
    () => streams.length,
    (n) => n > before,
  )
  return page
}

const states = () => posted.filter((p) => p.path === 'live/state').map((p) => p.body as State)
const endings = () => posted.filter((p) => p.path === 'live/end')

describe('the live link of a deck page served by showtell present', () => {
  it('moves, pauses and resumes on the server\'s commands and POSTs its State as JSON from its own origin', async () => {
    const page = await openLiveDeck()
    try {
      // On connect it says where it is.
      const first = await eventually(states, (list) => list.length > 0)
      expect(first[0]).toMatchObject({ index: 0, count: 7, started: false, paused: false, ended: false, elapsedMs: 0, aheadMs: 0 })

      send('command', { action: 'next' })
      await page.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1)
      const moved = await eventually(states, (list) => list.some((s) => s.index === 1))
      const state = moved.find((s) => s.index === 1)!
      expect(Object.keys(state).sort()).toEqual(STATE_FIELDS)
      expect(state).toMatchObject({ index: 1, started: true, title: 'Agenda slide', segment: 'opening', segmentTitle: 'Opening', appendix: false, segmentLeftMs: 120_000 })
      for (const post of posted) {
        expect(post.contentType).toBe('application/json')
        expect(post.origin).toBe(origin)
      }

      await advance(page, 20_000)
      send('command', { action: 'pause' })
      await eventually(states, (list) => list.some((s) => s.paused))
      expect(await readState(page)).toMatchObject({ paused: true, elapsedMs: 20_000 })
      await advance(page, 60_000)
      send('command', { action: 'resume' })
      const resumed = await eventually(states, (list) => list.at(-1)?.paused === false && list.some((s) => s.paused))
      expect(resumed.at(-1)).toMatchObject({ paused: false, elapsedMs: 20_000 })

      send('command', { action: 'prev' })
      await page.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 0)

      // Quick moves: every one is posted, in order, the last one last.
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
      const last = await eventually(states, (list) => list.at(-1)?.index === 3)
      expect(last.at(-1)).toMatchObject({ index: 3, segment: 'key-points' })
      expect(violations).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('swaps the fresh slides of a `slides` event in place, without a reload, and shows when the numbers are from', async () => {
    const page = await openLiveDeck()
    try {
      await page.emulateTimezone('Europe/Oslo')
      send('command', { action: 'next' })
      await page.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1)
      const popup = browser.waitForTarget((target) => target.opener() === page.target())
      await page.keyboard.press('p')
      const presenter = (await (await popup).page())!
      await page.evaluate(() => {
        ;(window as unknown as { __noReload: boolean }).__noReload = true
      })
      const html = await page.evaluate((all) => {
        const template = document.createElement('template')
        template.innerHTML = all
        return template.content.querySelectorAll('svg[data-marpit-svg]')[1]!.outerHTML.replace('Agenda slide', 'Agenda slide 4242')
      }, slidesHtml)
      send('slides', { at: '2026-12-08T08:01:00.000Z', slides: [{ index: 1, html }], failed: ['X Testco: timed out'] })
      await page.waitForFunction(() => document.querySelector('#deck > .marpit > svg.active h1, #deck > .marpit > svg.active h2')?.textContent?.includes('4242'), { timeout: 10_000 })
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
      expect((await readState(page)).index).toBe(1)
      await presenter.waitForFunction(() => document.querySelector('#pv-fresh')?.textContent === 'Numbers from 09:01\nNot refreshed, earlier numbers shown:\nX Testco: timed out', { timeout: 5000 })
      expect(await presenter.$eval('#pv-current', (el) => el.textContent)).toContain('Agenda slide 4242')
      expect(violations).toEqual([])
      await presenter.close()
    } finally {
      await page.close()
    }
  })

  it('ends on an `end` command and POSTs Ended once, then says the minutes are in the meeting log', async () => {
    const page = await openLiveDeck()
    try {
      const popup = browser.waitForTarget((target) => target.opener() === page.target())
      await page.keyboard.press('p')
      const presenter = (await (await popup).page())!
      send('command', { action: 'next' })
      await page.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1)
      await advance(page, 90_000)
      send('command', { action: 'end' })
      const ended = await eventually(endings, (list) => list.length > 0)
      expect(ended).toHaveLength(1)
      expect(ended[0]!.contentType).toBe('application/json')
      expect(ended[0]!.origin).toBe(origin)
      expect(ended[0]!.body as Ended).toEqual({ actual: { opening: 1.5 }, planned: { opening: 2, 'key-points': 6, 'next-meeting': 4 }, endedAt: '2026-12-08T08:01:30.000Z' })
      await eventually(states, (list) => list.some((s) => s.ended))
      await presenter.waitForFunction(() => document.querySelector('#pv-status')?.textContent === 'Talk ended · 1:30 of 12:00 · Minutes written to the meeting log', { timeout: 5000 })

      // Another end, and steps past the last slide: nothing more is posted to live/end.
      send('command', { action: 'end' })
      await page.keyboard.press('End')
      send('command', { action: 'next' })
      await eventually(states, (list) => list.at(-1)?.index === 6)
      await page.waitForSelector('#counter.idle', { timeout: 10_000 })
      expect(endings()).toHaveLength(1)
      await presenter.close()
    } finally {
      await page.close()
    }
  })

  it('keeps moving on the keys when the server goes away', async () => {
    const page = await openLiveDeck()
    try {
      broken = true
      for (const stream of streams) stream.destroy()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('k')
      expect(await readState(page)).toMatchObject({ index: 2, paused: true })
      // The page stays usable and its script alive while the POSTs fail.
      await page.keyboard.press('ArrowLeft')
      expect((await readState(page)).index).toBe(1)
      // Only the state sent on connect, before the server went away, came through.
      expect(states().filter((s) => s.started)).toEqual([])
      // Back again: EventSource reconnects by itself, and the next move is posted.
      broken = false
      const before = streams.length
      await eventually(
        () => streams.length,
        (n) => n > before,
      )
      await page.keyboard.press('ArrowRight')
      expect(await eventually(states, (list) => list.some((s) => s.index === 2))).not.toEqual([])
    } finally {
      await page.close()
    }
  })
})
