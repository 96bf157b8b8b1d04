// Name search's pure parts: which display names carry our name, what a
// search answer says (and what a hostile one does: the field named, never a
// crash), which accounts join the finds, and that stored reports from before
// name search still read while new ones keep foundBy and the searches.
import { describe, expect, it } from 'vitest'
import { carriedName, nameSearchFinds, planNameSearches, readSearchAnswer, searchQueries, type PlannedSearch } from '../../src/audit/name-search.js'
import { storedAuditSchema } from '../../src/audit/store-schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const config = workspaceConfigSchema.parse({
  company: { name: 'Nordlys Outdoor AS', aliases: ['Nordlys', 'NORDLYS', 'Fjørd Gear'] },
  accounts: [
    { id: 'bs', platform: 'bluesky', handle: 'nordlys.bsky.social' },
    { id: 'ma', platform: 'mastodon', handle: 'nordlys@mastodon.social' },
  ],
  meeting: { weekday: 'tuesday', start: '2026-11-24' },
  snapshot: { endpoints: { 'bluesky-web': 'http://127.0.0.1:9/bsky-web' } },
})
const names = [config.company.name, ...config.company.aliases]

const bluesky: PlannedSearch = { platform: 'bluesky', query: 'Nordlys', url: 'http://127.0.0.1:9/xrpc/app.bsky.actor.searchActors?q=Nordlys&limit=25' }
const mastodon: PlannedSearch = { platform: 'mastodon', instance: 'mastodon.social', query: 'Nordlys', url: 'http://127.0.0.1:9/api/v2/search?q=Nordlys&type=accounts&limit=25' }
const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body), truncated: false })

describe('which display names carry our name', () => {
  it.each([
    ['Nordlys Outdoor', 'Nordlys Outdoor AS'],
    ['NORDLYS OUTDOOR – support', 'Nordlys Outdoor AS'],
    ['NordlysOutdoor', 'Nordlys Outdoor AS'],
    ['Nordlys Outdoor AS official', 'Nordlys Outdoor AS'],
    ['Best of Nordlys', 'Nordlys'],
    // Written apart, as impostors do to pass a filter.
    ['Nord Lys', 'Nordlys'],
    ['Fjord Gear deals', 'Fjørd Gear'],
    ['Fjoerd Gear', 'Fjørd Gear'],
  ])('%s carries %s', (display, name) => {
    expect(carriedName(display, names)).toBe(name)
  })

  it.each(['Aurora Hunter', 'Nordlysfan', 'Outdoor Deals', 'Nordly', ''])('%s carries none', (display) => {
    expect(carriedName(display, names)).toBeUndefined()
  })
})

describe('what to ask', () => {
  it('one query per name that folds to other words, on Bluesky and on each base of our Mastodon servers once', () => {
    expect(searchQueries(config)).toEqual(['Nordlys Outdoor AS', 'Nordlys', 'Fjørd Gear'])
    const planned = planNameSearches(['Nordlys Outdoor'], {
      bluesky: 'http://127.0.0.1:9/bsky/',
      mastodon: [
        { server: 'mastodon.social', base: 'http://127.0.0.1:9/mastodon' },
        { server: 'fosstodon.org', base: 'http://127.0.0.1:9/mastodon' },
      ],
    })
    expect(planned.map((p) => p.url)).toEqual([
      'http://127.0.0.1:9/bsky/xrpc/app.bsky.actor.searchActors?q=Nordlys%20Outdoor&limit=25',
      'http://127.0.0.1:9/mastodon/api/v2/search?q=Nordlys%20Outdoor&type=accounts&limit=25',
    ])
  })
})

describe('what a search answer says', () => {
  it('Bluesky: handle, display name and bio; at most 25 accounts', () => {
    const actors = Array.from({ length: 30 }, (_, i) => ({ did: `did:plc:${i}`, handle: `A${i}.bsky.social`, displayName: `Nordlys ${i}`, description: i === 0 ? ' Deals ' : null }))
    const answer = readSearchAnswer(bluesky, ok({ actors, cursor: '30' }))
    expect(answer.outcome).toBe('ok')
    if (answer.outcome !== 'ok') return
    expect(answer.accounts).toHaveLength(25)
    expect(answer.accounts[0]).toEqual({ handle: 'a0.bsky.social', displayName: 'Nordlys 0', bio: 'Deals' })
    expect(answer.accounts[1]).toEqual({ handle: 'a1.bsky.social', displayName: 'Nordlys 1' })
  })

  it('Mastodon: a local acct gets its server, the note loses its HTML, followers and the profile page are kept', () => {
    const answer = readSearchAnswer(
      mastodon,
      ok({
        accounts: [
          { acct: 'nordlys_help', display_name: 'Nordlys Help', note: '<p>Refunds <b>fast</b></p>', url: 'https://mastodon.social/@nordlys_help', followers_count: 12 },
          { acct: 'fan@other.example', display_name: 'Fan', note: '', url: 'javascript:alert(1)', followers_count: 3 },
        ],
        statuses: [],
        hashtags: [],
      }),
    )
    expect(answer).toEqual({
      outcome: 'ok',
      accounts: [
        { handle: 'nordlys_help@mastodon.social', displayName: 'Nordlys Help', bio: 'Refunds fast', followers: 12, profileUrl: 'https://mastodon.social/@nordlys_help' },
        { handle: 'fan@other.example', displayName: 'Fan', followers: 3 },
      ],
    })
  })

  it('401 and 403 are "search not allowed on <server>"; other statuses are errors', () => {
    expect(readSearchAnswer(mastodon, { status: 401, body: '{"error":"x"}', truncated: false })).toEqual({ outcome: 'not-allowed', reason: 'search not allowed on mastodon.social (answered 401)' })
    expect(readSearchAnswer(mastodon, { status: 403, body: '', truncated: false })).toEqual({ outcome: 'not-allowed', reason: 'search not allowed on mastodon.social (answered 403)' })
    expect(readSearchAnswer(bluesky, { status: 502, body: '<html>', truncated: false })).toEqual({ outcome: 'error', reason: 'answered 502' })
  })

  it.each([
    [{ actors: [{ did: 'd', handle: 'x.bsky.social', displayName: 'N'.repeat(5_000) }] }, 'actors[0].displayName: expected a string of at most 1000 characters, got a string of 5000 characters'],
    [{ actors: [{ did: 'd', handle: 'x.bsky.social', displayName: ['Nordlys'] }] }, 'actors[0].displayName: expected a string of at most 1000 characters, got an array'],
    [{ actors: [{ did: 'd', handle: 'x.bsky.social', followersCount: -1 }] }, 'actors[0].followersCount: expected a count, got a negative number'],
    [{ actors: 'many' }, 'actors: expected a list, got a string'],
    [null, 'expected an object, got null'],
    [[], 'expected an object, got an array'],
  ])('a hostile Bluesky answer is an error naming the field (%#)', (body, why) => {
    expect(readSearchAnswer(bluesky, ok(body))).toEqual({ outcome: 'error', reason: `not a searchActors answer: ${why}` })
  })

  it('a hostile Mastodon answer, text that is not JSON, and a cut answer are errors', () => {
    expect(readSearchAnswer(mastodon, ok({ accounts: [{ acct: null }] }))).toEqual({ outcome: 'error', reason: 'not an account search answer: accounts[0].acct: expected a string of at most 253 characters, got null' })
    expect(readSearchAnswer(mastodon, { status: 200, body: '{"accounts": [', truncated: false })).toEqual({ outcome: 'error', reason: 'not an account search answer: expected JSON, got text that is not JSON' })
    expect(readSearchAnswer(bluesky, { status: 200, body: '{"actors": [', truncated: true })).toEqual({ outcome: 'error', reason: 'the answer was longer than 1 MB' })
  })
})

