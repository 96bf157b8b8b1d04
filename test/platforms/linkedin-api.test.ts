// The LinkedIn organization followers source: which organization an account
// is, the vanity-name lookup, the network size, and LinkedIn's refusals,
// first on answers written here from LinkedIn's documentation, then against
// the demo site's emulation over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LINKEDIN_VERSION, linkedinOrganizationApi, organizationOf } from '../../src/platforms/linkedin-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

const TOKEN = 'LINKEDIN-secret-token-0001'
const COMPANY: AccountRef = { id: 'linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/nordlys-outdoor/' }

// The documentation's sample answer of the network size, word for word
// (learn.microsoft.com …/community-management/organizations/organization-network-size,
// "Sample Response"; the same sample the real-page corpus lists under
// api/linkedin/mslearn__networkSizes-organization-followers.json).
const DOCUMENTED_NETWORK_SIZE = '{\n    "firstDegreeSize": 219145\n}'

// The shape of "Find Organization by Vanity Name" (organization-lookup-api).
const LOOKUP = {
  elements: [
    {
      vanityName: 'nordlys-outdoor',
      localizedName: 'Nordlys Outdoor',
      name: { localized: { en_US: 'Nordlys Outdoor' }, preferredLocale: { country: 'US', language: 'en' } },
      primaryOrganizationType: 'NONE',
      locations: [],
      id: 1234567,
    },
  ],
  paging: { count: 10, start: 0, links: [], total: 1 },
}

function linkedinError(status: number, code: string, message: string): HttpAnswer {
  return json(status, { status, serviceErrorCode: 65600, code, message: `${message} ${TOKEN}` })
}

/** Answers the lookup with `lookup` and the network size with `size`. */
function linkedin(size: HttpAnswer, lookup: HttpAnswer = json(200, LOOKUP), account: AccountRef = COMPANY) {
  return withAnswers(account, (url) => (url.pathname.includes('/networkSizes/') ? size : lookup), { credential: TOKEN })
}

describe('which organization an account is', () => {
  it.each<[string, AccountRef, ReturnType<typeof organizationOf>]>([
    ['a numeric platformId', { id: 'a', platform: 'linkedin', platformId: '1234567', url: 'https://www.linkedin.com/company/other/' }, { kind: 'id', id: 1234567 }],
    ['an organization URN', { id: 'a', platform: 'linkedin', platformId: 'urn:li:organization:42' }, { kind: 'id', id: 42 }],
    ['a /company/ URL', COMPANY, { kind: 'vanity', vanity: 'nordlys-outdoor' }],
    ['a /showcase/ URL, any case', { id: 'a', platform: 'linkedin', url: 'https://www.linkedin.com/showcase/Nordlys-Repairs' }, { kind: 'vanity', vanity: 'nordlys-repairs' }],
    ['the demo site’s company URL', { id: 'a', platform: 'linkedin', url: 'http://127.0.0.1:1234/linkedin/company/nordlys-outdoor' }, { kind: 'vanity', vanity: 'nordlys-outdoor' }],
    ['a handle', { id: 'a', platform: 'linkedin', handle: 'nordlys-outdoor' }, { kind: 'vanity', vanity: 'nordlys-outdoor' }],
    ['a member’s /in/ URL', { id: 'a', platform: 'linkedin', url: 'https://www.linkedin.com/in/ingrid-nordlys/', handle: 'ingrid-nordlys' }, { kind: 'person' }],
    ['nothing usable', { id: 'a', platform: 'linkedin', url: 'https://www.linkedin.com/feed/' }, { kind: 'none' }],
  ])('%s', (_, account, expected) => {
    expect(organizationOf(account)).toEqual(expected)
  })
})

