// Hostile text through the real templates (templates/deck.md.eta and every
// templates/slides/*.md.eta, via renderMarkdown) and the real marp-core renderer.
// Data must never become Markdown structure, raw HTML, a link, a Marp directive
// or a new slide, in any field of any slide kind. escapeMarkdown / escapeNote
// are also tested on their own, in a small hand-made skeleton.
import { readdir } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DeckModel, SlideKind, TimedSlide } from '../../src/deck/compose.js'
import { escapeMarkdown, escapeNote } from '../../src/deck/escape.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import { topicSchema } from '../../src/topics/schema.js'

const LONG = 'A **bold** [link](https://evil.example) <b>tag</b> --- `code` & "quote" @me #1 '.repeat(300)

/** Each entry: a name for the test and the hostile text. */
const CORPUS: readonly (readonly [string, string])[] = [
  ['script tag', '<script>alert("pwned")</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['inline HTML', '<b>bold</b> <i>it</i> <span style="color:red">red</span> <br> <div>block</div>'],
  ['iframe and style', '<iframe src="https://evil.example"></iframe><style>section{display:none}</style>'],
  ['local class directive', '<!-- _class: x -->'],
  ['global theme directive', '<!-- theme: gaia -->'],
  ['multi-line directive comment', '<!--\n_class: x\ntheme: gaia\npaginate: false\n-->'],
  ['bare class directive', '_class: x'],
  ['bare theme and class directives', 'theme: gaia\nclass: x\nbackgroundColor: red'],
  ['slide break', 'before\n---\nafter'],
  ['slide break in blank lines', 'Intro\n\n---\n\n# A new slide\n\n***\n\n___\n'],
  ['front matter', '---\nmarp: true\ntheme: gaia\n_class: x\n---\nbody'],
  ['emphasis', '*emphasis* _under_ **strong** __strong__ ~~strike~~ ***both***'],
  ['link and image', '[click me](https://evil.example) ![pixel](https://evil.example/p.png "t")'],
  ['reference link', '[x]: https://evil.example "title"\n[x] and [x][] and [y][x]'],
  ['code', '`inline code` and ```fenced``` and\n```js\nalert(1)\n```\n    indented code'],
  ['headings', '# Heading one\n## Heading two\nSetext\n===\nSetext two\n---'],
  ['lists', '- dash\n* star\n+ plus\n1. one\n2) two\n- [ ] task'],
  ['leading ordered-list marker', '10. Tenth item'],
  ['blockquote', '> quoted\n>> nested quote'],
  ['table', '| a | b |\n|---|:-:|\n| 1 | 2 |'],
  ['lone pipes', '|| cell | :---: |'],
  ['autolinks', '<https://evil.example> https://evil.example/path?q=1&r=2#frag HTTP://EVIL.EXAMPLE ftp://files.example'],
  ['www links', 'www.evil.example and WWW.EVIL.EXAMPLE/path'],
  ['protocol-relative link', 'see //evil.example/path for details'],
  ['e-mail', 'write ceo@evil.example or mailto:ceo@evil.example'],
  ['math', '$E = mc^2$ and $$\\int_0^1 x\\,dx$$ and \\(x\\)'],
  ['emoji shortcodes', ':smile: :+1: :warning: :rocket:'],
  ['HTML entities', '&amp; &lt;b&gt; &#169; &#x3C;script&#x3E; &nbsp; &quot;'],
  ['backslashes', 'C:\\path\\to\\file \\* \\_ \\\\ \\# end\\'],
  ['template syntax', '<%= it.secret %> <%~ it.raw %> <% code %> {{x}} ${x} {% raw %}'],
  ['unicode', 'Ærlig talt «Åpenhet» — 日本語 עברית 🏳️‍🌈 😀 e\u0301 ﬁ'],
  ['bidi and zero-width', '\u202Eevil\u202C a\u200Bb \u2066x\u2069'],
  ['comment terminators', 'wait --> this -- that <!-- open --!> close'],
  ['odd dash run before >', 'Step 1 ---> Step 2 -----> done <!---> x'],
  ['note breakout with Markdown after it', 'Next step --->\n![pwned](https://evil.example/p.png)\n[click](https://evil.example)'],
  ['CDATA, PI and doctype', '<?php echo 1; ?> <![CDATA[x]]> <!DOCTYPE html>'],
  ['whitespace', '  Tabs\tand\t\tspaces   and\r\nCRLF\rand\u2028separators\f  '],
  ['hard breaks', 'line one  \nline two\\\nline three'],
  ['typographer bait', '"double" \'single\' (c) (tm) -- ... +-'],
  ['footnote and extensions', '[^1] ==mark== ++ins++ x^2^ H~2~O'],
  ['very long', LONG],
]

// ---- helpers: a tiny, hand-written HTML reader for marp-core's output ----

function decodeEntities(html: string): string {
  return html.replace(/&(lt|gt|amp|quot|#39|#(\d+)|#x([0-9a-f]+));/gi, (whole, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec))
    if (hex) return String.fromCodePoint(parseInt(hex, 16))
    switch (name.toLowerCase()) {
      case 'lt':
        return '<'
      case 'gt':
        return '>'
      case 'amp':
        return '&'
      case 'quot':
        return '"'
      case '#39':
        return "'"
      default:
        return whole
    }
  })
}

/** The text a reader sees: tags dropped, entities decoded. */
function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
}

