// Measured splitting: a long list or table is split where the measured height
// runs out in real Chromium (1280×720, print layout, the real templates), into
// the fewest slides with nothing overflowing, its rows balanced.
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, type ComposeInput, type Slide } from '../../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { balancedSizes, measuredSplitter, MAX_ROWS_PER_SLIDE } from '../../src/deck/split.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import type { Topic } from '../../src/topics/schema.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { REPO_ROOT } from '../helpers/cli.js'

describe('balancedSizes', () => {
  it('the fewest slides, then the rows spread evenly', () => {
    // 9 rows, 8 fit on any slide: two slides of 5 and 4, not 8 and a lonely 1.
    expect(balancedSizes(Array(9).fill(8))).toEqual([5, 4])
    expect(balancedSizes(Array(12).fill(4))).toEqual([4, 4, 4])
    expect(balancedSizes(Array(7).fill(3))).toEqual([3, 2, 2])
    expect(balancedSizes(Array(5).fill(9))).toEqual([5])
  })

  it('follows what fits from each first row: tall rows early, short ones late', () => {
    // Rows 0-3 are tall (2 fit from there), rows 4-9 short (6 fit).
    const fit = [2, 2, 2, 2, 6, 6, 6, 6, 6, 6]
    const sizes = balancedSizes(fit)
    expect(sizes).toEqual([2, 2, 6])
    let at = 0
    for (const size of sizes) {
      expect(size).toBeLessThanOrEqual(fit[at]!)
      at += size
    }
  })

  it('a row that fits nowhere still gets its own slide', () => {
    expect(balancedSizes([0, 0, 0])).toEqual([1, 1, 1])
  })
})

const manager = testBrowser()
let page: Page
let measurePage: Page
let workspace: Workspace
let templates: TemplateSet

beforeAll(async () => {
  workspace = await loadWorkspace(REPO_ROOT)
  templates = await loadTemplates()
  page = await manager.newPage()
  measurePage = await manager.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.emulateMediaType('print')
})

afterAll(async () => {
  await manager.close()
})

/** Slides that run past their box, checked here on their own (not with split.ts's measure). */
async function overflowing(slides: readonly Slide[], input: ComposeInput): Promise<number[]> {
  const base = composeDeck(input)
  const timing = { budgetSeconds: 60, positionInSegment: 1, segmentSlides: 1, segmentMinutes: 1, segmentTitle: '', budgetLine: '' }
  const deck = { ...base, slides: slides.map((slide, i) => ({ ...slide, ...timing, index: i + 1 })) }
  await page.setContent(await renderDeckHtml(deck, renderSlides(renderMarkdown(deck, templates), templates)), { waitUntil: 'load' })
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('section')).flatMap((section, i) => {
      const box = section.getBoundingClientRect()
      const out = section.scrollHeight > section.clientHeight + 1 || Array.from(section.querySelectorAll('*')).some((el) => el.getBoundingClientRect().bottom > box.bottom + 1)
      return out ? [i + 1] : []
    }),
  )
}

function withWorstCases(rows: { scenario: string; mitigation: string }[]): ComposeInput {
  const topic: Topic = { ...workspace.topics.get('crisis')!.topic, worstCases: rows }
  const plan = planAgenda({ duration: 60, empty: emptySegments(workspace.config, topic) })
  return { config: workspace.config, topic, date: '2026-11-24', plan }
}

async function worstCaseSlides(input: ComposeInput): Promise<Slide[]> {
  const split = await measuredSplitter(input, { page: measurePage, templates })
  return composeDeck({ ...input, split }).slides.filter((s) => s.segment === 'worst-cases')
}

const SHORT = Array.from({ length: 14 }, (_, i) => ({ scenario: `Leak ${i + 1}`, mitigation: 'Call legal' }))
const LONG = Array.from({ length: 14 }, (_, i) => ({
  scenario: `Case ${i + 1}: a senior leader's personal account posts a reply that reads as company policy and is quoted by the national press within the hour`,
  mitigation: 'The communications lead answers within thirty minutes from the company account, and the leader follows with a short correction',
}))

