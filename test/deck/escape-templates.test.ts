// Hostile text through the real deck: templates/deck.md.eta and every
// templates/slides/*.md.eta (renderMarkdown with loadTemplates()), then marp-core,
// then read by Chromium's own HTML parser (DOMParser), not by regexes. For every
// slide kind, one slide carries the hostile string in every text field the Slide
// type has; it must read exactly like the same slide with plain words in those
// fields: the same elements with the same attributes, no class, theme or
// paginate directive from the data, no extra slide, and the text itself in each
// element. A last test loads a deck.html holding every kind with every string in
// Chromium and checks that nothing ran and nothing was requested (review A.3 #1).
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeckModel, Slide, SlideKind, TimedSlide } from '../../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import { topicSchema } from '../../src/topics/schema.js'
import { testBrowser } from '../helpers/browser.js'
import { CORPUS } from './hostile-corpus.js'

/** Every slide kind, written out: the fixture check at the end fails when a template is added. */
const KINDS: readonly SlideKind[] = ['title', 'agenda', 'bullets', 'statement', 'case', 'table', 'placeholder', 'closing', 'account', 'chart', 'finding', 'overview']

/** Text with no Markdown in it: the control each hostile rendering is compared with. */
const PLAIN = 'Plain words'
const SENTINEL_TITLE = 'Sentinel slide'
const SENTINEL_LEAD = 'Nothing hostile on this slide.'
const SENTINEL_NOTE = 'Sentinel note.'
const BUDGET_LINE = 'Budget 1:00 for this slide (1 of 1 in Key points). Segment budget 1 min.'
/** Our own values, never data: a picture in the build folder and a showtell command. */
const IMAGE = 'screenshot.png'
const COMMAND = 'showtell snapshot'

const TOPIC = topicSchema.parse({
  id: 'escape-check',
  title: 'Escape check',
  summary: 'Hostile text stays text.',
  why: ['Because pages are written by strangers.'],
  keyPoints: [{ title: 'One point', detail: 'Detail.', notes: 'Talk track.' }],
  demo: { focus: 'Accounts', platforms: ['x'], lookFor: ['Last post'] },
  exercise: { title: 'Exercise', steps: ['Step.'] },
  questions: ['Question?'],
})

type SlideFields = Omit<TimedSlide, 'index' | 'budgetSeconds' | 'positionInSegment' | 'segmentSlides' | 'segmentMinutes' | 'segmentTitle' | 'budgetLine'>

function timed(slide: SlideFields, index: number): TimedSlide {
  return { ...slide, index, budgetSeconds: 60, positionInSegment: 1, segmentSlides: 1, segmentMinutes: 1, segmentTitle: 'Key points', budgetLine: BUDGET_LINE }
}

/**
 * One slide of `kind` with `text` in every text field of the Slide type
 * (src/deck/slide.ts): title, kicker, lead, bullets, table header and cells,
 * callout, source, figure, change, caption and notes. The chart's points are
 * data for the chart picture, not text on the slide; `image` and `command` are
 * our own constants. FIELD_ROLES below keeps this list complete.
 */
function hostileSlide(kind: SlideKind, text: string, index: number): TimedSlide {
  return timed(
    {
      kind,
      segment: 'key-points',
      title: text,
      kicker: text,
      lead: text,
      bullets: [text, text],
      table: { header: [text, text], rows: [[text, text], [text, 'fixed']] },
      callout: text,
      source: text,
      figure: text,
      change: text,
      caption: text,
      // The overview's tiles: an account's name, number, change and status, each text from a page or a workspace.
      tiles: [
        { name: text, image: IMAGE, figure: text, change: text, status: text },
        { name: text, figure: text, change: '', status: text },
      ],
      bookmark: text,
      image: IMAGE,
      command: COMMAND,
      notes: [text],
    },
    index,
  )
}

/**
 * Every field of Slide, sorted into text a slide shows and values that are not
 * text from anywhere: `satisfies` makes a new field on Slide a type error here
 * until it is sorted, and the fixture test checks that hostileSlide fills each
 * text field.
 */
const FIELD_ROLES = {
  kind: 'layout',
  segment: 'layout',
  numbered: 'layout',
  start: 'layout',
  title: 'text',
  kicker: 'text',
  lead: 'text',
  bullets: 'text',
  table: 'text',
  callout: 'text',
  source: 'text',
  figure: 'text',
  change: 'text',
  caption: 'text',
  notes: 'text',
  tiles: 'text',
  // An account's label, as its PDF bookmark under "Appendix".
  bookmark: 'text',
  appendix: 'layout',
  // Our own constants: a file in the build folder and a showtell command.
  image: 'ours',
  command: 'ours',
  // Numbers for the chart picture, drawn by chart.ts (tested there), not placed on the slide as text.
  chart: 'ours',
  // Account ids from showtell.yaml for a refresh's bookkeeping; never placed on the slide.
  shows: 'ours',
} as const satisfies Record<keyof Slide, 'layout' | 'text' | 'ours'>

