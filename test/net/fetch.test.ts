// Given a workspace that does not allow private networks, when showtell asks
// something from Node (an API, a feed, an audit probe) and the answer is a
// redirect, then each hop is checked before anything is sent to it: a hop to
// a private address is refused and the private host is reached zero times.
// Redirects stop after 5 hops, credentials stay with their origin, and the
// body is read only up to its bound, even when it never ends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AuditRule } from '../../src/audit/rules.js'
import { checkCandidate, runAudit } from '../../src/audit/run.js'
import { guardedFetch, RefusedRequest } from '../../src/net/fetch.js'
import { RequestGuard } from '../../src/net/guard.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { connectToLoopback, startSite, startTarget, stubResolver, type Served } from './support.js'

let site: Served
let target: Served
let siteUrl: string
const guard = (asked?: string[]) => new RequestGuard({ allowPrivateNetwork: false, resolve: stubResolver(asked), testConnectTo: connectToLoopback })
const fetchOptions = (overrides: Partial<Parameters<typeof guardedFetch>[1]> = {}) => ({ guard: guard(), timeoutMs: 5_000, maxBytes: 100_000, ...overrides })

beforeAll(async () => {
  site = await startSite()
  target = await startTarget()
  siteUrl = `http://allowed.test:${site.port}`
})

afterAll(async () => {
  await site.close()
  await target.close()
})

beforeEach(() => {
  site.hits.length = 0
  target.hits.length = 0
})

/** The private host, as a redirect might spell it. */
const privateForms = () => [
  `http://127.0.0.1:${target.port}/secret`,
  `http://[::ffff:7f00:1]:${target.port}/secret`,
  `http://localhost.:${target.port}/secret`,
  `http://0x7f.1:${target.port}/secret`,
  `http://2130706433:${target.port}/secret`,
  `http://private.test:${target.port}/secret`,
]

