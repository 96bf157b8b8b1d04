// Owns deck.pptx: an editable PowerPoint written from the deck model with
// pptxgenjs, not from pictures of the slides. Every title, lead, bullet, big
// number and change is a text box, tables are native tables, screenshots and
// charts are pictures. The layout follows the HTML theme's (templates/
// showtell.css), measured in the same CSS pixels of a 1280×720 slide: 96 px
// are an inch, a 28 px font is 21 pt. Colours and fonts come from the theme's
// CSS through pptx-theme.ts.
//
// Each slide's speaker notes are its budget line, then its notes, as in
// deck.html; each agenda segment is a PowerPoint section (named as the PDF's
// bookmark, "Key points (8 min)"), and the appendix one more. The words come
// from the deck's catalogue.
//
// Fitting: the build has already split long lists and tables by measuring
// them in Chromium, so a slide's text fits the HTML's boxes. PowerPoint does
// not lay text out when it opens a file (its "shrink text on overflow" acts
// only once the text is edited), so here each box's text is estimated with
// generous character widths and its font made smaller until the estimate
// fits, and the box is also marked shrink-on-overflow for later edits. A word
// longer than its line (a URL, a handle) is broken by PowerPoint and
// LibreOffice themselves; the text is not changed for it.
//
// Pictures: only our own files in the build folder (snapshots/, charts/,
// audit/, as render.ts inlines them); one that is missing is left out and the
// slide keeps its text. Charts stay SVG: PowerPoint 2016 and later and
// LibreOffice (7.4 checked) draw the SVG itself, so there is no rasteriser to
// ship; pptxgenjs writes a placeholder PNG for older readers.
//
// Text goes in as text: pptxgenjs escapes XML; characters XML cannot hold at
// all (control characters, lone surrogates) are dropped first, or PowerPoint
// would refuse the whole file.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pptxgenjs from 'pptxgenjs'
import type * as Pptx from 'pptxgenjs'
import { ignoreMissing, unreadable } from '../data/missing.js'
import type { DeckModel, TimedSlide } from './compose.js'
import { pdfMeta } from './export.js'
import { langFor, type Lang } from './lang.js'
import { pptxTheme, type PptxTheme } from './pptx-theme.js'
import type { Tile } from './slide.js'

/** The slide in CSS pixels, as the theme lays it out. */
const SLIDE = { w: 1280, h: 720 } as const
const PAD = { top: 96, side: 72, bottom: 80 } as const

// pptxgenjs's types describe its CommonJS build (the class as `default`); Node
// loads its ES build, whose default export is the class itself.
const Presentation = ((pptxgenjs as unknown as { default?: unknown }).default ?? pptxgenjs) as unknown as typeof Pptx.default.default

type Slide = Pptx.default.Slide
type TextRun = Pptx.default.TextProps

/** A paragraph in CSS pixels. */
interface Para {
  readonly text: string
  readonly size: number
  readonly color: string
  readonly bold?: boolean
  readonly bullet?: true | { readonly start: number }
  /** Space after the paragraph. */
  readonly after?: number
  readonly font?: string
}

/** A box of paragraphs and how it looks. */
interface Block {
  readonly paras: readonly Para[]
  readonly lineHeight: number
  readonly fill?: string
  /** A bar on the left, as the theme's blockquote. */
  readonly bar?: string
  /** Inner padding, px: [vertical, horizontal]. */
  readonly pad?: readonly [number, number]
  readonly align?: 'left' | 'center' | 'right'
  readonly name?: string
}

interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

interface Picture {
  readonly data: string
  /** Pixel size, for keeping the aspect ratio. */
  readonly w: number
  readonly h: number
}

interface Context {
  readonly deck: DeckModel
  readonly lang: Lang
  readonly theme: PptxTheme
  readonly pictures: ReadonlyMap<string, Picture>
  readonly total: number
}

