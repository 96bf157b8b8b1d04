// The TikTok Display API source: the token's own user info (followers,
// following, videos, likes), reported only for the account the token
// belongs to, and TikTok's error codes, first on answers written here from
// TikTok's documentation, then against the demo site's emulation over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tiktokDisplayApi } from '../../src/platforms/tiktok-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const TOKEN = 'act.TIKTOK-secret-token-0001'
const ACCOUNT: AccountRef = { id: 'tiktok', platform: 'tiktok', handle: 'nordlysoutdoor', url: 'https://www.tiktok.com/@nordlysoutdoor' }

// The shape "Get User Info" documents: data.user with the fields asked for, and error.code "ok".
const USER = {
  open_id: '723f24d7-e717-40f8-a2b6-cb8464cd23b4',
  username: 'nordlysoutdoor',
  display_name: 'Nordlys Outdoor',
  bio_description: 'Gear for the Norwegian outdoors.',
  follower_count: 15_234,
  following_count: 312,
  likes_count: 230_417,
  video_count: 87,
}
const OK = { code: 'ok', message: '', log_id: '20230425052136C5D1E15C1D8E8E0D3B' }

function tiktokError(status: number, code: string): HttpAnswer {
  return json(status, { data: {}, error: { code, message: `Words from TikTok about ${TOKEN}`, log_id: '202304250521' } })
}

function tiktok(answer: HttpAnswer, account: AccountRef = ACCOUNT) {
  return withAnswers(account, () => answer, { credential: TOKEN })
}

describe('tiktokDisplayApi on documented answers', () => {
  it('reads followers, following, videos and likes of the token’s own user, with the documented request', async () => {
    const { context, asked } = tiktok(json(200, { data: { user: USER }, error: OK }))
    expect(await tiktokDisplayApi.read(context)).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 15_234, source: 'api', via: 'tiktok-display-api' },
        following: { value: 312, source: 'api', via: 'tiktok-display-api' },
        posts: { value: 87, source: 'api', via: 'tiktok-display-api' },
        likes: { value: 230_417, source: 'api', via: 'tiktok-display-api' },
      },
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
    })
    expect(asked).toEqual([
      {
        url: 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,username,display_name,bio_description,follower_count,following_count,likes_count,video_count',
        headers: { authorization: `Bearer ${TOKEN}` },
      },
    ])
  })

  it('takes the handle from the profile URL, ignoring case and @, and reads an answer that leaves out optional counts', async () => {
    const user = { open_id: 'x', username: 'NordlysOutdoor', follower_count: 10 }
    const { context } = tiktok(json(200, { data: { user }, error: OK }), { id: 'tiktok', platform: 'tiktok', url: 'https://www.tiktok.com/@nordlysoutdoor?lang=en' })
    expect(await tiktokDisplayApi.read(context)).toEqual({ status: 'ok', metrics: { followers: { value: 10, source: 'api', via: 'tiktok-display-api' } } })
  })

  it('skips an account the token does not belong to, without its numbers or the other username', async () => {
    const { context } = tiktok(json(200, { data: { user: { ...USER, username: 'someoneelse' } }, error: OK }))
    const outcome = await tiktokDisplayApi.read(context)
    expect(outcome).toEqual({
      status: 'skipped',
      reason: 'the TikTok token belongs to another account, not @nordlysoutdoor; set SHOWTELL_TIKTOK_TOKEN to a token of @nordlysoutdoor',
    })
  })

  it('skips without a token or without a handle, asking nothing', async () => {
    const none = withAnswers(ACCOUNT, () => json(200, { data: { user: USER }, error: OK }))
    expect(await tiktokDisplayApi.read(none.context)).toEqual({ status: 'skipped', reason: 'TikTok Display API: no token; set SHOWTELL_TIKTOK_TOKEN' })
    const nameless = tiktok(json(200, { data: { user: USER }, error: OK }), { id: 'tiktok', platform: 'tiktok', url: 'https://www.tiktok.com/' })
    expect((await tiktokDisplayApi.read(nameless.context)).status).toBe('skipped')
    expect([...none.asked, ...nameless.asked]).toEqual([])
  })

  it.each([
    // TikTok answers an expired token (they last 24 hours) and a wrong one alike.
    ['access_token_invalid', tiktokError(401, 'access_token_invalid'), 'TikTok Display API: the token in SHOWTELL_TIKTOK_TOKEN has expired; renew it'],
    [
      'scope_not_authorized',
      tiktokError(401, 'scope_not_authorized'),
      'TikTok Display API: SHOWTELL_TIKTOK_TOKEN may not read this account (401); it needs the user.info.basic, user.info.profile and user.info.stats scopes',
    ],
    [
      'scope_permission_missed',
      tiktokError(403, 'scope_permission_missed'),
      'TikTok Display API: SHOWTELL_TIKTOK_TOKEN may not read this account (403); it needs the user.info.basic, user.info.profile and user.info.stats scopes',
    ],
    ['rate_limit_exceeded', tiktokError(429, 'rate_limit_exceeded'), 'TikTok Display API: rate limit or quota reached for SHOWTELL_TIKTOK_TOKEN (429); try again later'],
    ['a 429 that is not JSON', { status: 429, body: 'Too Many Requests' }, 'TikTok Display API: rate limit or quota reached for SHOWTELL_TIKTOK_TOKEN (429); try again later'],
    ['a 401 with no error code', { status: 401, body: '' }, 'TikTok Display API refused SHOWTELL_TIKTOK_TOKEN (401); check it or issue a new one'],
  ])('is blocked by %s, naming the variable and never the answer or the token', async (_, answer, reason) => {
    expect(await tiktokDisplayApi.read(tiktok(answer).context)).toEqual({ status: 'blocked', reason })
  })

  it('makes other error codes and statuses the account’s error, never quoting them', async () => {
    expect(await tiktokDisplayApi.read(tiktok(tiktokError(500, 'internal_error')).context)).toEqual({ status: 'error', reason: 'TikTok Display API answered 500' })
    expect(await tiktokDisplayApi.read(tiktok(tiktokError(400, 'invalid_params')).context)).toEqual({ status: 'error', reason: 'TikTok Display API answered 400' })
    expect(await tiktokDisplayApi.read(tiktok(tiktokError(200, 'internal_error')).context)).toEqual({ status: 'error', reason: 'TikTok Display API answered 200 with an error' })
  })

  it.each([
    ['null', json(200, null)],
    ['a list', json(200, [{ data: { user: USER }, error: OK }])],
    ['no user', json(200, { data: {}, error: OK })],
    ['no username', json(200, { data: { user: { ...USER, username: undefined } }, error: OK })],
    ['no follower count', json(200, { data: { user: { ...USER, follower_count: undefined } }, error: OK })],
    ['a follower count that is not a count', json(200, { data: { user: { ...USER, follower_count: '15234' } }, error: OK })],
    ['a negative video count', json(200, { data: { user: { ...USER, video_count: -1 } }, error: OK })],
    ['text that is not JSON', { status: 200, body: `<html>${TOKEN}</html>` }],
  ])('makes an answer of %s the account’s error, without quoting it', async (_, answer) => {
    const outcome = await tiktokDisplayApi.read(tiktok(answer).context)
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(TOKEN)
  })

  it('never lets a token in a network error reach the reason', async () => {
    const { context } = withAnswers(
      ACCOUNT,
      () => {
        throw new Error(`getaddrinfo ENOTFOUND with header Bearer ${TOKEN}`)
      },
      { credential: TOKEN },
    )
    const outcome = await tiktokDisplayApi.read(context)
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).toContain('TikTok Display API could not be reached (getaddrinfo ENOTFOUND')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(TOKEN)
  })
})

