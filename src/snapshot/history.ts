// Owns the metrics history: one line of JSON per account per snapshot, in
// `history/snapshots.jsonl`, plain enough to diff and commit. Every write
// replaces the file atomically, so a kill mid-write leaves the old history or
// the new one, never a torn line. It answers "what changed since the last
// meeting" and "what was the last good value".
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { addDays } from '../rotation/calendar.js'
import { writeFileAtomic } from '../workspace/store.js'
import type { Metrics } from './metrics.js'
import type { SnapshotResult, SnapshotStatus } from './types.js'

export const HISTORY_FILE = join('history', 'snapshots.jsonl')

export interface HistoryEntry {
  /** The meeting (or snapshot) date, YYYY-MM-DD. */
  readonly date: string
  readonly capturedAt: string
  readonly account: string
  readonly platform: string
  readonly status: SnapshotStatus
  readonly reason?: string
  readonly metrics: Metrics
}

export interface History {
  readonly entries: readonly HistoryEntry[]
  /** Lines that could not be read (hand edits, merge conflicts); they are kept on rewrite. */
  readonly unreadable: readonly string[]
}

export async function readHistory(workspaceRoot: string): Promise<History> {
  let text: string
  try {
    text = await readFile(join(workspaceRoot, HISTORY_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadable: [] }
    throw error
  }
  const entries: HistoryEntry[] = []
  const unreadable: string[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      const entry = JSON.parse(line) as HistoryEntry
      if (typeof entry.date === 'string' && typeof entry.account === 'string' && typeof entry.status === 'string') entries.push({ ...entry, metrics: entry.metrics ?? {} })
      else unreadable.push(line)
    } catch {
      unreadable.push(line)
    }
  }
  return { entries, unreadable }
}

/** Adds this run's results, dated `date`, and rewrites the file atomically. */
export async function appendHistory(workspaceRoot: string, date: string, results: readonly SnapshotResult[], current?: History): Promise<History> {
  // `current`: the history as the caller just read it, under the workspace lock.
  const history = current ?? (await readHistory(workspaceRoot))
  const added: HistoryEntry[] = results.map((result) => ({
    date,
    capturedAt: result.capturedAt,
    account: result.account,
    platform: result.platform,
    status: result.status,
    ...(result.reason ? { reason: result.reason } : {}),
    metrics: result.metrics,
  }))
  const entries = [...history.entries, ...added]
  const lines = [...history.unreadable, ...entries.map((entry) => JSON.stringify(entry))]
  await writeFileAtomic(join(workspaceRoot, HISTORY_FILE), `${lines.join('\n')}\n`)
  return { entries, unreadable: history.unreadable }
}

export type CountKey = 'followers' | 'following' | 'posts'

/** The newest `ok` value of `metric` for `account` from a date before `beforeDate`. */
export function previousValue(entries: readonly HistoryEntry[], account: string, metric: CountKey, beforeDate: string): { value: number; date: string } | undefined {
  let best: HistoryEntry | undefined
  for (const entry of entries) {
    if (entry.account !== account || entry.status !== 'ok' || entry.date >= beforeDate) continue
    if (entry.metrics[metric] === undefined) continue
    if (!best || entry.date > best.date || (entry.date === best.date && entry.capturedAt > best.capturedAt)) best = entry
  }
  return best ? { value: best.metrics[metric]!.value, date: best.date } : undefined
}

/** The newest good value of `metric` for `account`, at or before `onOrBefore`. */
export function lastGoodValue(entries: readonly HistoryEntry[], account: string, metric: CountKey, onOrBefore: string): { value: number; date: string } | undefined {
  return previousValue(entries, account, metric, addDays(onOrBefore, 1))
}

/** One value per date (the last good one of that date), oldest first: the trend. */
export function series(entries: readonly HistoryEntry[], account: string, metric: CountKey, throughDate: string): { date: string; value: number }[] {
  const byDate = new Map<string, { value: number; capturedAt: string }>()
  for (const entry of entries) {
    const m = entry.metrics[metric]
    if (entry.account !== account || entry.status !== 'ok' || !m || entry.date > throughDate) continue
    const seen = byDate.get(entry.date)
    if (!seen || entry.capturedAt > seen.capturedAt) byDate.set(entry.date, { value: m.value, capturedAt: entry.capturedAt })
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, { value }]) => ({ date, value }))
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
