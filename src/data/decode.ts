// Owns turning JSON that showtell did not just produce itself (API answers,
// history lines, state files, manifests, caches) into typed values. Nothing
// is cast: each shape is a decoder, and a value that does not fit is a
// failure naming the field and what was found there, never a NaN or a crash
// further on. Hand-written guards, not zod, because the light commands (the
// dashboard, `showtell topics`) read history and builds at start-up and must
// not load zod (test/cli/lazy-imports.test.ts).
import { readTextIfPresent } from './missing.js'

/** Where and why a value did not fit. `field` is a path such as `metrics.followers.value` ('' for the value itself). */
export interface DecodeFailure {
  readonly field: string
  readonly expected: string
  /** What was there instead: its kind ("a string", "null"), never its content. */
  readonly got: string
  /** A short rendering of the value (for files the user wrote; not for answers from the network). */
  readonly shown: string
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: DecodeFailure }

export interface Decoder<T> {
  (value: unknown, field?: string): Decoded<T>
  /** Set by `optional`/`maybe`: the field may be left out of an object. */
  readonly optional?: true
}

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value })

function fail(field: string, expected: string, value: unknown): Decoded<never> {
  return { ok: false, failure: { field, expected, got: kindOf(value), shown: preview(value) } }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "a string", "a negative number", "null", "an array", "nothing" — what a value is, without what it says. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'a number out of range'
    return value < 0 ? 'a negative number' : 'a number'
  }
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string'
  if (typeof value === 'boolean') return 'a boolean'
  return 'an object'
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

