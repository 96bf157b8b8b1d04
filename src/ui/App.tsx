import { Box, Text, useApp, useInput } from 'ink'
import { useCallback, useReducer, useRef, useState } from 'react'
import type { Overview } from '../overview/overview.js'
import type { Workspace } from '../workspace/load.js'
import HelpOverlay from './components/HelpOverlay.js'
import { ScreenKeysContext, type KeyHandler } from './hooks/use-screen-keys.js'
import { useAsync } from './hooks/use-async.js'
import Accounts from './screens/Accounts.js'
import BuildRun from './screens/BuildRun.js'
import BuildSetup from './screens/BuildSetup.js'
import Dashboard from './screens/Dashboard.js'
import Present from './screens/Present.js'
import Result from './screens/Result.js'
import Schedule from './screens/Schedule.js'
import Topics from './screens/Topics.js'
import type { AppServices } from './services.js'
import { currentScreen, navigate, START, type Nav } from './state.js'
import { themeFor, ThemeContext, type Theme } from './theme.js'

export interface Props {
  readonly services: AppServices
  /** Loaded before the first frame, so the dashboard appears complete. */
  readonly workspace: Workspace
  readonly overview: Overview
  /** @default from NO_COLOR */
  readonly theme?: Theme
  /** Where to start (tests open a screen directly). @default the dashboard */
  readonly initial?: Nav
}

/** The one lifecycle root: screen state, global keys, and quitting. */
export default function App({ services, workspace: initialWorkspace, overview: initialOverview, theme, initial }: Props) {
  const { exit } = useApp()
  const [nav, dispatch] = useReducer(navigate, initial ?? START)
  const [workspace, setWorkspace] = useState(initialWorkspace)
  const overview = useAsync(() => services.overview(workspace), [workspace], initialOverview)
  const [busy, setBusy] = useState(false)
  const keys = useRef<KeyHandler | undefined>(undefined)
  const screen = currentScreen(nav)

  const reloadWorkspace = useCallback(async () => setWorkspace(await services.loadWorkspace()), [services])

  // Keys are read against the state on screen now. Ink attaches a new input
  // handler only after a render's effects run, so a key that arrives between
  // a frame and that moment would otherwise meet the previous render's state
  // (a help overlay already closed, a run already finished).
  const current = useRef({ nav, busy })
  current.current = { nav, busy }

  useInput((input, key) => {
    const { nav, busy } = current.current
    if (nav.help) {
      if (key.escape || input === '?') dispatch({ type: 'toggle-help' })
      else if (input === 'q' || (key.ctrl && input === 'c')) {
        // A run in progress is cancelled first (its screen decides how), never cut off by quitting.
        if (busy) {
          dispatch({ type: 'toggle-help' })
          keys.current?.(input, key)
        } else exit()
      }
      return
    }
    if (keys.current?.(input, key)) return
    if (input === '?') dispatch({ type: 'toggle-help' })
    // While a run is in progress its screen has the other keys (they cancel it).
    else if (busy) return
    else if (input === 'q' || (key.ctrl && input === 'c')) exit()
    else if (key.escape) {
      // Leaving a screen refreshes what the dashboard shows (an edit, a snapshot).
      if (nav.stack.length === 2) overview.reload()
      dispatch({ type: 'back' })
    }
  })

  const data = overview.data ?? initialOverview
  let body
  switch (screen.name) {
    case 'dashboard':
      body = <Dashboard overview={data} dispatch={dispatch} open={services.open} choosePresented={() => services.presentChoice(workspace)} />
      break
    case 'topics':
      body = <Topics workspace={workspace} services={services} dispatch={dispatch} nextDate={data.next?.date} />
      break
    case 'schedule':
      body = <Schedule workspace={workspace} services={services} reloadWorkspace={reloadWorkspace} />
      break
    case 'accounts':
      body = <Accounts workspace={workspace} services={services} overview={data} reloadOverview={overview.reload} overviewError={overview.error} setBusy={setBusy} />
      break
    case 'build-setup':
      body = <BuildSetup key={screen.topicId} workspace={workspace} services={services} topicId={screen.topicId} date={screen.date} duration={screen.duration} dispatch={dispatch} />
      break
    case 'build-run':
      body = <BuildRun workspace={workspace} services={services} request={screen.request} dispatch={dispatch} setBusy={setBusy} onBuilt={() => overview.reload()} />
      break
    case 'result':
      body = <Result manifest={screen.manifest} company={workspace.config.company.name} open={services.open} dispatch={dispatch} />
      break
    case 'present':
      body = <Present key={screen.folder} workspace={workspace} services={services} folder={screen.folder} reason={screen.reason} refreshAtStart={screen.refreshAtStart} />
      break
  }
  return (
    <ThemeContext.Provider value={theme ?? themeFor()}>
      <ScreenKeysContext.Provider value={keys}>
        {nav.help && (
          <Box flexDirection="column">
            <Text bold>showtell · help</Text>
            <HelpOverlay screen={screen.name} />
          </Box>
        )}
        {/* The screen stays mounted under the help: a build or snapshot run goes on. */}
        <Box display={nav.help ? 'none' : 'flex'} flexDirection="column">
          {body}
        </Box>
      </ScreenKeysContext.Provider>
    </ThemeContext.Provider>
  )
}
