import { Box, Text } from 'ink'
import { fit, formatMs } from '../format.js'
import type { AccountState } from '../progress.js'
import { useTheme } from '../theme.js'
import ProgressBar from './ProgressBar.js'
import Spinner from './Spinner.js'
import StatusMark from './StatusMark.js'

export interface Props {
  readonly accounts: readonly AccountState[]
  /** Rows available for the account list. */
  readonly height: number
}

/** One row per account (spinner, then ✓/✗ with status and reason), and the overall bar. */
export default function AccountProgress({ accounts, height }: Props) {
  const theme = useTheme()
  const done = accounts.filter((a) => a.state === 'done').length
  // When they do not all fit, show the ones running and the latest done first.
  const order = accounts.length <= height ? accounts : [...accounts.filter((a) => a.state === 'running'), ...accounts.filter((a) => a.state === 'done').reverse(), ...accounts.filter((a) => a.state === 'waiting')].slice(0, height)
  // The competitors' rows follow ours under a heading of their own (when they all fit; else each is marked).
  const fits = accounts.length + (accounts.some((a) => a.competitor !== undefined) ? 1 : 0) <= height
  const shown = fits ? accounts : order
  const firstTheirs = shown.findIndex((a) => a.competitor !== undefined)
  return (
    <Box flexDirection="column">
      <Text>
        Snapshots <ProgressBar done={done} total={accounts.length} width={24} /> {done}/{accounts.length}
      </Text>
      {shown.map((account, i) => (
        <Box key={account.id} flexDirection="column">
          {fits && i === firstTheirs && <Text color={theme.muted}>{'  '}Competitors · public sources only, never counted as ours</Text>}
          <Text wrap="truncate-end">
            {'  '}
            {account.state === 'running' ? <Spinner /> : account.state === 'done' ? <StatusMark status={account.result!.status} /> : <Text color={theme.muted}>·</Text>} {fit(account.label, 24)}{' '}
            {!fits && account.competitor !== undefined && <Text color={theme.muted}>competitor </Text>}
            {account.result ? (
              <Text color={account.result.status === 'ok' ? undefined : theme.warn}>
                {account.result.status}
                {account.result.reason ? ` (${account.result.reason})` : ''} <Text color={theme.muted}>{formatMs(account.result.durationMs)}</Text>
              </Text>
            ) : (
              <Text color={theme.muted}>{account.state === 'running' ? 'capturing…' : 'waiting'}</Text>
            )}
          </Text>
        </Box>
      ))}
    </Box>
  )
}
