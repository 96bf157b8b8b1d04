// Given a workspace on the demo site whose Mastodon server refuses search,
// when a user runs the built `showtell audit`, then the table says which find
// a name search found and by which display name, the summary counts it and
// says search was not allowed on that server, and --json and
// history/audit.json carry foundBy. Every URL in the report is on 127.0.0.1.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await site?.close()
})

// The workspace's own rules replace the shipped ones: Bluesky and Mastodon only.
const RULES = `bluesky:
  base: https://public.api.bsky.app
  probe: "{base}/xrpc/app.bsky.actor.getProfile?actor={handle}"
  kind: api
  status: { present: [200], absent: [400, 404] }
  present: ['"handle"']
  absent: ["Profile not found"]
mastodon:
  base: https://mastodon.social
  probe: "{base}/api/v1/accounts/lookup?acct={handle}"
  kind: api
  status: { present: [200], absent: [404] }
  present: ['"username"']
  absent: ["Record not found"]
`

interface Report {
  findings: { platform: string; handle: string; result: string; url?: string; foundBy?: string; displayName?: string }[]
  controls?: { probes: { url?: string }[] }[]
  searches?: { platform: string; instance?: string; url: string; outcome: string }[]
}

async function workspace(): Promise<string> {
  const u = site.url
  const config = demoConfigObject(
    u,
    [
      { id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
      { id: 'nordlys-mastodon', platform: 'mastodon', handle: 'nordlys@mastodon.social' },
    ],
    { endpoints: { mastodon: `${u}/mastodon-private` } },
  )
  return makeWorkspace({ 'showtell.yaml': stringify({ ...config, audit: { delayMs: 0 } }), 'rules/audit.yaml': RULES })
}

function expectLocal(report: Report): void {
  const urls = [...report.findings.flatMap((f) => (f.url ? [f.url] : [])), ...(report.controls ?? []).flatMap((c) => c.probes.flatMap((p) => (p.url ? [p.url] : []))), ...(report.searches ?? []).map((s) => s.url)]
  expect(urls.length).toBeGreaterThan(10)
  for (const url of urls) expect(new URL(url).hostname).toBe('127.0.0.1')
}

describe('showtell audit with name search', () => {
  it('says how each find was found, counts the name-search finds, and says where search was not allowed', async () => {
    const dir = await workspace()
    const result = await runCli(['audit', '--no-screenshots', '--workspace', dir])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('  found bluesky trailgear-deals.bsky.social (Nordlys Outdoor) by name search\n')
    expect(result.stdout).toMatch(/^bluesky\s+trailgear-deals\.bsky\.social\s+exists-unlisted\s+found by name search: display name 'Nordlys Outdoor'$/m)
    // Found by its handle: the display name alone, as before.
    expect(result.stdout).toMatch(/^bluesky\s+nordlysoutdoor\.bsky\.social\s+exists-unlisted\s+312\s+Nordlys Outdoor Support$/m)
    expect(result.stdout).toContain('2 accounts carry our name but are not in showtell.yaml (1 found by name search)')
    expect(result.stdout).toContain('Name search: bluesky 2 of 2 answered · mastodon on mastodon.social not allowed\n  search not allowed on mastodon.social (answered 401)\n')
    const stored = JSON.parse(await readFile(join(dir, 'history', 'audit.json'), 'utf8')) as Report
    expectLocal(stored)
    expect(stored.findings.filter((f) => f.result === 'exists-unlisted').map((f) => [f.handle, f.foundBy])).toEqual([
      ['nordlysoutdoor.bsky.social', 'handle'],
      ['trailgear-deals.bsky.social', 'name-search'],
    ])
  })

  it('--json carries foundBy and the searches', async () => {
    const dir = await workspace()
    const result = await runCli(['audit', '--no-screenshots', '--json', '--workspace', dir])
    expect(result.code, result.stderr).toBe(0)
    const printed = JSON.parse(result.stdout) as Report
    expectLocal(printed)
    expect(printed.findings.find((f) => f.handle === 'trailgear-deals.bsky.social')).toMatchObject({ result: 'exists-unlisted', foundBy: 'name-search', displayName: 'Nordlys Outdoor' })
    expect(printed.searches!.map((s) => [s.platform, s.instance ?? '', s.outcome])).toEqual([
      ['bluesky', '', 'ok'],
      ['bluesky', '', 'ok'],
      ['mastodon', 'mastodon.social', 'not-allowed'],
      ['mastodon', 'mastodon.social', 'not-allowed'],
    ])
  })
})
