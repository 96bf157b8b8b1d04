// The Threads API source: the token's own profile, its followers_count
// insight, and every refusal Meta's Graph errors can carry, first on answers
// written here from the Threads documentation, then against the demo site's
// emulation over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { threadsApi } from '../../src/platforms/threads-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const TOKEN = 'THREADS-secret-token-0001'
const ACCOUNT: AccountRef = { id: 'threads', platform: 'threads', handle: 'nordlysoutdoor', url: 'https://www.threads.net/@nordlysoutdoor' }

// As the profile and insights pages document them.
const ME = { id: '1234567890', username: 'nordlysoutdoor', name: 'Nordlys Outdoor', threads_biography: 'Gear for the Norwegian outdoors.' }
const INSIGHTS = {
  data: [
    {
      name: 'followers_count',
      period: 'day',
      title: 'Followers',
      description: 'This is your followers count.',
      total_value: { value: 12_345 },
      id: '1234567890/insights/followers_count/day',
    },
  ],
}

// The list of the user's threads, newest first (threads-media page), around TEST_NOW (2026-12-01T09:00Z).
const POSTS = {
  data: [
    { id: '9004', timestamp: '2026-11-30T07:00:00+0000', media_type: 'REPOST_FACADE' },
    { id: '9003', timestamp: '2026-11-28T10:00:00+0000', media_type: 'TEXT_POST' },
    { id: '9002', timestamp: '2026-11-20T08:30:00+0000', media_type: 'IMAGE' },
    { id: '9001', timestamp: '2026-10-01T12:00:00+0000', media_type: 'TEXT_POST' },
  ],
  paging: { cursors: { before: 'BEFORE_CURSOR', after: 'AFTER_CURSOR' } },
}

