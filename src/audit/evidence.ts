// Owns the score of a find: how much an account that carries our name looks
// like us, from what its profile says, each reason with its weight and the
// words shown for it. Pure: the facts are collected elsewhere (evidence-run.ts).
//
// The rule (points add up, then the total is held to 0–100):
//
//   avatar     its picture against the nearest of our own accounts' pictures
//              (avatar-hash.ts: dHash bits apart, and mean colour apart)
//                ≤ 8 of 64 bits and colour ≤ 12 apart   +40  "Uses our logo (avatar 94% alike)"
//                ≤ 14 bits and colour ≤ 32              +20  "Avatar resembles our logo (81% alike in shape)"
//                otherwise                                0  "Avatar unlike ours"
//   name       its display name folded as the candidates fold (candidates.ts)
//                the same words as our name or an alias  +25  "Uses our name"
//                carries our name among other words      +15  "Its name carries ours"
//                otherwise                                0  "Its name is not ours"
//   bio        what it claims, in English or Norwegian (the first line that matches)
//                asks for card, bank or login details    +20  "Asks for payment or login details"
//                official / offisiell                    +20  "Calls itself official"
//                support / customer service / kundeservice… +15  "Claims to be customer service"
//                fan / unofficial / uoffisiell / not affiliated…  −20  "Says it is a fan or unofficial account"
//                (a disclaimer wins over a claim in the same bio, not over asking: the bio is
//                 the account's own word; the handle's claims are suggest.ts's)
//   age        when the source gives the account's creation date
//                under 90 days old                       +15  "Created 12 days ago"
//                otherwise                                0  "Created in 2019"
//   followers  reach: how many people it can mislead
//                1 000 or more                           +10  "1,234 followers"
//                fewer                                    0  "12 followers"
//
// A fact the source does not give (no picture, no date, a picture that could
// not be decoded) is a reason "not known" with weight 0: never a guess.
//
// Level: high at 60 or more, medium at 30 or more, low below.
import { likeness } from './avatar-hash.js'
import { foldWords, handleStems, PREFIXES, SUFFIXES } from './candidates.js'

// The stored shape and its words' codes live in types.ts: the report's schema reads them without this module.
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, REASON_CODES, type Evidence, type EvidenceKind, type EvidenceLevel, type EvidenceReason, type ReasonCode } from './types.js'
export { EVIDENCE_KINDS, EVIDENCE_LEVELS, REASON_CODES, type Evidence, type EvidenceKind, type EvidenceLevel, type EvidenceReason, type ReasonCode }

/** What is known of a found account. */
export interface FindFacts {
  readonly displayName?: string
  readonly bio?: string
  readonly followers?: number
  /** When the account was created (ISO), where the source gives it. */
  readonly createdAt?: string
  /** Its picture against ours: bits apart (0–64) and mean colour apart, or why it is not known. */
  readonly avatar?: { readonly bits: number; readonly colour: number } | { readonly unknown: string }
}

export interface ScoreContext {
  /** The company's name and aliases. */
  readonly names: readonly string[]
  /** When the facts were read (ISO): an account's age is counted to here. */
  readonly now: string
}

export const WEIGHTS = {
  avatarSame: 40,
  avatarNear: 20,
  nameSame: 25,
  nameCarries: 15,
  bioAsks: 20,
  bioOfficial: 20,
  bioSupport: 15,
  bioFan: -20,
  ageNew: 15,
  followersMany: 10,
} as const

/**
 * Measured (test/audit/avatar-hash.test.ts): copies of our logo resized or at
 * JPEG quality 40 came within 6 bits and 4 colour levels; another logo 16 bits
 * or more away; the demo's avatars (one layout, many hues) 0 bits but up to
 * 20 colour levels, which is why colour has a bound of its own.
 */
