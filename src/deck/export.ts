// Owns printing: deck.html → deck.pdf (one 16:9 page per slide, bookmarks per
// agenda segment, title and author), and the handout (each slide with its
// budget and notes, A4). Both use the run's one browser through `withPage`,
// on the page the measuring (split.ts) used before them when it is free.
//
// The words printed around the slides (the handout's headings, budgets and
// "Speaker notes", the PDFs' subject, keywords and bookmarks) come from the
// deck's catalogue (`handout` section); error messages stay English, as they
// are the terminal's, not the deck's.
//
// Every browser call here has its own time limit, far inside the browser's
// protocol timeout (120 s) and a run's deadline: a deck that the browser
// cannot lay out (one unbreakable megabyte-long word was enough) fails within
// a minute with the step and the likeliest slide named, instead of hanging.
import type { PDFDocument, PDFRef } from 'pdf-lib'
import { appendPropertiesAndOutline } from './pdf-update.js'
import type { Page } from 'puppeteer-core'
import type { BrowserManager } from '../browser/manager.js'
import { formatSeconds } from '../agenda/plan.js'
import { RuntimeError } from '../errors.js'
import type { DeckModel } from './compose.js'
import { deckLang, escapeHtml, type RenderedSlides } from './render.js'

/** Milliseconds each browser step of an export may take. */
export interface ExportTimeouts {
  /** Loading the HTML into the page. */
  readonly load: number
  /** Fonts and images. */
  readonly assets: number
  /** Measuring every slide for overflow. */
  readonly measure: number
  /** Printing the PDF. */
  readonly print: number
}

export const EXPORT_TIMEOUTS: ExportTimeouts = { load: 30_000, assets: 20_000, measure: 20_000, print: 60_000 }

export interface ExportOptions {
  /** @default EXPORT_TIMEOUTS */
  readonly timeouts?: Partial<ExportTimeouts>
}

export interface PdfMeta {
  readonly title: string
  readonly author: string
  readonly subject: string
  readonly keywords: readonly string[]
}

export function pdfMeta(deck: DeckModel): PdfMeta {
  const lang = deckLang(deck)
  const w = lang.w.handout
  return {
    title: `${deck.company}: ${deck.topic.title}`,
    author: deck.presenter ?? deck.company,
    subject: lang.say(w.subject, { date: lang.longDate(deck.date), minutes: lang.plural(deck.duration, lang.w.common.minutes) }),
    // The ISO date stays: it is what a search for the meeting's day types.
    keywords: ['showtell', w.keyword, deck.topic.id, deck.date],
  }
}

/** A slide whose content does not fit it, found while the PDF was printed. */
export interface SlideOverflow {
  /** 1-based, as the deck counts. */
  readonly slide: number
  readonly title: string
  readonly segmentTitle: string
  /** How far the content runs past the slide, in CSS pixels of a 1280×720 slide. */
  readonly pixels: number
}

export interface DeckPdf {
  readonly pdf: Uint8Array
  /** Slides that overflow: the deck still prints, and the build says which to shorten. */
  readonly overflows: readonly SlideOverflow[]
}

/**
 * Prints `deck.html` (already rendered) to a 16:9 PDF with bookmarks per
 * segment. The page is laid out anyway, so it also measures every slide: a
 * workspace topic with too much text is named before an executive sees it.
 */
export async function exportDeckPdf(browser: BrowserManager, deckHtml: string, deck: DeckModel, options: ExportOptions = {}): Promise<DeckPdf> {
  const t = { ...EXPORT_TIMEOUTS, ...options.timeouts }
  const step = stepper('deck.pdf', deck)
  const { raw, overflowing } = await browser.withPage(async (page) => {
    await step('setting up the page', t.load, page.setViewport({ width: 1280, height: 720 }))
    await step('loading the deck', t.load, page.setContent(deckHtml, { waitUntil: 'load', timeout: t.load }))
    await step('waiting for fonts and images', t.assets, waitForAssets(page))
    // Measured as printed: on screen the presenter shell shows one slide at a time.
    await step('switching to print layout', t.measure, page.emulateMediaType('print'))
    const overflowing = await step('measuring the slides', t.measure, measureOverflow(page))
    const raw = await step('printing', t.print, page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, timeout: t.print }))
    return { raw, overflowing }
  }, { reuse: true })
  const overflows = overflowing.flatMap(({ slide, pixels }) => {
    const timed = deck.slides[slide - 1]
    return timed ? [{ slide, title: timed.title, segmentTitle: timed.segmentTitle, pixels }] : []
  })
  const lang = deckLang(deck)
  const bookmarks: Bookmark[] = []
  for (const segment of deck.agenda) {
    const first = deck.slides.find((slide) => slide.segment === segment.id)
    if (first) bookmarks.push({ title: lang.say(lang.w.handout.segmentBookmark, { segment: segment.title, minutes: lang.count(segment.minutes) }), pageIndex: first.index - 1 })
  }
  bookmarks.push(...appendixBookmark(deck))
  return { pdf: await finishPdf(raw, pdfMeta(deck), bookmarks), overflows }
}

