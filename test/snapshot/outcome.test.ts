// The one rule that turns each source's answer into an account's result,
// tested without a browser: which source gives the numbers, what the page
// may add, which failure is shown, and the trail of every source. Expected
// results are written out by hand.
import { describe, expect, it } from 'vitest'
import type { PlatformAdapter } from '../../src/platforms/adapter.js'
import type { ApiSource, SourceOutcome } from '../../src/platforms/source.js'
import { resolveOutcome, type PageOutcome } from '../../src/snapshot/outcome.js'
import type { SourceRun } from '../../src/snapshot/sources.js'

const owners: ApiSource = { id: 'owners-api', name: 'Owners API', credential: 'youtube', read: async () => ({ status: 'skipped', reason: 'unused' }) }
const open: ApiSource = { id: 'open-api', name: 'Open API', read: async () => ({ status: 'skipped', reason: 'unused' }) }

const adapter: PlatformAdapter = { id: 'demo', name: 'Demo', words: { followers: 'followers', posts: 'posts', likes: 'likes' }, pageUrl: () => 'https://example.invalid/', sources: [owners, open] }
const walled: PlatformAdapter = { ...adapter, emptyPageMeans: 'login required' }

const run = (source: ApiSource, outcome: SourceOutcome): SourceRun => ({ source, outcome })
const apiNumbers = { followers: { value: 500, source: 'api' as const, via: 'owners-api' } }
const pageOk: PageOutcome = {
  status: 'ok',
  screenshot: 'a.png',
  title: 'Acme on Demo',
  description: 'the page',
  metrics: { followers: { value: 480, source: 'meta', approximate: true, via: 'page' }, lastPostAt: { value: '2026-11-20', source: 'feed', via: 'feed' } },
}
const pageBlocked: PageOutcome = { status: 'blocked', reason: 'login wall', metrics: {} }
const pageNoNumbers: PageOutcome = { status: 'ok', screenshot: 'a.png', title: 'Acme', metrics: {} }

