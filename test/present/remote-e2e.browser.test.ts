// The whole present loop in real Chromium, on 127.0.0.1: a real build's deck
// served by a present session, its presenter view opened from the deck page,
// and the phone remote in a second page. The remote's buttons move the
// audience window and the presenter view through the server; the remote shows
// where the talk is; the presenter's End talk writes the minutes really spent
// into the workspace's meeting log, once.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPresenting, type PresentingSession } from '../../src/present/session.js'
import { installedBrowser, testBrowser } from '../helpers/browser.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

let session: PresentingSession
let workspace: string
let folder: string
const lines: string[] = []
const manager = testBrowser({ browserPath: installedBrowser('full browser'), popups: true })
let browser: Browser

beforeAll(async () => {
  workspace = await makeWorkspace({ 'showtell.yaml': await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8') })
  const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'html', '--no-snapshots'], { cwd: workspace })
  expect(result.code, result.stderr).toBe(0)
  folder = join(workspace, 'out', '2026-11-24-policy')
  session = await startPresenting({ folder, hosts: ['127.0.0.1'] })
  session.events.on('line', (line) => lines.push(line))
  browser = await manager.get()
}, 120_000)
afterAll(async () => {
  await session?.close()
  await manager.close()
})

// The deck and the presenter view are behind the remote's tab, where no
// animation frame runs: their waits poll on a timer instead.
const POLL = { polling: 50 }

const current = (page: Page) => page.evaluate(() => (window as unknown as { showtell: { current: number } }).showtell.current)

describe('the phone remote drives the deck through the server', () => {
  it('moves the audience window and the presenter view, shows the talk, and the end writes the meeting log once', async () => {
    const deck = await browser.newPage()
    await deck.setViewport({ width: 1280, height: 720 })
    await deck.goto(session.urls[0]!, { waitUntil: 'load' })
    await deck.waitForFunction(() => (window as unknown as { showtell?: { current: number } }).showtell?.current === 0, POLL)
    const popup = browser.waitForTarget((target) => target.opener() === deck.target())
    await deck.keyboard.press('p')
    const presenter = (await (await popup).page())!
    await presenter.waitForFunction(() => document.querySelector('#pv-counter')?.textContent?.startsWith('1 / '), POLL)
    const count = await deck.evaluate(() => (window as unknown as { showtell: { slideCount: number } }).showtell.slideCount)

    const remote = await browser.newPage()
    await remote.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true })
    await remote.goto(session.remoteUrl, { waitUntil: 'load' })
    // The deck page posted its state on connecting: the remote shows the first slide.
    await remote.waitForFunction((n) => document.querySelector('#counter')?.textContent?.includes(`Slide 1 of ${n}`), {}, count)

    // Next twice on the phone: both windows move, and the phone follows.
    await remote.tap('#next')
    await deck.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1, POLL)
    await remote.tap('#next')
    await deck.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 2, POLL)
    await presenter.waitForFunction((n) => document.querySelector('#pv-counter')?.textContent === `3 / ${n}`, POLL, count)
    await remote.waitForFunction((n) => document.querySelector('#counter')?.textContent?.includes(`Slide 3 of ${n}`), {}, count)
    // The slide's title on the phone is the deck's own.
    const title = await deck.evaluate(() => (window as unknown as { showtell: { state(): { title: string } } }).showtell.state().title)
    await remote.waitForFunction((t) => document.querySelector('#title')?.textContent === t, {}, title)

    // Previous on the phone goes back in both windows.
    await remote.tap('#prev')
    await deck.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1, POLL)
    await presenter.waitForFunction((n) => document.querySelector('#pv-counter')?.textContent === `2 / ${n}`, POLL, count)

    // Pause on the phone pauses the deck's clock, and the phone says so.
    await remote.tap('#pause')
    await deck.waitForFunction(() => (window as unknown as { showtell: { state(): { paused: boolean } } }).showtell.state().paused, POLL)
    await remote.tap('#pause')
    await deck.waitForFunction(() => !(window as unknown as { showtell: { state(): { paused: boolean } } }).showtell.state().paused, POLL)
    expect(await current(deck)).toBe(1)

    // The presenter ends the talk: the minutes go into the workspace's meeting log, once.
    await presenter.click('#pv-end')
    await deck.waitForFunction(() => (window as unknown as { showtell: { state(): { ended: boolean } } }).showtell.state().ended, POLL)
    await expect.poll(() => lines.find((line) => line.startsWith('Recorded ')), { timeout: 10_000 }).toMatch(/^Recorded [\d.]+ minutes? in history\/meetings\.jsonl \(Opening [\d.]+\)$/)
    const log = (await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ date: '2026-11-24', topic: 'policy', source: 'held', deck: 'out/2026-11-24-policy' })
    // Only the opening was reached: the other segments are absent, not zero.
    expect(Object.keys(log[0]!.actual as object)).toEqual(['opening'])
    await remote.waitForFunction(() => document.body.textContent?.includes('ended') || document.body.textContent?.includes('Ended'))
  })
})