describe('tiktokDisplayApi against the demo site', () => {
  let site: DemoSite
  const DEMO_ACCOUNT: AccountRef = { id: 'tiktok', platform: 'tiktok', handle: '@nordlysoutdoor' }
  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site.close()
  })
  beforeEach(() => {
    site.state.followersBump = 0
    site.state.postsBump = 0
  })

  it('reads the numbers the demo TikTok page shows, and follows the bumps', async () => {
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, DEMO_CREDENTIALS.tiktok))).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 15_400, source: 'api', via: 'tiktok-display-api' },
        following: { value: 12, source: 'api', via: 'tiktok-display-api' },
        posts: { value: 87, source: 'api', via: 'tiktok-display-api' },
        likes: { value: 230_000, source: 'api', via: 'tiktok-display-api' },
      },
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors. Field tests, repairs and northern lights.',
    })
    site.state.followersBump = 100
    site.state.postsBump = 3
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, DEMO_CREDENTIALS.tiktok))).toMatchObject({
      metrics: { followers: { value: 15_500 }, following: { value: 12 }, posts: { value: 90 }, likes: { value: 230_100 } },
    })
  })

  it('answers the numbers the demo TikTok page embeds at the same bumps', async () => {
    site.state.followersBump = 7
    site.state.postsBump = 2
    const page = await (await fetch(`${site.url}/tiktok/@nordlysoutdoor`)).text()
    expect(page).toContain('"stats":{"followerCount":15407,"followingCount":12,"heartCount":230007,"videoCount":89}')
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, DEMO_CREDENTIALS.tiktok))).toMatchObject({
      metrics: { followers: { value: 15_407 }, following: { value: 12 }, posts: { value: 89 }, likes: { value: 230_007 } },
    })
  })

  it('is blocked for an expired token, a wrong token and the rate limit', async () => {
    const expired = { status: 'blocked', reason: 'TikTok Display API: the token in SHOWTELL_TIKTOK_TOKEN has expired; renew it' }
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'expired'))).toEqual(expired)
    // TikTok answers a wrong token with the same access_token_invalid.
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'not-the-demo-token'))).toEqual(expired)
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'ratelimited'))).toEqual({
      status: 'blocked',
      reason: 'TikTok Display API: rate limit or quota reached for SHOWTELL_TIKTOK_TOKEN (429); try again later',
    })
  })

  it('skips an account that is not the token’s: another user’s token, or an unknown handle', async () => {
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, DEMO_ACCOUNT, 'demo-tiktok-token-other'))).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('the TikTok token belongs to another account, not @nordlysoutdoor'),
    })
    expect(await tiktokDisplayApi.read(onDemoSite(site.url, { id: 'x', platform: 'tiktok', url: `${site.url}/tiktok/@nordlys` }, DEMO_CREDENTIALS.tiktok))).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('the TikTok token belongs to another account, not @nordlys;'),
    })
  })
})
