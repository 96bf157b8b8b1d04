// The phone remote in real Chromium at 360×740 against a present session on
// 127.0.0.1: before the deck page speaks it says it is waiting for the deck,
// then it shows the state the deck POSTs (title, segment, time left,
// ahead/behind, slide counter); Next, Previous and Pause POST commands that a
// listener on the event stream receives; its buttons span the phone's width
// and are thumb-sized; no CSP violation; the words are the deck's language.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/cli.js'
import { installedBrowser, testBrowser } from '../helpers/browser.js'
import { startPresenting, type PresentingSession } from '../../src/present/session.js'
import { eventually } from '../helpers/eventually.js'
import { deckFixture } from './fixture.js'
import { listen, postJson, sampleState } from './live-client.js'

const browser = testBrowser({ browserPath: installedBrowser('full browser') })
let en: Record<string, string>
let nb: Record<string, string>
beforeAll(async () => {
  en = JSON.parse(await readFile(join(REPO_ROOT, 'messages', 'en.json'), 'utf8')).remote
  nb = JSON.parse(await readFile(join(REPO_ROOT, 'messages', 'nb.json'), 'utf8')).remote
})
afterAll(async () => {
  await browser.close()
})

/** Opens the remote on a 360×740 phone screen, collecting CSP reports. */
async function openRemote(page: Page, session: PresentingSession): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to ${event.violatedDirective}: ${event.blockedURI}`))
  })
  await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const response = await page.goto(session.remoteUrl, { waitUntil: 'load' })
  expect(response?.status()).toBe(200)
  return violations
}

const text = (page: Page, id: string) => page.$eval(`#${id}`, (element) => element.textContent ?? '')

describe('the phone remote in Chromium', () => {
  it('waits for the deck, then follows its state, and its buttons send commands', async () => {
    const { folder } = await deckFixture('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>deck</body></html>')
    const session = await startPresenting({ folder, hosts: ['127.0.0.1'] })
    const listener = await listen(`${session.urls[0]}live/events`)
    try {
      await browser.withPage(async (page) => {
        const violations = await openRemote(page, session)
        expect(await text(page, 'status')).toBe(en.waiting)
        // The buttons work before the deck is open: the command goes out all the same.
        await page.click('#next')
        await eventually(() => listener.events.length, (n) => n >= 1)
        expect(listener.events.at(-1)).toEqual({ event: 'command', data: { action: 'next' } })

        const port = session.server.port
        expect((await postJson(port, '/live/state', sampleState({ index: 2, count: 12, paused: true, segmentLeftMs: 200_000, aheadMs: -95_000 }))).status).toBe(204)
        await page.waitForFunction((expected) => document.getElementById('counter')?.textContent === expected, {}, 'Slide 3 of 12')
        expect(await text(page, 'status')).toBe(en.paused)
        expect(await text(page, 'title')).toBe('Where we are today')
        expect(await text(page, 'segment')).toBe('Here and now')
        // Paused: the time left stands still at what the deck said.
        expect(await text(page, 'left')).toBe('3:20 left')
        expect(await text(page, 'ahead')).toBe('1:35 behind plan')
        expect(await text(page, 'pause')).toBe(en.resume)

        for (const [button, action] of [['next', 'next'], ['prev', 'prev'], ['pause', 'resume']] as const) {
          const before = listener.events.length
          await page.click(`#${button}`)
          await eventually(() => listener.events.length, (n) => n > before)
          expect(listener.events.at(-1), button).toEqual({ event: 'command', data: { action } })
        }

        await postJson(port, '/live/state', sampleState({ index: 11, count: 12, appendix: true, segment: null, segmentTitle: null, segmentLeftMs: null, aheadMs: 120_000 }))
        await page.waitForFunction(() => document.getElementById('counter')?.textContent === 'Slide 12 of 12')
        expect(await text(page, 'left')).toBe(en.appendix)
        expect(await text(page, 'ahead')).toBe('2:00 ahead of plan')
        expect(await text(page, 'pause')).toBe(en.pause)
        await postJson(port, '/live/state', sampleState({ ended: true }))
        await page.waitForFunction((expected) => document.getElementById('status')?.textContent === expected, {}, en.ended)

        // Thumb-sized and as wide as the phone allows, with nothing wider than the screen.
        const boxes = await page.$$eval('button', (buttons) => buttons.map((b) => ({ id: b.id, width: b.getBoundingClientRect().width, height: b.getBoundingClientRect().height, bottom: b.getBoundingClientRect().bottom })))
        for (const box of boxes) {
          expect(box.width, box.id).toBeGreaterThanOrEqual(330)
          expect(box.height, box.id).toBeGreaterThanOrEqual(60)
        }
        expect(boxes.find((box) => box.id === 'next')!.height).toBeGreaterThanOrEqual(200)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        expect(violations).toEqual([])
      })
    } finally {
      listener.close()
      await session.close()
    }
  })

  it('speaks the deck\'s language', async () => {
    const { folder } = await deckFixture('<!DOCTYPE html><html lang="nb"><head><title>t</title></head><body>deck</body></html>')
    const session = await startPresenting({ folder, hosts: ['127.0.0.1'] })
    try {
      await browser.withPage(async (page) => {
        const violations = await openRemote(page, session)
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb')
        expect(await text(page, 'status')).toBe(nb.waiting)
        expect(await text(page, 'next')).toBe(nb.next)
        await postJson(session.server.port, '/live/state', sampleState({ index: 0, count: 5, paused: true, aheadMs: 0 }))
        await page.waitForFunction(() => document.getElementById('counter')?.textContent === 'Lysbilde 1 av 5')
        expect(await text(page, 'ahead')).toBe(nb.onTime)
        expect(await text(page, 'left')).toBe('3:20 igjen')
        expect(violations).toEqual([])
      })
    } finally {
      await session.close()
    }
  })
})
