// Owns splitting a long list or table over "(continued)" slides by measured
// space: candidate slides are rendered through the real templates and theme
// in one Chromium page, the rows that fit are counted, and the fewest slides
// with nothing overflowing are chosen, the rows balanced across them so no
// "(continued)" slide is left near empty. compose.ts stays pure: it takes a
// Splitter, and this module builds one from the measurement. A deck with
// nothing to split opens no page; the first candidates are rendered in Node
// before a page is asked for, so that work overlaps Chromium's start.
import type { Page } from 'puppeteer-core'
import type { BrowserManager } from '../browser/manager.js'
import type { ComposeInput, DeckModel } from './compose.js'
import { composeDeck } from './compose.js'
import { DEFAULT_LANGUAGE, english, langFor, type Lang } from './lang.js'
import { renderDeckHtml, renderSlides } from './render.js'
import type { Slide, Splitter, TimedSlide } from './slide.js'
import { renderMarkdown, type TemplateSet } from './templates.js'

export type { Splitter } from './slide.js'

/** "Reach (continued)": the title of a slide after the first, in the deck's language. */
type Continued = (title: string) => string

function continuedIn(lang: Lang): Continued {
  return (title) => lang.say(lang.w.common.continued, { title })
}

/**
 * A safety net, not the rule: never more rows than this on one slide, however
 * small they measure (a list of one-word rows is still read one by one).
 */
export const MAX_ROWS_PER_SLIDE = 12

/** Rounds of render, measure, tighten; in practice one or two settle it. */
const MAX_ROUNDS = 4

/** The items a slide can be split by: its bullets or its table rows. */
export function itemCount(slide: Slide): number {
  return slide.table ? slide.table.rows.length : (slide.bullets?.length ?? 0)
}

/** The slide's items from `start`, as the slide that shows them: titled "(continued)" after the first. */
export function part(slide: Slide, start: number, size: number, continued: Continued = continuedIn(english())): Slide {
  const title = start === 0 ? slide.title : continued(slide.title)
  if (slide.table) return { ...slide, title, table: { header: slide.table.header, rows: slide.table.rows.slice(start, start + size) } }
  return { ...slide, title, bullets: (slide.bullets ?? []).slice(start, start + size), start: start + 1 }
}

/** The slides for `sizes` (rows per slide, in order). */
export function partsOf(slide: Slide, sizes: readonly number[], continued?: Continued): Slide[] {
  let at = 0
  return sizes.map((size) => {
    const p = part(slide, at, size, continued)
    at += size
    return p
  })
}

/**
 * The fewest slides, then the most even: `fit[i]` is how many rows fit on a
 * slide whose first row is row i. Among the partitions with the fewest
 * slides, the one whose smallest slide is largest (then whose largest is
 * smallest) wins, so 9 rows that need two slides become 5 + 4, not 8 + 1.
 */
export function balancedSizes(fit: readonly number[]): number[] {
  const n = fit.length
  if (n === 0) return [0]
  const cap = (i: number) => Math.max(1, Math.min(fit[i]!, n - i))
  // Fewest slides: greedy is optimal, since a later start never fits more than it needs to.
  let parts = 0
  for (let i = 0; i < n; i += cap(i)) parts += 1
  // best[i][k]: the best [smallest, -largest] for rows i.. in k slides, with the sizes.
  type Best = { min: number; max: number; sizes: number[] } | undefined
  const memo = new Map<string, Best>()
  const solve = (i: number, k: number): Best => {
    if (i === n) return k === 0 ? { min: Infinity, max: 0, sizes: [] } : undefined
    if (k === 0) return undefined
    const key = `${i}:${k}`
    if (memo.has(key)) return memo.get(key)
    let best: Best
    // Largest first: on a tie the first slide takes the extra row (5 + 4, not 4 + 5).
    for (let size = cap(i); size >= 1; size--) {
      const rest = solve(i + size, k - 1)
      if (!rest) continue
      const candidate = { min: Math.min(size, rest.min), max: Math.max(size, rest.max), sizes: [size, ...rest.sizes] }
      if (!best || candidate.min > best.min || (candidate.min === best.min && candidate.max < best.max)) best = candidate
    }
    memo.set(key, best)
    return best
  }
  return solve(0, parts)?.sizes ?? Array.from({ length: n }, () => 1)
}

