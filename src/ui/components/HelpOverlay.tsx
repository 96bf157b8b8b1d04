import { Box, Text } from 'ink'
import { GLOBAL_KEYS, SCREEN_KEYS } from '../keys.js'
import type { ScreenName } from '../state.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly screen: ScreenName
}

/** The `?` overlay: this screen's keys, then the ones that work everywhere. */
export default function HelpOverlay({ screen }: Props) {
  const theme = useTheme()
  const rows = [...SCREEN_KEYS[screen], ...GLOBAL_KEYS.filter(([key]) => !SCREEN_KEYS[screen].some(([own]) => own === key))]
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>Keys on this screen</Text>
      {rows.map(([key, does]) => (
        <Text key={key}>
          <Text bold color={theme.accent}>
            {key.padEnd(10)}
          </Text>
          {does}
        </Text>
      ))}
      <Text color={theme.muted}>Esc or ? closes this help</Text>
    </Box>
  )
}
