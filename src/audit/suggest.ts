// Owns what the briefing suggests doing about an account that carries our name
// but is not in showtell.yaml. Pure; the rule, checked in this order:
//
//   1. report: it poses as us. Its handle or its name carries an
//      official-looking word (official, hq, support, help, team, real, inc,
//      verified, customer service), or its bio claims to be our official
//      account or asks people for payment or login details. A fan disclaimer
//      in the bio does not undo an "official" handle: people see the handle,
//      not the small print.
//      Also report when the evidence (evidence.ts) scores it high and its bio
//      claims to be official or customer service in words the lines above do
//      not know (Norwegian "offisiell", "kundeservice"): it looks like us and
//      says it is us.
//   2. add to showtell.yaml as `owner: unofficial`: it says what it is, a fan,
//      partner, reseller or community account. We watch it from then on.
//      Also when the evidence scores it low: nothing but the name makes it
//      look like us, so watching it is enough.
//   3. claim: otherwise. It uses our name and says nothing about who runs it,
//      so it looks like ours; often a forgotten account someone here made.
//      Find who made it and take it over, or have it closed.
import { localPartOf } from '../platforms/index.js'
import { foldWords } from './candidates.js'
import type { AuditFinding } from './types.js'

export const SUGGESTED_ACTIONS = ['report', 'add-unofficial', 'claim'] as const
export type SuggestedAction = (typeof SUGGESTED_ACTIONS)[number]

/** Which line of the rule decided: the deck says `why` in its own language from it (messages/*.json lossOfControl.why). */
export type SuggestionRule = 'handle' | 'name' | 'bio-asks' | 'bio-claims' | 'says-not-us' | 'unclaimed' | EvidenceRule

/** The rules the evidence decided: their words are the catalogue's `evidence.why`. */
export const EVIDENCE_RULES = ['evidence-claims', 'evidence-low'] as const
export type EvidenceRule = (typeof EVIDENCE_RULES)[number]

export function isEvidenceRule(rule: SuggestionRule): rule is EvidenceRule {
  return (EVIDENCE_RULES as readonly string[]).includes(rule)
}

export interface Suggestion {
  readonly action: SuggestedAction
  /** One short sentence for the slide: why this action. */
  readonly why: string
  readonly rule: SuggestionRule
  /** The official-looking word of the handle or name, for `handle` and `name`. */
  readonly word?: string
}

/** What each action asks the room to do, in a few words. */
export const ACTION_WORDS: Readonly<Record<SuggestedAction, string>> = {
  report: 'Report it to the platform as impersonation',
  'add-unofficial': 'Add it to showtell.yaml as owner: unofficial',
  claim: 'Claim it: find who made it and take it over',
}

/** The same, in a few words for a table row on a slide. */
export const ACTION_ROW: Readonly<Record<SuggestedAction, string>> = {
  report: 'Report it',
  'add-unofficial': 'Add as unofficial',
  claim: 'Claim it',
}

/** The same, as what is left to do: "2 to report". */
export const ACTION_TODO: Readonly<Record<SuggestedAction, string>> = {
  report: 'to report',
  'add-unofficial': 'to add as unofficial',
  claim: 'to claim',
}

/** The same, in a few words for one line of a terminal (the dashboard, the summary). */
export const ACTION_SHORT: Readonly<Record<SuggestedAction, string>> = {
  report: 'report as impersonation',
  'add-unofficial': 'add as unofficial',
  claim: 'claim it',
}

/** Words in a handle that make it look like the company's own (matched after our name is taken out). */
const HANDLE_WORDS = ['official', 'support', 'verified', 'help', 'team', 'real', 'hq', 'inc'] as const
const NAME_WORDS = /\b(official|support|help ?desk|help|hq|headquarters|customer (?:service|care|support)|team|verified)\b/i
const BIO_CLAIMS = /\b(?:our|the) official (?:account|page|profile|channel|store|shop|support)\b|\bofficial (?:account|page|profile|channel|store|shop) of\b|\bcustomer (?:service|care|support)\b/i
const BIO_ASKS = /\b(card details|card number|credit card|bank details|account number|password|login details|log-in details|payment details|order number|seed phrase|wallet)\b/i
const DISCLOSURE = /\b(fan|fans|fanpage|fan page|fan account|unofficial|not affiliated|no affiliation|partner|reseller|retailer|dealer|distributor|community|club)\b/i

/** The handle's own part, without a domain or server (the adapter's `handles.localPart`), folded: `nordlys.official` → `nordlysofficial`. */
function handleWords(finding: Pick<AuditFinding, 'platform' | 'handle'>): string {
  return localPartOf(finding.platform, finding.handle.toLowerCase().replace(/^@/, '')).replace(/[^a-z0-9]/g, '')
}

export function suggestAction(finding: Pick<AuditFinding, 'platform' | 'handle' | 'displayName' | 'bio' | 'evidence'>, names: readonly string[]): Suggestion {
  // Take our longest name out of the handle; what is left is the affix.
  const stems = [...new Set(names.flatMap((name) => [foldWords(name).join(''), foldWords(name, 'long').join('')]))].filter(Boolean).sort((a, b) => b.length - a.length)
  const folded = handleWords(finding)
  const stem = stems.find((s) => folded.includes(s))
  const rest = stem ? folded.replace(stem, ' ') : folded
  const handleWord = HANDLE_WORDS.find((word) => rest.split(' ').some((part) => part.startsWith(word) || part.endsWith(word)))
  if (handleWord) return { action: 'report', rule: 'handle', word: handleWord, why: `Its handle says "${handleWord}": people will take it for us.` }

  const name = finding.displayName ?? ''
  const nameWord = NAME_WORDS.exec(name)?.[1]
  if (nameWord) return { action: 'report', rule: 'name', word: nameWord, why: `Its name says "${nameWord}": people will take it for us.` }

  const bio = finding.bio ?? ''
  if (BIO_ASKS.test(bio)) return { action: 'report', rule: 'bio-asks', why: 'Its bio asks people for payment or login details.' }
  if (BIO_CLAIMS.test(bio)) return { action: 'report', rule: 'bio-claims', why: 'Its bio claims to be our official account.' }

  const evidence = finding.evidence
  const claim = evidence?.reasons.find((reason) => reason.kind === 'bio' && reason.weight > 0)
  if (evidence?.level === 'high' && claim) return { action: 'report', rule: 'evidence-claims', why: 'It looks like us and its bio says it is us.' }

  if (DISCLOSURE.test(bio) || DISCLOSURE.test(name)) return { action: 'add-unofficial', rule: 'says-not-us', why: 'It says it is not us: a fan or partner account.' }

  if (evidence?.level === 'low') return { action: 'add-unofficial', rule: 'evidence-low', why: 'Little but the name makes it look like us: watch it.' }

  return { action: 'claim', rule: 'unclaimed', why: 'It uses our name and does not say who runs it.' }
}
