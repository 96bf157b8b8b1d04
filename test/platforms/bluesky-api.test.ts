// Given Bluesky's answers (written here by hand in the documented shapes of
// app.bsky.actor.getProfile and app.bsky.feed.getAuthorFeed, or served by the
// demo site), when the Bluesky public API source reads an account, then it
// gives the profile's numbers and the engagement of the account's own posts
// only, and every other answer is that account's outcome, never a throw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blueskyApi } from '../../src/platforms/bluesky-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const ACCOUNT: AccountRef = { id: 'bsky', platform: 'bluesky', handle: '@nordlys.bsky.social' }
const DID = 'did:plc:nordlys0000000000000001'
const OTHER = 'did:plc:fjellkraft00000000000001'

const PROFILE = {
  did: DID,
  handle: 'nordlys.bsky.social',
  displayName: 'Nordlys Outdoor',
  description: 'Gear for the Norwegian outdoors.',
  followersCount: 2301,
  followsCount: 180,
  postsCount: 640,
  indexedAt: '2026-11-19T07:30:00.000Z',
}

function item(id: string, author: string, createdAt: string, counts: Partial<Record<'likeCount' | 'repostCount' | 'replyCount' | 'quoteCount', number>>, extra: Record<string, unknown> = {}, record: Record<string, unknown> = {}) {
  return {
    post: {
      uri: `at://${author}/app.bsky.feed.post/${id}`,
      cid: `bafy${id}`,
      author: { did: author, handle: author === DID ? 'nordlys.bsky.social' : 'fjellkraft.bsky.social' },
      record: { $type: 'app.bsky.feed.post', text: 'a post', createdAt, ...record },
      ...counts,
      indexedAt: createdAt,
      labels: [],
    },
    ...extra,
  }
}

const REPLY_REF = { root: { uri: `at://${OTHER}/app.bsky.feed.post/q1`, cid: 'bafyq1' }, parent: { uri: `at://${OTHER}/app.bsky.feed.post/q1`, cid: 'bafyq1' } }

/** Now is 2026-12-01T09:00Z: own top-level posts in the 30 days are 13, 5 and 10 interactions (median 10), the newest on 2026-11-25. */
const FEED = {
  feed: [
    // A repost of someone else's newer, busier post.
    item('r1', OTHER, '2026-11-28T08:00:00.000Z', { likeCount: 400, repostCount: 90, replyCount: 12, quoteCount: 3 }, {
      reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: { did: DID, handle: 'nordlys.bsky.social' }, indexedAt: '2026-11-29T09:00:00.000Z' },
    }),
    item('p4', DID, '2026-11-25T10:00:00.000Z', { likeCount: 10, repostCount: 2, replyCount: 1, quoteCount: 0 }),
    // A reply (the server should have left it out: it does not count either way).
    item('a1', DID, '2026-11-24T10:00:00.000Z', { likeCount: 100, repostCount: 0, replyCount: 0, quoteCount: 0 }, { reply: REPLY_REF }, { reply: REPLY_REF }),
    // Counts left out by the API are none.
    item('p3', DID, '2026-11-20T10:00:00.000Z', { likeCount: 5 }),
    item('p2', DID, '2026-11-10T10:00:00.000Z', { likeCount: 7, repostCount: 1, replyCount: 1, quoteCount: 1 }),
    item('p1', DID, '2026-10-20T10:00:00.000Z', { likeCount: 50, repostCount: 0, replyCount: 0, quoteCount: 0 }),
    // Someone else's post with no reason given: never ours, whatever a server sends.
    item('o1', OTHER, '2026-11-21T10:00:00.000Z', { likeCount: 70, repostCount: 0, replyCount: 0, quoteCount: 0 }),
  ],
}

function answers(profile: HttpAnswer | (() => HttpAnswer), feed: HttpAnswer | (() => HttpAnswer), account: AccountRef = ACCOUNT) {
  return withAnswers(account, (url) => {
    const pick = url.pathname.endsWith('app.bsky.actor.getProfile') ? profile : url.pathname.endsWith('app.bsky.feed.getAuthorFeed') ? feed : json(404, {})
    return typeof pick === 'function' ? pick() : pick
  })
}

