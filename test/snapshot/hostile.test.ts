// Given the demo site's hostile pages (walls, challenges, lies, hangs, redirect
// tricks, dialogs, popups, a download, a 50,000-element DOM) next to two normal
// accounts, when one snapshot run covers them all at concurrency 4 with a short
// page timeout, then it ends on time, each page gets the status it deserves,
// nothing but the expected screenshots is written, and a crashed tab costs
// only its own account.
//
// The page timeout is 10 s, not 5 s: on a busy 2-core machine (this suite runs
// two browser test files at once) the 50,000-element page alone needs 3.5–5.5 s
// in Chromium (parse, layout, the style re-layout) and 6–13 s next to other
// pages; with 5 s it timed out in 3 runs out of 4, with 8 s still often.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Target } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import type { SnapshotResult, SnapshotStatus } from '../../src/snapshot/types.js'
import { installedBrowser, testBrowser } from '../helpers/browser.js'
import { demoConfig, readPngSize, type DemoAccount } from '../helpers/demo-workspace.js'
import { eventually } from '../helpers/eventually.js'

const TIMEOUT_S = 10

/**
 * [nasty page, expected status, followers when ok, why when not], in the order
 * of the run. The huge page starts once the cold start is over and well before
 * the hostile page, so that it does not share the CPU with the hostile page's
 * popup storm (popups are tested on their own below).
 */
const EXPECTED: readonly (readonly [string, SnapshotStatus, number | undefined, RegExp | undefined])[] = [
  ['login-wall', 'blocked', undefined, /^login wall$/],
  ['challenge', 'blocked', undefined, /^bot challenge \(Cloudflare\)$/],
  ['not-found', 'not-found', undefined, /^page not found \(404\)$/],
  ['soft-404', 'not-found', undefined, /^page not found \(answered 200\)$/],
  ['consent', 'ok', 1_234, undefined],
  ['hang', 'timeout', undefined, new RegExp(`^no answer within ${TIMEOUT_S} s$`)],
  ['huge', 'ok', 2_000, undefined],
  ['redirect-loop', 'error', undefined, /^redirect loop$/],
  ['redirect-file', 'error', undefined, /non-web address|aborted/],
  ['redirect-data', 'error', undefined, /non-web address|aborted/],
  ['redirect-javascript', 'error', undefined, /non-web address|aborted/],
  ['hostile', 'ok', 321, undefined],
]

const manager = testBrowser()
let site: DemoSite
let outDir: string
let results: SnapshotResult[]
let wallMs: number

const byId = (id: string): SnapshotResult => {
  const found = results.find((r) => r.account === id)
  if (!found) throw new Error(`no result for ${id}`)
  return found
}

beforeAll(async () => {
  site = await startDemoSite()
  outDir = await mkdtemp(join(tmpdir(), 'showtell-hostile-'))
  const nasty = (name: string): DemoAccount => ({ id: `nasty-${name}`, platform: 'website', url: `${site.url}/nasty/${name}` })
  const accounts: DemoAccount[] = [
    ...EXPECTED.filter(([name]) => name !== 'hostile').map(([name]) => nasty(name)),
    { id: 'instagram', platform: 'instagram', url: `${site.url}/instagram/nordlysoutdoor/` },
    { id: 'bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    nasty('hostile'),
  ]
  // The browser is started first: its cold start is not what this run measures.
  await manager.withPage(async (page) => page.goto(`${site.url}/`))
  const config = demoConfig(site.url, accounts, { concurrency: 4, timeout: TIMEOUT_S })
  const started = Date.now()
  results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })
  wallMs = Date.now() - started
})

afterAll(async () => {
  await manager.close()
  await site?.close()
})

