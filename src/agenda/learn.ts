// Owns what the planner learns from the meeting log (agenda.learn): how much
// each segment ran over in the team's last meetings. Pure: the log entries
// in, one factor per segment out; planAgenda (plan.ts) applies them.
//
// The rule: take the last LEARN_FROM meetings before the one being planned
// that have actual minutes (presented with `showtell present`). For each
// segment with both actual and planned minutes (planned > 0) in them, its
// overrun ratio is the mean of actual / planned. A segment whose ratio is
// above 1 gets that ratio as its factor, at most MAX_FACTOR; every other
// segment gets none (running under or on time is never held against a
// segment). planAgenda keeps a segment with a factor at no fewer minutes
// than it would have without learning, and multiplies its weight by the
// factor when it hands out the rest of the spare minutes.
import type { LogEntry } from '../rotation/log.js'
import { SEGMENT_IDS, type SegmentId } from './segments.js'

/** How many of the last presented meetings the planner learns from. */
export const LEARN_FROM = 4
/** The largest factor a segment's weight is multiplied by: twice its share of spare time. */
export const MAX_FACTOR = 2

export interface Learned {
  /** Weight factors (above 1, at most MAX_FACTOR) of the segments that ran over. */
  readonly factors: ReadonlyMap<SegmentId, number>
  /** How many meetings the factors come from (0 to LEARN_FROM). */
  readonly meetings: number
  /** Their dates, oldest first. */
  readonly dates: readonly string[]
}

/** What the last meetings before `date` with actual minutes teach; `date` itself and later meetings do not count. */
export function learnFromMeetings(entries: readonly LogEntry[], date: string): Learned {
  const used = entries
    .filter((entry) => entry.date < date && entry.actual !== undefined && entry.planned !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-LEARN_FROM)
  const factors = new Map<SegmentId, number>()
  for (const id of SEGMENT_IDS) {
    const ratios = used.flatMap((entry) => {
      const actual = entry.actual?.[id]
      const planned = entry.planned?.[id]
      return actual !== undefined && planned !== undefined && planned > 0 ? [actual / planned] : []
    })
    if (ratios.length === 0) continue
    const ratio = ratios.reduce((a, b) => a + b, 0) / ratios.length
    if (ratio > 1) factors.set(id, Math.min(ratio, MAX_FACTOR))
  }
  return { factors, meetings: used.length, dates: used.map((entry) => entry.date) }
}
