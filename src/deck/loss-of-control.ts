// Owns the loss-of-control segment: what the latest `showtell audit` checked
// and found (one summary, then one slide per account in our name that we do
// not run, with its screenshot and a suggested action), and the unofficial
// accounts showtell.yaml lists, watched with their latest numbers. Pure:
// the build reads the audit and copies its screenshots; text stays raw here
// and the templates escape it.
import { listedAccount } from '../audit/listed.js'
import type { AuditFinding } from '../audit/run.js'
import type { StoredAudit } from '../audit/store.js'
import { ACTION_ROW, ACTION_TODO, ACTION_WORDS, suggestAction, type SuggestedAction, type Suggestion } from '../audit/suggest.js'
import { shownHandleOf } from '../platforms/index.js'
import { formatChange, formatCount } from '../snapshot/format.js'
import { lastGoodValue, previousValue, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { companyNames } from '../workspace/config-values.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import { plural } from './plural.js'
import type { Slide } from './slide.js'
import { capturedAtWords, platformName } from './live.js'

export interface LossOfControlInput {
  readonly config: WorkspaceConfig
  /** The latest audit, if one has run. Screenshot paths point into the build folder (`audit/<file>.png`). */
  readonly audit?: StoredAudit
  /** This build's snapshots, when it took them. */
  readonly results?: readonly SnapshotResult[]
  readonly history: readonly HistoryEntry[]
  /** Meeting date, YYYY-MM-DD. */
  readonly date: string
  readonly kicker: string
}

/** Finds shown one slide each; the rest share a table. */
export const MAX_FINDING_SLIDES = 4
/** Bullets on the summary slide, under its lead. */
const MAX_SUMMARY_BULLETS = 5

export function unofficialAccounts(config: WorkspaceConfig): Account[] {
  return config.accounts.filter((account) => account.owner === 'unofficial')
}

/** The segment has material once an audit has run or the team lists an unofficial account. */
export function hasLossOfControlMaterial(config: WorkspaceConfig, audit: StoredAudit | undefined): boolean {
  return audit !== undefined || unofficialAccounts(config).length > 0
}

export interface NewFinding {
  readonly finding: AuditFinding
  readonly suggestion: Suggestion
}

/** Most urgent first: an impostor harms us today, a forgotten account may tomorrow, a fan page rarely. */
const ACTION_ORDER = ['report', 'claim', 'add-unofficial'] as const satisfies readonly SuggestedAction[]

/**
 * The audit's finds that showtell.yaml still does not list, most urgent first:
 * reports, then claims, then accounts to add as unofficial; within each, the
 * most followed first. An account added to showtell.yaml since the audit ran is
 * not new any more.
 */
export function newFindings(config: WorkspaceConfig, audit: StoredAudit): NewFinding[] {
  const names = companyNames(config)
  const rank = (action: SuggestedAction) => ACTION_ORDER.indexOf(action)
  return audit.findings
    .filter((finding) => finding.result === 'exists-unlisted' && !listedAccount(config, finding))
    .map((finding) => ({ finding, suggestion: suggestAction(finding, names) }))
    .sort((a, b) => rank(a.suggestion.action) - rank(b.suggestion.action) || (b.finding.followers ?? -1) - (a.finding.followers ?? -1))
}

/** How a handle reads on a slide: `@nordlys.official`, `@nordlys@mastodon.social`, or a bare page name (the adapter's `handles.shown`). */
export function shownHandle(finding: Pick<AuditFinding, 'platform' | 'handle'>): string {
  return shownHandleOf(finding.platform, finding.handle)
}

/** Lets a long handle or address wrap after its dots, slashes and @ instead of in the middle of a word. */
function breakable(text: string): string {
  return text.replace(/([./@])(?=.)/g, '$1\u200b')
}

/** At most `max` characters, with an ellipsis: a slide has room for a name, not a paragraph. The notes keep it whole. */
function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** What fits the left half of a finding slide (three lines of title, two of name, two of address). */
const FIT = { handle: 40, name: 40, link: 64 } as const

/** "1 handle", "2 handles": the form from Intl.PluralRules (deck/plural.ts). */
function counted(n: number, one: string, many = `${one}s`): string {
  return plural(n, { one: `# ${one}`, other: `# ${many}` })
}

export function lossOfControlSlides(input: LossOfControlInput): Slide[] {
  const { audit, kicker } = input
  const slides: Slide[] = []
  if (audit) {
    const found = newFindings(input.config, audit)
    slides.push(summarySlide(input, audit, found))
    slides.push(...found.slice(0, MAX_FINDING_SLIDES).map((f) => findingSlide(f, input)))
    if (found.length > MAX_FINDING_SLIDES) slides.push(...moreFindingsSlides(found.slice(MAX_FINDING_SLIDES), kicker))
  } else {
    slides.push({
      kind: 'placeholder',
      segment: 'loss-of-control',
      kicker,
      title: 'No account audit has run yet',
      lead: 'Run this before the meeting to look for accounts in our name:',
      command: 'showtell audit',
      notes: ['No audit has run in this workspace, so the deck cannot say which accounts carry our name. To look for them, run: showtell audit'],
    })
  }
  slides.push(...watchedSlides(input))
  return slides
}

interface UnknownGroup {
  readonly platform: string
  readonly reason: string
  readonly count: number
}

/** Unknown answers per platform and reason, the budget's leftovers apart: what the audit could not see. */
function unknownGroups(audit: StoredAudit): { walls: UnknownGroup[]; all: UnknownGroup[]; unchecked: number } {
  const groups = new Map<string, UnknownGroup>()
  let unchecked = 0
  for (const finding of audit.findings) {
    if (finding.result !== 'unknown') continue
    const reason = finding.reason ?? 'no reason given'
    if (reason.startsWith('not checked')) {
      unchecked += 1
      continue
    }
    const key = `${finding.platform}\n${reason}`
    const group = groups.get(key)
    groups.set(key, { platform: finding.platform, reason, count: (group?.count ?? 0) + 1 })
  }
  // The main reason per platform, largest first.
  const all = [...groups.values()].sort((a, b) => b.count - a.count)
  const byPlatform = new Map<string, UnknownGroup>()
  for (const group of all) if (!byPlatform.has(group.platform)) byPlatform.set(group.platform, group)
  return { walls: [...byPlatform.values()], all, unchecked }
}

function summarySlide(input: LossOfControlInput, audit: StoredAudit, found: readonly NewFinding[]): Slide {
  const { walls, all, unchecked } = unknownGroups(audit)
  const listed = audit.findings.filter((f) => f.result === 'official').length
  const watched = unofficialAccounts(input.config).length
  const title =
    found.length === 0
      ? walls.length === 0
        ? 'No unknown account carries our name'
        : 'No unknown account carries our name where we could look'
      : plural(found.length, { one: '# account carries our name but is not run by us', other: '# accounts carry our name but are not run by us' })
  const bullets: string[] = []
  if (found.length > 0) {
    const by = ACTION_ORDER.map((action) => [action, found.filter((f) => f.suggestion.action === action).length] as const).filter(([, n]) => n > 0)
    bullets.push(`Found: ${by.map(([action, n]) => `${n} ${ACTION_TODO[action]}`).join(', ')}`)
  }
  bullets.push(`Recognised the ${counted(listed, 'account')} we already list`)
  if (watched > 0) bullets.push(`${counted(watched, 'unofficial account')} we already watch`)
  // One bullet per platform the audit could not see into, while they fit; the rest named together.
  const room = Math.max(1, MAX_SUMMARY_BULLETS - bullets.length - (unchecked > 0 ? 1 : 0))
  const shownWalls = walls.length <= room ? walls : walls.slice(0, room - 1)
  for (const wall of shownWalls) bullets.push(`Could not check ${platformName(wall.platform)}: ${wall.reason}`)
  const rest = walls.slice(shownWalls.length)
  if (rest.length > 0) bullets.push(`Could not check ${rest.map((w) => platformName(w.platform)).join(', ')}: see the notes`)
  if (unchecked > 0) bullets.push(`${counted(unchecked, 'handle')} left unchecked: the request budget ran out`)
  return {
    kind: 'bullets',
    segment: 'loss-of-control',
    kicker: input.kicker,
    title,
    lead: `We checked ${counted(audit.checked, 'possible handle')} on ${counted(audit.platforms.length, 'platform')}, ${capturedAtWords(audit.ranAt)}.`,
    bullets,
    notes: [
      `showtell audit made ${formatCount(audit.candidates)} candidate handles from our name and aliases and checked ${formatCount(audit.checked)} of them (budget ${formatCount(audit.budget)}) on ${audit.platforms.map(platformName).join(', ')}. It ran ${capturedAtWords(audit.ranAt)}.`,
      found.length > 0 ? `New since showtell.yaml was last updated: ${found.map((f) => `${shownHandle(f.finding)} on ${platformName(f.finding.platform)} (${f.suggestion.action})`).join('; ')}.` : 'Nothing new carries our name on the platforms the audit could see.',
      ...all.map((w) => `${platformName(w.platform)} could not be checked for ${counted(w.count, 'handle')}: ${w.reason}.`),
      ...(all.length > 0 ? ['Unknown is not absent: check those platforms by hand, logged in.'] : []),
      ...(unchecked > 0 ? [`${plural(unchecked, { one: '# handle was', other: '# handles were' })} not checked because the request budget ran out; raise audit.budget or run showtell audit --budget N.`] : []),
    ],
  }
}

function findingSlide({ finding, suggestion }: NewFinding, input: LossOfControlInput): Slide {
  const platform = platformName(finding.platform)
  const handle = shownHandle(finding)
  const shown = breakable(clip(handle, FIT.handle))
  const title =
    suggestion.action === 'report' ? `${shown} poses as us on ${platform}` : suggestion.action === 'claim' ? `${shown} on ${platform} looks like ours` : `${shown} on ${platform} is a fan or partner account`
  const link = finding.profileUrl ?? finding.url
  const bullets = [
    ...(finding.displayName ? [`Calls itself “${clip(finding.displayName, FIT.name)}”`] : []),
    ...(finding.followers !== undefined ? [`${counted(finding.followers, 'follower')}`] : []),
    // The scheme is noise on a slide; the notes keep the whole address.
    ...(link ? [breakable(clip(link.replace(/^https?:\/\//, ''), FIT.link))] : []),
  ]
  const when = finding.capturedAt ?? input.audit!.ranAt
  return {
    kind: 'finding',
    segment: 'loss-of-control',
    // Shares the slide with a screenshot, so the kicker stays short.
    kicker: `Loss of control · ${platform}`,
    title,
    callout: ACTION_WORDS[suggestion.action],
    lead: suggestion.why,
    bullets,
    image: finding.screenshot,
    caption: finding.screenshot ? `Screenshot ${capturedAtWords(when)}` : `No screenshot${finding.screenshotNote ? `: ${finding.screenshotNote}` : ''}`,
    notes: [
      `${handle} on ${platform}${finding.displayName ? `, calling itself "${finding.displayName}"` : ''}${finding.followers !== undefined ? `, ${counted(finding.followers, 'follower')}` : ''}. It is not in showtell.yaml.`,
      ...(finding.bio ? [`Its bio: ${finding.bio}`] : []),
      `Suggested: ${ACTION_WORDS[suggestion.action]}. ${suggestion.why}`,
      ...(link ? [`Open it live: ${link}`] : []),
      `Found by showtell audit, ${capturedAtWords(input.audit!.ranAt)}.`,
      'Agree who owns the next step before the meeting moves on.',
    ],
  }
}

/** Finds beyond the slides of their own: one row each, split into "(continued)" by the composer. */
function moreFindingsSlides(rest: readonly NewFinding[], kicker: string): Slide[] {
  return [
    {
      kind: 'table',
      segment: 'loss-of-control',
      kicker,
      title: plural(rest.length, { one: '# more account in our name', other: '# more accounts in our name' }),
      table: {
        header: ['Account', 'Suggested'],
        rows: rest.map(({ finding, suggestion }) => [`${shownHandle(finding)} (${platformName(finding.platform)})`, ACTION_ROW[suggestion.action]] as const),
      },
      notes: rest.map(({ finding, suggestion }) => `${shownHandle(finding)} on ${platformName(finding.platform)}: ${ACTION_WORDS[suggestion.action]}. ${suggestion.why} ${finding.profileUrl ?? finding.url ?? ''}`.trim()),
    },
  ]
}

/** The unofficial accounts showtell.yaml lists: watched at every meeting with their latest numbers. */
function watchedSlides(input: LossOfControlInput): Slide[] {
  const accounts = unofficialAccounts(input.config)
  if (accounts.length === 0) return []
  const rows = accounts.map((account) => [`${account.label ?? account.handle ?? account.id} (${platformName(account.platform)})`, latestWords(account, input)] as const)
  return [
    {
      kind: 'table',
      segment: 'loss-of-control',
      kicker: input.kicker,
      title: plural(accounts.length, { one: 'We watch # unofficial account that carries our name', other: 'We watch # unofficial accounts that carry our name' }),
      table: { header: ['Account', 'Latest'], rows },
      notes: [
        'These accounts are known to the team and listed in showtell.yaml as unofficial, so the audit does not report them as new. Ask whether each one still helps or harms us.',
      ],
    },
  ]
}

function latestWords(account: Account, input: LossOfControlInput): string {
  const result = input.results?.find((r) => r.account === account.id)
  const followers = result?.status === 'ok' ? result.metrics.followers : undefined
  if (followers) {
    const previous = previousValue(input.history, account.id, 'followers', input.date)
    return `${counted(followers.value, 'follower')}${previous ? `, ${formatChange(followers.value - previous.value)} since ${previous.date}` : ''}`
  }
  const last = lastGoodValue(input.history, account.id, 'followers', input.date)
  const lastWords = last ? `last seen ${counted(last.value, 'follower')} on ${last.date}` : undefined
  if (result && result.status !== 'ok') return [`${result.status}: ${result.reason ?? 'no reason given'}`, lastWords].filter(Boolean).join('; ')
  if (result) return lastWords ?? 'live, no public numbers'
  return lastWords ?? 'not measured yet: run showtell snapshot'
}
