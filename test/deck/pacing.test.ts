// Given the deck page's clock driven by a fake clock (Date.now replaced before
// the page loads), when the presenter moves, pauses, goes back and ends the
// talk, then the presenter view and window.showtell.state() show the pace by
// segment, the clock stands still while paused and after the end, and
// 'end' fires once with the minutes really spent. Every expected figure is
// worked out by hand in the comments from the plan in pacing-fixture.ts
// (opening 2 min from 0:00, key-points 6 min from 2:00, next-meeting 4 min
// from 8:00). The static deck.html makes no network request. Real Chromium,
// pages served on 127.0.0.1 only.
import { createServer, type Server } from 'node:http'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBrowser } from '../helpers/browser.js'
import { advance, type Ended, installFakeClock, pacingDeck, readState, renderPacingDeck, STATE_FIELDS } from './pacing-fixture.js'

const manager = testBrowser({ popups: true })
let browser: Browser
let server: Server
let base: string
/** Every request the server saw, as "METHOD path". */
const seen: string[] = []
const pages: Record<string, string> = {}
let slidesHtml: string

beforeAll(async () => {
  const en = await renderPacingDeck(pacingDeck('en'))
  const nb = await renderPacingDeck(pacingDeck('nb'))
  pages['/deck.html'] = en.html
  pages['/nb/deck.html'] = nb.html
  slidesHtml = en.slidesHtml
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname]
    if (body === undefined) res.writeHead(404).end()
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await manager.get()
})

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server?.close(() => resolve())
    server?.closeAllConnections()
  })
  await manager.close()
})

async function openDeck(path = '/deck.html', hash = ''): Promise<Page> {
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await installFakeClock(page)
  await page.goto(`${base}${path}${hash}`, { waitUntil: 'load' })
  await page.evaluate(() => {
    const w = window as unknown as { __ends: Ended[]; __changes: number; showtell: { on(name: string, fn: (v: unknown) => void): void } }
    w.__ends = []
    w.__changes = 0
    w.showtell.on('end', (ended) => w.__ends.push(ended as Ended))
    w.showtell.on('change', () => w.__changes++)
  })
  return page
}

async function openPresenter(page: Page): Promise<Page> {
  const popup = browser.waitForTarget((target) => target.opener() === page.target())
  await page.keyboard.press('p')
  const presenter = (await (await popup).page())!
  await presenter.waitForFunction(() => document.querySelector('#pv-elapsed')?.textContent !== '')
  return presenter
}

/** Waits until the presenter view's element shows `want` (its figures are redrawn four times a second), and returns what it shows. */
async function shows(presenter: Page, selector: string, want: string): Promise<string> {
  try {
    await presenter.waitForFunction((sel, text) => document.querySelector(sel)?.textContent === text, { timeout: 5000 }, selector, want)
  } catch {
    // The expect below says what was there instead.
  }
  return presenter.$eval(selector, (el) => el.textContent ?? '')
}

/**
 * Waits, without a fixed sleep, until the page's timers have run many times:
 * the slide counter fades (class idle) 2.5 s of real time after the last
 * move, and the clock's heartbeat runs every 0.25 s, so by then it has run
 * about ten times. For checks that something did NOT happen.
 */
async function heartbeatsPassed(page: Page): Promise<void> {
  await page.waitForSelector('#counter.idle', { timeout: 10_000 })
}

const ends = (page: Page) => page.evaluate(() => (window as unknown as { __ends: Ended[] }).__ends)
const call = (page: Page, method: 'pause' | 'resume' | 'end' | 'next' | 'prev') =>
  page.evaluate((name) => (window as unknown as { showtell: Record<string, () => void> }).showtell[name]!(), method)