/** What escapeMarkdown promises to keep: the text, with whitespace runs collapsed and trimmed. */
function flatten(text: string): string {
  return text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim()
}

interface Section {
  readonly attrs: Record<string, string>
  readonly inner: string
}

function sections(html: string): Section[] {
  return [...html.matchAll(/<section\b([^>]*)>([\s\S]*?)<\/section>/g)].map((m) => ({
    attrs: Object.fromEntries([...m[1]!.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? ''])),
    inner: m[2]!,
  }))
}

/** Opening tag names, in document order. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase())
}

/** Inner HTML of every `<tag …>…</tag>` (these elements never nest here). */
function elements(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!)
}

// ---- a small Markdown skeleton, for escapeMarkdown / escapeNote on their own ----

const SENTINEL_TITLE = 'Sentinel slide'
const SENTINEL_TEXT = 'Nothing hostile here.'
const SENTINEL_NOTE = 'Sentinel note.'
const BUDGET_LINE = 'Budget 1:00 for this slide (1 of 1 in Key points). Segment budget 1 min.'

function deckFor(text: string): string {
  const md = escapeMarkdown(text)
  return [
    '---',
    'marp: true',
    'theme: showtell',
    'size: 16:9',
    '---',
    '',
    // A directive value, quoted the way templates.ts `attr()` does it.
    `<!-- _header: ${JSON.stringify(md)} -->`,
    '',
    `# ${md}`,
    '',
    `- ${md}`,
    '',
    md,
    '',
    '| Column A | Column B |',
    '| :-- | :-- |',
    `| ${md} | fixed |`,
    '',
    '<!--',
    escapeNote(BUDGET_LINE),
    '',
    escapeNote(text),
    '-->',
    '',
    '---',
    '',
    `# ${SENTINEL_TITLE}`,
    '',
    SENTINEL_TEXT,
    '',
    '<!--',
    SENTINEL_NOTE,
    '-->',
    '',
  ].join('\n')
}

const FIRST_SLIDE_TAGS = ['header', 'h1', 'ul', 'li', 'p', 'table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td']

let set: TemplateSet
beforeAll(async () => {
  set = await loadTemplates()
})

describe('escapeMarkdown', () => {
  it('leaves plain prose alone', () => {
    expect(escapeMarkdown('Three accounts use our name')).toBe('Three accounts use our name')
  })

  it('puts everything on one line', () => {
    expect(escapeMarkdown('  a\n\nb\r\nc\td  ')).toBe('a b c d')
  })
})

describe('escapeNote', () => {
  it('keeps line breaks and ordinary text', () => {
    expect(escapeNote('First paragraph.\n\nSecond one.')).toBe('First paragraph.\n\nSecond one.')
  })

  it('never leaves a comment terminator or opener in the text', () => {
    for (const text of ['-->', '--->', '---->', 'a --> b', '<!--', '<!---', '<!--->', '--!>', 'x---->y']) {
      const out = escapeNote(text)
      expect(out, JSON.stringify(text)).not.toContain('-->')
      expect(out, JSON.stringify(text)).not.toContain('<!--')
      expect(out.replace(/\u200b/g, ''), JSON.stringify(text)).toBe(text)
    }
  })
})

