// deck.pptx as PowerPoint reads it: the Buffer from renderPptx unzipped
// (JSZip) and its XML parts read. One slide per deck slide, a notes slide for
// each with its budget line first, one section per agenda segment listing its
// slides, titles and numbers as text runs in text shapes (not pictures),
// native tables, document properties, the theme's colours and fonts, a
// missing picture left out, hostile text kept as text in well-formed XML, and
// a Norwegian deck in Norwegian.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeckModel, SlideKind, TimedSlide } from '../../src/deck/compose.js'
import { renderPptx } from '../../src/deck/pptx.js'
import { topicSchema } from '../../src/topics/schema.js'
import { CORPUS } from './hostile-corpus.js'
import { demoLikeDeck, fixtureConfig, makePng, writeFixturePictures } from './pptx-fixture.js'

const THEME_CSS = await readFile(new URL('../../templates/showtell.css', import.meta.url), 'utf8')

/** An unzipped deck.pptx: its parts by path, and the slides' XML in presentation order. */
interface Opened {
  readonly zip: JSZip
  readonly parts: Map<string, string>
  /** ppt/slides/slideN.xml in the order of presentation.xml's slide list. */
  readonly slides: string[]
  /** The notes slide of each slide (by its relationship), same order. */
  readonly notes: string[]
  /** The slide id of each slide (p:sldId id), same order. */
  readonly slideIds: string[]
}

async function open(buffer: Buffer): Promise<Opened> {
  const zip = await JSZip.loadAsync(buffer)
  const parts = new Map<string, string>()
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts.set(name, await zip.file(name)!.async('string'))
  }
  const presentation = parts.get('ppt/presentation.xml')!
  const presRels = parts.get('ppt/_rels/presentation.xml.rels')!
  const target = (rels: string, id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1]
  const slides: string[] = []
  const notes: string[] = []
  const slideIds: string[] = []
  for (const match of presentation.matchAll(/<p:sldId id="(\d+)" r:id="(rId\d+)"\/>/g)) {
    const file = `ppt/${target(presRels, match[2]!)}`
    slideIds.push(match[1]!)
    slides.push(parts.get(file)!)
    const rels = parts.get(file.replace('slides/', 'slides/_rels/') + '.rels')!
    const notesTarget = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(rels)?.[1]
    notes.push(notesTarget ? parts.get(`ppt/notesSlides/${notesTarget}`)! : '')
  }
  return { zip, parts, slides, notes, slideIds }
}

/** XML text as a reader sees it. */
function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** The text runs of a part, unescaped. */
function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!))
}

/** The speaker notes of a notes slide: the text of its body placeholder, line ends as \n. */
function notesText(xml: string): string {
  const body = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph type="body"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? ''
  return runs(body).join('\n').replace(/\r\n/g, '\n')
}

/** Each text shape (p:sp) of a slide: its name and its text, paragraphs joined by newlines. */
function shapes(xml: string): { name: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => ({
    name: unescapeXml(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    text: [...m[1]!.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => runs(p[1]!).join('')).join('\n'),
    xml: m[1]!,
  }))
}

