// The Facebook Page source on Meta's Graph API: on answers written here in
// the shapes of Meta's documentation (the Page node, its posts with
// reactions/comments summaries, Meta's error objects), and against the demo
// site's emulation through the real guarded client. A Page's likes are never
// its followers, a failure of the posts keeps the headline, and no reason
// ever carries the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { facebookGraphApi, facebookPageOf } from '../../src/platforms/facebook-api.js'
import type { AccountRef, HttpAnswer, SourceOutcome } from '../../src/platforms/source.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const TOKEN = 'EAAGfbPageToken9d8c7b6a5'
const PAGE: AccountRef = { id: 'nordlys-facebook', platform: 'facebook', url: 'https://www.facebook.com/nordlysoutdoor' }

/** The Page node as Graph answers `fields=id,username,name,about,followers_count,fan_count`. */
const PAGE_ANSWER = { id: '20531316728', username: 'nordlysoutdoor', name: 'Nordlys Outdoor', about: 'Jackets for the Arctic.', followers_count: 15_320, fan_count: 14_870 }

/** `/posts?fields=created_time,reactions.limit(0).summary(true),comments.limit(0).summary(true),shares`, newest first. */
const POSTS_ANSWER = {
  data: [
    { created_time: '2026-11-28T12:00:00+0000', reactions: { data: [], summary: { total_count: 40, viewer_reaction: 'NONE' } }, comments: { data: [], summary: { order: 'ranked', total_count: 5, can_comment: true } }, shares: { count: 3 }, id: '20531316728_1' },
    { created_time: '2026-11-20T12:00:00+0000', reactions: { data: [], summary: { total_count: 10, viewer_reaction: 'NONE' } }, comments: { data: [], summary: { order: 'ranked', total_count: 0, can_comment: true } }, id: '20531316728_2' },
    { created_time: '2026-11-10T12:00:00+0000', reactions: { data: [], summary: { total_count: 100, viewer_reaction: 'NONE' } }, comments: { data: [], summary: { order: 'ranked', total_count: 20, can_comment: true } }, shares: { count: 7 }, id: '20531316728_3' },
    { created_time: '2026-10-01T12:00:00+0000', reactions: { data: [], summary: { total_count: 999, viewer_reaction: 'NONE' } }, comments: { data: [], summary: { order: 'ranked', total_count: 99, can_comment: true } }, id: '20531316728_4' },
  ],
  paging: { cursors: { before: 'b', after: 'a' } },
}

