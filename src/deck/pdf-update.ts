// Owns deck.pdf's document properties and bookmarks, written as an
// incremental update (ISO 32000-1 §7.5.6) appended to the PDF Chromium prints.
//
// Why not a PDF library: pdf-lib parses every object of the file and writes
// it all again; for a 60-page deck that cost about a tenth of a second of
// every build (a cold parser), for a few hundred bytes of new objects. An
// update leaves Chromium's bytes as they are and appends a new document
// information dictionary, the outline, a new version of the catalog that
// points at it, and a cross-reference section with /Prev to Chromium's. Every
// reader applies it (pdf.js and poppler are checked in the tests).
//
// It reads only what it needs: the trailer, the classic cross-reference table
// Chromium (Skia) writes, the catalog and the page tree. Anything else (a
// cross-reference stream, objects inside object streams, a catalog that
// already has an outline) returns undefined, and the caller falls back to
// pdf-lib.

export interface PdfProperties {
  readonly title: string
  readonly author: string
  readonly subject: string
  readonly keywords: readonly string[]
  readonly creator: string
  readonly producer: string
  /** Creation and modification time. */
  readonly date: Date
}

export interface OutlineItem {
  readonly title: string
  /** 0-based. An item whose page the PDF does not have is left out. */
  readonly pageIndex: number
  /** One level below, shown folded. */
  readonly children?: readonly OutlineItem[]
}

interface Ref {
  readonly num: number
  readonly gen: number
}

const refText = (ref: Ref) => `${ref.num} ${ref.gen} R`

