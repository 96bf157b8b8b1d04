// escapeMarkdown and escapeNote on their own: the hostile corpus in a small
// hand-made Markdown skeleton, rendered by the real marp-core. Data must never
// become Markdown structure, raw HTML, a link, a Marp directive or a new slide.
// The same corpus through the real templates, for every slide kind and every
// text field, is escape-templates.test.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import { escapeMarkdown, escapeNote } from '../../src/deck/escape.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates, type TemplateSet } from '../../src/deck/templates.js'
import { CORPUS } from './hostile-corpus.js'

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

// ---- checks of this file's own data, not of the code ----

describe('fixtures', () => {
  it('has a corpus of at least 25 hostile strings', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25)
  })
})