describe('escapeMarkdown and escapeNote on hostile text, in the small skeleton, through marp-core', () => {
  it.each(CORPUS)('%s', (_name, text) => {
    const rendered = renderSlides(deckFor(text), set)
    const expected = flatten(text)
    const label = JSON.stringify(text.slice(0, 80))

    // No slide created or swallowed.
    expect(rendered.slideCount, label).toBe(2)
    const [first, second, ...rest] = sections(rendered.html)
    expect(rest, label).toHaveLength(0)
    expect(first, label).toBeDefined()
    expect(second, label).toBeDefined()

    // Only the elements the skeleton made: no <a>, <img>, <script>, <em>, <code>, <h2>, <br>, …
    expect(tags(first!.inner), label).toEqual(FIRST_SLIDE_TAGS)
    expect(tags(second!.inner), label).toEqual(['h1', 'p'])

    // Each element reads exactly as the input, flattened to one line.
    const texts = {
      header: elements(first!.inner, 'header').map(textOf),
      h1: elements(first!.inner, 'h1').map(textOf),
      li: elements(first!.inner, 'li').map(textOf),
      p: elements(first!.inner, 'p').map(textOf),
      td: elements(first!.inner, 'td').map(textOf),
    }
    expect(texts, label).toEqual({
      header: [expected],
      h1: [expected],
      li: [expected],
      p: [expected],
      td: [expected, 'fixed'],
    })
    expect(elements(second!.inner, 'h1').map(textOf)).toEqual([SENTINEL_TITLE])
    expect(elements(second!.inner, 'p').map(textOf)).toEqual([SENTINEL_TEXT])

    // No directive came out of the data: theme and class are untouched on both slides.
    for (const section of [first!, second!]) {
      expect(section.attrs['data-theme'], label).toBe('showtell')
      expect(section.attrs, label).not.toHaveProperty('class')
      expect(section.attrs, label).not.toHaveProperty('data-class')
      expect(section.attrs, label).not.toHaveProperty('data-background-color')
      expect(section.attrs, label).not.toHaveProperty('data-paginate')
    }
    expect(Object.keys(first!.attrs).sort(), label).toEqual(['data-header', 'data-size', 'data-theme', 'id', 'style'].sort())
    expect(Object.keys(second!.attrs).sort(), label).toEqual(['data-size', 'data-theme', 'id', 'style'].sort())

    // The notes hold the whole text (minus escapeNote's zero-width spaces) after the budget line.
    const notes = rendered.notes.map((note) => note.replace(/\u200b/g, ''))
    expect(notes, label).toHaveLength(2)
    expect(notes[0], label).toContain(BUDGET_LINE)
    expect(notes[0], label).toContain(text.replace(/\r\n?/g, '\n').replace(/\u200b/g, '').trim())
    expect(notes[1], label).toBe(SENTINEL_NOTE)
  })

  it('renders every hostile string in one deck without adding or losing slides', () => {
    const body = CORPUS.map(([, text]) => `# ${escapeMarkdown(text)}\n\n${escapeMarkdown(text)}\n\n<!--\n${escapeNote(BUDGET_LINE)}\n\n${escapeNote(text)}\n-->`)
    const rendered = renderSlides(`---\nmarp: true\ntheme: showtell\n---\n\n${body.join('\n\n---\n\n')}\n`, set)
    expect(rendered.slideCount).toBe(CORPUS.length)
    const all = sections(rendered.html)
    expect(all).toHaveLength(CORPUS.length)
    const problems: Record<string, string> = {}
    all.forEach((section, i) => {
      const [name, text] = CORPUS[i]!
      const found = tags(section.inner).join(' ')
      if (found !== 'h1 p') problems[name] = `elements: ${found}`
      else if (elements(section.inner, 'h1').map(textOf).join() !== flatten(text)) problems[name] = 'heading text changed'
      else if (section.attrs['data-theme'] !== 'showtell' || 'class' in section.attrs) problems[name] = 'directive applied'
    })
    expect(problems).toEqual({})
  })
})

// ---- the real templates: every slide kind, hostile text in every field ----

/** Every slide kind, written out: the fixture check below fails when a template is added. */
const KINDS: readonly SlideKind[] = ['title', 'agenda', 'bullets', 'statement', 'case', 'table', 'placeholder', 'closing', 'account', 'chart', 'finding', 'overview']

/** Text with no Markdown in it: the control each hostile rendering is compared with. */
const PLAIN = 'Plain words'
const SENTINEL_LEAD = 'Nothing hostile on this slide.'

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

function timed(slide: Omit<TimedSlide, 'index' | 'budgetSeconds' | 'positionInSegment' | 'segmentSlides' | 'segmentMinutes' | 'segmentTitle' | 'budgetLine'>, index: number): TimedSlide {
  return { ...slide, index, budgetSeconds: 60, positionInSegment: 1, segmentSlides: 1, segmentMinutes: 1, segmentTitle: 'Key points', budgetLine: BUDGET_LINE }
}

/**
 * A deck of two slides: one of `kind` with `text` in every text field the slide
 * type has (and in the company, presenter and footer of the front matter), then
 * a fixed sentinel slide that must come through untouched.
 */