/**
 * Runs one browser step of printing `file` under a time limit. Puppeteer's own
 * timeouts (setContent, pdf) fire first where they exist; either way the error
 * says which file and step, and which slide most likely stalled the layout.
 */
function stepper(file: string, deck: DeckModel) {
  return async <T>(what: string, ms: number, work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut(file, what, ms, deck)), ms)
    })
    try {
      return await Promise.race([work, expired])
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') throw timedOut(file, what, ms, deck, error)
      throw error
    } finally {
      clearTimeout(timer)
      // The step that lost the race may still fail later: that is not news.
      work.catch(() => {})
    }
  }
}

function timedOut(file: string, what: string, ms: number, deck: DeckModel, cause?: unknown): RuntimeError {
  const suspect = longestRun(deck)
  return new RuntimeError(`${file}: ${what} took longer than ${Math.round(ms / 1000)} s, so the export was stopped`, {
    hint: suspect
      ? `slide ${suspect.slide} ("${suspect.title.slice(0, 60)}") holds the longest unbroken text (${suspect.length} characters); shorten it, or build with --format html,md to look at the deck`
      : 'build with --format html,md to look at the deck',
    cause,
  })
}

/** The slide holding the longest run of characters without a space: the usual reason a layout stalls. */
function longestRun(deck: DeckModel): { slide: number; title: string; length: number } | undefined {
  let best: { slide: number; title: string; length: number } | undefined
  for (const slide of deck.slides) {
    const texts = [slide.title, slide.kicker, slide.lead, slide.callout, ...(slide.bullets ?? []), ...(slide.table?.rows.flat() ?? [])]
    for (const text of texts) {
      if (!text) continue
      let run = 0
      for (const c of text) {
        run = /\s/.test(c) ? 0 : run + 1
        if (!best || run > best.length) best = { slide: slide.index, title: slide.title, length: run }
      }
    }
  }
  return best
}

/**
 * Each Marp slide (`section`) whose content does not fit, with by how much:
 * content taller than the slide (scrollHeight), or, on slides that centre
 * their content, any element that reaches above or below the slide's box.
 */
async function measureOverflow(page: Page): Promise<{ slide: number; pixels: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('section'))
      .map((section, i) => {
        const box = section.getBoundingClientRect()
        // The slide may be drawn scaled (Marp's inline SVG): measure in the slide's own pixels.
        const scale = section.offsetHeight > 0 ? box.height / section.offsetHeight : 1
        let pixels = section.scrollHeight - section.clientHeight
        section.querySelectorAll('*').forEach((el) => {
          const r = el.getBoundingClientRect()
          if (r.width === 0 && r.height === 0) return
          pixels = Math.max(pixels, (r.bottom - box.bottom) / scale, (box.top - r.top) / scale)
        })
        return { slide: i + 1, pixels: Math.round(pixels) }
      })
      // A pixel or two is rounding, not a slide that runs off.
      .filter((s) => s.pixels > 2),
  )
}

/**
 * Prints the handout: one A4 page per slide, with its budget and its notes.
 * `rendered` must come from `renderSlides(…, { inlineSVG: false })`.
 */
export async function exportHandoutPdf(
  browser: BrowserManager,
  deck: DeckModel,
  rendered: RenderedSlides,
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const html = handoutHtml(deck, rendered)
  const t = { ...EXPORT_TIMEOUTS, ...options.timeouts }
  const step = stepper('handout.pdf', deck)
  const raw = await browser.withPage(async (page) => {
    await step('loading the handout', t.load, page.setContent(html, { waitUntil: 'load', timeout: t.load }))
    await step('waiting for fonts and images', t.assets, waitForAssets(page))
    return step('printing', t.print, page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: t.print }))
  }, { reuse: true })
  const meta = pdfMeta(deck)
  const bookmarks: Bookmark[] = deck.agenda.flatMap((segment) => {
    const first = deck.slides.find((slide) => slide.segment === segment.id)
    return first ? [{ title: segment.title, pageIndex: first.index - 1 }] : []
  })
  bookmarks.push(...appendixBookmark(deck))
  return finishPdf(raw, { ...meta, title: handoutTitle(deck, meta.title) }, bookmarks)
}

