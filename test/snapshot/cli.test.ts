// Given a workspace on the demo site, when a user runs the built
// `showtell snapshot` with --account and --json, then only those accounts are
// captured, the JSON carries every field the issue promises, and the files
// land where the command says: screenshots and snapshots.json under
// out/snapshots/<date>/, one history line per account. An X token given in
// the environment is used and never printed or written.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { readHistory } from '../../src/snapshot/history.js'
import { runCli } from '../helpers/cli.js'
import { makeDemoWorkspace, readPngSize } from '../helpers/demo-workspace.js'
import { listTree } from '../helpers/workspace.js'

let site: DemoSite
let workspace: string

beforeAll(async () => {
  site = await startDemoSite()
  workspace = await makeDemoWorkspace(
    site.url,
    [
      { id: 'nordlys-facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor`, label: 'Nordlys on Facebook' },
      { id: 'nordlys-linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/nordlys-outdoor` },
      { id: 'walled', platform: 'linkedin', url: `${site.url}/nasty/login-wall` },
    ],
    { timeout: 8 },
  )
})

afterAll(async () => {
  await site?.close()
})

describe('showtell snapshot --account … --json', () => {
  it('captures only the chosen accounts and prints every promised field', async () => {
    const started = Date.now()
    const result = await runCli(['snapshot', '--account', 'nordlys-facebook', '--account', 'walled', '--json', '--workspace', workspace])
    const finished = Date.now()
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const results = JSON.parse(result.stdout) as Record<string, unknown>[]
    expect(results.map((r) => [r.account, r.status])).toEqual([
      ['nordlys-facebook', 'ok'],
      ['walled', 'blocked'],
    ])

    const [ok, blocked] = results as [Record<string, unknown>, Record<string, unknown>]
    expect(ok).toMatchObject({
      account: 'nordlys-facebook',
      platform: 'facebook',
      label: 'Nordlys on Facebook',
      url: `${site.url}/facebook/nordlysoutdoor`,
      status: 'ok',
      screenshot: 'nordlys-facebook.png',
      title: 'Nordlys Outdoor | Tromsø | Facebook',
      metrics: { followers: { value: 44_150, source: 'page-text', via: 'page' }, likes: { value: 42_217, source: 'meta', via: 'page' } },
    })
    expect(ok.description).toMatch(/42,217 likes/)
    // Taken during this command, and no longer than the command took.
    expect(Date.parse(String(ok.capturedAt))).toBeGreaterThanOrEqual(started)
    expect(Date.parse(String(ok.capturedAt))).toBeLessThanOrEqual(finished)
    expect(ok.durationMs).toBeGreaterThan(0)
    expect(ok.durationMs).toBeLessThanOrEqual(finished - started)
    expect(blocked).toMatchObject({ account: 'walled', status: 'blocked' })
    // (toEqual: toMatchObject would let any metrics through `{}`.)
    expect(blocked.metrics).toEqual({})
    expect(blocked.reason).toMatch(/login/i)
    expect(blocked.screenshot).toBeUndefined()

    // The files: one folder per day, named after the history's date.
    const history = await readHistory(workspace)
    expect(history.unreadable).toEqual([])
    expect(history.entries.map((e) => [e.account, e.status])).toEqual([
      ['nordlys-facebook', 'ok'],
      ['walled', 'blocked'],
    ])
    const date = history.entries[0]!.date
    // The workspace's time zone is UTC.
    expect(date).toBe(String(ok.capturedAt).slice(0, 10))
    const dayDir = join(workspace, 'out', 'snapshots', date)
    expect((await readdir(dayDir)).sort()).toEqual(['nordlys-facebook.png', 'snapshots.json'])
    expect(JSON.parse(await readFile(join(dayDir, 'snapshots.json'), 'utf8'))).toEqual(results)
    expect(await readPngSize(join(dayDir, 'nordlys-facebook.png'))).toEqual({ width: 1280, height: 800 })
    // The lock is released.
    expect(await listTree(join(workspace, 'out'))).toEqual([`snapshots/${date}/nordlys-facebook.png`, `snapshots/${date}/snapshots.json`])
  })

  it('refuses an unknown account id before starting a browser, and names the known ones', async () => {
    const before = await listTree(workspace)
    const result = await runCli(['snapshot', '--account', 'nordlys-tiktok', '--json', '--workspace', workspace])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('unknown account "nordlys-tiktok"')
    expect(result.stderr).toContain('nordlys-facebook, nordlys-linkedin, walled')
    expect(await listTree(workspace)).toEqual(before)
  })

  it('reads X with the token from the environment, and never prints or writes the token', async () => {
    const token = 'demo-x-token'
    const xWorkspace = await makeDemoWorkspace(site.url, [{ id: 'nordlys-x', platform: 'x', handle: 'nordlysoutdoor' }], { timeout: 8 })
    const result = await runCli(['snapshot', '--workspace', xWorkspace], { env: { SHOWTELL_X_BEARER_TOKEN: token, SHOWTELL_DEBUG: '1' } })
    expect(result.code).toBe(0)
    const row = result.stdout.split('\n').find((line) => line.startsWith('nordlys-x ')) ?? ''
    expect(row).toMatch(/^nordlys-x\s+x\s+ok\s+5,120/)
    expect(result.stdout).not.toContain(token)
    expect(result.stderr).not.toContain(token)
    const files = await listTree(xWorkspace)
    expect(files).toContain('history/snapshots.jsonl')
    for (const file of files) expect((await readFile(join(xWorkspace, file))).includes(token), file).toBe(false)
  })
})
