// Given a Mastodon server's answers (written here by hand in the documented
// shapes of accounts/lookup and accounts/:id/statuses, or served by the demo
// site), when the Mastodon API source reads an account, then it gives the
// account's numbers and the engagement of its own top-level posts only, a
// server in authorized-fetch mode is `blocked`, and every other answer is
// that account's outcome, never a throw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mastodonApi } from '../../src/platforms/mastodon-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const ACCOUNT: AccountRef = { id: 'masto', platform: 'mastodon', handle: '@nordlys@mastodon.social' }
const ID = '109334512876543210'

const LOOKUP = {
  id: ID,
  username: 'nordlys',
  acct: 'nordlys',
  display_name: 'Nordlys Outdoor',
  note: '<p>Gear for the <a href="#">Norwegian</a> outdoors.</p>',
  followers_count: 876,
  following_count: 95,
  statuses_count: 412,
  last_status_at: '2026-11-29',
}

const ME = { id: ID, username: 'nordlys', acct: 'nordlys' }
const SOMEONE = { id: '1', username: 'lyngen', acct: 'lyngen@example.social' }

function status(id: string, createdAt: string, counts: readonly [number, number, number], extra: Record<string, unknown> = {}) {
  return {
    id,
    created_at: createdAt,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    visibility: 'public',
    content: '<p>a post</p>',
    favourites_count: counts[0],
    reblogs_count: counts[1],
    replies_count: counts[2],
    reblog: null,
    account: ME,
    ...extra,
  }
}

/** Now is 2026-12-01T09:00Z: own top-level posts in the 30 days are 26, 15 and 8 interactions (median 15), the newest on 2026-11-28. */
const STATUSES = [
  // A thread's continuation: the server keeps it with exclude_replies.
  status('7', '2026-11-28T09:35:00.000Z', [50, 0, 0], { in_reply_to_id: '6', in_reply_to_account_id: ID }),
  status('6', '2026-11-28T09:30:00.000Z', [18, 6, 2]),
  // A boost, should a server ignore exclude_reblogs: someone else's status inside ours.
  status('5', '2026-11-27T10:00:00.000Z', [0, 0, 0], { reblog: status('55', '2026-11-26T10:00:00.000Z', [600, 20, 4], { account: SOMEONE }) }),
  // A reply to someone else, should a server ignore exclude_replies.
  status('4', '2026-11-20T10:00:00.000Z', [90, 0, 0], { in_reply_to_id: '40', in_reply_to_account_id: '1' }),
  status('3', '2026-11-12T11:00:00.000Z', [10, 4, 1]),
  // Another account's status: never ours, whatever a server sends.
  status('2b', '2026-11-11T11:00:00.000Z', [300, 0, 0], { account: SOMEONE }),
  status('2', '2026-11-05T14:00:00.000Z', [7, 1, 0]),
  status('1', '2026-10-08T10:00:00.000Z', [30, 12, 3]),
]

function answers(lookup: HttpAnswer | (() => HttpAnswer), statuses: HttpAnswer | (() => HttpAnswer), account: AccountRef = ACCOUNT, endpoints?: Record<string, string>) {
  return withAnswers(
    account,
    (url) => {
      const pick = url.pathname.endsWith('/api/v1/accounts/lookup') ? lookup : url.pathname.endsWith('/statuses') ? statuses : json(404, {})
      return typeof pick === 'function' ? pick() : pick
    },
    endpoints ? { endpoints } : {},
  )
}

const PROFILE_METRICS = {
  followers: { value: 876, source: 'api', via: 'mastodon-api' },
  following: { value: 95, source: 'api', via: 'mastodon-api' },
  posts: { value: 412, source: 'api', via: 'mastodon-api' },
}

