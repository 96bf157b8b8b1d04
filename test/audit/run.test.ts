// The audit against the demo site: an account in the company's name that is
// not in showtell.yaml is found with its numbers, a listed one is reported as
// listed (never as new), a login wall is unknown with its reason (never
// absent), and the request budget is respected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRules } from '../../src/audit/rules.js'
import { runAudit } from '../../src/audit/run.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await site.close()
})

function config(accounts: unknown[]) {
  const u = site.url
  return workspaceConfigSchema.parse({
    company: { name: 'Nordlys Outdoor', aliases: ['Nordlys'] },
    accounts,
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: {
      timeout: 5,
      allowPrivateNetwork: true,
      endpoints: { bluesky: `${u}/bsky`, mastodon: `${u}/mastodon`, 'x-web': `${u}/x-web`, instagram: `${u}/instagram`, linkedin: `${u}/linkedin`, facebook: `${u}/facebook`, threads: `${u}/threads`, tiktok: `${u}/tiktok`, youtube: `${u}/youtube` },
    },
  })
}

describe('runAudit', () => {
  it('finds unlisted accounts, reports listed ones as listed, and walls as unknown', async () => {
    const rules = await loadRules()
    const report = await runAudit(config([{ id: 'nordlys-linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/nordlys-outdoor` }]), rules, { delayMs: 0, budget: 1000 })
    const result = (platform: string, handle: string) => report.findings.find((f) => f.platform === platform && f.handle === handle)
    expect(result('instagram', 'nordlysoutdoor')).toMatchObject({ result: 'exists-unlisted', followers: 88_700 })
    expect(result('bluesky', 'nordlys.bsky.social')).toMatchObject({ result: 'exists-unlisted', followers: 2301, displayName: 'Nordlys Outdoor' })
    expect(result('mastodon', 'nordlys@mastodon.social')).toMatchObject({ result: 'exists-unlisted', followers: 876 })
    expect(result('linkedin', 'nordlys-outdoor')).toMatchObject({ result: 'official', account: 'nordlys-linkedin' })
    expect(result('instagram', 'nordlys.outdoor')).toMatchObject({ result: 'absent' })
    const x = result('x', 'nordlysoutdoor')!
    expect(x.result).toBe('unknown')
    expect(x.reason).toMatch(/login/)
    // Nothing behind a wall is ever "absent".
    expect(report.findings.filter((f) => f.platform === 'x' && f.result === 'absent')).toEqual([])
    // Every candidate but the listed one, and the controls first: a made-up handle on each
    // of the 9 platforms and our own LinkedIn page, the only account listed; then a Bluesky
    // name search for each of the two names (no Mastodon account of ours: no server to search).
    expect(report.controls!.flatMap((c) => c.probes)).toHaveLength(10)
    expect(report.searches!.map((s) => s.platform)).toEqual(['bluesky', 'bluesky'])
    expect(report.checked).toBe(report.candidates - 1 + 10 + 2)
    // The deck's "we checked N possible handles" counts the candidates asked about: not the controls, not the searches.
    expect(report.handlesChecked).toBe(report.candidates - 1)
  })

  it('keeps to the request budget, and still checks every platform’s likeliest handle', async () => {
    const rules = await loadRules()
    // 9 control probes (a made-up handle per platform; no account is listed), 2 name searches and 12 candidates.
    const report = await runAudit(config([]), rules, { delayMs: 0, budget: 23 })
    expect(report.checked).toBe(23)
    expect(report.controls!.flatMap((c) => c.probes)).toHaveLength(9)
    expect(report.searches!.map((s) => s.outcome)).toEqual(['ok', 'ok'])
    const checked = report.findings.filter((f) => f.foundBy !== 'name-search' && !(f.reason ?? '').startsWith('not checked'))
    expect(checked).toHaveLength(12)
    expect(new Set(checked.map((f) => f.platform)).size).toBe(Object.keys(rules).length)
    expect(report.findings.find((f) => f.platform === 'tiktok' && f.handle === 'nordlysoutdoor')!.result).toBe('exists-unlisted')
  })
})

describe('the example workspace', () => {
  it('finds exactly the planted accounts, reports the WAF and login-wall platforms as unknown, and never reports a listed account as new', async () => {
    const { readFile } = await import('node:fs/promises')
    const { parse } = await import('yaml')
    const { REPO_ROOT } = await import('../helpers/cli.js')
    const text = (await readFile(`${REPO_ROOT}/showtell.yaml`, 'utf8')).replaceAll('http://127.0.0.1:4321', site.url)
    const example = workspaceConfigSchema.parse(parse(text))
    const report = await runAudit(example, await loadRules(), { delayMs: 0 })
    // The example's own budget covers every candidate, and the controls: a made-up handle
    // and our own account on each of the 9 platforms. Threads is audited at the demo's
    // redesigned Threads, which says "present" to every handle: its rule is broken for
    // the run, so its candidates are not probed.
    const controlProbes = report.controls!.flatMap((c) => c.probes)
    expect(controlProbes).toHaveLength(18)
    expect(report.controls!.filter((c) => c.verdict === 'broken').map((c) => c.platform)).toEqual(['threads'])
    const threads = report.findings.filter((f) => f.platform === 'threads' && f.result !== 'official')
    expect(threads.length).toBeGreaterThan(10)
    for (const finding of threads) expect(finding).toMatchObject({ result: 'unknown', reason: 'rule broken this run: cannot tell present from absent today' })
    // Then a name search for each of the three names on Bluesky and on our Mastodon server.
    expect(report.searches!.map((s) => `${s.platform}:${s.query}:${s.outcome}`)).toHaveLength(6)
    expect(report.searches!.every((s) => s.outcome === 'ok')).toBe(true)
    expect(report.checked).toBe(report.findings.filter((f) => f.result !== 'official' && f.platform !== 'threads' && f.foundBy !== 'name-search').length + 18 + 6)
    const unlisted = report.findings.filter((f) => f.result === 'exists-unlisted').map((f) => `${f.platform}:${f.handle}`).sort()
    // The two impostors, the forgotten Facebook profile, and the impostor only name search finds, planted on the demo site.
    expect(unlisted).toEqual(['bluesky:nordlysoutdoor.bsky.social', 'bluesky:trailgear-deals.bsky.social', 'facebook:nordlys', 'instagram:nordlys.official'])
    const listedIds = new Set(example.accounts.map((a) => a.id))
    for (const finding of report.findings.filter((f) => f.result === 'official')) expect(listedIds.has(finding.account!)).toBe(true)
    expect(report.findings.find((f) => f.platform === 'instagram' && f.handle === 'nordlysoutdoor')!.result).toBe('official')
    // The fan page the workspace lists as unofficial is known, not new.
    expect(report.findings.find((f) => f.platform === 'instagram' && f.handle === 'nordlys_news')).toMatchObject({ result: 'official', account: 'nordlys-news-instagram', reason: 'listed as unofficial' })
    // X is behind a login wall and TikTok behind a WAF: every handle there is unknown, with the reason, never absent.
    for (const [platform, reason] of [['x', /login/], ['tiktok', /bot challenge \(Cloudflare\)/]] as const) {
      const probed = report.findings.filter((f) => f.platform === platform && f.result !== 'official')
      expect(probed.length, platform).toBeGreaterThan(10)
      for (const finding of probed) {
        expect(finding.result, `${platform} ${finding.handle}`).toBe('unknown')
        expect(finding.reason, `${platform} ${finding.handle}`).toMatch(reason)
      }
    }
    // Every other platform answered: nothing there is unknown.
    expect(report.findings.filter((f) => f.result === 'unknown' && !['x', 'tiktok', 'threads'].includes(f.platform))).toEqual([])
  })
})
