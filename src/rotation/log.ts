// Owns the meeting log: which topic was actually held on which date, in
// `history/meetings.jsonl` (one line per meeting, diff-friendly, written
// atomically). A later line for the same date replaces an earlier one. Each
// line is decoded field by field; a line that does not decode (a hand edit, a
// merge conflict) is never dropped: it is kept verbatim when the log is
// rewritten, and reported with its file and line.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../workspace/store.js'

export const MEETING_LOG_FILE = join('history', 'meetings.jsonl')

export interface LogEntry {
  readonly date: string
  readonly topic: string
  /** `build` when showtell built the deck; `held` when recorded by hand. */
  readonly source: 'build' | 'held'
  /** The deck folder, relative to the workspace, for builds. */
  readonly deck?: string
  readonly recordedAt: string
}

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
  return { date, topic, source, ...(deck === undefined ? {} : { deck }), recordedAt }
}

/** `history/meetings.jsonl:4: not JSON; the line is kept as it is: fix or delete it` */
export function describeUnreadable(unreadable: UnreadableLine): string {
  return `${MEETING_LOG_FILE}:${unreadable.line}: ${unreadable.problem}; the line is kept as it is: fix or delete it`
}

/**
 * Records a meeting; an entry for the same date is replaced. Lines that are
 * not meetings are written back verbatim, first, in their order.
 */
export async function recordMeeting(workspaceRoot: string, entry: Omit<LogEntry, 'recordedAt'>): Promise<LogEntry[]> {
  const log = await readMeetingLogFile(workspaceRoot)
  const entries = log.entries.filter((e) => e.date !== entry.date)
  entries.push({ ...entry, recordedAt: new Date().toISOString() })
  entries.sort((a, b) => a.date.localeCompare(b.date))
  const lines = [...log.unreadable.map((u) => u.text), ...entries.map((e) => JSON.stringify(e))]
  await writeFileAtomic(join(workspaceRoot, MEETING_LOG_FILE), `${lines.join('\n')}\n`)
  return entries
}