describe('blueskyApi on written answers', () => {
  it('reads the profile, then the author feed by DID, and counts only the own top-level posts', async () => {
    const { context, asked } = answers(json(200, PROFILE), json(200, FEED))
    const outcome = await blueskyApi.read(context)
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
      metrics: {
        followers: { value: 2301, source: 'api', via: 'bluesky-api' },
        following: { value: 180, source: 'api', via: 'bluesky-api' },
        posts: { value: 640, source: 'api', via: 'bluesky-api' },
        lastPostAt: { value: '2026-11-25', source: 'api', via: 'bluesky-api' },
        postsPerMonth: { value: 3, source: 'api', via: 'bluesky-api' },
        interactionsPerPost: { value: 10, source: 'api', via: 'bluesky-api' },
      },
    })
    expect(asked.map((a) => a.url)).toEqual([
      'https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social',
      `https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(DID)}&limit=100&filter=posts_no_replies`,
    ])
    expect(blueskyApi.id).toBe('bluesky-api')
    expect(blueskyApi.name).toBe('Bluesky public API')
    expect(blueskyApi.credential).toBeUndefined()
  })

  it('takes the median of an even count as the mean of the middle two', async () => {
    const feed = { feed: [item('a', DID, '2026-11-25T10:00:00.000Z', { likeCount: 4 }), item('b', DID, '2026-11-20T10:00:00.000Z', { likeCount: 9 })] }
    const outcome = await blueskyApi.read(answers(json(200, PROFILE), json(200, feed)).context)
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost).toEqual({ value: 6.5, source: 'api', via: 'bluesky-api' })
  })

  it('says 0 posts this month and no median when every own post is older than 30 days', async () => {
    const feed = { feed: [item('old', DID, '2026-10-01T10:00:00.000Z', { likeCount: 4 })] }
    const outcome = await blueskyApi.read(answers(json(200, PROFILE), json(200, feed)).context)
    expect(outcome.status === 'ok' && outcome.metrics).toMatchObject({ lastPostAt: { value: '2026-10-01' }, postsPerMonth: { value: 0 } })
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost).toBeUndefined()
  })

  it('counts a pinned post once', async () => {
    const pinned = item('p', DID, '2026-11-25T10:00:00.000Z', { likeCount: 4 }, { reason: { $type: 'app.bsky.feed.defs#reasonPin' } })
    const feed = { feed: [pinned, item('p', DID, '2026-11-25T10:00:00.000Z', { likeCount: 4 }), item('q', DID, '2026-11-21T10:00:00.000Z', { likeCount: 2 })] }
    const outcome = await blueskyApi.read(answers(json(200, PROFILE), json(200, feed)).context)
    expect(outcome.status === 'ok' && outcome.metrics.postsPerMonth?.value).toBe(2)
  })

  it('dates a post claiming a later time than Bluesky indexed it by the indexing time', async () => {
    const late = item('late', DID, '2027-06-01T10:00:00.000Z', { likeCount: 4 })
    late.post.indexedAt = '2026-11-26T10:00:00.000Z'
    const outcome = await blueskyApi.read(answers(json(200, PROFILE), json(200, { feed: [late] })).context)
    expect(outcome.status === 'ok' && outcome.metrics).toMatchObject({ lastPostAt: { value: '2026-11-26' }, postsPerMonth: { value: 1 } })
  })

  it('marks the month a floor when a full page of 100 posts is all recent', async () => {
    const feed = { feed: Array.from({ length: 100 }, (_, i) => item(`p${i}`, DID, new Date(Date.parse('2026-11-30T12:00:00Z') - i * 3_600_000).toISOString(), { likeCount: i })) }
    const outcome = await blueskyApi.read(answers(json(200, PROFILE), json(200, feed)).context)
    expect(outcome.status === 'ok' && outcome.metrics.postsPerMonth).toEqual({ value: 100, source: 'api', via: 'bluesky-api', approximate: true })
  })

  it('keeps the profile numbers when the feed fails, whatever the way', async () => {
    const failures: (HttpAnswer | (() => HttpAnswer))[] = [
      json(500, { error: 'InternalServerError' }),
      json(200, null),
      json(200, { feed: null }),
      json(200, { feed: [{ post: null }] }),
      { status: 200, body: '<html>maintenance</html>' },
      () => {
        throw Object.assign(new Error('timed out'), { name: 'TimeoutError' })
      },
    ]
    for (const feed of failures) {
      const outcome = await blueskyApi.read(answers(json(200, PROFILE), feed).context)
      expect(outcome).toEqual({
        status: 'ok',
        title: 'Nordlys Outdoor',
        description: 'Gear for the Norwegian outdoors.',
        metrics: {
          followers: { value: 2301, source: 'api', via: 'bluesky-api' },
          following: { value: 180, source: 'api', via: 'bluesky-api' },
          posts: { value: 640, source: 'api', via: 'bluesky-api' },
        },
      })
    }
  })

  it('reads a profile url, and a DID as the handle', async () => {
    const byUrl = answers(json(200, PROFILE), json(200, { feed: [] }), { id: 'b', platform: 'bluesky', url: 'https://bsky.app/profile/nordlys.bsky.social' })
    expect((await blueskyApi.read(byUrl.context)).status).toBe('ok')
    expect(byUrl.asked[0]!.url).toBe('https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social')
    const byDid = answers(json(200, PROFILE), json(200, { feed: [] }), { id: 'b', platform: 'bluesky', handle: DID })
    expect((await blueskyApi.read(byDid.context)).status).toBe('ok')
  })

  it('refuses numbers that belong to another account than the one asked for', async () => {
    const outcome = await blueskyApi.read(answers(json(200, { ...PROFILE, handle: 'someone.else.example', did: OTHER }), json(200, FEED)).context)
    expect(outcome).toEqual({ status: 'error', reason: 'Bluesky public API answered for another account than nordlys.bsky.social' })
  })

  it.each([
    ['a JSON null', json(200, null), 'error', /unexpected answer \(expected an object, got null\)/],
    ['a list', json(200, [PROFILE]), 'error', /expected an object, got an array/],
    ['no follower count', json(200, { ...PROFILE, followersCount: undefined }), 'error', /followersCount: expected a count, got nothing/],
    ['no handle', json(200, { ...PROFILE, handle: undefined }), 'error', /handle: expected a string/],
    ['text that is not JSON', { status: 200, body: '<html>hi</html>' }, 'error', /not JSON/],
    ['"Profile not found"', json(400, { error: 'InvalidRequest', message: 'Profile not found' }), 'not-found', /no such account \(Bluesky public API 400\)/],
    ['another 400', json(400, { error: 'InvalidRequest', message: 'Error: actor must be a valid did or a handle' }), 'error', /answered 400/],
    ['a 404', json(404, {}), 'not-found', /404/],
    ['a 401', json(401, {}), 'blocked', /refused .*\(401\)/],
    ['a 403', json(403, {}), 'blocked', /refused .*\(403\)/],
    ['a 429', json(429, {}), 'blocked', /rate limit or quota reached \(429\)/],
    ['a 502 page', { status: 502, body: 'Bad gateway: secret-upstream-detail' }, 'error', /^Bluesky public API answered 502$/],
  ] as const)('makes %s of getProfile the account\'s outcome', async (_, answer, status, reason) => {
    const outcome = await blueskyApi.read(answers(answer, json(200, FEED)).context)
    expect(outcome.status).toBe(status)
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(reason)
    expect(JSON.stringify(outcome)).not.toContain('secret-upstream-detail')
  })

  it('gives timeout or error when no answer came, and never asks for the feed then', async () => {
    const timeout = answers(() => {
      throw Object.assign(new Error('timed out'), { name: 'TimeoutError' })
    }, json(200, FEED))
    expect(await blueskyApi.read(timeout.context)).toEqual({ status: 'timeout', reason: 'Bluesky public API did not answer in time' })
    expect(timeout.asked).toHaveLength(1)
    const refused = answers(() => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:9')
    }, json(200, FEED))
    expect(await blueskyApi.read(refused.context)).toEqual({ status: 'error', reason: 'Bluesky public API could not be reached (connect ECONNREFUSED 127.0.0.1:9)' })
  })

  it.each([
    ['an empty handle', { id: 'b', platform: 'bluesky', handle: '' }],
    ['a url whose path cannot be decoded', { id: 'b', platform: 'bluesky', url: 'https://bsky.app/profile/%E0%A4%A' }],
  ])('is skipped for %s, without asking anything', async (_, account) => {
    const { context, asked } = withAnswers(account, () => json(200, PROFILE))
    expect(await blueskyApi.read(context)).toEqual({ status: 'skipped', reason: 'Bluesky public API: the account has no handle' })
    expect(asked).toHaveLength(0)
  })
})