export async function renderPptx(deck: DeckModel, options: { readonly folder: string; readonly themeCss: string }): Promise<Buffer> {
  const lang = langFor(deck.language || undefined)
  const theme = pptxTheme(options.themeCss)
  const pictures = await loadPictures(deck, options.folder)
  const pptx = new Presentation()
  pptx.layout = 'LAYOUT_WIDE'
  const meta = pdfMeta(deck)
  pptx.title = clean(meta.title)
  pptx.author = clean(meta.author)
  pptx.subject = clean(meta.subject)
  // pptxgenjs 4.0.1 writes the company into docProps/app.xml without escaping it
  // (it escapes title, subject and author): a name with `<` or `&` would make the
  // file unreadable. The test of hostile text checks it reads back as written.
  pptx.company = escapeXml(clean(deck.company))
  pptx.theme = { headFontFace: theme.font, bodyFontFace: theme.font }

  // One section per agenda segment that has slides, in the agenda's order, then the appendix.
  const sectionOf = new Map<string, string>()
  for (const segment of deck.agenda) {
    if (!deck.slides.some((slide) => slide.segment === segment.id && !slide.appendix)) continue
    const title = clean(lang.say(lang.w.handout.segmentBookmark, { segment: segment.title, minutes: lang.count(segment.minutes) }))
    pptx.addSection({ title })
    sectionOf.set(segment.id, title)
  }
  const appendixTitle = clean(lang.w.common.appendix)
  if (deck.slides.some((slide) => slide.appendix)) pptx.addSection({ title: appendixTitle })

  const context: Context = { deck, lang, theme, pictures, total: deck.slides.length }
  for (const slide of deck.slides) {
    const sectionTitle = slide.appendix ? appendixTitle : sectionOf.get(slide.segment)
    const page = pptx.addSlide(sectionTitle ? { sectionTitle } : {})
    page.background = { color: theme.paper }
    drawSlide(page, slide, context)
    page.addNotes(cleanNotes([slide.budgetLine, ...slide.notes].filter((part) => part !== '').join('\n\n')))
  }
  const out = await pptx.write({ outputType: 'nodebuffer', compression: true })
  return Buffer.isBuffer(out) ? out : Buffer.from(out as Uint8Array)
}

// ---- slides ----

function drawSlide(page: Slide, slide: TimedSlide, c: Context): void {
  drawChrome(page, slide, c)
  const t = c.theme
  const content: Box = { x: PAD.side, y: PAD.top, w: SLIDE.w - 2 * PAD.side, h: SLIDE.h - PAD.top - PAD.bottom }
  const title = (size: number, color = t.ink, after = 28): Block => ({ paras: [{ text: slide.title, size, color, bold: true, after }], lineHeight: 1.15, name: 'Title' })
  const text = (value: string | undefined, size: number, color = t.ink, after = 18): Block | undefined =>
    value ? { paras: [{ text: value, size, color, after }], lineHeight: 1.35 } : undefined
  const bullets = (size: number, after: number): Block | undefined => {
    const items = slide.bullets ?? []
    if (items.length === 0) return undefined
    return {
      paras: items.map((item, i) => ({ text: item, size, color: t.ink, after, bullet: slide.numbered ? { start: (slide.start ?? 1) + i } : true })),
      lineHeight: 1.35,
    }
  }
  const quote = (value: string | undefined, size: number, pad: readonly [number, number]): Block | undefined =>
    value ? { paras: [{ text: value, size, color: t.ink, bold: true }], lineHeight: 1.35, fill: t.accentSoft, bar: t.accent, pad } : undefined

  switch (slide.kind) {
    case 'title':
      return flow(page, c, { ...content, y: 72, h: SLIDE.h - 72 - PAD.bottom }, 'center', [
        title(64, t.ink, 24),
        text(slide.lead, 30, t.muted),
        slide.bullets?.length ? { paras: slide.bullets.map((line) => ({ text: line, size: 30, color: t.muted })), lineHeight: 1.35 } : undefined,
      ])
    case 'statement':
      return flow(page, c, { ...content, w: Math.min(content.w, 1136) }, 'center', [title(52, t.ink, 32), text(slide.lead, 32, t.muted)])
    case 'closing':
      return flow(page, c, content, 'center', [title(52), text(slide.lead, 32, t.muted)])
    case 'placeholder':
      return flow(page, c, content, 'center', [
        title(44, t.muted),
        text(slide.lead, 28),
        slide.command ? { paras: [{ text: slide.command, size: 25, color: t.ink, font: t.mono }], lineHeight: 1.35, fill: t.accentSoft, pad: [2, 8] } : undefined,
      ])
    case 'bullets':
      return flow(page, c, content, 'top', [title(44), text(slide.lead, 28), bullets(28, 14)])
    case 'case':
      return flow(page, c, content, 'top', [title(44), text(slide.lead, 28), quote(slide.callout, 28, [14, 24])])
    case 'table':
    case 'agenda':
      return drawTableSlide(page, slide, c, content)
    case 'chart':
      return drawChartSlide(page, slide, c, content)
    case 'account':
      return drawEvidenceSlide(page, slide, c, 0.6, [
        title(36, t.ink, 12),
        slide.figure ? { paras: [{ text: slide.figure, size: 84, color: slide.image ? t.ink : t.muted, bold: true, after: 12 }], lineHeight: 1, name: 'Figure' } : undefined,
        slide.change ? { paras: [{ text: slide.change, size: 28, color: t.accent, bold: true, after: 18 }], lineHeight: 1.35, name: 'Change' } : undefined,
        bullets(24, 8),
      ])
    case 'finding':
      return drawEvidenceSlide(page, slide, c, 0.55, [title(36, t.ink, 16), quote(slide.callout, 26, [10, 20]), text(slide.lead, 24, t.ink, 12), bullets(24, 6)])
    case 'overview':
      return drawOverview(page, slide, c)
  }
}

