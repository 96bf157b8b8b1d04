// Owns the material an agenda is planned from, for every place that plans
// one: the Topics preview (`showtell topics show ID` and the app's Topics
// screen), the app's Build setup and `showtell build`. They all call
// `planFromMaterial`, so the minutes a preview shows are the minutes built.
//
// A preview runs before the build's snapshots exist, so the build cannot plan
// from them either: everyone plans from what is on disk before the build (the
// snapshot history and the latest audit). A build that takes snapshots is
// planned as if each account answers today as it did in its latest snapshot
// in the history (an account never read counts as answering: the build will
// try it). A build without snapshots (`--no-snapshots`) is planned from the
// history alone, as it composes. After its snapshots, the build keeps the
// planned minutes and only switches a segment between its material and its
// placeholder when today's snapshots differ from the plan (`followMaterial`).
//
// With `agenda.learn: true` the plan also follows the meeting log: the minutes
// really spent in the last presented meetings (learn.ts has the rule), and
// the sentence says "planned from your last N meetings".
import { readLatestAudit, type StoredAudit } from '../audit/store.js'
import { emptySegments, plannedSlideCounts } from '../deck/compose.js'
import { SEGMENT_DEFINITIONS } from '../deck/segments/index.js'
import type { LiveMaterial } from '../deck/live.js'
import { meetingDates, todayIn } from '../rotation/calendar.js'
import { readMeetingLog, type LogEntry } from '../rotation/log.js'
import { readHistory, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotResult } from '../snapshot/types.js'
import type { Topic } from '../topics/schema.js'
import type { Workspace } from '../workspace/load.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { planAgenda, type AgendaPlan, type PlanOptions } from './plan.js'
import type { SegmentId } from './segments.js'
import { learnFromMeetings } from './learn.js'

/** The fixed words of this module, in one place for the message catalogue to come. */
const WORDS = {
  planned: 'Planned with',
  snapshotsOf: (date: string) => `the snapshots of ${date}`,
  noSnapshotsYet: 'no snapshots in the history yet',
  withoutSnapshots: 'no new snapshots (--no-snapshots)',
  noAccounts: 'no accounts to snapshot',
  historyOf: (date: string) => `the history up to ${date}`,
  auditOf: (date: string) => `the audit of ${date}`,
  noAudit: 'no audit yet',
  and: 'and',
  learnedFrom: (n: number) => (n === 1 ? 'planned from your last meeting' : `planned from your last ${n} meetings`),
  nothingToLearn: 'no presented meetings with their minutes to plan from yet',
  followed: (title: string, has: boolean) =>
    has
      ? `"${title}" was planned as a placeholder, but this build's snapshots filled it: it shows them in its planned minutes; build again to plan them in full`
      : `"${title}" was planned with material, but this build's snapshots have none for it: it shows its placeholder in its planned minutes`,
}

/** What a plan assumed, so a preview can say why a segment is short. */
export interface PlanMaterial {
  /** Whether the build takes snapshots (the plan assumes they answer as in the history). */
  readonly snapshots: boolean
  /** How many accounts the workspace lists (none: nothing to snapshot). */
  readonly accounts: number
  /** The newest snapshot date in the history on or before the meeting, if any. */
  readonly snapshotDate?: string
  /** The day the latest audit ran, if one has. */
  readonly auditDate?: string
  /** With agenda.learn: how many presented meetings the minutes were learned from, and the segments that ran over (their weight factors). */
  readonly learned?: { readonly meetings: number; readonly factors: Readonly<Partial<Record<SegmentId, number>>> }
}

export interface MaterialInput {
  readonly config: WorkspaceConfig
  readonly topic: Topic
  /** The meeting date, YYYY-MM-DD. */
  readonly date: string
  /** Minutes, 30–60. */
  readonly duration: number
  /** The snapshot history as it is before the build. */
  readonly history: readonly HistoryEntry[]
  /** The latest `showtell audit`, if any. */
  readonly audit?: StoredAudit
  /** Whether the build takes snapshots: false with --no-snapshots, and with no accounts. @default true */
  readonly snapshots?: boolean
  /** The meeting log's entries (readMeetingLog), learned from when `agenda.learn` is on; without them the plan does not learn. */
  readonly meetings?: readonly LogEntry[]
}

export interface PlannedFromMaterial {
  readonly plan: AgendaPlan
  /** The planner's input, as given to `planAgenda`. */
  readonly input: PlanOptions
  readonly material: PlanMaterial
/** "Planned with the snapshots of 2026-11-17 and the audit of 2026-11-20." */
  readonly words: string
}

/** The one way to plan a meeting's agenda before it is built. Pure. */
export function planFromMaterial(material: MaterialInput): PlannedFromMaterial {
  const { config, topic, date, duration, history, audit } = material
  const snapshots = (material.snapshots ?? true) && config.accounts.length > 0
  // The build compares today's snapshots with the history before them; the plan, taking each account's
  // latest entry as "today", compares it with the entries before that one, or every change would be 0.
  const expected = snapshots ? expectedResults(config, history, date) : undefined
  const before = expected ? history.filter((entry) => !expected.used.has(entry)) : history
  const live: LiveMaterial = { history: before, audit, ...(expected ? { results: expected.results } : {}) }
  const learned = config.agenda.learn && material.meetings ? learnFromMeetings(material.meetings, date) : undefined
  const input: PlanOptions = {
    duration,
    empty: emptySegments(config, topic, live, date),
    slides: plannedSlideCounts(config, topic, live, date),
    ...(learned && learned.factors.size > 0 ? { learned: learned.factors } : {}),
  }
  const snapshotDate = history.reduce<string | undefined>((newest, e) => (e.date <= date && isSnapshot(e) && (newest === undefined || e.date > newest) ? e.date : newest), undefined)
  const used: PlanMaterial = {
    snapshots,
    accounts: config.accounts.length,
    ...(snapshotDate ? { snapshotDate } : {}),
    ...(audit ? { auditDate: audit.ranAt.slice(0, 10) } : {}),
    ...(learned ? { learned: { meetings: learned.meetings, factors: Object.fromEntries(learned.factors) } } : {}),
  }
  return { plan: planAgenda(input), input, material: used, words: materialWords(used) }
}

