import { Box, Text } from 'ink'
import { useState } from 'react'
import type { TopicStatus } from '../../rotation/topic-status.js'
import type { Workspace } from '../../workspace/load.js'
import Frame from '../components/Frame.js'
import { fit } from '../format.js'
import { useAsync } from '../hooks/use-async.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useSelection, windowStart } from '../hooks/use-selection.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { AppServices } from '../services.js'
import type { NavAction } from '../state.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly workspace: Workspace
  readonly services: AppServices
  readonly dispatch: (action: NavAction) => void
  /** The next meeting's date: a build from here is for that meeting. */
  readonly nextDate?: string
}

export default function Topics({ workspace, services, dispatch, nextDate }: Props) {
  const theme = useTheme()
  const { columns, rows } = useTerminalSize()
  const topics = useAsync(() => services.topics(workspace), [workspace])
  // By title, as a person looks for them (the library itself is in id order).
  const list: readonly TopicStatus[] = [...(topics.data ?? [])].sort((a, b) => a.title.localeCompare(b.title))
  const [index, move] = useSelection(list.length)
  const [duration, setDuration] = useState(workspace.config.meeting.duration)
  const selected = list[index]

  useScreenKeys((input, key) => {
    if (move(input, key)) return true
    if (key.leftArrow) setDuration((d) => Math.max(30, d - 5))
    else if (key.rightArrow) setDuration((d) => Math.min(60, d + 5))
    else if (key.return && selected) dispatch({ type: 'open', screen: { name: 'build-setup', topicId: selected.id, date: nextDate, duration } })
    else return false
    return true
  })

  const listWidth = Math.min(46, Math.floor(columns * 0.45))
  const visible = Math.max(3, rows - 6)
  const first = windowStart(index, list.length, visible)
  // Planned as the build will plan it (the history and the latest audit on disk), for the meeting a build from here is for.
  const preview = useAsync(
    async () => (selected ? { topicId: selected.id, ...(await services.agenda(workspace, selected.id, { duration, date: nextDate })) } : undefined),
    [workspace, selected?.id, duration, nextDate],
  )
  // An answer for another topic or duration is not shown while the new one is planned.
  const planned = preview.data && preview.data.topicId === selected?.id && preview.data.plan.duration === duration ? preview.data : undefined
  const topic = selected ? workspace.topics.get(selected.id)?.topic : undefined

  return (
    <Frame screen="topics" title="topics" company={workspace.config.company.name} status={topics.error ?? preview.error ? { text: (topics.error ?? preview.error)!.message, error: true } : undefined}>
      {topics.loading && !topics.data ? (
        <Text color={theme.muted}>Reading the library…</Text>
      ) : (
        <Box>
          <Box flexDirection="column" width={listWidth} flexShrink={0} marginRight={2}>
            <Text color={theme.muted}> {fit('TOPIC', listWidth - 13)} LAST</Text>
            {list.slice(first, first + visible).map((row, i) => {
              const on = first + i === index
              return (
                <Text key={row.id} bold={on} inverse={on}>
                  {on ? '›' : ' '}
                  {fit(row.title, listWidth - 13)} {fit(row.lastCovered ?? 'never', 10)}
                </Text>
              )
            })}
          </Box>
          {selected && topic && (
            <Box flexDirection="column" flexGrow={1} flexShrink={1}>
              <Text bold color={theme.accent} wrap="truncate-end">
                {topic.title}
              </Text>
              <Text color={theme.muted} wrap="truncate-end">
                {selected.id} · last covered {selected.lastCovered ?? 'never'} · due {selected.due ?? '-'}
                {selected.lastBuilt ? ` · built ${selected.lastBuilt}` : ''}
              </Text>
              <Box height={3} overflow="hidden">
                <Text wrap="wrap">{topic.summary}</Text>
              </Box>
              {planned ? (
                <>
                  <Text bold>
                    Agenda for {planned.plan.duration} min <Text color={theme.muted}>(← → to change)</Text>
                  </Text>
                  {planned.plan.segments.map((segment) => (
                    <Text key={segment.id} wrap="truncate-end" color={segment.placeholder ? theme.muted : undefined}>
                      {String(segment.minutes).padStart(3)} min  {segment.title}
                      {segment.placeholder ? ' (placeholder)' : ''}
                    </Text>
                  ))}
                  <Text color={theme.muted} wrap="wrap">
                    {planned.words}
                  </Text>
                </>
              ) : (
                <Text color={theme.muted}>Planning {duration} min…</Text>
              )}
            </Box>
          )}
        </Box>
      )}
    </Frame>
  )
}
