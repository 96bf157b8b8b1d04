// The exports hand one page on: `withPage(…, { reuse: true })` gets the page
// the last such call finished with, put back as it was opened (viewport, media
// type), so a print is the same on a reused page as on a new one. A page
// whose work failed, and any page used without `reuse` (a snapshot's), is
// closed, never handed on. warmUp() opens the first such page ahead of time.
import type { Page } from 'puppeteer-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { BrowserManager } from '../../src/browser/manager.js'
import { testBrowser } from '../helpers/browser.js'

let manager: BrowserManager | undefined

afterEach(async () => {
  await manager?.close()
  manager = undefined
})

describe('withPage with reuse', () => {
  it('hands the page on to the next export, with its viewport and media type as they were', async () => {
    manager = testBrowser()
    const first = await manager.withPage(
      async (page) => {
        const opened = await page.evaluate(() => ({ width: innerWidth, height: innerHeight, print: matchMedia('print').matches }))
        await page.setViewport({ width: 1280, height: 720 })
        await page.emulateMediaType('print')
        return { page, opened }
      },
      { reuse: true },
    )
    const second = await manager.withPage(
      async (page) => ({ page, now: await page.evaluate(() => ({ width: innerWidth, height: innerHeight, print: matchMedia('print').matches })), closed: page.isClosed() }),
      { reuse: true },
    )
    expect(second.page).toBe(first.page)
    expect(second.closed).toBe(false)
    expect(first.opened.print).toBe(false)
    expect(second.now).toEqual(first.opened)
  })

  it('closes a page whose work failed instead of handing it on', async () => {
    manager = testBrowser()
    let failed: Page | undefined
    await expect(
      manager.withPage(
        async (page) => {
          failed = page
          throw new Error('print failed')
        },
        { reuse: true },
      ),
    ).rejects.toThrow('print failed')
    expect(failed!.isClosed()).toBe(true)
    const next = await manager.withPage(async (page) => page, { reuse: true })
    expect(next).not.toBe(failed)
  })

  it('never hands on a page used without reuse, nor gives the kept page to such a call', async () => {
    manager = testBrowser()
    const kept = await manager.withPage(async (page) => page, { reuse: true })
    let plain: Page | undefined
    await manager.withPage(async (page) => {
      plain = page
    })
    expect(plain).not.toBe(kept)
    expect(plain!.isClosed()).toBe(true)
    expect(kept.isClosed()).toBe(false)
    expect(await manager.withPage(async (page) => page, { reuse: true })).toBe(kept)
  })

  it('warmUp opens the page the first export gets', async () => {
    manager = testBrowser()
    manager.warmUp()
    const browser = await manager.get()
    // The page opened by warmUp shows up as a page of ours before any export asks for one.
    const target = await browser.waitForTarget((t) => t.type() === 'page' && t.url() === 'about:blank' && manager!.decision(t) !== undefined)
    expect(await manager.decision(target)).toBe('ours')
    const used = await manager.withPage(async (page) => page.target(), { reuse: true })
    expect(used).toBe(target)
  })
})
