// Reads PDFs with a real PDF reader (pdf.js), as a user's viewer would.
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfSummary {
  readonly pages: number
  readonly outline: string[]
  /** The outline with one level below each entry (the appendix's accounts). */
  readonly outlineTree: { title: string; children: string[] }[]
  readonly info: Record<string, unknown>
  /** Text per page. */
  readonly text: string[]
  readonly pageSizes: { width: number; height: number }[]
}

export async function readPdf(path: string): Promise<PdfSummary> {
  const data = new Uint8Array(await readFile(path))
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise
  try {
    const items = (await doc.getOutline()) ?? []
    const outline = items.map((item) => item.title)
    const outlineTree = items.map((item) => ({ title: item.title, children: (item.items ?? []).map((child) => child.title) }))
    const meta = await doc.getMetadata()
    const text: string[] = []
    const pageSizes: { width: number; height: number }[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const [, , width = 0, height = 0] = page.view
      pageSizes.push({ width, height })
      const content = await page.getTextContent()
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    }
    return { pages: doc.numPages, outline, outlineTree, info: meta.info as Record<string, unknown>, text, pageSizes }
  } finally {
    await doc.destroy()
  }
}
