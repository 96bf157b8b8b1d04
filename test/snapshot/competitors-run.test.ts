// Given a workspace on the demo site (127.0.0.1) with accounts of ours and
// `competitors`, when `showtell snapshot` runs (real Chromium, the built
// CLI), then the competitors are read in the same run, after ours, under a
// heading of their own; their rows go to history/competitors.jsonl marked
// with the competitor, never to history/snapshots.jsonl; `--json` marks
// them; `--no-competitors` leaves them out; a competitor never gets the
// owner's credentials (a fake token set, and the API that would take it sees
// no request) nor the signed-in profile (a page that opens for our signed-in
// session stays walled for the competitor); and a blocked competitor shows
// its last good value, never a zero.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserManager } from '../../src/browser/manager.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { demoConfigObject, type DemoAccount } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'

const FAKE_TOKEN = 'fake-instagram-token-for-competitors-test'
let site: DemoSite
let recorder: Server
let recorderUrl: string
/** Every request the fake Graph API received: its path and query, and its Authorization header. */
const recorded: { url: string; authorization: string | undefined }[] = []
let scratch: string

beforeAll(async () => {
  site = await startDemoSite()
  recorder = createServer((request: IncomingMessage, response) => {
    recorded.push({ url: request.url ?? '', authorization: request.headers.authorization })
    response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"recorder"}}')
  })
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve))
  const address = recorder.address() as AddressInfo
  expect(address.address).toBe('127.0.0.1')
  recorderUrl = `http://127.0.0.1:${address.port}`
  expect(new URL(site.url).hostname).toBe('127.0.0.1')
  scratch = await mkdtemp(join(tmpdir(), 'showtell-competitors-test-'))
})

afterAll(async () => {
  await site?.close()
  await new Promise((resolve) => recorder?.close(resolve))
  await rm(scratch, { recursive: true, force: true })
})

interface Result {
  readonly account: string
  readonly status: string
  readonly reason?: string
  readonly competitor?: string
  readonly metrics: { readonly followers?: { readonly value: number } }
  readonly sources?: readonly { readonly id: string; readonly state: string; readonly reason?: string }[]
}

async function workspaceWith(ours: readonly DemoAccount[], competitors: readonly { name: string; accounts: readonly DemoAccount[] }[], extra: { profile?: string; files?: Record<string, string>; graph?: string } = {}): Promise<string> {
  const config = demoConfigObject(site.url, ours, { timeout: 15, endpoints: { linkedin: `${site.url}/linkedin`, ...(extra.graph ? { graph: extra.graph } : {}) } }) as Record<string, unknown> & { snapshot: Record<string, unknown> }
  config.competitors = competitors
  if (extra.profile) config.snapshot.profile = extra.profile
  return makeWorkspace({ 'showtell.yaml': stringify(config), ...extra.files })
}