/** Kicker, footer and page number, where the HTML puts them. */
function drawChrome(page: Slide, slide: TimedSlide, c: Context): void {
  const t = c.theme
  // The evidence slides keep their header and footer beside the picture.
  const side = slide.kind === 'account' && slide.image && c.pictures.has(slide.image) ? 0.6 : slide.kind === 'finding' && slide.image && c.pictures.has(slide.image) ? 0.55 : 0
  const right = side ? SLIDE.w * side + 24 : PAD.side
  // Both may take two lines beside a screenshot, as the HTML's do, and are made smaller past that.
  if (slide.kicker) {
    const box: Box = { x: PAD.side, y: 36, w: SLIDE.w - PAD.side - right, h: 52 }
    const block: Block = { paras: [{ text: slide.kicker.toUpperCase(), size: 20, color: t.accent, bold: true }], lineHeight: 1.2, name: 'Kicker' }
    addBlock(page, c, box, block, fitScale((s) => blockHeight(scaled(block, s), box.w), box.h), 'top')
  }
  const footer = footerOf(slide, c)
  if (footer) {
    const box: Box = { x: PAD.side, y: SLIDE.h - 28 - 48, w: SLIDE.w - PAD.side - (side ? right : 180), h: 48 }
    const block: Block = { paras: [{ text: footer, size: 18, color: t.muted }], lineHeight: 1.3, name: 'Footer' }
    addBlock(page, c, box, block, fitScale((s) => blockHeight(scaled(block, s), box.w), box.h), 'bottom')
  }
  if (slide.kind !== 'title') {
    addBlock(page, c, { x: SLIDE.w - PAD.side - 120, y: SLIDE.h - 28 - 25, w: 120, h: 25 }, {
      paras: [{ text: `${slide.index} / ${c.total}`, size: 18, color: t.muted }],
      lineHeight: 1.35,
      align: 'right',
      name: 'Page number',
    }, 1, 'bottom')
  }
}

/** The footer the HTML shows: the slide's own (caption, source) on the kinds that set one, else the deck's. */
function footerOf(slide: TimedSlide, c: Context): string | undefined {
  switch (slide.kind) {
    case 'account':
    case 'chart':
    case 'finding':
      return slide.caption || undefined
    case 'case':
      return slide.source ? c.lang.say(c.lang.w.common.source, { source: slide.source }) : c.deck.footer
    default:
      return c.deck.footer
  }
}

