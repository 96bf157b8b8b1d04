// Owns the loss-of-control segment: what the latest `showtell audit` checked
// and found (one summary, then one slide per account in our name that we do
// not run, with its screenshot and a suggested action), and the unofficial
// accounts showtell.yaml lists, watched with their latest numbers. Pure:
// the build reads the audit and copies its screenshots; text stays raw here
// and the templates escape it.
//
// Every fixed word is the catalogue's `lossOfControl` section, in the deck's
// language (input.lang, default English); numbers and dates are its Intl
// formats. What the audit itself wrote stays as written: a platform's reason
// for an unknown answer (rules/audit.yaml, or the error met), a handle, a
// display name, a bio.
//
// A platform whose rule failed its control this run (audit/control.ts) is
// named on the summary slide with "cannot tell present from absent today"
// (the catalogue's `auditControl` section), ahead of the platforms behind a
// wall: its candidates were never judged, and the room must not read its
// silence as "nothing there".
//
// A find with evidence (audit/evidence.ts) shows its score and its top
// reasons on its slide, each in a few words of the catalogue's `evidence`
// section ("Uses our logo (avatar 94% alike)", "Created 12 days ago"): what
// an executive reads in five seconds. The notes give every reason, the ones
// "not known" too.
import { topReasons } from '../audit/evidence.js'
import { listedAccount } from '../audit/listed.js'
import type { AuditFinding } from '../audit/run.js'
import type { StoredAudit } from '../audit/store.js'
import { isEvidenceRule, suggestAction, type SuggestedAction, type Suggestion } from '../audit/suggest.js'
import type { Evidence, EvidenceReason } from '../audit/types.js'
import { shownHandleOf } from '../platforms/index.js'
import { lastGoodValue, sinceLastMeeting, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { companyNames } from '../workspace/config-values.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import { dayWords } from './day-words.js'
import { english, type Lang } from './lang.js'
import type { Slide } from './slide.js'
import { platformName, problemWords } from './live.js'

export interface LossOfControlInput {
  readonly config: WorkspaceConfig
  /** The latest audit, if one has run. Screenshot paths point into the build folder (`audit/<file>.png`). */
  readonly audit?: StoredAudit
  /** This build's snapshots, when it took them. */
  readonly results?: readonly SnapshotResult[]
  readonly history: readonly HistoryEntry[]
  /** Meeting date, YYYY-MM-DD. */
  readonly date: string
  /** The previous scheduled meeting (calendar.ts previousMeetingDate): a watched account's change is from its count on or before it when there is one. */
  readonly lastMeeting?: string
  readonly kicker: string
  /** The deck's language. @default English */
  readonly lang?: Lang
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
 * strongest evidence first, then the most followed. An account added to showtell.yaml since the audit ran is
 * not new any more.
 */
export function newFindings(config: WorkspaceConfig, audit: StoredAudit): NewFinding[] {
  const names = companyNames(config)
  const rank = (action: SuggestedAction) => ACTION_ORDER.indexOf(action)
  return audit.findings
    .filter((finding) => finding.result === 'exists-unlisted' && !listedAccount(config, finding))
    .map((finding) => ({ finding, suggestion: suggestAction(finding, names) }))
    .sort((a, b) => rank(a.suggestion.action) - rank(b.suggestion.action) || (b.finding.evidence?.score ?? -1) - (a.finding.evidence?.score ?? -1) || (b.finding.followers ?? -1) - (a.finding.followers ?? -1))
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

/** "2026-12-04 09:12 UTC" (en), "4. des. 2026 kl. 09:12 UTC" (nb): when the audit ran or took a screenshot. */
function atWords(iso: string, lang: Lang): string {
  return lang.say(lang.w.lossOfControl.capturedAt, { date: dayWords(iso.slice(0, 10), lang), time: iso.slice(11, 16) })
}

/** Why this action, in the deck's language: the rule that decided, with the word it found. */
function whyWords(suggestion: Suggestion, lang: Lang): string {
  if (isEvidenceRule(suggestion.rule)) return lang.w.evidence.why[suggestion.rule]
  return lang.say(lang.w.lossOfControl.why[suggestion.rule], { word: suggestion.word ?? '' })
}

/** One reason of a find's evidence in the deck's language; a code this showtell does not know keeps the words the audit wrote. */
export function reasonWords(reason: EvidenceReason, lang: Lang): string {
  const e = lang.w.evidence
  const values = reason.values ?? {}
  const number = (key: string) => Number(values[key])
  switch (reason.code) {
    case 'ageNew':
      return lang.plural(number('days'), e.ageNew)
    case 'followersMany':
    case 'followersFew':
      return lang.plural(number('followers'), lang.w.lossOfControl.followers)
    case 'ageOld':
      return lang.say(e.reason.ageOld, { year: String(values.year ?? '') })
  }
  const words = reason.code !== undefined && Object.hasOwn(e.reason, reason.code) ? e.reason[reason.code as keyof typeof e.reason] : undefined
  return words === undefined ? reason.says : lang.say(words, { percent: lang.count(number('percent')) })
}

/** "Evidence: strong, 75 of 100" in the deck's language. */
function scoreWords(evidence: Evidence, lang: Lang): string {
  return lang.say(lang.w.evidence.score, { level: lang.w.evidence.level[evidence.level], score: lang.count(evidence.score) })
}

export function lossOfControlSlides(input: LossOfControlInput): Slide[] {
  const { audit, kicker } = input
  const lang = input.lang ?? english()
  const w = lang.w.lossOfControl
  const slides: Slide[] = []
  if (audit) {
    const found = newFindings(input.config, audit)
    slides.push(summarySlide(input, audit, found, lang))
    slides.push(...found.slice(0, MAX_FINDING_SLIDES).map((f) => findingSlide(f, input, lang)))
    if (found.length > MAX_FINDING_SLIDES) slides.push(...moreFindingsSlides(found.slice(MAX_FINDING_SLIDES), kicker, lang))
  } else {
    const command = 'showtell audit'
    slides.push({
      kind: 'placeholder',
      segment: 'loss-of-control',
      kicker,
      title: w.noAuditTitle,
      lead: w.noAuditLead,
      command,
      notes: [lang.say(w.noAuditNote, { command })],
    })
  }
  slides.push(...watchedSlides(input, lang))
  return slides
}

interface UnknownGroup {
  readonly platform: string
  readonly reason: string
  readonly count: number
}

/** The platforms whose rule was broken this run (none in a report from before the controls). */
export function brokenPlatforms(audit: StoredAudit): string[] {
  return (audit.controls ?? []).filter((control) => control.verdict === 'broken').map((control) => control.platform)
}

/** Unknown answers per platform and reason, the budget's leftovers and broken rules apart: what the audit could not see. */
function unknownGroups(audit: StoredAudit, lang: Lang): { walls: UnknownGroup[]; all: UnknownGroup[]; unchecked: number } {
  const groups = new Map<string, UnknownGroup>()
  const broken = new Set(brokenPlatforms(audit))
  let unchecked = 0
  for (const finding of audit.findings) {
    if (finding.result !== 'unknown' || broken.has(finding.platform)) continue
    // The budget's leftovers are told apart by the words audit/run.ts writes for them.
    if (finding.reason?.startsWith('not checked')) {
      unchecked += 1
      continue
    }
    const reason = finding.reason ?? lang.w.lossOfControl.noReason
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

function summarySlide(input: LossOfControlInput, audit: StoredAudit, found: readonly NewFinding[], lang: Lang): Slide {
  const w = lang.w.lossOfControl
  const { walls, all, unchecked } = unknownGroups(audit, lang)
  const listed = audit.findings.filter((f) => f.result === 'official').length
  const watched = unofficialAccounts(input.config).length
  const title = found.length === 0 ? (walls.length === 0 ? w.noneFound : w.noneFoundWhereSeen) : lang.plural(found.length, w.found)
  const bullets: string[] = []
  if (found.length > 0) {
    const by = ACTION_ORDER.map((action) => [action, found.filter((f) => f.suggestion.action === action).length] as const).filter(([, n]) => n > 0)
    bullets.push(lang.say(w.foundBullet, { todo: by.map(([action, n]) => lang.say(w.actionTodo[action], { n: lang.count(n) })).join(', ') }))
  }
  bullets.push(lang.plural(listed, w.recognised))
  if (watched > 0) bullets.push(lang.plural(watched, w.watching))
  // A broken rule comes before any wall: its silence must not read as "nothing there".
  const c = lang.w.auditControl
  const broken = brokenPlatforms(audit)
  if (broken.length === 1) bullets.push(lang.say(c.broken, { platform: platformName(broken[0]!) }))
  else if (broken.length > 1) bullets.push(lang.say(c.brokenMore, { platforms: broken.map(platformName).join(', ') }))
  // One bullet per platform the audit could not see into, while they fit; the rest named together.
  const room = Math.max(1, MAX_SUMMARY_BULLETS - bullets.length - (unchecked > 0 ? 1 : 0))
  const shownWalls = walls.length <= room ? walls : walls.slice(0, room - 1)
  for (const wall of shownWalls) bullets.push(lang.say(w.couldNotCheck, { platform: platformName(wall.platform), reason: problemWords({ status: 'error', reason: wall.reason }, lang) }))
  const rest = walls.slice(shownWalls.length)
  if (rest.length > 0) bullets.push(lang.say(w.couldNotCheckMore, { platforms: rest.map((wall) => platformName(wall.platform)).join(', ') }))
  if (unchecked > 0) bullets.push(lang.plural(unchecked, w.leftUnchecked))
  const when = atWords(audit.ranAt, lang)
  return {
    kind: 'bullets',
    segment: 'loss-of-control',
    kicker: input.kicker,
    title,
    lead: lang.say(w.lead, { handles: lang.plural(audit.handlesChecked ?? audit.checked, w.possibleHandles), platforms: lang.plural(audit.platforms.length, w.platforms), when }),
    bullets,
    notes: [
      lang.say(w.notesRun, { candidates: lang.count(audit.candidates), checked: lang.count(audit.handlesChecked ?? audit.checked), budget: lang.count(audit.budget), platforms: audit.platforms.map(platformName).join(', '), when }),
      found.length > 0
        ? lang.say(w.notesNew, { found: found.map((f) => lang.say(w.notesNewItem, { handle: shownHandle(f.finding), platform: platformName(f.finding.platform), action: w.actionKey[f.suggestion.action] })).join('; ') })
        : w.notesNothingNew,
      ...all.map((wall) => lang.say(w.notesWall, { platform: platformName(wall.platform), handles: lang.plural(wall.count, w.handles), reason: problemWords({ status: 'error', reason: wall.reason }, lang) })),
      ...(all.length > 0 ? [w.notesUnknown] : []),
      ...(unchecked > 0 ? [lang.plural(unchecked, w.notesBudget)] : []),
      ...controlNotes(audit, lang),
    ],
  }
}

function findingSlide({ finding, suggestion }: NewFinding, input: LossOfControlInput, lang: Lang): Slide {
  const w = lang.w.lossOfControl
  const platform = platformName(finding.platform)
  const handle = shownHandle(finding)
  const shown = breakable(clip(handle, FIT.handle))
  // Little evidence is no fan's disclaimer: its title says only what is known.
  const titleWords = suggestion.rule === 'evidence-low' ? lang.w.evidence.titleWatch : suggestion.action === 'report' ? w.titleReport : suggestion.action === 'claim' ? w.titleClaim : w.titleUnofficial
  const title = lang.say(titleWords, { handle: shown, platform })
  const link = finding.profileUrl ?? finding.url
  const followers = finding.followers !== undefined ? lang.plural(finding.followers, w.followers) : undefined
  const evidence = finding.evidence
  const top = evidence ? topReasons(evidence) : []
  // The scheme is noise on a slide; the notes keep the whole address.
  const shownLink = link ? [breakable(clip(link.replace(/^https?:\/\//, ''), FIT.link))] : []
  const bullets =
    evidence && top.length > 0
      ? // The evidence says why it looks like us; its name and followers stay in the notes.
        [scoreWords(evidence, lang), ...top.map((reason) => reasonWords(reason, lang)), ...(top.length < 3 ? shownLink : [])]
      : [
          ...(evidence ? [scoreWords(evidence, lang)] : []),
          ...(finding.displayName ? [lang.say(w.callsItself, { name: clip(finding.displayName, FIT.name) })] : []),
          ...(followers !== undefined ? [followers] : []),
          ...shownLink,
        ]
  const when = finding.capturedAt ?? input.audit!.ranAt
  const action = w.action[suggestion.action]
  const why = whyWords(suggestion, lang)
  return {
    kind: 'finding',
    segment: 'loss-of-control',
    // Shares the slide with a screenshot, so the kicker stays short.
    kicker: lang.say(w.kicker, { platform }),
    title,
    callout: action,
    // A find under a handle we would not guess says how it was found (kicker and caption share a narrow column: no room there).
    lead: finding.foundBy === 'name-search' ? lang.say(lang.w.nameSearchSlide.leadByName, { why }) : why,
    bullets,
    image: finding.screenshot,
    caption: finding.screenshot ? lang.say(w.screenshot, { when: atWords(when, lang) }) : finding.screenshotNote ? lang.say(w.noScreenshotWhy, { why: finding.screenshotNote }) : w.noScreenshot,
    notes: [
      lang.say(w.notesFinding, {
        handle,
        platform,
        name: finding.displayName ? lang.say(w.notesCallingItself, { name: finding.displayName }) : '',
        followers: followers !== undefined ? lang.say(w.notesFollowers, { followers }) : '',
      }),
      // Its handle is not one we would guess: the presenter can say how it was found.
      ...(finding.foundBy === 'name-search' ? [lang.say(lang.w.nameSearchSlide.notesByName, { platform, name: finding.displayName ?? '' })] : []),
      ...(finding.bio ? [lang.say(w.notesBio, { bio: finding.bio })] : []),
      ...(evidence
        ? [
            lang.say(lang.w.evidence.notes, {
              score: lang.count(evidence.score),
              level: lang.w.evidence.level[evidence.level],
              reasons: evidence.reasons.map((reason) => lang.say(lang.w.evidence.notesReason, { says: reasonWords(reason, lang), weight: reason.weight > 0 ? `+${reason.weight}` : String(reason.weight) })).join('; '),
            }),
          ]
        : []),
      lang.say(w.notesSuggested, { action, why }),
      ...(link ? [lang.say(w.notesOpen, { link })] : []),
      lang.say(w.notesFoundBy, { when: atWords(input.audit!.ranAt, lang) }),
      w.notesOwner,
    ],
  }
}

/** Finds beyond the slides of their own: one row each, split into "(continued)" by the composer. */
function moreFindingsSlides(rest: readonly NewFinding[], kicker: string, lang: Lang): Slide[] {
  const w = lang.w.lossOfControl
  return [
    {
      kind: 'table',
      segment: 'loss-of-control',
      kicker,
      title: lang.plural(rest.length, w.more),
      table: {
        // Two cells: every catalogue's lists are held to English's length when it is loaded.
        header: [w.moreHeader[0]!, w.moreHeader[1]!],
        rows: rest.map(({ finding, suggestion }) => [lang.say(w.accountOn, { account: shownHandle(finding), platform: platformName(finding.platform) }), w.actionRow[suggestion.action]] as const),
      },
      notes: rest.map(({ finding, suggestion }) =>
        lang.say(w.notesMore, { handle: shownHandle(finding), platform: platformName(finding.platform), action: w.action[suggestion.action], why: whyWords(suggestion, lang), link: finding.profileUrl ?? finding.url ?? '' }).trim(),
      ),
    },
  ]
}

/** The unofficial accounts showtell.yaml lists: watched at every meeting with their latest numbers. */
function watchedSlides(input: LossOfControlInput, lang: Lang): Slide[] {
  const w = lang.w.lossOfControl
  const accounts = unofficialAccounts(input.config)
  if (accounts.length === 0) return []
  const rows = accounts.map((account) => [lang.say(w.accountOn, { account: account.label ?? account.handle ?? account.id, platform: platformName(account.platform) }), latestWords(account, input, lang)] as const)
  return [
    {
      kind: 'table',
      segment: 'loss-of-control',
      kicker: input.kicker,
      title: lang.plural(accounts.length, w.watchedTitle),
      table: { header: [w.watchedHeader[0]!, w.watchedHeader[1]!], rows },
      notes: [w.watchedNote],
    },
  ]
}

function latestWords(account: Account, input: LossOfControlInput, lang: Lang): string {
  const w = lang.w.lossOfControl
  const result = input.results?.find((r) => r.account === account.id)
  const followers = result?.status === 'ok' ? result.metrics.followers : undefined
  if (followers) {
    const previous = sinceLastMeeting(input.history, account.id, 'followers', input.date, input.lastMeeting)
    const now = lang.plural(followers.value, w.followers)
    return previous ? lang.say(w.latest, { followers: now, change: lang.change(followers.value - previous.value), date: dayWords(previous.date, lang) }) : now
  }
  const last = lastGoodValue(input.history, account.id, 'followers', input.date)
  const lastWords = last ? lang.say(w.lastSeen, { followers: lang.plural(last.value, w.followers), date: dayWords(last.date, lang) }) : undefined
  if (result && result.status !== 'ok') return [lang.say(w.statusWords, { status: w.status[result.status], reason: result.reason ? problemWords(result, lang) : w.noReason }), lastWords].filter(Boolean).join('; ')
  if (result) return lastWords ?? w.liveNoNumbers
  return lastWords ?? w.notMeasured
}

/** What each control said, for the speaker: a broken rule and why, an unverified one and why. */
function controlNotes(audit: StoredAudit, lang: Lang): string[] {
  const c = lang.w.auditControl
  const controls = audit.controls ?? []
  if (controls.length === 0) return []
  const notes: string[] = []
  for (const control of controls) {
    const platform = platformName(control.platform)
    if (control.verdict === 'broken') {
      const phantom = control.probes.find((p) => p.kind === 'random' && p.answer === 'present')
      const missing = control.probes.find((p) => p.kind !== 'random' && p.answer === 'absent')
      if (phantom) notes.push(lang.say(c.notesBrokenRandom, { platform, handle: shownHandle({ platform: control.platform, handle: phantom.handle }) }))
      else if (missing) notes.push(lang.say(c.notesBrokenOwn, { platform, handle: shownHandle({ platform: control.platform, handle: missing.handle }) }))
    } else if (control.verdict === 'unverified') {
      const unknown = control.probes.find((p) => p.answer === 'unknown')
      const reason = unknown ? problemWords({ status: 'error', reason: unknown.reason ?? '' }, lang) : c.noOwnAccount
      notes.push(lang.say(c.notesUnverified, { platform, reason }))
    }
  }
  return [...notes, c.notesControl]
}
