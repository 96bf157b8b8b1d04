// Given a deck whose language is Norwegian (deck.language: nb), when it is
// rendered to deck.html, printed to deck.pdf and the handout, then every fixed
// word showtell writes around the slides is Norwegian: the presenter view's
// labels, the deck's and the presenter window's <html lang>, the handout's
// headings, budgets and notes label, and the PDFs' title, subject, keywords and
// bookmarks. The expected words are written out here by hand, not read from
// messages/nb.json. Real Chromium, pages served on 127.0.0.1 only.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeckModel, TimedSlide } from '../../src/deck/compose.js'
import { exportDeckPdf, exportHandoutPdf } from '../../src/deck/export.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import { topicSchema } from '../../src/topics/schema.js'
import { testBrowser } from '../helpers/browser.js'
import { readPdf, type PdfSummary } from '../helpers/pdf.js'
import { serveFolder, type StaticServer } from '../helpers/serve.js'

const TOPIC = topicSchema.parse({
  id: 'sosiale-medier',
  title: 'Sosiale medier',
  summary: 'Hvordan vi bruker sosiale medier.',
  why: ['Fordi kontoene er ansiktet vårt utad.'],
  keyPoints: [{ title: 'Ett punkt', detail: 'Detaljer.', notes: 'Snakk om punktet.' }],
  demo: { focus: 'Kontoer', platforms: ['x'], lookFor: ['Siste innlegg'] },
  exercise: { title: 'Øvelse', steps: ['Et steg.'] },
  questions: ['Spørsmål?'],
})

/** Two timed slides in "Hovedpunkter" (6 minutes: 3:00 each) and one appendix slide with no time. */
const SLIDES: TimedSlide[] = [
  {
    kind: 'statement',
    segment: 'key-points',
    title: 'Kontoene våre er synlige',
    kicker: 'Hovedpunkter',
    lead: 'Alle ser hva vi publiserer.',
    notes: ['Fortell om kontoene.'],
    index: 1,
    budgetSeconds: 180,
    positionInSegment: 1,
    segmentSlides: 2,
    segmentMinutes: 6,
    segmentTitle: 'Hovedpunkter',
    budgetLine: 'Tid 3:00 (1 av 2 i Hovedpunkter).',
  },
  {
    kind: 'statement',
    segment: 'key-points',
    title: 'Vi svarer raskt',
    kicker: 'Hovedpunkter',
    lead: 'Innen en arbeidsdag.',
    notes: ['Fortell om svartiden.'],
    index: 2,
    budgetSeconds: 180,
    positionInSegment: 2,
    segmentSlides: 2,
    segmentMinutes: 6,
    segmentTitle: 'Hovedpunkter',
    budgetLine: 'Tid 3:00 (2 av 2 i Hovedpunkter).',
  },
  {
    kind: 'statement',
    segment: 'here-and-now',
    title: 'Konto 1 på LinkedIn',
    kicker: 'Vedlegg · Konto 1',
    lead: 'Tallene fra i dag.',
    notes: ['Til spørsmål.'],
    appendix: true,
    bookmark: 'Konto 1',
    index: 3,
    budgetSeconds: 0,
    positionInSegment: 1,
    segmentSlides: 1,
    segmentMinutes: 0,
    segmentTitle: 'Vedlegg',
    budgetLine: '',
  },
]

const DECK: DeckModel = {
  company: 'Testco',
  presenter: 'Ingrid Berg',
  topic: TOPIC,
  date: '2026-12-08',
  duration: 45,
  theme: 'showtell',
  language: 'nb',
  agenda: [{ id: 'key-points', title: 'Hovedpunkter', minutes: 6, placeholder: false, fillHint: '', stretched: false, slideCount: 2 }],
  slides: SLIDES,
}

/** What must not be left in English around a Norwegian deck's slides. */
const ENGLISH = ['Speaker notes', 'Budget', 'Slide', 'for this slide', 'Appendix', 'no time planned', 'handout', 'Executive briefing', 'segment']

const manager = testBrowser({ popups: true })
let set: TemplateSet
let dir: string
let html: string
let server: StaticServer
let browser: Browser
let deckPdf: PdfSummary
let handout: PdfSummary