describe('a long table split by measure', () => {
  it('short rows: more on a slide than the old fixed count, the fewest slides, nothing overflowing', async () => {
    const input = withWorstCases(SHORT)
    const slides = await worstCaseSlides(input)
    const sizes = slides.map((s) => s.table!.rows.length)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(14)
    // Fourteen one-word rows are not four slides of four (the old MAX_TABLE_ROWS).
    expect(slides.length).toBeLessThan(4)
    expect(Math.max(...sizes)).toBeGreaterThan(4)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ROWS_PER_SLIDE)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(await overflowing(slides, input)).toEqual([])
  })

  it('long rows: fewer on a slide, each slide full (one more row would overflow), balanced, nothing overflowing', async () => {
    const input = withWorstCases(LONG)
    const slides = await worstCaseSlides(input)
    const sizes = slides.map((s) => s.table!.rows.length)
    const short = (await worstCaseSlides(withWorstCases(SHORT))).map((s) => s.table!.rows.length)
    expect(Math.max(...sizes)).toBeLessThan(Math.min(...short))
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(14)
    expect(slides.slice(1).every((s) => s.title.endsWith('(continued)'))).toBe(true)
    expect(await overflowing(slides, input)).toEqual([])
    // Full: the largest slide with one more row runs off, so fewer slides could not hold them.
    const biggest = Math.max(...sizes)
    const fuller = { ...slides[0]!, table: { ...slides[0]!.table!, rows: LONG.slice(0, biggest + 1).map((r) => [r.scenario, r.mitigation] as const) } }
    expect(await overflowing([fuller], input)).toEqual([1])
    expect(slides.length).toBe(Math.ceil(14 / biggest))
    // Balanced: no "(continued)" slide under half full.
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(Math.ceil(biggest / 2))
  })

  it('a long numbered list continues its numbering', async () => {
    const base = workspace.topics.get('crisis')!.topic
    const steps = Array.from({ length: 16 }, (_, i) => `Step ${i + 1}: open the account settings on your own phone and find where the sessions are listed, then read them out to the room`)
    const topic: Topic = { ...base, exercise: { ...base.exercise, steps } }
    const plan = planAgenda({ duration: 60, empty: emptySegments(workspace.config, topic) })
    const input = { config: workspace.config, topic, date: '2026-11-24', plan }
    const split = await measuredSplitter(input, { page: measurePage, templates })
    const slides = composeDeck({ ...input, split }).slides.filter((s) => s.segment === 'exercise')
    expect(slides.length).toBeGreaterThan(1)
    expect(slides.flatMap((s) => s.bullets)).toEqual(steps)
    let next = 1
    for (const s of slides) {
      expect(s.start).toBe(next)
      next += s.bullets!.length
    }
    expect(await overflowing(slides, input)).toEqual([])
  })

  it('a title that wraps once "(continued)" is added still leaves every slide fitting (the check round)', async () => {
    const base = workspace.topics.get('crisis')!.topic
    const steps = Array.from({ length: 18 }, (_, i) => `Step ${i + 1}: open the settings on your own phone and read the list of sessions out to the room, one by one`)
    const failures: string[] = []
    // Titles around one line long: at some length the "(continued)" one wraps and pushes the rows down.
    for (let words = 4; words <= 12; words++) {
      const title = Array.from({ length: words }, (_, i) => ['Review', 'every', 'signed-in', 'session'][i % 4]).join(' ')
      const topic: Topic = { ...base, exercise: { title, steps } }
      const plan = planAgenda({ duration: 60, empty: emptySegments(workspace.config, topic) })
      const input = { config: workspace.config, topic, date: '2026-11-24', plan }
      const split = await measuredSplitter(input, { page: measurePage, templates })
      const slides = composeDeck({ ...input, split }).slides.filter((s) => s.segment === 'exercise')
      const over = await overflowing(slides, input)
      if (over.length > 0) failures.push(`${words} words: slides ${over.join(', ')} of ${slides.length} overflow`)
    }
    expect(failures).toEqual([])
  })
})

