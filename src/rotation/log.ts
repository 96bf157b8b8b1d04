// Owns the meeting log: which topic was actually held on which date, in
// `history/meetings.jsonl` (one line per meeting, diff-friendly, written
// atomically). A later line for the same date replaces an earlier one.
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

export async function readMeetingLog(workspaceRoot: string): Promise<LogEntry[]> {
  let text: string
  try {
    text = await readFile(join(workspaceRoot, MEETING_LOG_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const byDate = new Map<string, LogEntry>()
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const entry = JSON.parse(line) as LogEntry
      if (typeof entry.date === 'string' && typeof entry.topic === 'string') byDate.set(entry.date, entry)
    } catch {
      // A hand-edited line that no longer parses is skipped, not fatal.
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))
}

/** Records a meeting; an entry for the same date is replaced. */
export async function recordMeeting(workspaceRoot: string, entry: Omit<LogEntry, 'recordedAt'>): Promise<LogEntry[]> {
  const entries = (await readMeetingLog(workspaceRoot)).filter((e) => e.date !== entry.date)
  entries.push({ ...entry, recordedAt: new Date().toISOString() })
  entries.sort((a, b) => a.date.localeCompare(b.date))
  await writeFileAtomic(join(workspaceRoot, MEETING_LOG_FILE), `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`)
  return entries
}
