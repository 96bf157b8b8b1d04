import { Box, Text, type Key } from 'ink'
import { useRef, useState } from 'react'
import type { SnapshotEvent } from '../../snapshot/run.js'
import type { Overview } from '../../overview/overview.js'
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
import { isShowtellError } from '../../errors.js'

/** The counts the form offers (`showtell record` also takes lastPostAt and postsPerMonth). */
const FORM_METRICS = ['followers', 'following', 'posts'] as const

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
  const lines = overview.accounts
  const [index, move] = useSelection(lines.length)
  const [run, setRun] = useState<AccountState[]>()
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  const abort = useRef<AbortController | undefined>(undefined)
  const [running, setRunning] = useState(false)
  const names = overview.names
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
      .then(({ results }) => {
        setStatus({ text: `${results.filter((r) => r.status === 'ok').length} of ${results.length} ok · added to history/snapshots.jsonl` })
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
    if (key.return && lines[index]) snapshot([lines[index].id])
    else if (input === 'A') snapshot(lines.map((l) => l.id))
    else if (input === 'e' && !run && lines[index]) {
      setForm({ account: lines[index].id, metric: 0, value: '', note: '', field: 'value', saving: false })
      setStatus({ text: 'The value in digits only, e.g. 12500; the note is optional' })
    }
    else return false
    return true
  })

  // The row's number is the one entered here, unless a newer snapshot replaced it.
  // The history says which numbers were entered by hand; a figure just saved shows at once.
  const byHand = (line: (typeof lines)[number]) => {
    if (line.metric?.byHand) return true
    const figure = saved[line.id]
    return figure !== undefined && line.metric?.name === figure.metric && line.metric.value === figure.value && line.date === figure.date
  }
  const labelWidth = Math.max(16, Math.min(24, columns - 64))
  // The form takes four lines under the table.
  const visible = Math.max(3, rows - 7 - (form ? 4 : 0))
  const formLine = form && lines.find((l) => l.id === form.account)
  const first = windowStart(index, lines.length, visible)
  return (
    <Frame screen="accounts" title="accounts" company={workspace.config.company.name} keys={form ? HAND_FORM_KEYS : undefined} status={status ?? (overviewError ? { text: overviewError.message, error: true } : undefined)}>
      {run ? (
        <AccountProgress accounts={run} height={visible} />
      ) : (
        <Box flexDirection="column">
          <Text color={theme.muted}>{`    ${fit('ACCOUNT', labelWidth)} ${fit('PLATFORM', 9)} ${fit('NOW', 20)} CHANGE`}</Text>
          {lines.slice(first, first + visible).map((line) => {
            const on = line.id === lines[index]?.id
            const ok = line.status === 'ok'
            return (
              <Text key={line.id} inverse={on} bold={on} wrap="truncate-end">
                {on ? '›' : ' '} <StatusMark status={line.status} /> {fit(shortLabel(line.label, names), labelWidth)} {fit(line.platform, 9)}{' '}
                {fit(ok ? `${accountNumber(line)}${byHand(line) ? ' ✎' : ''}` : line.status === 'never' ? 'no snapshot yet' : line.status, 20)}{' '}
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
          {lines.length === 0 && <Text color={theme.muted}>No accounts in showtell.yaml yet.</Text>}
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