const OURS: DemoAccount[] = [{ id: 'nordlys-instagram', platform: 'instagram', url: '', label: 'Nordlys on Instagram' }]
const ours = (): DemoAccount[] => OURS.map((a) => ({ ...a, url: `${site.url}/instagram/nordlysoutdoor/` }))
const rivals = () => [
  {
    name: 'Fjellkraft',
    accounts: [
      { id: 'fjellkraft-instagram', platform: 'instagram', url: `${site.url}/instagram/fjellkraft/`, label: 'Fjellkraft on Instagram' },
      { id: 'fjellkraft-linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/fjellkraft`, label: 'Fjellkraft on LinkedIn' },
    ],
  },
  { name: 'Villmark Gear', accounts: [{ id: 'villmark-instagram', platform: 'instagram', url: `${site.url}/instagram/villmarkgear/`, label: 'Villmark Gear on Instagram' }] },
]

async function historyLines(workspace: string, file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(workspace, 'history', file), 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('showtell snapshot with competitors (real Chromium, built CLI, 127.0.0.1)', () => {
  it('reads them in the same run, after ours and under their own heading, stores them apart and marks them in --json', async () => {
    const workspace = await workspaceWith(ours(), rivals())
    const run = await runCli(['snapshot', '--workspace', workspace])
    expect(run.code, run.stderr).toBe(0)
    // Progress: ours first, then the heading, then each competitor's account with its name.
    const progress = run.stderr
    expect(progress.indexOf('nordlys-instagram ok')).toBeGreaterThan(-1)
    expect(progress.indexOf('  Competitors\n')).toBeGreaterThan(progress.indexOf('nordlys-instagram ok'))
    expect(progress).toContain('✓ Fjellkraft: fjellkraft-instagram ok')
    expect(progress).toContain('✓ Villmark Gear: villmark-instagram ok')
    expect(progress).toContain('✗ Fjellkraft: fjellkraft-linkedin blocked (login wall)')
    // The table: ours, then the competitors' own table with the demo's numbers.
    const [oursPart, theirsPart] = run.stdout.split('Competitors (public sources only, never counted as ours)')
    expect(oursPart).toContain('1 of 1 accounts ok')
    expect(oursPart).not.toContain('fjellkraft')
    expect(theirsPart).toMatch(/Villmark Gear\s+villmark-instagram\s+instagram\s+ok\s+9,650/)
    expect(theirsPart).toMatch(/Fjellkraft\s+fjellkraft-instagram\s+instagram\s+ok\s+41,200/)
    expect(theirsPart).toContain('2 of 3 competitor accounts ok · history in history/competitors.jsonl')
    // A competitor's fix never says to sign in or to record a figure of ours.
    expect(theirsPart).toContain("fix: none of ours: a competitor's page is read signed out")
    expect(theirsPart).not.toContain('showtell login')

    // Stored apart: our file has our account only; theirs has every competitor row, marked.
    const mine = await historyLines(workspace, 'snapshots.jsonl')
    expect(mine.map((row) => row.account)).toEqual(['nordlys-instagram'])
    expect(mine[0]).not.toHaveProperty('competitor')
    const theirs = await historyLines(workspace, 'competitors.jsonl')
    expect(theirs.map((row) => [row.competitor, row.account, row.status]).sort()).toEqual([
      ['Fjellkraft', 'fjellkraft-instagram', 'ok'],
      ['Fjellkraft', 'fjellkraft-linkedin', 'blocked'],
      ['Villmark Gear', 'villmark-instagram', 'ok'],
    ])

    // --json: one list, each competitor's result marked, ours not.
    const json = await runCli(['snapshot', '--json', '--workspace', workspace])
    expect(json.code, json.stderr).toBe(0)
    const results = JSON.parse(json.stdout) as Result[]
    expect(results.map((r) => [r.account, r.competitor ?? null])).toEqual([
      ['nordlys-instagram', null],
      ['fjellkraft-instagram', 'Fjellkraft'],
      ['fjellkraft-linkedin', 'Fjellkraft'],
      ['villmark-instagram', 'Villmark Gear'],
    ])
    expect(results.find((r) => r.account === 'villmark-instagram')!.metrics.followers?.value).toBe(9650)
  })

  it('--no-competitors leaves them out: no competitor result, no competitors.jsonl; --competitors is the default', async () => {
    const workspace = await workspaceWith(ours(), rivals())
    const without = await runCli(['snapshot', '--json', '--no-competitors', '--workspace', workspace])
    expect(without.code, without.stderr).toBe(0)
    expect((JSON.parse(without.stdout) as Result[]).map((r) => r.account)).toEqual(['nordlys-instagram'])
    expect(await historyLines(workspace, 'competitors.jsonl')).toEqual([])
    const explicit = await runCli(['snapshot', '--json', '--competitors', '--workspace', workspace])
    expect(explicit.code, explicit.stderr).toBe(0)
    expect((JSON.parse(explicit.stdout) as Result[]).filter((r) => r.competitor !== undefined)).toHaveLength(3)
  })

  it("--account may name a competitor's account: only it is read, as a competitor's, into its own history; ours and today's snapshots.json stay as they were", async () => {
    const workspace = await workspaceWith(ours(), rivals())
    const first = await runCli(['snapshot', '--json', '--account', 'nordlys-instagram', '--workspace', workspace])
    expect(first.code, first.stderr).toBe(0)
    const oursBefore = await historyLines(workspace, 'snapshots.jsonl')
    expect(oursBefore.map((row) => row.account)).toEqual(['nordlys-instagram'])
    const [day] = await readdir(join(workspace, 'out', 'snapshots'))
    const todays = () => readFile(join(workspace, 'out', 'snapshots', day!, 'snapshots.json'), 'utf8')
    const todaysBefore = await todays()
    expect((JSON.parse(todaysBefore) as Result[]).map((r) => r.account)).toEqual(['nordlys-instagram'])
    const theirs = await runCli(['snapshot', '--json', '--account', 'villmark-instagram', '--workspace', workspace])
    expect(theirs.code, theirs.stderr).toBe(0)
    expect((JSON.parse(theirs.stdout) as Result[]).map((r) => `${r.competitor}:${r.account}:${r.status}`)).toEqual(['Villmark Gear:villmark-instagram:ok'])
    expect(await historyLines(workspace, 'snapshots.jsonl')).toEqual(oursBefore)
    expect(await todays()).toBe(todaysBefore)
    expect((await historyLines(workspace, 'competitors.jsonl')).map((row) => `${row.competitor}:${row.account}`)).toEqual(['Villmark Gear:villmark-instagram'])
    // The table shows the competitor alone, under its heading, with no empty table of ours above it.
    const text = await runCli(['snapshot', '--account', 'fjellkraft-instagram', '--no-competitors', '--workspace', workspace])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout.startsWith('Competitors (public sources only, never counted as ours)\n')).toBe(true)
    expect(text.stdout).toMatch(/Fjellkraft +fjellkraft-instagram +instagram +ok +41,200/)
    expect(text.stdout).not.toContain('nordlys-instagram')
  })

  it("never sends the owner's credential for a competitor: its API source is skipped and the API sees no request; ours with the same token does", async () => {
    const env = { SHOWTELL_INSTAGRAM_TOKEN: FAKE_TOKEN }
    // Control: the same page as ours, with the token, does call the (recording) Graph API with it.
    recorded.length = 0
    const control = await workspaceWith([{ id: 'fjellkraft-as-ours', platform: 'instagram', url: `${site.url}/instagram/fjellkraft/` }], [], { graph: recorderUrl })
    const asOurs = await runCli(['snapshot', '--json', '--workspace', control], { env })
    expect(asOurs.code, asOurs.stderr).toBe(0)
    expect(recorded.length).toBeGreaterThan(0)
    expect(recorded.some((r) => r.authorization?.includes(FAKE_TOKEN) || r.url.includes(FAKE_TOKEN))).toBe(true)

    recorded.length = 0
    const workspace = await workspaceWith([], [{ name: 'Fjellkraft', accounts: [{ id: 'fjellkraft-instagram', platform: 'instagram', url: `${site.url}/instagram/fjellkraft/` }] }], { graph: recorderUrl })
    const run = await runCli(['snapshot', '--json', '--workspace', workspace], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(recorded).toEqual([])
    const [result] = JSON.parse(run.stdout) as Result[]
    expect(result).toMatchObject({ account: 'fjellkraft-instagram', competitor: 'Fjellkraft', status: 'ok' })
    const api = result!.sources!.find((source) => source.id !== 'page')!
    expect(api).toMatchObject({ state: 'skipped', reason: 'not with our credentials: this account is not ours' })
    expect(result!.sources!.find((source) => source.id === 'page')).toMatchObject({ state: 'used' })
    expect(run.stdout).not.toContain(FAKE_TOKEN)
  })

  it('never in the signed-in profile: a page our session opens stays walled for a competitor in the same run', async () => {
    const profile = join(scratch, 'signed-in')
    // Sign the profile in to the demo site (the cookie /demo-login sets, as `showtell login` leaves it).
    const signer = new BrowserManager({ profileDir: profile })
    try {
      await signer.withPage(async (page) => {
        await page.goto(`${site.url}/demo-login`)
      })
    } finally {
      await signer.close()
    }
    const members = `${site.url}/members/polar-crew-club`
    const workspace = await workspaceWith(
      [{ id: 'crew', platform: 'linkedin', url: members, label: 'Polar Crew' }],
      [{ name: 'Rival Crew', accounts: [{ id: 'rival-crew', platform: 'linkedin', url: members, label: 'Rival Crew' }] }],
      { profile },
    )
    const run = await runCli(['snapshot', '--json', '--workspace', workspace])
    expect(run.code, run.stderr).toBe(0)
    const results = JSON.parse(run.stdout) as Result[]
    expect(results.find((r) => r.account === 'crew')).toMatchObject({ status: 'ok', metrics: { followers: { value: 4321 } } })
    expect(results.find((r) => r.account === 'rival-crew')).toMatchObject({ status: 'blocked', competitor: 'Rival Crew' })
    expect(results.find((r) => r.account === 'rival-crew')!.metrics.followers).toBeUndefined()
  })

  it('a blocked competitor shows its last good value, dated, never a zero; one with no history shows no number', async () => {
    const files = {
      'history/competitors.jsonl': `${JSON.stringify({ date: '2026-11-17', capturedAt: '2026-11-17T08:00:00.000Z', account: 'fjellkraft-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 7700, source: 'page-text' } }, competitor: 'Fjellkraft' })}\n`,
    }
    const workspace = await workspaceWith(ours(), rivals(), { files })
    const run = await runCli(['snapshot', '--workspace', workspace])
    expect(run.code, run.stderr).toBe(0)
    // The seeded line reads: nothing is named as unreadable.
    expect(run.stderr).not.toContain('competitors.jsonl:1')
    const row = run.stdout.split('\n').find((line) => line.includes('fjellkraft-linkedin'))!
    expect(row).toMatch(/Fjellkraft\s+fjellkraft-linkedin\s+linkedin\s+blocked\s+last good 7,700 \(2026-11-17\)/)
    // The old row is kept, the new one added after it.
    const theirs = await historyLines(workspace, 'competitors.jsonl')
    expect(theirs.filter((r) => r.account === 'fjellkraft-linkedin').map((r) => r.status)).toEqual(['ok', 'blocked'])

    // Without history: the blocked competitor's NOW cell is empty, not 0.
    const fresh = await workspaceWith(ours(), rivals())
    const again = await runCli(['snapshot', '--workspace', fresh])
    expect(again.code, again.stderr).toBe(0)
    const cells = again.stdout.split('\n').find((line) => line.includes('fjellkraft-linkedin'))!.split(/\s{2,}/)
    expect(cells.slice(0, 4)).toEqual(['Fjellkraft', 'fjellkraft-linkedin', 'linkedin', 'blocked'])
    expect(cells[4]).toMatch(/^login wall; fix:/)
    expect(again.stdout).not.toMatch(/fjellkraft-linkedin\s+linkedin\s+blocked\s+0\b/)
  })

  it('build snapshots them too, shows them apart in its progress and build.json, records their history apart; --no-snapshots skips them', async () => {
    const workspace = await workspaceWith(ours(), rivals())
    const build = await runCli(['build', '--topic', 'listening', '--date', '2026-11-24', '--format', 'md', '--workspace', workspace])
    expect(build.code, build.stderr).toBe(0)
    expect(build.stderr).toContain('✓ nordlys-instagram ok')
    expect(build.stderr).toContain('✓ competitor Villmark Gear: villmark-instagram ok')
    expect(build.stderr).toContain('✗ competitor Fjellkraft: fjellkraft-linkedin blocked (login wall)')
    const manifest = JSON.parse(await readFile(join(workspace, 'out', '2026-11-24-listening', 'build.json'), 'utf8')) as { snapshots: Result[]; competitors?: Result[] }
    expect(manifest.snapshots.map((r) => r.account)).toEqual(['nordlys-instagram'])
    expect(manifest.competitors!.map((r) => [r.competitor, r.account, r.status])).toEqual([
      ['Fjellkraft', 'fjellkraft-instagram', 'ok'],
      ['Fjellkraft', 'fjellkraft-linkedin', 'blocked'],
      ['Villmark Gear', 'villmark-instagram', 'ok'],
    ])
    expect((await historyLines(workspace, 'snapshots.jsonl')).map((row) => row.account)).toEqual(['nordlys-instagram'])
    expect((await historyLines(workspace, 'competitors.jsonl')).map((row) => row.account).sort()).toEqual(['fjellkraft-instagram', 'fjellkraft-linkedin', 'villmark-instagram'])
    // The deck never names a competitor's account among ours: only "how we
    // compare" (its slide and the per-competitor appendix, src/deck/compare.ts) does.
    const slides = (await readFile(join(workspace, 'out', '2026-11-24-listening', 'deck.md'), 'utf8')).split('\n---\n')
    const comparing = slides.filter((slide) => slide.includes('How we compare'))
    expect(comparing.length).toBeGreaterThan(0)
    const deck = slides.filter((slide) => !comparing.includes(slide)).join('\n---\n')
    expect(deck).not.toContain('Villmark')
    expect(deck).not.toContain('9,650')

    const fresh = await workspaceWith(ours(), rivals())
    const offline = await runCli(['build', '--topic', 'listening', '--date', '2026-11-24', '--format', 'md', '--no-snapshots', '--json', '--workspace', fresh])
    expect(offline.code, offline.stderr).toBe(0)
    expect(offline.stderr).not.toContain('competitor')
    expect(JSON.parse(offline.stdout)).not.toHaveProperty('competitors')
    expect(await historyLines(fresh, 'competitors.jsonl')).toEqual([])
  })
})
