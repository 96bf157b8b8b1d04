// Name search in a real run against the demo site (and a hostile server) on
// 127.0.0.1: the planted impostor under an unrelated handle is found only by
// name search; an account listed or found by its handle is not doubled; a
// display name without our name is not reported; a Mastodon server that
// refuses search (401), or answers every name with an empty list, says so
// and the run goes on; a hostile search answer
// is that search's error and the run goes on; the searches count against the
// budget after the controls and before the candidates. Every request the run
// makes is checked to go to 127.0.0.1.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRules, type AuditRules } from '../../src/audit/rules.js'
import { runAudit } from '../../src/audit/run.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { RequestGuard } from '../../src/net/guard.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

let site: DemoSite
let rules: AuditRules
let hostile: Server
let hostileUrl: string

/** Searches on the hostile server: each of our three names gets another bad answer. */
function hostileAnswer(q: string): string {
  if (q === 'Nordlys') return JSON.stringify({ actors: [{ did: 'did:plc:x', handle: 42, displayName: 'Nordlys Outdoor' }] })
  if (q === 'NordlysOutdoor') return JSON.stringify({ actors: null })
  // 10 MB in one display name: the answer is cut at 1 MB and is no JSON.
  return JSON.stringify({ actors: [{ did: 'did:plc:y', handle: 'big.bsky.social', displayName: `Nordlys Outdoor ${'x'.repeat(10_000_000)}` }] })
}