/** Meta's error object, as the error-handling guide shows it. */
function graphError(status: number, code: number, subcode?: number, message = 'Message describing the error'): HttpAnswer {
  return json(status, { error: { message, type: 'OAuthException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'EJplcsCHuLu' } })
}

function pageThenPosts(page: HttpAnswer, posts: HttpAnswer = json(200, POSTS_ANSWER)) {
  return (url: URL) => (url.pathname.endsWith('/posts') ? posts : page)
}

async function readWith(answer: (url: URL) => HttpAnswer | Promise<HttpAnswer>, account: AccountRef = PAGE, credential: string | null = TOKEN) {
  const { context, asked } = withAnswers(account, answer, credential === null ? {} : { credential })
  return { outcome: await facebookGraphApi.read(context), asked }
}

function reasonOf(outcome: SourceOutcome): string {
  if (outcome.status === 'ok') throw new Error('expected a failure, got ok')
  return outcome.reason
}

describe('the Facebook Page source on answers in the documented shapes', () => {
  it('reads followers_count as the followers and fan_count as likes, kept apart, with the name and about', async () => {
    const { outcome, asked } = await readWith(pageThenPosts(json(200, PAGE_ANSWER)))
    expect(outcome.status).toBe('ok')
    if (outcome.status !== 'ok') return
    expect(outcome.metrics.followers).toEqual({ value: 15_320, source: 'api', via: 'facebook-graph-api' })
    expect(outcome.metrics.likes).toEqual({ value: 14_870, source: 'api', via: 'facebook-graph-api' })
    expect(outcome.title).toBe('Nordlys Outdoor')
    expect(outcome.description).toBe('Jackets for the Arctic.')
    const first = new URL(asked[0]!.url)
    expect(`${first.origin}${first.pathname}`).toBe('https://graph.facebook.com/v25.0/nordlysoutdoor')
    expect(first.searchParams.get('fields')).toBe('id,username,name,about,followers_count,fan_count')
    expect(asked[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('keeps the token out of every URL it asks for', async () => {
    const { asked } = await readWith(pageThenPosts(json(200, PAGE_ANSWER)))
    expect(asked).toHaveLength(2)
    for (const { url } of asked) expect(url).not.toContain(TOKEN)
  })

  it('reads the posts of the last 30 days: the latest, how many, and the median of reactions + comments + shares', async () => {
    // TEST_NOW is 2026-12-01T09:00Z; the 2026-10-01 post is outside the window.
    // Interactions: 40+5+3 = 48, 10+0+(no shares) = 10, 100+20+7 = 127 → median 48.
    const { outcome, asked } = await readWith(pageThenPosts(json(200, PAGE_ANSWER)))
    if (outcome.status !== 'ok') throw new Error(reasonOf(outcome))
    expect(outcome.metrics.lastPostAt).toEqual({ value: '2026-11-28T12:00:00.000Z', source: 'api', via: 'facebook-graph-api' })
    expect(outcome.metrics.postsPerMonth).toEqual({ value: 3, source: 'api', via: 'facebook-graph-api' })
    expect(outcome.metrics.interactionsPerPost).toEqual({ value: 48, source: 'api', via: 'facebook-graph-api' })
    const posts = new URL(asked[1]!.url)
    expect(posts.pathname).toBe('/v25.0/20531316728/posts')
    expect(posts.searchParams.get('fields')).toBe('created_time,reactions.limit(0).summary(true),comments.limit(0).summary(true),shares')
    expect(asked[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('marks a month of posts as a floor when the page of posts was full', async () => {
    const full = { data: Array.from({ length: 25 }, (_, i) => ({ created_time: `2026-11-${String(30 - i).padStart(2, '0')}T08:00:00+0000`, reactions: { data: [], summary: { total_count: i } }, comments: { data: [], summary: { total_count: 0 } }, id: `p${i}` })) }
    const { outcome } = await readWith(pageThenPosts(json(200, PAGE_ANSWER), json(200, full)))
    if (outcome.status !== 'ok') throw new Error(reasonOf(outcome))
    expect(outcome.metrics.postsPerMonth).toEqual({ value: 25, source: 'api', via: 'facebook-graph-api', approximate: true })
  })

  it('keeps the headline numbers when the posts are refused or make no sense', async () => {
    for (const posts of [graphError(403, 200, undefined, '(#200) Requires pages_read_engagement permission'), json(200, { data: 'nope' }), json(200, null), { status: 200, body: '<html>' }]) {
      const { outcome } = await readWith(pageThenPosts(json(200, PAGE_ANSWER), posts))
      if (outcome.status !== 'ok') throw new Error(reasonOf(outcome))
      expect(outcome.metrics.followers?.value).toBe(15_320)
      expect(outcome.metrics.likes?.value).toBe(14_870)
      expect(outcome.metrics.postsPerMonth).toBeUndefined()
      expect(outcome.metrics.interactionsPerPost).toBeUndefined()
    }
  })

  it('keeps the headline when asking for the posts throws', async () => {
    const { outcome } = await readWith((url) => {
      if (url.pathname.endsWith('/posts')) throw new Error('socket hang up')
      return json(200, PAGE_ANSWER)
    })
    expect(outcome.status).toBe('ok')
  })

  it('asks for the Page by its id when the account has one, and by the username in a url or handle otherwise', async () => {
    expect(facebookPageOf({ id: 'a', platform: 'facebook', platformId: '20531316728', url: 'https://www.facebook.com/other' })).toBe('20531316728')
    expect(facebookPageOf({ id: 'a', platform: 'facebook', handle: '@nordlysoutdoor' })).toBe('nordlysoutdoor')
    expect(facebookPageOf({ id: 'a', platform: 'facebook', url: 'https://www.facebook.com/nordlys.outdoor/' })).toBe('nordlys.outdoor')
    expect(facebookPageOf({ id: 'a', platform: 'facebook', url: 'https://www.facebook.com/profile.php?id=100064512345678' })).toBe('100064512345678')
    expect(facebookPageOf({ id: 'a', platform: 'facebook', url: 'http://127.0.0.1:4321/facebook/nordlysoutdoor' })).toBe('nordlysoutdoor')
    // Nothing that could change the request's path or query.
    expect(facebookPageOf({ id: 'a', platform: 'facebook', handle: 'nordlys/../me?fields=x' })).toBeUndefined()

    const { asked } = await readWith(pageThenPosts(json(200, PAGE_ANSWER)), { ...PAGE, platformId: '20531316728' })
    expect(new URL(asked[0]!.url).pathname).toBe('/v25.0/20531316728')
  })

  it('is skipped, asking nothing, without a token or without a Page to ask for', async () => {
    const none = await readWith(() => json(200, PAGE_ANSWER), PAGE, null)
    expect(none.outcome).toEqual({ status: 'skipped', reason: 'SHOWTELL_FACEBOOK_TOKEN is not set' })
    expect(none.asked).toHaveLength(0)
    const nameless = await readWith(() => json(200, PAGE_ANSWER), { id: 'x', platform: 'facebook', handle: 'a b' })
    expect(nameless.outcome.status).toBe('skipped')
    expect(nameless.asked).toHaveLength(0)
  })

  it('never reports another Page\'s numbers: the id or the username in the answer must be the one asked for', async () => {
    const byId = await readWith(pageThenPosts(json(200, { ...PAGE_ANSWER, id: '999' })), { ...PAGE, platformId: '20531316728' })
    expect(byId.outcome.status).toBe('error')
    expect(reasonOf(byId.outcome)).toMatch(/another Page/)
    const byName = await readWith(pageThenPosts(json(200, { ...PAGE_ANSWER, username: 'someoneelse' })))
    expect(byName.outcome.status).toBe('error')
  })

  it('makes null, a list, a missing or a non-numeric followers_count that account\'s error, never a throw', async () => {
    const bodies: unknown[] = [null, [PAGE_ANSWER], 'followers', {}, { ...PAGE_ANSWER, followers_count: undefined }, { ...PAGE_ANSWER, followers_count: '15320' }, { ...PAGE_ANSWER, followers_count: -1 }]
    for (const body of bodies) {
      const { outcome } = await readWith(pageThenPosts(json(200, body)))
      expect(outcome.status, JSON.stringify(body)).toBe('error')
      expect(reasonOf(outcome)).toMatch(/^Meta Graph API \(Facebook Page\) answered 200 with an unexpected answer/)
    }
    const notJson = await readWith(() => ({ status: 200, body: '<html>maintenance</html>' }))
    expect(reasonOf(notJson.outcome)).toBe('Meta Graph API (Facebook Page) answered 200 with something that is not JSON')
  })

  it('does not take a Page with likes but no followers_count for one with followers', async () => {
    const { outcome } = await readWith(pageThenPosts(json(200, { id: '20531316728', name: 'Nordlys Outdoor', fan_count: 14_870 })))
    expect(outcome.status).toBe('error')
  })
})

describe("Meta's error answers, read by their code", () => {
  const cases: readonly (readonly [string, HttpAnswer, SourceOutcome['status'], RegExp])[] = [
    ['190/463 expired', graphError(400, 190, 463, 'Error validating access token: Session has expired on Monday'), 'blocked', /^Meta Graph API \(Facebook Page\): the token in SHOWTELL_FACEBOOK_TOKEN has expired; renew it$/],
    ['190/460 password changed', graphError(400, 190, 460), 'blocked', /SHOWTELL_FACEBOOK_TOKEN was invalidated by a password change/],
    ['190 invalid', graphError(400, 190, undefined, 'Invalid OAuth access token - Cannot parse access token'), 'blocked', /refused SHOWTELL_FACEBOOK_TOKEN \(400\); check it or issue a new one/],
    ['190/467 invalid', graphError(400, 190, 467), 'blocked', /refused SHOWTELL_FACEBOOK_TOKEN/],
    ['102 session', graphError(400, 102), 'blocked', /refused SHOWTELL_FACEBOOK_TOKEN/],
    ['4 app limit, 403', graphError(403, 4, undefined, '(#4) Application request limit reached'), 'blocked', /rate limit or quota reached for SHOWTELL_FACEBOOK_TOKEN \(403\); try again later/],
    ['17 user limit', graphError(400, 17), 'blocked', /rate limit/],
    ['32 Page limit', graphError(400, 32, undefined, '(#32) Page request limit reached'), 'blocked', /rate limit/],
    ['613 call limit', graphError(400, 613), 'blocked', /rate limit/],
    ['80001 Pages BUC limit', graphError(400, 80001), 'blocked', /rate limit/],
    ['10 permission', graphError(400, 10, undefined, '(#10) This endpoint requires the pages_read_engagement permission'), 'blocked', /SHOWTELL_FACEBOOK_TOKEN may not read this account \(400\); it needs pages_read_engagement/],
    ['200 permission', graphError(403, 200), 'blocked', /may not read this account \(403\); it needs pages_read_engagement/],
    ['299 permission', graphError(400, 299), 'blocked', /may not read/],
    ['100/33 no such object', graphError(400, 100, 33, "Unsupported get request. Object with ID '1' does not exist"), 'not-found', /^no such Facebook Page \(Meta Graph API \(Facebook Page\): error 100\/33\)$/],
    ['100 does not exist', graphError(400, 100, undefined, 'Object does not exist'), 'not-found', /no such Facebook Page/],
    ['803 alias', graphError(404, 803, undefined, '(#803) Some of the aliases you requested do not exist: nordlysoutdoor'), 'not-found', /no such Facebook Page .*803/],
    ['100 bad field', graphError(400, 100, undefined, '(#100) Tried accessing nonexisting field (fan_count)'), 'error', /^Meta Graph API \(Facebook Page\) answered 400 with error 100$/],
    ['2 service', graphError(500, 2), 'error', /temporarily unavailable \(error 2\)/],
    ['plain 401', { status: 401, body: '' }, 'blocked', /refused SHOWTELL_FACEBOOK_TOKEN \(401\)/],
    ['plain 429', { status: 429, body: 'slow down' }, 'blocked', /rate limit .*\(429\)/],
    ['plain 502', { status: 502, body: '<html>Bad Gateway</html>' }, 'error', /answered 502$/],
  ]

  for (const [name, answer, status, reason] of cases) {
    it(`${name} → ${status}`, async () => {
      const { outcome } = await readWith(() => answer)
      expect(outcome.status).toBe(status)
      expect(reasonOf(outcome)).toMatch(reason)
    })
  }

  it('never quotes the answer: a message that names the token or the Page stays out of the reason', async () => {
    for (const [, answer] of cases) {
      const echoing = answer.body.includes('"message"') ? { status: answer.status, body: answer.body.replace('"message":"', `"message":"marker-7c1e token ${TOKEN} `) } : answer
      const { outcome } = await readWith(() => echoing)
      expect(reasonOf(outcome)).not.toContain(TOKEN)
      expect(reasonOf(outcome)).not.toContain('marker-7c1e')
    }
  })
})

describe('when no answer comes', () => {
  it('a network error whose message holds the URL and the token: an error whose reason holds neither token nor header', async () => {
    const { outcome } = await readWith((url) => {
      throw new Error(`GET failed with access_token=${TOKEN} (${url.href}): connect ECONNREFUSED`)
    })
    expect(outcome.status).toBe('error')
    expect(reasonOf(outcome)).toMatch(/^Meta Graph API \(Facebook Page\) could not be reached/)
    expect(reasonOf(outcome)).not.toContain(TOKEN)
  })

  it('a timeout is a timeout', async () => {
    const { outcome } = await readWith(() => {
      throw Object.assign(new Error('timed out'), { name: 'TimeoutError' })
    })
    expect(outcome).toEqual({ status: 'timeout', reason: 'Meta Graph API (Facebook Page) did not answer in time' })
  })
})

describe('the Facebook Page source against the demo site', () => {
  let site: DemoSite
  const account: AccountRef = { id: 'nordlys-facebook', platform: 'facebook', url: 'http://127.0.0.1:4321/facebook/nordlysoutdoor' }

  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site?.close()
  })

  it('reads the Nordlys Page: its followers, its likes as the page shows them, and the posts of the last 30 days', async () => {
    const outcome = await facebookGraphApi.read(onDemoSite(site.url, account, DEMO_CREDENTIALS.facebook))
    // Written out from demo-site/apis/graph.ts and platforms.ts: followers 44,150 (as the page states); likes 42,217 (the
    // demo page's "42,217 likes"); posts of 11-19, 11-12, 11-05 in the window (10-29 is not):
    // 412+37+21 = 470, 288+19+9 = 316, 150+44+0 = 194 → median 316.
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors.',
      metrics: {
        followers: { value: 44_150, source: 'api', via: 'facebook-graph-api' },
        likes: { value: 42_217, source: 'api', via: 'facebook-graph-api' },
        lastPostAt: { value: '2026-11-19T08:00:00.000Z', source: 'api', via: 'facebook-graph-api' },
        postsPerMonth: { value: 3, source: 'api', via: 'facebook-graph-api' },
        interactionsPerPost: { value: 316, source: 'api', via: 'facebook-graph-api' },
      },
    })
  })

  it('follows the demo bumps, as the demo page does', async () => {
    site.state.followersBump = 100
    try {
      const outcome = await facebookGraphApi.read(onDemoSite(site.url, account, DEMO_CREDENTIALS.facebook))
      if (outcome.status !== 'ok') throw new Error(reasonOf(outcome))
      expect(outcome.metrics.followers?.value).toBe(44_250)
      expect(outcome.metrics.likes?.value).toBe(42_317)
    } finally {
      site.state.followersBump = 0
    }
  })

  it('an expired token is blocked, naming the variable to renew', async () => {
    const outcome = await facebookGraphApi.read(onDemoSite(site.url, account, 'expired'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'Meta Graph API (Facebook Page): the token in SHOWTELL_FACEBOOK_TOKEN has expired; renew it' })
  })

  it('a wrong token is blocked as refused', async () => {
    const outcome = await facebookGraphApi.read(onDemoSite(site.url, account, 'not-the-page-token'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'Meta Graph API (Facebook Page) refused SHOWTELL_FACEBOOK_TOKEN (400); check it or issue a new one' })
  })

  it('a rate-limited token is blocked until later', async () => {
    const outcome = await facebookGraphApi.read(onDemoSite(site.url, account, 'ratelimited'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'Meta Graph API (Facebook Page): rate limit or quota reached for SHOWTELL_FACEBOOK_TOKEN (403); try again later' })
  })

  it('an unknown Page is not found, by username (803) and by id (100/33)', async () => {
    const byName = await facebookGraphApi.read(onDemoSite(site.url, { ...account, url: 'http://127.0.0.1:4321/facebook/nordlysgone' }, DEMO_CREDENTIALS.facebook))
    expect(byName).toEqual({ status: 'not-found', reason: 'no such Facebook Page (Meta Graph API (Facebook Page): error 803)' })
    const byId = await facebookGraphApi.read(onDemoSite(site.url, { ...account, platformId: '123456789' }, DEMO_CREDENTIALS.facebook))
    expect(byId).toEqual({ status: 'not-found', reason: 'no such Facebook Page (Meta Graph API (Facebook Page): error 100/33)' })
  })
})
