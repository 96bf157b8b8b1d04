// Given a snapshot run over several accounts of the demo site, when it goes
// one account at a time, then it opens one tab and reuses it for every
// account whose page behaved, each result and screenshot still being its own
// page's; a page that shows dialogs or opens pop-ups does not pass its tab on,
// and no tab of the run is left open.
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page, Target } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { TabPool } from '../../src/browser/tabs.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig, readPngSize, type DemoAccount } from '../helpers/demo-workspace.js'
import { eventually } from '../helpers/eventually.js'

const manager = testBrowser()
let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await manager.close()
  await site?.close()
})

/** Runs the accounts one at a time; counts the tabs the run opened itself. */
async function runOneByOne(accounts: DemoAccount[]): Promise<{ results: SnapshotResult[]; tabsOpened: number; outDir: string }> {
  const browser = await manager.get()
  let tabsOpened = 0
  const count = (target: Target) => {
    // Our tabs start blank; a pop-up starts at its own address, its opener maybe already gone.
    if (target.type() === 'page' && target.url() === 'about:blank' && !target.opener()) tabsOpened += 1
  }
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-tabs-'))
  const config = demoConfig(site.url, accounts, { concurrency: 1, timeout: 10 })
  browser.on('targetcreated', count)
  try {
    // A healthy tab on a loaded machine may take more than the default second to answer
    // before it is parked; the count below is about the reuse rules, not about that speed.
    const results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {}, tabAliveMs: 30_000 })
    return { results, tabsOpened, outDir }
  } finally {
    browser.off('targetcreated', count)
  }
}

async function openTabsOf(accounts: DemoAccount[]): Promise<string[]> {
  // Closing a tab takes a moment, longer on a loaded machine: wait for it (up to 20 s).
  const urls = new Set(accounts.map((a) => a.url))
  const open = async () => (await (await manager.get()).pages()).map((page) => page.url()).filter((url) => urls.has(url))
  return eventually(open, (urls) => urls.length === 0)
}

describe('tabs of a snapshot run', () => {
  it('reuses one tab for accounts whose pages behave, each result its own page', async () => {
    const accounts: DemoAccount[] = [
      { id: 'instagram', platform: 'instagram', url: `${site.url}/instagram/nordlysoutdoor/` },
      { id: 'facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor` },
      { id: 'tiktok', platform: 'tiktok', url: `${site.url}/tiktok/@nordlysoutdoor` },
    ]
    const { results, tabsOpened, outDir } = await runOneByOne(accounts)
    expect(results.map((r) => [r.account, r.status])).toEqual([
      ['instagram', 'ok'],
      ['facebook', 'ok'],
      ['tiktok', 'ok'],
    ])
    expect(results.map((r) => r.metrics.followers?.value)).toEqual([88_700, 44_150, 15_400])
    expect(tabsOpened).toBe(1)
    // Three real screenshots, three different pictures: none shows the page before it.
    const pictures = await Promise.all(results.map((r) => readFile(join(outDir, r.screenshot!))))
    for (const r of results) expect(await readPngSize(join(outDir, r.screenshot!))).toEqual({ width: 1280, height: 800 })
    expect(new Set(pictures.map((p) => p.toString('base64'))).size).toBe(3)
    expect(await openTabsOf(accounts)).toEqual([])
  })

  it('gives a page that showed dialogs or opened pop-ups no successor in its tab', async () => {
    const accounts: DemoAccount[] = [
      { id: 'hostile', platform: 'website', url: `${site.url}/nasty/hostile` },
      { id: 'instagram', platform: 'instagram', url: `${site.url}/instagram/nordlysoutdoor/` },
      { id: 'facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor` },
    ]
    const { results, tabsOpened } = await runOneByOne(accounts)
    expect(results.map((r) => [r.account, r.status])).toEqual([
      ['hostile', 'ok'],
      ['instagram', 'ok'],
      ['facebook', 'ok'],
    ])
    expect(results.find((r) => r.account === 'instagram')!.metrics.followers?.value).toBe(88_700)
    // The hostile page's tab is closed; instagram gets a new one and passes it to facebook.
    expect(tabsOpened).toBe(2)
    expect(await openTabsOf(accounts)).toEqual([])
  })
})

describe('parking a tab', () => {
  // A page that keeps its renderer busy for 1.5 s after it is used answers late.
  const busyAfterUse = (page: Page) => page.evaluate(() => void setTimeout(() => {
    const until = Date.now() + 1_500
    while (Date.now() < until) {}
  }, 0))
  const tabsOf = async (pool: TabPool, uses: number): Promise<Page[]> => {
    const tabs: Page[] = []
    for (let i = 0; i < uses; i += 1) {
      await pool.use(async (page, on) => {
        // A parked tab keeps request interception on (as the capture uses it): let our page load.
        await page.setRequestInterception(true)
        on('request', (request) => void request.continue().catch(() => {}))
        await page.goto(`${site.url}/`)
        tabs.push(page)
        await busyAfterUse(page)
      }, () => true)
    }
    return tabs
  }

  it('closes a tab that does not answer within aliveMs, and opens a new one for the next use', async () => {
    const pool = new TabPool(manager, { aliveMs: 200 })
    try {
      const tabs = await tabsOf(pool, 2)
      expect(new Set(tabs).size).toBe(2)
    } finally {
      await pool.close()
    }
  })

  it('keeps a tab that answers late but within a generous aliveMs', async () => {
    const pool = new TabPool(manager, { aliveMs: 30_000 })
    try {
      const tabs = await tabsOf(pool, 2)
      expect(new Set(tabs).size).toBe(1)
    } finally {
      await pool.close()
    }
  })
})
