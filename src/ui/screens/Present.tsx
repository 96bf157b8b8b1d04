// Owns the app's Present screen: the same presenting session as `showtell
// present` (src/present/session.ts) for one deck folder, on 127.0.0.1. It
// opens the deck in the browser, shows the deck's and the phone remote's
// addresses, follows the talk (the slide, the segment, its time left, ahead or
// behind) from the deck page's state, and prints the session's lines (fresh
// numbers, the minutes recorded). Leaving the screen stops presenting.
import { Box, Text } from 'ink'
import { useEffect, useRef, useState } from 'react'
import type { LiveState } from '../../present/live.js'
import type { PresentingSession } from '../../present/session.js'
import { redact } from '../../secrets/redact.js'
import type { Workspace } from '../../workspace/load.js'
import { displayPath } from '../../workspace/paths.js'
import Frame from '../components/Frame.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import type { AppServices } from '../services.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly workspace: Workspace
  readonly services: AppServices
  /** The deck's build folder. */
  readonly folder: string
  /** Why this deck (the next meeting's, the latest, the one just built). */
  readonly reason: string
  /** Take fresh numbers as soon as the deck is served (a deck built earlier). */
  readonly refreshAtStart: boolean
}

/** The session's lines shown at most, newest last. */
const LOG_LINES = 6

/** "1:05" from milliseconds, as the presenter view writes it. */
export function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}

/** One line on where the talk is: "Slide 12 of 61 · Key points · 3:10 left · 1:05 behind". */
export function talkLine(state: LiveState | undefined): string {
  if (!state) return 'Waiting for the deck to open in a browser (o opens it)'
  const parts = [`Slide ${state.index + 1} of ${state.count}`]
  if (state.appendix) parts.push('appendix')
  else if (state.segmentTitle) parts.push(state.segmentTitle)
  if (state.ended) parts.push('talk ended')
  else if (!state.started) parts.push('the clock starts at the first move')
  else {
    if (state.segmentLeftMs !== null) parts.push(state.segmentLeftMs >= 0 ? `${clock(state.segmentLeftMs)} left` : `${clock(state.segmentLeftMs)} over`)
    if (state.aheadMs !== null) parts.push(Math.abs(state.aheadMs) < 15_000 ? 'on plan' : `${clock(state.aheadMs)} ${state.aheadMs > 0 ? 'ahead' : 'behind'}`)
    if (state.paused) parts.push('paused')
  }
  return parts.join(' · ')
}

export default function Present({ workspace, services, folder, reason, refreshAtStart }: Props) {
  const theme = useTheme()
  const [session, setSession] = useState<PresentingSession>()
  const [failure, setFailure] = useState<string>()
  const [state, setState] = useState<LiveState>()
  const [log, setLog] = useState<readonly string[]>([])
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  const current = useRef<PresentingSession | undefined>(undefined)
  const hasAccounts = workspace.config.accounts.length > 0

  const openDeck = (url: string) => {
    setStatus({ text: 'Opening the deck…' })
    services.open(url).then(
      () => setStatus({ text: `Opened ${url}` }),
      (error: Error) => setStatus({ text: `Could not open the browser (${error.message}): open the address by hand`, error: true }),
    )
  }

  useEffect(() => {
    let stopped = false
    // A line may quote an error, and an error a URL with a key in it.
    const addLine = (line: string) => setLog((lines) => [...lines, redact(line)].slice(-LOG_LINES))
    services.present(workspace, folder, { refreshAtStart: refreshAtStart && hasAccounts }).then(
      (started) => {
        if (stopped) {
          void started.close()
          return
        }
        current.current = started
        started.events.on('line', addLine)
        started.events.on('state', setState)
        setSession(started)
        openDeck(started.urls[0]!)
      },
      (error: Error) => !stopped && setFailure(error.message),
    )
    // Leaving the screen (or quitting the app) stops presenting.
    return () => {
      stopped = true
      const running = current.current
      current.current = undefined
      if (running) {
        running.events.off('line', addLine)
        running.events.off('state', setState)
        void running.close()
      }
    }
    // The session is started once per screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useScreenKeys((input) => {
    if (input === 'o' && session) openDeck(session.urls[0]!)
    else if (input === 'r' && session) {
      if (!hasAccounts) setStatus({ text: 'No accounts in showtell.yaml: nothing to refresh', error: true })
      else void session.refresh()
    } else return false
    return true
  })

  const shown = displayPath(process.cwd(), folder)
  return (
    <Frame screen="present" title="present" company={workspace.config.company.name} status={status}>
      <Text wrap="truncate-middle">
        <Text bold>Presenting </Text>
        {shown}/ <Text color={theme.muted}>({reason})</Text>
      </Text>
      {failure !== undefined && <Text color={theme.bad}>Could not start presenting: {failure}</Text>}
      {failure === undefined && !session && <Text color={theme.muted}>Starting the server…</Text>}
      {session && (
        <Box flexDirection="column" marginTop={1}>
          <Text>
            <Text bold>Deck    </Text>
            {session.urls[0]}
          </Text>
          <Text>
            <Text bold>Remote  </Text>
            {session.remoteUrl} <Text color={theme.muted}>(a second browser; this machine only)</Text>
          </Text>
          <Box marginTop={1}>
            <Text color={state?.aheadMs != null && state.aheadMs < -15_000 && !state.ended ? theme.warn : undefined} wrap="truncate-end">
              {talkLine(state)}
            </Text>
          </Box>
          <Box marginTop={1} flexDirection="column">
            {log.map((line, i) => (
              <Text key={i} color={theme.muted} wrap="truncate-end">
                {line}
              </Text>
            ))}
          </Box>
        </Box>
      )}
    </Frame>
  )
}
