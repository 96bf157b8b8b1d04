// Owns the meeting log: which topic was actually held on which date, in
// `history/meetings.jsonl` (one line per meeting, diff-friendly, written
// atomically). A later line for the same date replaces an earlier one. Each
// line is decoded field by field; a line that does not decode (a hand edit, a
// merge conflict) is never dropped: it is kept verbatim when the log is
// rewritten, and reported with its file and line.
//
// A presented meeting also carries the minutes really spent per segment
// (`actual`), the minutes its plan gave them (`planned`) and when the talk
// ended (`endedAt`): the planner learns from them (agenda.learn, see
// src/agenda/learn.ts). They are written once (recordActualMinutes) and kept
// when the same date is recorded again (a rebuild, `schedule held`).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../errors.js'
import { SEGMENT_IDS, type SegmentId } from '../agenda/segments.js'
import { workspacePaths } from '../workspace/paths.js'
import { acquireLock, writeFileAtomic } from '../workspace/store.js'

export const MEETING_LOG_FILE = join('history', 'meetings.jsonl')

export interface LogEntry {
  readonly date: string
  readonly topic: string
  /** `build` when showtell built the deck; `held` when recorded by hand. */
  readonly source: 'build' | 'held'
  /** The deck folder, relative to the workspace, for builds. */
  readonly deck?: string
  readonly recordedAt: string
  /** Minutes really spent per segment, one decimal, when the meeting was presented. */
  readonly actual?: SegmentMinutes
  /** Minutes the meeting's plan gave each segment, beside `actual`. */
  readonly planned?: SegmentMinutes
  /** When the presented talk ended (ISO instant). */
  readonly endedAt?: string
}

export type SegmentMinutes = Readonly<Partial<Record<SegmentId, number>>>

/** Most minutes one segment can be logged with: a whole day, so a typo (4500 for 45.0) reads as one. */
export const MAX_SEGMENT_MINUTES = 24 * 60

/** A line of the log that is not a meeting: its 1-based number, its text as it is, and why. */
export interface UnreadableLine {
  readonly line: number
  readonly text: string
  readonly problem: string
}

export interface MeetingLog {
  /** One entry per date (the last line for it), sorted by date. */
  readonly entries: LogEntry[]
  readonly unreadable: UnreadableLine[]
}

export async function readMeetingLog(workspaceRoot: string): Promise<LogEntry[]> {
  return (await readMeetingLogFile(workspaceRoot)).entries
}

export async function readMeetingLogFile(workspaceRoot: string): Promise<MeetingLog> {
  let text: string
  try {
    text = await readFile(join(workspaceRoot, MEETING_LOG_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadable: [] }
    throw error
  }
  return parseMeetingLog(text)
}

export function parseMeetingLog(text: string): MeetingLog {
  const byDate = new Map<string, LogEntry>()
  const unreadable: UnreadableLine[] = []
  text.split('\n').forEach((raw, index) => {
    // A file saved on Windows keeps its \r on the kept line, but decodes without it.
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (!line.trim()) return
    const decoded = decodeLogEntry(line)
    if (typeof decoded === 'string') unreadable.push({ line: index + 1, text: line, problem: decoded })
    else byDate.set(decoded.date, decoded)
  })
  return { entries: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)), unreadable }
}

/** One line as a meeting, or the reason it is not one. */
export function decodeLogEntry(line: string): LogEntry | string {
  let data: unknown
  try {
    data = JSON.parse(line)
  } catch {
    return 'not JSON'
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object'
  const field = (key: string): unknown => (data as Record<string, unknown>)[key]
  const date = field('date')
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'date: not a date (YYYY-MM-DD)'
  const topic = field('topic')
  if (typeof topic !== 'string' || topic.trim() === '' || topic.length > 200) return 'topic: not a topic id'
  const source = field('source') ?? 'held'
  if (source !== 'build' && source !== 'held') return 'source: neither "build" nor "held"'
  const deck = field('deck')
  if (deck !== undefined && typeof deck !== 'string') return 'deck: not a folder name'
  const recordedAt = field('recordedAt') ?? ''
  if (typeof recordedAt !== 'string') return 'recordedAt: not a time'
  const minutes: { actual?: SegmentMinutes; planned?: SegmentMinutes } = {}
  for (const key of ['actual', 'planned'] as const) {
    const value = field(key)
    if (value === undefined) continue
    const decoded = decodeSegmentMinutes(value)
    if (typeof decoded === 'string') return `${key}: ${decoded}`
    minutes[key] = decoded
  }
  const endedAt = field('endedAt')
  if (endedAt !== undefined && (typeof endedAt !== 'string' || Number.isNaN(Date.parse(endedAt)))) return 'endedAt: not a time'
  return { date, topic, source, ...(deck === undefined ? {} : { deck }), recordedAt, ...minutes, ...(endedAt === undefined ? {} : { endedAt }) }
}

/** `{ "<segment id>": minutes }`, or why it is not: an unknown segment, or minutes that are not a number from 0 to a day. */
export function decodeSegmentMinutes(value: unknown): SegmentMinutes | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object of minutes per segment'
  const out: Partial<Record<SegmentId, number>> = {}
  for (const [id, minutes] of Object.entries(value)) {
    if (!(SEGMENT_IDS as readonly string[]).includes(id)) return `unknown segment ${JSON.stringify(id)} (known: ${SEGMENT_IDS.join(', ')})`
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > MAX_SEGMENT_MINUTES) {
      return `${id}: ${JSON.stringify(minutes)} is not a number of minutes from 0 to ${MAX_SEGMENT_MINUTES}`
    }
    out[id as SegmentId] = minutes
  }
  return out
}

