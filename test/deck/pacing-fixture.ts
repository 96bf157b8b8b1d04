// A small deck for the deck page's clock tests (pacing, pause, end of talk,
// the live link): three timed segments and a two-slide appendix, rendered to
// a real deck.html. A fake clock, installed before the page's scripts run,
// stands in for Date.now; the test moves it by hand.
//
//   index  segment        planned   slide budget
//   0, 1   opening        2 min     1:00 each      P(opening) = 0:00
//   2, 3   key-points     6 min     3:00 each      P(key-points) = 2:00
//   4      next-meeting   4 min     4:00           P(next-meeting) = 8:00  (last timed slide)
//   5, 6   appendix       no time (their segment field says key-points, as a real deck's may)
import type { Page } from 'puppeteer-core'
import type { DeckModel, TimedSlide } from '../../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown } from '../../src/deck/templates.js'
import { topicSchema } from '../../src/topics/schema.js'

const TOPIC = topicSchema.parse({
  id: 'pacing',
  title: 'Pacing',
  summary: 'A deck to time.',
  why: ['Because time is short.'],
  keyPoints: [{ title: 'One point', detail: 'Details.', notes: 'Talk about it.' }],
  demo: { focus: 'Accounts', platforms: ['x'], lookFor: ['Latest post'] },
  exercise: { title: 'Exercise', steps: ['A step.'] },
  questions: ['A question?'],
})

function slide(index: number, segment: string, segmentTitle: string, minutes: number, budgetSeconds: number, title: string, position: number, count: number, appendix = false): TimedSlide {
  return {
    kind: 'statement',
    segment: segment as TimedSlide['segment'],
    title,
    kicker: segmentTitle,
    lead: `Lead of ${title}.`,
    notes: [`Notes of ${title}.`],
    ...(appendix ? { appendix: true } : {}),
    index: index + 1,
    budgetSeconds,
    positionInSegment: position,
    segmentSlides: count,
    segmentMinutes: minutes,
    segmentTitle,
    budgetLine: '',
  } as TimedSlide
}

export function pacingDeck(language: 'en' | 'nb' = 'en'): DeckModel {
  const appendix = language === 'nb' ? 'Vedlegg' : 'Appendix'
  return {
    company: 'Testco',
    topic: TOPIC,
    date: '2026-12-08',
    duration: 12,
    theme: 'showtell',
    language,
    agenda: [
      { id: 'opening', title: 'Opening', minutes: 2, placeholder: false, fillHint: '', stretched: false, slideCount: 2 },
      { id: 'key-points', title: 'Key points', minutes: 6, placeholder: false, fillHint: '', stretched: false, slideCount: 2 },
      { id: 'next-meeting', title: 'Next meeting', minutes: 4, placeholder: false, fillHint: '', stretched: false, slideCount: 1 },
    ] as DeckModel['agenda'],
    slides: [
      slide(0, 'opening', 'Opening', 2, 60, 'Title slide', 1, 2),
      slide(1, 'opening', 'Opening', 2, 60, 'Agenda slide', 2, 2),
      slide(2, 'key-points', 'Key points', 6, 180, 'First point', 1, 2),
      slide(3, 'key-points', 'Key points', 6, 180, 'Second point', 2, 2),
      slide(4, 'next-meeting', 'Next meeting', 4, 240, 'Next briefing', 1, 1),
      // As in a real deck, the appendix slides belong to a timed segment's material: their time must still count in none.
      slide(5, 'key-points', appendix, 0, 0, 'Account one', 1, 2, true),
      slide(6, 'key-points', appendix, 0, 0, 'Account two', 2, 2, true),
    ],
  }
}

/** deck.html of `deck`, and the marp HTML of all its slides (to cut a "fresh" slide from). */
export async function renderPacingDeck(deck: DeckModel): Promise<{ html: string; slidesHtml: string }> {
  const set = await loadTemplates()
  const rendered = renderSlides(renderMarkdown(deck, set), set)
  return { html: await renderDeckHtml(deck, rendered), slidesHtml: rendered.html }
}

/** The instant the fake clock starts at: 2026-12-08 08:00:00 UTC. */
export const CLOCK_START = Date.UTC(2026, 11, 8, 8, 0, 0)

/** Replaces Date.now in every document the page opens, before its scripts run, with a clock that moves only by `advance`. */
export async function installFakeClock(page: Page): Promise<void> {
  await page.evaluateOnNewDocument((start: number) => {
    let t = start
    Date.now = () => t
    ;(window as unknown as { __advance: (ms: number) => void }).__advance = (ms: number) => {
      t += ms
    }
  }, CLOCK_START)
}

export async function advance(page: Page, ms: number): Promise<void> {
  await page.evaluate((by) => (window as unknown as { __advance: (ms: number) => void }).__advance(by), ms)
}

/** LIVE.md's State. */
export interface State {
  index: number
  count: number
  title: string
  segment: string
  segmentTitle: string
  appendix: boolean
  started: boolean
  paused: boolean
  ended: boolean
  elapsedMs: number
  segmentLeftMs: number | null
  aheadMs: number
}

export interface Ended {
  actual: Record<string, number>
  planned: Record<string, number>
  endedAt: string
}

export const STATE_FIELDS = ['index', 'count', 'title', 'segment', 'segmentTitle', 'appendix', 'started', 'paused', 'ended', 'elapsedMs', 'segmentLeftMs', 'aheadMs'].sort()

export function readState(page: Page): Promise<State> {
  return page.evaluate(() => (window as unknown as { showtell: { state(): State } }).showtell.state())
}