function sentinel(index: number): TimedSlide {
  return timed({ kind: 'statement', segment: 'key-points', title: SENTINEL_TITLE, kicker: 'Sentinel', lead: SENTINEL_LEAD, notes: [SENTINEL_NOTE] }, index)
}

/** The front matter's company, presenter and footer carry the text too. */
function deckOf(slides: TimedSlide[], text: string): DeckModel {
  return { company: text, presenter: text, footer: text, topic: TOPIC, date: '2026-12-08', duration: 45, theme: 'showtell', language: 'en', agenda: [], slides }
}

/** What escapeMarkdown promises to keep: the text, with whitespace runs collapsed and trimmed. */
function flatten(text: string): string {
  return text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim()
}

/** One slide as Chromium's parser reads it. */
interface ParsedSlide {
  /** The section's attributes, name=value, sorted. */
  readonly attrs: readonly string[]
  /** Every element inside the section, in document order, as `tag[name=value …]`. */
  readonly elements: readonly string[]
  /** Every non-blank text node, as `parent-tag:text`. */
  readonly texts: readonly string[]
  /** Comment nodes inside the section (a directive that leaked through would show here or as an attribute). */
  readonly comments: number
}

/**
 * Attributes whose value is the data itself, Markdown-escaped (marp-core copies
 * the header and footer directives into them, and into the section's style as
 * custom properties), or derived from it (a heading's id is a slug of its text).
 * Their text is checked where the reader sees it: the header, footer and heading
 * elements' text nodes.
 */
const DATA_VALUED = new Set(['data-header', 'data-footer', 'style', 'id'])

let set: TemplateSet
const manager = testBrowser()
let page: Page

beforeAll(async () => {
  set = await loadTemplates()
  page = await manager.newPage()
})

afterAll(async () => {
  await manager.close()
})

/** Parses each HTML string with the browser's DOMParser (no script runs) and reads every section. */
async function parse(htmls: readonly string[]): Promise<ParsedSlide[][]> {
  return page.evaluate(
    (list: string[], dataValued: string[]) => {
      const masked = new Set(dataValued)
      const attrsOf = (el: Element) =>
        Array.from(el.attributes).map((a) => `${a.name}=${masked.has(a.name) ? '(data)' : a.value}`).sort()
      return list.map((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html')
        return Array.from(doc.querySelectorAll('section')).map((section) => {
          const elements: string[] = []
          const texts: string[] = []
          let comments = 0
          const walk = (node: Node) => {
            for (const child of Array.from(node.childNodes)) {
              if (child.nodeType === Node.ELEMENT_NODE) {
                const el = child as Element
                elements.push(`${el.localName}[${attrsOf(el).join(' ')}]`)
                walk(el)
              } else if (child.nodeType === Node.TEXT_NODE) {
                const data = (child as Text).data
                if (data.trim() !== '') texts.push(`${(child.parentNode as Element).localName}:${data}`)
              } else if (child.nodeType === Node.COMMENT_NODE) {
                comments++
              }
            }
          }
          walk(section)
          return { attrs: attrsOf(section), elements, texts, comments }
        })
      })
    },
    [...htmls],
    [...DATA_VALUED],
  )
}

interface Rendering {
  readonly html: string
  readonly slideCount: number
  readonly notes: readonly string[]
}

function render(kind: SlideKind, text: string): Rendering {
  const rendered = renderSlides(renderMarkdown(deckOf([hostileSlide(kind, text, 1), sentinel(2)], text), set), set)
  return { html: rendered.html, slideCount: rendered.slideCount, notes: rendered.notes.map((note) => note.replace(/\u200b/g, '')) }
}

/** What the hostile rendering must read like: the plain one, with the plain words replaced by the text on one line. */
function expectedFrom(plain: ParsedSlide[], text: string): ParsedSlide[] {
  const swap = (value: string) => value.split(PLAIN).join(flatten(text))
  return plain.map((slide) => ({ attrs: slide.attrs.map(swap), elements: slide.elements.map(swap), texts: slide.texts.map(swap), comments: slide.comments }))
}