function graphError(code: number, subcode?: number): unknown {
  return { error: { message: `Secret words from Meta about ${TOKEN}`, type: 'OAuthException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'Ab12' } }
}

/** Answers /me with `me`, the insights with `insights` and the list of threads with `posts`. */
function threads(me: HttpAnswer, insights: HttpAnswer = json(200, INSIGHTS), account: AccountRef = ACCOUNT, posts: HttpAnswer = json(200, POSTS)) {
  return withAnswers(account, (url) => (url.pathname.endsWith('/threads_insights') ? insights : url.pathname.endsWith('/threads') ? posts : me), { credential: TOKEN })
}

describe('threadsApi on documented answers', () => {
  it('reads the followers and recent posts of the token’s own account, with the documented requests', async () => {
    const { context, asked } = threads(json(200, ME))
    const outcome = await threadsApi.read(context)
    expect(outcome).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 12_345, source: 'api', via: 'threads-api' },
        // The repost of 30 November is someone else's post; 1 October is outside the 30 days.
        lastPostAt: { value: '2026-11-28T10:00:00.000Z', source: 'api', via: 'threads-api' },
        postsPerMonth: { value: 2, source: 'api', via: 'threads-api' },
      },
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
    })
    expect(asked.map((request) => request.url)).toEqual([
      'https://graph.threads.net/v1.0/me?fields=id,username,name,threads_biography',
      'https://graph.threads.net/v1.0/1234567890/threads_insights?metric=followers_count',
      'https://graph.threads.net/v1.0/1234567890/threads?fields=id,timestamp,media_type&limit=100',
    ])
    expect(asked.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true)
    expect(asked.some((request) => request.url.includes(TOKEN))).toBe(false)
  })

  it('still reports the followers when the list of posts cannot be read', async () => {
    for (const posts of [json(500, graphError(1)), json(200, { data: [{ id: '1', timestamp: 'yesterday' }] }), json(200, null), json(200, { data: [] })]) {
      expect(await threadsApi.read(threads(json(200, ME), json(200, INSIGHTS), ACCOUNT, posts).context)).toEqual({
        status: 'ok',
        metrics: { followers: { value: 12_345, source: 'api', via: 'threads-api' } },
        title: 'Nordlys Outdoor',
        description: 'Gear for the Norwegian outdoors.',
      })
    }
  })

  it('marks the posts of the month as a floor when a whole page is recent', async () => {
    const page = { data: Array.from({ length: 100 }, (_, i) => ({ id: String(i), timestamp: new Date(Date.parse('2026-11-30T00:00:00Z') - i * 3_600_000).toISOString() })) }
    const outcome = await threadsApi.read(threads(json(200, ME), json(200, INSIGHTS), ACCOUNT, json(200, page)).context)
    expect(outcome).toMatchObject({ metrics: { postsPerMonth: { value: 100, approximate: true } } })
  })

  it('takes the handle from the profile URL when there is none, and ignores case and @', async () => {
    const { context } = threads(json(200, { ...ME, username: 'NordlysOutdoor' }), json(200, INSIGHTS), {
      id: 'threads',
      platform: 'threads',
      url: 'https://www.threads.com/@nordlysoutdoor',
    })
    expect(await threadsApi.read(context)).toMatchObject({ status: 'ok', metrics: { followers: { value: 12_345 } } })
  })

  it('skips an account the token does not belong to, and never asks for its insights', async () => {
    const { context, asked } = threads(json(200, { ...ME, id: '999', username: 'someoneelse' }))
    const outcome = await threadsApi.read(context)
    expect(outcome.status).toBe('skipped')
    expect(outcome.status !== 'ok' && outcome.reason).toContain('the Threads token belongs to another account')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain('someoneelse')
    expect(asked).toHaveLength(1)
  })

  it('skips without a token, naming the variable, and asks nothing', async () => {
    const { context, asked } = withAnswers(ACCOUNT, () => json(200, ME))
    expect(await threadsApi.read(context)).toEqual({ status: 'skipped', reason: 'Threads API: no token; set SHOWTELL_THREADS_TOKEN' })
    expect(asked).toEqual([])
  })

  it('skips an account with no handle to check the token against', async () => {
    const { context, asked } = threads(json(200, ME), json(200, INSIGHTS), { id: 'threads', platform: 'threads', url: 'https://www.threads.net/' })
    expect((await threadsApi.read(context)).status).toBe('skipped')
    expect(asked).toEqual([])
  })

  it.each([
    ['an expired token (190, subcode 463)', json(400, graphError(190, 463)), 'Threads API: the token in SHOWTELL_THREADS_TOKEN has expired; renew it'],
    ['an invalid token (190)', json(400, graphError(190)), 'Threads API refused SHOWTELL_THREADS_TOKEN (400); check it or issue a new one'],
    ['an invalid token (401, no body)', { status: 401, body: '' }, 'Threads API refused SHOWTELL_THREADS_TOKEN (401); check it or issue a new one'],
    ['the app rate limit (4)', json(400, graphError(4)), 'Threads API: rate limit or quota reached for SHOWTELL_THREADS_TOKEN (400); try again later'],
    ['the user rate limit (17)', json(400, graphError(17)), 'Threads API: rate limit or quota reached for SHOWTELL_THREADS_TOKEN (400); try again later'],
    ['a call limit (613)', json(400, graphError(613)), 'Threads API: rate limit or quota reached for SHOWTELL_THREADS_TOKEN (400); try again later'],
    ['429 without a body', { status: 429, body: 'Too Many Requests' }, 'Threads API: rate limit or quota reached for SHOWTELL_THREADS_TOKEN (429); try again later'],
    [
      'a missing permission (10)',
      json(403, graphError(10)),
      'Threads API: SHOWTELL_THREADS_TOKEN may not read this account (403); it needs the threads_basic and threads_manage_insights permissions',
    ],
    [
      'a missing permission (200)',
      json(400, graphError(200)),
      'Threads API: SHOWTELL_THREADS_TOKEN may not read this account (400); it needs the threads_basic and threads_manage_insights permissions',
    ],
  ])('is blocked by %s, naming the variable and never the answer or the token', async (_, answer, reason) => {
    const { context } = threads(answer)
    const outcome = await threadsApi.read(context)
    expect(outcome).toEqual({ status: 'blocked', reason })
    expect(reason).not.toContain(TOKEN)
  })

  it('is blocked when the insights are refused after the profile was read', async () => {
    const { context } = threads(json(200, ME), json(403, graphError(10)))
    expect(await threadsApi.read(context)).toMatchObject({ status: 'blocked', reason: expect.stringContaining('threads_manage_insights') })
  })

  it('reports an object that does not exist (100, subcode 33) as not found, and other answers as errors', async () => {
    expect(await threadsApi.read(threads(json(200, ME), json(400, graphError(100, 33))).context)).toEqual({ status: 'not-found', reason: 'no such account (Threads API 400)' })
    expect(await threadsApi.read(threads(json(500, { error: { code: 1, message: 'An unknown error occurred' } })).context)).toEqual({
      status: 'error',
      reason: 'Threads API answered 500',
    })
  })

  it.each([
    ['null', json(200, null)],
    ['a list', json(200, [ME])],
    ['no username', json(200, { id: '1234567890', name: 'Nordlys Outdoor' })],
    ['text that is not JSON', { status: 200, body: `<html>${TOKEN}</html>` }],
  ])('makes a profile answer of %s the account’s error, without quoting it', async (_, answer) => {
    const outcome = await threadsApi.read(threads(answer).context)
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(TOKEN)
  })

  it.each([
    ['null', null],
    ['a list', [INSIGHTS]],
    ['no followers_count among the metrics', { data: [{ name: 'views', period: 'day', values: [{ value: 10 }] }] }],
    ['followers_count as a time series instead of a total', { data: [{ name: 'followers_count', period: 'day', values: [{ value: 12 }] }] }],
    ['a follower count that is not a count', { data: [{ name: 'followers_count', period: 'day', total_value: { value: '12345' } }] }],
  ])('makes an insights answer of %s the account’s error', async (_, insights) => {
    const outcome = await threadsApi.read(threads(json(200, ME), json(200, insights)).context)
    expect(outcome.status).toBe('error')
  })

  it('never lets a token in a network error reach the reason', async () => {
    const { context } = withAnswers(
      ACCOUNT,
      () => {
        throw new Error(`connect ECONNREFUSED while sending Authorization: Bearer ${TOKEN}`)
      },
      { credential: TOKEN },
    )
    const outcome = await threadsApi.read(context)
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).toContain('Threads API could not be reached (connect ECONNREFUSED')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(TOKEN)
  })

  it('reports no answer in time as a timeout', async () => {
    const { context } = withAnswers(
      ACCOUNT,
      () => {
        throw Object.assign(new Error('timed out'), { name: 'TimeoutError' })
      },
      { credential: TOKEN },
    )
    expect(await threadsApi.read(context)).toEqual({ status: 'timeout', reason: 'Threads API did not answer in time' })
  })
})