describe('pacing by segment, with a fake clock', () => {
  it('shows ahead, on plan and behind by segment, stands still while paused, keeps the figure steady on a look back, and ends once past the last timed slide', async () => {
    const page = await openDeck()
    try {
      const presenter = await openPresenter(page)
      // Opening the presenter view does not start the clock, nor does time passing before the first move.
      await advance(page, 30_000)
      let state = await readState(page)
      expect(Object.keys(state).sort()).toEqual(STATE_FIELDS)
      expect(state).toMatchObject({ index: 0, count: 7, started: false, elapsedMs: 0, aheadMs: 0, segmentLeftMs: 120_000, title: 'Title slide', segment: 'opening' })
      expect(await shows(presenter, '#pv-pause', 'Start clock')).toBe('Start clock')
      expect(await shows(presenter, '#pv-elapsed', '0:00 of 12:00')).toBe('0:00 of 12:00')

      // The first advance starts the clock (talk time 0), in the opening.
      await page.keyboard.press('ArrowRight')
      await advance(page, 90_000)
      // opening: 0:00 + min(1:30, 2:00) − 1:30 = 0 → on plan; 0:30 of the opening left.
      state = await readState(page)
      expect(state).toMatchObject({ index: 1, started: true, elapsedMs: 90_000, aheadMs: 0, segmentLeftMs: 30_000 })
      expect(await shows(presenter, '#pv-pace', 'on plan')).toBe('on plan')

      // Into key-points after 1:30 of a 2:00 opening: 2:00 + 0 − 1:30 = +0:30.
      await page.keyboard.press('ArrowRight')
      await advance(page, 60_000)
      // 2:00 + min(1:00, 6:00) − 2:30 = +0:30: time within the current segment's budget is neither won nor lost.
      state = await readState(page)
      expect(state).toMatchObject({ index: 2, segment: 'key-points', elapsedMs: 150_000, aheadMs: 30_000, segmentLeftMs: 300_000 })
      expect(await shows(presenter, '#pv-pace', '0:30 ahead')).toBe('0:30 ahead')
      expect(await presenter.$eval('#pv-pace', (el) => el.getAttribute('data-pace'))).toBe('ahead')

      // Paused with K: two minutes pass and nothing moves.
      await page.keyboard.press('k')
      await advance(page, 120_000)
      state = await readState(page)
      expect(state).toMatchObject({ paused: true, elapsedMs: 150_000, aheadMs: 30_000, segmentLeftMs: 300_000 })
      expect(await shows(presenter, '#pv-status', 'Paused')).toBe('Paused')
      expect(await shows(presenter, '#pv-pause', 'Resume')).toBe('Resume')
      expect(await shows(presenter, '#pv-elapsed', '2:30 of 12:00')).toBe('2:30 of 12:00')

      // Resumed with the presenter view's button; 5:00 more in key-points (6:00 spent, all its budget): still +0:30.
      await presenter.click('#pv-pause')
      await advance(page, 300_000)
      state = await readState(page)
      expect(state).toMatchObject({ paused: false, elapsedMs: 450_000, aheadMs: 30_000, segmentLeftMs: 0 })
      expect(await presenter.$eval('#pv-status', (el) => (el as HTMLElement).hidden)).toBe(true)
      // 1:15 over: 2:00 + min(7:15, 6:00) − 8:45 = −0:45.
      await advance(page, 75_000)
      state = await readState(page)
      expect(state).toMatchObject({ elapsedMs: 525_000, aheadMs: -45_000, segmentLeftMs: -75_000 })
      expect(await shows(presenter, '#pv-pace', '0:45 behind')).toBe('0:45 behind')
      expect(await presenter.$eval('#pv-pace', (el) => el.getAttribute('data-pace'))).toBe('behind')

      // Back to the agenda slide for 0:30: the furthest segment reached is still key-points,
      // so 2:00 + min(7:15, 6:00) − (2:00 + 7:15) = −1:15: the look back cost its 30 seconds, no more.
      await page.keyboard.press('ArrowLeft')
      await advance(page, 30_000)
      state = await readState(page)
      expect(state).toMatchObject({ index: 1, segment: 'opening', elapsedMs: 555_000, aheadMs: -75_000, segmentLeftMs: 0 })
      expect(await shows(presenter, '#pv-pace', '1:15 behind')).toBe('1:15 behind')

      // Forward to the last timed slide (next-meeting, planned from 8:00) and 1:00 there:
      // 8:00 + min(1:00, 4:00) − (2:00 + 7:15 + 1:00) = −1:15.
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
      await advance(page, 60_000)
      state = await readState(page)
      expect(state).toMatchObject({ index: 4, segment: 'next-meeting', elapsedMs: 615_000, aheadMs: -75_000, segmentLeftMs: 180_000 })
      expect(await ends(page)).toEqual([])

      // A step past the last timed slide ends the talk and moves into the appendix.
      await page.keyboard.press('ArrowRight')
      state = await readState(page)
      expect(state).toMatchObject({ index: 5, appendix: true, ended: true, paused: false, elapsedMs: 615_000, aheadMs: -75_000, segmentLeftMs: null })
      // Minutes: opening 2:00, key-points 7:15, next-meeting 1:00; at 08:00:00 + 0:30 before the start + 10:15 talked + 2:00 paused.
      expect(await ends(page)).toEqual([
        {
          actual: { opening: 2, 'key-points': 7.25, 'next-meeting': 1 },
          planned: { opening: 2, 'key-points': 6, 'next-meeting': 4 },
          endedAt: '2026-12-08T08:12:45.000Z',
        },
      ])
      expect(await shows(presenter, '#pv-status', 'Talk ended · 10:15 of 12:00')).toBe('Talk ended · 10:15 of 12:00')

      // Questions in the appendix, then back to earlier slides: nothing restarts, nothing fires again.
      await advance(page, 240_000)
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('k')
      await call(page, 'end')
      await advance(page, 60_000)
      state = await readState(page)
      expect(state).toMatchObject({ index: 3, ended: true, paused: false, elapsedMs: 615_000, aheadMs: -75_000 })
      expect(await ends(page)).toHaveLength(1)
      expect(await shows(presenter, '#pv-status', 'Talk ended · 10:15 of 12:00')).toBe('Talk ended · 10:15 of 12:00')
      expect(await shows(presenter, '#pv-pace', '1:15 behind')).toBe('1:15 behind')
      expect(await presenter.$eval('#pv-end', (el) => (el as HTMLButtonElement).disabled)).toBe(true)
      await presenter.close()
    } finally {
      await page.close()
    }
  })

  it('ends early from the End talk button: segments never reached are absent from the actual minutes, and the end fires once', async () => {
    const page = await openDeck()
    try {
      const presenter = await openPresenter(page)
      // The End talk button does nothing before the clock starts: there is no talk to record.
      expect(await presenter.$eval('#pv-end', (el) => (el as HTMLButtonElement).disabled)).toBe(true)
      await call(page, 'end')
      expect((await readState(page)).ended).toBe(false)

      await call(page, 'next') // opening, clock starts
      await advance(page, 45_000)
      await call(page, 'next') // key-points
      await advance(page, 200_000)
      await presenter.waitForFunction(() => !(document.getElementById('pv-end') as HTMLButtonElement).disabled)
      await presenter.click('#pv-end')
      // key-points is the furthest reached: 2:00 + min(3:20, 6:00) − 4:05 = +1:15.
      const state = await readState(page)
      expect(state).toMatchObject({ index: 2, ended: true, elapsedMs: 245_000, aheadMs: 75_000, segmentLeftMs: 160_000 })
      expect(await ends(page)).toEqual([{ actual: { opening: 0.75, 'key-points': 3.333 }, planned: { opening: 2, 'key-points': 6, 'next-meeting': 4 }, endedAt: '2026-12-08T08:04:05.000Z' }])
      expect(await shows(presenter, '#pv-status', 'Talk ended · 4:05 of 12:00')).toBe('Talk ended · 4:05 of 12:00')

      // Later moves, even past the last slide, fire nothing again and the clock stays at 4:05.
      await advance(page, 30_000)
      await call(page, 'prev')
      await page.keyboard.press('End')
      await call(page, 'next')
      await call(page, 'end')
      expect(await ends(page)).toHaveLength(1)
      expect(await readState(page)).toMatchObject({ index: 6, elapsedMs: 245_000, aheadMs: 75_000 })
      await presenter.close()
    } finally {
      await page.close()
    }
  })

  it('holds the pace still in the appendix, which a jump reaches without ending the talk', async () => {
    const page = await openDeck()
    try {
      await call(page, 'next') // opening, clock starts
      await call(page, 'next') // key-points
      await advance(page, 60_000)
      // 2:00 + min(1:00, 6:00) − 1:00 = +2:00: the opening took nothing.
      expect((await readState(page)).aheadMs).toBe(120_000)
      await page.keyboard.press('End')
      await advance(page, 300_000)
      // Five minutes in the appendix count in the elapsed time but against no segment.
      expect(await readState(page)).toMatchObject({ index: 6, appendix: true, ended: false, elapsedMs: 360_000, aheadMs: 120_000, segmentLeftMs: null })
      await page.keyboard.press('Home')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await advance(page, 30_000)
      // key-points again, 1:30 in it in all: 2:00 + 1:30 − 1:30.
      expect(await readState(page)).toMatchObject({ index: 2, ended: false, aheadMs: 120_000, segmentLeftMs: 270_000 })
      // A step past the very last slide ends the talk too.
      await page.keyboard.press('End')
      await page.keyboard.press('ArrowRight')
      expect(await readState(page)).toMatchObject({ index: 6, ended: true })
      expect(await ends(page)).toHaveLength(1)
    } finally {
      await page.close()
    }
  })

  it('starts the clock with K on the first slide, without a move', async () => {
    const page = await openDeck()
    try {
      await page.keyboard.press('k')
      await advance(page, 50_000)
      expect(await readState(page)).toMatchObject({ index: 0, started: true, paused: false, elapsedMs: 50_000, segmentLeftMs: 70_000, aheadMs: 0 })
      await page.keyboard.press('k')
      await advance(page, 50_000)
      expect(await readState(page)).toMatchObject({ paused: true, elapsedMs: 50_000 })
    } finally {
      await page.close()
    }
  })

  it("fires 'change' on every move, pause and resume, and once a second at most while the clock runs", async () => {
    const page = await openDeck()
    try {
      const changes = () => page.evaluate(() => (window as unknown as { __changes: number }).__changes)
      await call(page, 'next')
      await call(page, 'next')
      await call(page, 'pause')
      await call(page, 'resume')
      expect(await changes()).toBe(4)
      // The fake clock stands still: the running clock has nothing new to say, whatever the real time.
      await heartbeatsPassed(page)
      expect(await changes()).toBe(4)
      await advance(page, 1000)
      await page.waitForFunction(() => (window as unknown as { __changes: number }).__changes === 5, { timeout: 5000 })
      // Paused, no time-driven change.
      await call(page, 'pause')
      await advance(page, 5000)
      await heartbeatsPassed(page)
      expect(await changes()).toBe(6)
    } finally {
      await page.close()
    }
  })
})

