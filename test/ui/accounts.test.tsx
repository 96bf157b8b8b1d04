// Accounts: the latest numbers with the change since the snapshot before;
// Enter snapshots the selected account and A all of them, against the demo
// site in real Chromium, with a row per account that ends in ✓ or ✗; the
// history file grows and the table shows the new numbers.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { START } from '../../src/ui/state.js'
import { makeDemoWorkspace } from '../helpers/demo-workspace.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'
import { makeAppWorkspace } from './fixtures.js'

let site: DemoSite
let app: AppHarness | undefined

beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site.close()
})
afterEach(async () => {
  await app?.close()
  app = undefined
})

const accountsScreen = { ...START, stack: [...START.stack, { name: 'accounts' as const }] }

describe('Accounts', () => {
  it('shows each account’s latest number and its change, and a blocked one without data', async () => {
    app = await renderApp(await makeAppWorkspace(), { initial: accountsScreen })
    const frame = await app.waitFor('Testco blog')
    expect(lineWith(frame, 'LinkedIn')).toMatch(/✓ LinkedIn\s+linkedin\s+1,312 followers\s+▲ 312 since 2026-11-10/)
    expect(lineWith(frame, ' X ')).toMatch(/✗ X\s+x\s+blocked\s+login required; was 5,000 on 2026-11-10/)
    expect(lineWith(frame, 'Testco blog')).toMatch(/· Testco blog\s+blog\s+no snapshot yet/)
  })

  it('Enter snapshots the selected account; A snapshots all, each row ending in ✓ or ✗', async () => {
    const url = site.url
    const dir = await makeDemoWorkspace(url, [
      { id: 'nordlys-linkedin', platform: 'linkedin', url: `${url}/linkedin/company/nordlys-outdoor`, label: 'Nordlys on LinkedIn' },
      { id: 'walled-page', platform: 'linkedin', url: `${url}/nasty/login-wall`, label: 'A walled page' },
    ])
    app = await renderApp(dir, { initial: accountsScreen })
    await app.waitFor('A walled page')
    await app.press(KEY.enter)
    await app.waitFor('1 of 1 ok', 60_000)
    const history = async () => (await readFile(join(dir, 'history', 'snapshots.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { account: string; status: string })
    expect((await history()).map((e) => `${e.account}:${e.status}`)).toEqual(['nordlys-linkedin:ok'])
    // Esc leaves the run's rows; the table now has the number from the demo page.
    await app.press(KEY.escape)
    await app.waitFor((f) => /✓ LinkedIn\s+linkedin\s+12,345 followers/.test(f))

    await app.press('A')
    const done = await app.waitFor('1 of 2 ok', 60_000)
    expect(lineWith(done, 'LinkedIn')).toMatch(/✓ LinkedIn\s+ok/)
    expect(lineWith(done, 'A walled page')).toMatch(/✗ A walled page\s+blocked/)
    expect(done).toMatch(/Snapshots .* 100% 2\/2/)
    expect((await history()).map((e) => `${e.account}:${e.status}`)).toEqual(['nordlys-linkedin:ok', 'nordlys-linkedin:ok', 'walled-page:blocked'])
  })
})
