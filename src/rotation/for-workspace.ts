// Owns the schedule of a loaded workspace: its cadence, pins, policy, topic
// library and meeting log put through the pure planner. The CLI, the build
// (--next) and the app all ask here.
import type { Workspace } from '../workspace/load.js'
import { addDays, meetingDates, todayIn } from './calendar.js'
import { readMeetingLog } from './log.js'
import { planSchedule, type PlannedMeeting } from './schedule.js'

/** The plan from today for `weeks` weeks, as the app and `build --next` see it. */
export async function scheduleFor(workspace: Workspace, options: { from?: string; weeks?: number; count?: number } = {}): Promise<PlannedMeeting[]> {
  const { meeting, rotation } = workspace.config
  const from = options.from ?? todayIn(meeting.timezone)
  const count = options.count ?? meetingDates(meeting, from, 1000).filter((d) => d < addDays(from, (options.weeks ?? 8) * 7)).length
  return planSchedule({ meeting, rotation, topics: [...workspace.topics.keys()], log: await readMeetingLog(workspace.paths.root), from, count })
}

