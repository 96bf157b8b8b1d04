// `present --refresh` end to end against the demo site (real Chromium,
// 127.0.0.1 only): a deck built from the site is served by a present session
// whose refresh is the real one; the site's numbers change and Bluesky walls
// itself before the meeting starts. In the open deck page, with no reload
// (a marker set on the page survives), LinkedIn's own slide shows the new
// number, every slide that shows Bluesky (its own and the overview of both)
// stays as built, and the presenter view says where the numbers are from and
// which account was kept.
//
// Worked out by hand: the site shows LinkedIn 12,345 and Bluesky 2,301
// followers (src/demo-site/platforms.ts); followersBump adds 1,000, so
// LinkedIn reads 13,345 after the refresh. The history holds one earlier
// meeting (2026-11-17), so the deck has a spotlight per account that grew.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/build/build.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { refreshDeck, slidesPayload } from '../../src/present/refresh.js'
import { startPresenting, type PresentingSession } from '../../src/present/session.js'
import { HISTORY_FILE } from '../../src/snapshot/history.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { makeDemoWorkspace } from '../helpers/demo-workspace.js'

const seed = (account: string, platform: string, value: number) =>
  JSON.stringify({ date: '2026-11-17', capturedAt: '2026-11-17T08:00:00.000Z', account, platform, status: 'ok', metrics: { followers: { value, source: 'page-text' } } })

let site: DemoSite
let session: PresentingSession | undefined
const builder = testBrowser()
const viewer = testBrowser({ popups: true })
let browser: Browser

beforeAll(async () => {
  site = await startDemoSite()
  browser = await viewer.get()
})
afterAll(async () => {
  await session?.close()
  await site.close()
  await builder.close()
  await viewer.close()
})

/** The text of slide `index` in the page (0-based, as the deck lays slides out). */
const slideText = (page: Page, index: number) => page.evaluate((i) => document.querySelectorAll('#deck > .marpit > svg')[i]?.textContent ?? '', index)

describe('present --refresh in the open deck', () => {
  it('swaps the fresh number into the live slide without a reload, and a failed account keeps its slide', async () => {
    const dir = await makeDemoWorkspace(site.url, [
      { id: 'nordlys-linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/nordlys-outdoor`, label: 'Nordlys on LinkedIn' },
      { id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social', label: 'Nordlys on Bluesky' },
    ], { timeout: 8 })
    await mkdir(join(dir, 'history'), { recursive: true })
    await writeFile(join(dir, HISTORY_FILE), `${[seed('nordlys-linkedin', 'linkedin', 11_000), seed('nordlys-bluesky', 'bluesky', 1_000)].join('\n')}\n`)
    const workspace = await loadWorkspace(dir)
    site.state.followersBump = 0
    const manifest = await buildDeck(workspace, { topic: 'listening', date: '2026-11-24', formats: ['html'], browserManager: builder })

    // Before the meeting: the numbers move on, and Bluesky starts to wall its answers.
    site.state.followersBump = 1_000
    site.state.walls.bluesky = 'challenge'
    try {
      const lines: string[] = []
      session = await startPresenting({
        folder: manifest.outDir,
        hosts: ['127.0.0.1'],
        refreshAtStart: false,
        refresh: async (signal) => slidesPayload(await refreshDeck({ workspace, folder: manifest.outDir, browserManager: builder, signal })),
      })
      session.events.on('line', (line) => lines.push(line))
      const deck = await browser.newPage()
      await deck.setViewport({ width: 1280, height: 720 })
      await deck.goto(session.urls[0]!, { waitUntil: 'load' })
      await deck.waitForFunction(() => (window as unknown as { showtell?: { current: number } }).showtell?.current === 0)
      const popup = browser.waitForTarget((target) => target.opener() === deck.target())
      await deck.keyboard.press('p')
      const presenter = (await (await popup).page())!
      // Where the talk is, and a marker a reload would wipe.
      await deck.keyboard.press('ArrowRight')
      await deck.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))

      // The built deck: LinkedIn's own slide, Bluesky's own slide, and the overview of both.
      const count = await deck.evaluate(() => document.querySelectorAll('#deck > .marpit > svg').length)
      const texts = await Promise.all(Array.from({ length: count }, (_, i) => slideText(deck, i)))
      const linkedin = texts.findIndex((t) => /LinkedIn: 12,345 followers/.test(t))
      const bluesky = texts.findIndex((t) => /Bluesky: 2,301 followers/.test(t))
      const overview = texts.findIndex((t) => t.includes('Nordlys on LinkedIn') && t.includes('Nordlys on Bluesky') && t.includes('12,345'))
      for (const index of [linkedin, bluesky, overview]) expect(index, texts.join('\n---\n')).toBeGreaterThan(0)

      await session.refresh()
      expect(lines.at(-1)).toMatch(/^Fresh numbers from \d\d:\d\d \(\d+ slides? replaced; Nordlys on Bluesky: kept from the build \(.+\)\)$/)

      // In the open page, without a reload: the new number, the kept slide, the same position.
      await deck.waitForFunction((i) => document.querySelectorAll('#deck > .marpit > svg')[i]?.textContent?.includes('13,345'), { polling: 50 }, linkedin)
      expect(await slideText(deck, linkedin)).not.toContain('12,345')
      expect(await slideText(deck, bluesky)).toBe(texts[bluesky])
      expect(await slideText(deck, overview)).toBe(texts[overview])
      expect(await deck.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
      expect(await deck.evaluate(() => (window as unknown as { showtell: { current: number; slideCount: number } }).showtell.current)).toBe(1)
      expect(await deck.evaluate(() => document.querySelectorAll('#deck > .marpit > svg').length)).toBe(count)
      // The slide's title and notes are the fresh ones too: the presenter view and the remote show them.
      await deck.evaluate((i) => (window as unknown as { showtell: { go(i: number): void } }).showtell.go(i), linkedin)
      expect(await deck.evaluate(() => (window as unknown as { showtell: { state(): { title: string } } }).showtell.state().title)).toBe('LinkedIn: 13,345 followers')
      await presenter.waitForFunction(() => document.querySelector('#pv-notes')?.textContent?.includes('13,345'), { polling: 50 })
      expect(await presenter.$eval('#pv-notes', (el) => el.textContent)).not.toContain('12,345')
      // The presenter view says where the numbers are from, and which account kept its slide.
      await presenter.waitForFunction(() => /Numbers from \d\d:\d\d/.test(document.querySelector('#pv-fresh')?.textContent ?? ''), { polling: 50 })
      expect(await presenter.$eval('#pv-fresh', (el) => el.textContent)).toContain('Nordlys on Bluesky: kept from the build')
    } finally {
      site.state.followersBump = 0
      site.state.walls.bluesky = 'none'
    }
  })
})