function drawTableSlide(page: Slide, slide: TimedSlide, c: Context, content: Box): void {
  const t = c.theme
  const agenda = slide.kind === 'agenda'
  const titleSize = agenda ? 40 : 44
  const titleAfter = agenda ? 12 : 28
  const table = slide.table ?? { header: ['', ''] as const, rows: [] }
  const colW = agenda ? [content.w * 0.7, content.w * 0.3] : [content.w / 2, content.w / 2]
  const padY = agenda ? 4 : 10
  const lineHeight = agenda ? 1.2 : 1.3
  const rowHeight = (cells: readonly string[], size: number, bold: boolean, pad: number) =>
    Math.max(...cells.map((cell, i) => lines(cell, colW[i]! - 24, size, bold) * size * lineHeight)) + 2 * pad
  const heightAt = (scale: number) => {
    const size = 24 * scale
    const titleH = blockHeight({ paras: [{ text: slide.title, size: titleSize * scale, color: t.ink, bold: true }], lineHeight: 1.15 }, content.w)
    const body = rowHeight(table.header, size, true, 8 * scale) + table.rows.reduce((sum, row) => sum + rowHeight(row, size, false, padY * scale), 0)
    return { titleH, total: titleH + titleAfter * scale + body }
  }
  const scale = fitScale((s) => heightAt(s).total, content.h)
  const { titleH } = heightAt(scale)
  addBlock(page, c, { ...content, h: titleH }, { paras: [{ text: slide.title, size: titleSize * scale, color: t.ink, bold: true }], lineHeight: 1.15, name: 'Title' }, 1, 'top')
  const size = 24 * scale
  const border = (bottom: { color: string; pt: number }): [Pptx.default.BorderProps, Pptx.default.BorderProps, Pptx.default.BorderProps, Pptx.default.BorderProps] => [
    { type: 'none' },
    { type: 'none' },
    { type: 'solid', color: bottom.color, pt: bottom.pt },
    { type: 'none' },
  ]
  const cell = (value: string, i: number, header: boolean): Pptx.default.TableCell => ({
    text: clean(value),
    options: {
      fontSize: pt(size),
      fontFace: t.font,
      color: header ? t.muted : t.ink,
      bold: header,
      align: agenda && i === 1 ? 'right' : 'left',
      valign: 'top',
      border: header ? border({ color: t.accent, pt: 2.25 }) : border({ color: t.rule, pt: 0.75 }),
      margin: [inches((header ? 8 : padY) * scale), inches(12), inches((header ? 8 : padY) * scale), i === 0 ? 0 : inches(12)],
      lang: c.lang.locale,
    },
  })
  const rows: Pptx.default.TableRow[] = [table.header.map((value, i) => cell(value, i, true)), ...table.rows.map((row) => row.map((value, i) => cell(value, i, false)))]
  page.addTable(rows, {
    x: inches(content.x),
    y: inches(content.y + titleH + titleAfter * scale),
    w: inches(content.w),
    colW: colW.map(inches),
    autoPage: false,
    objectName: 'Table',
  })
}

function drawChartSlide(page: Slide, slide: TimedSlide, c: Context, content: Box): void {
  const titleBlock: Block = { paras: [{ text: slide.title, size: 44, color: c.theme.ink, bold: true, after: 28 }], lineHeight: 1.15, name: 'Title' }
  const picture = slide.image ? c.pictures.get(slide.image) : undefined
  const titleH = Math.min(blockHeight(titleBlock, content.w), 160)
  addBlock(page, c, { ...content, h: titleH }, titleBlock, fitScale((s) => blockHeight(scaled(titleBlock, s), content.w), titleH), 'top')
  if (!picture) return
  const top = content.y + titleH
  const box: Box = { x: content.x + (content.w - 960) / 2, y: top, w: 960, h: Math.min(460, content.y + content.h - top) }
  addPicture(page, picture, box, 'Chart')
}

/** Account and finding slides: the screenshot on the right (`share` of the width), the text on the left. */
function drawEvidenceSlide(page: Slide, slide: TimedSlide, c: Context, share: number, blocks: readonly (Block | undefined)[]): void {
  const picture = slide.image ? c.pictures.get(slide.image) : undefined
  const right = picture ? SLIDE.w * share + 24 : PAD.side
  const box: Box = { x: PAD.side, y: 88, w: SLIDE.w - PAD.side - right, h: SLIDE.h - 88 - PAD.bottom }
  if (picture) addPicture(page, picture, { x: SLIDE.w * (1 - share), y: 0, w: SLIDE.w * share, h: SLIDE.h }, 'Screenshot')
  flow(page, c, box, 'top', blocks)
}

