// `showtell snapshot`: capture the accounts now, add the numbers to the
// history, and show what changed since the snapshot before (dated; the deck
// measures from the last scheduled meeting instead). The competitors'
// accounts follow ours in the same run (`--no-competitors` leaves them out),
// shown under a heading of their own, with their own history.
import { relative } from 'node:path'
import { EXIT } from '../errors.js'
import { interruptedOr, interruptSignal } from '../process/signals.js'
import { headlineOf, headlineWords } from '../snapshot/headline.js'
import { fixFor } from '../snapshot/fix.js'
import { takeSnapshots } from '../snapshot/take.js'
import { loadWorkspace } from '../workspace/load.js'
import { browserManagerFor, browserSetting } from './browser-setting.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'
import { formatChange, formatCount } from '../snapshot/format.js'
import type { HistoryEntry } from '../snapshot/history.js'
import type { SnapshotResult } from '../snapshot/types.js'

export async function runSnapshot(ctx: CommandContext): Promise<number> {
  const json = ctx.values.json === true
  const workspace = await loadWorkspace(workspaceDir(ctx))
  // A bad browser setting is bad input, named as the user wrote it (the flag, or
  // showtell.yaml's line and field), before the lock is taken. The browser
  // itself starts on first use, after takeSnapshots holds the workspace lock;
  // on an interrupt takeSnapshots closes it and waits until it is gone.
  const browser = browserManagerFor(await browserSetting(ctx, workspace))
  let taken: Awaited<ReturnType<typeof takeSnapshots>>
  let headed = false
  try {
    taken = await takeSnapshots(workspace, {
      only: (ctx.values.account as string[] | undefined) ?? [],
      browserManager: browser,
      competitors: ctx.values['no-competitors'] !== true,
      onProgress: (event) => {
        if (json || event.type !== 'account-done') return
        const r = event.result
        // The competitors come after ours, under a heading, each named with its competitor.
        if (r.competitor !== undefined && !headed) {
          headed = true
          ctx.io.stderr.write('  Competitors\n')
        }
        const who = r.competitor !== undefined ? `${r.competitor}: ` : ''
        ctx.io.stderr.write(`  ${r.status === 'ok' ? '✓' : '✗'} ${who}${r.account} ${r.status}${r.reason ? ` (${r.reason})` : ''} ${r.durationMs} ms\n`)
      },
      signal: interruptSignal,
    })
  } catch (error) {
    throw interruptedOr(error)
  } finally {
    await browser.close()
  }
  const { date, outDir, results, before, competitors, competitorsBefore } = taken
  // Hand-edited history lines that no longer read are kept in the file; say which.
  for (const problem of [...(before.problems ?? []), ...(competitorsBefore.problems ?? [])]) ctx.io.stderr.write(`  ! ${problem} (kept as it is, left out of the numbers)\n`)
  if (json) {
    // One list, as before; each competitor's result carries `competitor` (ours never do).
    printJson(ctx, [...results, ...competitors])
    return EXIT.ok
  }
  const where = relative(process.cwd(), outDir) || outDir
  // `--account` naming only competitor accounts: no table of ours.
  let text = results.length === 0 && competitors.length > 0 ? '' : `${table([['ACCOUNT', 'PLATFORM', 'STATUS', 'NOW', 'CHANGE', 'NOTE'], ...results.map((r) => rowOf(r, before.entries, date))])}\n\n${okCount(results)} accounts ok · screenshots in ${where}/ · history in history/snapshots.jsonl\n`
  if (competitors.length > 0) {
    const rows = competitors.map((r) => [r.competitor ?? '', ...rowOf(r, competitorsBefore.entries, date)])
    text += `${text ? '\n' : ''}Competitors (public sources only, never counted as ours)\n${table([['COMPETITOR', 'ACCOUNT', 'PLATFORM', 'STATUS', 'NOW', 'CHANGE', 'NOTE'], ...rows])}\n\n${okCount(competitors)} competitor accounts ok · history in history/competitors.jsonl\n`
  }
  ctx.io.stdout.write(text)
  return EXIT.ok
}

function okCount(results: readonly SnapshotResult[]): string {
  return `${results.filter((r) => r.status === 'ok').length} of ${results.length}`
}

/** One account's row, ours or a competitor's alike, against its own history. */
function rowOf(r: SnapshotResult, history: readonly HistoryEntry[], date: string): string[] {
  const h = headlineOf(r, history, date)
  // The NOW column is the platform's follower count; any other headline (a
  // page's likes, posts, the last post) says what it is. An account not read
  // shows its last good value, dated, never a zero.
  const now =
    h.value !== undefined
      ? `${formatCount(h.value)}${h.metric === 'followers' ? '' : ` ${h.word}`}${h.approximate ? ' (approx.)' : ''}`
      : h.lastGood
        ? `last good ${formatCount(h.lastGood.value)}${h.lastGood.metric === 'followers' ? '' : ` ${h.lastGood.word}`} (${h.lastGood.date})`
        : headlineWords(h)
  // An account not read says what would fix it: the credential to set or renew, a sign-in, or a figure by hand.
  const note = r.status === 'ok' ? (r.reason ?? '') : `${r.reason ?? r.status}; fix: ${fixFor(r).replace(/\.$/, '')}`
  return [r.account, r.platform, r.status, now, h.change ? `${formatChange(h.change.delta)} since ${h.change.since}` : '', note]
}
