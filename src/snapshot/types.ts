// Owns the shape of a snapshot result, shared by capture, history, the deck
// and `showtell snapshot --json`.
import type { Platform } from '../topics/schema.js'
import type { Metrics, MetricSource } from './metrics.js'

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
  /**
   * Every source of this account's numbers in the adapter's order of
   * preference, the page last: which one gave numbers, and why each better
   * one did not (no credential, refused, blocked). Each metric's `via` names
   * the source it came from.
   */
  readonly sources?: readonly SourceReport[]
  readonly capturedAt: string
  readonly durationMs: number
  /**
   * The competitor's name (showtell.yaml `competitors[].name`) when the
   * account is a competitor's: read from public sources only, stored in
   * history/competitors.jsonl, never counted as ours. Absent on ours.
   */
  readonly competitor?: string
}

export const SOURCE_STATES = ['used', 'answered', 'skipped', 'blocked', 'not-found', 'timeout', 'error'] as const

/** One source's part in a snapshot. */
export interface SourceReport {
  /** An API source's id (`youtube-data-api`), or `page`. */
  readonly id: string
  readonly name: string
  /**
   * `used`: its numbers are in the result. `answered`: it answered but a
   * better source had already given the numbers (the page, read for its
   * screenshot). `skipped`: it did not apply (no credential, the token is
   * another account's). The rest: it failed, with the reason.
   */
  readonly state: (typeof SOURCE_STATES)[number]
  readonly reason?: string
  /** The credential it needs, by variable name (never its value); only for sources that need one. */
  readonly credential?: string
}

/**
 * A figure a person typed in (`showtell record`, `showtell import`), read off
 * the platform's own analytics when no source could read it. It lives in the
 * history beside the snapshots' numbers, never in a snapshot result.
 */
export const MANUAL_SOURCE = 'manual'
export type RecordedSource = MetricSource | typeof MANUAL_SOURCE

/** A metric as the history holds it: from a snapshot source, or by hand with the person's note. */
type Recorded<M> = Omit<M, 'source'> & { readonly source: RecordedSource; readonly note?: string }
export type RecordedMetrics = { readonly [K in keyof Metrics]?: Recorded<NonNullable<Metrics[K]>> }
