// Rules in the WhatsMyName format, read at run time and checked with the
// same control as showtell's own: the hand-written fixture
// (test/fixtures/wmn/sample.json; no WhatsMyName data is shipped) is read
// into rules for the platforms its entries name; a good entry finds the
// planted account on the demo site and passes its control; an entry whose
// e_string matches every page is marked broken against a site that answers
// 200 to everything; a malformed file is exit 2 naming the file, line and
// field. Every server is on 127.0.0.1.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { loadRuleFile } from '../../src/audit/rules.js'
import { runAudit } from '../../src/audit/run.js'
import { parseWmnRules, platformOfEntry } from '../../src/audit/wmn.js'
import { probeUrl } from '../../src/audit/rules.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { UserError } from '../../src/errors.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { runCli } from '../helpers/cli.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'

const FIXTURE = fileURLToPath(new URL('../fixtures/wmn/sample.json', import.meta.url))

let site: DemoSite
/** A site that answers 200 to every path (a "soft 404"): a real profile for nordlysoutdoor, a "Page not found" page for anything else. */
let soft: Server
let softUrl: string

beforeAll(async () => {
  site = await startDemoSite()
  soft = createServer((request, response) => {
    const real = request.url === '/@nordlysoutdoor'
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(real ? '<html><head><title>Nordlys Outdoor (@nordlysoutdoor)</title></head><body><p>12,300 followers</p></body></html>' : '<html><head><title>Threads</title></head><body><p>Page not found</p></body></html>')
  })
  await new Promise<void>((resolve) => soft.listen(0, '127.0.0.1', resolve))
  softUrl = `http://127.0.0.1:${(soft.address() as AddressInfo).port}`
})

afterAll(async () => {
  await site.close()
  await new Promise((resolve) => soft.close(resolve))
})

function config(endpoints: Record<string, string>) {
  return workspaceConfigSchema.parse({
    company: { name: 'Nordlys Outdoor', aliases: ['Nordlys'] },
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: { timeout: 5, allowPrivateNetwork: true, endpoints },
  })
}

