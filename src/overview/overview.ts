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
import { headlineOf, platformName, type HeadlineCount } from '../snapshot/headline.js'
import { byGrowth, compare, comparisonParties, hasComparison, shown, type Cell } from '../snapshot/comparison.js'
import { formatCount } from '../snapshot/format.js'
import { daysBetween, newestPostDay, readCompetitorHistory, readHistory, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotStatus } from '../snapshot/types.js'
import type { Workspace } from '../workspace/load.js'
import { companyNames } from '../workspace/config-values.js'
import { executiveGroups, SILENCE_DAYS } from '../workspace/executives.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'

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
  /** The newest post any good snapshot of it has seen (YYYY-MM-DD): a post once seen stays a fact. */
  readonly lastPost?: string
}

/** A competitor's account (showtell.yaml `competitors`), read from public sources only and never counted as ours. */
export interface CompetitorLine extends AccountLine {
  readonly competitor: string
}

/** One leader (ours, or a competitor's): their executive accounts, and how long since they last posted. */
export interface PersonLine {
  readonly person: string
  /** The competitor's name; absent for ours. */
  readonly competitor?: string
  /** Their accounts' lines; empty for a leader listed in `executives:` with no account. */
  readonly accounts: readonly AccountLine[]
  /** Their newest post over all their accounts (YYYY-MM-DD). */
  readonly lastPost?: string
  /** Days since that post, when it is SILENCE_DAYS or more: silence, named as such. */
  readonly silentDays?: number
}

/**
 * The dashboard's one line of "how we compare": the platform where our
 * official account is largest, among those where a competitor was read on
 * the newest snapshot day. Growth since the snapshot day before (the deck's
 * rule, snapshot/comparison.ts), not size, ranks the parties.
 */
