// `showtell snapshot`: capture the accounts now, add the numbers to the
// history, and show what changed since the last meeting.
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

export async function runSnapshot(ctx: CommandContext): Promise<number> {
  const json = ctx.values.json === true
  const workspace = await loadWorkspace(workspaceDir(ctx))
  // A bad browser setting is bad input, named as the user wrote it (the flag, or
  // showtell.yaml's line and field), before the lock is taken. The browser
  // itself starts on first use, after takeSnapshots holds the workspace lock;
  // on an interrupt takeSnapshots closes it and waits until it is gone.
  const browser = browserManagerFor(await browserSetting(ctx, workspace))
  let taken: Awaited<ReturnType<typeof takeSnapshots>>
  try {
    taken = await takeSnapshots(workspace, {
      only: (ctx.values.account as string[] | undefined) ?? [],
      browserManager: browser,
      onProgress: (event) => {
        if (json || event.type !== 'account-done') return
        const r = event.result
        ctx.io.stderr.write(`  ${r.status === 'ok' ? '✓' : '✗'} ${r.account} ${r.status}${r.reason ? ` (${r.reason})` : ''} ${r.durationMs} ms\n`)
      },
      signal: interruptSignal,
    })
  } catch (error) {
    throw interruptedOr(error)
  } finally {
    await browser.close()
  }
  const { date, outDir, results, before } = taken
  // Hand-edited history lines that no longer read are kept in the file; say which.
  for (const problem of before.problems ?? []) ctx.io.stderr.write(`  ! ${problem} (kept as it is, left out of the numbers)\n`)
  if (json) {
    printJson(ctx, results)
    return EXIT.ok
  }
  const rows = results.map((r) => {
    const h = headlineOf(r, before.entries, date)
    // The NOW column is the platform's follower count; any other headline (a
    // page's likes, posts, the last post) says what it is.
    const now =
      h.value !== undefined
        ? `${formatCount(h.value)}${h.metric === 'followers' ? '' : ` ${h.word}`}${h.approximate ? ' (approx.)' : ''}`
        : headlineWords(h)
    // An account not read says what would fix it: the credential to set or renew, a sign-in, or a figure by hand.
    const note = r.status === 'ok' ? (r.reason ?? '') : `${r.reason ?? r.status}; fix: ${fixFor(r).replace(/\.$/, '')}`
    return [r.account, r.platform, r.status, now, h.change ? `${formatChange(h.change.delta)} since ${h.change.since}` : '', note]
  })
  ctx.io.stdout.write(
    `${table([['ACCOUNT', 'PLATFORM', 'STATUS', 'NOW', 'CHANGE', 'NOTE'], ...rows])}\n\n${results.filter((r) => r.status === 'ok').length} of ${results.length} accounts ok · screenshots in ${relative(process.cwd(), outDir) || outDir}/ · history in history/snapshots.jsonl\n`,
  )
  return EXIT.ok
}
