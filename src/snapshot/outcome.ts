// Owns the one rule that turns what each source said about an account into
// its snapshot result. Pure: no browser, no network, tested on its own.
//
// The rule, in order:
// 1. The first API source that answered `ok` gives the numbers; the page
//    (when it showed real content) fills only what the API left out, and
//    gives the screenshot. A page that was walled or failed meanwhile is a
//    note on the `ok` result.
// 2. Otherwise an API's `not-found` stands: the platform itself says there is
//    no such account, whatever its page shows.
// 3. Otherwise a page that showed real content with a follower count gives
//    the numbers, and the result says why the better sources did not.
// 4. Otherwise the first API failure (refused, rate limited, unreachable) is
//    the status, with the page's screenshot when it had one.
// 5. Otherwise (no API applied) the page alone: on a platform that shows
//    logged-out visitors nothing but a wall (the adapter's `emptyPageMeans`),
//    a walled page or a page without numbers is `blocked` with the adapter's
//    reason.
// A page that is not `ok` never gives a number, a title or a description:
// walls carry teaser counts that are not the account's.
import type { PlatformAdapter } from '../platforms/adapter.js'
import { credentialVariable } from '../secrets/credentials.js'
import { mergeMetrics, type Metrics } from './metrics.js'
import type { SourceRun } from './sources.js'
import type { SnapshotResult, SnapshotStatus, SourceReport } from './types.js'

export interface PageOutcome {
  readonly status: SnapshotStatus
  readonly reason?: string
  readonly screenshot?: string
  readonly title?: string
  readonly description?: string
  /** The page's and its feed's numbers, each with its `via`. */
  readonly metrics: Metrics
  /** The page opened a dialog or a pop-up: its tab is not reused. */
  readonly restless?: boolean
}

export type Outcome = Pick<SnapshotResult, 'status' | 'reason' | 'screenshot' | 'title' | 'description' | 'metrics' | 'sources'>

export const PAGE_SOURCE = { id: 'page', name: 'the page' } as const

export function resolveOutcome(adapter: PlatformAdapter, runs: readonly SourceRun[], page: PageOutcome): Outcome {
  const pageOk = page.status === 'ok'
  const shown = pageOk ? { screenshot: page.screenshot } : {}
  const words = pageOk ? { title: page.title, description: page.description } : {}
  const answered = runs.find((run) => run.outcome.status === 'ok')
  const failures = runs.filter((run) => run.outcome.status !== 'ok' && run.outcome.status !== 'skipped')
  const report = (used: SourceRun | 'page' | undefined, metrics: Metrics): SourceReport[] => [
    ...runs.map((run) => sourceReport(run, run === used)),
    pageReport(page, used === 'page' || (used !== undefined && pageOk && contributed(metrics, 'page'))),
  ]

  if (answered && answered.outcome.status === 'ok') {
    const api = answered.outcome
    const metrics = mergeMetrics(api.metrics, pageOk ? page.metrics : {})
    return tidy({
      status: 'ok',
      reason: pageOk ? undefined : `page ${page.status}${page.reason ? `: ${page.reason}` : ''}; numbers from ${answered.source.name}`,
      ...shown,
      title: api.title ?? words.title,
      description: api.description ?? words.description,
      metrics,
      sources: report(answered, metrics),
    })
  }
  const notFound = failures.find((run) => run.outcome.status === 'not-found')
  if (notFound) return tidy({ status: 'not-found', reason: reasonOf(notFound), ...shown, ...words, metrics: {}, sources: report(undefined, {}) })
  if (pageOk && page.metrics.followers !== undefined) {
    const why = failures[0] ? `${named(failures[0])}; numbers from the page` : undefined
    return tidy({ status: 'ok', reason: page.reason ?? why, ...shown, ...words, metrics: page.metrics, sources: report('page', page.metrics) })
  }
  const failed = failures[0]
  if (failed) {
    return tidy({ status: failed.outcome.status as SnapshotStatus, reason: reasonOf(failed), ...shown, ...words, metrics: {}, sources: report(undefined, {}) })
  }
  if (adapter.emptyPageMeans && (page.status === 'blocked' || (pageOk && page.metrics.followers === undefined))) {
    return tidy({ status: 'blocked', reason: adapter.emptyPageMeans, ...shown, metrics: {}, sources: report(undefined, {}) })
  }
  const metrics = pageOk ? page.metrics : {}
  return tidy({ status: page.status, reason: page.reason, screenshot: page.screenshot, ...words, metrics, sources: report(pageOk ? 'page' : undefined, metrics) })
}

/** The failure's reason, starting with the source's name unless the reason already does. */
function named(run: SourceRun): string {
  const reason = reasonOf(run)
  return reason.startsWith(run.source.name) ? reason : `${run.source.name}: ${reason}`
}

function reasonOf(run: SourceRun): string {
  return run.outcome.status === 'ok' ? '' : run.outcome.reason
}

function sourceReport(run: SourceRun, used: boolean): SourceReport {
  const { source, outcome } = run
  const credential = source.credential ? { credential: credentialVariable(source.credential) } : {}
  if (outcome.status === 'ok') return { id: source.id, name: source.name, state: used ? 'used' : 'answered', ...credential }
  return { id: source.id, name: source.name, state: outcome.status, reason: outcome.reason, ...credential }
}

function pageReport(page: PageOutcome, used: boolean): SourceReport {
  if (page.status === 'ok') return { ...PAGE_SOURCE, state: used ? 'used' : 'answered' }
  return { ...PAGE_SOURCE, state: page.status === 'not-found' ? 'not-found' : page.status, ...(page.reason ? { reason: page.reason } : {}) }
}

/** True when some metric in `metrics` came from `via` (the page's numbers fill what an API left out). */
function contributed(metrics: Metrics, via: string): boolean {
  return Object.values(metrics).some((metric) => metric?.via === via || (via === 'page' && metric?.via === 'feed'))
}

/** Leaves out the fields that are undefined, so --json and the history list only what is there. */
function tidy(outcome: Outcome): Outcome {
  return Object.fromEntries(Object.entries(outcome).filter(([, value]) => value !== undefined)) as unknown as Outcome
}