beforeAll(async () => {
  set = await loadTemplates()
  const markdown = renderMarkdown(DECK, set)
  html = await renderDeckHtml(DECK, renderSlides(markdown, set))
  dir = await mkdtemp(join(tmpdir(), 'showtell-nb-'))
  await writeFile(join(dir, 'deck.html'), html)
  const { pdf } = await exportDeckPdf(manager, html, DECK)
  await writeFile(join(dir, 'deck.pdf'), pdf)
  await writeFile(join(dir, 'handout.pdf'), await exportHandoutPdf(manager, DECK, renderSlides(markdown, set, { inlineSVG: false })))
  deckPdf = await readPdf(join(dir, 'deck.pdf'))
  handout = await readPdf(join(dir, 'handout.pdf'))
  server = await serveFolder(dir)
  browser = await manager.get()
})

afterAll(async () => {
  await server?.close()
  await manager.close()
})

async function openDeck(hash = ''): Promise<Page> {
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(`${server.url}/deck.html${hash}`, { waitUntil: 'load' })
  return page
}

/** Opens the presenter view with P, with the deck window's clock standing still so the elapsed time reads 0:00. */
async function openPresenter(page: Page): Promise<Page> {
  await page.evaluate(() => {
    const frozen = Date.now()
    Date.now = () => frozen
  })
  const popup = browser.waitForTarget((target) => target.opener() === page.target())
  await page.keyboard.press('p')
  return (await (await popup).page())!
}

describe('a Norwegian deck.html', () => {
  it('is <html lang="nb"> with Norwegian help and slide labels, and so are the slides', async () => {
    const page = await openDeck()
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb')
      expect(await page.$eval('#deck', (el) => el.getAttribute('aria-label'))).toBe('Lysbilder')
      expect(await page.$eval('#help', (el) => el.textContent)).toBe('← → Mellomrom PgUp PgDn Home End: bla · P: foredragsholdervisning · F: fullskjerm')
      // Marp's `lang` directive: each slide says its language too.
      expect(await page.$$eval('#deck section', (els) => els.map((el) => el.getAttribute('lang')))).toEqual(['nb', 'nb', 'nb'])
    } finally {
      await page.close()
    }
  })

  it('opens a presenter view labelled in Norwegian, in a window of lang "nb"', async () => {
    const page = await openDeck()
    try {
      const presenter = await openPresenter(page)
      const text = (selector: string) => presenter.$eval(selector, (el) => el.textContent ?? '')
      expect(await presenter.evaluate(() => document.documentElement.lang)).toBe('nb')
      expect(await presenter.title()).toBe('Foredragsholder: Testco: Sosiale medier')
      expect(await presenter.$$eval('.label', (els) => els.map((el) => el.textContent))).toEqual([
        'Neste',
        'Notater',
        'Del',
        'Tid igjen av delen',
        'Tid til lysbildet',
        'Brukt tid',
        'Lysbilde',
      ])
      expect(await presenter.$eval('#pv-current', (el) => el.getAttribute('aria-label'))).toBe('Dette lysbildet')
      expect(await presenter.$eval('#pv-next', (el) => el.getAttribute('aria-label'))).toBe('Neste lysbilde')
      expect(await text('#pv-segment')).toBe('Hovedpunkter · 6 min')
      expect(await text('#pv-slide-budget')).toBe('3:00')
      await presenter.waitForFunction(() => document.querySelector('#pv-elapsed')?.textContent !== '', { timeout: 5000 })
      expect(await text('#pv-elapsed')).toBe('0:00 av 45:00')

      // The second slide is the last timed one: the next is the appendix slide.
      await page.keyboard.press('ArrowRight')
      expect(await text('#pv-counter')).toBe('2 / 3')
      // The appendix slide: no countdown, "Vedlegg" in its place, and nothing after it.
      await page.keyboard.press('ArrowRight')
      await presenter.waitForFunction(() => document.querySelector('#pv-countdown')?.getAttribute('data-state') === 'appendix', { timeout: 5000 })
      expect(await text('#pv-countdown')).toBe('Vedlegg')
      expect(await text('#pv-segment')).toBe('Vedlegg')
      expect(await text('#pv-slide-budget')).toBe('Vedlegg')
      expect(await text('#pv-next')).toBe('Slutt på presentasjonen')

      // The window's own words: everything but the slides and the style sheets.
      const everything = await presenter.evaluate(() => {
        const copy = document.documentElement.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.marpit, style').forEach((el) => el.remove())
        return copy.outerHTML
      })
      for (const word of ['Next', 'Notes', 'Segment', 'Elapsed', 'Slide', 'End of deck', 'Presenter', ' of ', 'lang="en"']) expect(everything).not.toContain(word)
      await presenter.close()
    } finally {
      await page.close()
    }
  })

  it('asks in Norwegian for pop-ups when the presenter window is blocked', async () => {
    const page = await openDeck()
    try {
      await page.evaluate(() => {
        window.open = () => null
      })
      await page.keyboard.press('p')
      expect(await page.$eval('#counter', (el) => el.textContent)).toBe('Tillat popup-vinduer for å åpne foredragsholdervisningen')
    } finally {
      await page.close()
    }
  })
})