describe('which accounts join the finds', () => {
  const account = (handle: string, displayName: string) => ({ handle, displayName })
  it('our name in the display name, under a handle no candidate covers, not listed, once across queries', () => {
    const other: PlannedSearch = { ...bluesky, query: 'Nordlys Outdoor AS' }
    const { finds, perSearch } = nameSearchFinds(
      config,
      [{ platform: 'bluesky', handle: 'nordlysoutdoor.bsky.social' }],
      [
        {
          search: bluesky,
          accounts: [
            account('trailgear-deals.bsky.social', 'Nordlys Outdoor'),
            account('nordlysoutdoor.bsky.social', 'Nordlys Outdoor Support'),
            account('nordlys.bsky.social', 'Nordlys'),
            account('aurora.bsky.social', 'Aurora Hunter'),
            { handle: 'noname.bsky.social' },
          ],
        },
        { search: other, accounts: [account('trailgear-deals.bsky.social', 'Nordlys Outdoor'), account('nordlys-help.bsky.social', 'NORDLYS help')] },
        { search: mastodon, accounts: [account('nordlys@mastodon.social', 'Nordlys Outdoor'), account('nordlys_help@mastodon.social', 'Nordlys Help')] },
      ],
    )
    expect(finds.map((f) => [f.platform, f.handle, f.searchQuery])).toEqual([
      ['bluesky', 'trailgear-deals.bsky.social', 'Nordlys'],
      ['bluesky', 'nordlys-help.bsky.social', 'Nordlys Outdoor AS'],
      ['mastodon', 'nordlys_help@mastodon.social', 'Nordlys'],
    ])
    expect(finds[0]).toEqual({
      platform: 'bluesky',
      handle: 'trailgear-deals.bsky.social',
      result: 'exists-unlisted',
      foundBy: 'name-search',
      searchQuery: 'Nordlys',
      url: bluesky.url,
      profileUrl: 'http://127.0.0.1:9/bsky-web/profile/trailgear-deals.bsky.social',
      displayName: 'Nordlys Outdoor',
    })
    expect([...perSearch.values()]).toEqual([1, 1, 1])
  })
})

describe('the stored report', () => {
  const base = { ranAt: '2026-12-01T10:00:00.000Z', generated: 1, candidates: 1, checked: 1, platforms: ['bluesky'], budget: 300 }
  it('a report from before name search reads', () => {
    const old = { ...base, findings: [{ platform: 'bluesky', handle: 'nordlysoutdoor.bsky.social', result: 'exists-unlisted', displayName: 'Nordlys Outdoor Support' }] }
    const read = storedAuditSchema.parse(old)
    expect(read.findings[0]!.foundBy).toBeUndefined()
    expect(read.searches).toBeUndefined()
  })

  it('a new report keeps foundBy, the query and the searches; an unknown foundBy is refused', () => {
    const report = {
      ...base,
      findings: [{ platform: 'bluesky', handle: 'trailgear-deals.bsky.social', result: 'exists-unlisted', foundBy: 'name-search', searchQuery: 'Nordlys' }],
      searches: [{ platform: 'mastodon', instance: 'mastodon.social', query: 'Nordlys', url: 'http://127.0.0.1:9/x', outcome: 'not-allowed', reason: 'search not allowed on mastodon.social (answered 401)' }],
    }
    const read = storedAuditSchema.parse(report)
    expect(read.findings[0]).toMatchObject({ foundBy: 'name-search', searchQuery: 'Nordlys' })
    expect(read.searches![0]!.outcome).toBe('not-allowed')
    expect(storedAuditSchema.safeParse({ ...report, findings: [{ ...report.findings[0], foundBy: 'magic' }] }).success).toBe(false)
  })
})
