// The Instagram source on Meta's Graph API (Instagram API with Facebook
// Login): on answers written here in the shapes of Meta's documentation
// (me/accounts with the linked instagram_business_account, the IG User node,
// its media, business_discovery and Meta's error objects), and against the
// demo site's emulation through the real guarded client. The numbers are
// reported only for the account asked for, and no reason carries the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { instagramGraphApi, instagramUsernameOf } from '../../src/platforms/instagram-api.js'
import type { AccountRef, HttpAnswer, SourceOutcome } from '../../src/platforms/source.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const TOKEN = 'EAAGigUserToken1f2e3d4c5b'
const OWN: AccountRef = { id: 'nordlys-instagram', platform: 'instagram', url: 'https://www.instagram.com/nordlysoutdoor/' }
const OTHER: AccountRef = { id: 'fjellkraft-instagram', platform: 'instagram', handle: 'fjellkraft' }
const IG_ID = '17841405822304914'

/** me/accounts?fields=instagram_business_account{id,username}: one Page without an Instagram account, one with. */
const ACCOUNTS = {
  data: [
    { id: '111111111111111' },
    { instagram_business_account: { id: IG_ID, username: 'nordlysoutdoor' }, id: '134895793791914' },
  ],
  paging: { cursors: { before: 'b', after: 'a' } },
}

const OWN_USER = { id: IG_ID, username: 'nordlysoutdoor', name: 'Nordlys Outdoor', biography: 'Gear for the north.', followers_count: 88_712, follows_count: 190, media_count: 1_409 }

/** /{ig-user-id}/media?fields=timestamp,like_count,comments_count, newest first; the third hides its likes. */
const MEDIA = {
  data: [
    { timestamp: '2026-11-29T10:00:00+0000', like_count: 300, comments_count: 20, id: 'm1' },
    { timestamp: '2026-11-21T10:00:00+0000', like_count: 100, comments_count: 10, id: 'm2' },
    { timestamp: '2026-11-15T10:00:00+0000', comments_count: 4, id: 'm3' },
    { timestamp: '2026-11-02T10:00:00+0000', like_count: 50, comments_count: 0, id: 'm4' },
    { timestamp: '2026-10-20T10:00:00+0000', like_count: 9_999, comments_count: 999, id: 'm5' },
  ],
  paging: { cursors: { before: 'b', after: 'a' } },
}

const DISCOVERED = {
  business_discovery: {
    username: 'fjellkraft',
    name: 'Fjellkraft',
    biography: 'Mountain power since 1998.',
    followers_count: 41_230,
    follows_count: 301,
    media_count: 913,
    media: { data: [{ timestamp: '2026-11-25T10:00:00+0000', like_count: 60, comments_count: 2, id: 'f1' }, { timestamp: '2026-11-18T10:00:00+0000', like_count: 40, comments_count: 1, id: 'f2' }] },
    id: '17841401441775531',
  },
  id: IG_ID,
}

