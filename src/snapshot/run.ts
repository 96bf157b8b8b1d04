// Owns one snapshot run: every chosen account in one browser, a bounded
// number at a time, each page on its own timeout and the whole run on a
// deadline. One account's failure never stops the others: whatever one
// account's capture throws becomes that account's `error` result. Every
// result passes the redactor here, the one point all of them go through, so
// the history, build.json, --json, the deck and the terminal never see a
// token or a password the account's URL or an API answer carried.
//
// A competitor's account (showtell.yaml `competitors`) runs through the same
// capture with `notOurs`: public sources only, never a source that needs the
// owner's credentials, and its result is marked with the competitor's name.
// Which browser it runs in (never the signed-in profile) is competitors.ts's.
import { mkdir } from 'node:fs/promises'
import pLimit from 'p-limit'
import type { BrowserManager } from '../browser/manager.js'
import { TabPool } from '../browser/tabs.js'
import { UserError } from '../errors.js'
import { redact, redactDeep, registerUrlSecrets } from '../secrets/redact.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import { pageUrl } from '../platforms/index.js'
import type { SnapshotResult } from './types.js'

export type SnapshotEvent =
  | { readonly type: 'account-start'; readonly account: string; readonly index: number; readonly total: number; readonly competitor?: string }
  | { readonly type: 'account-done'; readonly result: SnapshotResult; readonly done: number; readonly total: number }

export interface SnapshotRunOptions {
  readonly browser: BrowserManager
  /** Folder the screenshots are written to. */
  readonly outDir: string
  /** Only these account ids (`--account`). @default every account in showtell.yaml */
  readonly only?: readonly string[]
  readonly onProgress?: (event: SnapshotEvent) => void
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv
  /** How long a used tab may take to answer before it is parked (see TabPool). @default 1000 */
  readonly tabAliveMs?: number
  /**
   * Ends the run at once (Ctrl+C, the app's cancel): accounts not yet
   * started never start, and the run rejects with the signal's reason
   * instead of waiting for the slowest page to time out.
   */
  readonly signal?: AbortSignal
  /**
   * The competitors' accounts in `accounts`: account id → the competitor's
   * name. Each is read from public sources only and its result is marked.
   * @default none (every account is ours)
   */
  readonly competitorOf?: ReadonlyMap<string, string>
}

/** A competitor's account, with whose it is. */
export interface CompetitorAccount {
  readonly competitor: string
  readonly account: Account
}

/** Every competitor's accounts, in showtell.yaml's order. */
export function selectCompetitorAccounts(config: WorkspaceConfig): CompetitorAccount[] {
  return config.competitors.flatMap((competitor) => competitor.accounts.map((account) => ({ competitor: competitor.name, account })))
}

/** The accounts a run covers: the company's own, optionally narrowed to `only`. */
export function selectAccounts(config: WorkspaceConfig, only?: readonly string[]): Account[] {
  if (!only || only.length === 0) return [...config.accounts]
  const byId = new Map(config.accounts.map((account) => [account.id, account]))
  return only.map((id) => {
    const account = byId.get(id)
    if (!account) {
      throw new UserError(`unknown account "${id}"`, {
        location: { field: '--account' },
        hint: `accounts in showtell.yaml: ${[...byId.keys()].join(', ') || 'none'}`,
      })
    }
    return account
  })
}

