// Owns the schedule: which topic falls on which of the next N meetings, and
// why. Pure and deterministic: the same cadence, skips, pins, policy, library
// and log always give the same plan.
//
// Under `least-recent`, each meeting takes the topic covered longest ago
// (never-covered topics first), counting both the log and the meetings already
// planned in the window, so no topic comes back before every other topic has
// had its turn, unless a pin says so. Under `in-order`, topics follow
// `rotation.order` (then the rest by id), continuing after the last one held.
import type { WorkspaceConfig } from '../workspace/schema.js'
import { meetingDates } from './calendar.js'
import type { LogEntry } from './log.js'
import { localIso, zonedTimeToUtc } from './time.js'

export type ScheduleReason =
  | { readonly kind: 'pinned' }
  | { readonly kind: 'held'; readonly source: LogEntry['source'] }
  | { readonly kind: 'never-covered' }
  | { readonly kind: 'least-recent'; readonly lastCovered: string }
  | { readonly kind: 'next-in-order'; readonly after?: string }

export interface PlannedMeeting {
  readonly date: string
  /** Local start and end with their UTC offset, e.g. 2026-11-24T09:00:00+01:00. */
  readonly start: string
  readonly end: string
  /** The same instants in UTC. */
  readonly startUtc: string
  readonly endUtc: string
  readonly timezone: string
  readonly duration: number
  readonly topic: string
  readonly reason: ScheduleReason
}

export interface ScheduleInput {
  readonly meeting: WorkspaceConfig['meeting']
  readonly rotation: WorkspaceConfig['rotation']
  /** The topic library's ids. */
  readonly topics: readonly string[]
  readonly log: readonly LogEntry[]
  /** The first date to plan from (usually today in the meeting's time zone). */
  readonly from: string
  readonly count: number
}

/** One meeting's topic and the reason for it, before clock times are worked out. */
export type PlannedTopic = Pick<PlannedMeeting, 'date' | 'topic' | 'reason'>

export function planSchedule(input: ScheduleInput): PlannedMeeting[] {
  return planTopics(input).map((slot) => withTimes(slot, input.meeting))
}

/**
 * The rotation alone: which topic falls on each meeting date, and why. The
 * same choices as `planSchedule`, without the local and UTC times, which cost
 * most of the time on a long window; for callers that need only dates and
 * topics (the topic listing, the next meeting).
 */
export function planTopics(input: ScheduleInput): PlannedTopic[] {
  const { meeting, rotation, log } = input
  const dates = meetingDates(meeting, input.from, input.count)
  const known = new Set(input.topics)
  const heldOn = new Map(log.map((entry) => [entry.date, entry]))
  // Ties go to rotation.order, then to the id, so the plan is stable.
  const rank = new Map<string, number>()
  for (const id of rotation.order) if (known.has(id) && !rank.has(id)) rank.set(id, rank.size)
  for (const id of [...input.topics].sort()) if (!rank.has(id)) rank.set(id, rank.size)
  const sequence = [...rank.keys()]

  const planned = dates.map((date) => {
    const held = heldOn.get(date)
    if (held && known.has(held.topic)) return { date, topic: held.topic, reason: { kind: 'held', source: held.source } as ScheduleReason }
    const pin = rotation.pins[date]
    if (pin && known.has(pin)) return { date, topic: pin, reason: { kind: 'pinned' } as ScheduleReason }
    return { date, topic: '', reason: undefined as ScheduleReason | undefined }
  })

  if (rotation.policy === 'in-order') {
    const last = [...log].filter((e) => e.date < (dates[0] ?? input.from) && known.has(e.topic)).sort((a, b) => a.date.localeCompare(b.date)).at(-1)
    let cursor = last ? (sequence.indexOf(last.topic) + 1) % sequence.length : 0
    let previous = last?.topic
    for (const slot of planned) {
      if (slot.reason) {
        // A pinned or held topic that is next anyway moves the rotation on.
        if (slot.topic === sequence[cursor]) cursor = (cursor + 1) % sequence.length
        previous = slot.topic
        continue
      }
      slot.topic = sequence[cursor]!
      slot.reason = { kind: 'next-in-order', ...(previous ? { after: previous } : {}) }
      previous = slot.topic
      cursor = (cursor + 1) % sequence.length
    }
  } else {
    // Last covered per topic: the log before the window, then every fixed slot
    // in the window (pins and held meetings count as covered on their date).
    const lastCovered = new Map<string, string>()
    const cover = (topic: string, date: string) => {
      const seen = lastCovered.get(topic)
      if (!seen || seen < date) lastCovered.set(topic, date)
    }
    const firstDate = dates[0] ?? input.from
    for (const entry of log) if (known.has(entry.topic) && entry.date < firstDate) cover(entry.topic, entry.date)
    // What a reason may cite: only coverage before the slot, never a later pin.
    const coveredBefore = new Map(lastCovered)
    for (const slot of planned) if (slot.reason) cover(slot.topic, slot.date)
    for (const slot of planned) {
      if (slot.reason) {
        coveredBefore.set(slot.topic, slot.date)
        continue
      }
      let best = sequence[0]!
      for (const id of sequence) if ((lastCovered.get(id) ?? '') < (lastCovered.get(best) ?? '')) best = id
      const before = coveredBefore.get(best)
      slot.topic = best
      slot.reason = before === undefined ? { kind: 'never-covered' } : { kind: 'least-recent', lastCovered: before }
      lastCovered.set(best, slot.date)
      coveredBefore.set(best, slot.date)
    }
  }

  return planned.map((slot) => ({ date: slot.date, topic: slot.topic, reason: slot.reason! }))
}

/** A planned topic on the calendar: its start and end in the meeting's time zone and in UTC. */
export function withTimes(slot: PlannedTopic, meeting: WorkspaceConfig['meeting']): PlannedMeeting {
  const start = zonedTimeToUtc(slot.date, meeting.time, meeting.timezone)
  const end = new Date(start.getTime() + meeting.duration * 60_000)
  return {
    date: slot.date,
    start: localIso(start, meeting.timezone),
    end: localIso(end, meeting.timezone),
    startUtc: start.toISOString(),
    endUtc: end.toISOString(),
    timezone: meeting.timezone,
    duration: meeting.duration,
    topic: slot.topic,
    reason: slot.reason,
  }
}

/** "pinned", "least recently covered (last on 2026-10-13)", … */
export function describeReason(reason: ScheduleReason): string {
  switch (reason.kind) {
    case 'pinned':
      return 'pinned'
    case 'held':
      return reason.source === 'build' ? 'held (deck built)' : 'held'
    case 'never-covered':
      return 'never covered'
    case 'least-recent':
      return `least recently covered (last on ${reason.lastCovered})`
    case 'next-in-order':
      return reason.after ? `next in order (after ${reason.after})` : 'first in order'
  }
}