describe('a full run over every nasty page', () => {
  it('finishes in bounded time with one result per account', () => {
    expect(wallMs).toBeLessThan(60_000)
    expect(results).toHaveLength(EXPECTED.length + 2)
  })

  it.each(EXPECTED)('/nasty/%s → %s', (name, status, followers, why) => {
    const r = byId(`nasty-${name}`)
    expect(r.status, r.reason).toBe(status)
    if (status === 'ok') {
      expect(r.metrics.followers?.value).toBe(followers)
      expect(r.screenshot).toBe(`nasty-${name}.png`)
      expect(r.reason).toBeUndefined()
    } else {
      // It says why, in the words meant for this page, and shows only real content as
      // data: no numbers, no picture of a wall or an error page.
      expect(r.reason).toMatch(why!)
      expect(r.metrics).toEqual({})
      expect(r.screenshot).toBeUndefined()
    }
  })

  it('still captures the normal accounts', () => {
    expect(byId('instagram').status).toBe('ok')
    expect(byId('instagram').metrics.followers?.value).toBe(88_700)
    expect(byId('bluesky').status).toBe('ok')
    expect(byId('bluesky').metrics.followers).toEqual({ value: 2_301, source: 'api', via: 'bluesky-api' })
  })

  it('gives up on the hanging page on time', () => {
    const r = byId('nasty-hang')
    expect(r.durationMs).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - 500)
    expect(r.durationMs).toBeLessThan(TIMEOUT_S * 1000 + 5_000)
  })

  it('never leaves the web on a redirect to file:, data: or javascript:', () => {
    for (const name of ['redirect-file', 'redirect-data', 'redirect-javascript']) {
      const r = byId(`nasty-${name}`)
      expect(r.title, name).toBeUndefined()
      expect(r.description, name).toBeUndefined()
      expect(JSON.stringify(r), name).not.toContain('root:')
    }
  })

  it('screenshots the huge page and the hostile page at 1280×800', async () => {
    for (const id of ['nasty-huge', 'nasty-hostile', 'nasty-consent']) {
      expect(await readPngSize(join(outDir, `${id}.png`)), id).toEqual({ width: 1280, height: 800 })
    }
  })

  it('writes the expected screenshots and nothing else: no download from the hostile page', async () => {
    const expected = ['nasty-consent.png', 'nasty-hostile.png', 'nasty-huge.png', 'instagram.png', 'bluesky.png'].sort()
    expect((await readdir(outDir, { recursive: true })).sort()).toEqual(expected)
    expect(existsSync(join(process.cwd(), 'download.bin'))).toBe(false)
  })

  it('leaves no tab open behind it, popups included', async () => {
    // Closing a tab takes a moment, longer on a loaded machine: wait for it (up to 20 s).
    const browser = await manager.get()
    const ours = async () => (await browser.pages()).map((page) => page.url()).filter((url) => url.startsWith(site.url))
    expect(await eventually(ours, (open) => open.length === 0)).toEqual([])
  })

  it('keeps the scraped text as text: escaping it is the deck\'s job', () => {
    const r = byId('nasty-hostile')
    expect(r.title).toBe('<!-- _class: pwned --> **Hacked** [click](http://evil.example) <img src=x onerror=alert(1)> --- # Heading')
    expect(r.description).toMatch(/^321 followers · <!-- _class: pwned -->/)
  })
})

describe('downloads', () => {
  it('the hostile page\'s download is refused: nothing lands in the Downloads folder of a browser whose home the test owns', async () => {
    // Given the full browser (the headless shell saves no downloads at all, so it could not
    // show the guard failing) with a home folder of this test's own: a download that is let
    // through lands in <home>/Downloads. The file the page offers is served every time.
    const home = await mkdtemp(join(tmpdir(), 'showtell-downloads-home-'))
    const downloads = join(home, 'Downloads')
    const before = process.env.HOME
    process.env.HOME = home
    const own = testBrowser({ browserPath: installedBrowser('full browser') })
    try {
      await own.get()
      const config = demoConfig(site.url, [{ id: 'hostile', platform: 'website', url: `${site.url}/nasty/hostile` }], { timeout: TIMEOUT_S })
      const servedBefore = site.requestCount('/nasty/download.bin')
      // When the hostile page is captured
      const [result] = await snapshotAccounts(config, config.accounts, { browser: own, outDir: await mkdtemp(join(tmpdir(), 'showtell-downloads-out-')), env: {} })
      expect(result!.status).toBe('ok')
      // Then the page did ask for the file, and the browser wrote nothing
      expect(await eventually(() => site.requestCount('/nasty/download.bin'), (count) => count > servedBefore, 10_000)).toBeGreaterThan(servedBefore)
      expect(existsSync(downloads) ? await readdir(downloads) : []).toEqual([])
    } finally {
      await own.close()
      process.env.HOME = before
    }
  })
})