beforeAll(async () => {
  site = await startDemoSite()
  rules = await loadRules()
  hostile = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/xrpc/app.bsky.actor.searchActors') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(hostileAnswer(url.searchParams.get('q') ?? ''))
      return
    }
    if (url.pathname === '/api/v2/search') {
      // A server that answers anonymous search with nothing rather than 401.
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ accounts: [], statuses: [], hashtags: [] }))
      return
    }
    // getProfile and accounts/lookup: nobody exists here.
    response.writeHead(400, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ error: 'InvalidRequest', message: 'Profile not found' }))
  })
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve))
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`
})

afterAll(async () => {
  await site.close()
  await new Promise((resolve) => hostile.close(resolve))
})

/** A guard that records every URL the run asks it about (every request and redirect hop). */
function recordingGuard(): { guard: RequestGuard; urls: string[] } {
  const urls: string[] = []
  const guard = new RequestGuard({ allowPrivateNetwork: true })
  const check = guard.check.bind(guard)
  guard.check = (url) => {
    urls.push(String(url))
    return check(url)
  }
  return { guard, urls }
}

function expectLocalOnly(urls: readonly string[]): void {
  expect(urls.length).toBeGreaterThan(0)
  for (const url of urls) expect(new URL(url).hostname).toBe('127.0.0.1')
}

function config(endpoints: Record<string, string> = {}) {
  const u = site.url
  return workspaceConfigSchema.parse({
    company: { name: 'Nordlys Outdoor', aliases: ['Nordlys', 'NordlysOutdoor'] },
    accounts: [
      { id: 'ig', platform: 'instagram', url: `${u}/instagram/nordlysoutdoor/` },
      { id: 'bs', platform: 'bluesky', handle: 'nordlys.bsky.social' },
      { id: 'ma', platform: 'mastodon', handle: 'nordlys@mastodon.social' },
    ],
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: {
      timeout: 5,
      allowPrivateNetwork: true,
      endpoints: { bluesky: `${u}/bsky`, 'bluesky-web': `${u}/bsky-web`, mastodon: `${u}/mastodon`, instagram: `${u}/instagram`, ...endpoints },
    },
  })
}

const only = (...platforms: (keyof AuditRules)[]): AuditRules => Object.fromEntries(platforms.map((p) => [p, rules[p]!]))

describe('name search against the demo site', () => {
  it('finds the planted impostor under an unrelated handle, once, with its display name and bio; nothing listed or found by handle is doubled', async () => {
    const { guard, urls } = recordingGuard()
    const named: string[] = []
    const report = await runAudit(config(), only('bluesky', 'mastodon', 'instagram'), { delayMs: 0, budget: 1000, guard, onNameFind: (f) => named.push(f.handle) })
    expectLocalOnly(urls)
    const impostor = report.findings.filter((f) => f.handle === 'trailgear-deals.bsky.social')
    expect(impostor).toHaveLength(1)
    expect(impostor[0]).toMatchObject({
      platform: 'bluesky',
      result: 'exists-unlisted',
      foundBy: 'name-search',
      searchQuery: 'Nordlys Outdoor',
      displayName: 'Nordlys Outdoor',
      bio: 'Official Nordlys Outdoor outlet. Up to 80% off every jacket, today only: order through the link in our bio.',
      profileUrl: `${site.url}/bsky-web/profile/trailgear-deals.bsky.social`,
    })
    expect(impostor[0]!.url).toBe(`${site.url}/bsky/xrpc/app.bsky.actor.searchActors?q=Nordlys%20Outdoor&limit=25`)
    expect(named).toEqual(['trailgear-deals.bsky.social'])
    // No guessed handle reaches it: it is in no candidate.
    expect(report.findings.filter((f) => f.foundBy !== 'name-search').some((f) => f.handle.startsWith('trailgear'))).toBe(false)
    // Found by its handle, and returned by the search too: one finding, by handle.
    expect(report.findings.filter((f) => f.handle === 'nordlysoutdoor.bsky.social')).toEqual([expect.objectContaining({ result: 'exists-unlisted', foundBy: 'handle' })])
    // Ours, in showtell.yaml: listed once, never a find.
    expect(report.findings.filter((f) => f.handle === 'nordlys.bsky.social').map((f) => f.result)).toEqual(['official'])
    expect(report.findings.filter((f) => f.handle === 'nordlys@mastodon.social').map((f) => f.result)).toEqual(['official'])
    // The searches returned Aurora Hunter (its bio says "nordlys"); its display name does not carry our name.
    expect(report.findings.some((f) => /aurora/.test(f.handle))).toBe(false)
    expect(report.searches!.map((s) => [s.platform, s.instance ?? '', s.query, s.outcome, s.finds])).toEqual([
      ['bluesky', '', 'Nordlys Outdoor', 'ok', 1],
      ['bluesky', '', 'Nordlys', 'ok', 0],
      ['bluesky', '', 'NordlysOutdoor', 'ok', 0],
      ['mastodon', 'mastodon.social', 'Nordlys Outdoor', 'ok', 0],
      ['mastodon', 'mastodon.social', 'Nordlys', 'ok', 0],
      ['mastodon', 'mastodon.social', 'NordlysOutdoor', 'ok', 0],
    ])
    // "Nordlys" returns our account, the handle-found impostor, the name impostor and Aurora Hunter.
    expect(report.searches!.find((s) => s.platform === 'bluesky' && s.query === 'Nordlys')?.results).toBe(4)
    expect(report.searches!.find((s) => s.platform === 'mastodon' && s.query === 'Nordlys')?.results).toBe(2)
  })

  it('the impostor wears our logo: the same avatar URL as our own Bluesky account, in the search answer and on its profile page', async () => {
    const get = async (path: string) => {
      const response = await fetch(`${site.url}${path}`)
      expect(new URL(response.url).hostname).toBe('127.0.0.1')
      return response
    }
    const ours = (await (await get('/bsky/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social')).json()) as { avatar: string }
    expect(ours.avatar).toBe(`${site.url}/img/nordlys-bsky-avatar.svg`)
    const search = (await (await get('/bsky/xrpc/app.bsky.actor.searchActors?q=Nordlys%20Outdoor&limit=25')).json()) as { actors: { handle: string; avatar: string }[] }
    expect(search.actors.find((a) => a.handle === 'trailgear-deals.bsky.social')?.avatar).toBe(ours.avatar)
    const page = await (await get('/bsky-web/profile/trailgear-deals.bsky.social')).text()
    expect(page).toContain(`<meta property="og:image" content="${ours.avatar}"`)
  })

  it('a Mastodon server that refuses search (401) says "search not allowed", and the run goes on', async () => {
    const { guard, urls } = recordingGuard()
    const report = await runAudit(config({ mastodon: `${site.url}/mastodon-private` }), only('bluesky', 'mastodon'), { delayMs: 0, budget: 1000, guard })
    expectLocalOnly(urls)
    const mastodon = report.searches!.filter((s) => s.platform === 'mastodon')
    expect(mastodon).toHaveLength(3)
    for (const search of mastodon) expect(search).toMatchObject({ outcome: 'not-allowed', instance: 'mastodon.social', reason: 'search not allowed on mastodon.social (answered 401)' })
    // Bluesky's search still ran and found the impostor.
    expect(report.findings.find((f) => f.handle === 'trailgear-deals.bsky.social')?.foundBy).toBe('name-search')
  })

  it('a Mastodon server that answers an empty list to every one of our names, though our account lives there, is "search not allowed"', async () => {
    const { guard, urls } = recordingGuard()
    const report = await runAudit(config({ mastodon: hostileUrl }), only('bluesky', 'mastodon'), { delayMs: 0, budget: 1000, guard })
    expectLocalOnly(urls)
    const mastodon = report.searches!.filter((s) => s.platform === 'mastodon')
    expect(mastodon.map((s) => [s.outcome, s.reason])).toEqual(
      Array(3).fill(['not-allowed', 'search not allowed on mastodon.social (an empty list for every name, though our own account lives there)']),
    )
    // An empty answer on Bluesky is only an empty answer: its searches stay ok.
    expect(report.searches!.filter((s) => s.platform === 'bluesky').every((s) => s.outcome === 'ok')).toBe(true)
  })

  it('a hostile search answer (a wrong type, a null list, a 10 MB string) is that search\'s error, and the run goes on', async () => {
    const { guard, urls } = recordingGuard()
    const report = await runAudit(config({ bluesky: hostileUrl }), only('bluesky', 'instagram'), { delayMs: 0, budget: 1000, guard })
    expectLocalOnly(urls)
    const byQuery = Object.fromEntries(report.searches!.map((s) => [s.query, [s.outcome, s.reason]]))
    expect(byQuery).toEqual({
      Nordlys: ['error', 'not a searchActors answer: actors[0].handle: expected a string of at most 253 characters, got a number'],
      NordlysOutdoor: ['error', 'not a searchActors answer: actors: expected a list, got null'],
      'Nordlys Outdoor': ['error', 'the answer was longer than 1 MB'],
    })
    expect(report.findings.some((f) => f.foundBy === 'name-search')).toBe(false)
    // Instagram's candidates were still probed: the planted impostor there is found.
    expect(report.findings.find((f) => f.platform === 'instagram' && f.handle === 'nordlys.official')?.result).toBe('exists-unlisted')
  })

  it('the searches count against the budget after the controls and before the candidates', async () => {
    const { guard, urls } = recordingGuard()
    // Two platforms, two control probes each: 4. Then one search fits.
    const report = await runAudit(config(), only('bluesky', 'instagram'), { delayMs: 0, budget: 5, guard })
    expectLocalOnly(urls)
    expect(report.checked).toBe(5)
    expect(report.controls!.flatMap((c) => c.probes.map((p) => p.answer))).toEqual(['absent', 'present', 'absent', 'present'])
    expect(report.searches!.map((s) => s.outcome)).toEqual(['ok', 'not-run', 'not-run'])
    expect(report.searches![1]!.reason).toBe('not run: the request budget of 5 was spent')
    // The one search that ran was the company's name, and it found the impostor.
    expect(report.findings.find((f) => f.foundBy === 'name-search')?.handle).toBe('trailgear-deals.bsky.social')
    // No candidate was probed: every one not listed is unknown for the budget.
    expect(report.findings.filter((f) => f.result !== 'official' && f.foundBy !== 'name-search').every((f) => f.result === 'unknown' && /budget of 5 was spent/.test(f.reason ?? ''))).toBe(true)
    // The controls' 4, the search, and nothing else went out.
    expect(urls.filter((u) => u.includes('searchActors'))).toHaveLength(1)
    expect(urls).toHaveLength(5)
  })
})