/** The here-and-now overview: three tiles a row, each a small screenshot, the name, the number, the change and status. */
function drawOverview(page: Slide, slide: TimedSlide, c: Context): void {
  const t = c.theme
  const tiles = slide.tiles ?? []
  const content: Box = { x: PAD.side, y: 88, w: SLIDE.w - 2 * PAD.side, h: SLIDE.h - 88 - 60 }
  const titleBlock: Block = { paras: [{ text: slide.title, size: 36, color: t.ink, bold: true }], lineHeight: 1.15, name: 'Title' }
  const titleH = Math.min(blockHeight(titleBlock, content.w), 90)
  addBlock(page, c, { ...content, h: titleH }, titleBlock, fitScale((s) => blockHeight(scaled(titleBlock, s), content.w), titleH), 'top')
  const size = tiles.length <= 3 ? 'large' : tiles.length <= 6 ? 'medium' : 'small'
  const gap = { x: 20, y: 12 }
  const colW = (content.w - 2 * gap.x) / 3
  const rowsCount = Math.max(1, Math.ceil(tiles.length / 3))
  const top = content.y + titleH + 16
  const rowH = (content.y + content.h - top - gap.y * (rowsCount - 1)) / rowsCount
  tiles.forEach((tile, i) => {
    const cell: Box = { x: content.x + (i % 3) * (colW + gap.x), y: top + Math.floor(i / 3) * (rowH + gap.y), w: colW, h: rowH }
    drawTile(page, tile, cell, size, c)
  })
}

function drawTile(page: Slide, tile: Tile, cell: Box, size: 'large' | 'medium' | 'small', c: Context): void {
  const t = c.theme
  const picture = tile.image ? c.pictures.get(tile.image) : undefined
  let textBox: Box = cell
  if (size === 'small') {
    if (picture) addCover(page, picture, { x: cell.x, y: cell.y, w: 92, h: Math.min(110, cell.h) }, c)
    textBox = { x: cell.x + 104, y: cell.y, w: cell.w - 104, h: cell.h }
  } else if (picture) {
    // Without a picture the text starts at the tile's top, as in the HTML.
    const imageH = Math.min(size === 'large' ? 300 : 110, cell.h * 0.6)
    addCover(page, picture, { x: cell.x, y: cell.y, w: cell.w, h: imageH }, c)
    const below = imageH + (size === 'large' ? 8 : 6)
    textBox = { x: cell.x, y: cell.y + below, w: cell.w, h: cell.h - below }
  }
  const block: Block = {
    paras: [
      { text: tile.name, size: 24, color: t.accent, bold: true },
      { text: tile.figure, size: 24, color: t.ink },
      ...(tile.change || tile.status ? [{ text: [tile.change, tile.status].filter(Boolean).join(' · '), size: 24, color: t.ink }] : []),
    ],
    lineHeight: 1.15,
    name: 'Tile',
  }
  addBlock(page, c, textBox, block, fitScale((s) => blockHeight(scaled(block, s), textBox.w), textBox.h), 'top')
}

// ---- layout ----

/**
 * Stacks `blocks` in `box` from the top (or centred, as `justify-content:
 * center`), all at one scale: the largest, down from 1, whose estimate fits.
 */
function flow(page: Slide, c: Context, box: Box, justify: 'top' | 'center', list: readonly (Block | undefined)[]): void {
  const blocks = list.filter((block): block is Block => block !== undefined)
  const heightAt = (scale: number) => blocks.reduce((sum, block) => sum + blockHeight(scaled(block, scale), box.w), 0)
  const scale = fitScale(heightAt, box.h)
  const total = heightAt(scale)
  let y = justify === 'center' ? box.y + (box.h - total) / 2 : box.y
  blocks.forEach((block, i) => {
    const s = scaled(block, scale)
    const full = blockHeight(s, box.w)
    const after = s.paras.at(-1)?.after ?? 0
    // The last box reaches down to the content's bottom, so that shrink-on-overflow has room after an
    // edit; not a filled one (a callout), whose fill would show the extra room.
    const h = i === blocks.length - 1 && justify === 'top' && !block.fill ? box.y + box.h - y : full - after
    addBlock(page, c, { x: box.x, y, w: box.w, h }, block, scale, 'top')
    y += full
  })
}

/** The largest scale, from 1 down to 0.4, at which `heightAt` fits in `room`. */
function fitScale(heightAt: (scale: number) => number, room: number): number {
  let scale = 1
  while (scale > 0.4 && heightAt(scale) > room) scale = Math.round((scale - 0.05) * 100) / 100
  return scale
}