describe('popups', () => {
  it('every popup the hostile page opens is closed, also those opened as its tab closes', async () => {
    // Given a browser of its own (the full run above may have left popups in the shared one),
    // and three captures of the hostile page, which opens a popup every 500 ms
    const own = testBrowser()
    try {
      const popupOut = await mkdtemp(join(tmpdir(), 'showtell-popups-'))
      const config = demoConfig(
        site.url,
        [1, 2, 3].map((i) => ({ id: `hostile-${i}`, platform: 'website', url: `${site.url}/nasty/hostile` })),
        { concurrency: 3, timeout: TIMEOUT_S },
      )
      // When the run is over
      const results = await snapshotAccounts(config, config.accounts, { browser: own, outDir: popupOut, env: {} })
      expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok'])
      // Then no tab of the run is left open, popups included. Closing a tab
      // takes a moment, longer on a loaded machine: wait for it (up to 20 s),
      // rather than a fixed pause that a busy machine overruns.
      const ours = async () => (await (await own.get()).pages()).map((page) => page.url()).filter((url) => url.startsWith(site.url))
      expect(await eventually(ours, (open) => open.length === 0)).toEqual([])
    } finally {
      await own.close()
    }
  })
})

describe('a crashed tab', () => {
  it('gives error for its account while the other accounts go on', async () => {
    // Given a tab that crashes as soon as /nasty/slow has committed
    const browser = await manager.get()
    let crashed = false
    const crashSlow = async (target: Target): Promise<void> => {
      if (crashed || target.type() !== 'page' || !target.url().includes('/nasty/slow')) return
      crashed = true
      const session = await target.createCDPSession()
      // The renderer dies before it can answer.
      await session.send('Page.crash').catch(() => {})
    }
    browser.on('targetcreated', crashSlow)
    browser.on('targetchanged', crashSlow)
    const crashOut = await mkdtemp(join(tmpdir(), 'showtell-crash-'))
    const config = demoConfig(
      site.url,
      [
        { id: 'slow', platform: 'website', url: `${site.url}/nasty/slow` },
        { id: 'instagram', platform: 'instagram', url: `${site.url}/instagram/nordlysoutdoor/` },
        { id: 'facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor` },
        { id: 'tiktok', platform: 'tiktok', url: `${site.url}/tiktok/@nordlysoutdoor` },
      ],
      // Two at a time: some accounts start only after the crash.
      { concurrency: 2, timeout: 8 },
    )
    let crashResults: SnapshotResult[]
    const started = Date.now()
    try {
      // When the run goes through
      crashResults = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: crashOut, env: {} })
    } finally {
      browser.off('targetcreated', crashSlow)
      browser.off('targetchanged', crashSlow)
    }
    // Then the crashed account is an error, quickly, and the others are fine
    expect(crashed).toBe(true)
    const slow = crashResults.find((r) => r.account === 'slow')!
    expect(slow.status).toBe('error')
    expect(slow.reason).toMatch(/crash/i)
    expect(slow.screenshot).toBeUndefined()
    expect(slow.metrics).toEqual({})
    expect(Date.now() - started).toBeLessThan(30_000)
    const others = crashResults.filter((r) => r.account !== 'slow')
    expect(others.map((r) => [r.account, r.status])).toEqual([
      ['instagram', 'ok'],
      ['facebook', 'ok'],
      ['tiktok', 'ok'],
    ])
    expect(others.find((r) => r.account === 'facebook')!.metrics.followers?.value).toBe(44_150)
    expect((await readdir(crashOut)).sort()).toEqual(['facebook.png', 'instagram.png', 'tiktok.png'])
    // And the shared browser is still usable, with no tab left open by the run
    expect(browser.connected).toBe(true)
    const again = demoConfig(site.url, [{ id: 'slow', platform: 'website', url: `${site.url}/nasty/slow` }], { timeout: 8 })
    const [retry] = await snapshotAccounts(again, again.accounts, { browser: manager, outDir: crashOut, env: {} })
    expect(retry!.status).toBe('ok')
    expect(retry!.metrics.followers?.value).toBe(1_500)
    const runUrls = [...config.accounts.map((a) => a.url), ...again.accounts.map((a) => a.url)]
    const open = (await browser.pages()).map((page) => page.url()).filter((url) => runUrls.includes(url))
    expect(open).toEqual([])
  })
})
