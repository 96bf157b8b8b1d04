// `npm run bench`: speed figures, printed with medians and ratios measured in
// one run. Not a test: the machines are shared and noisy, so nothing here
// fails on a number.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { stringify } from 'yaml'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { planAgenda } from '../src/agenda/plan.js'
import { resolveBrowser } from '../src/browser/manager.js'
import { composeDeck, emptySegments } from '../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../src/deck/render.js'
import { loadTemplates, renderMarkdown } from '../src/deck/templates.js'
import { topicSchema } from '../src/topics/schema.js'
import { loadWorkspace } from '../src/workspace/load.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'dist', 'cli.js')
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`

/** A topic with enough material for a 60-slide deck at 60 minutes. */
async function sixtySlideTopic() {
  const workspace = await loadWorkspace(ROOT)
  const base = workspace.topics.get('crisis')!.topic
  return topicSchema.parse({
    ...base,
    id: 'bench-sixty',
    keyPoints: Array.from({ length: 30 }, (_, i) => ({ ...base.keyPoints[i % base.keyPoints.length]!, title: `Key point ${i + 1}` })),
    caseStudies: Array.from({ length: 10 }, (_, i) => base.caseStudies[i % base.caseStudies.length]!),
    worstCases: Array.from({ length: 24 }, (_, i) => base.worstCases[i % base.worstCases.length]!),
    questions: Array.from({ length: 12 }, (_, i) => `${base.questions[i % base.questions.length]!}`),
    actions: Array.from({ length: 12 }, (_, i) => base.actions[i % base.actions.length]!),
  })
}

async function benchRenderHtml(): Promise<void> {
  const workspace = await loadWorkspace(ROOT)
  const topic = await sixtySlideTopic()
  const templates = await loadTemplates()
  const render = async () => {
    const plan = planAgenda({ duration: 60, empty: emptySegments(workspace.config, topic) })
    const deck = composeDeck({ config: workspace.config, topic, date: '2026-11-24', plan })
    const rendered = renderSlides(renderMarkdown(deck, templates), templates)
    const html = await renderDeckHtml(deck, rendered)
    return { slides: deck.slides.length, bytes: html.length }
  }
  const first = await render()
  for (let i = 0; i < 3; i++) await render()
  const times: number[] = []
  for (let i = 0; i < 15; i++) {
    const t = performance.now()
    await render()
    times.push(performance.now() - t)
  }
  console.log(`Render a ${first.slides}-slide deck to deck.html (plan, compose, templates, marp-core, shell), 15 runs:`)
  console.log(`  median ${fmt(median(times))}, min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}; ${(first.bytes / 1024).toFixed(0)} KB of HTML`)
}

function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now()
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = performance.now() - t
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return ms
}

async function benchPdf(): Promise<void> {
  const browser = resolveBrowser({}).path
  const dir = await mkdtemp(join(tmpdir(), 'showtell-bench-'))
  await writeFile(join(dir, 'showtell.yaml'), await readFile(join(ROOT, 'showtell.yaml'), 'utf8'))
  // The 60-slide topic as a workspace topic, so both tools print the same 60 slides.
  await mkdir(join(dir, 'topics'))
  await writeFile(join(dir, 'topics', 'bench-sixty.yaml'), stringify(await sixtySlideTopic()))
  const args = ['build', '--topic', 'bench-sixty', '--date', '2026-11-24', '--duration', '60', '--no-snapshots', '--workspace', dir]
  // The same deck.md for both: ours writes it, marp-cli converts it.
  timeProcess(process.execPath, [CLI, ...args, '--format', 'md'], {})
  const out = join(dir, 'out', '2026-11-24-bench-sixty')
  const slides = (JSON.parse(await readFile(join(out, 'build.json'), 'utf8')) as { slideCount: number }).slideCount
  const markdownCopy = join(dir, 'deck.md')
  await writeFile(markdownCopy, await readFile(join(out, 'deck.md'), 'utf8'))
  const theme = join(dir, 'showtell.css')
  await writeFile(theme, await readFile(join(out, 'showtell.css'), 'utf8'))

  const ours = () => timeProcess(process.execPath, [CLI, ...args, '--format', 'pdf'], { CHROME_PATH: browser })
  const marp = () =>
    timeProcess(process.execPath, [MARP, '--no-stdin', markdownCopy, '--theme-set', theme, '--pdf', '--allow-local-files', '-o', join(dir, 'marp.pdf')], {
      CHROME_PATH: browser,
    })
  ours()
  marp()
  const pairs: { ours: number; marp: number; ratio: number }[] = []
  for (let i = 0; i < 7; i++) {
    // Alternate which goes first, so neither always meets a warm cache.
    const [a, b] = i % 2 === 0 ? [ours(), marp()] : (() => { const m = marp(); return [ours(), m] as const })()
    pairs.push({ ours: a, marp: b, ratio: a / b })
  }
  console.log(`\nExport deck.pdf from the same ${slides}-slide deck.md, whole process, 7 alternating pairs:`)
  console.log('  showtell build --format pdf  vs  marp deck.md --pdf (marp-cli)')
  for (const [i, p] of pairs.entries()) console.log(`  pair ${i + 1}: ours ${fmt(p.ours)}, marp-cli ${fmt(p.marp)}, ratio ${p.ratio.toFixed(2)}×`)
  console.log(
    `  median: ours ${fmt(median(pairs.map((p) => p.ours)))}, marp-cli ${fmt(median(pairs.map((p) => p.marp)))}, ratio ${median(pairs.map((p) => p.ratio)).toFixed(2)}× (target ≤ 1.0×)`,
  )
}

console.log(`showtell bench · Node ${process.versions.node} · ${new Date().toISOString()}\n`)
const only = process.argv[2]
if (!only || only === 'deck') {
  await benchRenderHtml()
  await benchPdf()
}
if (!only || only === 'schedule') (await import('./schedule.js')).benchSchedule()
if (!only || only === 'snapshots') await (await import('./snapshots.js')).benchSnapshots()
if (!only || only === 'app') await (await import('./app.js')).benchApp()
