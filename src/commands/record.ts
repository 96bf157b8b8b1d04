// `showtell record` and `showtell import`: figures entered by hand, one at a
// time from the command line or many from a CSV file, added to the history
// with source `manual` (see src/snapshot/hand.ts). Every figure is checked
// before anything is written; one bad figure writes none.
import { EXIT, UserError } from '../errors.js'
import { parseCsv } from '../data/csv.js'
import { formatCount } from '../snapshot/format.js'
import { checkFigure, recordFigures, type HandFigure } from '../snapshot/hand.js'
import { todayIn } from '../rotation/calendar.js'
import { loadWorkspace } from '../workspace/load.js'
import { readInputText } from '../workspace/read-input.js'
import { printJson, workspaceDir, type CommandContext } from './context.js'

const HISTORY_SHOWN = 'history/snapshots.jsonl'

export async function runRecord(ctx: CommandContext): Promise<number> {
  const [account, ...pairs] = ctx.positionals
  if (!account || pairs.length === 0) {
    throw new UserError('usage: showtell record ACCOUNT METRIC=VALUE… [--date YYYY-MM-DD] [--note TEXT]', { hint: 'e.g. showtell record acme-linkedin followers=12500 --note "from LinkedIn analytics"' })
  }
  const workspace = await loadWorkspace(workspaceDir(ctx))
  const today = todayIn(workspace.config.meeting.timezone)
  const date = typeof ctx.values.date === 'string' ? ctx.values.date : today
  const note = typeof ctx.values.note === 'string' ? ctx.values.note : undefined
  const seen = new Set<string>()
  const figures: HandFigure[] = []
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UserError(`expected METRIC=VALUE, got ${JSON.stringify(pair)}`, { hint: 'e.g. followers=12500 or lastPostAt=2026-12-01' })
    const metric = pair.slice(0, eq)
    if (seen.has(metric)) throw new UserError(`${metric} is given twice`, { location: { field: metric }, hint: 'give each metric once' })
    seen.add(metric)
    figures.push(
      checkFigure(
        workspace,
        { date, account, metric, value: pair.slice(eq + 1), note, where: (field) => ({ field: field === 'date' ? '--date' : field === 'note' ? '--note' : field === 'account' ? 'ACCOUNT' : metric }) },
        today,
      ),
    )
  }
  const added = await recordFigures(workspace, figures)
  if (ctx.values.json === true) {
    printJson(ctx, added)
    return EXIT.ok
  }
  const what = figures.map((f) => `${f.metric} ${typeof f.value === 'number' ? formatCount(f.value) : f.value.slice(0, 10)}`).join(', ')
  ctx.io.stdout.write(`Recorded by hand for ${account} on ${date}: ${what} · history in ${HISTORY_SHOWN}\n`)
  return EXIT.ok
}

const COLUMNS = ['date', 'account', 'metric', 'value', 'note'] as const
const REQUIRED = ['date', 'account', 'metric', 'value'] as const

export async function runImport(ctx: CommandContext): Promise<number> {
  const [file, ...extra] = ctx.positionals
  if (!file || extra.length > 0) throw new UserError('usage: showtell import FILE.csv', { hint: 'one file with a header row: date,account,metric,value[,note]' })
  const workspace = await loadWorkspace(workspaceDir(ctx))
  const today = todayIn(workspace.config.meeting.timezone)
  // Read as untrusted input, like the workspace files: at most 1 MB, UTF-8 only.
  const text = await readInputText(file, { shown: file })
  const parsed = parseCsv(text)
  if (!parsed.ok) throw new UserError(parsed.message, { location: { file, line: parsed.line }, hint: 'fix the quoting on that line' })
  const [header, ...rows] = parsed.rows
  if (!header) throw new UserError('the file is empty', { location: { file }, hint: 'start with the header row date,account,metric,value,note' })
  const names = header.fields.map((name) => name.trim().toLowerCase())
  const column = new Map<string, number>()
  names.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      // Spreadsheets in many European locales save "CSV" with semicolons.
      if (names.length === 1 && name.includes(';')) {
        throw new UserError('the header is one column holding semicolons', { location: { file, line: header.line }, hint: 'save the file as CSV with commas between the fields' })
      }
      throw new UserError(`unknown column ${JSON.stringify(header.fields[i])}`, { location: { file, line: header.line }, hint: `the columns are ${COLUMNS.join(', ')} (note is optional)` })
    }
    if (column.has(name)) throw new UserError(`the column ${name} appears twice`, { location: { file, line: header.line }, hint: 'keep one of them' })
    column.set(name, i)
  })
  const missing = REQUIRED.filter((name) => !column.has(name))
  if (missing.length > 0) {
    throw new UserError(`the header has no ${missing.join(', ')} column`, { location: { file, line: header.line }, hint: 'the header row is date,account,metric,value and optionally note' })
  }
  if (rows.length === 0) throw new UserError('the file has a header but no figures', { location: { file }, hint: 'add one row per figure below the header' })
  const seen = new Map<string, number>()
  const figures = rows.map((row) => {
    if (row.fields.length !== names.length) {
      throw new UserError(`the row has ${row.fields.length} fields; the header has ${names.length}`, {
        location: { file, line: row.line },
        hint: 'put a field holding a comma in double quotes: "from analytics, page 2"',
      })
    }
    const get = (name: string) => {
      const i = column.get(name)
      return i === undefined ? undefined : row.fields[i]!
    }
    const figure = checkFigure(
      workspace,
      { date: get('date')!.trim(), account: get('account')!.trim(), metric: get('metric')!.trim(), value: get('value')!, note: get('note'), where: (field) => ({ file, line: row.line, field }) },
      today,
    )
    const key = `${figure.date} ${figure.account} ${figure.metric}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      throw new UserError(`${figure.account} ${figure.metric} on ${figure.date} is already on line ${earlier}`, { location: { file, line: row.line, field: 'metric' }, hint: 'keep one figure per account, metric and date' })
    }
    seen.set(key, row.line)
    return figure
  })
  const added = await recordFigures(workspace, figures)
  if (ctx.values.json === true) {
    printJson(ctx, added)
    return EXIT.ok
  }
  const accounts = new Set(figures.map((f) => f.account)).size
  ctx.io.stdout.write(`Imported ${figures.length} figure${figures.length === 1 ? '' : 's'} by hand for ${accounts} account${accounts === 1 ? '' : 's'} from ${file} · history in ${HISTORY_SHOWN}\n`)
  return EXIT.ok
}
