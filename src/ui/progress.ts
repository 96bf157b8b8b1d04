// Owns the rows of a snapshot run as the app shows them (the Accounts screen
// and the Build screen): every account waiting, then running, then done with
// its result. Plain functions over the run's events.
import type { SnapshotEvent } from '../snapshot/run.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { companyNames } from '../workspace/config-values.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { shortLabel } from './format.js'

export interface AccountState {
  readonly id: string
  readonly label: string
  readonly state: 'waiting' | 'running' | 'done'
  readonly result?: SnapshotResult
}

/** The accounts `ids` (default: all) as rows, all waiting, named the short way. */
export function waitingRows(config: WorkspaceConfig, ids: readonly string[] = config.accounts.map((a) => a.id)): AccountState[] {
  const names = companyNames(config)
  const labels = new Map(config.accounts.map((a) => [a.id, shortLabel(a.label ?? a.id, names)]))
  return ids.map((id) => ({ id, label: labels.get(id) ?? id, state: 'waiting' }))
}

/** The rows after one event of the run. */
export function applySnapshotEvent(rows: readonly AccountState[], event: SnapshotEvent): AccountState[] {
  return rows.map((row) => {
    if (event.type === 'account-start' && row.id === event.account) return { ...row, state: 'running' }
    if (event.type === 'account-done' && row.id === event.result.account) return { ...row, state: 'done', result: event.result }
    return row
  })
}
