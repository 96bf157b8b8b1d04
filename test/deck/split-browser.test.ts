// measuredSplitter given the run's browser: a deck with no slide that has more
// than one item to split opens no page at all (the measuring round is
// skipped), and one that has such a slide measures in one page, asked for with
// `reuse` so deck.pdf prints on that same page afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserManager } from '../../src/browser/manager.js'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, type ComposeInput } from '../../src/deck/compose.js'
import { itemCount, measuredSplitter } from '../../src/deck/split.js'
import { loadTemplates, type TemplateSet } from '../../src/deck/templates.js'
import type { Topic } from '../../src/topics/schema.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { REPO_ROOT } from '../helpers/cli.js'

let workspace: Workspace
let templates: TemplateSet
const manager = testBrowser()

beforeAll(async () => {
  workspace = await loadWorkspace(REPO_ROOT)
  templates = await loadTemplates()
})

afterAll(async () => {
  await manager.close()
})

function inputFor(topic: Topic): ComposeInput {
  const plan = planAgenda({ duration: 30, empty: emptySegments(workspace.config, topic) })
  return { config: workspace.config, topic, date: '2026-11-24', plan }
}

/** The crisis topic cut to one item wherever compose may split: nothing to split anywhere. */
function oneOfEach(): Topic {
  const base = workspace.topics.get('crisis')!.topic
  return {
    ...base,
    why: base.why.slice(0, 1),
    worstCases: base.worstCases.slice(0, 1),
    exercise: { ...base.exercise, steps: base.exercise.steps.slice(0, 1) },
    questions: base.questions.slice(0, 1),
    actions: base.actions.slice(0, 1),
    sources: base.sources.slice(0, 1),
  }
}

/** A browser that records each page asked for, and fails the build if `failing`. */
function recording(failing: boolean) {
  const calls: { reuse: boolean | undefined }[] = []
  const browser: Pick<BrowserManager, 'withPage'> = {
    withPage: (fn, options) => {
      calls.push({ reuse: options?.reuse })
      return failing ? Promise.reject(new Error('no page may be opened for this deck')) : manager.withPage(fn, options)
    },
  }
  return { browser, calls }
}

describe('measuredSplitter with the run browser', () => {
  it('opens no page when no slide has more than one item to split', async () => {
    const input = inputFor(oneOfEach())
    // The premise: compose offers the splitter no slide with two or more items.
    const offered: number[] = []
    composeDeck({ ...input, split: (slide) => (offered.push(itemCount(slide)), [slide]) })
    expect(offered.length).toBeGreaterThan(0)
    expect(offered.every((n) => n <= 1)).toBe(true)

    const { browser, calls } = recording(true)
    const split = await measuredSplitter(input, { browser, templates })
    expect(calls).toEqual([])
    // And the deck is the one compose makes with nothing split.
    expect(composeDeck({ ...input, split }).slides.map((s) => s.title)).toEqual(composeDeck({ ...input, split: (slide) => [slide] }).slides.map((s) => s.title))
  })

  it('measures in one page, asked for with reuse, when a slide has items to split', async () => {
    const base = workspace.topics.get('crisis')!.topic
    const input = inputFor({ ...base, worstCases: Array.from({ length: 14 }, (_, i) => ({ scenario: `Leak ${i + 1}`, mitigation: 'Call legal' })) })
    const { browser, calls } = recording(false)
    const split = await measuredSplitter(input, { browser, templates })
    expect(calls).toEqual([{ reuse: true }])
    const rows = composeDeck({ ...input, split })
      .slides.filter((s) => s.segment === 'worst-cases' && s.table)
      .reduce((sum, s) => sum + s.table!.rows.length, 0)
    expect(rows).toBe(14)
  })

  /** A browser whose pages count how often a document is loaded into them (each measuring render is one). */
  function counting() {
    let loads = 0
    const browser: Pick<BrowserManager, 'withPage'> = {
      withPage: (fn, options) =>
        manager.withPage(async (page) => {
          const setContent = page.setContent.bind(page)
          page.setContent = (html, opts) => ((loads += 1), setContent(html, opts))
          try {
            return await fn(page)
          } finally {
            // The page may be handed on: give it back its own method.
            page.setContent = setContent
          }
        }, options),
    }
    return { browser, loads: () => loads }
  }

  it('renders once when every list fits whole: the check round reuses round one for slides that do not split', async () => {
    const base = workspace.topics.get('crisis')!.topic
    const input = inputFor({ ...base, worstCases: base.worstCases.slice(0, 2) })
    const { browser, loads } = counting()
    await measuredSplitter(input, { browser, templates })
    expect(loads()).toBe(1)
  })

  it('renders again when a slide splits (the control): round one, then the check of its parts', async () => {
    const base = workspace.topics.get('crisis')!.topic
    const input = inputFor({ ...base, worstCases: Array.from({ length: 14 }, (_, i) => ({ scenario: `Leak ${i + 1}`, mitigation: 'Call legal' })) })
    const { browser, loads } = counting()
    await measuredSplitter(input, { browser, templates })
    expect(loads()).toBeGreaterThanOrEqual(2)
  })
})