/** `history/meetings.jsonl:4: not JSON; the line is kept as it is: fix or delete it` */
export function describeUnreadable(unreadable: UnreadableLine): string {
  return `${MEETING_LOG_FILE}:${unreadable.line}: ${unreadable.problem}; the line is kept as it is: fix or delete it`
}

/**
 * Records a meeting; an entry for the same date is replaced. Lines that are
 * not meetings are written back verbatim, first, in their order.
 */
export async function recordMeeting(workspaceRoot: string, entry: Omit<LogEntry, 'recordedAt' | 'actual' | 'planned' | 'endedAt'>): Promise<LogEntry[]> {
  const log = await readMeetingLogFile(workspaceRoot)
  const previous = log.entries.find((e) => e.date === entry.date)
  // A presented meeting was held, whatever is recorded for its date later
  // (a rebuild of its deck): it stays held and keeps the minutes spent.
  const presented = previous?.actual ? { source: 'held' as const, ...presentedFields(previous) } : {}
  return writeEntries(workspaceRoot, log, { ...entry, recordedAt: new Date().toISOString(), ...presented })
}

function presentedFields(entry: LogEntry): Pick<LogEntry, 'actual' | 'planned' | 'endedAt'> {
  return { ...(entry.actual ? { actual: entry.actual } : {}), ...(entry.planned ? { planned: entry.planned } : {}), ...(entry.endedAt ? { endedAt: entry.endedAt } : {}) }
}

/** Replaces the entry for `entry.date`; lines that are not meetings go back verbatim, first. */
async function writeEntries(workspaceRoot: string, log: MeetingLog, entry: LogEntry): Promise<LogEntry[]> {
  const entries = log.entries.filter((e) => e.date !== entry.date)
  // Fields in one order on every line, date first, so the file diffs well.
  const { date, topic, source, deck, recordedAt } = entry
  entries.push({ date, topic, source, ...(deck === undefined ? {} : { deck }), recordedAt, ...presentedFields(entry) })
  entries.sort((a, b) => a.date.localeCompare(b.date))
  const lines = [...log.unreadable.map((u) => u.text), ...entries.map((e) => JSON.stringify(e))]
  await writeFileAtomic(join(workspaceRoot, MEETING_LOG_FILE), `${lines.join('\n')}\n`)
  return entries
}

export interface ActualMinutesInput {
  /** The meeting date, YYYY-MM-DD. */
  readonly date: string
  /** The topic presented. */
  readonly topic: string
  /** The deck folder presented, relative to the workspace; default: the one the log has for the date. */
  readonly deck?: string
  /** Minutes really spent per segment (rounded to one decimal when written). */
  readonly actual: SegmentMinutes
  /** Minutes the deck's plan gave each segment (its budgets), so the planner can compare. */
  readonly planned: SegmentMinutes
  /** When the talk ended (ISO instant). */
  readonly endedAt: string
}

/**
 * Writes the minutes really spent in a presented meeting into its entry in
 * the meeting log, once: the entry marks the meeting held (source `held`, as
 * the rotation reads it; its deck folder and the planned minutes beside the
 * actual ones). A date that already has actual minutes is left as it is
 * ('already'): the first end of the talk is the one recorded. Takes the
 * workspace lock, as `schedule held` does, so a build finishing at the same
 * time cannot lose the line (do not call it while holding that lock).
 * Bad input (a date, an unknown segment, minutes below 0) is a UserError.
 */
export async function recordActualMinutes(workspaceRoot: string, input: ActualMinutesInput): Promise<'written' | 'already'> {
  const { date, topic, deck, endedAt } = input
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError(`${JSON.stringify(date)} is not a date`, { location: { field: 'date' }, hint: 'use YYYY-MM-DD' })
  if (topic.trim() === '' || topic.length > 200) throw new UserError(`${JSON.stringify(topic)} is not a topic id`, { location: { field: 'topic' } })
  if (Number.isNaN(Date.parse(endedAt))) throw new UserError(`${JSON.stringify(endedAt)} is not a time`, { location: { field: 'endedAt' }, hint: 'an ISO instant, e.g. 2026-12-08T09:47:12.000Z' })
  const actual = requireMinutes(input.actual, 'actual')
  const planned = requireMinutes(input.planned, 'planned')
  const root = workspacePaths(workspaceRoot)
  const lock = await acquireLock(root.lock, `recording the minutes of ${date}`)
  try {
    const log = await readMeetingLogFile(workspaceRoot)
    const previous = log.entries.find((e) => e.date === date)
    if (previous?.actual) return 'already'
    const folder = deck ?? (previous?.topic === topic ? previous.deck : undefined)
    await writeEntries(workspaceRoot, log, { date, topic, source: 'held', ...(folder === undefined ? {} : { deck: folder }), recordedAt: new Date().toISOString(), actual, planned, endedAt })
    return 'written'
  } finally {
    await lock.release()
  }
}

/** Minutes per known segment, each rounded to one decimal. */
function requireMinutes(value: SegmentMinutes, field: 'actual' | 'planned'): SegmentMinutes {
  const decoded = decodeSegmentMinutes(value)
  if (typeof decoded === 'string') throw new UserError(`${field}: ${decoded}`, { location: { field } })
  // In meeting order, so every line lists the segments alike.
  return Object.fromEntries(SEGMENT_IDS.filter((id) => decoded[id] !== undefined).map((id) => [id, Math.round(decoded[id]! * 10) / 10]))
}
