// deck.pdf's properties and bookmarks as an incremental update
// (src/deck/pdf-update.ts), on PDFs real Chromium prints, read back by two
// readers we did not write: pdf.js (Mozilla's) and poppler's pdfinfo. The
// update keeps Chromium's bytes as they are; a PDF it cannot read (a
// cross-reference stream, a catalog with an outline already) is left to
// pdf-lib, with the same properties.
import { execFileSync } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { finishPdf } from '../../src/deck/export.js'
import { appendPropertiesAndOutline, pdfDate, pdfText, type PdfProperties } from '../../src/deck/pdf-update.js'
import { testBrowser } from '../helpers/browser.js'

const browser = testBrowser()
let printed: Uint8Array
let withOutline: Uint8Array
let dir: string

const PAGES = ['Opening', 'Key points', 'Appendix', 'LinkedIn']
const HTML = `<!DOCTYPE html><html lang="en"><head><title>raw</title><style>section{break-after:page;height:600px}</style></head><body>${PAGES.map((p) => `<section><h1>${p}</h1></section>`).join('')}</body></html>`

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'showtell-pdf-update-'))
  ;[printed, withOutline] = await browser.withPage(async (page) => {
    await page.setContent(HTML, { waitUntil: 'load' })
    return [await page.pdf({ width: '1280px', height: '720px' }), await page.pdf({ width: '1280px', height: '720px', outline: true, tagged: true })]
  })
}, 60_000)
afterAll(async () => {
  await browser.close()
})

const PROPS: PdfProperties = {
  title: 'Testco: Q3 (draft) \\ ) ( <b> ☃ 👍 «ø»',
  author: 'Comms team',
  subject: 'Executive briefing of Tuesday 24 November 2026, 45 minutes',
  keywords: ['showtell', 'executive briefing', 'policy', '2026-11-24'],
  creator: 'showtell',
  producer: 'showtell (Chromium)',
  date: new Date('2026-11-24T08:00:05Z'),
}

const OUTLINE = [
  { title: 'Opening · 3 min', pageIndex: 0 },
  { title: 'Key points · 12 min', pageIndex: 1 },
  { title: 'Appendix', pageIndex: 2, children: [{ title: 'Konto «1» (a)', pageIndex: 3 }, { title: 'Past the end', pageIndex: 9 }] },
  { title: 'Also past the end', pageIndex: 4 },
]

interface Read {
  readonly info: Record<string, unknown>
  /** Each entry: its title, the 0-based page its destination points at, and its children alike. */
  readonly outline: { title: string; page: number; count: number | undefined; children: { title: string; page: number }[] }[]
  readonly pages: number
}

async function readWithPdfJs(bytes: Uint8Array): Promise<Read> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise
  try {
    const pageOf = async (dest: unknown) => doc.getPageIndex((dest as [{ num: number; gen: number }])[0])
    const items = (await doc.getOutline()) ?? []
    const outline = []
    for (const item of items) {
      const children = []
      for (const child of item.items ?? []) children.push({ title: child.title, page: await pageOf(child.dest) })
      outline.push({ title: item.title, page: await pageOf(item.dest), count: item.count, children })
    }
    return { info: (await doc.getMetadata()).info as Record<string, unknown>, outline, pages: doc.numPages }
  } finally {
    await doc.destroy()
  }
}

/** poppler's pdfinfo, as `Key: value` pairs (it exits non-zero on a file it cannot read). */
async function pdfinfo(bytes: Uint8Array): Promise<Record<string, string>> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`)
  await writeFile(file, bytes)
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' })
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]))
}

const EXPECTED_OUTLINE = [
  { title: 'Opening · 3 min', page: 0, count: undefined, children: [] },
  { title: 'Key points · 12 min', page: 1, count: undefined, children: [] },
  // Folded: a negative count. The child past the last page is left out.
  { title: 'Appendix', page: 2, count: -1, children: [{ title: 'Konto «1» (a)', page: 3 }] },
]

describe('an incremental update of the PDF Chromium prints', () => {
  it('adds the properties and the bookmarks, each pointing at its page, and keeps Chromium’s bytes', async () => {
    const updated = appendPropertiesAndOutline(printed, PROPS, OUTLINE)
    expect(updated).toBeDefined()
    expect(Buffer.from(updated!.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true)
    const read = await readWithPdfJs(updated!)
    expect(read.pages).toBe(4)
    expect(read.info).toMatchObject({
      Title: 'Testco: Q3 (draft) \\ ) ( <b> ☃ 👍 «ø»',
      Author: 'Comms team',
      Subject: 'Executive briefing of Tuesday 24 November 2026, 45 minutes',
      Keywords: 'showtell executive briefing policy 2026-11-24',
      Creator: 'showtell',
      Producer: 'showtell (Chromium)',
      CreationDate: 'D:20261124080005Z',
      ModDate: 'D:20261124080005Z',
    })
    expect(read.outline).toEqual(EXPECTED_OUTLINE)
    const poppler = await pdfinfo(updated!)
    expect(poppler).toMatchObject({ Title: 'Testco: Q3 (draft) \\ ) ( <b> ☃ 👍 «ø»', Author: 'Comms team', Keywords: 'showtell executive briefing policy 2026-11-24', Pages: '4' })
  })

  it('writes text as UTF-16 hex and dates in UTC, whatever the characters', () => {
    expect(pdfText('A(')).toBe('<FEFF00410028>')
    // An emoji is two UTF-16 units, both written.
    expect(pdfText('👍')).toBe('<FEFFD83DDC4D>')
    expect(pdfDate(new Date('2026-01-02T03:04:05Z'))).toBe('(D:20260102030405Z)')
  })

  it('leaves a PDF it cannot read to pdf-lib: a cross-reference stream, or an outline already there', async () => {
    const rewritten = await (await PDFDocument.load(printed)).save({ useObjectStreams: true })
    expect(appendPropertiesAndOutline(rewritten, PROPS, OUTLINE)).toBeUndefined()
    expect(appendPropertiesAndOutline(withOutline, PROPS, OUTLINE)).toBeUndefined()
    expect(appendPropertiesAndOutline(new TextEncoder().encode('not a pdf'), PROPS, OUTLINE)).toBeUndefined()
    // Through the export's own finishing step, both still get the properties and bookmarks.
    for (const pdf of [rewritten, withOutline]) {
      const read = await readWithPdfJs(await finishPdf(pdf, PROPS, OUTLINE))
      expect(read.info).toMatchObject({ Title: PROPS.title, Author: 'Comms team', Producer: 'showtell (Chromium)' })
      expect(read.outline.map((item) => [item.title, item.page, item.children.map((c) => c.title)])).toEqual(EXPECTED_OUTLINE.map((item) => [item.title, item.page, item.children.map((c) => c.title)]))
    }
  })

  it('finishes a printed deck by the update, not by rewriting it', async () => {
    const finished = await finishPdf(printed, PROPS, OUTLINE)
    expect(Buffer.from(finished.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true)
    expect((await readWithPdfJs(finished)).outline).toEqual(EXPECTED_OUTLINE)
  })
})