describe('a Norwegian handout.pdf', () => {
  it('heads each page, states each budget and labels the notes in Norwegian', () => {
    const pages = handout.text.map((text) => text.replace(/\s+/g, ' '))
    expect(pages).toHaveLength(3)
    expect(pages[0]).toContain('Lysbilde 1 av 3 · Hovedpunkter')
    expect(pages[0]).toContain('3:00 til dette lysbildet · delen har 6 min')
    // The label is printed in capitals (text-transform), so pdf.js reads it so.
    expect(pages[0]).toContain('TALENOTATER')
    expect(pages[0]).toContain('Fortell om kontoene.')
    expect(pages[1]).toContain('Lysbilde 2 av 3 · Hovedpunkter')
    expect(pages[2]).toContain('Lysbilde 3 av 3 · Vedlegg')
    expect(pages[2]).toContain('Vedlegg · ingen tid satt av')
    for (const page of pages) for (const word of ENGLISH) expect(page.toLowerCase()).not.toContain(word.toLowerCase())
  })

  it('has a Norwegian title, subject, keywords and bookmarks', () => {
    expect(handout.info.Title).toBe('Testco: Sosiale medier (utdelingsark)')
    expect(handout.info.Subject).toBe('Lederorientering tirsdag 8. desember 2026, 45 minutter')
    expect(handout.info.Keywords).toBe('showtell lederorientering sosiale-medier 2026-12-08')
    expect(handout.outlineTree).toEqual([
      { title: 'Hovedpunkter', children: [] },
      { title: 'Vedlegg', children: ['Konto 1'] },
    ])
  })
})

describe('a Norwegian deck.pdf', () => {
  it('has a Norwegian subject and keywords and Norwegian bookmarks', () => {
    expect(deckPdf.info.Title).toBe('Testco: Sosiale medier')
    expect(deckPdf.info.Subject).toBe('Lederorientering tirsdag 8. desember 2026, 45 minutter')
    expect(deckPdf.info.Keywords).toBe('showtell lederorientering sosiale-medier 2026-12-08')
    expect(deckPdf.outlineTree).toEqual([
      { title: 'Hovedpunkter (6 min)', children: [] },
      { title: 'Vedlegg', children: ['Konto 1'] },
    ])
  })
})

describe('an English deck (no language set) keeps its English words', () => {
  it('writes <html lang="en"> and the English presenter labels into the data block', async () => {
    const english: DeckModel = { ...DECK, language: 'en' }
    const out = await renderDeckHtml(english, renderSlides(renderMarkdown(english, set), set))
    expect(out).toContain('<html lang="en">')
    expect(out).toContain('aria-label="Slides"')
    const data = JSON.parse(/<script type="application\/json" id="showtell-data">([\s\S]*?)<\/script>/.exec(out)![1]!)
    expect(data.lang).toBe('en')
    expect(data.appendixLabel).toBe('Appendix')
    expect(data.words.segmentLeft).toBe('Segment time left')
    expect(data.words.elapsedOf).toBe('{elapsed} of {total}')
    expect(data.slides[0].segmentLine).toBe('Hovedpunkter · 6 min')
  })
})

describe('a slide template with a fixed word of its own', () => {
  const caseSlide: TimedSlide = {
    ...SLIDES[0]!,
    kind: 'case',
    segment: 'case-studies',
    title: 'Kontoen som ble kapret',
    lead: 'En ansatt mistet passordet.',
    callout: 'Slå på totrinnsbekreftelse.',
    source: 'Datatilsynet 2025',
  }
  const footer = (language: string) => {
    const deck: DeckModel = { ...DECK, language, slides: [caseSlide] }
    return /<footer>([^<]*)<\/footer>/.exec(renderSlides(renderMarkdown(deck, set), set).html)?.[1]
  }

  it('names the case study\'s source as "Kilde" in Norwegian and "Source" in English', () => {
    expect(footer('nb')).toBe('Kilde: Datatilsynet 2025')
    expect(footer('en')).toBe('Source: Datatilsynet 2025')
  })
})