function graphError(status: number, code: number, subcode?: number, message = 'Message describing the error'): HttpAnswer {
  return json(status, { error: { message, type: 'OAuthException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'EJplcsCHuLu' } })
}

/** Answers by step: me/accounts, the IG user node (own fields or business_discovery), its media. */
function graph(steps: { accounts?: HttpAnswer; user?: HttpAnswer; media?: HttpAnswer }) {
  return (url: URL): HttpAnswer => {
    if (url.pathname.endsWith('/me/accounts')) return steps.accounts ?? json(200, ACCOUNTS)
    if (url.pathname.endsWith('/media')) return steps.media ?? json(200, MEDIA)
    return steps.user ?? json(200, OWN_USER)
  }
}

async function readWith(answer: (url: URL) => HttpAnswer | Promise<HttpAnswer>, account: AccountRef = OWN, credential: string | null = TOKEN) {
  const { context, asked } = withAnswers(account, answer, credential === null ? {} : { credential })
  return { outcome: await instagramGraphApi.read(context), asked }
}

function reasonOf(outcome: SourceOutcome): string {
  if (outcome.status === 'ok') throw new Error('expected a failure, got ok')
  return outcome.reason
}

const via = 'instagram-graph-api'

describe('its own account', () => {
  it('finds the IG user linked to a Page the token manages, and reads its own fields and media', async () => {
    const { outcome, asked } = await readWith(graph({}))
    // Media in the window (after 2026-11-01T09:00Z): 320, 110, (likes hidden), 50 → median of 320, 110, 50 = 110.
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the north.',
      metrics: {
        followers: { value: 88_712, source: 'api', via },
        following: { value: 190, source: 'api', via },
        posts: { value: 1_409, source: 'api', via },
        lastPostAt: { value: '2026-11-29T10:00:00.000Z', source: 'api', via },
        postsPerMonth: { value: 4, source: 'api', via },
        interactionsPerPost: { value: 110, source: 'api', via },
      },
    })
    const urls = asked.map(({ url }) => new URL(url))
    expect(urls.map((url) => url.pathname)).toEqual(['/v25.0/me/accounts', `/v25.0/${IG_ID}`, `/v25.0/${IG_ID}/media`])
    expect(urls[0]!.searchParams.get('fields')).toBe('instagram_business_account{id,username}')
    expect(urls[1]!.searchParams.get('fields')).toBe('id,username,name,biography,followers_count,follows_count,media_count')
    expect(urls[2]!.searchParams.get('fields')).toBe('timestamp,like_count,comments_count')
    expect(urls[2]!.searchParams.get('limit')).toBe('50')
    for (const { url, headers } of asked) {
      expect(url).not.toContain(TOKEN)
      expect(headers.authorization).toBe(`Bearer ${TOKEN}`)
    }
  })

  it('matches the username without regard to case', async () => {
    const { outcome } = await readWith(graph({}), { ...OWN, url: undefined, handle: '@NordlysOutdoor' })
    expect(outcome.status).toBe('ok')
  })

  it('keeps the counts when the media are refused or make no sense', async () => {
    for (const media of [graphError(400, 10, undefined, '(#10) Application does not have permission'), json(200, { data: null }), { status: 200, body: 'oops' }]) {
      const { outcome } = await readWith(graph({ media }))
      if (outcome.status !== 'ok') throw new Error(reasonOf(outcome))
      expect(outcome.metrics.followers?.value).toBe(88_712)
      expect(outcome.metrics.postsPerMonth).toBeUndefined()
    }
  })

  it("never reports another account's numbers: the node's username and id must be the ones found", async () => {
    for (const user of [{ ...OWN_USER, username: 'someoneelse' }, { ...OWN_USER, id: '17841400000000999' }]) {
      const { outcome } = await readWith(graph({ user: json(200, user) }))
      expect(outcome.status).toBe('error')
      expect(reasonOf(outcome)).toBe('Meta Graph API (Instagram) answered for another account than the one asked for')
    }
  })

  it('is blocked, naming the variable, when the token reaches no Instagram professional account', async () => {
    const { outcome, asked } = await readWith(graph({ accounts: json(200, { data: [{ id: '111111111111111' }] }) }))
    expect(outcome.status).toBe('blocked')
    expect(reasonOf(outcome)).toMatch(/SHOWTELL_INSTAGRAM_TOKEN reaches no Instagram professional account; link/)
    expect(asked).toHaveLength(1)
  })
})

describe('another account, through business_discovery', () => {
  it('asks on the token\'s IG user with the handle, and reads the counts and media of that account', async () => {
    const { outcome, asked } = await readWith(graph({ user: json(200, DISCOVERED) }), OTHER)
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Fjellkraft',
      description: 'Mountain power since 1998.',
      metrics: {
        followers: { value: 41_230, source: 'api', via },
        following: { value: 301, source: 'api', via },
        posts: { value: 913, source: 'api', via },
        lastPostAt: { value: '2026-11-25T10:00:00.000Z', source: 'api', via },
        postsPerMonth: { value: 2, source: 'api', via },
        // 62 and 41 → 51.5
        interactionsPerPost: { value: 51.5, source: 'api', via },
      },
    })
    expect(asked).toHaveLength(2)
    const discovery = new URL(asked[1]!.url)
    expect(discovery.pathname).toBe(`/v25.0/${IG_ID}`)
    expect(discovery.searchParams.get('fields')).toBe(
      'business_discovery.username(fjellkraft){username,name,biography,followers_count,follows_count,media_count,media.limit(50){timestamp,like_count,comments_count}}',
    )
  })

  it('reads the documentation\'s sample answer only once it names the account asked for', async () => {
    // In the shape of Meta's published sample for business_discovery.username(bluebottle){followers_count,media_count}
    // (developers.facebook.com …/instagram-api-with-facebook-login/business-discovery, v25.0), with its numbers
    // and its ids; the published sample carries `//` comments, which a real answer never does.
    const sample = `{
  "business_discovery": {
    "followers_count": 267793,
    "media_count": 1205,
    "id": "17841401441775531" // the account looked up
  },
  "id": "17841405309211844"  // the token's own IG user
}`
    const strict = sample.replace(/\s*\/\/[^\n]*/g, '')
    const bluebottle: AccountRef = { id: 'bb', platform: 'instagram', handle: 'bluebottle' }
    // Our request asks for `username`; an answer without it cannot show the numbers are Blue Bottle's.
    const bare = await readWith(graph({ user: { status: 200, body: strict } }), bluebottle)
    expect(bare.outcome.status).toBe('error')
    expect(reasonOf(bare.outcome)).toMatch(/business_discovery\.username: expected a string, got nothing/)

    const named = JSON.parse(strict) as { business_discovery: Record<string, unknown> }
    named.business_discovery.username = 'bluebottle'
    const { outcome } = await readWith(graph({ user: json(200, named) }), bluebottle)
    expect(outcome).toEqual({ status: 'ok', metrics: { followers: { value: 267_793, source: 'api', via }, posts: { value: 1_205, source: 'api', via } } })
  })

  it('never reports the numbers of an account other than the one asked for', async () => {
    const wrong = { ...DISCOVERED, business_discovery: { ...DISCOVERED.business_discovery, username: 'fjellkraft_outlet' } }
    const { outcome } = await readWith(graph({ user: json(200, wrong) }), OTHER)
    expect(outcome).toEqual({ status: 'error', reason: 'Meta Graph API (Instagram) answered for another account than the one asked for' })
  })

  it('110/2207013 (no such professional account, or a personal one) is not found', async () => {
    const { outcome } = await readWith(graph({ user: graphError(400, 110, 2207013, 'Invalid user id') }), OTHER)
    expect(outcome).toEqual({
      status: 'not-found',
      reason: 'no Instagram Business or Creator account named @fjellkraft (Meta Graph API (Instagram): error 110/2207013; a personal account cannot be read)',
    })
  })

  it('a 200 without business_discovery is an error', async () => {
    const { outcome } = await readWith(graph({ user: json(200, { id: IG_ID }) }), OTHER)
    expect(outcome).toEqual({ status: 'error', reason: 'Meta Graph API (Instagram) answered 200 without business_discovery' })
  })

  it('a missing permission names the ones business_discovery needs', async () => {
    const { outcome } = await readWith(graph({ user: graphError(403, 10, undefined, '(#10) Application does not have permission for this action') }), OTHER)
    expect(outcome).toEqual({
      status: 'blocked',
      reason: 'Meta Graph API (Instagram): SHOWTELL_INSTAGRAM_TOKEN may not read this account (403); it needs instagram_basic, instagram_manage_insights and pages_read_engagement',
    })
  })
})