describe('deck.pptx from a composed deck', () => {
  let folder: string
  let deck: DeckModel
  let pptx: Opened

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'showtell-pptx-'))
    await writeFixturePictures(folder)
    deck = demoLikeDeck()
    pptx = await open(await renderPptx(deck, { folder, themeCss: THEME_CSS }))
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('has one slide per deck slide, 16:9 at 13.333 × 7.5 in', () => {
    expect(deck.slides.length).toBe(18)
    expect(pptx.slides).toHaveLength(18)
    expect([...pptx.parts.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(18)
    // 13.333 in × 914400 EMU, 7.5 in × 914400 EMU
    expect(pptx.parts.get('ppt/presentation.xml')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/)
  })

  it('puts each title in a text run of a text shape named Title, not in a picture', () => {
    deck.slides.forEach((slide, i) => {
      const title = shapes(pptx.slides[i]!).find((shape) => shape.name === 'Title')
      expect(title?.text, `slide ${i + 1}`).toBe(slide.title)
    })
    const account = pptx.slides[4]!
    expect(account).toContain('<p:pic>')
    // The picture holds no text runs: the title is outside it.
    for (const pic of account.matchAll(/<p:pic>([\s\S]*?)<\/p:pic>/g)) expect(pic[1]).not.toContain('<a:t>')
  })

  it('writes the kicker, the deck footer and "n / total" as on the HTML slide, with no page number on the title slide', () => {
    const bullets = shapes(pptx.slides[2]!)
    expect(bullets.find((s) => s.name === 'Kicker')?.text).toBe('OPENING')
    expect(bullets.find((s) => s.name === 'Footer')?.text).toBe('Executive briefing')
    expect(bullets.find((s) => s.name === 'Page number')?.text).toBe('3 / 18')
    expect(shapes(pptx.slides[0]!).some((s) => s.name === 'Page number')).toBe(false)
    // The case slide's footer is its source, in the catalogue's words.
    expect(shapes(pptx.slides[9]!).find((s) => s.name === 'Footer')?.text).toBe('Source: Seed article on account security')
  })

  it('writes the big number and its change as text on the account slide, beside the screenshot', () => {
    const account = shapes(pptx.slides[4]!)
    expect(account.find((s) => s.name === 'Figure')?.text).toBe('12,400')
    expect(account.find((s) => s.name === 'Change')?.text).toBe('▲ 312 since 2026-11-24')
    expect(account.find((s) => s.name === 'Footer')?.text).toBe('Screenshot 2026-12-08 09:12 · followers from the public page')
    // 84 px in the theme is 63 pt.
    expect(account.find((s) => s.name === 'Figure')?.xml).toContain('sz="6300"')
    expect(pptx.slides[4]).toMatch(/<p:cNvPr id="\d+" name="Screenshot"/)
  })

  it('makes tables native PowerPoint tables with their header and cells', () => {
    const table = pptx.slides[10]!
    expect(deck.slides[10]!.kind).toBe('table')
    expect(table).toContain('<a:tbl>')
    const cells = runs(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(table)![0])
    expect(cells).toEqual(['If this happens', 'We do this', 'Our main account is hijacked.', 'Two-factor login and a recovery owner.', 'An executive posts something offensive.', 'A review habit and an apology plan.'])
    const agenda = runs(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(pptx.slides[1]!)![0])
    expect(agenda.slice(0, 4)).toEqual(['Segment', 'Minutes', 'Opening', '2'])
  })

  it('draws the chart and the overview thumbnails as pictures, the chart as SVG', () => {
    expect(pptx.slides[5]).toMatch(/<p:cNvPr id="\d+" name="Chart"/)
    expect(pptx.slides[5]).toContain('asvg:svgBlip')
    expect([...pptx.parts.keys()].length).toBeGreaterThan(0)
    expect(Object.keys(pptx.zip.files).some((name) => /^ppt\/media\/.*\.svg$/.test(name))).toBe(true)
    expect([...pptx.slides[3]!.matchAll(/name="Thumbnail"/g)]).toHaveLength(2)
    expect(shapes(pptx.slides[3]!).filter((s) => s.name === 'Tile').map((s) => s.text)).toEqual([
      'Nordlys on LinkedIn\n12,400 followers\n▲ 312 · posted 2 days ago',
      'CEO on Bluesky\n2,150 followers\n▼ 12 · quiet for 3 weeks',
      'Nordlys on Instagram\nNo number\nlogin wall',
    ])
  })

  it('starts the text of a tile without a screenshot at the top of its tile, level with the thumbnails', () => {
    const overview = pptx.slides[3]!
    const top = (name: string) => [...overview.matchAll(new RegExp(`name="${name}"[\\s\\S]*?<a:off x="\\d+" y="(\\d+)"`, 'g'))].map((m) => Number(m[1]))
    const [first, second] = top('Thumbnail')
    const tiles = top('Tile')
    expect(first).toBe(second)
    expect(tiles[2]).toBe(first)
    expect(tiles[0]).toBeGreaterThan(first!)
  })

  it('gives every slide a notes slide: its budget line first, then its notes', () => {
    expect(pptx.notes.every((xml) => xml !== '')).toBe(true)
    deck.slides.forEach((slide, i) => {
      const text = notesText(pptx.notes[i]!)
      if (slide.budgetLine) expect(text.startsWith(slide.budgetLine), `slide ${i + 1}: ${text.slice(0, 80)}`).toBe(true)
      for (const note of slide.notes) expect(text, `slide ${i + 1}`).toContain(note.split('\n')[0]!)
    })
    // Written out once, so that a change in composeDeck's wording shows here.
    expect(notesText(pptx.notes[2]!).split('\n')).toEqual(['Budget 0:40 for this slide (3 of 3 in Opening).', '', expect.stringMatching(/^Social media never sleeps/)])
    expect(notesText(pptx.notes[17]!)).toBe('For reference.')
  })

  it('has one section per agenda segment, in order, each listing its slides, then the appendix', () => {
    const presentation = pptx.parts.get('ppt/presentation.xml')!
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*><p14:sldIdLst>(.*?)<\/p14:sldIdLst>/g)].map((m) => ({
      name: unescapeXml(m[1]!),
      ids: [...m[2]!.matchAll(/id="(\d+)"/g)].map((id) => id[1]!),
    }))
    expect(sections.map((s) => s.name)).toEqual([
      'Opening (2 min)',
      'Here and now: our accounts live (1 min)',
      'Loss of control: accounts we do not run (1 min)',
      'Key points (10 min)',
      'Case studies (7 min)',
      'Worst cases and mitigations (7 min)',
      'Hands-on exercise (7 min)',
      'Discussion and decisions (7 min)',
      'ROI: what changed (1 min)',
      'Next meeting (2 min)',
      'Appendix',
    ])
    const bySection = sections.map((s) => s.ids.map((id) => pptx.slideIds.indexOf(id) + 1))
    expect(bySection).toEqual([[1, 2, 3], [4, 5, 6], [7], [8, 9], [10], [11], [12], [13, 14], [15], [16, 17], [18]])
  })

  it('sets the document properties: title, author, subject and company', () => {
    const core = pptx.parts.get('docProps/core.xml')!
    expect(core).toContain('<dc:title>Nordlys Outdoor: Crisis readiness</dc:title>')
    expect(core).toContain('<dc:creator>Communications team</dc:creator>')
    expect(core).toContain('<dc:subject>Executive briefing of Tuesday 8 December 2026, 45 minutes</dc:subject>')
    expect(pptx.parts.get('docProps/app.xml')).toContain('<Company>Nordlys Outdoor</Company>')
  })

  it("colours and fonts the slides with the shipped theme's values", () => {
    const slide = pptx.slides[2]!
    expect(slide).toContain('<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FBFAF7"/>')
    expect(shapes(slide).find((s) => s.name === 'Title')?.xml).toContain('<a:srgbClr val="17202E"/>')
    expect(shapes(slide).find((s) => s.name === 'Kicker')?.xml).toContain('<a:srgbClr val="0A4F99"/>')
    expect(shapes(slide).find((s) => s.name === 'Footer')?.xml).toContain('<a:srgbClr val="3F4A5A"/>')
    expect(slide).toContain('typeface="Inter"')
  })

  it('marks every text box shrink-on-overflow with wrapping on', () => {
    for (const slide of pptx.slides) {
      for (const shape of shapes(slide).filter((s) => s.text !== '' && !s.xml.includes('<a:tbl>'))) {
        expect(shape.xml, shape.name).toMatch(/<a:bodyPr wrap="square"[^>]*><a:normAutofit\/><\/a:bodyPr>/)
      }
    }
  })

  it('writes well-formed XML in every part', () => {
    for (const [name, xml] of pptx.parts) expect(XMLValidator.validate(xml), name).toBe(true)
  })
})

