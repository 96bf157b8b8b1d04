// Given the demo site standing in for every platform, its emulated official
// APIs included, when the example accounts are snapshotted in real Chromium
// with the demo's test credentials, then every account reads its numbers from
// its best source; with no credentials the same run falls back source by
// source and says why; and with credentials the platforms refuse, each
// refusal is `blocked` on that source, names the variable to renew, and the
// page's own numbers stand in. Expected values are the demo data, by hand.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig, type DemoAccount } from '../helpers/demo-workspace.js'

const manager = testBrowser()
let site: DemoSite

function accounts(url: string): DemoAccount[] {
  return [
    { id: 'linkedin', platform: 'linkedin', url: `${url}/linkedin/company/nordlys-outdoor` },
    { id: 'ceo-linkedin', platform: 'linkedin', url: `${url}/linkedin/in/ingrid-nordlys` },
    { id: 'instagram', platform: 'instagram', url: `${url}/instagram/nordlysoutdoor/` },
    { id: 'facebook', platform: 'facebook', url: `${url}/facebook/nordlysoutdoor` },
    { id: 'threads', platform: 'threads', url: `${url}/threads/@nordlysoutdoor` },
    { id: 'tiktok', platform: 'tiktok', url: `${url}/tiktok/@nordlysoutdoor` },
    { id: 'youtube', platform: 'youtube', url: `${url}/youtube/channel/UCnordlysoutdoor00000000` },
    { id: 'bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    { id: 'x', platform: 'x', handle: 'nordlysoutdoor' },
  ]
}

const DEMO_ENV = {
  SHOWTELL_X_BEARER_TOKEN: 'demo-x-token',
  SHOWTELL_YOUTUBE_API_KEY: DEMO_CREDENTIALS.youtube,
  SHOWTELL_FACEBOOK_TOKEN: DEMO_CREDENTIALS.facebook,
  SHOWTELL_INSTAGRAM_TOKEN: DEMO_CREDENTIALS.instagram,
  SHOWTELL_THREADS_TOKEN: DEMO_CREDENTIALS.threads,
  SHOWTELL_LINKEDIN_TOKEN: DEMO_CREDENTIALS.linkedin,
  SHOWTELL_TIKTOK_TOKEN: DEMO_CREDENTIALS.tiktok,
}

async function run(env: NodeJS.ProcessEnv): Promise<Map<string, SnapshotResult>> {
  const config = demoConfig(site.url, accounts(site.url), { timeout: 10, concurrency: 4 })
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-owner-apis-'))
  const results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env })
  return new Map(results.map((r) => [r.account, r]))
}

let best: Map<string, SnapshotResult>
let none: Map<string, SnapshotResult>
let refused: Map<string, SnapshotResult>

beforeAll(async () => {
  site = await startDemoSite()
  best = await run(DEMO_ENV)
  none = await run({})
  refused = await run(Object.fromEntries(Object.keys(DEMO_ENV).map((name) => [name, 'expired'])))
})

afterAll(async () => {
  await manager.close()
  await site?.close()
})

const used = (r: SnapshotResult | undefined) => r?.sources?.filter((s) => s.state === 'used').map((s) => s.id)

describe('with the demo site\'s test credentials: every account from its best source', () => {
  it.each([
    ['linkedin', 'linkedin-organization-api', 12_345],
    ['instagram', 'instagram-graph-api', 88_700],
    ['facebook', 'facebook-graph-api', 44_150],
    ['threads', 'threads-api', 12_300],
    ['tiktok', 'tiktok-display-api', 15_400],
    ['youtube', 'youtube-data-api', 24_100],
    ['bluesky', 'bluesky-api', 2_301],
    ['x', 'x-api-v2', 5_120],
  ])('%s: followers from %s', (id, source, followers) => {
    const r = best.get(id)!
    expect(r.status, r.reason).toBe('ok')
    expect(r.metrics.followers?.value).toBe(followers)
    expect(r.metrics.followers?.via).toBe(source)
    expect(r.metrics.followers?.source).toBe('api')
    expect(used(r)?.[0]).toBe(source)
  })

  it('Facebook\'s likes are their own number beside its followers', () => {
    expect(best.get('facebook')!.metrics.likes).toMatchObject({ value: 42_217, via: 'facebook-graph-api' })
  })

  it('YouTube\'s rounded subscriber count is marked approximate, with the videos and views from the API', () => {
    const r = best.get('youtube')!
    expect(r.metrics.followers?.approximate).toBe(true)
    expect(r.metrics.posts).toMatchObject({ value: 6, via: 'youtube-data-api' })
    expect(r.metrics.views).toMatchObject({ value: 45_806, via: 'youtube-data-api' })
  })

  it('a person\'s LinkedIn profile: the organization API does not apply, and the page gives the numbers', () => {
    const r = best.get('ceo-linkedin')!
    expect(r.status).toBe('ok')
    expect(r.metrics.followers).toMatchObject({ value: 3_210, via: 'page' })
    expect(r.sources?.[0]).toMatchObject({ id: 'linkedin-organization-api', state: 'skipped', reason: "LinkedIn's API gives follower counts for organizations only" })
  })

  it('the screenshot still comes from the page', () => {
    expect(best.get('instagram')!.screenshot).toBe('instagram.png')
    expect(best.get('instagram')!.sources?.at(-1)).toEqual({ id: 'page', name: 'the page', state: 'answered' })
  })
})