describe('blueskyApi against the demo site', () => {
  let site: DemoSite
  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site?.close()
  })

  it('reads Nordlys: 4 own posts in November (55, 25, 43 and 13 interactions, median 34); the repost and the reply do not count', async () => {
    const outcome = await blueskyApi.read(onDemoSite(site.url, { id: 'bsky', platform: 'bluesky', handle: 'nordlys.bsky.social' }))
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors. Posts from Tromsø.',
      metrics: {
        followers: { value: 2301, source: 'api', via: 'bluesky-api' },
        following: { value: 180, source: 'api', via: 'bluesky-api' },
        posts: { value: 640, source: 'api', via: 'bluesky-api' },
        lastPostAt: { value: '2026-11-19', source: 'api', via: 'bluesky-api' },
        postsPerMonth: { value: 4, source: 'api', via: 'bluesky-api' },
        interactionsPerPost: { value: 34, source: 'api', via: 'bluesky-api' },
      },
    })
    expect(site.requestCount('/bsky/xrpc/app.bsky.feed.getAuthorFeed')).toBeGreaterThan(0)
  })

  it('reads the example competitors with their habits: Fjellkraft posts often (9 in 30 days, median 29), Villmark Gear rarely (2, median 75)', async () => {
    // Fjellkraft: 505, 31, 24, 40, 18, 27, 35, 22 and 29 interactions; its reply and two October posts do not count.
    const fjellkraft = await blueskyApi.read(onDemoSite(site.url, { id: 'fk', platform: 'bluesky', handle: 'fjellkraft.bsky.social' }))
    expect(fjellkraft.status === 'ok' && fjellkraft.metrics).toEqual({
      followers: { value: 3420, source: 'api', via: 'bluesky-api' },
      following: { value: 210, source: 'api', via: 'bluesky-api' },
      posts: { value: 1210, source: 'api', via: 'bluesky-api' },
      lastPostAt: { value: '2026-11-20', source: 'api', via: 'bluesky-api' },
      postsPerMonth: { value: 9, source: 'api', via: 'bluesky-api' },
      interactionsPerPost: { value: 29, source: 'api', via: 'bluesky-api' },
    })
    // Villmark Gear: 88 and 62 interactions, (88 + 62) / 2 = 75.
    const villmark = await blueskyApi.read(onDemoSite(site.url, { id: 'vg', platform: 'bluesky', handle: 'villmarkgear.bsky.social' }))
    expect(villmark.status === 'ok' && villmark.metrics).toMatchObject({
      followers: { value: 1870 },
      lastPostAt: { value: '2026-11-16' },
      postsPerMonth: { value: 2 },
      interactionsPerPost: { value: 75 },
    })
  })

  it('says not-found for a handle the demo Bluesky does not know', async () => {
    const outcome = await blueskyApi.read(onDemoSite(site.url, { id: 'x', platform: 'bluesky', handle: 'nobody.bsky.social' }))
    expect(outcome).toEqual({ status: 'not-found', reason: 'no such account (Bluesky public API 400)' })
  })

  it('reads the impostor as its own account, with no recent posts', async () => {
    const outcome = await blueskyApi.read(onDemoSite(site.url, { id: 'imp', platform: 'bluesky', handle: 'nordlysoutdoor.bsky.social' }))
    expect(outcome.status === 'ok' && outcome.metrics).toEqual({
      followers: { value: 312, source: 'api', via: 'bluesky-api' },
      following: { value: 1204, source: 'api', via: 'bluesky-api' },
      posts: { value: 41, source: 'api', via: 'bluesky-api' },
      postsPerMonth: { value: 0, source: 'api', via: 'bluesky-api' },
    })
  })
})

