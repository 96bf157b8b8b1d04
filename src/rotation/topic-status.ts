// Owns "where each topic stands": when it was last covered (the meeting log),
// when it is next due (the schedule), and when a deck was last built for it.
// `showtell topics` and the app's Topics screen both list this.
import { lastBuiltByTopic } from '../build/recent.js'
import type { Workspace } from '../workspace/load.js'
import { topicPlanFor } from './for-workspace.js'
import { readMeetingLog } from './log.js'

export interface TopicStatus {
  readonly id: string
  readonly title: string
  readonly origin: 'builtin' | 'workspace'
  /** The last meeting that covered it (held or built), or null. */
  readonly lastCovered: string | null
  /** The next meeting the schedule gives it (within two years), or null. */
  readonly due: string | null
  /** The newest deck built for it, by meeting date, or null. */
  readonly lastBuilt: string | null
}

export async function listTopicStatus(workspace: Workspace, options: { readonly from?: string } = {}): Promise<TopicStatus[]> {
  const [lastBuilt, log] = await Promise.all([lastBuiltByTopic(workspace), readMeetingLog(workspace.paths.root)])
  // Only the dates matter here: the plan without clock times, from the log already read.
  const plan = await topicPlanFor(workspace, { weeks: 104, log, from: options.from })
  const lastCovered = new Map<string, string>()
  for (const entry of log) lastCovered.set(entry.topic, entry.date)
  const due = new Map<string, string>()
  for (const meeting of plan) if (!due.has(meeting.topic)) due.set(meeting.topic, meeting.date)
  return [...workspace.topics.values()].map(({ topic, origin }) => ({
    id: topic.id,
    title: topic.title,
    origin,
    lastCovered: lastCovered.get(topic.id) ?? null,
    due: due.get(topic.id) ?? null,
    lastBuilt: lastBuilt.get(topic.id) ?? null,
  }))
}