describe('resolveOutcome', () => {
  it('the first API that answers gives the numbers; the page fills only what it left out, and both are in the trail', () => {
    const out = resolveOutcome(adapter, [run(owners, { status: 'ok', metrics: apiNumbers, title: 'Acme (API)' })], pageOk)
    expect(out).toEqual({
      status: 'ok',
      screenshot: 'a.png',
      title: 'Acme (API)',
      description: 'the page',
      metrics: { followers: { value: 500, source: 'api', via: 'owners-api' }, lastPostAt: { value: '2026-11-20', source: 'feed', via: 'feed' } },
      sources: [
        { id: 'owners-api', name: 'Owners API', state: 'used', credential: 'SHOWTELL_YOUTUBE_API_KEY' },
        { id: 'page', name: 'the page', state: 'used' },
      ],
    })
  })

  it('a walled page beside an answering API: the numbers stand, the wall gives no words, no screenshot, and a note', () => {
    const out = resolveOutcome(adapter, [run(owners, { status: 'ok', metrics: apiNumbers })], pageBlocked)
    expect(out).toEqual({
      status: 'ok',
      reason: 'page blocked: login wall; numbers from Owners API',
      metrics: apiNumbers,
      sources: [
        { id: 'owners-api', name: 'Owners API', state: 'used', credential: 'SHOWTELL_YOUTUBE_API_KEY' },
        { id: 'page', name: 'the page', state: 'blocked', reason: 'login wall' },
      ],
    })
  })

  it('a skipped owner API and a refused one: the page gives the numbers, and the result says why the better sources did not', () => {
    const out = resolveOutcome(
      adapter,
      [run(owners, { status: 'skipped', reason: 'no credential: set SHOWTELL_YOUTUBE_API_KEY' }), run(open, { status: 'blocked', reason: 'rate limited (429)' })],
      pageOk,
    )
    expect(out.status).toBe('ok')
    expect(out.reason).toBe('Open API: rate limited (429); numbers from the page')
    expect(out.metrics).toEqual(pageOk.metrics)
    expect(out.sources).toEqual([
      { id: 'owners-api', name: 'Owners API', state: 'skipped', reason: 'no credential: set SHOWTELL_YOUTUBE_API_KEY', credential: 'SHOWTELL_YOUTUBE_API_KEY' },
      { id: 'open-api', name: 'Open API', state: 'blocked', reason: 'rate limited (429)' },
      { id: 'page', name: 'the page', state: 'used' },
    ])
  })

  it('an API saying there is no such account wins over a page that shows numbers', () => {
    const out = resolveOutcome(adapter, [run(open, { status: 'not-found', reason: 'no such account (Open API 404)' })], pageOk)
    expect(out.status).toBe('not-found')
    expect(out.reason).toBe('no such account (Open API 404)')
    expect(out.metrics).toEqual({})
    expect(out.screenshot).toBe('a.png')
  })

  it('an API failure with a page that has no follower count: the failure is the status, with the screenshot, and no numbers', () => {
    const out = resolveOutcome(adapter, [run(owners, { status: 'blocked', reason: 'the token in SHOWTELL_YOUTUBE_API_KEY has expired; renew it' })], pageNoNumbers)
    expect(out).toEqual({
      status: 'blocked',
      reason: 'the token in SHOWTELL_YOUTUBE_API_KEY has expired; renew it',
      screenshot: 'a.png',
      title: 'Acme',
      metrics: {},
      sources: [
        { id: 'owners-api', name: 'Owners API', state: 'blocked', reason: 'the token in SHOWTELL_YOUTUBE_API_KEY has expired; renew it', credential: 'SHOWTELL_YOUTUBE_API_KEY' },
        { id: 'page', name: 'the page', state: 'answered' },
      ],
    })
  })

  it('an API failure beside a blocked page: the API failure, and nothing of the wall', () => {
    const out = resolveOutcome(adapter, [run(open, { status: 'timeout', reason: 'Open API did not answer in time' })], pageBlocked)
    expect(out).toEqual({
      status: 'timeout',
      reason: 'Open API did not answer in time',
      metrics: {},
      sources: [
        { id: 'open-api', name: 'Open API', state: 'timeout', reason: 'Open API did not answer in time' },
        { id: 'page', name: 'the page', state: 'blocked', reason: 'login wall' },
      ],
    })
  })

  it('no API applies: the page alone, as it is', () => {
    const skipped = [run(owners, { status: 'skipped', reason: 'no credential: set SHOWTELL_YOUTUBE_API_KEY' })]
    expect(resolveOutcome(adapter, skipped, pageBlocked)).toMatchObject({ status: 'blocked', reason: 'login wall', metrics: {} })
    expect(resolveOutcome(adapter, skipped, pageNoNumbers)).toMatchObject({ status: 'ok', metrics: {}, screenshot: 'a.png' })
  })

  it('on a platform that walls logged-out visitors, a wall or a page without numbers is blocked with the adapter\'s reason, and the wall is not shown', () => {
    const skipped = [run(owners, { status: 'skipped', reason: 'no credential: set SHOWTELL_YOUTUBE_API_KEY' })]
    expect(resolveOutcome(walled, skipped, pageBlocked)).toMatchObject({ status: 'blocked', reason: 'login required', metrics: {} })
    expect(resolveOutcome(walled, skipped, pageBlocked).screenshot).toBeUndefined()
    const empty = resolveOutcome(walled, skipped, pageNoNumbers)
    expect(empty).toMatchObject({ status: 'blocked', reason: 'login required', metrics: {}, screenshot: 'a.png' })
    // The control: its logged-out page with numbers is read.
    expect(resolveOutcome(walled, skipped, pageOk)).toMatchObject({ status: 'ok', metrics: pageOk.metrics })
  })

  it('a page that failed gives no numbers even when its outcome carried some', () => {
    const failed: PageOutcome = { status: 'error', reason: 'the tab crashed', metrics: { followers: { value: 1, source: 'meta', via: 'page' } } }
    expect(resolveOutcome(adapter, [], failed)).toMatchObject({ status: 'error', reason: 'the tab crashed', metrics: {} })
  })
})