describe('blueskyApi against a demo site dated from its clock', () => {
  it('counts the same posts 110 days later: the newest moves from 2026-11-19 to 2027-03-09', async () => {
    const now = new Date('2027-03-10T12:00:00Z')
    const site = await startDemoSite({ feedClock: () => now })
    try {
      const outcome = await blueskyApi.read(onDemoSite(site.url, { id: 'bsky', platform: 'bluesky', handle: 'nordlys.bsky.social' }, undefined, now))
      expect(outcome.status === 'ok' && outcome.metrics).toMatchObject({
        lastPostAt: { value: '2027-03-09' },
        postsPerMonth: { value: 4 },
        interactionsPerPost: { value: 34 },
      })
      // The competitors' feeds move with the same clock: the same counts, Villmark Gear's last post 110 days on from 2026-11-16.
      const villmark = await blueskyApi.read(onDemoSite(site.url, { id: 'vg', platform: 'bluesky', handle: 'villmarkgear.bsky.social' }, undefined, now))
      expect(villmark.status === 'ok' && villmark.metrics).toMatchObject({ lastPostAt: { value: '2027-03-06' }, postsPerMonth: { value: 2 }, interactionsPerPost: { value: 75 } })
      const fjellkraft = await blueskyApi.read(onDemoSite(site.url, { id: 'fk', platform: 'bluesky', handle: 'fjellkraft.bsky.social' }, undefined, now))
      expect(fjellkraft.status === 'ok' && fjellkraft.metrics).toMatchObject({ postsPerMonth: { value: 9 }, interactionsPerPost: { value: 29 } })
    } finally {
      await site.close()
    }
  })
})
