import { Text } from 'ink'
import { useTheme } from '../theme.js'

export interface Props {
  readonly done: number
  readonly total: number
  /** Characters for the bar itself. @default 30 */
  readonly width?: number
}

/** `[██████░░░░░░]  6/12` */
export default function ProgressBar({ done, total, width = 30 }: Props) {
  const theme = useTheme()
  const share = total > 0 ? Math.min(1, done / total) : 0
  const filled = Math.round(share * width)
  return (
    <Text>
      <Text color={theme.accent}>{'█'.repeat(filled)}</Text>
      <Text color={theme.muted}>{'░'.repeat(width - filled)}</Text>
      <Text> {Math.round(share * 100)}%</Text>
    </Text>
  )
}
