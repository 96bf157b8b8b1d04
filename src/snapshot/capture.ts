// Owns capturing one account: the adapter's API sources, in its order of
// preference, at the same time as the page (visit.ts); then the one rule of
// outcome.ts turns what each said into the result. Every request goes through
// one guard for the account (the run's, so a host is looked up once).
import type { BrowserManager } from '../browser/manager.js'
import type { TabPool } from '../browser/tabs.js'
import { acceptLanguage } from '../net/accept-language.js'
import { guardedFetch } from '../net/fetch.js'
import { RequestGuard } from '../net/guard.js'
import { adapterOf, pageUrl, type Endpoints } from '../platforms/index.js'
import type { Account } from '../workspace/schema.js'
import { resolveOutcome } from './outcome.js'
import { walkSources } from './sources.js'
import type { SnapshotResult } from './types.js'
import { capturePage } from './visit.js'

export { CONSENT_SELECTORS, describeError } from './visit.js'

export interface CaptureOptions {
  readonly endpoints: Endpoints
  /** Per page, in milliseconds. */
  readonly timeoutMs: number
  readonly allowPrivateNetwork: boolean
  /** Folder the screenshot is written to. */
  readonly outDir: string
  /** @default process.env (read for the owner's API credentials only) */
  readonly env?: NodeJS.ProcessEnv
  /** The run's tabs, reused from account to account. @default a new tab, closed afterwards */
  readonly tabs?: TabPool
  /**
   * Checks every request of this account: the page, its redirects and
   * sub-resources, the APIs and the feed. Its own `allowPrivateNetwork` wins.
   * @default one guard for the run's `tabs` (or for this account alone), with `allowPrivateNetwork` and the system resolver
   */
  readonly guard?: RequestGuard
  /** The language asked for, page and fetches alike (`snapshot.locale`). @default en-US */
  readonly locale?: string
  /** A competitor's account: public sources only, never the owner's credentials. */
  readonly notOurs?: boolean
  /** The snapshot's time (posts in the last 30 days). @default now */
  readonly now?: Date
}

export async function captureAccount(browser: BrowserManager, account: Account, options: CaptureOptions): Promise<SnapshotResult> {
  const started = performance.now()
  const capturedAt = new Date().toISOString()
  const url = pageUrl(account, options.endpoints)
  const finish = (outcome: Omit<SnapshotResult, 'account' | 'platform' | 'label' | 'url' | 'capturedAt' | 'durationMs'>): SnapshotResult => ({
    account: account.id,
    platform: account.platform,
    label: account.label ?? account.handle ?? account.id,
    url,
    ...outcome,
    capturedAt,
    durationMs: Math.round(performance.now() - started),
  })

  // One guard for everything this account causes, so a host is looked up once.
  const guard = guardOf(options)
  const first = await guard.check(url)
  if (!first.ok) return finish({ status: 'error', reason: first.reason, metrics: {} })

  const adapter = adapterOf(account.platform)!
  const fetchText = (target: string, headers: Readonly<Record<string, string>> = {}) => fetchWith(guard, target, options, headers)
  const [runs, page] = await Promise.all([
    walkSources(adapter, account, { endpoints: options.endpoints, env: options.env ?? process.env, get: fetchText, now: options.now ?? new Date(capturedAt), withoutCredentials: options.notOurs }),
    capturePage(browser, account, url, { timeoutMs: options.timeoutMs, outDir: options.outDir, tabs: options.tabs, guard, locale: options.locale, feeds: adapter.feeds, fetchText }),
  ])
  return finish(resolveOutcome(adapter, runs, page))
}

/** One guard per run (its tab pool stands for the run), so a host is looked up once per run, not per account. */
const runGuards = new WeakMap<TabPool, RequestGuard>()

/** The guard a capture's requests go through (captureAccount sets it for the whole account). */
function guardOf(options: CaptureOptions): RequestGuard {
  if (options.guard) return options.guard
  const fresh = () => new RequestGuard({ allowPrivateNetwork: options.allowPrivateNetwork })
  if (!options.tabs) return fresh()
  let guard = runGuards.get(options.tabs)
  if (!guard || guard.allowPrivateNetwork !== options.allowPrivateNetwork) {
    guard = fresh()
    runGuards.set(options.tabs, guard)
  }
  return guard
}

/** An API answer or a feed: every redirect hop checked before it is sent, at most 5 MB read (a hostile endpoint cannot fill the memory). */
async function fetchWith(guard: RequestGuard, url: string, options: CaptureOptions, headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; body: string }> {
  const answer = await guardedFetch(url, {
    guard,
    headers: { accept: 'application/json, application/atom+xml, application/rss+xml, text/xml;q=0.9, */*;q=0.5', 'user-agent': 'showtell (executive briefing snapshots)', 'accept-language': acceptLanguage(options.locale), ...headers },
    timeoutMs: options.timeoutMs,
    maxBytes: 5_000_000,
  })
  return { status: answer.status, body: answer.body }
}

