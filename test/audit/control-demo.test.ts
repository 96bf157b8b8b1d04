// The control in a real run against the demo site on 127.0.0.1: the
// redesigned Threads that answers "present" to every handle is marked broken
// and reports nothing (no find, no absent) while the other platforms still
// find the planted accounts; an own account that comes back absent breaks
// its platform's rule; a control behind a wall leaves the platform
// unverified, not broken; a platform with no own account is unverified; the
// controls are probed even when the budget is smaller than they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRules, type AuditRules } from '../../src/audit/rules.js'
import { runAudit } from '../../src/audit/run.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

let site: DemoSite
let rules: AuditRules

beforeAll(async () => {
  site = await startDemoSite()
  rules = await loadRules()
})

afterAll(async () => {
  await site.close()
})

/** A workspace on the demo site: Nordlys with the given accounts, auditing only `platforms`. */
function config(accounts: unknown[], endpoints: Record<string, string> = {}) {
  const u = site.url
  return workspaceConfigSchema.parse({
    company: { name: 'Nordlys Outdoor', aliases: ['Nordlys'] },
    accounts,
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: {
      timeout: 5,
      allowPrivateNetwork: true,
      endpoints: { bluesky: `${u}/bsky`, mastodon: `${u}/mastodon`, 'x-web': `${u}/x-web`, instagram: `${u}/instagram`, threads: `${u}/threads`, ...endpoints },
    },
  })
}

const only = (...platforms: (keyof AuditRules)[]): AuditRules => Object.fromEntries(platforms.map((p) => [p, rules[p]!]))

describe('the control in every run', () => {
  it('a platform that says "present" to every handle is broken and reports nothing; the others still find the planted accounts', async () => {
    const u = site.url
    const accounts = [
      { id: 'ig', platform: 'instagram', url: `${u}/instagram/nordlysoutdoor/` },
      { id: 'th', platform: 'threads', url: `${u}/threads/@nordlysoutdoor` },
      { id: 'bs', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    ]
    const report = await runAudit(config(accounts, { threads: `${u}/threads-redesign` }), only('instagram', 'threads', 'bluesky'), { delayMs: 0, budget: 1000 })
    const control = (platform: string) => report.controls!.find((c) => c.platform === platform)!
    expect(control('threads')).toMatchObject({ verdict: 'broken', rule: 'rules/audit.yaml' })
    expect(control('threads').why).toMatch(/^cannot tell present from absent today: zq[a-z0-9]{10}, a handle that cannot exist, came back present$/)
    // What was probed and what it answered stays in the report.
    expect(control('threads').probes.map((p) => [p.kind, p.answer])).toEqual([
      ['random', 'present'],
      ['own', 'present'],
    ])
    expect(control('threads').probes[0]!.url).toMatch(new RegExp(`^${u}/threads-redesign/@zq[a-z0-9]{10}$`))
    // Nothing from Threads is a find or an absence.
    const threads = report.findings.filter((f) => f.platform === 'threads')
    expect(threads.filter((f) => f.result === 'exists-unlisted' || f.result === 'absent')).toEqual([])
    expect(threads.filter((f) => f.result === 'unknown').length).toBeGreaterThan(10)
    // The other two work: their controls pass and the planted impostors are found.
    expect(control('instagram').verdict).toBe('ok')
    expect(control('bluesky').verdict).toBe('ok')
    const found = report.findings.filter((f) => f.result === 'exists-unlisted').map((f) => `${f.platform}:${f.handle}`).sort()
    // The fan page is found too: this workspace does not list it; and the impostor only a name search finds.
    expect(found).toEqual(['bluesky:nordlysoutdoor.bsky.social', 'bluesky:trailgear-deals.bsky.social', 'instagram:nordlys.official', 'instagram:nordlys_news'])
    expect(report.findings.find((f) => f.platform === 'instagram' && f.handle === 'nordlys.hq')?.result).toBe('absent')
  })

  it('our own account coming back absent breaks the rule: its finds are not reported', async () => {
    const u = site.url
    // The workspace lists an Instagram account the site does not have (renamed, say): the rule says absent to a real account.
    const report = await runAudit(config([{ id: 'ig', platform: 'instagram', url: `${u}/instagram/nordlys-renamed/` }]), only('instagram'), { delayMs: 0, budget: 1000 })
    const control = report.controls![0]!
    expect(control.verdict).toBe('broken')
    expect(control.why).toBe('cannot tell present from absent today: our own account nordlys-renamed came back absent')
    expect(control.probes.map((p) => [p.kind, p.handle.startsWith('zq') ? 'made-up' : p.handle, p.answer])).toEqual([
      ['random', 'made-up', 'absent'],
      ['own', 'nordlys-renamed', 'absent'],
    ])
    // The impostor the site does have is not reported as found: nothing this rule said counts.
    expect(report.findings.filter((f) => f.result === 'exists-unlisted' || f.result === 'absent')).toEqual([])
  })

  it('a control behind a login wall leaves the platform unverified, not broken, and its candidates are still probed', async () => {
    const u = site.url
    // X's pages are walled on the demo site: both controls come back unknown.
    const report = await runAudit(config([{ id: 'x', platform: 'x', handle: 'nordlysoutdoor' }]), only('x'), { delayMs: 0, budget: 1000 })
    const control = report.controls![0]!
    expect(control.verdict).toBe('unverified')
    expect(control.probes.map((p) => p.answer)).toEqual(['unknown', 'unknown'])
    expect(control.why).toMatch(/^the control zq[a-z0-9]{10} could not be read \(login wall/)
    expect(report.findings.filter((f) => f.result === 'unknown' && /login/.test(f.reason ?? '')).length).toBeGreaterThan(10)
    expect(u).toMatch(/^http:\/\/127\.0\.0\.1:/)
  })

  it('with no own account on a platform, the made-up handle still runs and the platform is unverified', async () => {
    const report = await runAudit(config([]), only('instagram'), { delayMs: 0, budget: 1000 })
    const control = report.controls![0]!
    expect(control).toMatchObject({ verdict: 'unverified', why: 'no own account to check against' })
    expect(control.probes.map((p) => [p.kind, p.answer])).toEqual([['random', 'absent']])
    // Unverified is reported, not hidden: the account it finds is there.
    expect(report.findings.find((f) => f.handle === 'nordlysoutdoor')?.result).toBe('exists-unlisted')
  })

  it('the controls go first and are never skipped by the budget, though they count against it', async () => {
    const u = site.url
    const accounts = [
      { id: 'ig', platform: 'instagram', url: `${u}/instagram/nordlysoutdoor/` },
      { id: 'bs', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    ]
    const report = await runAudit(config(accounts), only('instagram', 'bluesky'), { delayMs: 0, budget: 2 })
    expect(report.controls!.flatMap((c) => c.probes.map((p) => p.answer))).toEqual(['absent', 'present', 'absent', 'present'])
    expect(report.checked).toBe(4)
    // The budget went to the controls: no candidate handle was asked about.
    expect(report.handlesChecked).toBe(0)
    expect(report.findings.filter((f) => f.result !== 'official').every((f) => f.result === 'unknown' && /budget of 2 was spent/.test(f.reason ?? ''))).toBe(true)
  })
})
