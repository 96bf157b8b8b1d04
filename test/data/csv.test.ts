// Given CSV text as spreadsheets write it, when it is read, then quoted fields
// keep their commas, quotes and line breaks, each row keeps the line it starts
// on, and a malformed quote is refused with its line, never guessed at.
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/data/csv.js'

function rows(text: string) {
  const parsed = parseCsv(text)
  if (!parsed.ok) throw new Error(`expected rows, got line ${parsed.line}: ${parsed.message}`)
  return parsed.rows
}

describe('parseCsv', () => {
  it('splits plain rows on commas and keeps each row’s line', () => {
    expect(rows('date,account\n2026-12-01,acme\n')).toEqual([
      { line: 1, fields: ['date', 'account'] },
      { line: 2, fields: ['2026-12-01', 'acme'] },
    ])
  })

  it('keeps a comma, a doubled quote and a line break inside a quoted field', () => {
    expect(rows('a,note\n1,"from analytics, page ""Visitors"""\n2,"two\nlines"\n3,x\n')).toEqual([
      { line: 1, fields: ['a', 'note'] },
      { line: 2, fields: ['1', 'from analytics, page "Visitors"'] },
      { line: 3, fields: ['2', 'two\nlines'] },
      { line: 5, fields: ['3', 'x'] },
    ])
  })

  it('reads CRLF line ends, a missing last line break, empty fields and skips blank lines', () => {
    expect(rows('a,b,c\r\n1,,3\r\n\r\n4,5,""')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
      { line: 4, fields: ['4', '5', ''] },
    ])
  })

  it('refuses a quote that is never closed, naming the line it opens on', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\nstill open\n')).toEqual({ ok: false, line: 3, message: 'a quote that is never closed' })
  })

  it('refuses text after a closing quote, and a quote inside an unquoted field', () => {
    const after = parseCsv('a,b\n1,"x"y\n')
    expect(after.ok ? undefined : [after.line, after.message]).toEqual([2, 'text after a closing quote: a quoted field must end at a comma or the end of the line'])
    const inside = parseCsv('a,b\n1,2\n3,4"5\n')
    expect(inside.ok ? undefined : inside.line).toBe(3)
  })
})
