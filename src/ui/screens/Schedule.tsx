import { Box, Text } from 'ink'
import { useState } from 'react'
import { addDays, todayIn, weekdayName } from '../../rotation/calendar.js'
import type { ScheduleChange } from '../../rotation/changes.js'
import { describeReason } from '../../rotation/schedule.js'
import type { Workspace } from '../../workspace/load.js'
import Frame from '../components/Frame.js'
import { fit } from '../format.js'
import { useAsync } from '../hooks/use-async.js'
import { useScreenKeys } from '../hooks/use-screen-keys.js'
import { useSelection, windowStart } from '../hooks/use-selection.js'
import { useTerminalSize } from '../hooks/use-terminal-size.js'
import type { AppServices } from '../services.js'
import { useTheme } from '../theme.js'

export interface Props {
  readonly workspace: Workspace
  readonly services: AppServices
  /** Reloads showtell.yaml after an edit; the new workspace comes back as a prop. */
  readonly reloadWorkspace: () => Promise<void>
}

interface Row {
  readonly date: string
  readonly time: string
  readonly topic?: string
  readonly why: string
  readonly skipped: boolean
  }

export default function Schedule({ workspace, services, reloadWorkspace }: Props) {
  const theme = useTheme()
  const { columns, rows: height } = useTerminalSize()
  const [weeks, setWeeks] = useState(8)
  const [status, setStatus] = useState<{ text: string; error?: boolean }>()
  const [picking, setPicking] = useState(false)
  const plan = useAsync(() => services.schedule(workspace, weeks), [workspace, weeks])
  const { meeting, rotation } = workspace.config

  // Skipped dates are listed too, so they can be un-skipped from here. Right
  // after a skip the plan is still being worked out again, and still holds
  // the date the workspace now skips: it is listed once, as skipped.
  // From today, as the plan is: the first planned meeting comes after today when the next date is skipped.
  const today = todayIn(meeting.timezone, services.now())
  const rows: Row[] = [
    ...(plan.data ?? []).filter((m) => !meeting.skip.includes(m.date)).map((m) => ({ date: m.date, time: m.start.slice(11, 16), topic: m.topic, why: describeReason(m.reason), skipped: false })),
    ...meeting.skip
      .filter((date) => date >= today && date < addDays(today, weeks * 7))
      .map((date) => ({ date, time: meeting.time, why: 'skipped', skipped: true })),
  ].sort((a, b) => a.date.localeCompare(b.date))
  const [index, move] = useSelection(rows.length)
  const topicIds = [...workspace.topics.keys()]
  const [pick, movePick] = useSelection(topicIds.length)
  const selected = rows[index]

  const apply = (work: () => Promise<string>) => {
    work()
      .then(async (message) => {
        await reloadWorkspace()
        setStatus({ text: message })
      })
      .catch((error: Error) => setStatus({ text: error.message, error: true }))
  }
  const change = (c: ScheduleChange) => apply(async () => `${await services.changeSchedule(workspace, c)} (showtell.yaml)`)

  useScreenKeys((input, key) => {
    if (picking) {
      if (movePick(input, key)) return true
      if (key.escape) setPicking(false)
      else if (key.return && selected) {
        setPicking(false)
        change({ action: 'pin', date: selected.date, topic: topicIds[pick]! })
      } else if (input === 'q' || input === '?') return false
      return true
    }
    if (move(input, key)) return true
    if (!selected) return false
    if (input === 'p') {
      if (selected.skipped) setStatus({ text: `${selected.date} is skipped: press s to un-skip it first`, error: true })
      else setPicking(true)
    } else if (input === 'u') change({ action: 'unpin', date: selected.date })
    else if (input === 's') change({ action: selected.skipped ? 'unskip' : 'skip', date: selected.date })
    else if (input === 'h') apply(async () => `${await services.markHeld(workspace, selected.date, selected.topic)} (history/meetings.jsonl)`)
    else if (input === '+') setWeeks((w) => Math.min(52, w + 4))
    else if (input === '-') setWeeks((w) => Math.max(4, w - 4))
    else return false
    return true
  })

  const title = (id?: string) => (id ? workspace.topics.get(id)?.topic.title ?? id : '')
  const topicWidth = Math.max(20, Math.min(44, columns - 48))
  const visible = Math.max(3, height - 7)
  const first = windowStart(index, rows.length, visible)
  const pickFirst = windowStart(pick, topicIds.length, 10)

  return (
    <Frame screen="schedule" title={`schedule · next ${weeks} weeks`} company={workspace.config.company.name} status={status ?? (plan.error ? { text: plan.error.message, error: true } : undefined)}>
      <Text color={theme.muted} wrap="truncate-end">
        {meeting.weekday}s {meeting.time} {meeting.timezone} · {meeting.duration} min · policy {rotation.policy}
      </Text>
      {picking ? (
        <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
          <Text bold>Pin a topic to {selected?.date} (Enter pins, Esc cancels)</Text>
          {topicIds.slice(pickFirst, pickFirst + 10).map((id) => {
            const on = id === topicIds[pick]
            return (
              <Text key={id} inverse={on} bold={on}>
                {on ? '›' : ' '}
                {title(id)}
              </Text>
            )
          })}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text color={theme.muted}>{`  ${fit('DATE', 15)} ${fit('TOPIC', topicWidth)} WHY`}</Text>
          {rows.slice(first, first + visible).map((row, i) => {
            const on = first + i === index
            return (
              <Text key={row.date} inverse={on} bold={on} wrap="truncate-end" color={row.skipped ? theme.muted : undefined}>
                {on ? '›' : ' '} {fit(`${weekdayName(row.date).slice(0, 3)} ${row.date}`, 15)} {fit(row.skipped ? '(skipped)' : title(row.topic), topicWidth)} {row.why}
              </Text>
            )
          })}
        </Box>
      )}
    </Frame>
  )
}