/** What one rendered candidate slide measured. */
interface Measured {
  /** Each row's (list item's, table body row's) top and bottom, in the slide's own pixels from its top. */
  readonly rows: readonly { readonly top: number; readonly bottom: number }[]
  /** Where the rows must end: the slide's height less its bottom padding. */
  readonly limit: number
  /** Pixels the slide runs past its box (0 when nothing does). */
  readonly overflow: number
}

/**
 * Renders `slides` as one deck (the real templates, theme and shell, at
 * 1280×720 in print layout, as the PDF prints them) and measures each.
 */
async function measureSlides(page: Page, deck: DeckModel, set: TemplateSet, slides: readonly Slide[]): Promise<Measured[]> {
  return measureHtml(page, await trialHtml(deck, set, slides))
}

/** The HTML of `slides` as one deck: rendered in Node, so it can be made while the browser starts. */
async function trialHtml(deck: DeckModel, set: TemplateSet, slides: readonly Slide[]): Promise<string> {
  const timed: TimedSlide[] = slides.map((slide, i) => ({
    ...slide,
    index: i + 1,
    budgetSeconds: 0,
    positionInSegment: 1,
    segmentSlides: 1,
    segmentMinutes: 0,
    segmentTitle: '',
    budgetLine: '',
  }))
  const trial: DeckModel = { ...deck, slides: timed }
  return renderDeckHtml(trial, renderSlides(renderMarkdown(trial, set), set))
}

async function measureHtml(page: Page, html: string): Promise<Measured[]> {
  await page.setContent(html, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('section')).map((section) => {
      const box = section.getBoundingClientRect()
      // The slide may be drawn scaled (Marp's inline SVG): measure in the slide's own pixels.
      const scale = section.offsetHeight > 0 ? box.height / section.offsetHeight : 1
      const limit = section.offsetHeight - parseFloat(getComputedStyle(section).paddingBottom)
      const rows = Array.from(section.querySelectorAll(':scope > ul > li, :scope > ol > li, :scope > table tbody > tr')).map((row) => {
        const r = row.getBoundingClientRect()
        return { top: (r.top - box.top) / scale, bottom: (r.bottom - box.top) / scale }
      })
      let overflow = section.scrollHeight - section.clientHeight
      section.querySelectorAll('*').forEach((el) => {
        const r = el.getBoundingClientRect()
        if (r.width === 0 && r.height === 0) return
        overflow = Math.max(overflow, (r.bottom - box.bottom) / scale, (box.top - r.top) / scale)
      })
      // The fit checks' tolerance (test/helpers/overflow.ts, slide-fit): 1 px for
      // sub-pixel rounding, no more. A 2 px tolerance here let a slide that runs
      // 2 px off its bottom stand (the ROI tables with 30 accounts did).
      return { rows, limit, overflow: overflow > 1 ? Math.ceil(overflow) : 0 }
    }),
  )
}

/**
 * How many rows fit on a slide whose first row is row `start`, for every
 * start: the rows from there, stacked from where the first row sits, must end
 * above the limit. An estimate (a "(continued)" title or a table's columns
 * may lay out differently); the check round corrects what overflows.
 */
function fitsFrom(m: Measured, n: number): number[] {
  const rows = m.rows.length === n ? m.rows : undefined
  return Array.from({ length: n }, (_, start) => {
    if (!rows) return 1
    const room = m.limit - rows[0]!.top
    let count = 0
    // No tolerance here: a row 1.2 px past the limit makes the slide scroll by 2 px (scrollHeight rounds up).
    while (start + count < n && rows[start + count]!.bottom - rows[start]!.top <= room) count += 1
    return Math.max(1, Math.min(count, MAX_ROWS_PER_SLIDE))
  })
}

/** A key for a slide to split: the same slide composed twice gets the same key. */
function keyOf(slide: Slide): string {
  return JSON.stringify([slide.segment, slide.kind, slide.title, slide.kicker, slide.lead, slide.numbered, slide.bullets, slide.table])
}