/** A text string as UTF-16BE hex with its byte-order mark: safe for any character, no escaping. */
export function pdfText(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

/** D:YYYYMMDDHHmmSSZ, in UTC. */
export function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`
}

/** The PDF's bytes as one character per byte, so offsets in the text are offsets in the file. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/** Object offsets from a classic cross-reference table at `at`, and the trailer after it; undefined for anything else. */
function readXref(text: string, at: number): { offsets: Map<number, { offset: number; gen: number }>; trailer: string } | undefined {
  if (!text.startsWith('xref', at)) return undefined
  const offsets = new Map<number, { offset: number; gen: number }>()
  const section = /\s*(\d+)\s+(\d+)\s*/y
  let pos = at + 4
  for (;;) {
    section.lastIndex = pos
    const head = section.exec(text)
    if (!head) break
    const first = Number(head[1])
    const count = Number(head[2])
    pos = section.lastIndex
    const entry = /(\d{10}) (\d{5}) ([nf])\s*/y
    for (let i = 0; i < count; i++) {
      entry.lastIndex = pos
      const m = entry.exec(text)
      if (!m) return undefined
      if (m[3] === 'n') offsets.set(first + i, { offset: Number(m[1]), gen: Number(m[2]) })
      pos = entry.lastIndex
    }
  }
  if (!text.startsWith('trailer', pos)) return undefined
  const end = text.indexOf('startxref', pos)
  if (end < 0) return undefined
  return { offsets, trailer: text.slice(pos + 7, end) }
}

function refIn(dict: string, key: string): Ref | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict)
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : undefined
}

/** The text between `N G obj` and `endobj` of an uncompressed object; undefined when the table does not place it. */
function objectBody(text: string, offsets: Map<number, { offset: number; gen: number }>, ref: Ref): string | undefined {
  const at = offsets.get(ref.num)
  if (!at || at.gen !== ref.gen) return undefined
  const head = new RegExp(`${ref.num}\\s+${ref.gen}\\s+obj`, 'y')
  head.lastIndex = at.offset
  if (!head.test(text)) return undefined
  const end = text.indexOf('endobj', head.lastIndex)
  return end < 0 ? undefined : text.slice(head.lastIndex, end).trim()
}

/** The pages in order, walking the page tree; undefined if a node cannot be read or the tree loops. */
function pageRefs(text: string, offsets: Map<number, { offset: number; gen: number }>, root: Ref): Ref[] | undefined {
  const pages: Ref[] = []
  const seen = new Set<number>()
  const walk = (node: Ref): boolean => {
    if (seen.has(node.num)) return false
    seen.add(node.num)
    const body = objectBody(text, offsets, node)
    if (body === undefined || !body.startsWith('<<')) return false
    if (!/\/Type\s*\/Pages\b/.test(body)) {
      pages.push(node)
      return true
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)
    if (!kids) return false
    for (const m of kids[1]!.matchAll(/(\d+)\s+(\d+)\s+R/g)) if (!walk({ num: Number(m[1]), gen: Number(m[2]) })) return false
    return true
  }
  return walk(root) ? pages : undefined
}

/**
 * The PDF with the properties and the outline appended as an incremental
 * update, or undefined when its structure is not the one this reads (the
 * caller then uses a full PDF library).
 */
export function appendPropertiesAndOutline(raw: Uint8Array, properties: PdfProperties, outline: readonly OutlineItem[]): Uint8Array | undefined {
  const text = latin1(raw)
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64))
  if (!start) return undefined
  const prev = Number(start[1])
  const xref = readXref(text, prev)
  if (!xref) return undefined
  const size = /\/Size\s+(\d+)/.exec(xref.trailer)
  const rootRef = refIn(xref.trailer, 'Root')
  // An encrypted file's new strings would need its key; not ours to write.
  if (!size || !rootRef || /\/Encrypt\b/.test(xref.trailer)) return undefined
  const catalog = objectBody(text, xref.offsets, rootRef)
  if (catalog === undefined || !catalog.startsWith('<<') || !catalog.endsWith('>>') || /\/(Outlines|PageMode)\b/.test(catalog)) return undefined
  const pagesRef = refIn(catalog, 'Pages')
  const pages = pagesRef && pageRefs(text, xref.offsets, pagesRef)
  if (!pages) return undefined

  // New objects are numbered from the old /Size on.
  let next = Number(size[1])
  const objects: { num: number; gen: number; body: string }[] = []
  const add = (body: string): Ref => {
    const ref = { num: next++, gen: 0 }
    objects.push({ ...ref, body })
    return ref
  }
  const date = pdfDate(properties.date)
  const info = add(
    `<< /Title ${pdfText(properties.title)} /Author ${pdfText(properties.author)} /Subject ${pdfText(properties.subject)} /Keywords ${pdfText(properties.keywords.join(' '))} /Creator ${pdfText(properties.creator)} /Producer ${pdfText(properties.producer)} /CreationDate ${date} /ModDate ${date} >>`,
  )
  const onPages = (items: readonly OutlineItem[]): OutlineItem[] =>
    items.filter((item) => item.pageIndex >= 0 && item.pageIndex < pages.length).map((item) => ({ ...item, children: onPages(item.children ?? []) }))
  const items = onPages(outline)
  let extra = ''
  if (items.length > 0) {
    // Numbers are taken before bodies are written, so siblings can name each other.
    const reserve = (): Ref => ({ num: next++, gen: 0 })
    const outlines = reserve()
    const level = (list: readonly OutlineItem[], parent: Ref): Ref[] => {
      const refs = list.map(() => reserve())
      list.forEach((item, i) => {
        const kids = item.children && item.children.length > 0 ? level(item.children, refs[i]!) : []
        const entries = [
          `/Title ${pdfText(item.title)}`,
          `/Parent ${refText(parent)}`,
          `/Dest [${refText(pages[item.pageIndex]!)} /XYZ null null null]`,
          ...(i > 0 ? [`/Prev ${refText(refs[i - 1]!)}`] : []),
          ...(i < list.length - 1 ? [`/Next ${refText(refs[i + 1]!)}`] : []),
          // A negative count: the children are there but folded away.
          ...(kids.length > 0 ? [`/First ${refText(kids[0]!)}`, `/Last ${refText(kids[kids.length - 1]!)}`, `/Count -${kids.length}`] : []),
        ]
        objects.push({ ...refs[i]!, body: `<< ${entries.join(' ')} >>` })
      })
      return refs
    }
    const top = level(items, outlines)
    objects.push({ ...outlines, body: `<< /Type /Outlines /First ${refText(top[0]!)} /Last ${refText(top[top.length - 1]!)} /Count ${top.length} >>` })
    extra = ` /Outlines ${refText(outlines)} /PageMode /UseOutlines`
  }
  // The catalog again, under its own number: what it had, the outline, and the
  // title (not the file name) in the reader's title bar (Chromium asks for that itself).
  const titleBar = /\/ViewerPreferences\b/.test(catalog) ? '' : ' /ViewerPreferences << /DisplayDocTitle true >>'
  const updated = [{ ...rootRef, body: `${catalog.slice(0, -2).trimEnd()}${extra}${titleBar} >>` }, ...objects.sort((a, b) => a.num - b.num)]

  let out = text.endsWith('\n') ? '' : '\n'
  let offset = raw.byteLength + out.length
  const placed = new Map<number, number>()
  for (const object of updated) {
    const chunk = `${object.num} ${object.gen} obj\n${object.body}\nendobj\n`
    placed.set(object.num, offset)
    out += chunk
    offset += chunk.length
  }
  // One subsection per run of consecutive numbers; each entry exactly 20 bytes.
  const nums = [...placed.keys()].sort((a, b) => a - b)
  let table = 'xref\n'
  for (let i = 0; i < nums.length; ) {
    let j = i
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++
    table += `${nums[i]} ${j - i + 1}\n`
    for (let k = i; k <= j; k++) {
      const gen = nums[k] === rootRef.num ? rootRef.gen : 0
      table += `${String(placed.get(nums[k]!)).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`
    }
    i = j + 1
  }
  const id = /\/ID\s*\[[^\]]*\]/.exec(xref.trailer)?.[0]
  table += `trailer\n<< /Size ${next} /Root ${refText(rootRef)} /Info ${refText(info)} /Prev ${prev}${id ? ` ${id}` : ''} >>\nstartxref\n${offset}\n%%EOF\n`
  out += table
  // Every character written is ASCII, so latin1 is byte for byte.
  return Buffer.concat([Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), Buffer.from(out, 'latin1')])
}