describe('refusals and odd answers', () => {
  const cases: readonly (readonly [string, Parameters<typeof graph>[0], SourceOutcome['status'], RegExp])[] = [
    ['expired at me/accounts', { accounts: graphError(400, 190, 463) }, 'blocked', /^Meta Graph API \(Instagram\): the token in SHOWTELL_INSTAGRAM_TOKEN has expired; renew it$/],
    ['invalid at me/accounts', { accounts: graphError(400, 190) }, 'blocked', /refused SHOWTELL_INSTAGRAM_TOKEN \(400\)/],
    ['missing pages_show_list', { accounts: graphError(400, 200) }, 'blocked', /it needs instagram_basic, pages_show_list and pages_read_engagement$/],
    ['Instagram BUC limit on the user node', { user: graphError(400, 80002) }, 'blocked', /rate limit or quota reached for SHOWTELL_INSTAGRAM_TOKEN \(400\)/],
    ['app limit', { accounts: graphError(403, 4) }, 'blocked', /rate limit .*\(403\)/],
    ['null accounts', { accounts: json(200, null) }, 'error', /answered 200 with an unexpected answer \(expected an object, got null\)/],
    ['a list of accounts', { accounts: json(200, []) }, 'error', /unexpected answer/],
    ['an IG id that is not a number', { accounts: json(200, { data: [{ id: '1', instagram_business_account: { id: 'x/../me', username: 'nordlysoutdoor' } }] }) }, 'error', /unexpected answer/],
    ['a user node without followers_count', { user: json(200, { ...OWN_USER, followers_count: undefined }) }, 'error', /followers_count: expected a count, got nothing/],
    ['a user node that is a list', { user: json(200, [OWN_USER]) }, 'error', /unexpected answer/],
    ['not JSON', { user: { status: 200, body: '<html>' } }, 'error', /^Meta Graph API \(Instagram\) answered 200 with something that is not JSON$/],
  ]
  for (const [name, steps, status, reason] of cases) {
    it(`${name} → ${status}`, async () => {
      const { outcome } = await readWith(graph(steps))
      expect(outcome.status).toBe(status)
      expect(reasonOf(outcome)).toMatch(reason)
    })
  }

  it('is skipped, asking nothing, without a token or a username it may put in a request', async () => {
    const none = await readWith(graph({}), OWN, null)
    expect(none.outcome).toEqual({ status: 'skipped', reason: 'SHOWTELL_INSTAGRAM_TOKEN is not set' })
    expect(none.asked).toHaveLength(0)
    // A `)` or `{` would change the business_discovery expression.
    for (const handle of ['fjellkraft){id}', 'a{b}', 'x'.repeat(31)]) {
      const bad = await readWith(graph({}), { id: 'x', platform: 'instagram', handle })
      expect(bad.outcome.status).toBe('skipped')
      expect(bad.asked).toHaveLength(0)
    }
    expect(instagramUsernameOf({ id: 'x', platform: 'instagram', url: 'http://127.0.0.1:4321/instagram/nordlys_news/' })).toBe('nordlys_news')
  })

  it('keeps the token out of every reason, a thrown error whose message holds the URL and the token included', async () => {
    const thrown = await readWith((url) => {
      throw new Error(`request to ${url.href}&access_token=${TOKEN} failed`)
    })
    expect(thrown.outcome.status).toBe('error')
    expect(reasonOf(thrown.outcome)).not.toContain(TOKEN)
    for (const [, steps] of cases) {
      const echo = (answer: HttpAnswer | undefined) => answer && { status: answer.status, body: answer.body.replace('"message":"', `"message":"${TOKEN} `) }
      const { outcome } = await readWith(graph({ ...(steps.accounts ? { accounts: echo(steps.accounts) } : {}), ...(steps.user ? { user: echo(steps.user) } : {}) }))
      expect(reasonOf(outcome)).not.toContain(TOKEN)
    }
  })
})