describe('a Norwegian deck', () => {
  it('paces, pauses and ends in Norwegian', async () => {
    const page = await openDeck('/nb/deck.html')
    try {
      const presenter = await openPresenter(page)
      expect(await shows(presenter, '#pv-pause', 'Start klokken')).toBe('Start klokken')
      expect(await presenter.$eval('#pv-end', (el) => el.textContent)).toBe('Avslutt foredraget')
      expect(await presenter.$eval('#pv-pace', (el) => el.previousElementSibling?.textContent)).toBe('Tempo')
      expect(await shows(presenter, '#pv-pace', 'i rute')).toBe('i rute')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await advance(page, 60_000)
      // 2:00 + 1:00 − 1:00 = +2:00
      expect(await shows(presenter, '#pv-pace', '2:00 foran skjema')).toBe('2:00 foran skjema')
      await advance(page, 500_000)
      // The opening took nothing, key-points 9:20: 2:00 + min(9:20, 6:00) − 9:20 = −1:20
      expect(await shows(presenter, '#pv-pace', '1:20 bak skjema')).toBe('1:20 bak skjema')
      await page.keyboard.press('k')
      expect(await shows(presenter, '#pv-status', 'På pause')).toBe('På pause')
      expect(await shows(presenter, '#pv-pause', 'Fortsett')).toBe('Fortsett')
      expect(await presenter.$eval('#pv-pause', (el) => el.textContent)).toBe('Fortsett')
      await presenter.click('#pv-end')
      expect(await shows(presenter, '#pv-status', 'Foredraget er avsluttet · 9:20 av 12:00')).toBe('Foredraget er avsluttet · 9:20 av 12:00')
      // The help line for the key, beside the help, in Norwegian.
      await page.keyboard.press('?')
      expect(await page.$eval('#help-pacing', (el) => ({ hidden: (el as HTMLElement).hidden, text: el.textContent }))).toEqual({
        hidden: false,
        text: 'K: start klokken, sett den på pause eller fortsett',
      })
      await presenter.close()
    } finally {
      await page.close()
    }
  })
})

