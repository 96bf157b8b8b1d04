// Owns what the dashboard shows, as data: the next meeting and why its topic
// was chosen, each account's latest status and main number with its change,
// the audit findings that need attention, and the recent decks. The app's
// dashboard and the plain-text summary (`showtell` outside a terminal) both
// render this one model, so they never disagree.
import { CANNOT_TELL, NO_OWN_ACCOUNT } from '../audit/control.js'
import { readLatestAudit } from '../audit/store.js'
import { suggestAction, type SuggestedAction } from '../audit/suggest.js'
import { listBuilds, type BuiltDeck } from '../build/recent.js'
import { todayIn, weekdayName } from '../rotation/calendar.js'
import { nextMeeting } from '../rotation/for-workspace.js'
import { describeReason } from '../rotation/schedule.js'
import { headlineOf, type HeadlineCount } from '../snapshot/headline.js'
import { readHistory, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotStatus } from '../snapshot/types.js'
import type { Workspace } from '../workspace/load.js'
import { companyNames } from '../workspace/config-values.js'
import type { Account } from '../workspace/schema.js'

export interface NextMeeting {
  readonly date: string
  readonly weekday: string
  /** Local start, HH:MM. */
  readonly time: string
  readonly timezone: string
  readonly duration: number
  readonly topicId: string
  readonly topicTitle: string
  /** Why the rotation chose this topic, e.g. "never covered yet". */
  readonly reason: string
}

export interface AccountLine {
  readonly id: string
  readonly label: string
  readonly platform: string
  readonly owner: Account['owner']
  /** The latest snapshot's status, or `never` before the first one. */
  readonly status: SnapshotStatus | 'never'
  readonly reason?: string
  /** The headline number (snapshot/headline.ts): followers where known, else a page's likes, else posts; `word` is what the platform calls it. */
  readonly metric?: { readonly name: HeadlineCount; readonly word: string; readonly value: number; readonly approximate: boolean; /** Entered by hand (`showtell record`, the app's `e`). */ readonly byHand: boolean }
  /** Change of the main number since the snapshot before, and that snapshot's date. */
  readonly change?: { readonly delta: number; readonly since: string }
  /** The newest post's date (YYYY-MM-DD), for accounts without a count (blogs). */
  readonly lastPostAt?: string
  /** For a blocked account: its last good value, which count it is and its word, and its date. */
  readonly lastGood?: { readonly name: HeadlineCount; readonly word: string; readonly value: number; readonly date: string }
  /** Date of the latest snapshot. */
  readonly date?: string
}

export interface AuditAttention {
  readonly ranAt: string
  readonly checked: number
  /** Accounts in the company's name that showtell.yaml does not list. */
  readonly unlisted: readonly {
    readonly platform: string
    readonly handle: string
    readonly followers?: number
    readonly url?: string
    /** What the deck suggests doing about it. */
    readonly action: SuggestedAction
  }[]
  /** Platforms that could not be checked, with the reason. */
  readonly unknownPlatforms: readonly { readonly platform: string; readonly reason: string }[]
  /** Platforms whose rule failed its control: it cannot tell present from absent today, so nothing it said counts. Empty for a report from before the controls. */
  readonly brokenPlatforms: readonly { readonly platform: string; readonly why: string }[]
  /** Platforms whose control could not be read, or had no real account to check against: their finds show, their "absent" is no comfort. */
  readonly unverifiedPlatforms: readonly { readonly platform: string; readonly why: string }[]
}

export interface Overview {
  readonly company: string
  /** The company's name and aliases. */
  readonly names: readonly string[]
  readonly today: string
  readonly next?: NextMeeting
  readonly accounts: readonly AccountLine[]
  readonly audit?: AuditAttention
  readonly decks: readonly BuiltDeck[]
}

export interface OverviewOptions {
  /** @default new Date() */
  readonly now?: Date
  /** How many recent decks. @default 5 */
  readonly decks?: number
}

