// Owns the rows of a snapshot run as the app shows them (the Accounts screen
// and the Build screen): every account waiting, then running, then done with
// its result. Ours first, then the competitors' (read in the same run, after
// ours), each marked with its competitor. Plain functions over the run's events.
import type { SnapshotEvent } from '../snapshot/run.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { companyNames } from '../workspace/config-values.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { shortLabel } from './format.js'
import { platformName } from '../snapshot/headline.js'

export interface AccountState {
  readonly id: string
  readonly label: string
  readonly state: 'waiting' | 'running' | 'done'
  readonly result?: SnapshotResult
  /** The competitor's name, for a competitor's account. */
  readonly competitor?: string
}

/** Every account a full run reads: ours, then the competitors'. */
export function allAccountIds(config: WorkspaceConfig): string[] {
  return [...config.accounts, ...config.competitors.flatMap((c) => c.accounts)].map((a) => a.id)
}

/** The accounts `ids` (default: ours and the competitors') as rows, all waiting, named the short way. */
export function waitingRows(config: WorkspaceConfig, ids: readonly string[] = allAccountIds(config)): AccountState[] {
  const names = companyNames(config)
  const rows = new Map<string, Omit<AccountState, 'state'>>(config.accounts.map((a) => [a.id, { id: a.id, label: shortLabel(a.label ?? a.id, names) }]))
  for (const competitor of config.competitors) {
    for (const a of competitor.accounts) {
      // "Villmark Gear on Instagram" (or no label) reads "Villmark Gear Instagram", short enough for the progress column; a leader's label ("Siri Dal") as it is.
      const label = a.label ?? `${competitor.name} on ${platformName(a.platform)}`
      const short = shortLabel(label, [competitor.name])
      rows.set(a.id, { id: a.id, label: short === label ? label : `${competitor.name} ${short}`, competitor: competitor.name })
    }
  }
  // Ours first, then the competitors', as the run reads them.
  const ordered = [...ids].sort((a, b) => Number(rows.get(a)?.competitor !== undefined) - Number(rows.get(b)?.competitor !== undefined))
  return ordered.map((id) => ({ ...(rows.get(id) ?? { id, label: id }), state: 'waiting' }))
}

/** The rows after one event of the run. */
export function applySnapshotEvent(rows: readonly AccountState[], event: SnapshotEvent): AccountState[] {
  return rows.map((row) => {
    if (event.type === 'account-start' && row.id === event.account) return { ...row, state: 'running' }
    if (event.type === 'account-done' && row.id === event.result.account) return { ...row, state: 'done', result: event.result }
    return row
  })
}
