// Evidence collected in a real run against the demo site on 127.0.0.1, with
// real Chromium decoding the pictures: the forgotten Facebook profile shows
// our own Facebook picture (avatar 100% alike), the Bluesky impostor's
// creation date comes from getProfile's `createdAt`, its bio asks for card
// details, and its missing picture is "not known", never a guess; without a browser the pictures are "not known"
// and the rest is still read. Every request goes to the demo site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectEvidence, ownProfileUrl, profileExtras } from '../../src/audit/evidence-run.js'
import { loadRules, type AuditRules } from '../../src/audit/rules.js'
import { runAudit } from '../../src/audit/run.js'
import type { AuditReport } from '../../src/audit/types.js'
import { FACEBOOK } from '../../src/demo-site/platforms.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'
import { testBrowser } from '../helpers/browser.js'

let site: DemoSite
let rules: AuditRules
let config: WorkspaceConfig
let report: AuditReport
const browser = testBrowser()

beforeAll(async () => {
  site = await startDemoSite()
  const all = await loadRules()
  rules = { bluesky: all.bluesky!, facebook: all.facebook!, instagram: all.instagram! }
  const u = site.url
  config = workspaceConfigSchema.parse({
    company: { name: 'Nordlys Outdoor', aliases: ['Nordlys'] },
    accounts: [
      { id: 'fb', platform: 'facebook', url: `${u}/facebook/${FACEBOOK.slug}` },
      { id: 'ig', platform: 'instagram', url: `${u}/instagram/nordlysoutdoor/` },
      { id: 'bs', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    ],
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: { timeout: 5, allowPrivateNetwork: true, endpoints: { bluesky: `${u}/bsky`, facebook: `${u}/facebook`, instagram: `${u}/instagram`, 'x-web': `${u}/x-web` } },
  })
  report = await runAudit(config, rules, { delayMs: 0, budget: 1000 })
}, 60_000)

afterAll(async () => {
  await browser.close()
  await site.close()
})

describe('evidence from the demo site', () => {
  it('asks only the demo site', () => {
    for (const account of config.accounts) expect(ownProfileUrl(config, rules[account.platform]!, account)!.startsWith(`${site.url}/`), account.id).toBe(true)
    const finds = report.findings.filter((f) => f.result === 'exists-unlisted')
    // trailgear-deals is the impostor only the name search finds (name-search.ts).
    expect(finds.map((f) => `${f.platform}:${f.handle}`).sort()).toEqual(['bluesky:nordlysoutdoor.bsky.social', 'bluesky:trailgear-deals.bsky.social', 'facebook:nordlys', 'instagram:nordlys.official', 'instagram:nordlys_news'])
    for (const find of finds) expect(find.url!.startsWith(`${site.url}/`), find.handle).toBe(true)
  })

  it('scores each find with its reasons, pictures decoded in Chromium', async () => {
    const withEvidence = await collectEvidence(config, rules, report, { browser, now: '2026-12-04T09:00:00.000Z' })
    const evidence = (handle: string) => withEvidence.findings.find((f) => f.result === 'exists-unlisted' && f.handle === handle)!.evidence!
    const said = (handle: string) => evidence(handle).reasons.map((r) => `${r.weight} ${r.says}`)

    // The forgotten Facebook profile shows our Facebook page's picture.
    expect(said('nordlys')).toEqual(['40 Uses our logo (avatar 100% alike)', '25 Uses our name ("Nordlys Outdoor")', '10 1,012 followers', '0 Its bio claims nothing', '0 Age not known'])
    expect(evidence('nordlys')).toMatchObject({ score: 75, level: 'high' })

    // Bluesky's getProfile gives createdAt (2026-09-30T11:02Z: 64 whole days before the 4th of December) and no avatar for the impostor.
    expect(said('nordlysoutdoor.bsky.social')).toEqual([
      '20 Asks for payment or login details ("order number")',
      '15 Its name carries ours ("Nordlys Outdoor Support")',
      '15 Created 64 days ago',
      '0 Avatar not known (its profile shows no picture)',
      '0 312 followers',
    ])
    expect(evidence('nordlysoutdoor.bsky.social')).toMatchObject({ score: 50, level: 'medium' })

    // The fan page says so in its bio; its picture is the demo's template in another colour than any of ours.
    const fan = evidence('nordlys.official')
    expect(fan.reasons.find((r) => r.kind === 'bio')).toMatchObject({ code: 'bioFan', weight: -20 })
    expect(fan.reasons.find((r) => r.kind === 'avatar')!.code).not.toBe('avatarSame')
    // The impostor only the name search found: our Bluesky logo and our exact name under an unrelated handle,
    // a bio that claims to be official, created 2026-11-10T21:40Z (23 whole days before the 4th of December),
    // 58 followers. Its profile is read again through the rule's getProfile, not the search's URL.
    expect(said('trailgear-deals.bsky.social')).toEqual([
      '40 Uses our logo (avatar 100% alike)',
      '25 Uses our name ("Nordlys Outdoor")',
      '20 Calls itself official ("Official")',
      '15 Created 23 days ago',
      '0 58 followers',
    ])
    expect(evidence('trailgear-deals.bsky.social')).toMatchObject({ score: 100, level: 'high' })
    // Listed and absent handles get no evidence.
    expect(withEvidence.findings.filter((f) => f.result !== 'exists-unlisted' && f.evidence)).toEqual([])
  }, 60_000)

  it('without a browser, the pictures are "not known" and the rest is read', async () => {
    const withEvidence = await collectEvidence(config, rules, report, { now: '2026-12-04T09:00:00.000Z' })
    const facebook = withEvidence.findings.find((f) => f.platform === 'facebook' && f.handle === 'nordlys')!.evidence!
    expect(facebook.reasons.find((r) => r.kind === 'avatar')!.says).toBe('Avatar not known (pictures are not compared with --no-screenshots)')
    expect(facebook).toMatchObject({ score: 35, level: 'medium' })
  })
})

describe('what a profile answer says', () => {
  it('reads Bluesky and Mastodon answers and a page’s og:image, absolute, http(s) only', () => {
    expect(profileExtras('api', '{"avatar":"https://cdn.example/a.jpg","createdAt":"2023-04-24T18:00:00.000Z"}', 'https://api.example/x')).toEqual({ avatarUrl: 'https://cdn.example/a.jpg', createdAt: '2023-04-24T18:00:00.000Z' })
    expect(profileExtras('api', '{"avatar":"/a.gif","avatar_static":"/a.png","created_at":"2022-11-09T00:00:00.000Z"}', 'https://m.example/api/v1/accounts/lookup')).toEqual({ avatarUrl: 'https://m.example/a.png', createdAt: '2022-11-09T00:00:00.000Z' })
    expect(profileExtras('api', '{"avatar":"javascript:alert(1)","createdAt":"soon"}', 'https://api.example/x')).toEqual({})
    expect(profileExtras('api', 'not json', 'https://api.example/x')).toEqual({})
    expect(profileExtras('api', '{"followersCount":58}', 'https://api.example/x')).toEqual({ followers: 58 })
    expect(profileExtras('api', '{"followers_count":1200,"followersCount":"lots"}', 'https://api.example/x')).toEqual({})
    expect(profileExtras('page', '<meta property="og:image" content="/img/a.svg?x=1&amp;y=2">', 'http://127.0.0.1:9/p/')).toEqual({ avatarUrl: 'http://127.0.0.1:9/img/a.svg?x=1&y=2' })
  })
})