describe('deck.pptx themes, pictures and fitting', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'showtell-pptx-'))
    await writeFixturePictures(folder)
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it("follows a workspace theme's --accent, --ink, --paper, --muted and font, keeping the shipped values it does not set", async () => {
    const css = `/* @theme board */\n:root { --accent: #c00; --ink: #102030; --paper: #ffffff; --muted: rgb(1, 2, 3); }\nsection { font-family: "Source Sans 3", Georgia, serif; }\nsection.title { font-family: Impact; }`
    const opened = await open(await renderPptx(demoLikeDeck(), { folder, themeCss: css }))
    const slide = opened.slides[2]!
    expect(slide).toContain('<a:srgbClr val="FFFFFF"/>')
    expect(shapes(slide).find((s) => s.name === 'Kicker')?.xml).toContain('<a:srgbClr val="CC0000"/>')
    expect(shapes(slide).find((s) => s.name === 'Title')?.xml).toContain('<a:srgbClr val="102030"/>')
    // rgb() is not read: the shipped --muted stays.
    expect(shapes(slide).find((s) => s.name === 'Footer')?.xml).toContain('<a:srgbClr val="3F4A5A"/>')
    expect(slide).toContain('typeface="Source Sans 3"')
    expect(slide).not.toContain('typeface="Inter"')
    expect(slide).not.toContain('typeface="Impact"')
  })

  it('leaves out a picture that is not on disk, and keeps the slide and its text', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'showtell-pptx-empty-'))
    try {
      const deck = demoLikeDeck()
      const opened = await open(await renderPptx(deck, { folder: empty, themeCss: THEME_CSS }))
      expect(opened.slides).toHaveLength(deck.slides.length)
      expect(opened.slides.some((slide) => slide.includes('<p:pic>'))).toBe(false)
      expect(shapes(opened.slides[4]!).find((s) => s.name === 'Figure')?.text).toBe('12,400')
      expect(shapes(opened.slides[5]!).find((s) => s.name === 'Title')?.text).toBe('Followers across meetings')
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
  })

  it('reads no picture outside our own folders, whatever a slide names', async () => {
    const outer = await mkdtemp(join(tmpdir(), 'showtell-pptx-outer-'))
    try {
      const build = join(outer, 'build')
      await writeFixturePictures(build)
      // A real PNG next to the build folder: only the name keeps it out.
      await writeFile(join(outer, 'secret.png'), makePng(40, 40, [255, 0, 0]))
      const deck = demoLikeDeck()
      const slides = deck.slides.map((slide) => (slide.kind === 'account' ? { ...slide, image: '../secret.png' } : slide))
      const opened = await open(await renderPptx({ ...deck, slides }, { folder: build, themeCss: THEME_CSS }))
      expect(opened.slides[4]).not.toContain('<p:pic>')
      expect(opened.slides[5]).toContain('<p:pic>')
    } finally {
      await rm(outer, { recursive: true, force: true })
    }
  })

  it('drops the characters XML cannot hold, so that PowerPoint still opens the file', async () => {
    const text = 'a\u0001b\u0008c\ud800d\u001fe\uffff'
    const deck = oneSlideDeck([{ ...bulletSlide(1, text, [text]), notes: [text] }])
    const opened = await open(await renderPptx({ ...deck, company: text }, { folder, themeCss: THEME_CSS }))
    for (const [part, xml] of opened.parts) expect(XMLValidator.validate(xml), part).toBe(true)
    expect(shapes(opened.slides[0]!).find((s) => s.name === 'Title')?.text).toBe('abcde')
    expect(notesText(opened.notes[0]!)).toContain('abcde')
  })

  it('makes a kicker that would take more than two lines beside a screenshot smaller, and leaves a short one at 15 pt', async () => {
    const deck = demoLikeDeck()
    const long = 'A segment title long enough to need three lines in the narrow column beside the screenshot'
    const slides = deck.slides.map((slide, i) => (i === 4 ? { ...slide, kicker: long } : slide))
    const opened = await open(await renderPptx({ ...deck, slides }, { folder, themeCss: THEME_CSS }))
    const kickerSize = (xml: string) => Number(/sz="(\d+)"/.exec(shapes(xml).find((s) => s.name === 'Kicker')!.xml)![1])
    // 20 px is 15 pt.
    expect(kickerSize(opened.slides[2]!)).toBe(1500)
    expect(kickerSize(opened.slides[4]!)).toBeLessThan(1500)
  })

  it('makes the font of a long list smaller until the estimate fits, and leaves a short one at the theme size', async () => {
    const long = Array.from({ length: 9 }, (_, i) => `Item ${i + 1}: a bullet long enough to wrap over two lines at the theme's 28 pixel size on a wide slide, as some workspace topics have`)
    const deck = oneSlideDeck([bulletSlide(1, 'Long list', long), bulletSlide(2, 'Short list', ['One', 'Two'])])
    const opened = await open(await renderPptx(deck, { folder, themeCss: THEME_CSS }))
    const size = (xml: string, text: string) => Number(new RegExp(`<a:rPr [^>]*sz="(\\d+)"[^>]*>(?:(?!<a:t>).)*<a:t>${text}`).exec(xml)?.[1])
    // 28 px is 21 pt.
    expect(size(opened.slides[1]!, 'One')).toBe(2100)
    expect(size(opened.slides[0]!, 'Item 1')).toBeLessThan(2100)
    expect(size(opened.slides[0]!, 'Item 1')).toBeGreaterThanOrEqual(840)
  })
})

