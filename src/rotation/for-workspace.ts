// Owns the schedule of a loaded workspace: its cadence, pins, policy, topic
// library and meeting log put through the pure planner. The CLI, the build
// (--next) and the app all ask here.
import type { Workspace } from '../workspace/load.js'
import { addDays, meetingDates, todayIn } from './calendar.js'
import { readMeetingLog } from './log.js'
import { planSchedule, type PlannedMeeting } from './schedule.js'

/** The plan from today for `weeks` weeks, as the app and `build --next` see it. */
export interface ScheduleOptions {
  /** @default today in the meeting's time zone */
  readonly from?: string
  /** How far ahead, in weeks. @default 8 */
  readonly weeks?: number
  /** Treat this meeting as held (a build in progress, not yet in the log). */
  readonly assumeHeld?: { readonly date: string; readonly topic: string }
}

export async function scheduleFor(workspace: Workspace, options: ScheduleOptions = {}): Promise<PlannedMeeting[]> {
  const { meeting, rotation } = workspace.config
  const from = options.from ?? todayIn(meeting.timezone)
  const count = meetingDates(meeting, from, 1000).filter((d) => d < addDays(from, (options.weeks ?? 8) * 7)).length
  const log = await readMeetingLog(workspace.paths.root)
  const assumed = options.assumeHeld
  const fullLog = assumed ? [...log.filter((e) => e.date !== assumed.date), { ...assumed, source: 'build' as const, recordedAt: '' }] : log
  return planSchedule({ meeting, rotation, topics: [...workspace.topics.keys()], log: fullLog, from, count })
}

/**
 * The first meeting on or after `from`. It is planned over a long window, so
 * later pins count exactly as they do in `showtell schedule`.
 */
export async function nextMeeting(workspace: Workspace, from: string, assumeHeld?: ScheduleOptions['assumeHeld']): Promise<PlannedMeeting | undefined> {
  return (await scheduleFor(workspace, { from, weeks: 104, assumeHeld }))[0]
}
