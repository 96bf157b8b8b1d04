// Given X API v2's answers to users/by/username (written here by hand in the
// documented shapes, or served by the demo site behind its bearer token),
// when the X API v2 source reads an account with the owner's token, then it
// gives the account's public metrics; a refused, forbidden or rate-limited
// token is `blocked` naming SHOWTELL_X_BEARER_TOKEN and never its value; a
// 200 with only `errors` is not-found; and without a token nothing is asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { xApi } from '../../src/platforms/x-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const ACCOUNT: AccountRef = { id: 'x', platform: 'x', handle: '@nordlysoutdoor' }
const TOKEN = 'AAAA-secret-bearer-7c1e'

const USER = {
  data: {
    id: '1456789012345678901',
    name: 'Nordlys Outdoor',
    username: 'NordlysOutdoor',
    description: 'Gear for the Norwegian outdoors.',
    public_metrics: { followers_count: 5120, following_count: 77, tweet_count: 2210, listed_count: 33, like_count: 900 },
  },
}

function answers(answer: HttpAnswer | (() => HttpAnswer), account: AccountRef = ACCOUNT, credential: string | null = TOKEN) {
  return withAnswers(account, () => (typeof answer === 'function' ? answer() : answer), credential === null ? {} : { credential })
}

describe('xApi on written answers', () => {
  it('asks users/by/username with the bearer token and gives followers, following and posts', async () => {
    const { context, asked } = answers(json(200, USER))
    expect(await xApi.read(context)).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
      metrics: {
        followers: { value: 5120, source: 'api', via: 'x-api-v2' },
        following: { value: 77, source: 'api', via: 'x-api-v2' },
        posts: { value: 2210, source: 'api', via: 'x-api-v2' },
      },
    })
    expect(asked).toEqual([
      { url: 'https://api.x.com/2/users/by/username/nordlysoutdoor?user.fields=public_metrics,description', headers: { authorization: `Bearer ${TOKEN}` } },
    ])
    expect(xApi.id).toBe('x-api-v2')
    expect(xApi.name).toBe('X API v2')
    expect(xApi.credential).toBe('x')
  })

  it('reads the username from a profile url', async () => {
    const { context, asked } = answers(json(200, USER), { id: 'x', platform: 'x', url: 'https://x.com/nordlysoutdoor' })
    expect((await xApi.read(context)).status).toBe('ok')
    expect(asked[0]!.url).toContain('/2/users/by/username/nordlysoutdoor?')
  })

  it('is skipped without a token, naming the variable, and asks nothing', async () => {
    const { context, asked } = answers(json(200, USER), ACCOUNT, null)
    expect(await xApi.read(context)).toEqual({ status: 'skipped', reason: 'X API v2: no token; set SHOWTELL_X_BEARER_TOKEN' })
    expect(asked).toHaveLength(0)
  })

  it('is skipped for a profile url whose path cannot be decoded, without asking anything', async () => {
    const { context, asked } = answers(json(200, USER), { id: 'x', platform: 'x', url: 'https://x.com/%E0%A4%A' })
    expect(await xApi.read(context)).toEqual({ status: 'skipped', reason: 'X API v2: the account has no handle' })
    expect(asked).toHaveLength(0)
  })

  it('refuses numbers of another account than the one asked for', async () => {
    const outcome = await xApi.read(answers(json(200, { data: { ...USER.data, username: 'nordlys_fans' } })).context)
    expect(outcome).toEqual({ status: 'error', reason: 'X API v2 answered for another account than nordlysoutdoor' })
  })

  it.each([
    ['a 401', json(401, { title: 'Unauthorized', detail: `Unauthorized ${TOKEN}` }), 'blocked', 'X API v2 refused SHOWTELL_X_BEARER_TOKEN (401); check it or issue a new one'],
    ['a 403', json(403, { title: 'Forbidden', detail: `client-not-enrolled ${TOKEN}` }), 'blocked', 'X API v2: SHOWTELL_X_BEARER_TOKEN may not read this account (403)'],
    ['a 429', json(429, { title: 'Too Many Requests', detail: TOKEN }), 'blocked', 'X API v2: rate limit or quota reached for SHOWTELL_X_BEARER_TOKEN (429); try again later'],
    ['a 200 with only errors', json(200, { errors: [{ title: 'Not Found Error', detail: `Could not find user ${TOKEN}` }] }), 'not-found', 'no such account (X API v2)'],
    ['a 200 with neither data nor errors', json(200, {}), 'error', 'X API v2 answered 200 without the account'],
    ['a JSON null', json(200, null), 'error', 'X API v2 answered 200 with an unexpected answer (expected an object, got null)'],
    ['a list', json(200, [USER]), 'error', 'X API v2 answered 200 with an unexpected answer (expected an object, got an array)'],
    ['no public metrics', json(200, { data: { ...USER.data, public_metrics: undefined } }), 'error', 'X API v2 answered 200 with an unexpected answer (data.public_metrics: expected an object, got nothing)'],
    ['followers as text', json(200, { data: { ...USER.data, public_metrics: { followers_count: '5120' } } }), 'error', 'X API v2 answered 200 with an unexpected answer (data.public_metrics.followers_count: expected a count, got a string)'],
    ['a 404', json(404, { title: 'Not Found Error' }), 'not-found', 'no such account (X API v2 404)'],
    ['a 500 page echoing the token', { status: 500, body: `<pre>Authorization: Bearer ${TOKEN}</pre>` }, 'error', 'X API v2 answered 500'],
    ['a 200 page echoing the token', { status: 200, body: `<pre>Authorization: Bearer ${TOKEN}</pre>` }, 'error', 'X API v2 answered 200 with something that is not JSON'],
  ] as const)('makes %s the account\'s outcome, without the token', async (_, answer, status, reason) => {
    const outcome = await xApi.read(answers(answer).context)
    expect(outcome).toEqual({ status, reason })
    expect(JSON.stringify(outcome)).not.toContain(TOKEN)
  })

  it('never puts the token in the reason when no answer came', async () => {
    const outcome = await xApi.read(
      answers(() => {
        throw new Error('getaddrinfo ENOTFOUND api.x.com')
      }).context,
    )
    expect(outcome).toEqual({ status: 'error', reason: 'X API v2 could not be reached (getaddrinfo ENOTFOUND api.x.com)' })
  })
})

describe('xApi against the demo site', () => {
  let site: DemoSite
  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site?.close()
  })

  it('reads Nordlys with the demo token', async () => {
    const outcome = await xApi.read(onDemoSite(site.url, { id: 'x', platform: 'x', handle: 'nordlysoutdoor' }, 'demo-x-token'))
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      metrics: {
        followers: { value: 5120, source: 'api', via: 'x-api-v2' },
        following: { value: 77, source: 'api', via: 'x-api-v2' },
        posts: { value: 2210, source: 'api', via: 'x-api-v2' },
      },
    })
  })

  it('is blocked when the demo X API refuses the token, and the reason names the variable only', async () => {
    const outcome = await xApi.read(onDemoSite(site.url, { id: 'x', platform: 'x', handle: 'nordlysoutdoor' }, 'not-the-demo-token'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'X API v2 refused SHOWTELL_X_BEARER_TOKEN (401); check it or issue a new one' })
  })

  it('says not-found for a username X does not know (its 200 with only errors)', async () => {
    const outcome = await xApi.read(onDemoSite(site.url, { id: 'x', platform: 'x', handle: 'nobody_here' }, 'demo-x-token'))
    expect(outcome).toEqual({ status: 'not-found', reason: 'no such account (X API v2)' })
  })
})
