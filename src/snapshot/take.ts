// Owns "snapshot the accounts now", outside a build: the lock, one browser,
// the run, the history and the run's snapshots.json. `showtell snapshot` and
// the app's Accounts screen both call `takeSnapshots`. The competitors'
// accounts are read in the same run, after ours (competitors.ts), unless
// `competitors: false` or the run is narrowed to some accounts (`only`, which
// may name ours, a competitor's, or both); their results and history stay
// apart from ours.
import { join } from 'node:path'
import { BrowserManager, type BrowserOptions } from '../browser/manager.js'
import { todayIn } from '../rotation/calendar.js'
import type { Workspace } from '../workspace/load.js'
import { snapshotProfile } from '../workspace/profile.js'
import { acquireLock, writeFileAtomic } from '../workspace/store.js'
import { snapshotCompetitors } from './competitors.js'
import { appendCompetitorHistory, appendHistory, readCompetitorHistory, readHistory, type History } from './history.js'
import { selectAccounts, selectCompetitorAccounts, snapshotAccounts, type SnapshotEvent } from './run.js'
import type { SnapshotResult } from './types.js'

export interface TakeSnapshotsOptions {
  /** Only these account ids, ours or a competitor's. @default every account */
  readonly only?: readonly string[]
  readonly browser?: BrowserOptions
  /** An open browser to use (the app keeps one); otherwise one is started and closed. */
  readonly browserManager?: BrowserManager
  readonly onProgress?: (event: SnapshotEvent) => void
  /** Stops the run: the browser is closed and nothing is added to the history. */
  readonly signal?: AbortSignal
  /** Also the competitors' accounts (`--competitors`, the default); when `only` narrows the run, just the competitor accounts it names. @default true */
  readonly competitors?: boolean
}

export interface TakenSnapshots {
  readonly date: string
  readonly outDir: string
  readonly results: SnapshotResult[]
  /** The history as it was before this run (for "since last time"). */
  readonly before: History
  /** The competitors' results, apart from ours (empty with `competitors: false`, `only`, or none listed). */
  readonly competitors: SnapshotResult[]
  /** The competitors' history (history/competitors.jsonl) as it was before this run. */
  readonly competitorsBefore: History
}

export async function takeSnapshots(workspace: Workspace, options: TakeSnapshotsOptions = {}): Promise<TakenSnapshots> {
  // `only` may name a competitor's accounts: those run as competitors (public sources only), the rest as ours.
  const theirIds = new Set(selectCompetitorAccounts(workspace.config).map((entry) => entry.account.id))
  const only = options.only ?? []
  const narrowed = only.length > 0
  const theirsOnly = only.filter((id) => theirIds.has(id))
  const oursOnly = only.filter((id) => !theirIds.has(id))
  const accounts = narrowed && oursOnly.length === 0 ? [] : selectAccounts(workspace.config, oursOnly)
  const date = todayIn(workspace.config.meeting.timezone)
  const outDir = join(workspace.paths.out, 'snapshots', date)
  options.signal?.throwIfAborted()
  // Without a browser of the caller's, the run takes the workspace's settings, its signed-in profile included.
  const profileDir = options.browserManager || options.browser ? undefined : await snapshotProfile(workspace)
  const lock = await acquireLock(workspace.paths.lock, `snapshotting ${accounts.length + theirsOnly.length} accounts`)
  const own = options.browserManager
    ? undefined
    : new BrowserManager(options.browser ?? { browserPath: workspace.config.browser.path, browserWs: workspace.config.browser.ws, ...(profileDir ? { profileDir } : {}) })
  const browser = options.browserManager ?? own!
  // Cancelling closes the browser: every page in flight ends at once.
  const cancel = () => void browser.close()
  options.signal?.addEventListener('abort', cancel, { once: true })
  try {
    const results = accounts.length > 0 ? await snapshotAccounts(workspace.config, accounts, { browser, outDir, onProgress: options.onProgress, signal: options.signal }) : []
    options.signal?.throwIfAborted()
    // Named competitor accounts are read even with `competitors: false`: the flag leaves out the ones not asked for.
    const competitorIds = narrowed ? theirsOnly : options.competitors !== false ? undefined : []
    const competitors = competitorIds?.length === 0 ? [] : await snapshotCompetitors(workspace.config, { browser, outDir, onProgress: options.onProgress, signal: options.signal }, snapshotAccounts, competitorIds)
    options.signal?.throwIfAborted()
    const before = await readHistory(workspace.paths.root)
    const competitorsBefore = await readCompetitorHistory(workspace.paths.root)
    if (results.length > 0) await appendHistory(workspace.paths.root, date, results, before)
    if (competitors.length > 0) await appendCompetitorHistory(workspace.paths.root, date, competitors, competitorsBefore)
    // A run of competitors only leaves the day's snapshots.json of ours as it was.
    if (results.length > 0) await writeFileAtomic(join(outDir, 'snapshots.json'), `${JSON.stringify(results, null, 2)}\n`)
    if (competitors.length > 0) await writeFileAtomic(join(outDir, 'competitors.json'), `${JSON.stringify(competitors, null, 2)}\n`)
    return { date, outDir, results, before, competitors, competitorsBefore }
  } finally {
    options.signal?.removeEventListener('abort', cancel)
    // After a cancel this waits for the close it started (close() returns the
    // close in flight): the run ends with its browser and profile gone.
    if (own || options.signal?.aborted) await browser.close()
    await lock.release()
  }
}
