// The manager closes every page it did not open itself, for as long as it
// holds the browser: a pop-up can appear after the run whose page opened it
// has ended (the page opens it as its tab closes), so a guard that lives only
// as long as a run lets it through. Pages of our own, and every page of a
// browser that allows pop-ups (the presenter view's), are left alone.
//
// "Left alone" is checked after the guard has decided on the page (its
// `decision`), not by watching the page for a second: a guard that acted late
// on a slow machine would pass a time window without being seen.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'puppeteer-core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BrowserManager } from '../../src/browser/manager.js'
import { installedBrowser, testBrowser } from '../helpers/browser.js'

let manager: BrowserManager | undefined

afterEach(async () => {
  await manager?.close()
  manager = undefined
})

/** The profile folder a launched browser runs with, read from its command line. */
async function profileOf(browser: Browser): Promise<string> {
  const args = (await readFile(`/proc/${browser.process()!.pid}/cmdline`, 'utf8')).split('\0')
  const dir = args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
  expect(dir, 'the browser has a profile folder').toBeTruthy()
  return dir!
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('BrowserManager', () => {
  it('closes a page it did not open, and leaves the pages it opened alone', async () => {
    manager = testBrowser()
    const browser = await manager.get()
    // Given four pages of ours, opened at once
    const ours = await Promise.all([1, 2, 3, 4].map(() => manager!.newPage()))
    // When a page appears that the manager did not open
    const stranger = await browser.newPage()
    // Then it is closed, and ours are not
    expect(await manager.decision(stranger.target())).toBe('closed')
    expect(stranger.isClosed()).toBe(true)
    expect(await Promise.all(ours.map((page) => manager!.decision(page.target())))).toEqual(['ours', 'ours', 'ours', 'ours'])
    expect(ours.map((page) => page.isClosed())).toEqual([false, false, false, false])
    // And a page of ours opened later is still left alone
    const later = await manager.newPage()
    expect(await manager.decision(later.target())).toBe('ours')
    expect(later.isClosed()).toBe(false)
  })

  it('keeps closing strangers after the pages that were open have closed', async () => {
    manager = testBrowser()
    const browser = await manager.get()
    await manager.withPage(async (page) => page.goto('about:blank'))
    const stranger = await browser.newPage()
    expect(await manager.decision(stranger.target())).toBe('closed')
    expect(stranger.isClosed()).toBe(true)
  })

  it('after close(), a page that was about to open fails at once instead of starting a new browser, until reopen()', async () => {
    manager = testBrowser()
    const first = await manager.get()
    // Given a run that is cancelled by closing its browser
    await manager.close()
    expect(first.connected).toBe(false)
    // When a page of that run opens only now, then it fails, and no browser starts
    await expect(manager.newPage()).rejects.toThrow('the browser was closed')
    expect(manager.started).toBe(false)
    // And a new run may start one again
    manager.reopen()
    const page = await manager.newPage()
    expect(page.browser().connected).toBe(true)
    expect(page.browser()).not.toBe(first)
  })

  it('leaves every page alone in a browser that allows pop-ups', async () => {
    manager = testBrowser({ popups: true })
    const browser = await manager.get()
    const other = await browser.newPage()
    expect(await manager.decision(other.target())).toBe('allowed')
    expect(other.isClosed()).toBe(false)
  })

  it('close() called twice: the second call, too, returns only once the browser and its profile are gone', async () => {
    manager = testBrowser()
    const browser = await manager.get()
    const pid = browser.process()!.pid!
    const profile = await profileOf(browser)
    // Given a close in flight (an interrupt), when the command's `finally` closes too
    void manager.close()
    await manager.close()
    // Then, by the time that second call returns, nothing of the browser is left
    expect(browser.connected).toBe(false)
    expect(isRunning(pid)).toBe(false)
    expect(existsSync(profile)).toBe(false)
  })

  it('a browser started after reopen() while the last one is still closing keeps its own profile', async () => {
    manager = testBrowser()
    const old = await manager.get()
    const oldProfile = await profileOf(old)
    // Given a cancelled run whose browser is still closing, when the next run starts one at once
    const closing = manager.close()
    manager.reopen()
    const next = await manager.get()
    await closing
    // Then the old browser's profile is gone, and the new one's is left to it
    const nextProfile = await profileOf(next)
    expect(nextProfile).not.toBe(oldProfile)
    expect(existsSync(oldProfile)).toBe(false)
    expect(existsSync(nextProfile)).toBe(true)
    expect(next.connected).toBe(true)
    await manager.close()
    expect(existsSync(nextProfile)).toBe(false)
  })
})

/** The colour at the centre of a PNG, read by drawing it on a canvas in `page`. */
async function centreColour(page: Page, png: Uint8Array): Promise<number[]> {
  const src = `data:image/png;base64,${Buffer.from(png).toString('base64')}`
  return page.evaluate(async (url: string) => {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    return Array.from(context.getImageData(image.width >> 1, image.height >> 1, 1, 1).data.slice(0, 3))
  }, src)
}

describe.each([
  ['headless shell', false],
  ['full browser', true],
] as const)('screenshots in the %s', (kind, takesTurns) => {
  it(`show each tab's own page, ${takesTurns ? 'taking turns at the front' : 'side by side, no tab brought forward'}`, async () => {
    manager = testBrowser({ browserPath: installedBrowser(kind) })
    // Given a red page and a blue one, each in its own tab
    const colours = ['rgb(200, 0, 0)', 'rgb(0, 0, 200)']
    const pages = await Promise.all(colours.map(() => manager!.newPage()))
    await Promise.all(pages.map((page, i) => page.setContent(`<body style="margin:0;background:${colours[i]}"></body>`)))
    const fronts = pages.map((page) => vi.spyOn(page, 'bringToFront'))
    // When both are captured at once
    const pngs = await Promise.all(pages.map((page) => manager!.screenshot(page)))
    // Then each shows its own colour
    const reader = await manager.newPage()
    expect(await centreColour(reader, pngs[0]!)).toEqual([200, 0, 0])
    expect(await centreColour(reader, pngs[1]!)).toEqual([0, 0, 200])
    // And only the full browser brought the tabs forward, one at a time
    expect(fronts.map((spy) => spy.mock.calls.length)).toEqual(takesTurns ? [1, 1] : [0, 0])
  })
})

// untilSpawned (manager.ts): a build waits for it before Marp's long synchronous
// renders, so the browser's start reaches Chromium first and boots meanwhile.
describe('untilSpawned', () => {
  /** Chromium processes on a profile of this test process (<tmp>/showtell-profiles/<pid>-…). */
  async function ourChromiums(): Promise<number> {
    const { readdir } = await import('node:fs/promises')
    const { profilesRoot } = await import('../../src/browser/manager.js')
    const mine = `--user-data-dir=${profilesRoot()}/${process.pid}-`
    let count = 0
    for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
      const args = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
      if (args.split('\0').some((arg) => arg.startsWith(mine))) count++
    }
    return count
  }

  it('settles at once with no start under way, and starts nothing', async () => {
    manager = testBrowser()
    await manager.untilSpawned()
    expect(manager.started).toBe(false)
    expect(await ourChromiums()).toBe(0)
  })

  it('settles once the browser process exists, while the start is still under way', async () => {
    manager = testBrowser()
    let ready = false
    void manager.get().then(() => (ready = true))
    await manager.untilSpawned()
    // The launch itself (the DevTools handshake) was not waited for.
    const readyThen = ready
    expect(await ourChromiums()).toBeGreaterThan(0)
    expect(readyThen).toBe(false)
    await manager.get()
  })

  it('settles when the start fails, instead of waiting for ever', async () => {
    manager = testBrowser({ browserPath: '/bin/false' })
    const failed = manager.get().catch((error: Error) => error)
    await manager.untilSpawned()
    expect(await failed).toBeInstanceOf(Error)
  })
})
