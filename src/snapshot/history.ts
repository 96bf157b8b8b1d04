// Owns the metrics history: one line of JSON per account per snapshot, in
// `history/snapshots.jsonl`, plain enough to diff and commit. Every write
// replaces the file atomically, so a kill mid-write leaves the old history or
// the new one, never a torn line. It answers "what changed since the last
// meeting" and "what was the last good value".
//
// A competitor's rows live in a file of their own, `history/competitors.jsonl`,
// each marked with its competitor's name: every reader of our numbers (the
// here-and-now, ROI and goals, the app) reads `snapshots.jsonl` only, so a
// competitor's row cannot count as ours by being forgotten in a filter. A row
// marked as a competitor's that turns up in our file (moved by hand) is not
// read as ours: it is kept verbatim and named, like any unreadable line.
import { join, sep } from 'node:path'
import { boolean, count, dateTime, matching, nonEmptyString, object, oneOf, optional, readJsonLines, string, type Decoder } from '../data/decode.js'
import { redact, redactDeep } from '../secrets/redact.js'
import { writeFileAtomic } from '../workspace/store.js'
import { METRIC_SOURCES } from './metrics.js'
import { MANUAL_SOURCE, SNAPSHOT_STATUSES, type RecordedMetrics, type SnapshotResult, type SnapshotStatus } from './types.js'

export const HISTORY_FILE = join('history', 'snapshots.jsonl')
/** The competitors' rows, apart from ours (see the header). */
export const COMPETITOR_HISTORY_FILE = join('history', 'competitors.jsonl')

export interface HistoryEntry {
  /** The meeting (or snapshot) date, YYYY-MM-DD. */
  readonly date: string
  readonly capturedAt: string
  readonly account: string
  readonly platform: string
  readonly status: SnapshotStatus
  readonly reason?: string
  readonly metrics: RecordedMetrics
  /** The competitor's name (showtell.yaml `competitors[].name`): only in history/competitors.jsonl, never on a row of ours. */
  readonly competitor?: string
}

export interface History {
  readonly entries: readonly HistoryEntry[]
  /** Lines that could not be read (hand edits, merge conflicts); they are kept on rewrite, verbatim. */
  readonly unreadable: readonly string[]
  /**
   * Why each unreadable line was left out, with file and line:
   * `history/snapshots.jsonl:3 metrics.followers.value: expected a count, got "lots"`.
   * Only there when some line was unreadable.
   */
  readonly problems?: readonly string[]
}

const SHOWN_FILE = HISTORY_FILE.split(sep).join('/')
const SHOWN_COMPETITOR_FILE = COMPETITOR_HISTORY_FILE.split(sep).join('/')

// A hand figure (`manual`) carries the person's note; text, so it is redacted and escaped like any other.
const SOURCES = [...METRIC_SOURCES, MANUAL_SOURCE] as const
const countMetric = object({ value: count, source: oneOf(SOURCES), approximate: optional(boolean), via: optional(string), note: optional(string) })
const metricsShape = object({
  followers: optional(countMetric),
  following: optional(countMetric),
  posts: optional(countMetric),
  lastPostAt: optional(object({ value: dateTime, source: oneOf(SOURCES), via: optional(string), note: optional(string) })),
  postsPerMonth: optional(countMetric),
  interactionsPerPost: optional(countMetric),
  likes: optional(countMetric),
  views: optional(countMetric),
})

/** One line as showtell writes it. A hand edit that breaks a number makes the whole line unreadable: a slide never shows NaN. */
export const historyEntry: Decoder<HistoryEntry> = object({
  date: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  capturedAt: dateTime,
  account: nonEmptyString,
  platform: nonEmptyString,
  status: oneOf(SNAPSHOT_STATUSES),
  reason: optional(string),
  // Lines from before metrics were recorded have none.
  metrics: (value, field) => (value === undefined ? { ok: true, value: {} } : metricsShape(value, field)),
  competitor: optional(nonEmptyString),
})

/** A line of our history: a row marked as a competitor's is not ours, whatever file it is in. */
const ourEntry: Decoder<HistoryEntry> = (value, field) => {
  const decoded = historyEntry(value, field)
  if (!decoded.ok || decoded.value.competitor === undefined) return decoded
  const competitor = JSON.stringify(decoded.value.competitor)
  return { ok: false, failure: { field: 'competitor', expected: `a row of ours (a competitor's row belongs in ${SHOWN_COMPETITOR_FILE})`, got: `the competitor ${competitor}`, shown: `the competitor ${competitor}` } }
}

