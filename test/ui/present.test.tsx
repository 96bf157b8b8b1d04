// The app's Present action (src/ui/screens/Present.tsx) with real services:
// P on the dashboard serves the next meeting's deck on 127.0.0.1 and opens it,
// the screen follows what the deck page reports (over the real live link),
// prints the minutes recorded when the talk ends, and Esc stops the server.
// P on the result screen presents the deck just built. The workspace lists no
// accounts, so nothing is refreshed and no request leaves 127.0.0.1.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BuildManifest } from '../../src/build/build.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'
import { postJson, sampleState } from '../present/live-client.js'
import { rawRequest } from '../present/fixture.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'

const NO_ACCOUNTS = MINIMAL_CONFIG.replace(/accounts:\n(?: {2}.*\n)+/, 'accounts: []\n')

const BUILD = {
  generator: 'showtell',
  builtAt: '2026-11-20T07:00:00.000Z',
  topic: { id: 'policy', title: 'Social media policy' },
  date: '2026-11-24',
  duration: 45,
  agenda: [
    { id: 'opening', title: 'Opening', minutes: 3, slideCount: 1, placeholder: false },
    { id: 'here-and-now', title: 'Here and now', minutes: 6, slideCount: 3, placeholder: false },
    { id: 'roi', title: 'ROI: what changed', minutes: 36, slideCount: 2, placeholder: false },
  ],
  slideCount: 6,
  snapshots: [],
  warnings: [],
  files: [{ name: 'deck.html', bytes: 100 }],
}

const ENDED = { actual: { opening: 2.5, 'here-and-now': 7, roi: 30.5 }, planned: { opening: 3, 'here-and-now': 6, roi: 36 }, endedAt: '2026-11-24T08:41:12.000Z' }

async function workspaceWithDeck(): Promise<{ dir: string; folder: string }> {
  const dir = await makeWorkspace({ 'showtell.yaml': NO_ACCOUNTS })
  const folder = join(dir, 'out', '2026-11-24-policy')
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'deck.html'), '<!DOCTYPE html><html lang="en"><head><title>deck</title></head><body>the deck</body></html>')
  await writeFile(join(folder, 'build.json'), JSON.stringify({ ...BUILD, outDir: folder }))
  return { dir, folder }
}

/** The port of the deck's address on the Present screen. */
function portOf(frame: string): number {
  const match = /Deck +http:\/\/127\.0\.0\.1:(\d+)\//.exec(frame)
  if (!match) throw new Error(`no deck address in the frame:\n${frame}`)
  return Number(match[1])
}

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('the Present action', () => {
  it('P on the dashboard serves the next meeting’s deck, follows the talk, records its minutes, and Esc stops it', async () => {
    const { dir } = await workspaceWithDeck()
    app = await renderApp(dir, { size: { columns: 100, rows: 30 } })
    await app.press('P')
    const frame = await app.waitFor('Remote  http://127.0.0.1:')
    expect(lineWith(frame, 'Presenting')).toContain('out/2026-11-24-policy/ (next meeting)')
    const port = portOf(frame)
    expect(lineWith(frame, 'Remote')).toContain(`http://127.0.0.1:${port}/remote`)
    // The deck opened in the browser once the server listened.
    await app.waitFor(`Opened http://127.0.0.1:${port}/`)
    expect(app.opened).toEqual([`http://127.0.0.1:${port}/`])
    expect(await app.waitFor('Waiting for the deck to open')).toContain('o opens it')

    // What the deck page posts (over the real live link) is what the screen shows.
    expect((await postJson(port, '/live/state', sampleState())).status).toBe(204)
    await app.waitFor('Slide 3 of 12 · Here and now · 3:20 left · 1:35 behind')
    expect((await postJson(port, '/live/state', sampleState({ aheadMs: 70_000, paused: true, segmentLeftMs: -5_000 }))).status).toBe(204)
    await app.waitFor('Slide 3 of 12 · Here and now · 0:05 over · 1:10 ahead · paused')

    // The end of the talk: the minutes go into the meeting log, and the screen says so.
    expect((await postJson(port, '/live/end', ENDED)).status).toBe(200)
    await app.waitFor('Recorded 40 minutes in history/meetings.jsonl (Opening 2.5, Here and now 7, ROI 30.5)')
    const log = (await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).trim().split('\n')
    expect(log).toHaveLength(1)
    expect(JSON.parse(log[0]!)).toMatchObject({ date: '2026-11-24', topic: 'policy', source: 'held', actual: ENDED.actual })

    // r with no accounts says why nothing is refreshed.
    await app.press('r')
    expect(await app.waitFor('No accounts in showtell.yaml')).toContain('nothing to refresh')

    // Esc stops presenting: the port answers no more.
    await app.press(KEY.escape)
    await app.waitFor('Next meeting')
    // (The server closes as the screen unmounts: a request during the close may be reset.)
    await expect.poll(() => rawRequest(port, '/').then(() => 'answered', (error: NodeJS.ErrnoException) => error.code), { timeout: 5000 }).toBe('ECONNREFUSED')
  })

  it('P on the result screen presents the deck just built', async () => {
    const { dir, folder } = await workspaceWithDeck()
    const manifest = { ...BUILD, outDir: folder } as unknown as BuildManifest
    app = await renderApp(dir, { initial: { stack: [{ name: 'dashboard' }, { name: 'result', manifest }], help: false } })
    await app.press('P')
    const frame = await app.waitFor('Remote  http://127.0.0.1:')
    expect(lineWith(frame, 'Presenting')).toContain('(the deck just built)')
    const served = await rawRequest(portOf(frame), '/deck.html')
    expect(served.status).toBe(200)
    expect(served.body).toContain('the deck')
  })
})