export const AVATAR_SAME = { bits: 8, colour: 12 } as const
export const AVATAR_NEAR = { bits: 14, colour: 32 } as const
export const NEW_DAYS = 90
export const MANY_FOLLOWERS = 1000
export const LEVELS = { high: 60, medium: 30 } as const

/** A word that is one on its own in any script: \b does not see ø or å as letters. */
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?![\\p{L}\\p{N}])`, 'iu')
const OFFICIAL = word('official|offisiell|offisielle|offisielt|verified|verifisert')
const SUPPORT = word('support|customer service|customer care|customer support|help ?desk|kundeservice|kundestøtte|brukerstøtte|kundesenter')
const ASKS = word('card details|card number|credit card|bank details|account number|password|login details|log-in details|payment details|order number|seed phrase|kortnummer|kortopplysninger|kontonummer|bankopplysninger|passord|innloggingsopplysninger|bankid|ordrenummer')
const FAN = word('fan|fans|fan page|fanpage|fan account|fanside|unofficial|uoffisiell|uoffisielle|not affiliated|no affiliation|ikke tilknyttet|ikke offisiell|parody|parodi')

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`

export function scoreFind(find: FindFacts, context: ScoreContext): Evidence {
  const reasons: EvidenceReason[] = [avatarReason(find), nameReason(find, context.names), bioReason(find), ageReason(find, context.now), followersReason(find)]
  const total = reasons.reduce((sum, reason) => sum + reason.weight, 0)
  const score = Math.max(0, Math.min(100, total))
  const level: EvidenceLevel = score >= LEVELS.high ? 'high' : score >= LEVELS.medium ? 'medium' : 'low'
  // Stable: reasons of equal weight keep the rule's order.
  const sorted = reasons.map((reason, i) => ({ reason, i })).sort((a, b) => b.reason.weight - a.reason.weight || a.i - b.i)
  return { score, level, reasons: sorted.map((entry) => entry.reason) }
}

function avatarReason(find: FindFacts): EvidenceReason {
  const avatar = find.avatar
  if (!avatar || 'unknown' in avatar) {
    const why = avatar && 'unknown' in avatar ? avatar.unknown : 'no picture was read'
    return { kind: 'avatar', weight: 0, code: 'avatarUnknown', says: `Avatar not known (${why})`, values: { why } }
  }
  const percent = likeness(avatar.bits)
  if (avatar.bits <= AVATAR_SAME.bits && avatar.colour <= AVATAR_SAME.colour) return { kind: 'avatar', weight: WEIGHTS.avatarSame, code: 'avatarSame', says: `Uses our logo (avatar ${percent}% alike)`, values: { percent } }
  if (avatar.bits <= AVATAR_NEAR.bits && avatar.colour <= AVATAR_NEAR.colour) return { kind: 'avatar', weight: WEIGHTS.avatarNear, code: 'avatarNear', says: `Avatar resembles our logo (${percent}% alike in shape)`, values: { percent } }
  return { kind: 'avatar', weight: 0, code: 'avatarUnlike', says: `Avatar unlike ours (${percent}% alike${avatar.colour > AVATAR_NEAR.colour ? ', other colours' : ''})`, values: { percent } }
}

function nameReason(find: FindFacts, names: readonly string[]): EvidenceReason {
  const name = find.displayName?.trim()
  if (!name) return { kind: 'name', weight: 0, code: 'nameUnknown', says: 'Display name not known' }
  const folded = foldWords(name)
  const ours = names.flatMap((n) => [foldWords(n), foldWords(n, 'long')]).filter((words) => words.length > 0)
  const joined = folded.join('')
  if (ourJoinedNames(names).has(joined)) return { kind: 'name', weight: WEIGHTS.nameSame, code: 'nameSame', says: `Uses our name ("${name}")`, values: { name } }
  // Our name's words in a row among its words: "Nordlys Outdoor Norge", "Support Nordlys".
  const carries = ours.some((words) => folded.some((_, i) => words.every((w, j) => folded[i + j] === w)))
  if (carries) return { kind: 'name', weight: WEIGHTS.nameCarries, code: 'nameCarries', says: `Its name carries ours ("${name}")`, values: { name } }
  return { kind: 'name', weight: 0, code: 'nameOther', says: `Its name is not ours ("${name}")`, values: { name } }
}