describe('fresh slides swapped in place (replaceSlides)', () => {
  it('replaces the current and the next slide in the deck and the presenter view, keeps the position, and says when the numbers are from', async () => {
    const page = await openDeck('/deck.html', '#3')
    try {
      await page.emulateTimezone('Europe/Oslo')
      const presenter = await openPresenter(page)
      await page.evaluate(() => {
        ;(window as unknown as { __noReload: boolean }).__noReload = true
      })
      const fresh = (index: number, from: string, to: string) =>
        page.evaluate(
          (html, i, a, b) => {
            const template = document.createElement('template')
            template.innerHTML = html
            return template.content.querySelectorAll('svg[data-marpit-svg]')[i]!.outerHTML.replace(a, b)
          },
          slidesHtml,
          index,
          from,
          to,
        )
      const slides = [
        { index: 2, html: await fresh(2, 'First point', 'First point 4242') },
        { index: 3, html: await fresh(3, 'Second point', 'Second point 4343') },
        // Indexes that do not exist are left alone.
        { index: 7, html: await fresh(0, 'Title slide', 'Not a slide') },
        { index: -1, html: await fresh(0, 'Title slide', 'Not a slide') },
        { index: 1.5, html: await fresh(0, 'Title slide', 'Not a slide') },
      ]
      const replaced = await page.evaluate(
        (list) =>
          (window as unknown as { showtell: { replaceSlides(p: unknown): number } }).showtell.replaceSlides({
            at: '2026-12-08T08:01:00.000Z',
            slides: list,
            failed: ['LinkedIn Testco: the page did not load in 30 s'],
          }),
        slides,
      )
      expect(replaced).toBe(2)
      const deckTitles = await page.$$eval('#deck > .marpit > svg', (svgs) => svgs.map((svg) => svg.querySelector('h1, h2')?.textContent?.trim()))
      expect(deckTitles).toEqual(['Title slide', 'Agenda slide', 'First point 4242', 'Second point 4343', 'Next briefing', 'Account one', 'Account two'])
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
      expect((await readState(page)).index).toBe(2)
      // The fresh slide is the one shown.
      expect(await page.$eval('#deck > .marpit > svg.active', (svg) => svg.querySelector('h1, h2')?.textContent?.trim())).toBe('First point 4242')
      await presenter.waitForFunction(() => document.querySelector('#pv-current')?.textContent?.includes('4242'), { timeout: 5000 })
      expect(await presenter.$eval('#pv-next', (el) => el.textContent)).toContain('Second point 4343')
      // 08:01 UTC is 09:01 in Oslo.
      expect(await presenter.$eval('#pv-fresh', (el) => el.textContent)).toBe('Numbers from 09:01\nNot refreshed, earlier numbers shown:\nLinkedIn Testco: the page did not load in 30 s')
      await presenter.close()
    } finally {
      await page.close()
    }
  })

  it('runs nothing that comes with a slide', async () => {
    const page = await openDeck()
    try {
      const replaced = await page.evaluate(() => {
        const svg = document.querySelectorAll('#deck > .marpit > svg')[1]!.outerHTML
        const html = svg.replace('</section>', '<img src="data:image/png;base64,AAAA" onerror="window.__ran = 1"><script>window.__ran = 2</script></section>')
        return (window as unknown as { showtell: { replaceSlides(p: unknown): number } }).showtell.replaceSlides({ at: '2026-12-08T08:01:00Z', slides: [{ index: 1, html }], failed: [] })
      })
      expect(replaced).toBe(1)
      await page.waitForFunction(() => {
        const img = document.querySelectorAll('#deck > .marpit > svg')[1]!.querySelector('img')
        return img !== null && img.complete
      })
      expect(await page.$eval('#deck > .marpit > svg:nth-child(2) img', (img) => img.getAttribute('onerror'))).toBeNull()
      expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined()
      expect(await page.$$eval('#deck > .marpit > svg:nth-child(2) script', (els) => els.length)).toBe(0)
    } finally {
      await page.close()
    }
  })
})

describe('the static deck.html (no live meta)', () => {
  it('makes no network request, whatever the presenter does', async () => {
    seen.length = 0
    const page = await openDeck()
    const requested: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) requested.push(request.url())
    })
    try {
      const presenter = await openPresenter(page)
      await page.keyboard.press('ArrowRight')
      await advance(page, 5_000)
      await page.keyboard.press('k')
      await page.keyboard.press('k')
      await advance(page, 5_000)
      await presenter.click('#pv-end')
      expect((await readState(page)).ended).toBe(true)
      await heartbeatsPassed(page)
      expect(requested).toEqual([])
      expect(seen.filter((line) => line !== 'GET /favicon.ico')).toEqual(['GET /deck.html'])
      expect(await page.evaluate(() => typeof (window as unknown as { showtell: unknown }).showtell)).toBe('object')
      await presenter.close()
    } finally {
      await page.close()
    }
  })
})