describe('mastodonApi on written answers', () => {
  it('looks the account up on its server, then reads its statuses by id, counting only its own top-level posts', async () => {
    const { context, asked } = answers(json(200, LOOKUP), json(200, STATUSES))
    expect(await mastodonApi.read(context)).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
      metrics: {
        ...PROFILE_METRICS,
        lastPostAt: { value: '2026-11-28', source: 'api', via: 'mastodon-api' },
        postsPerMonth: { value: 3, source: 'api', via: 'mastodon-api' },
        interactionsPerPost: { value: 15, source: 'api', via: 'mastodon-api' },
      },
    })
    expect(asked.map((a) => a.url)).toEqual([
      'https://mastodon.social/api/v1/accounts/lookup?acct=nordlys',
      `https://mastodon.social/api/v1/accounts/${ID}/statuses?exclude_replies=true&exclude_reblogs=true&limit=40`,
    ])
    expect(mastodonApi.id).toBe('mastodon-api')
    expect(mastodonApi.name).toBe('Mastodon API')
    expect(mastodonApi.credential).toBeUndefined()
  })

  it('takes the median of an even count as the mean of the middle two', async () => {
    const two = [status('b', '2026-11-25T10:00:00.000Z', [3, 0, 0]), status('a', '2026-11-20T10:00:00.000Z', [6, 2, 1])]
    const outcome = await mastodonApi.read(answers(json(200, LOOKUP), json(200, two)).context)
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost).toEqual({ value: 6, source: 'api', via: 'mastodon-api' })
  })

  it('keeps the lookup numbers and last_status_at when the statuses fail, whatever the way', async () => {
    const failures: (HttpAnswer | (() => HttpAnswer))[] = [
      json(500, { error: 'oops' }),
      json(401, { error: 'This API requires an authenticated user' }),
      json(200, null),
      json(200, { statuses: [] }),
      json(200, [{ id: '1' }]),
      () => {
        throw new Error('socket hang up')
      },
    ]
    for (const statuses of failures) {
      const outcome = await mastodonApi.read(answers(json(200, LOOKUP), statuses).context)
      expect(outcome.status === 'ok' && outcome.metrics).toEqual({ ...PROFILE_METRICS, lastPostAt: { value: '2026-11-29', source: 'api', via: 'mastodon-api' } })
    }
  })

  it('keeps last_status_at as the latest post when no own top-level post is among the statuses', async () => {
    const onlyReplies = [status('7', '2026-11-28T09:35:00.000Z', [5, 0, 0], { in_reply_to_id: '6', in_reply_to_account_id: ID })]
    const outcome = await mastodonApi.read(answers(json(200, LOOKUP), json(200, onlyReplies)).context)
    expect(outcome.status === 'ok' && outcome.metrics).toEqual({
      ...PROFILE_METRICS,
      lastPostAt: { value: '2026-11-29', source: 'api', via: 'mastodon-api' },
      postsPerMonth: { value: 0, source: 'api', via: 'mastodon-api' },
    })
  })

  it('leaves out posts older than 30 days', async () => {
    const old = [status('1', '2026-10-31T12:00:00.000Z', [30, 12, 3])]
    const outcome = await mastodonApi.read(answers(json(200, { ...LOOKUP, last_status_at: null }), json(200, old)).context)
    expect(outcome.status === 'ok' && outcome.metrics).toEqual({
      ...PROFILE_METRICS,
      lastPostAt: { value: '2026-10-31', source: 'api', via: 'mastodon-api' },
      postsPerMonth: { value: 0, source: 'api', via: 'mastodon-api' },
    })
  })

  it('asks the server of an explicit profile url, before the configured endpoint', async () => {
    const account = { id: 'm', platform: 'mastodon', url: 'https://social.example/sub/@nordlys' }
    const { context, asked } = answers(json(200, LOOKUP), json(200, []), account, { mastodon: 'http://127.0.0.1:9/mastodon' })
    expect((await mastodonApi.read(context)).status).toBe('ok')
    expect(asked[0]!.url).toBe('https://social.example/sub/api/v1/accounts/lookup?acct=nordlys')
  })

  it('asks the configured endpoint when the account has only a handle', async () => {
    const { context, asked } = answers(json(200, LOOKUP), json(200, []), ACCOUNT, { mastodon: 'http://127.0.0.1:9/mastodon/' })
    await mastodonApi.read(context)
    expect(asked[0]!.url).toBe('http://127.0.0.1:9/mastodon/api/v1/accounts/lookup?acct=nordlys')
  })

  it('is skipped for a profile url whose path cannot be decoded, without asking anything', async () => {
    const { context, asked } = answers(json(200, LOOKUP), json(200, []), { id: 'm', platform: 'mastodon', url: 'https://social.example/@%E0%A4%A' })
    expect(await mastodonApi.read(context)).toEqual({ status: 'skipped', reason: 'Mastodon API: the account has no handle' })
    expect(asked).toHaveLength(0)
  })

  it('is skipped without a server to ask', async () => {
    const { context, asked } = answers(json(200, LOOKUP), json(200, []), { id: 'm', platform: 'mastodon', handle: '@nordlys' })
    const outcome = await mastodonApi.read(context)
    expect(outcome.status).toBe('skipped')
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(/user@server/)
    expect(asked).toHaveLength(0)
  })

  it.each([
    ['another user', { ...LOOKUP, acct: 'nordlys_fan', username: 'nordlys_fan' }],
    ['the same name on another server', { ...LOOKUP, acct: 'nordlys@elsewhere.example' }],
  ])('refuses numbers of %s', async (_, lookup) => {
    const outcome = await mastodonApi.read(answers(json(200, lookup), json(200, STATUSES)).context)
    expect(outcome).toEqual({ status: 'error', reason: 'Mastodon API answered for another account than nordlys' })
  })

  it('accepts the account named with its own server', async () => {
    const outcome = await mastodonApi.read(answers(json(200, { ...LOOKUP, acct: 'Nordlys@Mastodon.social' }), json(200, [])).context)
    expect(outcome.status).toBe('ok')
  })

  it.each([
    ['a JSON null', json(200, null), 'error', /unexpected answer \(expected an object, got null\)/],
    ['a list', json(200, [LOOKUP]), 'error', /expected an object, got an array/],
    ['no follower count', json(200, { ...LOOKUP, followers_count: undefined }), 'error', /followers_count: expected a count, got nothing/],
    ['a negative follower count', json(200, { ...LOOKUP, followers_count: -1 }), 'error', /followers_count: expected a count, got a negative number/],
    ['no id', json(200, { ...LOOKUP, id: undefined }), 'error', /id: expected a string/],
    ['a 404', json(404, { error: 'Record not found' }), 'not-found', /^no such account \(Mastodon API 404\)$/],
    ['a 401 (authorized fetch)', json(401, { error: 'This API requires an authenticated user' }), 'blocked', /^this Mastodon server requires sign-in for its API \(401\)$/],
    ['a 403', json(403, { error: 'secret-server-words' }), 'blocked', /^this Mastodon server requires sign-in for its API \(403\)$/],
    ['a 429', json(429, { error: 'Too many requests' }), 'blocked', /^Mastodon API: rate limit or quota reached \(429\); try again later$/],
    ['a 503 page', { status: 503, body: '<h1>secret-server-words</h1>' }, 'error', /^Mastodon API answered 503$/],
    ['a 200 page', { status: 200, body: '<h1>secret-server-words</h1>' }, 'error', /not JSON/],
  ] as const)('makes %s of the lookup the account\'s outcome', async (_, answer, status, reason) => {
    const { context, asked } = answers(answer, json(200, STATUSES))
    const outcome = await mastodonApi.read(context)
    expect(outcome.status).toBe(status)
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(reason)
    expect(JSON.stringify(outcome)).not.toContain('secret-server-words')
    expect(asked).toHaveLength(1)
  })

  it('gives timeout when no answer came', async () => {
    const outcome = await mastodonApi.read(
      answers(() => {
        throw Object.assign(new Error('aborted'), { name: 'AbortError' })
      }, json(200, [])).context,
    )
    expect(outcome).toEqual({ status: 'timeout', reason: 'Mastodon API did not answer in time' })
  })
})

