// Owns the shape of a snapshot result, shared by capture, history, the deck
// and `showtell snapshot --json`.
import type { Platform } from '../topics/schema.js'
import type { Metrics } from './metrics.js'

export const SNAPSHOT_STATUSES = ['ok', 'blocked', 'not-found', 'timeout', 'error'] as const
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number]

export interface SnapshotResult {
  readonly account: string
  readonly platform: Platform
  readonly label: string
  /** The page that was opened. */
  readonly url: string
  readonly status: SnapshotStatus
  /** Why the status is not `ok` (or a note on an `ok` result, e.g. the page was walled but the API answered). */
  readonly reason?: string
  /** File name of the screenshot in the snapshot folder; only when the page showed real content. */
  readonly screenshot?: string
  readonly title?: string
  readonly description?: string
  readonly metrics: Metrics
  readonly capturedAt: string
  readonly durationMs: number
}
