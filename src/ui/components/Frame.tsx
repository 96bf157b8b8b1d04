import { Box, Text } from 'ink'
import type { ReactNode } from 'react'
import { redact } from '../../secrets/redact.js'
import { footerKeys } from '../keys.js'
import type { ScreenName } from '../state.js'
import { useTheme } from '../theme.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'

export interface Props {
  readonly screen: ScreenName
  readonly title: string
  readonly company: string
  /** A one-line message under the content: what just happened, or an error. */
  readonly status?: { readonly text: string; readonly error?: boolean }
  readonly children: ReactNode
  /** The footer's keys while a form has them all; @default the screen's keys */
  readonly keys?: string
}

/** Every screen's frame: a title line, the content, a status line and the keys. */
export default function Frame({ screen, title, company, status, children, keys }: Props) {
  const theme = useTheme()
  const { columns, rows } = useTerminalSize()
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Box justifyContent="space-between">
        <Text bold color={theme.accent}>
          showtell · {title}
        </Text>
        <Text color={theme.muted}>{company}</Text>
      </Box>
      <Box flexDirection="column" flexGrow={1} marginTop={1} overflow="hidden">
        {children}
      </Box>
      <Text color={status?.error ? theme.bad : theme.ok} wrap="truncate-end">
        {/* A status line may quote an error, and an error a URL with a key in it. */}
        {status ? redact(status.text) : ' '}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        {keys ?? footerKeys(screen)}
      </Text>
    </Box>
  )
}
