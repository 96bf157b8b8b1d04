// Owns meeting dates: which calendar days the weekly meeting falls on, given
// its weekday, start date and skip list. Pure; dates are YYYY-MM-DD strings.
import { WEEKDAYS } from '../workspace/config-values.js'
import type { WorkspaceConfig } from '../workspace/schema.js'

type Meeting = WorkspaceConfig['meeting']

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  const js = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7]!
}

/** "Tuesday", as a person reads it. */
export function weekdayName(date: string): string {
  const day = weekdayOf(date)
  return day.charAt(0).toUpperCase() + day.slice(1)
}

/** Today's date in `timeZone`, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The next `count` meeting dates on or after `from` (and never before `meeting.start`), skips left out. */
export function meetingDates(meeting: Meeting, from: string, count: number): string[] {
  const skip = new Set(meeting.skip)
  let day = from < meeting.start ? meeting.start : from
  const offset = (WEEKDAYS.indexOf(meeting.weekday) - WEEKDAYS.indexOf(weekdayOf(day)) + 7) % 7
  day = addDays(day, offset)
  const dates: string[] = []
  // A bound on the walk: a skip list cannot make this loop forever.
  for (let guard = 0; dates.length < count && guard < count + meeting.skip.length + 1; guard++, day = addDays(day, 7)) {
    if (!skip.has(day)) dates.push(day)
  }
  return dates
}

/**
 * The last meeting before `date`: the newest scheduled meeting date strictly
 * before it (on `meeting.weekday`, never before `meeting.start`, skips left
 * out); undefined when no meeting was scheduled before `date`. `date` itself
 * may be a meeting day or not. What "since the last meeting" is measured from
 * (snapshot/history.ts: sinceLastMeeting).
 */
export function previousMeetingDate(meeting: Meeting, date: string): string | undefined {
  const skip = new Set(meeting.skip)
  let day = addDays(date, -1)
  day = addDays(day, -((WEEKDAYS.indexOf(weekdayOf(day)) - WEEKDAYS.indexOf(meeting.weekday) + 7) % 7))
  // A bound on the walk, as in meetingDates: only the skipped dates can be passed over.
  for (let guard = 0; day >= meeting.start && guard <= meeting.skip.length; guard++, day = addDays(day, -7)) {
    if (!skip.has(day)) return day
  }
  return undefined
}
