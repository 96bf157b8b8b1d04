// `showtell build`: one deck for one meeting, written to out/<date>-<topic>/.
import { join, relative, sep } from 'node:path'
import type { BrowserManager } from '../browser/manager.js'
import { buildDeck, FORMATS, type BuildEvent, type Format } from '../build/build.js'
import { listedFiles } from '../build/formats.js'
import { EXIT, UserError } from '../errors.js'
import { formatBytes } from '../snapshot/format.js'
import { HISTORY_FILE } from '../snapshot/history.js'
import { loadWorkspace, type Workspace } from '../workspace/load.js'
import { interruptSignal } from '../process/signals.js'
import { browserManagerFor, browserSetting } from './browser-setting.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'

export async function runBuild(ctx: CommandContext): Promise<number> {
  const { values } = ctx
  const json = values.json === true
  const formats = parseFormats(values.format)
  const duration = parseDuration(values.duration)
  // The workspace first: its `browser:` settings choose the browser. Chromium
  // starts once buildDeck holds the workspace lock (a refused build never
  // starts it), and is closed in `finally`, also when the input turns out bad.
  const workspace = await loadWorkspace(workspaceDir(ctx))
  // Every format but deck.md lays out slides in the browser (measured splits, prints, images).
  const prints = !formats || formats.some((format) => format !== 'md')
  const snapshots = values['no-snapshots'] !== true && workspace.config.accounts.length > 0
  // A Markdown-only build never starts a browser, so its setting is not checked.
  const browser = browserManagerFor(await browserSetting(ctx, workspace, { check: prints || snapshots }))
  try {
    return await buildAndReport(ctx, workspace, browser, formats, duration, json)
  } finally {
    await browser.close()
  }
}

async function buildAndReport(ctx: CommandContext, workspace: Workspace, browser: BrowserManager, formats: Format[] | undefined, duration: number | undefined, json: boolean): Promise<number> {
  const { values } = ctx
  const progress = (event: BuildEvent) => {
    if (json) return
    if (event.type === 'start') ctx.io.stderr.write(`Building ${event.date} · ${event.topic} · ${event.duration} min\n`)
    if (event.type === 'step-done' && event.step !== 'plan') ctx.io.stderr.write(`  ✓ ${event.step} (${event.ms} ms)\n`)
    // The exports ran side by side: both figures, so the saving can be quoted.
    if (event.type === 'export-done' && Object.keys(event.times.steps).length > 1) {
      ctx.io.stderr.write(`  ✓ export side by side: ${event.times.wallMs} ms wall, its steps add up to ${event.times.sumMs} ms\n`)
    }
    if (event.type === 'warning') ctx.io.stderr.write(`  ! ${event.message}\n`)
    if (event.type === 'snapshot' && event.event.type === 'account-done') {
      const r = event.event.result
      // A competitor's account is named with its competitor, apart from ours.
      const who = r.competitor !== undefined ? `competitor ${r.competitor}: ` : ''
      ctx.io.stderr.write(`    ${r.status === 'ok' ? '✓' : '✗'} ${who}${r.account} ${r.status}${r.reason ? ` (${r.reason})` : ''}\n`)
    }
  }
  const manifest = await buildDeck(workspace, {
    topic: typeof values.topic === 'string' ? values.topic : undefined,
    next: values.next === true,
    date: typeof values.date === 'string' ? values.date : undefined,
    duration,
    formats,
    snapshots: values['no-snapshots'] !== true,
    browserManager: browser,
    onProgress: progress,
    signal: interruptSignal,
  })
  if (json) {
    printJson(ctx, manifest)
    return EXIT.ok
  }
  const out = relative(process.cwd(), manifest.outDir) || '.'
  ctx.io.stdout.write(
    [
      `${manifest.topic.title} · ${manifest.date} · ${manifest.duration} min · ${manifest.slideCount} slides`,
      '',
      table([
        ['Segment', 'Min', 'Slides'],
        ...manifest.agenda.map((s) => [s.placeholder ? `${s.title} (placeholder)` : s.title, String(s.minutes), String(s.slideCount)]),
      ]),
      '',
      ...(manifest.snapshots.length > 0
        ? [`Snapshots: ${manifest.snapshots.filter((r) => r.status === 'ok').length} of ${manifest.snapshots.length} accounts ok; history in ${relative(process.cwd(), join(workspace.paths.root, HISTORY_FILE)).split(sep).join('/')}`, '']
        : []),
      ...(manifest.warnings.length > 0 ? [`Check before presenting:`, ...manifest.warnings.map((w) => `  ! ${w}`), ''] : []),
      `Wrote ${out}/`,
      ...listedFiles(manifest.files).map((file) => `  ${(file.images ? `${file.images.first} … ${file.images.last}` : file.name).padEnd(16)} ${formatBytes(file.bytes)}${file.images ? ` (${file.images.count} images)` : ''}`),
      '',
    ].join('\n'),
  )
  return EXIT.ok
}

function parseFormats(value: unknown): Format[] | undefined {
  if (typeof value !== 'string') return undefined
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean)
  const unknown = parts.filter((part) => !(FORMATS as readonly string[]).includes(part))
  if (unknown.length > 0 || parts.length === 0) {
    throw new UserError(`unknown format "${unknown[0] ?? value}"`, { location: { field: '--format' }, hint: `use a comma-separated list of ${FORMATS.join(', ')}` })
  }
  return parts as Format[]
}

function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  if (!/^\d+$/.test(value)) {
    throw new UserError(`not a number of minutes: "${value}"`, { location: { field: '--duration' }, hint: 'pick a whole number from 30 to 60' })
  }
  return Number(value)
}
