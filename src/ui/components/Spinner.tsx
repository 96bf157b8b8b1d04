import { Text } from 'ink'
import { useEffect, useState } from 'react'
import { useTheme } from '../theme.js'

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** A one-character spinner for work in progress. */
export default function Spinner() {
  const theme = useTheme()
  const [frame, setFrame] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 100)
    return () => clearInterval(timer)
  }, [])
  return <Text color={theme.accent}>{FRAMES[frame]}</Text>
}
