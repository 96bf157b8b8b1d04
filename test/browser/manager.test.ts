// The manager closes every page it did not open itself, for as long as it
// holds the browser: a pop-up can appear after the run whose page opened it
// has ended (the page opens it as its tab closes), so a guard that lives only
// as long as a run lets it through. Pages of our own, and every page of a
// browser that allows pop-ups (the presenter view's), are left alone.
import type { Page } from 'puppeteer-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { BrowserManager } from '../../src/browser/manager.js'
import { testBrowser } from '../helpers/browser.js'

let manager: BrowserManager | undefined

afterEach(async () => {
  await manager?.close()
  manager = undefined
})

/** Waits until `page` is closed, up to `ms`; says whether it was. */
async function closedWithin(page: Page, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; !page.isClosed() && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 100))
  return page.isClosed()
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
    expect(await closedWithin(stranger, 10_000)).toBe(true)
    expect(ours.map((page) => page.isClosed())).toEqual([false, false, false, false])
    // And a page of ours opened later is still left alone
    const later = await manager.newPage()
    expect(await closedWithin(later, 1_000)).toBe(false)
  })

  it('keeps closing strangers after the pages that were open have closed', async () => {
    manager = testBrowser()
    const browser = await manager.get()
    await manager.withPage(async (page) => page.goto('about:blank'))
    const stranger = await browser.newPage()
    expect(await closedWithin(stranger, 10_000)).toBe(true)
  })

  it('leaves every page alone in a browser that allows pop-ups', async () => {
    manager = testBrowser({ popups: true })
    const browser = await manager.get()
    const other = await browser.newPage()
    expect(await closedWithin(other, 1_500)).toBe(false)
  })
})
