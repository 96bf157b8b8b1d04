// Runs one captured page, feed or API answer through the code a snapshot
// runs: classifyPage and pageMetrics for pages, parseFeed for feeds,
// readApiAnswer for API bodies. Shared by scripts/measure-real-pages.ts (the
// hidden corpus in ../shared/real-pages) and test/snapshot/real-pages.test.ts
// (the project's own corpus in test/fixtures/real), so both measure the same
// thing.
import { readApiAnswer, type ApiKind } from '../../src/snapshot/api-answers.js'
import { classifyPage } from '../../src/snapshot/classify.js'
import { parseFeed } from '../../src/snapshot/feed.js'
import type { Metrics } from '../../src/snapshot/metrics.js'
import { notAProfile, pageMetrics, type PageOwner } from '../../src/snapshot/page-facts.js'
import type { SavedPageReader } from './saved-page.js'

export type Capture =
  | { readonly kind: 'page'; readonly body: string; readonly status: number | null; readonly headers: Readonly<Record<string, string>>; readonly url: string; readonly owner: PageOwner }
  | { readonly kind: 'feed'; readonly body: string; readonly now: Date }
  | { readonly kind: 'api'; readonly body: string; readonly status: number; readonly api: ApiKind | 'none' }

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
  if (capture.kind === 'api') {
    if (capture.api === 'none') return { status: 'error', reason: 'showtell has no decoder for this API yet', metrics: {} }
    const answer = readApiAnswer(capture.api, capture.status, capture.body)
    return answer.status === 'ok' ? { status: 'ok', metrics: answer.metrics } : { status: answer.status, reason: answer.reason, metrics: {} }
  }
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