describe('mastodonApi against the demo site', () => {
  let site: DemoSite
  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site?.close()
  })

  it('reads Nordlys: 3 own posts in November (26, 15 and 8 interactions, median 15); the thread continuation does not count', async () => {
    const outcome = await mastodonApi.read(onDemoSite(site.url, { id: 'masto', platform: 'mastodon', handle: 'nordlys@mastodon.social' }))
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors. Made to be repaired.',
      metrics: {
        ...PROFILE_METRICS,
        lastPostAt: { value: '2026-11-19', source: 'api', via: 'mastodon-api' },
        postsPerMonth: { value: 3, source: 'api', via: 'mastodon-api' },
        interactionsPerPost: { value: 15, source: 'api', via: 'mastodon-api' },
      },
    })
  })

  it('reads the same account from its explicit profile url', async () => {
    const outcome = await mastodonApi.read(onDemoSite(site.url, { id: 'masto', platform: 'mastodon', url: `${site.url}/mastodon/@nordlys` }))
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost?.value).toBe(15)
  })

  it('is blocked on the server in authorized-fetch mode', async () => {
    const outcome = await mastodonApi.read(onDemoSite(site.url, { id: 'masto', platform: 'mastodon', url: `${site.url}/mastodon-private/@nordlys` }))
    expect(outcome).toEqual({ status: 'blocked', reason: 'this Mastodon server requires sign-in for its API (401)' })
  })

  it('says not-found for an account the server does not know', async () => {
    const outcome = await mastodonApi.read(onDemoSite(site.url, { id: 'nobody', platform: 'mastodon', handle: 'nobody@mastodon.social' }))
    expect(outcome).toEqual({ status: 'not-found', reason: 'no such account (Mastodon API 404)' })
  })
})
