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
  /**
   * `exists-unlisted` only: how it was found. `handle`: a candidate handle made
   * from our names answered present. `name-search`: a platform's search by name
   * (name-search.ts) returned it with our name in its display name, under a
   * handle no candidate covers. Absent in reports written before name search.
   */
  readonly foundBy?: FoundBy
  /** `name-search` only: the query that returned it (our name or an alias). */
  readonly searchQuery?: string
  /** `exists-unlisted` only: how much it looks like us, and why (evidence.ts). Absent in reports from before the evidence. */
  readonly evidence?: Evidence
  // Later fields join here as optional fields; the stored report's schema is
  // not strict, so older and newer reports read both ways.
}

export const FOUND_BY = ['handle', 'name-search'] as const
export type FoundBy = (typeof FOUND_BY)[number]

/**
 * - `ok`: the search answered a list (perhaps empty).
 * - `not-allowed`: the server wants a signed-in user for search (401/403, or a
 *   Mastodon server that answered an empty list for every query although our
 *   own account lives there).
 * - `error`: no answer, or one that does not read as the API's (the field named).
 * - `not-run`: the request budget was spent first.
 */
export const SEARCH_OUTCOMES = ['ok', 'not-allowed', 'error', 'not-run'] as const
export type SearchOutcome = (typeof SEARCH_OUTCOMES)[number]

/** One name search of one run: a query on a platform (and for Mastodon, one server). */
export interface NameSearch {
  readonly platform: Platform
  /** Mastodon: the server searched (`mastodon.social`). */
  readonly instance?: string
  readonly query: string
  readonly url: string
  readonly outcome: SearchOutcome
  /** `ok`: accounts in the answer (at most the search's limit). */
  readonly results?: number
  /** `ok`: of those, accounts reported as finds by this search. */
  readonly finds?: number
  readonly reason?: string
}


export const EVIDENCE_KINDS = ['avatar', 'name', 'bio', 'age', 'followers'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export const EVIDENCE_LEVELS = ['high', 'medium', 'low'] as const
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number]

/** Which words a reason is, so a deck says it in its own language (messages/*.json evidence.reason). */
export const REASON_CODES = [
  'avatarSame',
  'avatarNear',
  'avatarUnlike',
  'avatarUnknown',
  'nameSame',
  'nameCarries',
  'nameOther',
  'nameUnknown',
  'bioAsks',
  'bioOfficial',
  'bioSupport',
  'bioFan',
  'bioNothing',
  'bioUnknown',
  'ageNew',
  'ageOld',
  'ageUnknown',
  'followersMany',
  'followersFew',
  'followersUnknown',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

export interface EvidenceReason {
  readonly kind: EvidenceKind
  /** Points this reason adds (negative: takes away). */
  readonly weight: number
  /** The reason in English words, as the terminal shows it. */
  readonly says: string
  /** A REASON_CODES entry; any text in a stored report (a newer showtell's code), where the deck falls back to `says`. */
  readonly code?: ReasonCode | (string & {})
  /** The numbers and words the reason's sentence fills in: percent, days, year, followers, word, why. */
  readonly values?: Readonly<Record<string, string | number>>
}

/** A find's score (0–100), its level, and every reason, the strongest first. */
export interface Evidence {
  readonly score: number
  readonly level: EvidenceLevel
  /** Every reason, the strongest first (by weight, then in the rule's order). */
  readonly reasons: readonly EvidenceReason[]
}

/** What a control probe's answer was: the rule's verdict, in the words of a presence check. */
export const CONTROL_ANSWERS = ['present', 'absent', 'unknown'] as const
export type ControlAnswer = (typeof CONTROL_ANSWERS)[number]

/**
 * - `random`: a handle made up for this run that cannot exist: must come back absent.
 * - `own`: one of our own accounts in showtell.yaml: must come back present.
 * - `known`: an account the rules file says exists (WhatsMyName's `known`), used when we list none of our own there.
 */
export const CONTROL_KINDS = ['random', 'own', 'known'] as const
export type ControlKind = (typeof CONTROL_KINDS)[number]

export interface ControlProbe {
  readonly kind: ControlKind
  readonly handle: string
  /** `own`: the account's id in showtell.yaml. */
  readonly account?: string
  readonly url?: string
  readonly answer: ControlAnswer
  readonly reason?: string
}

/**
 * - `ok`: the rule told the made-up handle absent and a real account present this run.
 * - `broken`: the made-up handle came back present, or a real account absent:
 *   the rule cannot tell present from absent today, and none of its answers count.
 * - `unverified`: a control could not be read (a wall, a timeout), or there was no
 *   real account to check against. The rule's answers are reported, marked so.
 */
export const CONTROL_VERDICTS = ['ok', 'broken', 'unverified'] as const
export type ControlVerdict = (typeof CONTROL_VERDICTS)[number]

/** One platform's control for one run: what was probed, the answers, and what they make of the rule. */
export interface PlatformControl {
  readonly platform: Platform
  readonly verdict: ControlVerdict
  /** Why `broken` or `unverified`, in one sentence. */
  readonly why?: string
  /** Where the rule came from: `rules/audit.yaml`, or a WhatsMyName file and its entry (`wmn.json: Instagram`). */
  readonly rule?: string
  readonly probes: readonly ControlProbe[]
}

export interface AuditReport {
  /** Distinct handle stems made from the company's names. */
  readonly generated: number
  readonly candidates: number
  /** Requests made (listed accounts are not requested): the controls' and the name searches' included. */
  readonly checked: number
  /** Candidate handles asked about (a probe each): what "we checked N possible handles" counts. Absent in reports written before it. */
  readonly handlesChecked?: number
  /** The platforms the rules covered. */
  readonly platforms: readonly Platform[]
  /** The request budget of the run. */
  readonly budget: number
  readonly findings: readonly AuditFinding[]
  /** One per platform, probed before the candidates. Absent in reports written before the controls existed. */
  readonly controls?: readonly PlatformControl[]
  /** The name searches, run after the controls and before the candidates. Absent in reports written before name search. */
  readonly searches?: readonly NameSearch[]
}