describe('hostile text in deck.pptx', () => {
  const KINDS: readonly SlideKind[] = ['title', 'agenda', 'bullets', 'statement', 'case', 'table', 'placeholder', 'closing', 'account', 'chart', 'finding', 'overview']
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'showtell-pptx-'))
    await writeFixturePictures(folder)
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  /** Every slide kind with `text` in every text field, the company, presenter and footer too. */
  function hostileDeck(text: string): DeckModel {
    const slides = KINDS.map((kind, i) =>
      timed(i + 1, {
        kind,
        segment: 'key-points',
        title: text,
        kicker: text,
        lead: text,
        bullets: [text, text],
        table: { header: [text, text], rows: [[text, text]] },
        callout: text,
        source: text,
        figure: text,
        change: text,
        caption: text,
        tiles: [{ name: text, image: 'snapshots/nordlys-linkedin.png', figure: text, change: text, status: text }],
        image: kind === 'chart' ? 'charts/followers.svg' : 'snapshots/nordlys-linkedin.png',
        command: 'showtell snapshot',
        notes: [text],
      }),
    )
    return { ...oneSlideDeck(slides), company: text, presenter: text, footer: text }
  }

  for (const [name, text] of CORPUS) {
    it(`keeps ${name} as text: well-formed XML, the text in its runs, no markup from it`, async () => {
      const opened = await open(await renderPptx(hostileDeck(text), { folder, themeCss: THEME_CSS }))
      for (const [part, xml] of opened.parts) expect(XMLValidator.validate(xml), part).toBe(true)
      expect(opened.slides).toHaveLength(KINDS.length)
      // As the HTML shows it: whitespace runs are one space; the notes keep their line ends.
      const expected = text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim()
      const expectedNote = text.replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n')
      opened.slides.forEach((xml, i) => {
        expect(shapes(xml).find((s) => s.name === 'Title')?.text, `${KINDS[i]} title`).toBe(expected)
        expect(notesText(opened.notes[i]!), `${KINDS[i]} notes`).toContain(expectedNote)
      })
      expect(unescapeXml(/<Company>([^<]*)<\/Company>/.exec(opened.parts.get('docProps/app.xml')!)![1]!)).toBe(expected)
      expect(unescapeXml(/<dc:creator>([^<]*)<\/dc:creator>/.exec(opened.parts.get('docProps/core.xml')!)![1]!)).toBe(expected)
      for (const xml of [...opened.slides, ...opened.notes, opened.parts.get('docProps/core.xml')!]) {
        expect(xml).not.toContain('<script')
        expect(xml).not.toContain('<b>')
        expect(xml).not.toContain('<img')
        expect(xml).not.toContain('<!--')
      }
      if (text.includes('<script>')) expect(opened.slides[0]).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;')
    })
  }
})

