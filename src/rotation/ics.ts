// Owns the calendar export: one RFC 5545 event per meeting, written by the
// `ics` library. UIDs are stable per workspace and meeting date, and when a
// date's topic changes a re-export raises SEQUENCE, so calendars update the
// event instead of adding a second one. What was exported last is kept in
// history/calendar.json.
import { join, resolve } from 'node:path'
import { createEvents, type EventAttributes } from 'ics'
import { planAgenda } from '../agenda/plan.js'
import { describeFailure, nonEmptyString, object, parseJson, record, wholeCount, type Decoder } from '../data/decode.js'
import { readTextIfPresent } from '../data/missing.js'
import { RuntimeError, UserError } from '../errors.js'
import type { Workspace } from '../workspace/load.js'
import { displayPath } from '../workspace/paths.js'
import { writeFileAtomic } from '../workspace/store.js'
import type { PlannedMeeting } from './schedule.js'

export const CALENDAR_STATE_FILE = join('history', 'calendar.json')

type CalendarState = Record<string, { topic: string; sequence: number }>

/** A stable id for the meeting on `date` in this workspace. */
export function meetingUid(companyName: string, date: string): string {
  const slug = companyName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'company'
  return `showtell-${slug}-${date}@showtell`
}

export function buildIcs(workspace: Workspace, plan: readonly PlannedMeeting[], state: CalendarState): { text: string; state: CalendarState; updated: number } {
  const next: CalendarState = { ...state }
  let updated = 0
  const events: EventAttributes[] = plan.map((meeting) => {
    const entry = workspace.topics.get(meeting.topic)
    const topic = entry?.topic
    const before = state[meeting.date]
    const sequence = before ? (before.topic === meeting.topic ? before.sequence : before.sequence + 1) : 0
    if (before && before.topic !== meeting.topic) updated += 1
    next[meeting.date] = { topic: meeting.topic, sequence }
    const agenda = planAgenda({ duration: meeting.duration }).segments.map((s) => `- ${s.title}: ${s.minutes} min`)
    return {
      uid: meetingUid(workspace.config.company.name, meeting.date),
      sequence,
      title: `Executive briefing: ${topic?.title ?? meeting.topic}`,
      description: [topic?.summary ?? '', '', `Agenda (${meeting.duration} minutes):`, ...agenda].join('\n'),
      start: Date.parse(meeting.startUtc),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: Date.parse(meeting.endUtc),
      endInputType: 'utc',
      endOutputType: 'utc',
      productId: 'showtell',
      calName: `${workspace.config.company.name} executive briefings`,
      status: 'CONFIRMED',
    }
  })
  const { error, value } = createEvents(events)
  if (error || !value) throw new RuntimeError(`the calendar could not be written: ${error?.message ?? 'unknown error'}`)
  return { text: value, state: next, updated }
}

export async function exportIcs(workspace: Workspace, plan: readonly PlannedMeeting[], file: string): Promise<{ events: number; updated: number }> {
  const statePath = join(workspace.paths.root, CALENDAR_STATE_FILE)
  const state = await readCalendarState(statePath, displayPath(workspace.paths.root, statePath))
  const { text, state: next, updated } = buildIcs(workspace, plan, state)
  await writeFileAtomic(resolve(file), text)
  await writeFileAtomic(statePath, `${JSON.stringify(next, null, 2)}\n`)
  return { events: plan.length, updated }
}

const calendarState: Decoder<CalendarState> = record(object({ topic: nonEmptyString, sequence: wholeCount }), {
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  expected: 'meeting dates YYYY-MM-DD',
})

/**
 * What was exported last. Only a missing file means "first export": a state
 * that cannot be read or decoded stops the export, because starting from
 * nothing would set every SEQUENCE back to 0 and calendars would then ignore
 * the updated events.
 */
export async function readCalendarState(path: string, shown: string): Promise<CalendarState> {
  const text = await readTextIfPresent(path, shown)
  if (text === undefined) return {}
  const decoded = parseJson(text, calendarState)
  if (!decoded.ok) {
    throw new UserError(describeFailure({ ...decoded.failure, field: '' }, { quote: true }), {
      location: { file: shown, field: decoded.failure.field || undefined },
      hint: 'fix it by hand, or delete it to start over; calendars may then keep old versions of changed meetings',
    })
  }
  return decoded.value
}
