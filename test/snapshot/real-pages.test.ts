// Pages, feeds and API answers captured from the real platforms by others
// (test fixtures of MIT-licensed metadata, scraping and feed libraries; see
// test/fixtures/real/MANIFEST.md), plus small fixtures of our own where a
// source's licence does not allow shipping it. Each goes through the code a
// snapshot runs (classifyPage, pageMetrics, parseFeed, the adapters' API sources; see
// test/helpers/real-page-run.ts), read by real Chromium with every request
// refused. The expected values were written by hand from the captures and
// are listed in test/fixtures/real/expected.json. A number where the page
// has none, or another account's number, fails: a decoy is never reported.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import type { CountMetric } from '../../src/snapshot/metrics.js'
import type { Platform } from '../../src/topics/schema.js'
import { runCapture, type Capture } from '../helpers/real-page-run.js'
import { savedPageReader, type SavedPageReader } from '../helpers/saved-page.js'

type ExpectedCount = number | null | { readonly approx: number }

interface Fixture {
  readonly file: string
  readonly kind: 'page' | 'feed' | 'api'
  readonly platform?: Platform
  readonly handle?: string
  readonly url?: string
  readonly api?: 'x' | 'bluesky' | 'mastodon'
  readonly httpStatus?: number
  readonly headers?: Record<string, string>
  readonly status?: string
  readonly followers?: ExpectedCount
  readonly following?: ExpectedCount
  readonly posts?: ExpectedCount
  /** A Facebook page's likes: their own metric, never its followers. */
  readonly likes?: ExpectedCount
  /** null: the page shows no post that is provably the account's, so none may be reported. */
  readonly lastPostAt?: string | null
}

const DIR = join(import.meta.dirname, '../fixtures/real')
const FIXTURES: readonly Fixture[] = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'))

function body(file: string): string {
  const raw = readFileSync(join(DIR, file))
  return (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')
}

function captureOf(fixture: Fixture): Capture {
  const text = body(fixture.file)
  if (fixture.kind === 'feed') return { kind: 'feed', body: text, now: new Date('2026-12-01T00:00:00Z') }
  if (fixture.kind === 'api') return { kind: 'api', platform: fixture.api!, status: fixture.httpStatus ?? 200, body: text }
  return {
    kind: 'page',
    body: text,
    status: fixture.httpStatus ?? 200,
    headers: fixture.headers ?? {},
    url: fixture.url!,
    owner: { platform: fixture.platform!, ...(fixture.handle ? { handle: fixture.handle } : {}) },
  }
}

function expectCount(name: string, expected: ExpectedCount | undefined, got: CountMetric | undefined): void {
  if (expected === undefined) return
  if (expected === null) {
    // A decoy: a number the page does not give for this account.
    expect(got, `${name} must not be reported`).toBeUndefined()
  } else if (typeof expected === 'number') {
    if (got?.approximate) {
      // A rounded display value ("1.1M") is honest when marked approximate and within its rounding.
      expect(Math.abs(got.value - expected), `${name} ${got.value} vs ${expected}`).toBeLessThanOrEqual(expected * 0.01)
    } else {
      expect(got?.value, name).toBe(expected)
    }
  } else {
    expect(got, name).toBeDefined()
    expect(got!.approximate, `${name} is a rounded display value`).toBe(true)
    expect(Math.abs(got!.value - expected.approx), `${name} ${got!.value} vs ~${expected.approx}`).toBeLessThanOrEqual(expected.approx * 0.01)
  }
}

let reader: SavedPageReader | undefined
const lazyReader = async () => (reader ??= await savedPageReader())
afterAll(async () => {
  await reader?.close()
})

describe('real captured pages through the snapshot code', () => {
  it('has at least 30 captures, each with a hand-written expectation', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30)
    for (const fixture of FIXTURES) expect(fixture.status ?? fixture.lastPostAt, fixture.file).toBeDefined()
  })

  it.each(FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', async (_file, fixture) => {
    const outcome = await runCapture(captureOf(fixture), lazyReader)
    if (fixture.status !== undefined) expect(outcome.status, outcome.reason).toBe(fixture.status)
    if (outcome.status === 'blocked' || outcome.status === 'not-found') expect(outcome.metrics).toEqual({})
    expectCount('followers', fixture.followers, outcome.metrics.followers)
    expectCount('following', fixture.following, outcome.metrics.following)
    expectCount('posts', fixture.posts, outcome.metrics.posts)
    expectCount('likes', fixture.likes, outcome.metrics.likes)
    if (fixture.lastPostAt === null) expect(outcome.metrics.lastPostAt, 'lastPostAt must not be reported').toBeUndefined()
    else if (fixture.lastPostAt !== undefined) expect(Date.parse(outcome.metrics.lastPostAt?.value ?? ''), 'lastPostAt').toBe(Date.parse(fixture.lastPostAt))
  })

  it('reports no follower count for any post page (its numbers are the post’s or its author’s)', async () => {
    for (const fixture of FIXTURES.filter((f) => f.status === 'not a profile')) {
      const outcome = await runCapture(captureOf(fixture), lazyReader)
      expect(outcome.metrics, fixture.file).toEqual({})
    }
  })
})

describe('pageMetrics on what a page could fake', () => {
  it("reads YouTube's app state only for a YouTube account (any page can define a global of that name)", async () => {
    const { pageMetrics } = await import('../../src/snapshot/page-facts.js')
    const state = JSON.stringify({ header: { c4TabbedHeaderRenderer: { channelId: 'UCx', subscriberCountText: { simpleText: '9.9M subscribers' } } } })
    const page = { title: 'Nordlys', meta: {}, jsonLd: [], embedded: { ytInitialData: state }, bodyText: '1,204 followers' }
    expect(pageMetrics(page, { platform: 'linkedin' })).toEqual({ followers: { value: 1_204, source: 'page-text', via: 'page' } })
    expect(pageMetrics(page, { platform: 'youtube' })).toEqual({ followers: { value: 9_900_000, source: 'embedded-json', approximate: true, via: 'page' } })
  })
})