/** A line of the competitors' history: it must say whose it is. */
const competitorEntry: Decoder<HistoryEntry> = (value, field) => {
  const decoded = historyEntry(value, field)
  if (!decoded.ok || decoded.value.competitor !== undefined) return decoded
  return { ok: false, failure: { field: 'competitor', expected: "the competitor's name", got: 'nothing', shown: 'nothing' } }
}

/**
 * The history as the file holds it, with every text passed through the
 * redactor: lines written before the redactor existed (or by hand) may hold a
 * token in a `reason`, and what is read here goes onto slides and back into
 * the file. `env` is where the configured secrets are read. Unreadable lines
 * are kept verbatim for the rewrite, but are never shown; their problems are.
 */
export async function readHistory(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<History> {
  return readHistoryFile(workspaceRoot, 'ours', env)
}

/** The competitors' history (history/competitors.jsonl), read like ours: never part of our numbers. */
export async function readCompetitorHistory(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<History> {
  return readHistoryFile(workspaceRoot, 'competitors', env)
}

type Whose = 'ours' | 'competitors'
const FILES: Readonly<Record<Whose, { readonly file: string; readonly shown: string; readonly decoder: Decoder<HistoryEntry> }>> = {
  ours: { file: HISTORY_FILE, shown: SHOWN_FILE, decoder: ourEntry },
  competitors: { file: COMPETITOR_HISTORY_FILE, shown: SHOWN_COMPETITOR_FILE, decoder: competitorEntry },
}

async function readHistoryFile(workspaceRoot: string, whose: Whose, env: NodeJS.ProcessEnv): Promise<History> {
  const { file, shown, decoder } = FILES[whose]
  const { values, unreadable } = await readJsonLines(join(workspaceRoot, file), decoder, shown)
  return {
    entries: values.map((entry) => redactDeep(entry, env)),
    unreadable: unreadable.map((line) => line.text),
    ...(unreadable.length > 0 ? { problems: unreadable.map((line) => redact(line.message, env)) } : {}),
  }
}

/** A snapshot result as the history line it becomes, dated `date` (the history's file, the deck's trend and goals alike). */
export function entryOf(result: SnapshotResult, date: string): HistoryEntry {
  return {
    date,
    capturedAt: result.capturedAt,
    account: result.account,
    platform: result.platform,
    status: result.status,
    ...(result.reason ? { reason: result.reason } : {}),
    metrics: result.metrics,
    ...(result.competitor !== undefined ? { competitor: result.competitor } : {}),
  }
}

/** Adds this run's results, dated `date`, and rewrites the file atomically. */
export async function appendHistory(workspaceRoot: string, date: string, results: readonly SnapshotResult[], current?: History): Promise<History> {
  // A competitor's result never becomes a row of ours, whoever passes it here.
  return appendEntries(workspaceRoot, results.filter((result) => result.competitor === undefined).map((result) => entryOf(result, date)), current)
}

/** Adds a run's competitor results, each row marked with its competitor, to history/competitors.jsonl. */
export async function appendCompetitorHistory(workspaceRoot: string, date: string, results: readonly SnapshotResult[], current?: History): Promise<History> {
  const added = results.filter((result) => result.competitor !== undefined).map((result) => entryOf(result, date))
  return writeEntries(workspaceRoot, 'competitors', added, current ?? (await readCompetitorHistory(workspaceRoot)))
}

/** Adds `added` (a run's results, or figures entered by hand) and rewrites the file atomically. */
export async function appendEntries(workspaceRoot: string, added: readonly HistoryEntry[], current?: History): Promise<History> {
  // `current`: the history as the caller just read it, under the workspace lock.
  return writeEntries(workspaceRoot, 'ours', added, current ?? (await readHistory(workspaceRoot)))
}

async function writeEntries(workspaceRoot: string, whose: Whose, added: readonly HistoryEntry[], history: History): Promise<History> {
  const entries = [...history.entries, ...added]
  const lines = [...history.unreadable, ...entries.map((entry) => JSON.stringify(entry))]
  await writeFileAtomic(join(workspaceRoot, FILES[whose].file), `${lines.join('\n')}\n`)
  return { entries, unreadable: history.unreadable, ...(history.problems ? { problems: history.problems } : {}) }
}

export type MetricKey = keyof RecordedMetrics

/**
 * The newest good value of `metric` for `account`, at or before `onOrBefore`,
 * when a person entered it by hand; undefined when there is none, or when an
 * automatic value is newer (a later date, or the same date captured later):
 * a hand figure fills a gap, it never hides a newer reading.
 */
export function handFigure<K extends MetricKey>(
  entries: readonly HistoryEntry[],
  account: string,
  metric: K,
  onOrBefore: string,
): { readonly metric: NonNullable<RecordedMetrics[K]>; readonly date: string } | undefined {
  const best = newestGoodEntry(entries, account, metric, (d) => d <= onOrBefore)
  const found = best?.metrics[metric]
  return best && found && found.source === MANUAL_SOURCE ? { metric: found as NonNullable<RecordedMetrics[K]>, date: best.date } : undefined
}

export type CountKey = 'followers' | 'following' | 'posts'

/** The newest `ok` value of `metric` for `account` from a date before `beforeDate`. */
export function previousValue(entries: readonly HistoryEntry[], account: string, metric: CountKey, beforeDate: string): { value: number; date: string } | undefined {
  return newestGood(entries, account, metric, (d) => d < beforeDate)
}

/** The newest good value of `metric` for `account`, at or before `onOrBefore`. */
export function lastGoodValue(entries: readonly HistoryEntry[], account: string, metric: CountKey, onOrBefore: string): { value: number; date: string } | undefined {
  return newestGood(entries, account, metric, (d) => d <= onOrBefore)
}

/** The metrics a count can be read from (a number, not the last post's date). */
export type CountMetric = Exclude<MetricKey, 'lastPostAt'>

/** The newest good value of `metric` for `account` on a day `when` accepts (the latest capture of the latest day). */
export function newestGood(entries: readonly HistoryEntry[], account: string, metric: CountMetric, when: (date: string) => boolean): { value: number; date: string } | undefined {
  const best = newestGoodEntry(entries, account, metric, when)
  return best ? { value: best.metrics[metric]!.value, date: best.date } : undefined
}

/** The newest good row of `account` that has `metric`, on a day `when` accepts (the latest capture of the latest day). */
function newestGoodEntry(entries: readonly HistoryEntry[], account: string, metric: MetricKey, when: (date: string) => boolean): HistoryEntry | undefined {
  let best: HistoryEntry | undefined
  for (const entry of entries) {
    if (entry.account !== account || entry.status !== 'ok' || entry.metrics[metric] === undefined || !when(entry.date)) continue
    if (!best || entry.date > best.date || (entry.date === best.date && entry.capturedAt > best.capturedAt)) best = entry
  }
  return best
}

/** The newest post any good row of `account` on a day `when` accepts has seen (YYYY-MM-DD): a post once seen stays a fact. */
export function newestPostDay(entries: readonly HistoryEntry[], account: string, when: (date: string) => boolean = () => true): string | undefined {
  let best: string | undefined
  for (const e of entries) {
    const at = e.account === account && e.status === 'ok' && when(e.date) ? e.metrics.lastPostAt?.value.slice(0, 10) : undefined
    if (at && (!best || at > best)) best = at
  }
  return best
}

/**
 * The baseline of "since the last meeting" for a count on `date` (the
 * meeting): the newest good value on a day on or before `lastMeeting` (the
 * previous scheduled meeting, calendar.ts previousMeetingDate), so a check
 * snapshot taken between meetings does not become the baseline. When there is
 * none, or no `lastMeeting` is given, the newest good value of any day before
 * `date`: a new workspace still shows a change. The returned date is the
 * baseline row's own.
 */
export function sinceLastMeeting(entries: readonly HistoryEntry[], account: string, metric: CountMetric, date: string, lastMeeting?: string): { value: number; date: string } | undefined {
  const atMeeting = lastMeeting !== undefined ? newestGood(entries, account, metric, (d) => d <= lastMeeting && d < date) : undefined
  return atMeeting ?? newestGood(entries, account, metric, (d) => d < date)
}

/** One value per date (the last good one of that date), oldest first: the trend. */
export function series(entries: readonly HistoryEntry[], account: string, metric: CountKey | 'postsPerMonth' | 'interactionsPerPost', throughDate: string): { date: string; value: number }[] {
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