export interface ComparisonLine {
  readonly platform: string
  /** The snapshot day the numbers are from. */
  readonly date: string
  /** Us and each competitor with an account there, leaders first, then by growth; one not read that day last. */
  readonly cells: readonly Cell[]
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
  /** The competitors' accounts, in showtell.yaml's order. */
  readonly competitors: readonly CompetitorLine[]
  /** Our leaders, then each competitor's. */
  readonly executives: readonly PersonLine[]
  /** How we compare on our largest platform; absent with no competitor read there. */
  readonly comparison?: ComparisonLine
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
  const [planned, history, theirs, decks, audit] = await Promise.all([
    nextMeeting(workspace, today),
    readHistory(workspace.paths.root),
    config.competitors.length > 0 ? readCompetitorHistory(workspace.paths.root) : { entries: [] },
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
    competitors: config.competitors.flatMap((c) => c.accounts.map((account) => ({ ...accountLine(account, theirs.entries), competitor: c.name }))),
    executives: personLines(config, history.entries, theirs.entries, today),
    ...optionalComparison(config, history.entries, theirs.entries),
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
  const lastPost = newestPostDay(entries, account.id)
  const line = { ...base, status: latest.status, reason: latest.reason, date: latest.date, ...(lastPost ? { lastPost } : {}) }
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

/** Every leader (workspace/executives.ts), with their accounts' lines and their silence. */
export function personLines(config: WorkspaceConfig, ours: readonly HistoryEntry[], theirs: readonly HistoryEntry[], today: string): PersonLine[] {
  return executiveGroups(config).map((group) => {
    const accounts = group.accounts.map((account) => accountLine(account, group.competitor ? theirs : ours))
    const lastPost = accounts.reduce<string | undefined>((best, line) => (line.lastPost && (!best || line.lastPost > best) ? line.lastPost : best), undefined)
    const days = lastPost ? daysBetween(lastPost, today) : undefined
    return {
      person: group.person,
      ...(group.competitor ? { competitor: group.competitor } : {}),
      accounts,
      ...(lastPost ? { lastPost } : {}),
      ...(days !== undefined && days >= SILENCE_DAYS ? { silentDays: days } : {}),
    }
  })
}

function optionalComparison(config: WorkspaceConfig, ours: readonly HistoryEntry[], theirs: readonly HistoryEntry[]): { comparison?: ComparisonLine } {
  const comparison = comparisonLine(config, ours, theirs)
  return comparison ? { comparison } : {}
}

/**
 * The dashboard's comparison: as the deck compares (the company's official
 * accounts against each competitor's), on the newest snapshot day of any of
 * them. An account not read that day counts as not read: its last good value
 * shows, unranked. The platform is the one where our number is largest,
 * among those with a competitor read that day.
 */
export function comparisonLine(config: WorkspaceConfig, ours: readonly HistoryEntry[], theirs: readonly HistoryEntry[]): ComparisonLine | undefined {
  if (config.competitors.length === 0) return undefined
  const parties = comparisonParties(config)
  const ids = new Set(parties.flatMap((p) => p.accounts.map((a) => a.id)))
  const history = [...ours.filter((e) => e.competitor === undefined), ...theirs].filter((e) => ids.has(e.account))
  const date = history.reduce((best, e) => (e.date > best ? e.date : best), '')
  if (!date) return undefined
  // That day's newest row of each account is its "result"; the rows before that day are its history.
  const results = new Map<string, HistoryEntry>()
  for (const e of history) {
    const held = results.get(e.account)
    if (e.date === date && (!held || e.capturedAt > held.capturedAt)) results.set(e.account, e)
  }
  const rows = compare({ date, parties, results: [...results.values()], history }).filter((row) => hasComparison([row]))
  const size = (c: Cell | undefined) => c?.followers ?? c?.lastGood?.value ?? -1
  const row = [...rows].sort((a, b) => size(b.cells.find((c) => c.ours)) - size(a.cells.find((c) => c.ours)))[0]
  if (!row) return undefined
  return { platform: row.platform, date, cells: [...row.cells].sort(byGrowth) }
}

/** A growth as the dashboard shows it: "▲ 3.8%", "▼ 0.4%", "± 0.0%" (at the 0.1% that ties, snapshot/comparison.ts). */
export function growthWords(fraction: number): string {
  const tenths = shown(fraction)
  const percent = `${(Math.abs(tenths) / 10).toFixed(1)}%`
  return tenths > 0 ? `▲ ${percent}` : tenths < 0 ? `▼ ${percent}` : `± ${percent}`
}

/**
 * The comparison in one line: "Instagram, growth since 2026-11-17: ★ Villmark
 * Gear ▲ 3.8% · Nordlys Outdoor ▲ 1.0% · Fjellkraft ▲ 0.5%" (`us` names our
 * party where room is short: "us ▲ 1.0%"; `undated` leaves out the day, as
 * the dashboard's grid does for its changes). A party not read says so with its
 * last good value; one with no earlier count gives its followers only; never
 * a 0 for a number not known.
 */
export function comparisonWords(line: ComparisonLine, options: { readonly us?: string; readonly undated?: boolean } = {}): string {
  const froms = new Set(line.cells.flatMap((c) => (c.sinceLast ? [c.sinceLast.from] : [])))
  const common = froms.size === 1 ? [...froms][0] : undefined
  const cell = (c: Cell) => {
    const name = `${c.leads ? '★ ' : ''}${c.ours && options.us ? options.us : c.party}`
    if (c.followers === undefined) return `${name} ${(c.status ?? 'not read').replace('-', ' ')}${c.lastGood ? `, last good ${formatCount(c.lastGood.value)} on ${c.lastGood.date}` : ''}`
    if (!c.sinceLast) return `${name} ${formatCount(c.followers)}, no earlier count`
    return `${name} ${growthWords(c.sinceLast.fraction)}${common ? '' : ` since ${c.sinceLast.from}`}`
  }
  return `${platformName(line.platform)}${options.undated ? '' : common ? `, growth since ${common}` : ', growth'}: ${line.cells.map(cell).join(' · ')}`
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
