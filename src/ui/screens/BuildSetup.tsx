import { Box, Text } from 'ink'
import { useState } from 'react'
import { DEFAULT_FORMATS, FORMATS, type Format } from '../../build/formats.js'
import type { Workspace } from '../../workspace/load.js'
import Frame from '../components/Frame.js'
import { fit } from '../format.js'
import { useAsync } from '../hooks/use-async.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useSelection } from '../hooks/use-selection.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { AppServices } from '../services.js'
import type { BuildRequest, NavAction } from '../state.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly workspace: Workspace
  readonly services: AppServices
  readonly topicId: string
  readonly date?: string
  readonly duration?: number
  readonly dispatch: (action: NavAction) => void
}

const FORMAT_LABEL: Record<Format, string> = {
  html: 'deck.html (presenter view)',
  pdf: 'deck.pdf (16:9, bookmarks)',
  handout: 'handout.pdf (slides with notes)',
  md: 'deck.md (Marp source)',
  share: 'deck-share.html (no notes, to mail)',
  png: 'slides/*.png (one per slide)',
  pptx: 'deck.pptx (editable PowerPoint)',
}

type Option = 'duration' | Format | 'snapshots'
// The meeting's own formats (on by default) come first, with the snapshots switch after
// them as before; the copies to mail or post in chat (off unless picked) below, under a heading.
const EXTRA_FORMATS: readonly Format[] = FORMATS.filter((format) => !DEFAULT_FORMATS.includes(format))
const OPTIONS: readonly Option[] = ['duration', ...DEFAULT_FORMATS, 'snapshots', ...EXTRA_FORMATS]

export default function BuildSetup({ workspace, services, topicId, date, duration: initial, dispatch }: Props) {
  const theme = useTheme()
  const { columns, rows } = useTerminalSize()
  // Nine options and the agenda fill 80×24 only when the topic and the date share a line and the heading goes.
  const roomy = rows >= 28
  const [duration, setDuration] = useState(initial ?? workspace.config.meeting.duration)
  const [formats, setFormats] = useState<ReadonlySet<Format>>(new Set(DEFAULT_FORMATS))
  const [snapshots, setSnapshots] = useState(workspace.config.accounts.length > 0)
  const [index, move] = useSelection(OPTIONS.length)
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  const topic = workspace.topics.get(topicId)?.topic
  const option = OPTIONS[index]!
  // The agenda this build will have: planned as buildDeck plans it, following the duration and the snapshots switch.
  const preview = useAsync(() => services.agenda(workspace, topicId, { duration, date, snapshots }), [workspace, topicId, duration, date, snapshots])
  const planned = preview.data && preview.data.plan.duration === duration && preview.data.material.snapshots === (snapshots && workspace.config.accounts.length > 0) ? preview.data : undefined

  useScreenKeys((input, key) => {
    if (move(input, key)) return true
    if (key.leftArrow || input === '-') setDuration((d) => Math.max(30, d - 1))
    else if (key.rightArrow || input === '+') setDuration((d) => Math.min(60, d + 1))
    else if (input === ' ') {
      if (option === 'snapshots') setSnapshots((s) => !s)
      else if (option !== 'duration') {
        const next = new Set(formats)
        if (next.has(option)) next.delete(option)
        else next.add(option)
        setFormats(next)
      }
    } else if (key.return) {
      if (formats.size === 0) {
        setStatus({ text: 'Pick at least one format (Space switches one on)', error: true })
        return true
      }
      const request: BuildRequest = { topicId, date, duration, formats: FORMATS.filter((f) => formats.has(f)), snapshots }
      dispatch({ type: 'replace', screen: { name: 'build-run', request } })
    } else return false
    return true
  })

  const row = (name: Option, label: string, value: string) => {
    const on = name === option
    return (
      <Text key={name} inverse={on} bold={on}>
        {on ? '›' : ' '} {label.padEnd(37)} {value}
      </Text>
    )
  }
  return (
    <Frame screen="build-setup" title="build" company={workspace.config.company.name} status={status}>
      <Text wrap="truncate-end">
        <Text bold>Topic </Text>
        <Text color={theme.accent}>{topic?.title ?? topicId}</Text>
        {!roomy && (
          <>
            {' · '}
            <Text bold>Date </Text>
            {date ?? 'the next meeting day'}
          </>
        )}
      </Text>
      {roomy && (
        <Text>
          <Text bold>Date  </Text>
          {date ?? 'the next meeting day'}
        </Text>
      )}
      <Box flexDirection="column" marginTop={roomy ? 1 : 0}>
        {row('duration', 'Duration (← → from 30 to 60)', `‹ ${duration} min ›`)}
        {DEFAULT_FORMATS.map((format) => row(format, FORMAT_LABEL[format], formats.has(format) ? '[x]' : '[ ]'))}
        {row('snapshots', `Live snapshots of ${workspace.config.accounts.length} accounts`, snapshots ? '[x]' : '[ ]')}
        {roomy && <Text color={theme.muted}>  To mail or post in chat</Text>}
        {EXTRA_FORMATS.map((format) => row(format, FORMAT_LABEL[format], formats.has(format) ? '[x]' : '[ ]'))}
      </Box>
      {planned && <Agenda planned={planned} width={columns} muted={theme.muted} />}
      {preview.error && <Text color={theme.muted}>{preview.error.message}</Text>}
      <Box marginTop={1}>
        <Text color={theme.muted}>Enter builds into out/{date ?? 'DATE'}-{topicId}/ · Space switches an option</Text>
      </Box>
    </Frame>
  )
}

/** The planned agenda in two columns (it shares the screen with the options), and the material it assumed. */
function Agenda({ planned, width, muted }: { readonly planned: Awaited<ReturnType<AppServices['agenda']>>; readonly width: number; readonly muted?: string }) {
  const segments = planned.plan.segments
  const half = Math.ceil(segments.length / 2)
  const cell = Math.max(20, Math.floor((width - 6) / 2))
  const entry = (s: (typeof segments)[number] | undefined) => (s ? fit(`${String(s.minutes).padStart(3)} min  ${s.title}${s.placeholder ? ' (placeholder)' : ''}`, cell - 1) : '')
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Agenda for {planned.plan.duration} min</Text>
      {segments.slice(0, half).map((segment, i) => (
        <Text key={segment.id} wrap="truncate-end">
          {entry(segment)} {entry(segments[half + i])}
        </Text>
      ))}
      <Text color={muted} wrap="truncate-end">
        {planned.words}
      </Text>
    </Box>
  )
}