/**
 * Today's snapshots as the plan expects them: each account as its latest
 * entry in the history on or before the meeting (status and numbers), an
 * account with none as answering with no numbers yet.
 */
function expectedResults(config: WorkspaceConfig, history: readonly HistoryEntry[], date: string): { results: SnapshotResult[]; used: ReadonlySet<HistoryEntry> } {
  const latest = new Map<string, { readonly entry: HistoryEntry; readonly metrics: SnapshotResult['metrics'] }>()
  for (const entry of history) {
    // A figure entered by hand is no snapshot: it says nothing of how the page answers.
    if (entry.date > date || !isSnapshot(entry)) continue
    const metrics = Object.fromEntries(Object.entries(entry.metrics).filter(([, metric]) => metric?.source !== 'manual')) as SnapshotResult['metrics']
    const seen = latest.get(entry.account)?.entry
    if (!seen || entry.date > seen.date || (entry.date === seen.date && entry.capturedAt >= seen.capturedAt)) latest.set(entry.account, { entry, metrics })
  }
  const used = new Set([...latest.values()].map(({ entry }) => entry))
  const results = config.accounts.map((account) => {
    const { entry, metrics } = latest.get(account.id) ?? {}
    return {
      account: account.id,
      platform: account.platform,
      label: account.label ?? account.id,
      url: '',
      status: entry?.status ?? 'ok',
      ...(entry?.reason ? { reason: entry.reason } : {}),
      metrics: metrics ?? {},
      capturedAt: entry?.capturedAt ?? `${date}T00:00:00.000Z`,
      durationMs: 0,
    }
  })
  return { results, used }
}

/** A snapshot's line in the history, not a figure entered by hand (`showtell record`). */
function isSnapshot(entry: HistoryEntry): boolean {
  const metrics = Object.values(entry.metrics)
  return metrics.length === 0 || metrics.some((metric) => metric?.source !== 'manual')
}

/** "Planned with the snapshots of 2026-11-17 and the audit of 2026-11-20." */
export function materialWords(material: PlanMaterial): string {
  const snapshots = material.snapshots
    ? material.snapshotDate
      ? WORDS.snapshotsOf(material.snapshotDate)
      : WORDS.noSnapshotsYet
    : [material.accounts === 0 ? WORDS.noAccounts : WORDS.withoutSnapshots, ...(material.snapshotDate ? [WORDS.historyOf(material.snapshotDate)] : [])].join(', ')
  const audit = material.auditDate ? WORDS.auditOf(material.auditDate) : WORDS.noAudit
  const learned = material.learned ? `; ${material.learned.meetings > 0 ? WORDS.learnedFrom(material.learned.meetings) : WORDS.nothingToLearn}` : ''
  return `${WORDS.planned} ${snapshots} ${WORDS.and} ${audit}${learned}.`
}

/**
 * The planned agenda, for the material the build really has after its
 * snapshots: every segment keeps its planned minutes, and a segment whose
 * material came or went today shows it (or its placeholder) within them.
 * Each change is named, for the build's warnings.
 */
export function followMaterial(plan: AgendaPlan, empty: ReadonlySet<SegmentId>): { readonly plan: AgendaPlan; readonly changes: readonly string[] } {
  const changes: string[] = []
  const segments = plan.segments.map((segment) => {
    // A segment that is always shown never becomes a placeholder.
    const placeholder = empty.has(segment.id) && !SEGMENT_DEFINITIONS[segment.id].spec.alwaysShown
    if (placeholder === segment.placeholder) return segment
    changes.push(WORDS.followed(segment.title, !placeholder))
    return { ...segment, placeholder }
  })
  return { plan: { ...plan, segments }, changes }
}

/** The meeting a build is for when no date is given: the next meeting day in the workspace's time zone. */
export function defaultMeetingDate(config: WorkspaceConfig, now?: Date): string {
  const today = todayIn(config.meeting.timezone, now)
  return meetingDates(config.meeting, today, 1)[0] ?? today
}

export interface PreviewOptions {
  /** @default the next meeting day */
  readonly date?: string
  /** @default meeting.duration */
  readonly duration?: number
  /** @default true */
  readonly snapshots?: boolean
  /** @default new Date() */
  readonly now?: Date
}

/**
 * A preview's plan (the Topics screen, Build setup, `showtell topics show`):
 * the history and the latest audit as they are on disk now, planned as the
 * build of the same topic, date, duration and snapshots will plan them.
 */
export async function planPreview(workspace: Workspace, topic: Topic, options: PreviewOptions = {}): Promise<PlannedFromMaterial & { readonly date: string }> {
  const { config } = workspace
  const date = options.date ?? defaultMeetingDate(config, options.now)
  const [history, audit, meetings] = await Promise.all([
    readHistory(workspace.paths.root),
    readLatestAudit(workspace.paths),
    config.agenda.learn ? readMeetingLog(workspace.paths.root) : undefined,
  ])
  const planned = planFromMaterial({ config, topic, date, duration: options.duration ?? config.meeting.duration, history: history.entries, audit, snapshots: options.snapshots, ...(meetings ? { meetings } : {}) })
  return { ...planned, date }
}
