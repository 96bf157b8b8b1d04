// Owns the schedule of a loaded workspace: its cadence, pins, policy, topic
// library and meeting log put through the pure planner. The CLI, the build
// (--next) and the app all ask here.
import type { Workspace } from '../workspace/load.js'
import { addDays, meetingDates, todayIn } from './calendar.js'
import { readMeetingLog, type LogEntry } from './log.js'
import { planSchedule, planTopics, withTimes, type PlannedMeeting, type PlannedTopic, type ScheduleInput } from './schedule.js'

/** The plan from today for `weeks` weeks, as the app and `build --next` see it. */
export interface ScheduleOptions {
  /** @default today in the meeting's time zone */
  readonly from?: string
  /** How far ahead, in weeks. @default 8 */
  readonly weeks?: number
  /** Treat this meeting as held (a build in progress, not yet in the log). */
  readonly assumeHeld?: { readonly date: string; readonly topic: string }
  /** The meeting log, when the caller has already read it. @default read from history/ */
  readonly log?: readonly LogEntry[]
}

/** The most meetings one plan covers. */
const MAX_MEETINGS = 1000

export async function scheduleFor(workspace: Workspace, options: ScheduleOptions = {}): Promise<PlannedMeeting[]> {
  return planSchedule(await scheduleInput(workspace, options))
}

/** The same plan as `scheduleFor`, dates and topics only (no clock times): for listings. */
export async function topicPlanFor(workspace: Workspace, options: ScheduleOptions = {}): Promise<PlannedTopic[]> {
  return planTopics(await scheduleInput(workspace, options))
}

async function scheduleInput(workspace: Workspace, options: ScheduleOptions): Promise<ScheduleInput> {
  const { meeting, rotation } = workspace.config
  const from = options.from ?? todayIn(meeting.timezone)
  const weeks = options.weeks ?? 8
  const end = addDays(from, weeks * 7)
  // Meetings are weekly, so the window holds at most ceil(weeks) of them: no
  // need to walk further than that to count the ones before `end`.
  const count = meetingDates(meeting, from, Math.min(MAX_MEETINGS, Math.max(0, Math.ceil(weeks)))).filter((d) => d < end).length
  const log = options.log ?? (await readMeetingLog(workspace.paths.root))
  const assumed = options.assumeHeld
  const fullLog = assumed ? [...log.filter((e) => e.date !== assumed.date), { ...assumed, source: 'build' as const, recordedAt: '' }] : log
  return { meeting, rotation, topics: [...workspace.topics.keys()], log: fullLog, from, count }
}

/**
 * The first meeting on or after `from`. It is planned over a long window, so
 * later pins count exactly as they do in `showtell schedule`; only the first
 * meeting gets its clock times worked out.
 */
export async function nextMeeting(workspace: Workspace, from: string, assumeHeld?: ScheduleOptions['assumeHeld']): Promise<PlannedMeeting | undefined> {
  const first = (await topicPlanFor(workspace, { from, weeks: 104, assumeHeld }))[0]
  return first && withTimes(first, workspace.config.meeting)
}
