// deck.pptx opened by a reader we did not write: LibreOffice Impress,
// headless, converts it to PDF, and pdf.js reads that PDF. One page per slide,
// 16:9, each page holding its slide's title (and the big number and table
// cells where the slide has them); the notes pages hold each slide's budget
// line, then its notes; hostile titles come out as the same text.
// LibreOffice is installed by .ci/run and scripts/setup.sh
// (scripts/find-or-install-libreoffice.sh); without it this test fails.
import { execFile } from 'node:child_process'
import { access, mkdir, mkdtemp, rm, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeckModel, TimedSlide } from '../../src/deck/compose.js'
import { renderPptx } from '../../src/deck/pptx.js'
import { readPdf, type PdfSummary } from '../helpers/pdf.js'
import { CORPUS } from './hostile-corpus.js'
import { demoLikeDeck, writeFixturePictures } from './pptx-fixture.js'

const run = promisify(execFile)
const THEME_CSS = await readFile(new URL('../../templates/showtell.css', import.meta.url), 'utf8')

/** `soffice` on PATH or where LibreOffice installs it. */
async function findSoffice(): Promise<string> {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'soffice')),
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ]
  for (const candidate of candidates) {
    try {
      await access(candidate)
      return candidate
    } catch {
      // next
    }
  }
  throw new Error(
    'LibreOffice (soffice) is not installed, and this test needs it to open deck.pptx: install libreoffice-impress ' +
      '(apt-get install -y --no-install-recommends libreoffice-impress, or bash scripts/find-or-install-libreoffice.sh)',
  )
}

/** LibreOffice's PDF filter with only the notes pages: each slide small, its speaker notes under it. */
const NOTES_PAGES = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}'

/** Converts `file` to PDF (or `filter`) with a profile of its own, so that parallel runs do not share one. */
async function convertToPdf(soffice: string, file: string, outDir: string, filter = 'pdf'): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'showtell-lo-profile-'))
  try {
    await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file], { timeout: 80_000 })
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
  return join(outDir, file.split('/').at(-1)!.replace(/\.pptx$/, '.pdf'))
}

/**
 * Text with no whitespace at all: pdf.js gives each laid-out line as its own
 * item, so a line wrapped after a hyphen ("Two-" / "factor") would otherwise
 * read "Two- factor".
 */
function flat(text: string): string {
  return text.replace(/\s+/g, '')
}

describe('deck.pptx in LibreOffice Impress', () => {
  let dir: string
  let soffice: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'showtell-pptx-lo-'))
    soffice = await findSoffice()
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  describe('a composed demo-like deck', () => {
    let deck: DeckModel
    let pdf: PdfSummary
    let file: string

    beforeAll(async () => {
      const folder = join(dir, 'build')
      await mkdir(folder)
      await writeFixturePictures(folder)
      deck = demoLikeDeck()
      file = join(folder, 'deck.pptx')
      await writeFile(file, await renderPptx(deck, { folder, themeCss: THEME_CSS }))
      pdf = await readPdf(await convertToPdf(soffice, file, dir))
    })

    it("shows every slide's speaker notes, its budget line first, as LibreOffice's notes pages", async () => {
      const notesDir = join(dir, 'notes')
      await mkdir(notesDir)
      const notes = await readPdf(await convertToPdf(soffice, file, notesDir, NOTES_PAGES))
      expect(notes.pages).toBe(deck.slides.length)
      deck.slides.forEach((slide, i) => {
        const page = flat(notes.text[i]!)
        const first = slide.budgetLine || slide.notes[0]!
        expect(page, `notes page ${i + 1}`).toContain(flat(first))
        for (const note of slide.notes) expect(page, `notes page ${i + 1}`).toContain(flat(note))
        if (slide.budgetLine && slide.notes[0]) expect(page.indexOf(flat(slide.budgetLine))).toBeLessThan(page.indexOf(flat(slide.notes[0])))
      })
    })

    it('gives one 16:9 page per slide', () => {
      // Written out: the fixture has title, agenda, overview, account, chart, table, case, closing and appendix slides.
      expect(deck.slides).toHaveLength(18)
      expect(new Set(deck.slides.map((slide) => slide.kind)).size).toBeGreaterThanOrEqual(10)
      expect(pdf.pages).toBe(18)
      for (const size of pdf.pageSizes) expect(size.width / size.height).toBeCloseTo(16 / 9, 2)
    })

    it("holds each slide's title as text on its page", () => {
      deck.slides.forEach((slide, i) => {
        expect(flat(pdf.text[i]!), `page ${i + 1}`).toContain(flat(slide.title))
      })
    })

    it('holds the big number, its change, the table cells, the kicker and the page number as text', () => {
      const page = (n: number) => flat(pdf.text[n - 1]!)
      expect(page(5)).toContain(flat('12,400'))
      expect(page(5)).toContain(flat('▲ 312 since 2026-11-24'))
      expect(page(11)).toContain(flat('Two-factor login and a recovery owner.'))
      expect(page(2)).toContain(flat('Worst cases and mitigations'))
      expect(page(3)).toContain(flat('OPENING'))
      expect(page(3)).toContain(flat('3 / 18'))
    })
  })

  it('shows hostile titles as the same text', async () => {
    const picked = CORPUS.filter(([name]) => ['script tag', 'img onerror', 'inline HTML', 'comment terminators', 'HTML entities', 'template syntax'].includes(name))
    const slides: TimedSlide[] = picked.map(([, text], i) => ({
      kind: 'bullets',
      segment: 'key-points',
      title: text,
      bullets: [text],
      notes: [text],
      index: i + 1,
      budgetSeconds: 60,
      positionInSegment: i + 1,
      segmentSlides: picked.length,
      segmentMinutes: 10,
      segmentTitle: 'Key points',
      budgetLine: 'Budget 1:00.',
    }))
    const base = demoLikeDeck()
    const deck: DeckModel = { ...base, slides, agenda: base.agenda.filter((segment) => segment.id === 'key-points') }
    const folder = join(dir, 'hostile')
    await mkdir(folder)
    const file = join(folder, 'hostile.pptx')
    await writeFile(file, await renderPptx(deck, { folder, themeCss: THEME_CSS }))
    const pdf = await readPdf(await convertToPdf(soffice, file, folder))
    expect(pdf.pages).toBe(picked.length)
    picked.forEach(([name, text], i) => {
      expect(flat(pdf.text[i]!), name).toContain(flat(text))
    })
    expect(flat(pdf.text[0]!)).toContain('<script>alert("pwned")</script>')
  })
})
