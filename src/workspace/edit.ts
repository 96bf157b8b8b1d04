// Owns editing showtell.yaml in place for `schedule pin/unpin/skip/unskip`.
// The yaml Document API finds the node to change; the change is spliced into
// the original text, so every other byte (comments, key order, quoting,
// spacing) stays exactly as the team wrote it.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'

type Path = readonly [string, string]

/** The file's own line ending, so inserted lines match it. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

function parse(text: string): Document {
  return parseDocument(text, { lineCounter: new LineCounter(), keepSourceTokens: false })
}

/** Sets `rotation.pins[date] = topic`. */
export function setPin(text: string, date: string, topic: string): string {
  return setMapEntry(text, ['rotation', 'pins'], date, topic)
}

/** Removes `rotation.pins[date]`; the text is unchanged when there is none. */
export function removePin(text: string, date: string): string {
  return removeMapEntry(text, ['rotation', 'pins'], date)
}

/** Adds `date` to `meeting.skip` (once). */
export function addSkip(text: string, date: string): string {
  return addSeqItem(text, ['meeting', 'skip'], date)
}

/** Removes `date` from `meeting.skip`. */
export function removeSkip(text: string, date: string): string {
  return removeSeqItem(text, ['meeting', 'skip'], date)
}

function setMapEntry(text: string, path: Path, key: string, value: string): string {
  const doc = parse(text)
  const node = doc.getIn(path, true) as Node | undefined
  if (node === undefined || (isScalar(node) && node.value === null)) return insertChild(text, doc, path, `{ ${key}: ${value} }`, node)
  if (!isMap(node)) throw new Error(`${path.join('.')} is not a map`)
  const existing = node.items.find((pair) => keyOf(pair) === key)
  if (existing && existing.value && (existing.value as Node).range) {
    const [start, end] = (existing.value as Node).range!
    return splice(text, start, end, value)
  }
  if (node.flow) return rewriteFlow(text, node, [...node.items.map((p) => pairText(text, p)), `${key}: ${value}`], '{', '}')
  return appendBlockLine(text, node, `${key}: ${value}`)
}

function removeMapEntry(text: string, path: Path, key: string): string {
  const doc = parse(text)
  const node = doc.getIn(path, true) as Node | undefined
  if (!isMap(node)) return text
  const pair = node.items.find((p) => keyOf(p) === key)
  if (!pair) return text
  if (node.flow) {
    const rest = node.items.filter((p) => p !== pair).map((p) => pairText(text, p))
    return rewriteFlow(text, node, rest, '{', '}')
  }
  return emptyToFlow(removeLines(text, (pair.key as Node).range![0], ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[1]), path, '{}')
}

/** A block collection whose last item went would read as null: write `{}` / `[]`. */
function emptyToFlow(text: string, path: Path, empty: '{}' | '[]'): string {
  const doc = parse(text)
  const node = doc.getIn(path, true) as Node | undefined
  return isScalar(node) && node.value === null ? insertChild(text, doc, path, empty, node) : text
}

function addSeqItem(text: string, path: Path, item: string): string {
  const doc = parse(text)
  const node = doc.getIn(path, true) as Node | undefined
  if (node === undefined || (isScalar(node) && node.value === null)) return insertChild(text, doc, path, `[${item}]`, node)
  if (!isSeq(node)) throw new Error(`${path.join('.')} is not a list`)
  if (node.items.some((n) => isScalar(n) && String(n.value) === item)) return text
  if (node.flow) return rewriteFlow(text, node, [...node.items.map((n) => scalarText(text, n as Node)), item], '[', ']')
  return appendBlockLine(text, node, `- ${item}`)
}

function removeSeqItem(text: string, path: Path, item: string): string {
  const doc = parse(text)
  const node = doc.getIn(path, true) as Node | undefined
  if (!isSeq(node)) return text
  const target = node.items.find((n) => isScalar(n) && String(n.value) === item) as Node | undefined
  if (!target) return text
  if (node.flow) return rewriteFlow(text, node, node.items.filter((n) => n !== target).map((n) => scalarText(text, n as Node)), '[', ']')
  // The line holds "- item": remove it whole.
  return emptyToFlow(removeLines(text, target.range![0], target.range![1]), path, '[]')
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
}