/**
 * Waits for what a PDF would otherwise miss: web fonts, <img> elements and CSS
 * background images (Marp's `![bg]`). Each is awaited for real; nothing sleeps.
 */
export async function waitForAssets(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
    const images = Array.from(document.querySelectorAll('img'), (img) =>
      img.complete
        ? img.decode().catch(() => undefined)
        : new Promise<void>((resolve) => {
            img.addEventListener('load', () => resolve(), { once: true })
            img.addEventListener('error', () => resolve(), { once: true })
          }),
    )
    const backgrounds = Array.from(document.querySelectorAll<HTMLElement>('[style*="background-image"]'))
      .map((el) => /url\(["']?([^"')]+)["']?\)/.exec(el.style.backgroundImage)?.[1])
      .filter((url): url is string => Boolean(url))
      .map(
        (url) =>
          new Promise<void>((resolve) => {
            const img = new Image()
            img.onload = img.onerror = () => resolve()
            img.src = url
          }),
      )
    await Promise.all([...images, ...backgrounds])
  })
}

export interface Bookmark {
  readonly title: string
  readonly pageIndex: number
  /** One level below it (the appendix's accounts). */
  readonly children?: readonly Bookmark[]
}

/** "Appendix", with each of its slides that names itself (an account) under it; none without an appendix. */
function appendixBookmark(deck: DeckModel): Bookmark[] {
  const slides = deck.slides.filter((slide) => slide.appendix)
  if (slides.length === 0) return []
  const children = slides.flatMap((slide) => (slide.bookmark ? [{ title: slide.bookmark, pageIndex: slide.index - 1 }] : []))
  return [{ title: deckLang(deck).w.common.appendix, pageIndex: slides[0]!.index - 1, children }]
}

type PdfLib = typeof import('pdf-lib')

/**
 * pdf-lib's own one-file ES build (the same version as its CommonJS files,
 * which `import('pdf-lib')` would load one by one, a few hundred of them)
 * loads in about a third of the time. Loaded only for a PDF that
 * pdf-update.ts cannot update (not one Chromium prints).
 */
function loadPdfLib(): Promise<PdfLib> {
  return import('pdf-lib/dist/pdf-lib.esm.min.js' as string) as Promise<PdfLib>
}

/** Who made the file, in its properties. */
const CREATOR = 'showtell'
const PRODUCER = 'showtell (Chromium)'

/**
 * The printed PDF with its properties (title, shown in the reader's title
 * bar; author; subject; keywords) and its bookmarks: appended as an update to
 * Chromium's bytes (pdf-update.ts), else rewritten whole by pdf-lib.
 */
export async function finishPdf(raw: Uint8Array, meta: PdfMeta, bookmarks: readonly Bookmark[]): Promise<Uint8Array> {
  const date = new Date()
  const updated = appendPropertiesAndOutline(raw, { ...meta, creator: CREATOR, producer: PRODUCER, date }, bookmarks)
  if (updated) return updated
  const lib = await loadPdfLib()
  // By default pdf-lib waits for a timer every 100 objects it reads (50 it writes): on a
  // 60-page PDF that is dozens of waits for work of a few tens of milliseconds. Same bytes.
  const pdf = await lib.PDFDocument.load(raw, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest })
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.author)
  pdf.setSubject(meta.subject)
  pdf.setKeywords([...meta.keywords])
  pdf.setCreator(CREATOR)
  pdf.setProducer(PRODUCER)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  const pages = pdf.getPageCount()
  addOutline(lib, pdf, bookmarks.filter((b) => b.pageIndex < pages).map((b) => ({ ...b, children: b.children?.filter((c) => c.pageIndex < pages) })))
  return pdf.save({ objectsPerTick: Infinity })
}

/** Writes a PDF outline (bookmarks), one entry per item, in order; an item's children one level below it, closed. */
function addOutline({ PDFHexString, PDFName }: PdfLib, pdf: PDFDocument, items: readonly Bookmark[]): void {
  if (items.length === 0) return
  const context = pdf.context
  const rootRef = context.nextRef()
  const level = (list: readonly Bookmark[], parent: PDFRef): PDFRef[] => {
    const refs: PDFRef[] = list.map(() => context.nextRef())
    list.forEach((item, i) => {
      const kids = item.children && item.children.length > 0 ? level(item.children, refs[i]!) : []
      const entry = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [pdf.getPage(item.pageIndex).ref, 'XYZ', null, null, null],
        ...(i > 0 ? { Prev: refs[i - 1]! } : {}),
        ...(i < list.length - 1 ? { Next: refs[i + 1]! } : {}),
        // A negative count: the appendix's accounts are there but folded away.
        ...(kids.length > 0 ? { First: kids[0]!, Last: kids[kids.length - 1]!, Count: -kids.length } : {}),
      })
      context.assign(refs[i]!, entry)
    })
    return refs
  }
  const refs = level(items, rootRef)
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: items.length }))
  pdf.catalog.set(PDFName.of('Outlines'), rootRef)
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

