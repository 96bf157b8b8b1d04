// Given a snapshot run with a page that never answers and accounts still
// waiting for a slot, when the run's signal is aborted (Ctrl+C, the app's
// cancel), then the run ends with the signal's reason at once: it does not
// wait for the hanging page's timeout, the waiting accounts never start, and
// no account is reported done after the cancel.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts, type SnapshotEvent } from '../../src/snapshot/run.js'
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

it('an aborted run rejects with the reason, starts nothing more and reports nothing after the cancel', async () => {
  // One slot: the hanging page holds it, the two others wait behind it. The
  // page timeout is far longer than the test's own limit, so only the cancel
  // can end this run in time.
  const config = demoConfig(
    site.url,
    [
      { id: 'hanging', platform: 'website', url: `${site.url}/nasty/hang` },
      { id: 'waiting-1', platform: 'website', url: `${site.url}/nasty/consent` },
      { id: 'waiting-2', platform: 'website', url: `${site.url}/nasty/consent` },
    ],
    { concurrency: 1, timeout: 120 },
  )
  const controller = new AbortController()
  const events: SnapshotEvent[] = []
  const reason = new Error('cancelled by the test')
  const run = snapshotAccounts(config, config.accounts, {
    browser: manager,
    outDir: await mkdtemp(join(tmpdir(), 'showtell-cancel-')),
    env: {},
    onProgress: (event) => {
      events.push(event)
      if (event.type === 'account-start' && event.account === 'hanging') controller.abort(reason)
    },
    signal: controller.signal,
  })
  await expect(run).rejects.toBe(reason)
  expect(events.map((e) => (e.type === 'account-start' ? `start ${e.account}` : `done ${e.result.account}`))).toEqual(['start hanging'])
}, 60_000)

it('a signal aborted before the run starts stops it before any account', async () => {
  const config = demoConfig(site.url, [{ id: 'never', platform: 'website', url: `${site.url}/nasty/consent` }])
  const controller = new AbortController()
  const reason = new Error('cancelled before the start')
  controller.abort(reason)
  const events: SnapshotEvent[] = []
  await expect(
    snapshotAccounts(config, config.accounts, { browser: manager, outDir: await mkdtemp(join(tmpdir(), 'showtell-cancel-')), env: {}, onProgress: (e) => events.push(e), signal: controller.signal }),
  ).rejects.toBe(reason)
  expect(events).toEqual([])
})
