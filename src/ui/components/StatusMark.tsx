import { Text } from 'ink'
import type { SnapshotStatus } from '../../snapshot/types.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly status: SnapshotStatus | 'never'
}

/** ✓ for ok, ✗ for anything a person should look at, · before the first snapshot. */
export default function StatusMark({ status }: Props) {
  const theme = useTheme()
  if (status === 'ok') return <Text color={theme.ok}>✓</Text>
  if (status === 'never') return <Text color={theme.muted}>·</Text>
  return <Text color={status === 'blocked' ? theme.warn : theme.bad}>✗</Text>
}