describe('linkedinOrganizationApi on documented answers', () => {
  it('reads the documentation’s sample network size as the followers, after the documented vanity-name lookup', async () => {
    const { context, asked } = linkedin({ status: 200, body: DOCUMENTED_NETWORK_SIZE })
    expect(await linkedinOrganizationApi.read(context)).toEqual({
      status: 'ok',
      metrics: { followers: { value: 219_145, source: 'api', via: 'linkedin-organization-api' } },
      title: 'Nordlys Outdoor',
    })
    expect(asked.map((request) => request.url)).toEqual([
      'https://api.linkedin.com/rest/organizations?q=vanityName&vanityName=nordlys-outdoor',
      'https://api.linkedin.com/rest/networkSizes/urn%3Ali%3Aorganization%3A1234567?edgeType=COMPANY_FOLLOWED_BY_MEMBER',
    ])
    for (const request of asked) {
      expect(request.headers).toEqual({ authorization: `Bearer ${TOKEN}`, 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0' })
    }
    expect(LINKEDIN_VERSION).toBe('202601')
  })

  it('asks the network size directly for an account with its organization id', async () => {
    const { context, asked } = linkedin(json(200, { firstDegreeSize: 12_345 }), json(500, {}), { id: 'li', platform: 'linkedin', platformId: '5123987' })
    expect(await linkedinOrganizationApi.read(context)).toEqual({
      status: 'ok',
      metrics: { followers: { value: 12_345, source: 'api', via: 'linkedin-organization-api' } },
    })
    expect(asked.map((request) => request.url)).toEqual(['https://api.linkedin.com/rest/networkSizes/urn%3Ali%3Aorganization%3A5123987?edgeType=COMPANY_FOLLOWED_BY_MEMBER'])
  })

  it('skips a member’s profile without asking anything', async () => {
    const { context, asked } = linkedin(json(200, { firstDegreeSize: 1 }), json(200, LOOKUP), { id: 'ceo', platform: 'linkedin', url: 'https://www.linkedin.com/in/ingrid-nordlys/' })
    expect(await linkedinOrganizationApi.read(context)).toEqual({ status: 'skipped', reason: "LinkedIn's API gives follower counts for organizations only" })
    expect(asked).toEqual([])
  })

  it('skips without a token, naming the variable', async () => {
    const { context, asked } = withAnswers(COMPANY, () => json(200, LOOKUP))
    expect(await linkedinOrganizationApi.read(context)).toEqual({ status: 'skipped', reason: 'LinkedIn Community Management API: no token; set SHOWTELL_LINKEDIN_TOKEN' })
    expect(asked).toEqual([])
  })

  it('reports an unknown vanity name as not found, and never reads a page whose vanity name is another', async () => {
    const empty = linkedin(json(200, { firstDegreeSize: 1 }), json(200, { elements: [], paging: { count: 10, start: 0, links: [], total: 0 } }))
    expect(await linkedinOrganizationApi.read(empty.context)).toEqual({ status: 'not-found', reason: 'no LinkedIn organization with the vanity name "nordlys-outdoor"' })
    expect(empty.asked).toHaveLength(1)
    const other = linkedin(json(200, { firstDegreeSize: 1 }), json(200, { elements: [{ ...LOOKUP.elements[0], vanityName: 'fjellkraft', id: 99 }] }))
    expect((await linkedinOrganizationApi.read(other.context)).status).toBe('not-found')
    expect(other.asked).toHaveLength(1)
  })

  it('reports an organization id LinkedIn does not know as not found', async () => {
    const { context } = linkedin(linkedinError(404, 'NOT_FOUND', 'Not Found'), json(200, {}), { id: 'li', platform: 'linkedin', platformId: '1' })
    expect(await linkedinOrganizationApi.read(context)).toEqual({ status: 'not-found', reason: 'no such account (LinkedIn Community Management API 404)' })
  })

  it.each([
    ['an expired token', linkedinError(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired'), 'LinkedIn Community Management API: the token in SHOWTELL_LINKEDIN_TOKEN has expired; renew it'],
    ['an expired token named only in the message', json(401, { serviceErrorCode: 65602, message: 'The token used in the request has expired', status: 401 }), 'LinkedIn Community Management API: the token in SHOWTELL_LINKEDIN_TOKEN has expired; renew it'],
    ['an invalid token', linkedinError(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token'), 'LinkedIn Community Management API refused SHOWTELL_LINKEDIN_TOKEN (401); check it or issue a new one'],
    ['a revoked token', json(401, { serviceErrorCode: 65601, message: 'The token used in the request has been revoked by the user', status: 401 }), 'LinkedIn Community Management API refused SHOWTELL_LINKEDIN_TOKEN (401); check it or issue a new one'],
    [
      'a token without the permission or the admin role',
      linkedinError(403, 'ACCESS_DENIED', 'Not enough permissions to access: networkSizes.GET.20260101'),
      'LinkedIn Community Management API: SHOWTELL_LINKEDIN_TOKEN may not read this account (403); it needs the rw_organization_admin permission and an ADMINISTRATOR role on the page',
    ],
    ['a throttle', linkedinError(429, 'TOO_MANY_REQUESTS', 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.'), 'LinkedIn Community Management API: rate limit or quota reached for SHOWTELL_LINKEDIN_TOKEN (429); try again later'],
    ['a 429 that is not JSON', { status: 429, body: 'slow down' }, 'LinkedIn Community Management API: rate limit or quota reached for SHOWTELL_LINKEDIN_TOKEN (429); try again later'],
  ])('is blocked by %s on the network size, naming the variable and never the answer or the token', async (_, answer, reason) => {
    const outcome = await linkedinOrganizationApi.read(linkedin(answer).context)
    expect(outcome).toEqual({ status: 'blocked', reason })
  })

  it('is blocked the same way when the lookup is refused', async () => {
    const { context, asked } = linkedin(json(200, { firstDegreeSize: 1 }), linkedinError(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired'))
    expect(await linkedinOrganizationApi.read(context)).toMatchObject({ status: 'blocked', reason: expect.stringContaining('has expired') })
    expect(asked).toHaveLength(1)
  })

  it.each([
    ['null', json(200, null)],
    ['a list', json(200, [{ firstDegreeSize: 5 }])],
    ['no firstDegreeSize', json(200, { secondDegreeSize: 5 })],
    ['a size that is not a count', json(200, { firstDegreeSize: '219145' })],
    ['text that is not JSON', { status: 200, body: `<html>${TOKEN}</html>` }],
  ])('makes a network size of %s the account’s error, without quoting it', async (_, answer) => {
    const outcome = await linkedinOrganizationApi.read(linkedin(answer).context)
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(TOKEN)
  })

  it.each([
    ['null', null],
    ['elements that are not a list', { elements: { id: 1 } }],
    ['an id that is not a number', { elements: [{ id: 'urn:li:organization:1', vanityName: 'nordlys-outdoor' }] }],
    ['an id that is not a whole number', { elements: [{ id: 1.5, vanityName: 'nordlys-outdoor' }] }],
  ])('makes a lookup answer of %s the account’s error', async (_, lookup) => {
    const { context, asked } = linkedin(json(200, { firstDegreeSize: 1 }), json(200, lookup))
    expect((await linkedinOrganizationApi.read(context)).status).toBe('error')
    expect(asked).toHaveLength(1)
  })

  it('never lets a token in a network error reach the reason', async () => {
    const { context } = withAnswers(
      COMPANY,
      () => {
        throw new Error(`socket hang up (Bearer ${TOKEN})`)
      },
      { credential: TOKEN },
    )
    const outcome = await linkedinOrganizationApi.read(context)
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).toContain('could not be reached (socket hang up')
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(TOKEN)
  })
})

describe('linkedinOrganizationApi against the demo site', () => {
  let site: DemoSite
  let demoCompany: AccountRef
  beforeAll(async () => {
    site = await startDemoSite()
    demoCompany = { id: 'linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/nordlys-outdoor` }
  })
  afterAll(async () => {
    await site.close()
  })
  beforeEach(() => {
    site.state.followersBump = 0
  })

  it('reads the followers the demo company page shows, by vanity name and by organization id, and follows the bumps', async () => {
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, demoCompany, DEMO_CREDENTIALS.linkedin))).toEqual({
      status: 'ok',
      metrics: { followers: { value: 12_345, source: 'api', via: 'linkedin-organization-api' } },
      title: 'Nordlys Outdoor',
    })
    site.state.followersBump = 55
    const byId = await linkedinOrganizationApi.read(onDemoSite(site.url, { id: 'linkedin', platform: 'linkedin', platformId: '5123987' }, DEMO_CREDENTIALS.linkedin))
    expect(byId).toEqual({ status: 'ok', metrics: { followers: { value: 12_400, source: 'api', via: 'linkedin-organization-api' } } })
  })

  it('answers the number the demo company page shows at the same bump', async () => {
    site.state.followersBump = 7
    const page = await (await fetch(`${site.url}/linkedin/company/nordlys-outdoor`)).text()
    expect(page).toContain('"userInteractionCount":12352')
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, demoCompany, DEMO_CREDENTIALS.linkedin))).toMatchObject({ metrics: { followers: { value: 12_352 } } })
  })

  it('is blocked for an expired token, a wrong token, the rate limit and a member who is not the page’s admin', async () => {
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, demoCompany, 'expired'))).toEqual({
      status: 'blocked',
      reason: 'LinkedIn Community Management API: the token in SHOWTELL_LINKEDIN_TOKEN has expired; renew it',
    })
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, demoCompany, 'not-the-demo-token'))).toEqual({
      status: 'blocked',
      reason: 'LinkedIn Community Management API refused SHOWTELL_LINKEDIN_TOKEN (401); check it or issue a new one',
    })
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, demoCompany, 'ratelimited'))).toEqual({
      status: 'blocked',
      reason: 'LinkedIn Community Management API: rate limit or quota reached for SHOWTELL_LINKEDIN_TOKEN (429); try again later',
    })
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, demoCompany, 'demo-linkedin-token-member'))).toEqual({
      status: 'blocked',
      reason:
        'LinkedIn Community Management API: SHOWTELL_LINKEDIN_TOKEN may not read this account (403); it needs the rw_organization_admin permission and an ADMINISTRATOR role on the page',
    })
  })

  it('reports an unknown organization as not found, by vanity name and by id', async () => {
    const unknown = { id: 'x', platform: 'linkedin', url: `${site.url}/linkedin/company/no-such-company` }
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, unknown, DEMO_CREDENTIALS.linkedin))).toEqual({
      status: 'not-found',
      reason: 'no LinkedIn organization with the vanity name "no-such-company"',
    })
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, { id: 'x', platform: 'linkedin', platformId: '999' }, DEMO_CREDENTIALS.linkedin))).toEqual({
      status: 'not-found',
      reason: 'no such account (LinkedIn Community Management API 404)',
    })
  })

  it('skips the CEO’s member profile', async () => {
    const ceo = { id: 'ceo', platform: 'linkedin', url: `${site.url}/linkedin/in/ingrid-nordlys` }
    expect(await linkedinOrganizationApi.read(onDemoSite(site.url, ceo, DEMO_CREDENTIALS.linkedin))).toEqual({
      status: 'skipped',
      reason: "LinkedIn's API gives follower counts for organizations only",
    })
  })
})
