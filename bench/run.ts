// `npm run bench`: speed figures, printed with medians and ratios measured in
// one run. Not a test: the machines are shared and noisy, so nothing here
// fails on a number.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { planAgenda } from '../src/agenda/plan.js'
import { composeDeck, emptySegments } from '../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../src/deck/render.js'
import { loadTemplates, renderMarkdown } from '../src/deck/templates.js'
import { topicSchema } from '../src/topics/schema.js'
import { loadWorkspace } from '../src/workspace/load.js'
import { benchExports, fmt, median } from './exports.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'dist', 'cli.js')
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')

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

console.log(`showtell bench · Node ${process.versions.node} · ${new Date().toISOString()}\n`)
const only = process.argv[2]
if (!only || only === 'deck') {
  await benchRenderHtml()
  await benchExports({ root: ROOT, cli: CLI, marp: MARP, topic: await sixtySlideTopic() })
}
if (!only || only === 'schedule') (await import('./schedule.js')).benchSchedule()
if (!only || only === 'snapshots') await (await import('./snapshots.js')).benchSnapshots()
if (!only || only === 'app') await (await import('./app.js')).benchApp()