/** `key: value` with both exactly as written (quotes and all). */
function pairText(text: string, pair: Pair): string {
  return `${scalarText(text, pair.key as Node)}: ${scalarText(text, pair.value as Node)}`
}

/** The item exactly as written (quotes and all). */
function scalarText(text: string, node: Node): string {
  return text.slice(node.range![0], node.range![1]).trim()
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end)
}

/** Rewrites a flow collection `{ a: 1 }` / `[a, b]`, keeping its inner padding style. */
function rewriteFlow(text: string, node: YAMLMap | YAMLSeq, items: string[], open: string, close: string): string {
  const [start, end] = node.range!
  const original = text.slice(start, end)
  const padded = original.startsWith(`${open} `) || (original === `${open}${close}` && open === '{')
  const body = items.join(', ')
  const replacement = items.length === 0 ? `${open}${close}` : padded ? `${open} ${body} ${close}` : `${open}${body}${close}`
  return splice(text, start, start + original.trimEnd().length, replacement)
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset)
  return i === -1 ? text.length : i + 1
}

/** Adds a line after the last item of a block collection, at the items' indent. */
function appendBlockLine(text: string, node: YAMLMap | YAMLSeq, line: string): string {
  const first = node.items[0] as Pair | Node
  const firstOffset = isPair(first) ? (first.key as Node).range![0] : (first as Node).range![0]
  const indent = firstOffset - lineStart(text, firstOffset)
  // For "- item" sequences the dash sits before the item.
  const lead = isSeq(node) ? Math.max(0, indent - 2) : indent
  const last = node.items[node.items.length - 1] as Pair | Node
  const lastNode = (isPair(last) ? (last.value ?? last.key) : last) as Node
  const at = lineEnd(text, lastNode.range![1] - 1)
  const eol = eolOf(text)
  const prefix = at === text.length && !text.endsWith('\n') ? eol : ''
  return text.slice(0, at) + prefix + ' '.repeat(lead) + line + eol + text.slice(at)
}

function removeLines(text: string, start: number, end: number): string {
  return text.slice(0, lineStart(text, start)) + text.slice(lineEnd(text, Math.max(start, end - 1)))
}

/**
 * Adds `child: value` under the parent map (creating the parent at the end of
 * the file when it is missing), or fills an empty `child:`.
 */
function insertChild(text: string, doc: Document, path: Path, value: string, empty: Node | undefined): string {
  const [parentKey, childKey] = path
  if (empty && isScalar(empty)) {
    // `pins:` with nothing after it: put the value after the colon.
    const pair = (doc.getIn([parentKey], true) as YAMLMap).items.find((p) => keyOf(p) === childKey)!
    const keyEnd = (pair.key as Node).range![1]
    const colon = text.indexOf(':', keyEnd)
    let end = lineEnd(text, colon)
    if (text[end - 1] === '\n') end -= 1
    if (text[end - 1] === '\r') end -= 1
    const comment = text.slice(colon + 1, end).match(/\s+#.*$/)?.[0] ?? ''
    return text.slice(0, colon + 1) + ` ${value}${comment}` + text.slice(end)
  }
  const parent = doc.getIn([parentKey], true) as Node | undefined
  if (isMap(parent) && !parent.flow && parent.items.length > 0) return appendBlockLine(text, parent, `${childKey}: ${value}`)
  if (isMap(parent) && parent.flow) {
    const items = parent.items.map((p) => pairText(text, p))
    return rewriteFlow(text, parent, [...items, `${childKey}: ${value}`], '{', '}')
  }
  const eol = eolOf(text)
  const base = text.length === 0 || text.endsWith('\n') ? text : `${text}${eol}`
  return `${base}${parentKey}:${eol}  ${childKey}: ${value}${eol}`
}
