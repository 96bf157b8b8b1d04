import { Box, Text, type Key } from 'ink'
import { useRef, useState } from 'react'
import type { SnapshotEvent } from '../../snapshot/run.js'
import { comparisonWords, type AccountLine, type Overview, type PersonLine } from '../../overview/overview.js'
import type { Workspace } from '../../workspace/load.js'
import AccountProgress from '../components/AccountProgress.js'
import { applySnapshotEvent, waitingRows, type AccountState } from '../progress.js'
import Frame from '../components/Frame.js'
import StatusMark from '../components/StatusMark.js'
import { accountChange, accountNumber, fit, formatCount, shortLabel } from '../format.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useSelection, windowStart } from '../hooks/use-selection.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { AppServices } from '../services.js'
import { useTheme } from '../theme.js'
import { HAND_FORM_KEYS } from '../keys.js'
import { todayIn } from '../../rotation/calendar.js'
import { daysBetween } from '../../snapshot/history.js'
import { platformName } from '../../snapshot/headline.js'
import { SILENCE_DAYS } from '../../workspace/executives.js'
import { isShowtellError } from '../../errors.js'

/** The counts the form offers (`showtell record` also takes lastPostAt and postsPerMonth). */
const FORM_METRICS = ['followers', 'following', 'posts'] as const

/** The screen's three views, in the order `Tab` moves through them. */
export const VIEWS = ['ours', 'executives', 'competitors'] as const
export type View = (typeof VIEWS)[number]
const VIEW_NAME: Record<View, string> = { ours: 'Ours', executives: 'Executives', competitors: 'Competitors' }

/** One row of a view: an account's line (ours or a competitor's), and in the executives view whose it is. */
interface Row {
  readonly key: string
  readonly line?: AccountLine & { readonly competitor?: string }
  /** The leader the row belongs to (executives view). */
  readonly person?: PersonLine
  /** The first row of its person or competitor: it carries the name. */
  readonly first: boolean
}

/**
 * The rows of each view: ours (the company's accounts, executives' aside),
 * the executives (ours, then each competitor's; one row per account, or one
 * for a leader with none), and the competitors' accounts.
 */
export function viewRows(overview: Overview, view: View): Row[] {
  if (view === 'ours') return overview.accounts.filter((line) => line.owner !== 'executive').map((line) => ({ key: line.id, line, first: true }))
  if (view === 'competitors') return overview.competitors.map((line, i, all) => ({ key: line.id, line, first: all[i - 1]?.competitor !== line.competitor }))
  return overview.executives.flatMap((person): Row[] =>
    person.accounts.length === 0
      ? [{ key: `person\u0000${person.competitor ?? ''}\u0000${person.person}`, person, first: true }]
      : person.accounts.map((line, i) => ({ key: line.id, line, person, first: i === 0 })),
  )
}

/** "last post 2026-12-01", or silence named: "no post in 46 days"; "" when no source gives the last post. */
function lastPostWords(lastPost: string | undefined, today: string): { text: string; silent: boolean } {
  if (!lastPost) return { text: '', silent: false }
  const days = daysBetween(lastPost, today)
  return days >= SILENCE_DAYS ? { text: `no post in ${days} days`, silent: true } : { text: `last post ${lastPost}`, silent: false }
}

/** The `e` form: what is typed so far, and which field takes the keys. */
interface HandForm {
  readonly account: string
  readonly metric: number
  readonly value: string
  readonly note: string
  readonly field: 'value' | 'note'
  readonly saving: boolean
}

/** A figure saved from this screen, so its row can say it was entered by hand. */
interface Saved {
  readonly metric: string
  readonly value: number
  readonly date: string
}

export interface Props {
  readonly workspace: Workspace
  readonly services: AppServices
  /** The app's dashboard data: the account lines come from it, and it reloads after a run. */
  readonly overview: Overview
  readonly reloadOverview: () => void
  /** Why the last reload failed, if it did (the lines shown are then the previous ones). */
  readonly overviewError?: Error
  /** Tells the app a run is in progress (q and Esc then cancel it first). */
  readonly setBusy: (busy: boolean) => void
}

