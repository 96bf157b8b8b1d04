// Owns figures entered by hand (`showtell record`, `showtell import`): checking
// each one against the workspace, and adding them to the history under the
// workspace lock, all at once or not at all. A number no source can read
// (LinkedIn's follower count behind its wall) comes from the platform's own
// analytics; it is stored with source `manual` and the person's note, so the
// deck can say where it came from.
import { UserError, type ErrorLocation } from '../errors.js'
import { redact } from '../secrets/redact.js'
import { isRealDate } from '../workspace/config-values.js'
import type { Workspace } from '../workspace/load.js'
import { LIMITS } from '../workspace/limits.js'
import { acquireLock } from '../workspace/store.js'
import { appendEntries, readHistory, type HistoryEntry, type MetricKey } from './history.js'
import { MANUAL_SOURCE, type RecordedMetrics } from './types.js'

/** The metrics a person can enter, as the history names them. */
export const HAND_METRICS = ['followers', 'following', 'posts', 'lastPostAt', 'postsPerMonth'] as const satisfies readonly MetricKey[]
export type HandMetric = (typeof HAND_METRICS)[number]

/** One figure as the user wrote it; `where` says where, for errors (a CSV row, or an argument). */
export interface HandInput {
  readonly date: string
  readonly account: string
  readonly metric: string
  readonly value: string
  readonly note?: string
  /** Where each field came from: `field` names it as the user sees it. */
  readonly where: (field: 'date' | 'account' | 'metric' | 'value' | 'note') => ErrorLocation
}

export interface HandFigure {
  readonly date: string
  readonly account: string
  readonly platform: string
  readonly metric: HandMetric
  /** A count, or for lastPostAt an ISO timestamp. */
  readonly value: number | string
  readonly note?: string
}

/** Checks one figure; a problem is a UserError naming the field (exit 2). `today` is the latest date a figure may have. */
export function checkFigure(workspace: Workspace, input: HandInput, today: string): HandFigure {
  const { where } = input
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || !isRealDate(input.date)) {
    throw new UserError(`not a real date: ${JSON.stringify(input.date)}`, { location: where('date'), hint: 'write the day the figure is for as YYYY-MM-DD, e.g. 2026-12-04' })
  }
  if (input.date > today) {
    throw new UserError(`${input.date} is after today (${today})`, { location: where('date'), hint: 'a figure by hand is what the platform showed on a day that has come' })
  }
  const account = workspace.config.accounts.find((a) => a.id === input.account)
  if (!account) {
    const ids = workspace.config.accounts.map((a) => a.id)
    throw new UserError(`unknown account ${JSON.stringify(input.account)}`, {
      location: where('account'),
      hint: ids.length > 0 ? `use an account id from showtell.yaml: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}` : 'add the account to showtell.yaml first',
    })
  }
  const metric = HAND_METRICS.find((m) => m === input.metric)
  if (!metric) {
    throw new UserError(`unknown metric ${JSON.stringify(input.metric)}`, { location: where('metric'), hint: `use one of ${HAND_METRICS.join(', ')}` })
  }
  // The note is a caption on a slide: one line, and a pasted token never reaches the history.
  const note = input.note?.trim() ? redact(input.note.trim()) : undefined
  if (note && /[\u0000-\u001f\u007f]/.test(note)) {
    throw new UserError('the note holds a line break or another control character', { location: where('note'), hint: 'write the note on one line' })
  }
  if (note && [...note].length > LIMITS.paragraph) {
    throw new UserError(`the note is ${[...note].length} characters; the limit is ${LIMITS.paragraph}`, { location: where('note'), hint: 'say in a sentence where the figure came from' })
  }
  const raw = input.value.trim()
  if (metric === 'lastPostAt') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isRealDate(raw)) {
      throw new UserError(`not a real date: ${JSON.stringify(input.value)}`, { location: where('value'), hint: 'lastPostAt is the day of the latest post, as YYYY-MM-DD' })
    }
    if (raw > input.date) {
      throw new UserError(`the latest post (${raw}) is after the day the figure is for (${input.date})`, { location: where('value'), hint: 'check the date, or give the figure a later date' })
    }
    return { date: input.date, account: account.id, platform: account.platform, metric, value: `${raw}T00:00:00.000Z`, ...(note ? { note } : {}) }
  }
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(value)) {
    throw new UserError(`not a whole number ≥ 0: ${JSON.stringify(input.value)}`, { location: where('value'), hint: 'write the number with digits only, e.g. 12500 (no separators, no K)' })
  }
  return { date: input.date, account: account.id, platform: account.platform, metric, value, ...(note ? { note } : {}) }
}

/**
 * Adds the figures to the history under the workspace lock: one entry per
 * account and date, `status: 'ok'`, each metric with source `manual`. Checked
 * before the lock, so a bad figure writes nothing; the write is one atomic
 * rewrite, so it is all the figures or none.
 */
export async function recordFigures(workspace: Workspace, figures: readonly HandFigure[], now: Date = new Date()): Promise<HistoryEntry[]> {
  const capturedAt = now.toISOString()
  const byEntry = new Map<string, { date: string; account: string; platform: string; metrics: Record<string, unknown> }>()
  for (const figure of figures) {
    const key = `${figure.date} ${figure.account}`
    const entry = byEntry.get(key) ?? { date: figure.date, account: figure.account, platform: figure.platform, metrics: {} }
    entry.metrics[figure.metric] = { value: figure.value, source: MANUAL_SOURCE, ...(figure.note ? { note: figure.note } : {}) }
    byEntry.set(key, entry)
  }
  const added: HistoryEntry[] = [...byEntry.values()].map((e) => ({
    date: e.date,
    capturedAt,
    account: e.account,
    platform: e.platform,
    status: 'ok',
    metrics: e.metrics as RecordedMetrics,
  }))
  const lock = await acquireLock(workspace.paths.lock, `recording ${figures.length} figure${figures.length === 1 ? '' : 's'} by hand`)
  try {
    const before = await readHistory(workspace.paths.root)
    await appendEntries(workspace.paths.root, added, before)
    return added
  } finally {
    await lock.release()
  }
}