describe('hostile text in every field of every slide kind, through the real templates, marp-core and Chromium’s parser', () => {
  it.each(KINDS)('%s', async (kind) => {
    const plainRendering = render(kind, PLAIN)
    const [plain] = await parse([plainRendering.html])
    // The control: two slides, the plain words in the slide's fields (so a field the template drops
    // cannot pass unnoticed), and the sentinel after it.
    expect(plainRendering.slideCount).toBe(2)
    expect(plain).toHaveLength(2)
    expect(plain![0]!.texts.filter((t) => t.endsWith(`:${PLAIN}`)).length).toBeGreaterThanOrEqual(2)
    expect(plain![1]!.texts).toContain(`p:${SENTINEL_LEAD}`)
    // The slide's class names its kind first (the overview adds its tile size: `overview tiles-small`).
    expect(plain![0]!.attrs.some((attr) => attr === `class=${kind}` || attr.startsWith(`class=${kind} `))).toBe(true)

    const renderings = CORPUS.map(([, text]) => render(kind, text))
    const parsed = await parse(renderings.map((r) => r.html))
    const problems: Record<string, unknown> = {}
    CORPUS.forEach(([name, text], i) => {
      const rendering = renderings[i]!
      const expected = expectedFrom(plain!, text)
      const got = parsed[i]!
      const whole = text.replace(/\r\n?/g, '\n').replace(/\u200b/g, '').trim()
      // Same slides, same elements with the same attributes (no <a>, <img>, <script>, <em>, no
      // class/theme/paginate from the data), and every field reads as the text on one line.
      if (rendering.slideCount !== 2 || JSON.stringify(got) !== JSON.stringify(expected)) problems[name] = { got, expected }
      // The notes hold the budget line and the whole text; the sentinel's notes are its own.
      else if (rendering.notes.length !== 2 || !rendering.notes[0]!.includes(BUDGET_LINE) || !rendering.notes[0]!.includes(whole) || rendering.notes[1] !== `${BUDGET_LINE}\n\n${SENTINEL_NOTE}`) {
        problems[name] = { notes: rendering.notes }
      }
    })
    expect(problems).toEqual({})
  })
})

describe('a deck.html with every kind and every hostile string, opened in Chromium', () => {
  it('runs none of the text, requests nothing, and shows exactly the slides composed', async () => {
    const slides = KINDS.flatMap((kind) => CORPUS.map(([, text]) => ({ kind, text })))
    const model = deckOf(
      slides.map(({ kind, text }, i) => hostileSlide(kind, text, i + 1)),
      CORPUS[0]![1],
    )
    const rendered = renderSlides(renderMarkdown(model, set), set)
    expect(rendered.slideCount).toBe(KINDS.length * CORPUS.length)
    const html = await renderDeckHtml(model, rendered)

    const live = await manager.newPage()
    const requests: string[] = []
    const dialogs: string[] = []
    try {
      await live.setRequestInterception(true)
      live.on('request', (request) => {
        requests.push(request.url())
        void request.abort()
      })
      live.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await live.setContent(html, { waitUntil: 'load' })
      const found = await live.evaluate((image: string) => {
        const sections = Array.from(document.querySelectorAll('#deck section'))
        const handlers = Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`))
        return {
          sections: sections.length,
          inSlides: sections.flatMap((s) => Array.from(s.querySelectorAll('script, style, iframe, object, embed, a, form, input, link, meta, base')).map((el) => el.localName)),
          images: Array.from(document.querySelectorAll('#deck img')).map((img) => img.getAttribute('src')).filter((src) => src !== image),
          handlers,
          data: (JSON.parse(document.getElementById('showtell-data')!.textContent!) as { slides: unknown[] }).slides.length,
          title: document.title,
        }
      }, IMAGE)
      expect(found).toEqual({
        sections: KINDS.length * CORPUS.length,
        inSlides: [],
        images: [],
        handlers: [],
        data: KINDS.length * CORPUS.length,
        title: `${CORPUS[0]![1]}: Escape check`,
      })
      // The relative screenshot links resolve against about:blank and are never fetched; anything
      // else would be a request the data made.
      expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([])
      expect(dialogs).toEqual([])
    } finally {
      await live.close()
    }
  })
})

describe('fixtures', () => {
  it('KINDS lists every slide template in templates/slides/', () => {
    const files = [...set.templates.keys()].filter((name) => name.startsWith('slides/')).map((name) => name.slice('slides/'.length))
    expect(files.sort()).toEqual([...KINDS].sort())
  })

  it('the hostile slide carries the text in every text field of the Slide type', () => {
    const slide = hostileSlide('account', 'HOSTILE', 1)
    const missing = Object.entries(FIELD_ROLES)
      .filter(([, role]) => role === 'text')
      .map(([field]) => field)
      .filter((field) => !JSON.stringify(slide[field as keyof typeof slide] ?? null).includes('HOSTILE'))
    expect(missing).toEqual([])
  })
})