describe('threadsApi against the demo site', () => {
  let site: DemoSite
  // As the example workspace lists it: by the demo profile's URL.
  let DEMO_ACCOUNT: AccountRef
  beforeAll(async () => {
    site = await startDemoSite()
    DEMO_ACCOUNT = { id: 'nordlys-threads', platform: 'threads', url: `${site.url}/threads/@nordlysoutdoor` }
  })
  afterAll(async () => {
    await site.close()
  })
  beforeEach(() => {
    site.state.followersBump = 0
    site.state.postsBump = 0
  })

  it('reads the followers the demo Threads page shows and the company’s posts, and follows the bumps', async () => {
    expect(await threadsApi.read(onDemoSite(site.url, DEMO_ACCOUNT, DEMO_CREDENTIALS.threads))).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 12_300, source: 'api', via: 'threads-api' },
        // Posts of 19, 12 and 5 November fall in the 30 days before 1 December; 29 October does not.
        lastPostAt: { value: '2026-11-19T09:00:00.000Z', source: 'api', via: 'threads-api' },
        postsPerMonth: { value: 3, source: 'api', via: 'threads-api' },
      },
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
    })
    site.state.followersBump = 42
    expect(await threadsApi.read(onDemoSite(site.url, DEMO_ACCOUNT, DEMO_CREDENTIALS.threads))).toMatchObject({ metrics: { followers: { value: 12_342 } } })
  })

  it('is blocked for an expired token, a wrong token and the rate limit', async () => {
    expect(await threadsApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'expired'))).toEqual({
      status: 'blocked',
      reason: 'Threads API: the token in SHOWTELL_THREADS_TOKEN has expired; renew it',
    })
    expect(await threadsApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'not-the-demo-token'))).toEqual({
      status: 'blocked',
      reason: 'Threads API refused SHOWTELL_THREADS_TOKEN (400); check it or issue a new one',
    })
    expect(await threadsApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'ratelimited'))).toEqual({
      status: 'blocked',
      reason: 'Threads API: rate limit or quota reached for SHOWTELL_THREADS_TOKEN (400); try again later',
    })
  })

  it('skips an account that is not the token’s: another account’s token, or an unknown handle', async () => {
    const insightsPath = '/threads-api/v1.0/17841400000012300/threads_insights'
    const before = site.requestCount(insightsPath)
    const other = await threadsApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'demo-threads-token-other'))
    expect(other).toMatchObject({ status: 'skipped', reason: expect.stringContaining('the Threads token belongs to another account, not @nordlysoutdoor') })
    const unknown = await threadsApi.read(onDemoSite(site.url, { id: 'x', platform: 'threads', handle: 'nosuchaccount' }, DEMO_CREDENTIALS.threads))
    expect(unknown).toMatchObject({ status: 'skipped', reason: expect.stringContaining('the Threads token belongs to another account, not @nosuchaccount') })
    expect(site.requestCount(insightsPath)).toBe(before)
    expect(site.requestCount('/threads-api/v1.0/me')).toBeGreaterThan(0)
  })
})
