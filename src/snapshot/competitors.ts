// Owns snapshotting the competitors' accounts (showtell.yaml `competitors`)
// in the same run as ours: the same adapters and capture, public sources only
// (run.ts passes `notOurs`, so no source that needs the owner's credentials is
// asked), and never in the signed-in profile. A browser on `snapshot.profile`
// holds the user's sessions, so their pages run in a second, plain browser
// with a temporary profile of its own, started only when there are
// competitors to read and closed here; a browser without the profile is
// shared, as it holds no session of ours. Their results are marked with the
// competitor's name and go to history/competitors.jsonl (history.ts), never
// among ours.
import { BrowserManager } from '../browser/manager.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { selectCompetitorAccounts, snapshotAccounts, type SnapshotRunOptions } from './run.js'
import type { SnapshotResult } from './types.js'

/**
 * The competitors' results; none (and no browser started) when showtell.yaml
 * lists none. `run` is the run's snapshotAccounts (a build's steps may replace
 * it); `only` narrows the run to these competitor account ids.
 */
export async function snapshotCompetitors(config: WorkspaceConfig, options: SnapshotRunOptions, run: typeof snapshotAccounts = snapshotAccounts, only?: readonly string[]): Promise<SnapshotResult[]> {
  const listed = selectCompetitorAccounts(config).filter((entry) => !only || only.includes(entry.account.id))
  if (listed.length === 0) return []
  const plain = options.browser.signedIn ? new BrowserManager(options.browser.optionsWithoutProfile()) : undefined
  // A cancel closes the caller's browser; the plain one closes with it.
  const cancel = () => void plain?.close()
  options.signal?.addEventListener('abort', cancel, { once: true })
  try {
    return await run(
      config,
      listed.map((entry) => entry.account),
      { ...options, browser: plain ?? options.browser, competitorOf: new Map(listed.map((entry) => [entry.account.id, entry.competitor])) },
    )
  } finally {
    options.signal?.removeEventListener('abort', cancel)
    await plain?.close()
  }
}
