// Owns the shape of an audit's report: the results a finding can have, a finding, and
// the report. Plain types and one constant, importing nothing of the audit's code, so
// the stored report's schema (store-schema.ts) and its readers use them without
// loading the audit runner (review B.5).
import type { Platform } from '../topics/schema.js'

export const AUDIT_RESULTS = ['official', 'exists-unlisted', 'absent', 'unknown'] as const
export type AuditResult = (typeof AUDIT_RESULTS)[number]

export interface AuditFinding {
  readonly platform: Platform
  readonly handle: string
  readonly result: AuditResult
  readonly reason?: string
  /** The probed URL (a page, or an API for Bluesky and Mastodon). */
  readonly url?: string
  /** `exists-unlisted`: the profile page a person would open. */
  readonly profileUrl?: string
  readonly account?: string
  readonly displayName?: string
  readonly bio?: string
  readonly followers?: number
  /** `exists-unlisted` only: the screenshot, relative to the workspace (`history/audit/<platform>-<handle>.png`). */
  readonly screenshot?: string
  /** When the screenshot was taken (ISO), or tried. */
  readonly capturedAt?: string
  /** Why there is no screenshot, when one was tried. */
  readonly screenshotNote?: string
}

export interface AuditReport {
  /** Distinct handle stems made from the company's names. */
  readonly generated: number
  readonly candidates: number
  /** Requests made (listed accounts are not requested). */
  readonly checked: number
  /** The platforms the rules covered. */
  readonly platforms: readonly Platform[]
  /** The request budget of the run. */
  readonly budget: number
  readonly findings: readonly AuditFinding[]
}
