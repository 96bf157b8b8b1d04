import { Box, Text } from 'ink'
import { useEffect, useRef, useState } from 'react'
import type { BuildEvent, BuildManifest, BuildStep, Format } from '../../build/build.js'
import type { Workspace } from '../../workspace/load.js'
import AccountProgress from '../components/AccountProgress.js'
import { applySnapshotEvent, waitingRows, type AccountState } from '../progress.js'
import Frame from '../components/Frame.js'
import Spinner from '../components/Spinner.js'
import { formatMs } from '../format.js'
import { useElapsed } from '../hooks/use-elapsed.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { AppServices } from '../services.js'
import type { BuildRequest, NavAction } from '../state.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly workspace: Workspace
  readonly services: AppServices
  readonly request: BuildRequest
  readonly dispatch: (action: NavAction) => void
  readonly setBusy: (busy: boolean) => void
  /** Called after the build, with its manifest (the app refreshes its dashboard). */
  readonly onBuilt?: (manifest: BuildManifest) => void
}

const STEP_LABEL: Partial<Record<BuildStep, string>> = {
  markdown: 'Compose deck.md and render the slides',
  html: 'deck.html with the presenter view',
  pdf: 'Export deck.pdf',
  share: 'deck-share.html without notes',
  handout: 'Export handout.pdf',
  png: 'Slide images (slides/*.png)',
  pptx: 'Export deck.pptx',
  write: 'Write out/ and the history',
}

type Phase = { readonly kind: 'running' } | { readonly kind: 'cancelling' } | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly message: string }

export default function BuildRun({ workspace, services, request, dispatch, setBusy, onBuilt }: Props) {
  const theme = useTheme()
  const { rows } = useTerminalSize()
  const [start] = useState(() => performance.now())
  const [phase, setPhase] = useState<Phase>({ kind: 'running' })
  const [steps, setSteps] = useState<ReadonlyMap<BuildStep, number | 'running'>>(new Map())
  const [accounts, setAccounts] = useState<AccountState[]>(() => (request.snapshots ? waitingRows(workspace.config) : []))
  const controller = useRef(new AbortController())
  const elapsed = useElapsed(start, phase.kind === 'running' || phase.kind === 'cancelling')
  const [finalMs, setFinalMs] = useState<number>()

  useEffect(() => {
    const signal = controller.current.signal
    setBusy(true)
    const onProgress = (event: BuildEvent) => {
      if (event.type === 'step-start') setSteps((s) => new Map(s).set(event.step, 'running'))
      else if (event.type === 'step-done') setSteps((s) => new Map(s).set(event.step, event.ms))
      else if (event.type === 'snapshot') {
        setAccounts((rows) => applySnapshotEvent(rows, event.event))
      }
    }
    services
      .build(workspace, { topic: request.topicId, date: request.date, duration: request.duration, formats: request.formats, snapshots: request.snapshots, onProgress, signal })
      .then((manifest) => {
        setBusy(false)
        onBuilt?.(manifest)
        dispatch({ type: 'finish', screen: { name: 'result', manifest } })
      })
      .catch((error: Error) => {
        setBusy(false)
        setFinalMs(performance.now() - start)
        setPhase(signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: error.message })
      })
    return () => controller.current.abort()
    // One build per screen: the request does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useScreenKeys((input, key) => {
    if (phase.kind === 'running') {
      if ((key.ctrl && input === 'c') || key.escape || input === 'q') {
        setPhase({ kind: 'cancelling' })
        controller.current.abort()
      }
      return input !== '?'
    }
    if (phase.kind === 'cancelling') return input !== '?'
    return false
  })

  // The steps this build takes: deck.html is also rendered when only the PDF is wanted (it is what prints).
  const has = (format: Format) => request.formats.includes(format)
  // The exports (pdf, handout, png, pptx) run side by side, so several can show their spinners at once.
  const planned: BuildStep[] = [
    'markdown',
    ...(has('html') || has('pdf') ? (['html'] as const) : []),
    ...(['share', 'pdf', 'handout', 'png', 'pptx'] as const).filter((step) => has(step)),
    'write',
  ]
  const status =
    phase.kind === 'cancelling'
      ? { text: 'Cancelling: closing the browser…', error: true }
      : phase.kind === 'cancelled'
        ? { text: 'Cancelled: nothing was written to out/ or the history. Esc goes back.', error: true }
        : phase.kind === 'failed'
          ? { text: `Build failed: ${phase.message}`, error: true }
          : undefined
  const topic = workspace.topics.get(request.topicId)?.topic.title ?? request.topicId
  return (
    <Frame screen="build-run" title="building" company={workspace.config.company.name} status={status}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          {topic}
        </Text>{' '}
        · {request.date ?? 'next meeting'} · {request.duration} min · {request.formats.join(', ')}
      </Text>
      <Text color={theme.muted}>Elapsed {formatMs(finalMs ?? elapsed)}</Text>
      {request.snapshots && (
        <Box marginTop={1}>
          <AccountProgress accounts={accounts} height={Math.max(2, rows - 16)} />
        </Box>
      )}
      <Box marginTop={1} flexDirection="column">
        {planned.map((step) => {
          const state = steps.get(step)
          return (
            <Text key={step}>
              {state === 'running' ? <Spinner /> : state === undefined ? <Text color={theme.muted}>·</Text> : <Text color={theme.ok}>✓</Text>} {STEP_LABEL[step]!.padEnd(40)}{' '}
              <Text color={theme.muted}>{typeof state === 'number' ? formatMs(state) : ''}</Text>
            </Text>
          )
        })}
      </Box>
    </Frame>
  )
}