describe('the Instagram source against the demo site', () => {
  let site: DemoSite
  const at = (username: string): AccountRef => ({ id: username, platform: 'instagram', url: `http://127.0.0.1:4321/instagram/${username}/` })

  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site?.close()
  })

  it('reads its own account, @nordlysoutdoor, with the numbers the demo page shows and its media', async () => {
    const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('nordlysoutdoor'), DEMO_CREDENTIALS.instagram))
    // platforms.ts: 88,700 followers, 190 following, 1,407 posts. graph.ts media in the window:
    // 11-19 1204+57 = 1261, 11-12 876+31 = 907, 11-05 640+12 = 652 → median 907 (10-29 is outside).
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Nordlys Outdoor',
      description: 'Gear for the Norwegian outdoors. Made to be repaired. Tromsø 🇳🇴',
      metrics: {
        followers: { value: 88_700, source: 'api', via },
        following: { value: 190, source: 'api', via },
        posts: { value: 1_407, source: 'api', via },
        lastPostAt: { value: '2026-11-19T10:00:00.000Z', source: 'api', via },
        postsPerMonth: { value: 3, source: 'api', via },
        interactionsPerPost: { value: 907, source: 'api', via },
      },
    })
  })

  it('reads a competitor, @fjellkraft, through business_discovery (one post hides its likes)', async () => {
    const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('fjellkraft'), DEMO_CREDENTIALS.instagram))
    expect(outcome).toEqual({
      status: 'ok',
      title: 'Fjellkraft',
      description: 'Mountain power since 1998. Bergen.',
      metrics: {
        followers: { value: 41_200, source: 'api', via },
        following: { value: 301, source: 'api', via },
        posts: { value: 912, source: 'api', via },
        lastPostAt: { value: '2026-11-16T10:00:00.000Z', source: 'api', via },
        postsPerMonth: { value: 2, source: 'api', via },
        interactionsPerPost: { value: 530, source: 'api', via },
      },
    })
  })

  it('reads the fan page @nordlys_news the same way, with the demo bumps', async () => {
    site.state.followersBump = 10
    site.state.postsBump = 2
    try {
      const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('nordlys_news'), DEMO_CREDENTIALS.instagram))
      if (outcome.status !== 'ok') throw new Error(reasonOf(outcome))
      expect(outcome.metrics.followers?.value).toBe(2_350)
      expect(outcome.metrics.posts?.value).toBe(320)
      // 88+6 = 94 and 61+3 = 64 → 79
      expect(outcome.metrics.interactionsPerPost?.value).toBe(79)
    } finally {
      site.state.followersBump = 0
      site.state.postsBump = 0
    }
  })

  it('an unknown account and the personal impostor account are not found', async () => {
    for (const username of ['nordlys_gone', 'nordlys.official']) {
      const outcome = await instagramGraphApi.read(onDemoSite(site.url, at(username), DEMO_CREDENTIALS.instagram))
      expect(outcome).toEqual({
        status: 'not-found',
        reason: `no Instagram Business or Creator account named @${username} (Meta Graph API (Instagram): error 110/2207013; a personal account cannot be read)`,
      })
    }
  })

  it('an expired token is blocked, naming the variable to renew', async () => {
    const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('nordlysoutdoor'), 'expired'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'Meta Graph API (Instagram): the token in SHOWTELL_INSTAGRAM_TOKEN has expired; renew it' })
  })

  it('a wrong token is blocked as refused', async () => {
    const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('nordlysoutdoor'), 'EAAnot-a-real-token'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'Meta Graph API (Instagram) refused SHOWTELL_INSTAGRAM_TOKEN (400); check it or issue a new one' })
  })

  it('a rate-limited token is blocked until later', async () => {
    const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('fjellkraft'), 'ratelimited'))
    expect(outcome).toEqual({ status: 'blocked', reason: 'Meta Graph API (Instagram): rate limit or quota reached for SHOWTELL_INSTAGRAM_TOKEN (403); try again later' })
  })

  it('a Page token in SHOWTELL_INSTAGRAM_TOKEN is an error, not numbers', async () => {
    const outcome = await instagramGraphApi.read(onDemoSite(site.url, at('nordlysoutdoor'), DEMO_CREDENTIALS.facebook))
    expect(outcome).toEqual({ status: 'error', reason: 'Meta Graph API (Instagram) answered 400 with error 100' })
  })
})
