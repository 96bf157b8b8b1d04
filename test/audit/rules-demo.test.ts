// Every rule in rules/audit.yaml against the demo site, table-driven: for each
// platform, a handle that exists is found (with its name and followers where
// the platform shows them), a handle nobody has is absent, and the same two
// handles behind a login wall or a bot challenge are unknown with the reason,
// never absent and never found. The expected names and numbers are the demo
// site's data, written out by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadRules, type AuditRules } from '../../src/audit/rules.js'
import { checkCandidate, displayNameFromTitle } from '../../src/audit/run.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { WALLED_PLATFORMS, type WalledPlatform } from '../../src/demo-site/walls.js'
import type { Platform } from '../../src/topics/schema.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'

let site: DemoSite
let rules: AuditRules
let config: WorkspaceConfig

beforeAll(async () => {
  site = await startDemoSite()
  rules = await loadRules()
  const u = site.url
  config = workspaceConfigSchema.parse({
    company: { name: 'Nordlys Outdoor' },
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: {
      timeout: 5,
      allowPrivateNetwork: true,
      endpoints: { bluesky: `${u}/bsky`, mastodon: `${u}/mastodon`, 'x-web': `${u}/x-web`, instagram: `${u}/instagram`, linkedin: `${u}/linkedin`, facebook: `${u}/facebook`, threads: `${u}/threads`, tiktok: `${u}/tiktok`, youtube: `${u}/youtube` },
    },
  })
})

afterAll(async () => {
  await site.close()
})

// Each case starts with every platform open; a case puts up the wall it tests.
beforeEach(() => {
  for (const platform of WALLED_PLATFORMS) site.state.walls[platform] = 'none'
})

interface RuleCase {
  readonly platform: Platform & WalledPlatform
  /** A handle the demo site has, and what the audit should read from it. */
  readonly present: string
  readonly displayName: string
  readonly followers?: number
  /** A handle the demo site does not have. */
  readonly absent: string
  /** What the login wall looks like to this rule. */
  readonly loginReason: RegExp
}

const CASES: readonly RuleCase[] = [
  { platform: 'bluesky', present: 'nordlys.bsky.social', displayName: 'Nordlys Outdoor', followers: 2_301, absent: 'nordlys-hq.bsky.social', loginReason: /login required \(401\)/ },
  { platform: 'mastodon', present: 'nordlys@mastodon.social', displayName: 'Nordlys Outdoor', followers: 876, absent: 'nordlyshq@mastodon.social', loginReason: /login required \(401\)/ },
  { platform: 'instagram', present: 'nordlysoutdoor', displayName: 'Nordlys Outdoor', followers: 88_700, absent: 'nordlys.hq', loginReason: /login wall/ },
  { platform: 'threads', present: 'nordlysoutdoor', displayName: 'Nordlys Outdoor', followers: 12_300, absent: 'nordlys.hq', loginReason: /login wall/ },
  // Its description gives likes only ("42,217 likes · 969 talking about this"): likes are not followers.
  { platform: 'facebook', present: 'nordlysoutdoor', displayName: 'Nordlys Outdoor', absent: 'nordlys.hq', loginReason: /login wall/ },
  { platform: 'linkedin', present: 'nordlys-outdoor', displayName: 'Nordlys Outdoor', followers: 12_345, absent: 'nordlys-hq', loginReason: /login wall/ },
  { platform: 'tiktok', present: 'nordlysoutdoor', displayName: 'Nordlys Outdoor', followers: 15_400, absent: 'nordlys.hq', loginReason: /login wall/ },
  // YouTube shows its subscribers in the page, not in its meta tags.
  { platform: 'youtube', present: 'nordlysoutdoor', displayName: 'Nordlys Outdoor', absent: 'nordlys-hq', loginReason: /login wall/ },
  { platform: 'x', present: 'nordlysoutdoor', displayName: 'Nordlys Outdoor', followers: 5_120, absent: 'nordlys_hq', loginReason: /login wall/ },
]

const check = (platform: Platform, handle: string) => checkCandidate(config, rules[platform]!, { platform, handle })

describe('every rule in rules/audit.yaml, against the demo site', () => {
  it('has a case for every platform the rules cover', () => {
    expect(CASES.map((c) => c.platform).sort()).toEqual(Object.keys(rules).sort())
  })

  describe.each(CASES)('$platform', (c) => {
    it(`finds ${c.present}, with its name and followers`, async () => {
      const finding = await check(c.platform, c.present)
      expect(finding).toMatchObject({ result: 'exists-unlisted', displayName: c.displayName })
      expect(finding.followers).toBe(c.followers)
    })

    it(`says ${c.absent} is absent`, async () => {
      const finding = await check(c.platform, c.absent)
      expect(finding.result).toBe('absent')
    })

    it('behind a login wall, both handles are unknown, with the reason', async () => {
      site.state.walls[c.platform] = 'login'
      for (const handle of [c.present, c.absent]) {
        const finding = await check(c.platform, handle)
        expect(finding.result, handle).toBe('unknown')
        expect(finding.reason, handle).toMatch(c.loginReason)
      }
    })

    it('behind a Cloudflare challenge, both handles are unknown, with the reason', async () => {
      site.state.walls[c.platform] = 'challenge'
      for (const handle of [c.present, c.absent]) {
        const finding = await check(c.platform, handle)
        expect(finding.result, handle).toBe('unknown')
        expect(finding.reason, handle).toBe('bot challenge (Cloudflare)')
      }
    })

    it('a WAF that challenges only missing pages still lets the rule find the handle, and never turns the miss into absent', async () => {
      site.state.walls[c.platform] = 'challenge-on-miss'
      expect((await check(c.platform, c.present)).result).toBe('exists-unlisted')
      const miss = await check(c.platform, c.absent)
      expect(miss.result).toBe('unknown')
      expect(miss.reason).toBe('bot challenge (Cloudflare)')
    })
  })

  it('the demo site walls X with a login page and challenges TikTok probes unless told otherwise', async () => {
    const fresh = await startDemoSite()
    try {
      expect(fresh.state.walls.x).toBe('login')
      expect(fresh.state.walls.tiktok).toBe('challenge-on-miss')
      const challenged = await fetch(`${fresh.url}/tiktok/@nordlys.hq`)
      expect(challenged.status).toBe(403)
      expect(challenged.headers.get('cf-mitigated')).toBe('challenge')
      expect(await challenged.text()).toContain('<title>Just a moment...</title>')
      // The company's own TikTok page, which the example workspace snapshots, still answers.
      expect((await fetch(`${fresh.url}/tiktok/@nordlysoutdoor`)).status).toBe(200)
    } finally {
      await fresh.close()
    }
  })
})

describe('displayNameFromTitle', () => {
  it.each([
    ['Nordlys Official Fans (@nordlys.official) • Instagram photos and videos', 'Nordlys Official Fans'],
    ['Nordlys Outdoor | Tromsø | Facebook', 'Nordlys Outdoor'],
    ['Nordlys Outdoor - YouTube', 'Nordlys Outdoor'],
    ['Nordlys Outdoor (@nordlysoutdoor) / X', 'Nordlys Outdoor'],
    // No platform named: the title is the name, separators and all.
    ['Fjord - Fjell & Co', 'Fjord - Fjell & Co'],
  ])('%s → %s', (title, name) => {
    expect(displayNameFromTitle(title)).toBe(name)
  })
})