export type MeasureOptions = {
  readonly templates: TemplateSet
} & (
  | {
      /** A page to measure in (one for all candidates); the caller opens and closes it. */
      readonly page: Page
    }
  | {
      /**
       * The run's browser: a page is taken from it only when some slide has
       * more than one item to split (none is opened otherwise), and only
       * after the first candidates are rendered, so Chromium starts meanwhile.
       */
      readonly browser: Pick<BrowserManager, 'withPage'>
    }
)

/**
 * Composes the deck once without splitting to learn which slides are long,
 * measures candidate slides for them in one page, and returns the Splitter
 * that splits each where its measured height runs out. Round one renders
 * every long slide once with all its rows, so each row's height is measured
 * once; the chosen slides are then rendered together and any that still
 * overflow (a table's columns are laid out anew on each slide, a
 * "(continued)" title may wrap) lose a row, until none does.
 */
export async function measuredSplitter(input: ComposeInput, options: MeasureOptions): Promise<Splitter> {
  const { templates } = options
  const long: Slide[] = []
  const continued = continuedIn(langFor(input.config.deck.language ?? DEFAULT_LANGUAGE))
  const deck = composeDeck({
    ...input,
    split: (slide) => {
      if (itemCount(slide) > 1) long.push(slide)
      return [slide]
    },
  })
  // Nothing to split: no page is opened and nothing is measured.
  if (long.length === 0) return splitterFrom(new Map(), continued)
  // Round one: each long slide once, with all its rows; a row's height is
  // measured once, and what fits from each first row follows from the sums.
  const first = await trialHtml(deck, templates, long)
  const measure = async (page: Page) => {
    await page.setViewport({ width: 1280, height: 720 })
    await page.emulateMediaType('print')
    return decide(page, deck, templates, long, continued, await measureHtml(page, first))
  }
  const decided = 'page' in options ? await measure(options.page) : await options.browser.withPage(measure, { reuse: true })
  return splitterFrom(decided, continued)
}

/** From round one's measurement, the sizes each long slide splits into (by its key), checked until nothing overflows. */
async function decide(page: Page, deck: DeckModel, templates: TemplateSet, long: readonly Slide[], continued: Continued, measured: readonly Measured[]): Promise<Map<string, number[]>> {
  const decided = new Map<string, number[]>()
  const fits = long.map((slide, i) => fitsFrom(measured[i]!, itemCount(slide)))

  // Then: the chosen slides together; one that still overflows loses a row.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sizes = fits.map(balancedSizes)
    const chosen = long.map((slide, i) => partsOf(slide, sizes[i]!, continued))
    // A slide that stays whole is the slide round one measured: its measurement
    // stands, and only the slides that split are rendered again (none, in the
    // usual deck whose lists fit: no second render at all).
    const whole = sizes.map((parts) => parts.length === 1)
    const again = chosen.filter((_, i) => !whole[i]).flat()
    const remeasured = again.length > 0 ? await measureSlides(page, deck, templates, again) : []
    let next = 0
    const check = chosen.flatMap((parts, i) => (whole[i] ? [measured[i]!] : parts.map(() => remeasured[next++]!)))
    let tightened = false
    let k = 0
    long.forEach((_, i) => {
      let start = 0
      for (const size of sizes[i]!) {
        if (check[k]!.overflow > 0 && size > 1) {
          fits[i]![start] = size - 1
          tightened = true
        }
        start += size
        k += 1
      }
    })
    if (!tightened || round === MAX_ROUNDS - 1) {
      long.forEach((slide, i) => decided.set(keyOf(slide), sizes[i]!))
      break
    }
  }
  return decided
}

function splitterFrom(decided: ReadonlyMap<string, number[]>, continued: Continued): Splitter {
  return (slide) => {
    const sizes = decided.get(keyOf(slide))
    // A slide the measurement did not see (it cannot happen with the same input) keeps the safety net.
    return partsOf(slide, sizes ?? balancedSizes(Array.from({ length: itemCount(slide) }, () => MAX_ROWS_PER_SLIDE)), continued)
  }
}