function scaled(block: Block, scale: number): Block {
  if (scale === 1) return block
  return {
    ...block,
    paras: block.paras.map((para) => ({ ...para, size: para.size * scale, ...(para.after !== undefined ? { after: para.after * scale } : {}) })),
    ...(block.pad ? { pad: [block.pad[0] * scale, block.pad[1] * scale] as const } : {}),
  }
}

/** The estimated height of a block `width` wide, with the space after its last paragraph. */
function blockHeight(block: Block, width: number): number {
  const [padY, padX] = block.pad ?? [0, 0]
  const inner = width - 2 * padX - (block.bar ? 8 : 0)
  return block.paras.reduce((sum, para) => {
    const indent = para.bullet ? para.size * 1.4 : 0
    return sum + lines(para.text, inner - indent, para.size, para.bold === true) * para.size * block.lineHeight + (para.after ?? 0)
  }, 2 * padY)
}

/**
 * How many lines `text` takes in `width` px at `size` px: greedy word wrap
 * with generous widths (0.56 em a character, 0.6 bold, capitals a fifth
 * wider, wide scripts and emoji 1 em), so the estimate errs on the side of more lines. A word longer than
 * the line breaks where it must, as the readers do.
 */
function lines(text: string, width: number, size: number, bold: boolean): number {
  const em = bold ? 0.6 : 0.56
  const perLine = Math.max(1, width / (size * em))
  let count = 0
  for (const line of [clean(text)]) {
    let used = 0
    count += 1
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const length = [...word].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 1 / em : ch !== ch.toLowerCase() ? 1.2 : 1), 0)
      const needed = used === 0 ? length : used + 1 + length
      if (needed <= perLine) {
        used = needed
      } else if (length <= perLine) {
        count += 1
        used = length
      } else {
        // A long word starts on its own line and breaks inside.
        if (used > 0) count += 1
        count += Math.ceil(length / perLine) - 1
        used = length % perLine || perLine
      }
    }
  }
  return count
}

function addBlock(page: Slide, c: Context, box: Box, block: Block, scale: number, valign: 'top' | 'bottom'): void {
  const s = scaled(block, scale)
  const [padY, padX] = s.pad ?? [0, 0]
  if (s.bar) {
    page.addShape('rect', { x: inches(box.x), y: inches(box.y), w: inches(8), h: inches(box.h), fill: { color: s.bar }, line: { type: 'none' }, objectName: 'Callout bar' })
  }
  const runs: TextRun[] = s.paras.map((para, i) => ({
    text: clean(para.text),
    options: {
      fontSize: pt(para.size),
      fontFace: para.font ?? c.theme.font,
      color: para.color,
      bold: para.bold === true,
      lang: c.lang.locale,
      ...(i < s.paras.length - 1 ? { breakLine: true } : {}),
      // Space after a paragraph, but not after the box's last: the box ends there.
      ...(para.after && i < s.paras.length - 1 ? { paraSpaceAfter: pt(para.after) } : {}),
      ...(para.bullet === true ? { bullet: { indent: pt(para.size * 1.2) } } : {}),
      ...(typeof para.bullet === 'object' ? { bullet: { type: 'number' as const, numberStartAt: para.bullet.start, indent: pt(para.size * 1.4) } } : {}),
    },
  }))
  const left = box.x + (s.bar ? 8 : 0)
  page.addText(runs, {
    x: inches(left),
    y: inches(box.y),
    w: inches(box.w - (left - box.x)),
    h: inches(Math.max(box.h, 1)),
    margin: [pt(padY), pt(padX), pt(padY), pt(padX)],
    valign,
    align: s.align ?? 'left',
    // PowerPoint's line spacing "multiple" is of the font's own line (about 1.2 em): CSS's 1.35 is about 1.12 of it.
    lineSpacingMultiple: Math.round((s.lineHeight / 1.2) * 100) / 100,
    fit: 'shrink',
    wrap: true,
    ...(s.fill ? { fill: { color: s.fill } } : {}),
    ...(s.name ? { objectName: s.name } : {}),
  })
}