export async function loadOverview(workspace: Workspace, options: OverviewOptions = {}): Promise<Overview> {
  const { config } = workspace
  const today = todayIn(config.meeting.timezone, options.now)
  const [planned, history, decks, audit] = await Promise.all([
    nextMeeting(workspace, today),
    readHistory(workspace.paths.root),
    listBuilds(workspace),
    loadAuditAttention(workspace),
  ])
  return {
    company: config.company.name,
    names: companyNames(config),
    today,
    next: planned && {
      date: planned.date,
      weekday: weekdayName(planned.date),
      time: planned.start.slice(11, 16),
      timezone: planned.timezone,
      duration: planned.duration,
      topicId: planned.topic,
      topicTitle: workspace.topics.get(planned.topic)?.topic.title ?? planned.topic,
      reason: describeReason(planned.reason),
    },
    accounts: config.accounts.map((account) => accountLine(account, history.entries)),
    audit,
    decks: decks.slice(0, options.decks ?? 5),
  }
}

/** One account's line from the history: its newest snapshot's headline (snapshot/headline.ts), with the change since the one before. */
export function accountLine(account: Account, entries: readonly HistoryEntry[]): AccountLine {
  const base = { id: account.id, label: account.label ?? account.id, platform: account.platform, owner: account.owner }
  let latest: HistoryEntry | undefined
  for (const entry of entries) {
    if (entry.account !== account.id) continue
    if (!latest || entry.date > latest.date || (entry.date === latest.date && entry.capturedAt > latest.capturedAt)) latest = entry
  }
  if (!latest) return { ...base, status: 'never' }
  const line = { ...base, status: latest.status, reason: latest.reason, date: latest.date }
  // A blocked page is never shown as data: only the last good value, with its date.
  const h = headlineOf(latest, entries)
  if (h.lastGood) return { ...line, lastGood: { name: h.lastGood.metric, word: h.lastGood.word, value: h.lastGood.value, date: h.lastGood.date } }
  if (h.lastPostOn) return { ...line, lastPostAt: h.lastPostOn }
  if (h.metric === 'none' || h.metric === 'lastPostAt' || h.value === undefined) return line
  return {
    ...line,
    metric: { name: h.metric, word: h.word, value: h.value, approximate: h.approximate, byHand: h.byHand !== undefined },
    change: h.change,
  }
}

/** The latest audit (history/audit.json), reduced to what needs a person's attention. */
async function loadAuditAttention(workspace: Workspace): Promise<AuditAttention | undefined> {
  const audit = await readLatestAudit(workspace.paths)
  if (!audit) return undefined
  const names = companyNames(workspace.config)
  const controls = audit.controls ?? []
  const byVerdict = (verdict: 'broken' | 'unverified') =>
    controls.filter((c) => c.verdict === verdict).map((c) => ({ platform: c.platform, why: c.why ?? (verdict === 'broken' ? CANNOT_TELL : NO_OWN_ACCOUNT) }))
  const broken = byVerdict('broken')
  // A platform behind a wall shows once, with its reason (usually every candidate there got the same answer).
  // A broken rule's candidates are unknown too, but they have their own line.
  const unknown = new Map<string, string>()
  for (const finding of audit.findings) {
    if (broken.some((b) => b.platform === finding.platform)) continue
    if (finding.result === 'unknown' && finding.reason && !finding.reason.startsWith('not checked') && !unknown.has(finding.platform)) unknown.set(finding.platform, finding.reason)
  }
  return {
    ranAt: audit.ranAt,
    checked: audit.checked,
    unlisted: audit.findings
      .filter((finding) => finding.result === 'exists-unlisted')
      .map((finding) => ({
        platform: finding.platform,
        handle: finding.handle,
        followers: finding.followers,
        url: finding.url,
        action: suggestAction(finding, names).action,
      })),
    unknownPlatforms: [...unknown].map(([platform, reason]) => ({ platform, reason })),
    brokenPlatforms: broken,
    unverifiedPlatforms: byVerdict('unverified'),
  }
}