export async function snapshotAccounts(config: WorkspaceConfig, accounts: readonly Account[], options: SnapshotRunOptions): Promise<SnapshotResult[]> {
  await mkdir(options.outDir, { recursive: true })
  // The capture code (page classifiers, the XML feed parser) loads with the
  // first run, not with every command or screen that can start one.
  const { captureAccount } = await import('./capture.js')
  const { concurrency, timeout } = config.snapshot
  const timeoutMs = timeout * 1000
  // The safety net behind the per-page timeouts: waves of pages plus slack.
  const deadlineMs = (config.snapshot.deadline ?? Math.max(60, timeout * (Math.ceil(accounts.length / concurrency) + 2))) * 1000
  const deadline = Date.now() + deadlineMs
  const limit = pLimit(concurrency)
  // No browser is a failure of the run, not of each account: say it once.
  await options.browser.get()
  // One tab per slot, reused: a new tab per account costs more CPU than the page itself.
  const tabs = new TabPool(options.browser, { aliveMs: options.tabAliveMs })
  let done = 0
  const total = accounts.length
  // A password or key in an account's URL is removed wherever a page or an API quotes it.
  for (const account of accounts) registerUrlSecrets(account.url)
  const { signal } = options
  signal?.throwIfAborted()
  let stop: (() => void) | undefined
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('the snapshot run was cancelled'))
    signal?.addEventListener('abort', stop, { once: true })
  })
  stopped.catch(() => {})
  try {
    const run = Promise.all(
    accounts.map((account, index) =>
      limit(async () => {
        if (signal?.aborted) return undefined as unknown as SnapshotResult
        const started = Date.now()
        const competitor = options.competitorOf?.get(account.id)
        let result: SnapshotResult
        if (started >= deadline) {
          result = lateResult(account, config, deadlineMs)
        } else {
          options.onProgress?.({ type: 'account-start', account: account.id, index, total, ...(competitor !== undefined ? { competitor } : {}) })
          let timer: NodeJS.Timeout | undefined
          result = await Promise.race([
            captureAccount(options.browser, account, {
              endpoints: config.snapshot.endpoints,
              timeoutMs,
              allowPrivateNetwork: config.snapshot.allowPrivateNetwork,
              locale: config.snapshot.locale,
              outDir: options.outDir,
              env: options.env,
              tabs,
              notOurs: competitor !== undefined,
            }).catch((error: unknown) => unexpectedResult(account, config, error, started)),
            new Promise<SnapshotResult>((resolve) => (timer = setTimeout(() => resolve(lateResult(account, config, deadlineMs)), deadline - started))),
          ]).finally(() => clearTimeout(timer))
        }
        result = redactDeep(competitor !== undefined ? { ...result, competitor } : result, options.env ?? process.env)
        done += 1
        // After a cancel, pages that end because the browser closed are not news.
        if (!signal?.aborted) options.onProgress?.({ type: 'account-done', result, done, total })
        return result
      }),
    ),
  )
    return await Promise.race([run, stopped])
  } finally {
    if (stop) signal?.removeEventListener('abort', stop)
    await tabs.close()
  }
}

/** An account whose capture threw (a bug, an answer no one foresaw): its own error, not the run's. */
function unexpectedResult(account: Account, config: WorkspaceConfig, error: unknown, started: number): SnapshotResult {
  const message = String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 200)
  return resultWithoutPage(account, config, 'error', redact(`unexpected error: ${message}`), Date.now() - started)
}

/** The result of an account that has no page to show: no numbers, no screenshot. */
function resultWithoutPage(account: Account, config: WorkspaceConfig, status: SnapshotResult['status'], reason: string, durationMs: number): SnapshotResult {
  return {
    account: account.id,
    platform: account.platform,
    label: account.label ?? account.handle ?? account.id,
    url: safePageUrl(account, config),
    status,
    reason,
    metrics: {},
    capturedAt: new Date().toISOString(),
    durationMs,
  }
}

/** The account's page, or its url as written when even that cannot be worked out. */
function safePageUrl(account: Account, config: WorkspaceConfig): string {
  try {
    return pageUrl(account, config.snapshot.endpoints)
  } catch {
    return account.url ?? ''
  }
}

function lateResult(account: Account, config: WorkspaceConfig, deadlineMs: number): SnapshotResult {
  return resultWithoutPage(account, config, 'timeout', `the run's deadline of ${Math.round(deadlineMs / 1000)} s passed before this account finished`, 0)
}