describe('with no credentials: the same run falls back source by source, and says why', () => {
  it.each([
    ['linkedin', 'linkedin-organization-api', 'SHOWTELL_LINKEDIN_TOKEN'],
    ['instagram', 'instagram-graph-api', 'SHOWTELL_INSTAGRAM_TOKEN'],
    ['facebook', 'facebook-graph-api', 'SHOWTELL_FACEBOOK_TOKEN'],
    ['threads', 'threads-api', 'SHOWTELL_THREADS_TOKEN'],
    ['tiktok', 'tiktok-display-api', 'SHOWTELL_TIKTOK_TOKEN'],
    ['youtube', 'youtube-data-api', 'SHOWTELL_YOUTUBE_API_KEY'],
  ])('%s: %s skipped for want of %s, the page used', (id, source, variable) => {
    const r = none.get(id)!
    expect(r.status, r.reason).toBe('ok')
    expect(r.sources).toEqual([
      { id: source, name: expect.any(String), state: 'skipped', reason: `no credential: set ${variable}`, credential: variable },
      { id: 'page', name: 'the page', state: 'used' },
    ])
    expect(r.metrics.followers?.via).toBe('page')
  })

  it('the page numbers are the same accounts\' numbers', () => {
    expect(none.get('linkedin')!.metrics.followers?.value).toBe(12_345)
    expect(none.get('tiktok')!.metrics.followers?.value).toBe(15_400)
  })

  it('X without a token and behind its login wall: blocked, with the token to set in the trail', () => {
    const r = none.get('x')!
    expect(r.status).toBe('blocked')
    expect(r.metrics).toEqual({})
    expect(r.sources?.[0]).toMatchObject({ id: 'x-api-v2', state: 'skipped', credential: 'SHOWTELL_X_BEARER_TOKEN' })
  })

  it('Bluesky needs no credential: the same source as with them', () => {
    expect(used(none.get('bluesky'))).toEqual(['bluesky-api'])
  })
})

describe('credentials the platforms refuse: blocked on that source, naming the variable, and the page stands in', () => {
  it.each([
    ['linkedin', 'SHOWTELL_LINKEDIN_TOKEN'],
    ['instagram', 'SHOWTELL_INSTAGRAM_TOKEN'],
    ['facebook', 'SHOWTELL_FACEBOOK_TOKEN'],
    ['threads', 'SHOWTELL_THREADS_TOKEN'],
    ['tiktok', 'SHOWTELL_TIKTOK_TOKEN'],
    ['youtube', 'SHOWTELL_YOUTUBE_API_KEY'],
  ])('%s: refused %s', (id, variable) => {
    const r = refused.get(id)!
    const api = r.sources?.[0]
    expect(api?.state).toBe('blocked')
    expect(api?.reason).toContain(variable)
    expect(r.status).toBe('ok')
    expect(r.reason).toContain(variable)
    expect(r.reason).toMatch(/numbers from the page$/)
    expect(r.metrics.followers?.via).toBe('page')
    // The value sent is never repeated anywhere in the result.
    expect(JSON.stringify(r)).not.toMatch(/"expired"|=expired|Bearer expired/)
  })

  it('X refuses the token: blocked, naming the variable', () => {
    const r = refused.get('x')!
    expect(r.status).toBe('blocked')
    expect(r.reason).toContain('SHOWTELL_X_BEARER_TOKEN')
    expect(r.metrics).toEqual({})
  })
})