export default function Accounts({ workspace, services, overview, reloadOverview, overviewError, setBusy }: Props) {
  const theme = useTheme()
  const { columns, rows } = useTerminalSize()
  const [view, setView] = useState<View>('ours')
  const listed = viewRows(overview, view)
  const [index, move, select] = useSelection(listed.length)
  const [run, setRun] = useState<AccountState[]>()
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  const abort = useRef<AbortController | undefined>(undefined)
  const [running, setRunning] = useState(false)
  const names = overview.names
  const selected = listed[index]
  const [form, setFormState] = useState<HandForm>()
  // Keys read the form from here, not from the last render: typed fast (or
  // pasted), several keys can arrive before the next frame.
  const formNow = useRef<HandForm | undefined>(undefined)
  const setForm = (f: HandForm | undefined) => {
    formNow.current = f
    setFormState(f)
  }
  const [saved, setSaved] = useState<Readonly<Record<string, Saved>>>({})

  const save = (f: HandForm) => {
    setForm({ ...f, saving: true })
    const metric = FORM_METRICS[f.metric]!
    services
      .record(workspace, { account: f.account, metric, value: f.value, note: f.note })
      .then((figure) => {
        setForm(undefined)
        if (typeof figure.value === 'number') setSaved((s) => ({ ...s, [figure.account]: { metric: figure.metric, value: figure.value as number, date: figure.date } }))
        const shown = typeof figure.value === 'number' ? formatCount(figure.value) : figure.value
        setStatus({ text: `✎ Recorded by hand on ${figure.date}: ${figure.account} ${metric} ${shown}` })
        reloadOverview()
      })
      .catch((error: Error) => {
        // The form stays open with what was typed, so the value can be fixed.
        setForm({ ...f, saving: false })
        setStatus({ text: isShowtellError(error) ? error.format() : error.message, error: true })
      })
  }

  // Every key goes to the form while it is open: q, ? and Esc are text or cancel, never quit.
  const formKeys = (f: HandForm, input: string, key: Key) => {
    if (f.saving) return
    if (key.escape) {
      setForm(undefined)
      setStatus({ text: 'Nothing recorded' })
    } else if (key.return) save(f)
    else if (key.leftArrow || key.rightArrow) setForm({ ...f, metric: (f.metric + (key.rightArrow ? 1 : FORM_METRICS.length - 1)) % FORM_METRICS.length })
    else if (key.tab || key.upArrow || key.downArrow) setForm({ ...f, field: f.field === 'value' ? 'note' : 'value' })
    else if (key.backspace || key.delete) setForm({ ...f, [f.field]: [...f[f.field]].slice(0, -1).join('') })
    else if (input && !key.ctrl && !key.meta) {
      // Typed fast or pasted, several keys arrive as one input ("\tfrom analytics"): take them one by one.
      let next = f
      for (const char of input) {
        if (char === '\t') next = { ...next, field: next.field === 'value' ? 'note' : 'value' }
        else if (char === '\u007f' || char === '\b') next = { ...next, [next.field]: [...next[next.field]].slice(0, -1).join('') }
        else if (!/[\u0000-\u001f]/.test(char) && [...next[next.field]].length < (next.field === 'value' ? 20 : 200)) next = { ...next, [next.field]: next[next.field] + char }
      }
      setForm(next)
    }
  }

  const snapshot = (ids: string[]) => {
    const controller = new AbortController()
    abort.current = controller
    setRunning(true)
    setBusy(true)
    setRun(waitingRows(workspace.config, ids))
    setStatus({ text: `Snapshotting ${ids.length} account${ids.length === 1 ? '' : 's'}… Ctrl+C cancels` })
    const onProgress = (event: SnapshotEvent) => setRun((rows) => rows && applySnapshotEvent(rows, event))
    services
      .snapshot(workspace, { only: ids, onProgress, signal: controller.signal })
      .then(({ results, competitors }) => {
        const all = [...results, ...competitors]
        const files = [...(results.length > 0 ? ['history/snapshots.jsonl'] : []), ...(competitors.length > 0 ? ['history/competitors.jsonl'] : [])]
        setStatus({ text: `${all.filter((r) => r.status === 'ok').length} of ${all.length} ok · added to ${files.join(' and ')}` })
        reloadOverview()
      })
      .catch((error: Error) => setStatus(controller.signal.aborted ? { text: 'Cancelled: the browser was closed and the history was not changed', error: true } : { text: error.message, error: true }))
      .finally(() => {
        abort.current = undefined
        setRunning(false)
        setBusy(false)
      })
  }

  useScreenKeys((input, key) => {
    if (formNow.current) {
      formKeys(formNow.current, input, key)
      return true
    }
    if (running) {
      if ((key.ctrl && input === 'c') || key.escape || input === 'q') {
        abort.current?.abort()
        return true
      }
      return input !== '?'
    }
    if (run && key.escape) {
      setRun(undefined)
      return true
    }
    if (move(input, key)) return true
    if (key.tab && !run) {
      // Tab goes on to the next view, Shift+Tab back; each opens at its first row.
      const next = VIEWS[(VIEWS.indexOf(view) + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length]!
      setView(next)
      select(0)
      setStatus(undefined)
    } else if (key.return && selected) {
      if (selected.line) snapshot([selected.line.id])
      else if (selected.person) setStatus({ text: noAccountHint(selected.person), error: true })
    } else if (input === 'A') {
      const ids = listed.flatMap((row) => (row.line ? [row.line.id] : []))
      if (ids.length > 0) snapshot(ids)
      else setStatus({ text: `No ${VIEW_NAME[view].toLowerCase()} accounts in showtell.yaml to snapshot`, error: true })
    } else if (input === 'e' && !run && selected) {
      if (!selected.line) setStatus({ text: noAccountHint(selected.person!), error: true })
      else if (selected.line.competitor !== undefined) setStatus({ text: "By hand is for our own accounts: a competitor's figures come from public sources only", error: true })
      else {
        setForm({ account: selected.line.id, metric: 0, value: '', note: '', field: 'value', saving: false })
        setStatus({ text: 'The value in digits only, e.g. 12500; the note is optional' })
      }
    }
    else return false
    return true
  })

  // The row's number is the one entered here, unless a newer snapshot replaced it.
  // The history says which numbers were entered by hand; a figure just saved shows at once.
  const byHand = (line: AccountLine) => {
    if (line.metric?.byHand) return true
    const figure = saved[line.id]
    return figure !== undefined && line.metric?.name === figure.metric && line.metric.value === figure.value && line.date === figure.date
  }
  const labelWidth = Math.max(16, Math.min(24, columns - 64))
  // The views' line and the table's header take two lines; the form four more under the table.
  const summary = view === 'executives' ? leadersSummary(overview.executives) : view === 'competitors' && overview.comparison ? `How we compare · ${comparisonWords(overview.comparison, { us: 'us' })}` : undefined
  // The summary wraps rather than lose its end (who is silent, who leads).
  const summaryRows = summary ? Math.ceil([...summary].length / Math.max(20, columns)) : 0
  const visible = Math.max(3, rows - 9 - (form ? 4 : 0) - summaryRows)
  const formLine = form && overview.accounts.find((l) => l.id === form.account)
  const first = windowStart(index, listed.length, visible)
  const counts: Record<View, number> = { ours: viewRows(overview, 'ours').length, executives: overview.executives.length, competitors: overview.competitors.length }
  const nameOf = (row: Row) =>
    view === 'ours'
      ? shortLabel(row.line!.label, names)
      : view === 'competitors'
        ? competitorName(row)
        : row.first
          ? `${row.person!.person}${row.person!.competitor ? ` (${row.person!.competitor})` : ''}`
          : ''
  const header = view === 'ours' ? 'ACCOUNT' : view === 'competitors' ? 'COMPETITOR' : 'PERSON'
  // A leader's name carries their competitor's: "Siri Dal (Villmark Gear)" wants 24 columns where there are.
  const nameWidth = view === 'executives' ? Math.max(labelWidth, Math.min(24, columns - 56)) : labelWidth
  return (
    <Frame screen="accounts" title="accounts" company={workspace.config.company.name} keys={form ? HAND_FORM_KEYS : undefined} status={status ?? (overviewError ? { text: overviewError.message, error: true } : undefined)}>
      {run ? (
        <AccountProgress accounts={run} height={visible} />
      ) : (
        <Box flexDirection="column">
          <Text wrap="truncate-end">
            {VIEWS.map((v) => (
              <Text key={v} inverse={v === view} bold={v === view} color={v === view ? undefined : theme.muted}>
                {` ${VIEW_NAME[v]} (${counts[v]}) `}
              </Text>
            ))}
            <Text color={theme.muted}>{'  Tab switches'}</Text>
          </Text>
          {summary && (
            <Text color={theme.muted}>{summary}</Text>
          )}
          <Text color={theme.muted}>{`    ${fit(header, nameWidth)} ${fit('PLATFORM', 9)} ${fit('NOW', 20)} ${view === 'executives' ? 'LAST POST · CHANGE' : 'CHANGE'}`}</Text>
          {listed.slice(first, first + visible).map((row) => {
            const on = row.key === selected?.key
            const line = row.line
            if (!line) {
              return (
                <Text key={row.key} inverse={on} bold={on} wrap="truncate-end">
                  {on ? '›' : ' '} <Text color={theme.muted}>·</Text> {fit(nameOf(row), nameWidth)} {fit('—', 9)} <Text color={theme.warn}>no account on any platform we follow</Text>
                </Text>
              )
            }
            const ok = line.status === 'ok'
            const post = view === 'executives' ? lastPostWords(line.lastPost, overview.today) : undefined
            return (
              <Text key={row.key} inverse={on} bold={on} wrap="truncate-end">
                {on ? '›' : ' '} <StatusMark status={line.status} /> {fit(nameOf(row), nameWidth)} {fit(line.platform, 9)}{' '}
                {fit(ok ? `${accountNumber(line)}${byHand(line) ? ' ✎' : ''}` : line.status === 'never' ? 'no snapshot yet' : line.status, 20)}{' '}
                {/* A leader's last post comes first: silence is what the view is for, and a narrow terminal cuts the end. */}
                {post?.text ? <Text color={post.silent ? theme.warn : theme.muted}>{`${post.text}${(ok && line.change) || (!ok && (line.reason || line.lastGood)) ? ' · ' : ''}`}</Text> : null}
                {ok ? (
                  <Text>
                    <Text color={line.change && line.change.delta < 0 ? theme.bad : theme.ok}>{accountChange(line)}</Text>
                    <Text color={theme.muted}>{line.change ? ` since ${line.change.since}` : ''}</Text>
                  </Text>
                ) : (
                  <Text color={theme.muted}>
                    {line.reason ?? ''}
                    {line.lastGood ? `${line.reason ? '; ' : ''}was ${accountNumber(line)}` : ''}
                  </Text>
                )}
              </Text>
            )
          })}
          {listed.length === 0 && <Text color={theme.muted}>{EMPTY[view]}</Text>}
          {form && (
            <Box flexDirection="column" marginTop={1}>
              <Text bold wrap="truncate-end">
                ✎ By hand for {formLine ? shortLabel(formLine.label, names) : form.account} ({form.account}) on {todayIn(workspace.config.meeting.timezone, services.now())}
              </Text>
              <Text wrap="truncate-end">
                {'  metric  '}
                {FORM_METRICS.map((m, i) => (
                  <Text key={m} inverse={i === form.metric} color={i === form.metric ? undefined : theme.muted}>
                    {` ${m} `}
                  </Text>
                ))}
                <Text color={theme.muted}>{'  ← → picks'}</Text>
              </Text>
              <Text wrap="truncate-end">
                {form.field === 'value' ? '› ' : '  '}value   {form.value}
                {form.field === 'value' ? '▏' : ''}
              </Text>
              <Text wrap="truncate-end">
                {form.field === 'note' ? '› ' : '  '}note    {form.note}
                {form.field === 'note' ? '▏' : <Text color={theme.muted}>{form.note ? '' : '(optional; Tab)'}</Text>}
              </Text>
            </Box>
          )}
        </Box>
      )}
    </Frame>
  )
}

const EMPTY: Record<View, string> = {
  ours: 'No accounts in showtell.yaml yet.',
  executives: 'No leaders yet: give a leader’s account `owner: executive` and `person:`, or name them under `executives:` in showtell.yaml.',
  competitors: 'No competitors yet: list them under `competitors:` in showtell.yaml, each with its public accounts.',
}

/** A competitor's row: its name on its first row; the account's label only where the platform alone does not tell it ("Fjellkraft on Instagram" is just Instagram). */
function competitorName(row: Row): string {
  const line = row.line!
  const short = shortLabel(line.label, [line.competitor!])
  const telling = short.toLowerCase() !== platformName(line.platform).toLowerCase()
  return [row.first ? line.competitor! : '', telling ? short : ''].filter(Boolean).join(' · ')
}

/** What to do for a leader with no account: where to add one. */
function noAccountHint(person: PersonLine): string {
  return person.competitor
    ? `${person.person} (${person.competitor}) has no account listed: add one under that competitor's accounts with owner: executive and person: ${person.person}`
    : `${person.person} has no account listed: add one under accounts with owner: executive and person: ${person.person}`
}

/** The executives view's one line: who of ours posted in the last 30 days, who is silent, who has no account. */
function leadersSummary(people: readonly PersonLine[]): string | undefined {
  if (people.length === 0) return undefined
  const ours = people.filter((p) => p.competitor === undefined)
  const who = (p: PersonLine) => `${p.person}${p.competitor ? ` (${p.competitor})` : ''}`
  const posted = ours.filter((p) => p.lastPost !== undefined && p.silentDays === undefined).length
  // A source that hides posts (LinkedIn's public page) is not silence: said apart.
  const unknown = ours.filter((p) => p.accounts.length > 0 && p.lastPost === undefined).length
  const silent = people.filter((p) => p.silentDays !== undefined).map((p) => `${who(p)} (${p.silentDays} days)`)
  const none = people.filter((p) => p.accounts.length === 0).map(who)
  return [
    ...(ours.length > 0 ? [`Posted in the last ${SILENCE_DAYS} days: ${posted} of our ${ours.length}${unknown > 0 ? ` (${unknown} not known)` : ''}`] : []),
    ...(silent.length > 0 ? [`silent: ${silent.join(', ')}`] : []),
    ...(none.length > 0 ? [`no account: ${none.join(', ')}`] : []),
  ].join(' · ')
}
