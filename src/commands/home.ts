// `showtell` with no subcommand. In a terminal it opens the interactive app;
// without one (a pipe, a file, CI) it prints the dashboard once as text, then
// the usage, and exits 0. It never waits for input there.
import { ACTION_SHORT } from '../audit/suggest.js'
import { EXIT } from '../errors.js'
import { comparisonWords, loadOverview, type Overview } from '../overview/overview.js'
import { formatChange, formatCount } from '../snapshot/format.js'
import { loadWorkspace } from '../workspace/load.js'
import { table, workspaceDir, type CommandContext } from './context.js'
import { usage } from './help.js'

export async function runHome(ctx: CommandContext): Promise<number> {
  const dir = workspaceDir(ctx)
  const interactive = isInteractive(ctx)
  // Ink and React load while the workspace is read; the text summary never loads them.
  const app = interactive ? import('../ui/start.js') : undefined
  app?.catch(() => {})
  const workspace = await loadWorkspace(dir)
  const overview = await loadOverview(workspace)
  if (app) {
    // A bad browser setting is named as the user wrote it (the flag, or
    // showtell.yaml's line and field) before the app takes the screen, and
    // the app's browser names it too when it fails to start later.
    const { browserManagerFor, browserSetting } = await import('./browser-setting.js')
    const browser = browserManagerFor(await browserSetting(ctx, workspace))
    const { startApp } = await app
    await startApp({ workspaceDir: dir, workspace, overview, browser })
    return EXIT.ok
  }
  ctx.io.stdout.write(`${dashboardText(overview)}\n${usage()}`)
  return EXIT.ok
}

/**
 * A terminal on both ends, and not CI. CI is read exactly as Ink reads it
 * (CI or CONTINUOUS_INTEGRATION set to anything but "0" or "false"), because
 * under CI Ink draws only the last frame: the app would seem to hang.
 */
export function isInteractive(ctx: CommandContext, env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (key: string) => key in env && env[key] !== '0' && env[key] !== 'false'
  return !set('CI') && !set('CONTINUOUS_INTEGRATION') && ctx.io.stdout.isTTY === true && ctx.io.stdin?.isTTY === true
}

/** The dashboard as plain text: what `showtell` shows when it cannot be interactive. */
export function dashboardText(overview: Overview): string {
  const { next, accounts, audit, decks } = overview
  const lines = [overview.company, '']
  if (next) {
    lines.push(
      `Next meeting  ${next.weekday.slice(0, 3)} ${next.date} ${next.time} ${next.timezone}, ${next.duration} min`,
      `Topic         ${next.topicTitle} (${next.topicId}): ${next.reason}`,
      `              build it with: showtell build --next`,
    )
  } else lines.push('Next meeting  none scheduled (see meeting: in showtell.yaml)')
  lines.push('')
  if (accounts.length === 0) lines.push('Accounts      none in showtell.yaml')
  else {
    lines.push(`Accounts (${accounts.length})`)
    lines.push(
      table(
        accounts.map((a) => [
          `  ${a.status === 'ok' ? '✓' : a.status === 'never' ? '·' : '✗'} ${a.label}`,
          a.platform,
          a.status === 'never' ? 'no snapshot yet' : a.status,
          a.metric
            ? `${a.metric.approximate ? '~' : ''}${formatCount(a.metric.value)} ${a.metric.word}${a.metric.byHand ? ' (by hand)' : ''}`
            : a.lastPostAt
              ? `last post ${a.lastPostAt}`
              : a.lastGood
                ? `last good ${formatCount(a.lastGood.value)}${a.lastGood.name === 'followers' ? '' : ` ${a.lastGood.word}`} on ${a.lastGood.date}`
                : '',
          a.change ? `${formatChange(a.change.delta)} since ${a.change.since}` : (a.status !== 'ok' && a.reason) || '',
        ]),
      ),
    )
  }
  if (overview.comparison) lines.push(`How we compare  ${comparisonWords(overview.comparison)}`)
  lines.push('')
  if (!audit) lines.push('Loss of control: no audit yet (showtell audit)')
  else if (audit.unlisted.length === 0) {
    // With a rule broken, "nothing found" is not the all-clear: that platform could not tell.
    lines.push(`Loss of control: nothing unlisted found${audit.brokenPlatforms.length > 0 ? ' where the rules work' : ''} (audit ${audit.ranAt.slice(0, 10)})`)
  }
  else {
    lines.push(`Needs attention: ${audit.unlisted.length} account(s) in our name, not in showtell.yaml (audit ${audit.ranAt.slice(0, 10)})`)
    for (const f of audit.unlisted) lines.push(`  ${f.platform} ${f.handle}${f.followers !== undefined ? `, ${formatCount(f.followers)} followers` : ''}: ${ACTION_SHORT[f.action]}`)
    if (audit.unknownPlatforms.length > 0) lines.push(`  not checked: ${audit.unknownPlatforms.map((p) => `${p.platform} (${p.reason})`).join(', ')}`)
  }
  if (audit && audit.brokenPlatforms.length > 0) lines.push(`  rule broken this run: ${audit.brokenPlatforms.map((p) => p.platform).join(', ')}: cannot tell present from absent today`)
  lines.push('')
  if (decks.length === 0) lines.push('Recent decks  none yet')
  else {
    lines.push('Recent decks')
    for (const deck of decks) lines.push(`  ${deck.date}  ${deck.topicTitle}, ${deck.slideCount} slides, ${deck.duration} min  out/${deck.folder}/`)
  }
  lines.push('')
  return lines.join('\n')
}