const join = (field: string, key: string | number) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${key}` : key)

/** `metrics.followers.value: expected a count, got "lots"` (with `quote`) or `… got a string`. */
export function describeFailure(failure: DecodeFailure, options: { quote?: boolean } = {}): string {
  const got = options.quote && failure.got !== 'nothing' ? failure.shown : failure.got
  return `${failure.field ? `${failure.field}: ` : ''}expected ${failure.expected}, got ${got}`
}

// ---- the decoders --------------------------------------------------------

export const string: Decoder<string> = (value, field = '') => (typeof value === 'string' ? ok(value) : fail(field, 'a string', value))

export const nonEmptyString: Decoder<string> = (value, field = '') =>
  typeof value === 'string' && value.trim() !== '' ? ok(value) : fail(field, 'a non-empty string', value)

export const boolean: Decoder<boolean> = (value, field = '') => (typeof value === 'boolean' ? ok(value) : fail(field, 'true or false', value))

/** A JSON number that can be a count of followers or posts: finite, not negative, not past 2^53. */
export const count: Decoder<number> = (value, field = '') =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER ? ok(value) : fail(field, 'a count', value)

/** A count that is a whole number (a SEQUENCE, a slide count). */
export const wholeCount: Decoder<number> = (value, field = '') =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? ok(value) : fail(field, 'a whole number ≥ 0', value)

/** A string that matches `pattern`; `expected` says what it should be ("a date YYYY-MM-DD"). */
export function matching(pattern: RegExp, expected: string): Decoder<string> {
  return (value, field = '') => (typeof value === 'string' && pattern.test(value) ? ok(value) : fail(field, expected, value))
}

/** A date and time `Date.parse` understands. */
export const dateTime: Decoder<string> = (value, field = '') =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? ok(value) : fail(field, 'a date and time', value)

export function oneOf<const T extends readonly string[]>(values: T): Decoder<T[number]> {
  return (value, field = '') =>
    typeof value === 'string' && (values as readonly string[]).includes(value) ? ok(value as T[number]) : fail(field, `one of ${values.join(', ')}`, value)
}

/** The field may be left out; when present it must fit. */
export function optional<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  const decode = (value: unknown, field = '') => (value === undefined ? ok(undefined) : decoder(value, field))
  return Object.assign(decode, { optional: true as const })
}

/** Like `optional`, and `null` counts as left out (APIs send `"last_status_at": null`). */
export function maybe<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  const decode = (value: unknown, field = '') => (value === undefined || value === null ? ok(undefined) : decoder(value, field))
  return Object.assign(decode, { optional: true as const })
}

export function array<T>(decoder: Decoder<T>): Decoder<T[]> {
  return (value, field = '') => {
    if (!Array.isArray(value)) return fail(field, 'a list', value)
    const out: T[] = []
    for (const [i, item] of value.entries()) {
      const decoded = decoder(item, join(field, i))
      if (!decoded.ok) return decoded
      out.push(decoded.value)
    }
    return ok(out)
  }
}

/** An object used as a map; every key must match `key` and every value fit. */
export function record<T>(decoder: Decoder<T>, key?: { readonly pattern: RegExp; readonly expected: string }): Decoder<Record<string, T>> {
  return (value, field = '') => {
    if (!isRecord(value)) return fail(field, 'an object', value)
    const out: Record<string, T> = {}
    for (const [name, item] of Object.entries(value)) {
      if (key && !key.pattern.test(name)) return fail(field, `keys that are ${key.expected}`, name)
      const decoded = decoder(item, join(field, name))
      if (!decoded.ok) return decoded
      out[name] = decoded.value
    }
    return ok(out)
  }
}

type Shape = Readonly<Record<string, Decoder<unknown>>>
type ValueOf<D> = D extends Decoder<infer T> ? T : never
type Required<S extends Shape> = { -readonly [K in keyof S as S[K] extends { readonly optional: true } ? never : K]: ValueOf<S[K]> }
type Optional<S extends Shape> = { -readonly [K in keyof S as S[K] extends { readonly optional: true } ? K : never]?: Exclude<ValueOf<S[K]>, undefined> }
export type ObjectOf<S extends Shape> = Required<S> & Optional<S>

/**
 * An object with these fields. Fields the shape does not name are dropped
 * (an answer may carry more than we read); optional fields that are absent
 * stay absent, so the value writes back as it was read.
 */
export function object<S extends Shape>(shape: S): Decoder<ObjectOf<S>> {
  return (value, field = '') => {
    if (!isRecord(value)) return fail(field, 'an object', value)
    const out: Record<string, unknown> = {}
    for (const [name, decoder] of Object.entries(shape)) {
      const decoded = decoder(value[name], join(field, name))
      if (!decoded.ok) return decoded
      if (decoded.value !== undefined) out[name] = decoded.value
    }
    return ok(out as ObjectOf<S>)
  }
}

/** Any JSON value at all: for parsers such as metrics.ts that read `unknown` themselves. */
export const anyJson: Decoder<unknown> = (value) => ok(value)

// ---- reading -------------------------------------------------------------

/** `text` as JSON, decoded; text that is not JSON is a failure of the whole value. */
export function parseJson<T>(text: string, decoder: Decoder<T>): Decoded<T> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // The parser's message quotes the text: only `shown` carries it, for files the user wrote.
    const why = String((error as Error).message).split('\n')[0]!.slice(0, 80)
    return { ok: false, failure: { field: '', expected: 'JSON', got: 'text that is not JSON', shown: `text that is not JSON (${why})` } }
  }
  return decoder(value)
}

/** A line of a JSON-lines file that did not fit: kept verbatim by writers, shown to the user by readers. */
export interface UnreadableLine {
  /** 1-based. */
  readonly line: number
  readonly text: string
  /** `history/snapshots.jsonl:3 metrics.followers.value: expected a count, got "lots"` */
  readonly message: string
}

export interface JsonLines<T> {
  readonly values: T[]
  readonly unreadable: UnreadableLine[]
}

/** Decodes every non-blank line of `text`; `shown` is the file's name as the user knows it. */
export function parseJsonLines<T>(text: string, decoder: Decoder<T>, shown: string): JsonLines<T> {
  const values: T[] = []
  const unreadable: UnreadableLine[] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    const decoded = parseJson(line, decoder)
    if (decoded.ok) values.push(decoded.value)
    else unreadable.push({ line: i + 1, text: line, message: `${shown}:${i + 1} ${describeFailure(decoded.failure, { quote: true })}` })
  }
  return { values, unreadable }
}

/** A JSON-lines file, decoded line by line; a file that is not there has no lines, one that cannot be read is an error naming it. */
export async function readJsonLines<T>(file: string, decoder: Decoder<T>, shown: string): Promise<JsonLines<T>> {
  const text = await readTextIfPresent(file, shown)
  return text === undefined ? { values: [], unreadable: [] } : parseJsonLines(text, decoder, shown)
}
