// The demo site's Graph API emulation on its own: Graph's field expansion
// syntax, only the fields asked for coming back, the token in a header or in
// `access_token=`, and Meta's error bodies where the sources' tests do not
// reach (no token, a revoked one, a field a node lacks, a Page token on the
// Instagram user).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { parseFields } from '../../src/demo-site/apis/graph.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'

describe('parseFields', () => {
  it('reads names, modifiers and nested fields', () => {
    const fields = parseFields('id,business_discovery.username(fjellkraft){username,media.limit(50){timestamp}},reactions.limit(0).summary(true)')
    expect(fields?.map((field) => field.name)).toEqual(['id', 'business_discovery', 'reactions'])
    expect(fields?.[1]?.modifiers.get('username')).toBe('fjellkraft')
    expect(fields?.[1]?.children?.map((field) => field.name)).toEqual(['username', 'media'])
    expect(fields?.[1]?.children?.[1]?.modifiers.get('limit')).toBe('50')
    expect(fields?.[1]?.children?.[1]?.children?.[0]?.name).toBe('timestamp')
    expect([...(fields?.[2]?.modifiers ?? [])]).toEqual([['limit', '0'], ['summary', 'true']])
  })

  it('refuses what Graph would not parse', () => {
    for (const bad of ['', 'a,', 'a{b', 'a.limit(5', 'a}b', 'a{}', 'a..b(1)']) expect(parseFields(bad), bad).toBeUndefined()
  })
})

describe('the demo Graph API over HTTP', () => {
  let site: DemoSite
  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site?.close()
  })

  async function get(path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${site.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it('answers only the fields asked for, and the id', async () => {
    const { status, body } = await get('/graph/v25.0/nordlysoutdoor?fields=fan_count', DEMO_CREDENTIALS.facebook)
    expect(status).toBe(200)
    expect(body).toEqual({ fan_count: 42_217, id: '104729318562340' })
  })

  it('takes the token from access_token= as Graph does', async () => {
    const { status, body } = await get(`/graph/v25.0/104729318562340?fields=followers_count&access_token=${DEMO_CREDENTIALS.facebook}`)
    expect(status).toBe(200)
    expect(body).toEqual({ followers_count: 44_150, id: '104729318562340' })
  })

  it("answers Meta's errors: no token, a revoked one, a field the node lacks, a bad expression", async () => {
    const none = await get('/graph/v25.0/nordlysoutdoor')
    expect(none).toEqual({ status: 400, body: { error: { message: 'An access token is required to request this resource.', type: 'OAuthException', code: 104, fbtrace_id: 'AdemoTrace0Nordlys' } } })
    const revoked = await get('/graph/v25.0/nordlysoutdoor', 'revoked')
    expect(revoked.status).toBe(400)
    expect(revoked.body.error).toMatchObject({ code: 190, error_subcode: 458, type: 'OAuthException' })
    const field = await get('/graph/v25.0/nordlysoutdoor?fields=subscriber_count', DEMO_CREDENTIALS.facebook)
    expect(field.body.error).toMatchObject({ code: 100, message: '(#100) Tried accessing nonexisting field (subscriber_count) on node type (Page)' })
    const syntax = await get('/graph/v25.0/nordlysoutdoor?fields=a{b', DEMO_CREDENTIALS.facebook)
    expect(syntax.body.error).toMatchObject({ code: 2500 })
  })

  it("keeps the Instagram users from the Page's token, and business_discovery from inside a lookup", async () => {
    const pageToken = await get('/graph/v25.0/17841400000000001?fields=followers_count', DEMO_CREDENTIALS.facebook)
    expect(pageToken.body.error).toMatchObject({ code: 100, error_subcode: 33 })
    const other = await get('/graph/v25.0/17841400000000003?fields=business_discovery.username(nordlys_news){followers_count}', DEMO_CREDENTIALS.instagram)
    expect(other.body.error).toMatchObject({ code: 100 })
  })

  it('filters the Page posts by since=, as Graph does', async () => {
    const since = Date.parse('2026-11-10T00:00:00Z') / 1000
    const { body } = await get(`/graph/v25.0/104729318562340/posts?fields=created_time&since=${since}`, DEMO_CREDENTIALS.facebook)
    expect((body.data as { created_time: string }[]).map((post) => post.created_time)).toEqual(['2026-11-19T08:00:00+0000', '2026-11-12T08:00:00+0000'])
  })
})
