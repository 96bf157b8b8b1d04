// Owns reading a YAML file into validated data while remembering where every
// value came from, so a schema error can name the file, the line and the field.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import type { z } from 'zod'
import { UserError } from '../errors.js'
import { formatPath } from './config-values.js'
import { LIMITS } from './limits.js'
import { readInputText, type ReadInputOptions } from './read-input.js'

export interface YamlSource {
  /** Path shown to the user (relative to the workspace where possible). */
  readonly displayPath: string
  readonly doc: Document
  readonly lines: LineCounter
}

export async function readYamlSource(path: string, displayPath: string, within?: ReadInputOptions['within']): Promise<YamlSource> {
  const text = await readInputText(path, { shown: displayPath, within, hintWhenMissing: 'run `showtell init` to create one, or pass --workspace DIR' })
  return parseYamlSource(text, displayPath)
}

export function parseYamlSource(text: string, displayPath: string): YamlSource {
  // Half a million open brackets exhaust the parser's memory and kill the
  // process before it can report anything: count them first.
  const deep = tooDeepAt(text, LIMITS.nesting)
  if (deep !== undefined) {
    throw new UserError(`nested more than ${LIMITS.nesting} levels deep`, {
      location: { file: displayPath, line: deep },
      hint: 'a real file needs a few levels: check the brackets on that line',
    })
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const problem = doc.errors[0]
  if (problem) {
    if (problem.code === 'DUPLICATE_KEY') {
      const path = pathAtOffset(doc.contents, problem.pos[0], [])
      throw new UserError(`duplicate key "${String(path.at(-1) ?? '')}": it appears twice in the same map`, {
        location: { file: displayPath, line: lines.linePos(problem.pos[0]).line, field: formatPath(path) || undefined },
        hint: 'keep one of them',
      })
    }
    // The parser notices a missing quote or bracket where it gives up, often
    // lines later; the user needs the line where it was opened.
    let line = lines.linePos(problem.pos[0]).line
    if (/call stack/i.test(problem.message)) {
      throw new UserError('nested too deeply for the YAML parser', {
        location: { file: displayPath, line },
        hint: 'a real file needs a few levels of indentation and lists: check that line',
      })
    }
    const opener = /quote/i.test(problem.message) ? /["']/ : /^Flow (sequence|map)/.test(problem.message) ? /[[{]/ : undefined
    if (opener) line = openingLine(text, line, opener) ?? line
    throw new UserError(`malformed YAML: ${firstLine(problem.message)}`, {
      location: { file: displayPath, line },
      hint: opener ? 'a quote or bracket opened on this line is never closed' : 'check the indentation and quoting on that line',
    })
  }
  return { displayPath, doc, lines }
}

/**
 * The line where `[`/`{` nesting first goes deeper than `max`, or undefined.
 * Brackets inside quotes and comments do not count; the count errs towards
 * low, which is safe: the parser itself handles the depths this lets through.
 */
function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0
  let line = 1
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\n') {
      line++
      if (quote === undefined) continue
    }
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = undefined
      continue
    }
    if (c === '"' || c === "'") {
      // Only a quote that opens a value starts a quoted scalar (not "it's").
      const before = text[i - 1]
      if (before === undefined || /[\s[{,:]/.test(before)) quote = c
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i)
      if (end === -1) break
      i = end - 1
    } else if (c === '[' || c === '{') {
      if (++depth > max) return line
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--
    }
  }
  return undefined
}

/** The last line at or before `line` where `opener` characters are left unbalanced. */
function openingLine(text: string, line: number, opener: RegExp): number | undefined {
  const all = text.split('\n')
  for (let i = Math.min(line, all.length) - 1; i >= 0; i--) {
    const content = (all[i] ?? '').replace(/\s#.*$/, '')
    if (opener.source.includes('"')) {
      for (const q of ['"', "'"]) if ((content.split(q).length - 1) % 2 === 1) return i + 1
    } else {
      const opens = (content.match(/[[{]/g) ?? []).length
      const closes = (content.match(/[\]}]/g) ?? []).length
      if (opens > closes) return i + 1
    }
  }
  return undefined
}

/** The field path of whatever sits at `offset` in the document. */
function pathAtOffset(node: unknown, offset: number, path: (string | number)[]): (string | number)[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      const keyRange = (pair.key as Node | null)?.range
      if (keyRange && offset >= keyRange[0] && offset <= keyRange[1]) return [...path, key]
      const valueRange = (pair.value as Node | null)?.range
      if (valueRange && offset >= valueRange[0] && offset <= valueRange[2]) return pathAtOffset(pair.value, offset, [...path, key])
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const range = (item as Node | null)?.range
      if (range && offset >= range[0] && offset <= range[2]) return pathAtOffset(item, offset, [...path, i])
    }
  }
  return path
}

