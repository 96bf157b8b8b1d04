// Runs one captured page, feed or API answer through the code a snapshot
// runs: classifyPage and pageMetrics for pages, parseFeed for feeds, and the
// platform adapter's first API source (the one a snapshot tries first) for
// API answers. Shared by scripts/measure-real-pages.ts (the
// hidden corpus in ../shared/real-pages) and test/snapshot/real-pages.test.ts
// (the project's own corpus in test/fixtures/real), so both measure the same
// thing.
import { adapterOf } from '../../src/platforms/index.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { classifyPage } from '../../src/snapshot/classify.js'
import { parseFeed } from '../../src/snapshot/feed.js'
import type { Metrics } from '../../src/snapshot/metrics.js'
import { notAProfile, pageMetrics, type PageOwner } from '../../src/snapshot/page-facts.js'
import type { SavedPageReader } from './saved-page.js'

export type Capture =
  | { readonly kind: 'page'; readonly body: string; readonly status: number | null; readonly headers: Readonly<Record<string, string>>; readonly url: string; readonly owner: PageOwner }
  | { readonly kind: 'feed'; readonly body: string; readonly now: Date }
  | {
      readonly kind: 'api'
      readonly body: string
      readonly status: number
      /** The platform whose adapter's first source reads the answer. */
      readonly platform: string
      /** The account the captured request asked for. @default the one the answer names (handle, acct, username) */
      readonly account?: Partial<AccountRef>
    }

export interface Outcome {
  /** ok, blocked, not-found, error, or `not a profile` when the page belongs to no account's profile. */
  readonly status: string
  readonly reason?: string
  readonly metrics: Metrics
}

export async function runCapture(capture: Capture, reader: () => Promise<SavedPageReader>): Promise<Outcome> {
  if (capture.kind === 'feed') {
    const parsed = parseFeed(capture.body, capture.now)
    if (!parsed.ok) return { status: 'error', reason: parsed.reason, metrics: {} }
    const last = parsed.feed.lastPostAt
    return { status: 'ok', metrics: last ? { lastPostAt: { value: last, source: 'feed' } } : {} }
  }
  if (capture.kind === 'api') return runApiCapture(capture)
  const read = await (await reader()).read(capture.body)
  const verdict = classifyPage({
    requestedUrl: capture.url,
    finalUrl: capture.url,
    httpStatus: capture.status,
    title: read.title,
    bodyText: read.bodyText,
    headers: capture.headers,
    markup: read.markup,
  })
  if (verdict.status !== 'ok') return { status: verdict.status, reason: verdict.reason, metrics: {} }
  const mismatch = notAProfile(read, { ...capture.owner, url: capture.url })
  if (mismatch !== undefined) return { status: 'not a profile', reason: mismatch, metrics: pageMetrics(read, { ...capture.owner, url: capture.url }) }
  return { status: 'ok', metrics: pageMetrics(read, { ...capture.owner, url: capture.url }) }
}

/**
 * An API answer through the adapter's first source, as a snapshot meets it:
 * the source's first request gets the captured answer. A request the capture
 * does not hold (the author feed after a profile, an uploads playlist) gets a
 * 404, which a source must survive with its headline kept; the Graph API's
 * "which Instagram account does this token manage" step gets the one account
 * the capture was asked through.
 */
async function runApiCapture(capture: Extract<Capture, { kind: 'api' }>): Promise<Outcome> {
  const source = adapterOf(capture.platform)?.sources[0]
  if (!source) return { status: 'error', reason: `showtell has no API source for ${capture.platform}`, metrics: {} }
  const account: AccountRef = { id: 'corpus', platform: capture.platform, ...namedIn(capture.body), ...capture.account }
  let first = true
  const get = async (url: string): Promise<HttpAnswer> => {
    if (/\/me\/accounts\b/.test(new URL(url).pathname)) {
      return { status: 200, body: JSON.stringify({ data: [{ id: '1', instagram_business_account: { id: '17841400000000000', username: 'showtell_corpus' } }] }) }
    }
    if (!first) return { status: 404, body: '{}' }
    first = false
    return { status: capture.status, body: capture.body }
  }
  const outcome = await source.read({ account, base: (key) => `https://${key}.corpus.invalid`, credential: 'corpus-token', get, now: new Date('2026-12-01T00:00:00Z') })
  if (outcome.status === 'ok') return { status: 'ok', metrics: outcome.metrics }
  return { status: outcome.status === 'skipped' ? 'error' : outcome.status, reason: outcome.reason, metrics: {} }
}

/** The account an answer is about, by the names APIs give it: Bluesky's handle, Mastodon's acct, X's data.username. */
function namedIn(body: string): { handle?: string } {
  try {
    const json = JSON.parse(body) as Record<string, unknown> | null
    const data = json && typeof json.data === 'object' && json.data !== null ? (json.data as Record<string, unknown>) : undefined
    const name = [json?.handle, json?.acct, data?.username, json?.username].find((value) => typeof value === 'string')
    return typeof name === 'string' ? { handle: name } : {}
  } catch {
    return {}
  }
}