describe('guardedFetch', () => {
  it('fetches from an allowed host (the stub calls it public; the test seam connects it to 127.0.0.1)', async () => {
    const answer = await guardedFetch(`${siteUrl}/hello`, fetchOptions())
    expect(answer).toMatchObject({ status: 200, url: `${siteUrl}/hello`, truncated: false })
    expect(JSON.parse(answer.body)).toEqual({ path: '/hello', authorization: null })
    expect(site.hits.map((hit) => hit.url)).toEqual(['/hello'])
  })

  it.each([301, 302, 303, 307, 308])('refuses a %i redirect to the private host in each notation, before sending anything to it', async (status) => {
    for (const to of privateForms()) {
      const error = await guardedFetch(`${siteUrl}/redirect?status=${status}&to=${encodeURIComponent(to)}`, fetchOptions()).catch((e: unknown) => e)
      expect(error, to).toBeInstanceOf(RefusedRequest)
      expect((error as Error).message, to).toMatch(/^redirected to a refused address: refused .*(loopback|private)/)
    }
    expect(site.hits).toHaveLength(privateForms().length)
    expect(target.hits).toEqual([])
  })

  it('refuses a redirect to a name whose lookup fails', async () => {
    const error = await guardedFetch(`${siteUrl}/redirect?to=${encodeURIComponent(`http://nowhere.test:${target.port}/`)}`, fetchOptions()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RefusedRequest)
    expect((error as Error).message).toBe('redirected to a refused address: refused nowhere.test: its address could not be looked up (ENOTFOUND), so it cannot be checked')
    expect(target.hits).toEqual([])
  })

  it('refuses the private host asked for directly', async () => {
    for (const url of privateForms()) await expect(guardedFetch(url, fetchOptions()), url).rejects.toThrow(/^refused .*(loopback|private)/)
    expect(target.hits).toEqual([])
  })

  it('follows 5 redirects and refuses the 6th', async () => {
    const sixth = await guardedFetch(`${siteUrl}/chain/1`, fetchOptions()).catch((e: unknown) => e)
    // /chain/N always redirects: 1 → 2 → ... the sixth redirect is not followed.
    expect(sixth).toBeInstanceOf(Error)
    expect((sixth as Error).message).toBe('too many redirects (more than 5)')
    expect(site.hits.map((hit) => hit.url)).toEqual(['/chain/1', '/chain/2', '/chain/3', '/chain/4', '/chain/5', '/chain/6'])
  })

  it('ends at the fifth redirect when it leads to an answer', async () => {
    let url = `${siteUrl}/landed`
    for (let i = 0; i < 5; i++) url = `${siteUrl}/redirect?to=${encodeURIComponent(url)}`
    const answer = await guardedFetch(url, fetchOptions())
    expect(answer.status).toBe(200)
    expect(answer.url).toBe(`${siteUrl}/landed`)
    expect(site.hits).toHaveLength(6)
  })

  it('keeps the Authorization header on its own origin and drops it on another', async () => {
    const headers = { authorization: 'Bearer sekret-token' }
    const same = await guardedFetch(`${siteUrl}/redirect?to=/same`, fetchOptions({ headers }))
    expect(JSON.parse(same.body)).toEqual({ path: '/same', authorization: 'Bearer sekret-token' })
    const other = await guardedFetch(`${siteUrl}/redirect?to=${encodeURIComponent(`http://other.test:${site.port}/other`)}`, fetchOptions({ headers }))
    expect(JSON.parse(other.body)).toEqual({ path: '/other', authorization: null })
    expect(site.hits.map((hit) => [hit.url, hit.headers.authorization ?? null])).toEqual([
      ['/redirect?to=/same', 'Bearer sekret-token'],
      ['/same', 'Bearer sekret-token'],
      [`/redirect?to=${encodeURIComponent(`http://other.test:${site.port}/other`)}`, 'Bearer sekret-token'],
      ['/other', null],
    ])
  })

  it('reads an endless body only up to its bound, and returns', async () => {
    const answer = await guardedFetch(`${siteUrl}/endless`, fetchOptions({ maxBytes: 300_000 }))
    expect(answer.body).toHaveLength(300_000)
    expect(answer.body).toBe('a'.repeat(300_000))
    expect(answer.truncated).toBe(true)
  })

  it('decodes a gzip answer', async () => {
    const answer = await guardedFetch(`${siteUrl}/gzip`, fetchOptions())
    expect(JSON.parse(answer.body)).toEqual({ followersCount: 4321 })
  })

  it('gives up on a host that never answers with a TimeoutError', async () => {
    const error = await guardedFetch(`${siteUrl}/silent`, fetchOptions({ timeoutMs: 300 })).catch((e: unknown) => e)
    expect((error as Error).name).toBe('TimeoutError')
  })

  it('counts a resolver that never answers against the same deadline', async () => {
    const stuck = new RequestGuard({ allowPrivateNetwork: false, resolve: () => new Promise(() => {}) })
    const error = await guardedFetch('http://slow.test/', fetchOptions({ guard: stuck, timeoutMs: 300 })).catch((e: unknown) => e)
    expect((error as Error).name).toBe('TimeoutError')
  })

  it('looks each host up once, through the injected resolver only', async () => {
    const asked: string[] = []
    const once = guard(asked)
    await guardedFetch(`${siteUrl}/redirect?to=/a`, fetchOptions({ guard: once }))
    await guardedFetch(`${siteUrl}/b`, fetchOptions({ guard: once }))
    expect(asked).toEqual(['allowed.test'])
  })
})

describe('audit probes', () => {
  const config = () =>
    workspaceConfigSchema.parse({
      company: { name: 'Nordlys Outdoor' },
      meeting: { weekday: 'tuesday', start: '2026-11-24' },
      snapshot: { timeout: 5, allowPrivateNetwork: false },
    })
  const rule = (): AuditRule => ({
    base: siteUrl,
    probe: `{base}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${target.port}/`)}&handle={handle}`,
    kind: 'page',
    status: { present: [200], absent: [404] },
    present: ['followers'],
    absent: [],
  })

  it('a probe redirected to the private host is unknown, with the reason, and never reaches it', async () => {
    const finding = await checkCandidate(config(), rule(), { platform: 'instagram', handle: 'nordlys' }, 5_000, guard())
    expect(finding.result).toBe('unknown')
    expect(finding.reason).toBe(`redirected to a refused address: refused 127.0.0.1: a private address (loopback); set snapshot.allowPrivateNetwork: true only for a local demo or test site`)
    expect(site.hits.map((hit) => new URL(hit.url, 'http://x').searchParams.get('handle'))).toEqual(['nordlys'])
    expect(target.hits).toEqual([])
  })

  it('a whole audit run with such probes reaches the private host zero times', async () => {
    const report = await runAudit(config(), { instagram: rule() }, { delayMs: 0, budget: 6, guard: guard() })
    expect(report.checked).toBe(6)
    expect(site.hits).toHaveLength(6)
    // The six requests: the control's made-up handle first (issue 15), then five candidates.
    const answers = [...report.controls!.flatMap((c) => c.probes), ...report.findings]
    expect(answers.filter((f) => f.reason?.startsWith('redirected to a refused address: refused 127.0.0.1'))).toHaveLength(6)
    expect(target.hits).toEqual([])
  })

  it('a probe of a name whose lookup fails is unknown, and nothing is sent', async () => {
    const finding = await checkCandidate(config(), { ...rule(), base: `http://nowhere.test:${site.port}` }, { platform: 'instagram', handle: 'nordlys' }, 5_000, guard())
    expect(finding).toMatchObject({ result: 'unknown', reason: 'refused nowhere.test: its address could not be looked up (ENOTFOUND), so it cannot be checked' })
    expect(site.hits).toEqual([])
  })
})