/** Validates a parsed YAML source; the first problem (in file order) becomes a UserError. */
export function validateYaml<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
  hints: (issue: z.core.$ZodIssue) => string | undefined = defaultHint,
): z.output<S> {
  // reportInput: zod 4 leaves `issue.input` out unless asked, and messages quote it.
  const result = schema.safeParse(toData(source) ?? {}, { reportInput: true })
  if (result.success) return result.data
  const located = result.error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path
    return { issue, path, line: lineOf(source, path) }
  })
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  const first = located[0]!
  const more = located.length > 1 ? ` (and ${located.length - 1} more problem${located.length > 2 ? 's' : ''})` : ''
  throw new UserError(`${describeIssue(first.issue)}${more}`, {
    location: { file: source.displayPath, line: first.line, field: formatPath(first.path) || undefined },
    hint: hints(first.issue),
  })
}

/** The document as plain data, refusing an alias bomb ("billion laughs") before it expands. */
function toData(source: YamlSource): unknown {
  try {
    return source.doc.toJS({ maxAliasCount: LIMITS.aliases })
  } catch (error) {
    // The yaml package throws a ReferenceError ("Excessive alias count…").
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error
    let line: number | undefined
    visit(source.doc, { Alias: (_key, node) => {
      line = node.range ? source.lines.linePos(node.range[0]).line : undefined
      return visit.BREAK
    } })
    throw new UserError(`its aliases (*name) expand to more than ${LIMITS.aliases} copies`, {
      location: { file: source.displayPath, line },
      hint: 'write the values out instead of nesting anchors and aliases',
    })
  }
}

/** The 1-based line of the value at `path`, or of the nearest parent that exists. */
export function lineOf(source: YamlSource, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth)
    const node = nodeAt(source.doc, prefix, depth < path.length ? undefined : path[depth - 1])
    if (node?.range) return source.lines.linePos(node.range[0]).line
  }
  return undefined
}

function nodeAt(doc: Document, path: readonly PropertyKey[], _last: PropertyKey | undefined): Node | undefined {
  if (path.length === 0) return (doc.contents as Node | null) ?? undefined
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true)
  const key = path[path.length - 1]
  if (isMap(parent)) {
    // Point at the key for map entries: that is the line a user looks for.
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key))
    if (pair && isScalar(pair.key)) return pair.key as Node
    return undefined
  }
  const node = doc.getIn(path as unknown[], true)
  return node && typeof node === 'object' && 'range' in (node as object) ? (node as Node) : undefined
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required'
      // A schema's own words ("must be a whole number of requests") say more than the generic ones.
      if (issue.message && !issue.message.startsWith('Invalid')) return issue.message
      return `expected ${issue.expected === 'object' ? 'a map' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, got ${describeValue(issue.input)}`
    case 'unrecognized_keys':
      return `unknown field "${issue.keys[0]}"`
    case 'invalid_value':
      if (issue.message && !issue.message.startsWith('Invalid')) return issue.message
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(issue.input)})`
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
      return issue.message
    case 'too_big':
      // Never quotes the value: it is the overlong thing.
      if (issue.origin === 'string' && typeof issue.input === 'string') return `is ${issue.input.length} characters long; the limit is ${issue.maximum}`
      if (issue.origin === 'array' && Array.isArray(issue.input)) return `has ${issue.input.length} items; the limit is ${issue.maximum}`
      return issue.message
    default:
      return issue.message
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  return `${typeof value} ${String(value)}`
}

export function defaultHint(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') return 'check the spelling; the JSON Schema in schema/ lists every field'
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'add the field'
  if (issue.code === 'too_big' && issue.origin === 'string') return 'shorten it: a slide has room for far less (the limits are in the README)'
  if (issue.code === 'too_big' && issue.origin === 'array') return 'split it or keep the most important items (the limits are in the README)'
  return undefined
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