describe('deck.pptx in Norwegian', () => {
  it('names the sections and writes the notes and properties in the deck language', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'showtell-pptx-nb-'))
    try {
      await writeFixturePictures(folder)
      const deck = demoLikeDeck(fixtureConfig('nb'))
      const opened = await open(await renderPptx(deck, { folder, themeCss: THEME_CSS }))
      const names = [...opened.parts.get('ppt/presentation.xml')!.matchAll(/<p14:section name="([^"]*)"/g)].map((m) => unescapeXml(m[1]!))
      expect(names[0]).toBe('Åpning (2 min)')
      expect(names[3]).toBe('Hovedpunkter (10 min)')
      expect(names.at(-1)).toBe('Vedlegg')
      expect(names.join(' ')).not.toMatch(/Opening|Key points|Appendix/)
      const notes = notesText(opened.notes[2]!)
      expect(notes.startsWith(deck.slides[2]!.budgetLine)).toBe(true)
      expect(deck.slides[2]!.budgetLine).toMatch(/Åpning/)
      expect(opened.parts.get('docProps/core.xml')).toContain('<dc:subject>Lederorientering tirsdag 8. desember 2026, 45 minutter</dc:subject>')
      expect(opened.slides[2]).toContain('lang="nb-NO"')
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

// ---- hand-made decks ----

const TOPIC = topicSchema.parse({
  id: 'pptx-check',
  title: 'PPTX check',
  summary: 'Text stays text.',
  why: ['Because.'],
  keyPoints: [{ title: 'One point', detail: 'Detail.', notes: 'Talk track.' }],
  demo: { focus: 'Accounts', platforms: ['x'], lookFor: ['Last post'] },
  exercise: { title: 'Exercise', steps: ['Step.'] },
  questions: ['Question?'],
})

type Fields = Omit<TimedSlide, 'index' | 'budgetSeconds' | 'positionInSegment' | 'segmentSlides' | 'segmentMinutes' | 'segmentTitle' | 'budgetLine'>

function timed(index: number, slide: Fields): TimedSlide {
  return { ...slide, index, budgetSeconds: 60, positionInSegment: index, segmentSlides: 1, segmentMinutes: 10, segmentTitle: 'Key points', budgetLine: `Budget 1:00 for slide ${index}.` }
}

function bulletSlide(index: number, title: string, bullets: string[]): TimedSlide {
  return timed(index, { kind: 'bullets', segment: 'key-points', title, bullets, notes: [] })
}

function oneSlideDeck(slides: TimedSlide[]): DeckModel {
  return {
    company: 'Testco',
    presenter: 'Presenter',
    footer: 'Footer',
    topic: TOPIC,
    date: '2026-12-08',
    duration: 45,
    theme: 'showtell',
    language: 'en',
    agenda: [{ id: 'key-points', title: 'Key points', minutes: 10, placeholder: false, slideCount: slides.length }] as unknown as DeckModel['agenda'],
    slides,
  }
}