/**
 * Our names as the candidates write them joined, with their legal forms also
 * dropped ("Nordlys Outdoor AS" → nordlysoutdooras, nordlysoutdoor): the
 * stems of candidates.ts without separators and without the affixes it adds.
 */
function ourJoinedNames(names: readonly string[]): Set<string> {
  const plain = handleStems(names).filter((stem) => /^[a-z0-9]+$/.test(stem))
  const affixed = new Set(plain.flatMap((stem) => [...SUFFIXES.map((suffix) => `${stem}${suffix}`), ...PREFIXES.map((prefix) => `${prefix}${stem}`)]))
  return new Set(plain.filter((stem) => !affixed.has(stem)))
}

function bioReason(find: FindFacts): EvidenceReason {
  const bio = find.bio?.trim()
  if (bio === undefined) return { kind: 'bio', weight: 0, code: 'bioUnknown', says: 'Bio not known' }
  // Asking for money or a login is what a scam does, whatever else the bio says.
  const asks = ASKS.exec(bio)?.[1]
  if (asks) return { kind: 'bio', weight: WEIGHTS.bioAsks, code: 'bioAsks', says: `Asks for payment or login details ("${asks}")`, values: { word: asks } }
  const fan = FAN.exec(bio)?.[1]
  if (fan) return { kind: 'bio', weight: WEIGHTS.bioFan, code: 'bioFan', says: `Says it is a fan or unofficial account ("${fan}")`, values: { word: fan } }
  const official = OFFICIAL.exec(bio)?.[1]
  if (official) return { kind: 'bio', weight: WEIGHTS.bioOfficial, code: 'bioOfficial', says: `Calls itself official ("${official}")`, values: { word: official } }
  const support = SUPPORT.exec(bio)?.[1]
  if (support) return { kind: 'bio', weight: WEIGHTS.bioSupport, code: 'bioSupport', says: `Claims to be customer service ("${support}")`, values: { word: support } }
  return { kind: 'bio', weight: 0, code: 'bioNothing', says: 'Its bio claims nothing' }
}

function ageReason(find: FindFacts, now: string): EvidenceReason {
  const created = find.createdAt === undefined ? NaN : Date.parse(find.createdAt)
  if (!Number.isFinite(created)) return { kind: 'age', weight: 0, code: 'ageUnknown', says: 'Age not known' }
  const days = Math.max(0, Math.floor((Date.parse(now) - created) / 86_400_000))
  if (days < NEW_DAYS) return { kind: 'age', weight: WEIGHTS.ageNew, code: 'ageNew', says: `Created ${plural(days, 'day', 'days')} ago`, values: { days } }
  const year = new Date(created).getUTCFullYear()
  return { kind: 'age', weight: 0, code: 'ageOld', says: `Created in ${year}`, values: { year } }
}

function followersReason(find: FindFacts): EvidenceReason {
  const n = find.followers
  if (n === undefined) return { kind: 'followers', weight: 0, code: 'followersUnknown', says: 'Followers not known' }
  const shown = n.toLocaleString('en-US')
  if (n >= MANY_FOLLOWERS) return { kind: 'followers', weight: WEIGHTS.followersMany, code: 'followersMany', says: `${shown} followers`, values: { followers: n } }
  return { kind: 'followers', weight: 0, code: 'followersFew', says: plural(n, 'follower', 'followers').replace(String(n), shown), values: { followers: n } }
}

/** The reasons worth a slide: those that add points, strongest first, at most `max`. */
export function topReasons(evidence: Evidence, max = 3): EvidenceReason[] {
  return evidence.reasons.filter((reason) => reason.weight > 0).slice(0, max)
}