describe('a WhatsMyName-format rules file', () => {
  it('reads the entries that name a platform, and says why it leaves the others', async () => {
    const loaded = await loadRuleFile(FIXTURE, 'wmn/sample.json')
    expect(loaded.format).toBe('whatsmyname')
    expect(Object.keys(loaded.rules).sort()).toEqual(['instagram', 'threads'])
    expect(loaded.rules.instagram).toMatchObject({
      base: 'https://www.instagram.com',
      probe: '{base}/{handle}/',
      source: 'wmn/sample.json: Instagram',
      known: ['nordlysoutdoor'],
      wmn: { eCode: 200, eString: 'Instagram photos and videos', mCode: 404, mString: 'Page not found' },
    })
    expect(loaded.skipped).toEqual([
      { name: 'Example Code Host', why: 'not a platform showtell audits' },
      { name: 'Mastodon', why: 'needs a POST request (post_body); the audit only sends GETs' },
      { name: 'YouTube', why: 'marked "valid": false in the file' },
    ])
  })

  it('a good entry finds the planted account and passes its control, with the known account as the real one', async () => {
    const { rules } = await loadRuleFile(FIXTURE, 'wmn/sample.json')
    const report = await runAudit(config({ instagram: `${site.url}/instagram` }), { instagram: rules.instagram! }, { delayMs: 0, budget: 1000 })
    const control = report.controls![0]!
    expect(control).toMatchObject({ platform: 'instagram', verdict: 'ok', rule: 'wmn/sample.json: Instagram' })
    expect(control.probes.map((p) => [p.kind, p.kind === 'random' ? 'made-up' : p.handle, p.answer])).toEqual([
      ['random', 'made-up', 'absent'],
      ['known', 'nordlysoutdoor', 'present'],
    ])
    const found = report.findings.filter((f) => f.result === 'exists-unlisted').map((f) => f.handle).sort()
    expect(found).toEqual(['nordlys.official', 'nordlys_news', 'nordlysoutdoor'])
    // uri_pretty gives the page a person opens.
    expect(report.findings.find((f) => f.handle === 'nordlys.official')?.profileUrl).toBe('https://www.instagram.com/nordlys.official/')
    expect(report.findings.find((f) => f.handle === 'nordlys.hq')).toMatchObject({ result: 'absent', reason: 'the page says "Page not found"' })
  })

  it('an entry whose e_string matches every page is broken on a site that answers 200 to everything, and reports nothing', async () => {
    const { rules } = await loadRuleFile(FIXTURE, 'wmn/sample.json')
    const report = await runAudit(config({ threads: softUrl }), { threads: rules.threads! }, { delayMs: 0, budget: 1000 })
    const control = report.controls![0]!
    expect(control.verdict).toBe('broken')
    expect(control.why).toMatch(/^cannot tell present from absent today: zq[a-z0-9]{10}, a handle that cannot exist, came back present$/)
    expect(report.findings.filter((f) => f.result === 'exists-unlisted' || f.result === 'absent')).toEqual([])
  })

  it('the same site with an entry that reads its "Page not found" is ok, and finds only the real account', async () => {
    const { rules } = parseWmnRules(
      JSON.stringify({
        sites: [{ name: 'Threads', uri_check: 'https://www.threads.net/@{account}', e_code: 200, e_string: 'followers', m_code: 200, m_string: 'Page not found', known: ['nordlysoutdoor'], cat: 'social' }],
      }),
      'inline.json',
    )
    const report = await runAudit(config({ threads: softUrl }), rules, { delayMs: 0, budget: 1000 })
    expect(report.controls![0]!.verdict).toBe('ok')
    expect(report.findings.filter((f) => f.result === 'exists-unlisted').map((f) => f.handle)).toEqual(['nordlysoutdoor'])
    expect(report.findings.filter((f) => f.result === 'absent').length).toBeGreaterThan(10)
  })

  it('strip_bad_char leaves the handle without those characters; a handle in the host name keeps the whole address', () => {
    const { rules } = parseWmnRules(
      JSON.stringify({
        sites: [
          { name: 'X', uri_check: 'https://x.example/{account}', strip_bad_char: '._', e_code: 200, e_string: 'ok', m_code: 404 },
          { name: 'TikTok', uri_check: 'https://{account}.tok.example/profile', e_code: 200, e_string: 'ok', m_code: 404 },
        ],
      }),
      'inline.json',
    )
    expect(probeUrl(rules.x!, 'nordlys_outdoor.no')).toBe('https://x.example/nordlysoutdoorno')
    expect(probeUrl(rules.x!, 'nordlys_outdoor.no', 'http://127.0.0.1:9/x')).toBe('http://127.0.0.1:9/x/nordlysoutdoorno')
    expect(probeUrl(rules.tiktok!, 'nordlys', 'http://127.0.0.1:9/tiktok')).toBe('https://nordlys.tok.example/profile')
  })

  it.each([
    ['Instagram', 'instagram'],
    ['Twitter', 'x'],
    ['X (Twitter)', 'x'],
    ['LinkedIn', 'linkedin'],
    ['Bluesky', 'bluesky'],
    ['GitHub', undefined],
  ])('the entry named %s is the rule of %s', (name, platform) => {
    expect(platformOfEntry(name)).toBe(platform)
  })

  it.each([
    ['e_code is text', { name: 'Instagram', uri_check: 'https://i.example/{account}', e_code: '200', e_string: 'x', m_code: 404 }, 'sites[0].e_code', /must be an HTTP status as a whole number/],
    ['no {account}', { name: 'Instagram', uri_check: 'https://i.example/user', e_code: 200, e_string: 'x', m_code: 404 }, 'sites[0].uri_check', /must contain \{account\}/],
    ['no e_string', { name: 'Instagram', uri_check: 'https://i.example/{account}', e_code: 200, m_code: 404 }, 'sites[0].e_string', /./],
  ])('a bad entry (%s) is a UserError naming the file, line and field', (_what, site, field, message) => {
    const text = JSON.stringify({ sites: [site] }, null, 2)
    let error: unknown
    try {
      parseWmnRules(text, 'bad.json')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).location).toMatchObject({ file: 'bad.json', field })
    expect((error as UserError).location.line).toBeGreaterThan(1)
    expect((error as UserError).message).toMatch(message)
  })

  it('showtell audit with a malformed WhatsMyName file in audit.rules: one line naming file, line and field, exit 2, nothing probed', async () => {
    const bad = `{
  "sites": [
    {
      "name": "Instagram",
      "uri_check": "https://www.instagram.com/{account}/",
      "e_code": "200",
      "e_string": "Instagram photos and videos",
      "m_code": 404
    }
  ]
}
`
    const dir = await makeWorkspace({ 'showtell.yaml': stringify({ ...demoConfigObject(site.url, []), audit: { delayMs: 0, rules: 'wmn.json' } }), 'wmn.json': bad })
    const result = await runCli(['audit', '--no-screenshots', '--workspace', dir])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('wmn.json:6 sites[0].e_code: must be an HTTP status as a whole number, e.g. 200')
    expect(result.stdout).toBe('')
  })

  it('showtell audit with the fixture in audit.rules says which entries it left and shows each control with its rule', async () => {
    const { readFile } = await import('node:fs/promises')
    const dir = await makeWorkspace({
      'showtell.yaml': stringify({ ...demoConfigObject(site.url, [], { endpoints: { instagram: `${site.url}/instagram`, threads: softUrl } }), audit: { delayMs: 0, rules: 'wmn.json' } }),
      'wmn.json': await readFile(FIXTURE, 'utf8'),
      // Only the two platforms the fixture replaces, so every probe goes to 127.0.0.1.
      'rules/audit.yaml': `instagram:
  base: https://www.instagram.com
  probe: "{base}/{handle}/"
  kind: page
  status: { present: [200], absent: [404] }
  present: ["@{handle}"]
threads:
  base: https://www.threads.net
  probe: "{base}/@{handle}"
  kind: page
  status: { present: [200], absent: [404] }
  present: ["@{handle}"]
`,
    })
    const result = await runCli(['audit', '--no-screenshots', '--workspace', dir])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('wmn.json: 3 entries not used (1 not a platform showtell audits; 1 needs a POST request (post_body); the audit only sends GETs; 1 marked "valid": false in the file)')
    expect(result.stderr).toMatch(/threads: rule BROKEN this run, cannot tell present from absent today: zq[a-z0-9]{10}, a handle that cannot exist, came back present/)
    expect(result.stdout).toMatch(/^instagram +ok +zq[a-z0-9]{10} absent +known nordlysoutdoor present *$/m)
    expect(result.stdout).toMatch(/^threads +BROKEN +zq[a-z0-9]{10} present +known nordlysoutdoor present +cannot tell present from absent today/m)
    expect(result.stdout).toContain('threads cannot tell present from absent today, so none of its answers count')
    // Every control and candidate was probed on 127.0.0.1.
    const report = JSON.parse(await readFile(`${dir}/history/audit.json`, 'utf8')) as { findings: { url?: string }[]; controls: { probes: { url?: string }[] }[] }
    const urls = [...report.findings.map((f) => f.url), ...report.controls.flatMap((c) => c.probes.map((p) => p.url))].filter((u): u is string => u !== undefined)
    expect(urls.length).toBeGreaterThan(40)
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  })
})