function deckWith(kind: SlideKind, text: string): DeckModel {
  const hostile = timed(
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
      tiles: [
        { name: text, image: 'snapshots/a.png', figure: text, change: text, status: text },
        { name: text, figure: text, change: '', status: text },
      ],
      // Our own values, never data: a picture in the build folder and a showtell command.
      image: 'screenshot.png',
      command: 'showtell snapshot',
      notes: [text],
    },
    1,
  )
  const sentinel = timed({ kind: 'statement', segment: 'key-points', title: SENTINEL_TITLE, kicker: 'Sentinel', lead: SENTINEL_LEAD, notes: [SENTINEL_NOTE] }, 2)
  return { company: text, presenter: text, footer: text, topic: TOPIC, date: '2026-12-08', duration: 45, theme: 'showtell', agenda: [], slides: [hostile, sentinel] }
}

const HOLDS_ESCAPED_TEXT = new Set(['data-header', 'data-footer', 'style'])

interface Reading {
  readonly slideCount: number
  /** Per slide: its opening tags in order, its attributes (values decoded), the text of each element. */
  readonly slides: readonly { readonly tags: string; readonly attrs: Record<string, string>; readonly texts: readonly string[] }[]
}

function read(kind: SlideKind, text: string): { reading: Reading; notes: readonly string[] } {
  const rendered = renderSlides(renderMarkdown(deckWith(kind, text), set), set)
  const slides = sections(rendered.html).map((section) => ({
    tags: tags(section.inner).join(' '),
    // The header and footer directives' values are stored Markdown-escaped (their text is checked
    // in the header and footer elements); every other attribute must be exactly the plain one's.
    attrs: Object.fromEntries(Object.entries(section.attrs).map(([name, value]) => [name, HOLDS_ESCAPED_TEXT.has(name) ? '(text)' : value])),
    // Leaf text per element that holds text, in document order.
    texts: [...section.inner.matchAll(/<([a-zA-Z][\w-]*)\b[^>]*>([^<]+)/g)].map((m) => `${m[1]}:${decodeEntities(m[2]!)}`),
  }))
  return { reading: { slideCount: rendered.slideCount, slides }, notes: rendered.notes.map((note) => note.replace(/\u200b/g, '')) }
}

/** What the hostile rendering must read like: the plain one, with the plain words replaced by the hostile text as one line. */
function expectedReading(plain: Reading, text: string): Reading {
  const swap = (value: string) => value.split(PLAIN).join(flatten(text))
  return {
    slideCount: plain.slideCount,
    slides: plain.slides.map((slide) => ({
      tags: slide.tags,
      attrs: Object.fromEntries(Object.entries(slide.attrs).map(([name, value]) => [name, swap(value)])),
      texts: slide.texts.map(swap),
    })),
  }
}

describe('hostile text in every field of every slide kind, through the real templates and marp-core', () => {
  it.each(KINDS)('%s', (kind) => {
    const { reading: plain } = read(kind, PLAIN)
    // The control really carries the text in its fields, and the sentinel slide follows.
    expect(plain.slideCount).toBe(2)
    expect(plain.slides[0]!.texts.join('\n')).toContain(PLAIN)
    expect(plain.slides[1]!.texts).toContain(`p:${SENTINEL_LEAD}`)

    const problems: Record<string, unknown> = {}
    for (const [name, text] of CORPUS) {
      const { reading, notes } = read(kind, text)
      const expected = expectedReading(plain, text)
      // Same slides, same elements, same attributes (no class, theme or paginate from the data),
      // and every field reads as the text itself, flattened to one line.
      if (JSON.stringify(reading) !== JSON.stringify(expected)) problems[name] = { got: reading, expected }
      // The notes hold the budget line and the whole text; the sentinel's notes are its own.
      else if (notes.length !== 2 || !notes[0]!.includes(BUDGET_LINE) || !notes[0]!.includes(text.replace(/\r\n?/g, '\n').replace(/\u200b/g, '').trim()) || notes[1] !== `${BUDGET_LINE}\n\n${SENTINEL_NOTE}`) {
        problems[name] = { notes }
      }
    }
    expect(problems).toEqual({})
  })
})

// ---- checks of this file's own data, not of the code ----

describe('fixtures', () => {
  it('has a corpus of at least 25 hostile strings', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25)
  })

  it('KINDS lists every slide template in templates/slides/', async () => {
    const files = await readdir(new URL('../../templates/slides/', import.meta.url))
    expect(files.map((file) => file.replace(/\.md\.eta$/, '')).sort()).toEqual([...KINDS].sort())
  })
})