/** A picture inside `box`, whole and centred (object-fit: contain). */
function addPicture(page: Slide, picture: Picture, box: Box, name: string): void {
  const ratio = Math.min(box.w / picture.w, box.h / picture.h)
  const w = picture.w * ratio
  const h = picture.h * ratio
  page.addImage({ data: picture.data, x: inches(box.x + (box.w - w) / 2), y: inches(box.y + (box.h - h) / 2), w: inches(w), h: inches(h), objectName: name })
}

/** A thumbnail filling `box`, its top kept (object-fit: cover; object-position: top), framed in the rule colour. */
function addCover(page: Slide, picture: Picture, box: Box, c: Context): void {
  const shownH = (box.w / picture.w) * picture.h
  if (shownH < box.h) {
    addPicture(page, picture, box, 'Thumbnail')
  } else {
    page.addImage({
      data: picture.data,
      x: inches(box.x),
      y: inches(box.y),
      w: inches(box.w),
      h: inches(shownH),
      sizing: { type: 'crop', x: 0, y: 0, w: inches(box.w), h: inches(box.h) },
      objectName: 'Thumbnail',
    })
  }
  page.addShape('rect', { x: inches(box.x), y: inches(box.y), w: inches(box.w), h: inches(box.h), fill: { type: 'none' } as Pptx.default.ShapeFillProps, line: { color: c.theme.rule, width: 0.75 } })
}

// ---- pictures ----

/** Our own pictures, as render.ts inlines them: nothing else in the folder is read. */
const OWN_PICTURE = /^(?:snapshots|charts|audit)\/[a-z0-9][a-z0-9-]*\.(?:png|svg)$/

async function loadPictures(deck: DeckModel, folder: string): Promise<Map<string, Picture>> {
  const names = new Set<string>()
  for (const slide of deck.slides) {
    if (slide.image) names.add(slide.image)
    for (const tile of slide.tiles ?? []) if (tile.image) names.add(tile.image)
  }
  const pictures = new Map<string, Picture>()
  for (const name of names) {
    if (!OWN_PICTURE.test(name)) continue
    let bytes: Buffer | undefined
    try {
      bytes = await ignoreMissing(readFile(join(folder, name)))
    } catch (error) {
      throw unreadable(error, name, 'the picture')
    }
    if (!bytes) continue
    const svg = name.endsWith('.svg')
    const size = svg ? svgSize(bytes.toString('utf8')) : pngSize(bytes)
    // A file that is not the picture its name says is left out, as a missing one.
    if (!size) continue
    pictures.set(name, { data: `data:image/${svg ? 'svg+xml' : 'png'};base64,${bytes.toString('base64')}`, ...size })
  }
  return pictures
}

/** A PNG's pixel size from its IHDR chunk. */
function pngSize(bytes: Buffer): { w: number; h: number } | undefined {
  const signature = '89504e470d0a1a0a'
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined
  const w = bytes.readUInt32BE(16)
  const h = bytes.readUInt32BE(20)
  return w > 0 && h > 0 ? { w, h } : undefined
}

/** An SVG's size from its root's width and height, else its viewBox. */
function svgSize(text: string): { w: number; h: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0]
  if (!root) return undefined
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1]
  const w = Number.parseFloat(attr('width') ?? '')
  const h = Number.parseFloat(attr('height') ?? '')
  if (w > 0 && h > 0) return { w, h }
  const box = (attr('viewBox') ?? '').trim().split(/[\s,]+/).map(Number)
  return box.length === 4 && box[2]! > 0 && box[3]! > 0 ? { w: box[2]!, h: box[3]! } : undefined
}

// ---- units and text ----

function inches(px: number): number {
  return Math.round((px / 96) * 10000) / 10000
}

function pt(px: number): number {
  return Math.round(px * 0.75 * 10) / 10
}

/**
 * Slide text as the HTML shows it: whitespace runs (line ends too) are one
 * space, as escapeMarkdown makes them, and the characters XML cannot hold
 * are dropped. Everything else (markup, entities, bidi marks) stays as
 * written; pptxgenjs escapes it.
 */
function clean(text: string): string {
  return xmlSafe(text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ')).trim()
}

/** Notes keep their paragraphs: line ends as \n, the rest as clean(). */
function cleanNotes(text: string): string {
  return xmlSafe(text.replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n'))
}

/** Drops control characters (tab and line feed stay), lone surrogates and the two non-characters: XML 1.0 cannot hold them. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}