/** "Testco: Social media policy (handout)", in the deck's language. */
function handoutTitle(deck: DeckModel, title: string): string {
  const lang = deckLang(deck)
  return lang.say(lang.w.handout.title, { title })
}

/** The handout page: each slide under its heading and budget, then its notes, in the deck's language. */
function handoutHtml(deck: DeckModel, rendered: RenderedSlides): string {
  const lang = deckLang(deck)
  const w = lang.w.handout
  const pages = deck.slides.map((slide, i) => ({
    heading: lang.say(w.heading, { n: lang.count(slide.index), count: lang.count(deck.slides.length), segment: slide.segmentTitle }),
    budget: slide.appendix ? w.appendixBudget : lang.say(w.budget, { time: formatSeconds(slide.budgetSeconds), minutes: lang.count(slide.segmentMinutes) }),
    notes: (rendered.notes[i] ?? '').split(/\n{2,}/).filter((p) => p.trim() !== ''),
  }))
  const title = `${deck.company}: ${deck.topic.title}`
  return `<!DOCTYPE html><html lang="${escapeHtml(lang.code)}"><head><meta charset="utf-8"><title>${escapeHtml(handoutTitle(deck, title))}</title>
<style>${rendered.css}</style>
<style>
@page { size: A4; margin: 14mm 16mm; }
html, body { margin: 0; background: #fff; color: #17202e; font: 11pt/1.45 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; }
#source { display: none; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
.head { display: flex; justify-content: space-between; font-size: 9.5pt; color: #3f4a5a; border-bottom: 1px solid #c9ced6; padding-bottom: 4px; margin-bottom: 8px; }
.deck-title { font-size: 9.5pt; color: #3f4a5a; margin-bottom: 2px; }
/* A4 minus the margins is 178 mm (672.76 px) wide; the 1280×720 slide is scaled to it. */
.slide { width: 178mm; height: 100.125mm; overflow: hidden; border: 1px solid #c9ced6; box-sizing: content-box; }
.slide section { break-before: auto !important; break-after: auto !important; page-break-before: auto !important; page-break-after: auto !important; }
.page { break-inside: avoid; }
.scaler { width: 1280px; height: 720px; transform: scale(0.52559); transform-origin: 0 0; }
.notes { margin-top: 10px; }
.notes p { margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.notes-label { font-size: 9pt; text-transform: uppercase; letter-spacing: .08em; color: #0a4f99; font-weight: 700; margin-top: 10px; }
</style></head><body>
<div id="source">${rendered.html}</div>
<div id="pages"></div>
<script type="application/json" id="handout-data">${JSON.stringify(pages).replace(/</g, '\\u003c')}</script>
<script>
(function () {
  var pages = JSON.parse(document.getElementById('handout-data').textContent);
  var sections = document.querySelectorAll('#source > .marpit > section');
  var out = document.getElementById('pages');
  var title = ${JSON.stringify(title).replace(/</g, '\\u003c')};
  var notesLabel = ${JSON.stringify(w.notes).replace(/</g, '\\u003c')};
  pages.forEach(function (page, i) {
    var el = document.createElement('section');
    el.className = 'page';
    var top = document.createElement('div'); top.className = 'deck-title'; top.textContent = title; el.appendChild(top);
    var head = document.createElement('div'); head.className = 'head';
    var a = document.createElement('span'); a.textContent = page.heading;
    var b = document.createElement('span'); b.textContent = page.budget;
    head.appendChild(a); head.appendChild(b); el.appendChild(head);
    var box = document.createElement('div'); box.className = 'slide';
    var scaler = document.createElement('div'); scaler.className = 'scaler';
    var wrap = document.createElement('div'); wrap.className = 'marpit';
    if (sections[i]) wrap.appendChild(sections[i]);
    scaler.appendChild(wrap); box.appendChild(scaler); el.appendChild(box);
    var label = document.createElement('div'); label.className = 'notes-label'; label.textContent = notesLabel; el.appendChild(label);
    var notes = document.createElement('div'); notes.className = 'notes';
    page.notes.forEach(function (text) { var p = document.createElement('p'); p.textContent = text; notes.appendChild(p); });
    el.appendChild(notes);
    out.appendChild(el);
  });
  document.getElementById('source').remove();
})();
</script></body></html>`
}
