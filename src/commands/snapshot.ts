// `showtell snapshot`: capture the accounts now, add the numbers to the
// history, and show what changed since the last meeting.
import { join, relative } from 'node:path'
import { BrowserManager } from '../browser/manager.js'
import { EXIT } from '../errors.js'
import { todayIn } from '../rotation/calendar.js'
import { appendHistory, previousValue, readHistory } from '../snapshot/history.js'
import { selectAccounts, snapshotAccounts } from '../snapshot/run.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { loadWorkspace } from '../workspace/load.js'
import { acquireLock, writeFileAtomic } from '../workspace/store.js'
import { browserOptions, printJson, table, workspaceDir, type CommandContext } from './context.js'
import { formatChange, formatCount } from '../snapshot/format.js'

export async function runSnapshot(ctx: CommandContext): Promise<number> {
  const json = ctx.values.json === true
  const only = (ctx.values.account as string[] | undefined) ?? []
  const workspace = await loadWorkspace(workspaceDir(ctx))
  const accounts = selectAccounts(workspace.config, only)
  const date = todayIn(workspace.config.meeting.timezone)
  const outDir = join(workspace.paths.out, 'snapshots', date)
  const lock = await acquireLock(workspace.paths.lock, `snapshotting ${accounts.length} accounts`)
  const browser = new BrowserManager(browserOptions(ctx, workspace.config))
  let results: SnapshotResult[]
  try {
    results = await snapshotAccounts(workspace.config, accounts, {
      browser,
      outDir,
      onProgress: (event) => {
        if (json || event.type !== 'account-done') return
        const r = event.result
        ctx.io.stderr.write(`  ${r.status === 'ok' ? '✓' : '✗'} ${r.account} ${r.status}${r.reason ? ` (${r.reason})` : ''} ${r.durationMs} ms\n`)
      },
    })
    const before = await readHistory(workspace.paths.root)
    await appendHistory(workspace.paths.root, date, results)
    await writeFileAtomic(join(outDir, 'snapshots.json'), `${JSON.stringify(results, null, 2)}\n`)
    if (json) {
      printJson(ctx, results)
      return EXIT.ok
    }
    const rows = results.map((r) => {
      const followers = r.metrics.followers
      const previous = previousValue(before.entries, r.account, 'followers', date)
      const now = followers
        ? `${formatCount(followers.value)}${followers.approximate ? ' (approx.)' : ''}`
        : r.metrics.lastPostAt
          ? `last post ${r.metrics.lastPostAt.value.slice(0, 10)}`
          : ''
      // The fix for a walled X account belongs in the terminal, not on a slide.
      const note = r.platform === 'x' && r.status === 'blocked' && r.reason === 'login required' ? 'login required: set SHOWTELL_X_BEARER_TOKEN to use the X API' : (r.reason ?? '')
      return [r.account, r.platform, r.status, now, followers && previous ? `${formatChange(followers.value - previous.value)} since ${previous.date}` : '', note]
    })
    ctx.io.stdout.write(
      `${table([['ACCOUNT', 'PLATFORM', 'STATUS', 'NOW', 'CHANGE', 'NOTE'], ...rows])}\n\n${results.filter((r) => r.status === 'ok').length} of ${results.length} accounts ok · screenshots in ${relative(process.cwd(), outDir) || outDir}/ · history in history/snapshots.jsonl\n`,
    )
    return EXIT.ok
  } finally {
    await browser.close()
    await lock.release()
  }
}
