// Owns reading CSV text (RFC 4180): fields separated by commas, a field in
// double quotes may hold commas, line breaks and `""` for a quote. Each row
// keeps the line it starts on, so an error can name it. Our own small reader
// rather than a dependency: `showtell import` needs only this much, and a
// malformed file must be refused (with its line), never guessed at, which is
// the part a lenient parser gets wrong.
// Pure: text in, rows out.

export interface CsvRow {
  /** 1-based line the row starts on. */
  readonly line: number
  readonly fields: readonly string[]
}

export type CsvParsed = { readonly ok: true; readonly rows: readonly CsvRow[] } | { readonly ok: false; readonly line: number; readonly message: string }

/** Every row of `text`; blank lines are skipped. A stray or unclosed quote is an error on its line. */
export function parseCsv(text: string): CsvParsed {
  const rows: CsvRow[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let quoted = false // inside a quoted field
  let closed = false // the current field was quoted, and its quote is closed
  let rowQuoted = false // some field of this row was quoted: `""` alone is a row, a blank line is not
  let quoteLine = 1
  const endField = () => {
    fields.push(field)
    field = ''
    closed = false
  }
  const endRow = () => {
    endField()
    if (fields.length > 1 || fields[0] !== '' || rowQuoted) rows.push({ line: rowLine, fields })
    fields = []
    rowQuoted = false
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') {
        quoted = false
        closed = true
      } else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === ',') {
      endField()
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else if (closed) {
      return { ok: false, line, message: 'text after a closing quote: a quoted field must end at a comma or the end of the line' }
    } else if (c === '"') {
      if (field !== '') return { ok: false, line, message: 'a quote inside an unquoted field: put the whole field in quotes and write each quote in it as ""' }
      quoted = true
      rowQuoted = true
      quoteLine = line
    } else {
      field += c
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quote that is never closed' }
  // The last line may lack its line break.
  if (field !== '' || fields.length > 0 || rowQuoted) endRow()
  return { ok: true, rows }
}
