// Owns the handles someone might register in the company's name: the name and
// its aliases, folded to what platforms allow (case, diacritics, Norwegian
// ø/å/æ), joined with the usual separators, with the usual prefixes and
// suffixes, then filtered by each platform's handle rules. Pure, deterministic
// and bounded: it says how many it made and how many it kept. The handle rules
// and the shapes a handle takes (`nordlys.bsky.social`, `nordlys@server`) are
// the platform adapters' (`handles` in src/platforms/<id>.ts).
import { ADAPTERS, PLATFORMS, type HandleRule } from '../platforms/index.js'
import type { Platform } from '../topics/schema.js'

export const SEPARATORS = ['', '_', '-', '.'] as const
export const SUFFIXES = ['official', 'hq', 'inc', 'news', 'support', 'help', 'careers', 'jobs', 'team'] as const
export const PREFIXES = ['real', 'the'] as const

export type { HandleRule }

/** What a handle may look like on each platform the audit checks: every adapter that declares a rule, in the registry's order. */
export const HANDLE_RULES: Partial<Record<Platform, HandleRule>> = Object.fromEntries(
  PLATFORMS.flatMap((id) => {
    const rule = ADAPTERS[id].handles?.rule
    return rule ? [[id, rule] as const] : []
  }),
)

export interface Candidate {
  readonly platform: Platform
  /** As the platform writes it: `nordlys_official`, `nordlys.bsky.social`, `nordlys@mastodon.social`. */
  readonly handle: string
}

export interface CandidateOptions {
  /** Platforms to generate for. @default every platform with a rule */
  readonly platforms?: readonly Platform[]
  /** The servers to look on, per platform whose handles name their server (Mastodon). @default the adapter's own (mastodon.social) */
  readonly servers?: Partial<Record<Platform, readonly string[]>>
  /** The same servers for every such platform: the option's name from before the adapters, kept for its callers. */
  readonly mastodonInstances?: readonly string[]
  /** At most this many handles per platform (the most likely first). @default 40 */
  readonly perPlatform?: number
}

export interface CandidateSet {
  readonly candidates: readonly Candidate[]
  /** Distinct handle stems made before platform rules and the bound. */
  readonly generated: number
  /** How many were dropped by the per-platform bound. */
  readonly dropped: number
}

/** "Nordlys Ø. Fjørd" → ["nordlys", "o", "fjord"]: lower case, no diacritics, letters and digits only. */
export function foldWords(name: string, variant: 'plain' | 'long' = 'plain'): string[] {
  const norwegian: Record<string, string> =
    variant === 'long' ? { ø: 'oe', æ: 'ae', å: 'aa', ö: 'oe', ä: 'ae', ü: 'ue', ß: 'ss' } : { ø: 'o', æ: 'ae', å: 'a', ß: 'ss', đ: 'd', ł: 'l' }
  return name
    .toLowerCase()
    .replace(/[øæåöäüßđł]/g, (ch) => norwegian[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** Company-form words that people drop from handles. */
const LEGAL_FORMS = new Set(['as', 'asa', 'ab', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'gmbh', 'plc', 'co', 'sa', 'oy', 'bv', 'nv'])

/**
 * Each name folded to its words, both ways of writing ø/æ/å, and without its
 * company form ("Nordlys Outdoor AS" → also ["nordlys", "outdoor"]): what a
 * handle is made from, and what name search looks for in a display name.
 */
export function nameWordSets(names: readonly string[]): string[][] {
  const wordSets: string[][] = []
  for (const name of names) {
    for (const variant of ['plain', 'long'] as const) {
      const words = foldWords(name, variant)
      if (words.length === 0) continue
      wordSets.push(words)
      const trimmed = words.filter((word) => !LEGAL_FORMS.has(word))
      if (trimmed.length > 0 && trimmed.length < words.length) wordSets.push(trimmed)
    }
  }
  return wordSets
}

/** The stems, most likely first: the joined name, then with separators, then with affixes. */
export function handleStems(names: readonly string[]): string[] {
  const wordSets = nameWordSets(names)
  const seen = new Set<string>()
  const out: string[] = []
  const add = (stem: string) => {
    if (stem && !seen.has(stem)) {
      seen.add(stem)
      out.push(stem)
    }
  }
  for (const words of wordSets) add(words.join(''))
  for (const words of wordSets) for (const sep of SEPARATORS) add(words.join(sep))
  // Affix by affix across every name, so a bound keeps "official" for all names before "jobs" for any.
  for (const suffix of SUFFIXES) for (const words of wordSets) for (const sep of SEPARATORS) add(`${words.join('')}${sep}${suffix}`)
  for (const prefix of PREFIXES) for (const words of wordSets) for (const sep of SEPARATORS) add(`${prefix}${sep}${words.join('')}`)
  return out
}

export function isValidHandle(platform: Platform, handle: string): boolean {
  const rule = HANDLE_RULES[platform]
  return rule !== undefined && handle.length >= rule.min && handle.length <= rule.max && rule.pattern.test(handle)
}

export function generateCandidates(companyName: string, aliases: readonly string[], options: CandidateOptions = {}): CandidateSet {
  const stems = handleStems([companyName, ...aliases])
  const platforms = options.platforms ?? (Object.keys(HANDLE_RULES) as Platform[])
  const perPlatform = options.perPlatform ?? 40
  const candidates: Candidate[] = []
  let dropped = 0
  for (const platform of platforms) {
    const valid = stems.filter((stem) => isValidHandle(platform, stem))
    dropped += Math.max(0, valid.length - perPlatform)
    const shapes = ADAPTERS[platform].handles?.candidates
    const ctx = { servers: options.servers?.[platform] ?? options.mastodonInstances ?? [] }
    for (const stem of valid.slice(0, perPlatform)) {
      for (const handle of shapes ? shapes(stem, ctx) : [stem]) candidates.push({ platform, handle })
    }
  }
  return { candidates, generated: stems.length, dropped }
}
