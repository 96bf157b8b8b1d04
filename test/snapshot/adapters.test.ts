// Given the demo site on 127.0.0.1 standing in for every platform, when the
// snapshot run captures each company account in real Chromium, then every
// adapter reads its numbers from its best public source, marks rounded counts
// as approximate, and leaves a real 1280×800 PNG screenshot of each page.
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig, readPngSize, type DemoAccount } from '../helpers/demo-workspace.js'

const manager = testBrowser()
let site: DemoSite
let outDir: string
let byId: Map<string, SnapshotResult>
let runMs: number
let runStarted: number
let runFinished: number

const YOUTUBE_CHANNEL = 'UCnordlysoutdoor00000000'

function accounts(url: string): DemoAccount[] {
  return [
    { id: 'linkedin', platform: 'linkedin', url: `${url}/linkedin/company/nordlys-outdoor` },
    { id: 'ceo-linkedin', platform: 'linkedin', url: `${url}/linkedin/in/ingrid-nordlys` },
    { id: 'instagram', platform: 'instagram', url: `${url}/instagram/nordlysoutdoor/` },
    { id: 'facebook', platform: 'facebook', url: `${url}/facebook/nordlysoutdoor` },
    { id: 'threads', platform: 'threads', url: `${url}/threads/@nordlysoutdoor` },
    { id: 'tiktok', platform: 'tiktok', url: `${url}/tiktok/@nordlysoutdoor` },
    { id: 'youtube', platform: 'youtube', url: `${url}/youtube/channel/${YOUTUBE_CHANNEL}` },
    { id: 'blog', platform: 'blog', url: `${url}/blog/` },
    // These two are built from the handle and `snapshot.endpoints`.
    { id: 'bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    { id: 'mastodon', platform: 'mastodon', handle: 'nordlys@mastodon.social' },
    { id: 'x', platform: 'x', handle: 'nordlysoutdoor' },
  ]
}

/** Accounts whose page is real content, so an `ok` result must carry its screenshot. */
const PAGE_ACCOUNTS = ['linkedin', 'ceo-linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'youtube', 'blog', 'bluesky', 'mastodon']

const result = (id: string): SnapshotResult => {
  const found = byId.get(id)
  if (!found) throw new Error(`no result for ${id}`)
  return found
}

/**
 * The demo site's clock for its feeds: each feed entry keeps its distance to the demo's
 * "today" (2026-11-20 12:00 UTC), counted back from this moment, so the 30-day counts below
 * are the same on any day the suite runs. Noon of the day the suite runs, not the moment:
 * the site moves dates by whole days (rounded), so late in the UTC day the real moment put
 * every entry up to half a day older than the ages below allow (a run at 23:02 UTC failed).
 */
const siteNow = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`)
const DAY = 86_400_000

beforeAll(async () => {
  site = await startDemoSite({ feedClock: () => siteNow })
  outDir = await mkdtemp(join(tmpdir(), 'showtell-adapters-'))
  const config = demoConfig(site.url, accounts(site.url), { timeout: 8, concurrency: 4 })
  runStarted = Date.now()
  // An empty environment: no X token, whatever the developer's shell holds.
  const results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })
  runFinished = Date.now()
  runMs = runFinished - runStarted
  byId = new Map(results.map((r) => [r.account, r]))
})

afterAll(async () => {
  await manager.close()
  await site?.close()
})

describe('one run over every platform', () => {
  it('answers once per account, in the order of showtell.yaml', () => {
    expect([...byId.keys()]).toEqual(['linkedin', 'ceo-linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'youtube', 'blog', 'bluesky', 'mastodon', 'x'])
    expect(runMs).toBeLessThan(60_000)
  })

  it('captures every page account as ok, with its timing', () => {
    for (const id of PAGE_ACCOUNTS) {
      const r = result(id)
      expect(r.status, `${id}: ${r.reason ?? ''}`).toBe('ok')
      // Taken during this run, and no longer than the run itself.
      const capturedAt = Date.parse(r.capturedAt)
      expect(capturedAt, id).toBeGreaterThanOrEqual(runStarted)
      expect(capturedAt, id).toBeLessThanOrEqual(runFinished)
      expect(r.durationMs, id).toBeGreaterThan(0)
      expect(r.durationMs, id).toBeLessThanOrEqual(runMs)
    }
  })

  it('leaves a 1280×800 PNG screenshot for every ok result, and nothing else', async () => {
    const ok = [...byId.values()].filter((r) => r.status === 'ok')
    expect(ok.map((r) => r.account).sort()).toEqual([...PAGE_ACCOUNTS].sort())
    for (const r of ok) {
      expect(r.screenshot, r.account).toBe(`${r.account}.png`)
      const path = join(outDir, r.screenshot!)
      expect((await stat(path)).size).toBeGreaterThan(1_000)
      expect(await readPngSize(path)).toEqual({ width: 1280, height: 800 })
    }
    expect((await readdir(outDir)).sort()).toEqual(PAGE_ACCOUNTS.map((id) => `${id}.png`).sort())
  })

  it('builds the page URL of handle-only accounts from snapshot.endpoints', () => {
    expect(result('bluesky').url).toBe(`${site.url}/bsky-web/profile/nordlys.bsky.social`)
    expect(result('mastodon').url).toBe(`${site.url}/mastodon/@nordlys`)
    expect(result('x').url).toBe(`${site.url}/x-web/nordlysoutdoor`)
    // An explicit url is opened as is.
    expect(result('instagram').url).toBe(`${site.url}/instagram/nordlysoutdoor/`)
  })
})

describe('page-based adapters', () => {
  it('LinkedIn company: 12,345 followers from the JSON-LD', () => {
    const r = result('linkedin')
    expect(r.title).toBe('Nordlys Outdoor | LinkedIn')
    expect(r.description).toMatch(/^Nordlys Outdoor \| 12,345 followers on LinkedIn\./)
    expect(r.metrics).toEqual({ followers: { value: 12_345, source: 'embedded-json', via: 'page' } })
  })

  it('LinkedIn person: 3,210 followers from the page text', () => {
    expect(result('ceo-linkedin').metrics).toEqual({ followers: { value: 3_210, source: 'page-text', via: 'page' } })
  })

  it('Instagram: "88.7K Followers, 190 Following, 1,407 Posts" from og:description', () => {
    expect(result('instagram').metrics).toEqual({
      followers: { value: 88_700, source: 'meta', approximate: true, via: 'page' },
      following: { value: 190, source: 'meta', via: 'page' },
      posts: { value: 1_407, source: 'meta', via: 'page' },
    })
  })

  it('Facebook: 42,217 likes as likes, 44,150 followers as followers', () => {
    expect(result('facebook').metrics).toEqual({ likes: { value: 42_217, source: 'meta', via: 'page' }, followers: { value: 44_150, source: 'page-text', via: 'page' } })
  })

  it('Threads: 12.3K followers (approximate) and 210 threads', () => {
    expect(result('threads').metrics).toEqual({
      followers: { value: 12_300, source: 'meta', approximate: true, via: 'page' },
      posts: { value: 210, source: 'meta', via: 'page' },
    })
  })

  it('TikTok: exact counts from __UNIVERSAL_DATA_FOR_REHYDRATION__, not the rounded meta', () => {
    expect(result('tiktok').metrics).toEqual({
      followers: { value: 15_400, source: 'embedded-json', via: 'page' },
      following: { value: 12, source: 'embedded-json', via: 'page' },
      posts: { value: 87, source: 'embedded-json', via: 'page' },
    })
  })

  it('YouTube: "24.1K subscribers" marked approximate, the last video from the channel feed', () => {
    const r = result('youtube')
    expect(r.metrics.followers).toEqual({ value: 24_100, source: 'page-text', approximate: true, via: 'page' })
    expect(r.metrics.lastPostAt?.source).toBe('feed')
    // The newest video is 8 days old (2026-11-12 against 2026-11-20); the videos come every 14 days,
    // so the last 30 days hold two of them: 8 and 22 days old (the next is 36).
    const age = siteNow.getTime() - Date.parse(r.metrics.lastPostAt!.value)
    expect(age).toBeGreaterThan(8 * DAY - 15 * 3_600_000)
    expect(age).toBeLessThan(8 * DAY + 15 * 3_600_000)
    expect(r.metrics.postsPerMonth).toEqual({ value: 2, source: 'feed', via: 'feed' })
  })

  it('blog: the last post and the pace from the Atom feed found by autodiscovery', () => {
    const r = result('blog')
    expect(r.title).toBe('The Nordlys field journal')
    expect(r.metrics.lastPostAt?.source).toBe('feed')
    // The newest post is 3 days old (2026-11-17 against 2026-11-20); then 13, 23 and 33 days:
    // three in the last 30 days.
    const age = siteNow.getTime() - Date.parse(r.metrics.lastPostAt!.value)
    expect(age).toBeGreaterThan(3 * DAY - 15 * 3_600_000)
    expect(age).toBeLessThan(3 * DAY + 15 * 3_600_000)
    expect(r.metrics.postsPerMonth).toEqual({ value: 3, source: 'feed', via: 'feed' })
    // The blog shows no follower count; none is invented.
    expect(r.metrics.followers).toBeUndefined()
  })
})

describe('API-based adapters', () => {
  it('Bluesky: app.bsky.actor.getProfile gives 2,301 followers, 180 following, 640 posts; the author feed the engagement', () => {
    const r = result('bluesky')
    expect(r.title).toBe('Nordlys Outdoor')
    expect(r.reason).toBeUndefined()
    const { lastPostAt, ...counts } = r.metrics
    expect(counts).toEqual({
      followers: { value: 2_301, source: 'api', via: 'bluesky-api' },
      following: { value: 180, source: 'api', via: 'bluesky-api' },
      posts: { value: 640, source: 'api', via: 'bluesky-api' },
      // The demo feed's 4 own posts of November (55, 25, 43 and 13 interactions); its repost and its reply do not count.
      postsPerMonth: { value: 4, source: 'api', via: 'bluesky-api' },
      interactionsPerPost: { value: 34, source: 'api', via: 'bluesky-api' },
    })
    // The newest own post is a day before the demo's today (the site moves its dates with its clock).
    const age = siteNow.getTime() - Date.parse(lastPostAt!.value)
    expect(age).toBeGreaterThan(DAY / 2)
    expect(age).toBeLessThan(2 * DAY + DAY / 2)
  })

  it('Mastodon: accounts/lookup gives 876 / 95 / 412, the statuses the last own post a day before the demo\'s today', () => {
    const r = result('mastodon')
    expect(r.metrics.followers).toEqual({ value: 876, source: 'api', via: 'mastodon-api' })
    expect(r.metrics.following).toEqual({ value: 95, source: 'api', via: 'mastodon-api' })
    expect(r.metrics.posts).toEqual({ value: 412, source: 'api', via: 'mastodon-api' })
    expect(r.metrics.lastPostAt?.source).toBe('api')
    const age = siteNow.getTime() - Date.parse(r.metrics.lastPostAt!.value)
    expect(age).toBeGreaterThan(DAY / 2)
    expect(age).toBeLessThan(2 * DAY + DAY / 2)
    expect(r.metrics.interactionsPerPost).toEqual({ value: 15, source: 'api', via: 'mastodon-api' })
    // The HTML of the note is not passed on as the description.
    expect(r.description).toBe('Gear for the Norwegian outdoors. Made to be repaired.')
  })

  it('Mastodon on a server that requires sign-in for its API (401): the page gives the numbers, and the result says why the API did not', async () => {
    const privateOut = await mkdtemp(join(tmpdir(), 'showtell-mastodon-private-'))
    const config = demoConfig(site.url, [{ id: 'mastodon-private', platform: 'mastodon', handle: 'nordlys@mastodon.social' }], {
      timeout: 8,
      endpoints: { mastodon: `${site.url}/mastodon-private` },
    })
    const [r] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: privateOut, env: {} })
    expect(r!.url).toBe(`${site.url}/mastodon-private/@nordlys`)
    expect(r!.status).toBe('ok')
    expect(r!.reason).toBe('Mastodon API: this Mastodon server requires sign-in for its API (401); numbers from the page')
    expect(r!.metrics.followers).toEqual({ value: 876, source: 'meta', via: 'page' })
    expect(r!.sources).toEqual([
      { id: 'mastodon-api', name: 'Mastodon API', state: 'blocked', reason: 'this Mastodon server requires sign-in for its API (401)' },
      { id: 'page', name: 'the page', state: 'used' },
    ])
  })

  it('X without a token: blocked with "login required", no numbers, no screenshot of the wall', () => {
    const r = result('x')
    expect(r.status).toBe('blocked')
    expect(r.reason).toMatch(/^login required/)
    expect(r.metrics).toEqual({})
    expect(r.screenshot).toBeUndefined()
  })

  it('X with SHOWTELL_X_BEARER_TOKEN: 5,120 followers from API v2, and the token is never written', async () => {
    const token = 'demo-x-token'
    const xOut = await mkdtemp(join(tmpdir(), 'showtell-x-'))
    const config = demoConfig(site.url, [{ id: 'x', platform: 'x', handle: 'nordlysoutdoor' }], { timeout: 8 })
    const [r] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: xOut, env: { SHOWTELL_X_BEARER_TOKEN: token } })
    expect(r!.status, r!.reason).toBe('ok')
    expect(r!.metrics).toEqual({
      followers: { value: 5_120, source: 'api', via: 'x-api-v2' },
      following: { value: 77, source: 'api', via: 'x-api-v2' },
      posts: { value: 2_210, source: 'api', via: 'x-api-v2' },
    })
    expect(r!.title).toBe('Nordlys Outdoor')
    // The X profile page is a login wall: it is never shown as data.
    expect(r!.screenshot).toBeUndefined()
    expect(JSON.stringify(r)).not.toContain(token)
    for (const name of await readdir(xOut)) expect((await readFile(join(xOut, name))).includes(token), name).toBe(false)
  })

  it('X with a wrong token: blocked because the API refused it, and the token is not echoed', async () => {
    const token = 'not-the-right-token-5f2c'
    const xOut = await mkdtemp(join(tmpdir(), 'showtell-x-bad-'))
    const config = demoConfig(site.url, [{ id: 'x', platform: 'x', handle: 'nordlysoutdoor' }], { timeout: 8 })
    const [r] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: xOut, env: { SHOWTELL_X_BEARER_TOKEN: token } })
    expect(r!.status).toBe('blocked')
    expect(r!.reason).toMatch(/401/)
    expect(r!.metrics).toEqual({})
    expect(JSON.stringify(r)).not.toContain(token)
  })
})

describe('numbers follow the site', () => {
  it('a bump on the site shows in the next run, from every source', async () => {
    // Given the site now reports 1,000 more followers and 5 more posts everywhere
    site.state.followersBump = 1_000
    site.state.postsBump = 5
    try {
      const bumpOut = await mkdtemp(join(tmpdir(), 'showtell-bump-'))
      const config = demoConfig(
        site.url,
        accounts(site.url).filter((a) => ['linkedin', 'tiktok', 'bluesky', 'instagram'].includes(a.id)),
        { timeout: 8 },
      )
      // When it is snapshotted again
      const results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: bumpOut, env: {} })
      const get = (id: string) => results.find((r) => r.account === id)!
      // Then each adapter reads the new numbers
      expect(get('linkedin').metrics.followers?.value).toBe(13_345)
      expect(get('tiktok').metrics.followers?.value).toBe(16_400)
      expect(get('tiktok').metrics.posts?.value).toBe(92)
      expect(get('bluesky').metrics.followers?.value).toBe(3_301)
      expect(get('bluesky').metrics.posts?.value).toBe(645)
      // 89,700 is printed "89.7K"
      expect(get('instagram').metrics.followers).toEqual({ value: 89_700, source: 'meta', approximate: true, via: 'page' })
    } finally {
      site.state.followersBump = 0
      site.state.postsBump = 0
    }
  })
})
