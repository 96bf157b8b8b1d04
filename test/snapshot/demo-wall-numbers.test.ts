// Given a login wall that shows a number, as real walls do ("Sign Up | LinkedIn",
// "12,345 followers" in its description and its text), when one snapshot run
// meets it at a profile's address, then the account is blocked and none of the
// wall's numbers, and no picture of it, is kept as the account's data. The
// demo site's other walls show no number at all, so without this page a
// capture that kept a wall's numbers passed every test (review A.6, M1d).
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEASER_FOLLOWERS } from '../../src/demo-site/nasty.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

const manager = testBrowser()
let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await manager.close()
  await site?.close()
})

describe('a login wall that shows a number', () => {
  it('the page does show the number, where the count parsers look for one', async () => {
    const page = await (await fetch(`${site.url}/nasty/teaser-wall`)).text()
    expect(TEASER_FOLLOWERS).toBe(12_345)
    expect(page).toContain('<title>Sign Up | LinkedIn</title>')
    expect(page).toMatch(/<meta property="og:description" content="[^"]*12,345 followers/)
    expect(page).toContain('<p>12,345 followers</p>')
  })

  it('is blocked as a login wall, with no metrics and no screenshot', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'showtell-teaser-wall-'))
    const config = demoConfig(site.url, [{ id: 'walled', platform: 'linkedin', url: `${site.url}/nasty/teaser-wall` }], { timeout: 15 })
    const [result] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })
    expect(site.requestCount('/nasty/teaser-wall')).toBeGreaterThanOrEqual(2)
    expect(result).toMatchObject({ account: 'walled', status: 'blocked', reason: 'login wall' })
    // (toEqual: toMatchObject would let any metrics through `{}`.)
    expect(result!.metrics).toEqual({})
    expect(result!.screenshot).toBeUndefined()
    expect(await readdir(outDir)).toEqual([])
  })
})
