// Given JSON that showtell did not just write itself, when it is decoded, then
// a value of the right shape comes out as it was, and anything else (null, a
// list, a word where a number belongs, a negative count, a missing field) is a
// failure that names the field and what was there. Expected values are
// written out by hand.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  array,
  count,
  dateTime,
  describeFailure,
  matching,
  maybe,
  nonEmptyString,
  object,
  oneOf,
  optional,
  parseJson,
  parseJsonLines,
  readJsonLines,
  record,
  string,
  wholeCount,
  type Decoded,
} from '../../src/data/decode.js'
import { ignoreMissing } from '../../src/data/missing.js'

/** The failure of `decoded` as one line, or 'ok'. */
function why(decoded: Decoded<unknown>, quote = false): string {
  return decoded.ok ? 'ok' : describeFailure(decoded.failure, { quote })
}

describe('count', () => {
  it.each([
    [0, 0],
    [12_345, 12_345],
    [88.7, 88.7],
  ])('accepts %s', (value, expected) => {
    expect(count(value)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['lots', 'expected a count, got a string'],
    ['12345', 'expected a count, got a string'],
    ['NaN', 'expected a count, got a string'],
    ['', 'expected a count, got an empty string'],
    [-1, 'expected a count, got a negative number'],
    [Number.NaN, 'expected a count, got a number out of range'],
    [Number.POSITIVE_INFINITY, 'expected a count, got a number out of range'],
    [2 ** 60, 'expected a count, got a number'],
    [null, 'expected a count, got null'],
    [[12], 'expected a count, got an array'],
    [{ value: 12 }, 'expected a count, got an object'],
    [true, 'expected a count, got a boolean'],
    [undefined, 'expected a count, got nothing'],
  ])('refuses %j', (value, message) => {
    expect(why(count(value))).toBe(message)
  })

  it('quotes what it found when asked (for files the user edits)', () => {
    expect(why(count('lots', 'metrics.followers.value'), true)).toBe('metrics.followers.value: expected a count, got "lots"')
    expect(why(count(-3, 'n'), true)).toBe('n: expected a count, got -3')
  })

  it('a number too big for JSON (1e400) reads as Infinity and is refused', () => {
    const decoded = parseJson('1e400', count)
    expect(decoded.ok).toBe(false)
    expect(why(decoded)).toBe('expected a count, got a number out of range')
  })
})

describe('the other leaves', () => {
  it('wholeCount takes whole numbers only', () => {
    expect(wholeCount(3)).toEqual({ ok: true, value: 3 })
    expect(why(wholeCount(1.5))).toBe('expected a whole number ≥ 0, got a number')
    expect(why(wholeCount('3'))).toBe('expected a whole number ≥ 0, got a string')
  })

  it('string, nonEmptyString, oneOf, matching, dateTime', () => {
    expect(string('')).toEqual({ ok: true, value: '' })
    expect(why(string(7))).toBe('expected a string, got a number')
    expect(why(nonEmptyString('  '))).toBe('expected a non-empty string, got a string')
    expect(oneOf(['ok', 'error'] as const)('ok')).toEqual({ ok: true, value: 'ok' })
    expect(why(oneOf(['ok', 'error'] as const)('fine'))).toBe('expected one of ok, error, got a string')
    const date = matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    expect(date('2026-11-24')).toEqual({ ok: true, value: '2026-11-24' })
    expect(why(date('24.11.2026'), true)).toBe('expected a date YYYY-MM-DD, got "24.11.2026"')
    expect(dateTime('2026-11-24T08:00:00.000Z')).toEqual({ ok: true, value: '2026-11-24T08:00:00.000Z' })
    expect(why(dateTime('yesterday'))).toBe('expected a date and time, got a string')
  })
})

describe('object', () => {
  const entry = object({ name: nonEmptyString, followers: count, note: optional(string), bio: maybe(string) })

  it('keeps the named fields, drops the rest, and leaves absent optional fields absent', () => {
    expect(entry({ name: 'Acme', followers: 12, extra: [1, 2] })).toEqual({ ok: true, value: { name: 'Acme', followers: 12 } })
    const decoded = entry({ name: 'Acme', followers: 12, bio: null })
    expect(decoded.ok && Object.keys(decoded.value)).toEqual(['name', 'followers'])
    expect(entry({ name: 'Acme', followers: 12, note: 'n', bio: 'b' })).toEqual({ ok: true, value: { name: 'Acme', followers: 12, note: 'n', bio: 'b' } })
  })

  it.each([
    [null, 'expected an object, got null'],
    [[], 'expected an object, got an array'],
    ['Acme', 'expected an object, got a string'],
    [{ name: 'Acme' }, 'followers: expected a count, got nothing'],
    [{ name: 'Acme', followers: 'lots' }, 'followers: expected a count, got a string'],
    [{ name: 'Acme', followers: -5 }, 'followers: expected a count, got a negative number'],
    [{ name: 'Acme', followers: 5, note: null }, 'note: expected a string, got null'],
    [{ followers: 5 }, 'name: expected a non-empty string, got nothing'],
  ])('refuses %j', (value, message) => {
    expect(why(entry(value))).toBe(message)
  })

  it('names the path of a nested field', () => {
    const nested = object({ metrics: object({ followers: optional(object({ value: count })) }) })
    const decoded = nested({ metrics: { followers: { value: 'lots' } } })
    expect(decoded.ok ? 'ok' : describeFailure(decoded.failure, { quote: true })).toBe('metrics.followers.value: expected a count, got "lots"')
  })
})

describe('array and record', () => {
  it('array: every item must fit, and the failing index is named', () => {
    expect(array(count)([1, 2])).toEqual({ ok: true, value: [1, 2] })
    const bad = array(count)([1, 'two'], 'counts')
    expect(bad.ok ? 'ok' : describeFailure(bad.failure)).toBe('counts[1]: expected a count, got a string')
    const notList = array(count)({ 0: 1 })
    expect(notList.ok ? 'ok' : describeFailure(notList.failure)).toBe('expected a list, got an object')
  })

  it('record: keys must match, values must fit', () => {
    const state = record(object({ sequence: wholeCount }), { pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'dates YYYY-MM-DD' })
    expect(state({ '2026-12-01': { sequence: 2 } })).toEqual({ ok: true, value: { '2026-12-01': { sequence: 2 } } })
    const badValue = state({ '2026-12-01': { sequence: 'x' } })
    expect(badValue.ok ? 'ok' : describeFailure(badValue.failure)).toBe('2026-12-01.sequence: expected a whole number ≥ 0, got a string')
    const badKey = state({ tomorrow: { sequence: 1 } })
    expect(badKey.ok ? 'ok' : describeFailure(badKey.failure, { quote: true })).toBe('expected keys that are dates YYYY-MM-DD, got "tomorrow"')
    const notObject = state([])
    expect(notObject.ok ? 'ok' : describeFailure(notObject.failure)).toBe('expected an object, got an array')
  })
})

describe('parseJson', () => {
  it('text that is not JSON is a failure of the whole value, quoted only on request', () => {
    const decoded = parseJson('{"followers": 12', count)
    expect(decoded.ok).toBe(false)
    if (decoded.ok) return
    expect(describeFailure(decoded.failure)).toBe('expected JSON, got text that is not JSON')
    expect(describeFailure(decoded.failure, { quote: true })).toMatch(/^expected JSON, got text that is not JSON \(.+\)$/)
  })

  it('null is JSON, and then the shape decides', () => {
    expect(why(parseJson('null', object({ a: count })))).toBe('expected an object, got null')
  })
})

describe('JSON lines', () => {
  const line = object({ date: string, n: count })

  it('decodes good lines and reports the others with file and line, verbatim', () => {
    const text = '{"date":"a","n":1}\n\n<<<<<<< HEAD\n{"date":"b","n":"lots"}\n{"date":"c","n":3}\n'
    expect(parseJsonLines(text, line, 'history/x.jsonl')).toEqual({
      values: [
        { date: 'a', n: 1 },
        { date: 'c', n: 3 },
      ],
      unreadable: [
        { line: 3, text: '<<<<<<< HEAD', message: expect.stringMatching(/^history\/x\.jsonl:3 expected JSON, got text that is not JSON \(/) },
        { line: 4, text: '{"date":"b","n":"lots"}', message: 'history/x.jsonl:4 n: expected a count, got "lots"' },
      ],
    })
  })

  it('a file that is not there has no lines; a file that cannot be read is an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-decode-'))
    expect(await readJsonLines(join(dir, 'none.jsonl'), line, 'none.jsonl')).toEqual({ values: [], unreadable: [] })
    await mkdir(join(dir, 'folder.jsonl'))
    await expect(readJsonLines(join(dir, 'folder.jsonl'), line, 'folder.jsonl')).rejects.toMatchObject({ name: 'RuntimeError', message: 'cannot read the file (EISDIR)', location: { file: 'folder.jsonl' } })
    await writeFile(join(dir, 'one.jsonl'), '{"date":"a","n":1}')
    expect(await readJsonLines(join(dir, 'one.jsonl'), line, 'one.jsonl')).toEqual({ values: [{ date: 'a', n: 1 }], unreadable: [] })
  })
})

describe('ignoreMissing', () => {
  it('swallows ENOENT only', async () => {
    const enoent = Object.assign(new Error('no such file'), { code: 'ENOENT' })
    const eacces = Object.assign(new Error('permission denied'), { code: 'EACCES' })
    expect(await ignoreMissing(Promise.reject(enoent))).toBeUndefined()
    expect(await ignoreMissing(Promise.resolve('text'))).toBe('text')
    await expect(ignoreMissing(Promise.reject(eacces))).rejects.toBe(eacces)
    await expect(ignoreMissing(Promise.reject(new SyntaxError('bad')))).rejects.toThrow('bad')
  })
})
