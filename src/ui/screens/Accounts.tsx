import { Box, Text } from 'ink'
import { useRef, useState } from 'react'
import type { SnapshotEvent } from '../../snapshot/run.js'
import type { Overview } from '../../overview/overview.js'
import type { Workspace } from '../../workspace/load.js'
import AccountProgress from '../components/AccountProgress.js'
import { applySnapshotEvent, waitingRows, type AccountState } from '../progress.js'
import Frame from '../components/Frame.js'
import StatusMark from '../components/StatusMark.js'
import { accountChange, accountNumber, fit, shortLabel } from '../format.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useSelection, windowStart } from '../hooks/use-selection.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { AppServices } from '../services.js'
import { useTheme } from '../theme.js'

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
    else return false
    return true
  })

  const labelWidth = Math.max(16, Math.min(24, columns - 64))
  const visible = Math.max(3, rows - 7)
  const first = windowStart(index, lines.length, visible)
  return (
    <Frame screen="accounts" title="accounts" company={workspace.config.company.name} status={status ?? (overviewError ? { text: overviewError.message, error: true } : undefined)}>
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
                {fit(ok ? accountNumber(line) : line.status === 'never' ? 'no snapshot yet' : line.status, 20)}{' '}
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
        </Box>
      )}
    </Frame>
  )
}
