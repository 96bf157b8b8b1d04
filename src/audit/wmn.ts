// Owns reading detection rules in the WhatsMyName format (the community's
// wmn-data.json: `sites`, each with `name`, `uri_check`, `e_code`, `e_string`,
// `m_code`, `m_string`, `known`, `cat`, `uri_pretty`, `post_body`, `headers`,
// `strip_bad_char`, `protection`, `valid`) into the audit's own rules, and the
// verdict such a rule gives an answer. The file is read at run time from the
// path `audit.rules` names: its licence does not let us ship its data, so the
// package carries only a hand-written fixture in the same format for tests.
//
// An entry becomes the rule of the showtell platform its `name` names
// ("Instagram", "Twitter" → x). Entries for other sites are read and checked
// but not probed: the audit's candidates, our own accounts and the deck are
// per platform. An entry that needs a POST (`post_body`) is not probed either:
// the audit only sends GETs.
import { z } from 'zod'
import { ADAPTERS, PLATFORMS } from '../platforms/index.js'
import type { Platform } from '../topics/schema.js'
import { parseYamlSource, validateYaml, type YamlSource } from '../workspace/yaml-file.js'

// The shapes below match rules.ts's AuditRule and AuditVerdict; they are
// written out here because rules.ts imports this module.

/** What a WhatsMyName entry says about presence, kept on the rule it becomes. */
export interface WmnMatch {
  readonly eCode: number
  readonly eString: string
  readonly mCode: number
  /** Optional in the format: then the status alone says "missing". */
  readonly mString?: string
  /** Characters taken out of a handle before it is put into the URL. */
  readonly stripBadChar?: string
  readonly headers?: Readonly<Record<string, string>>
  /** The page a person would open, with `{account}`. */
  readonly prettyUrl?: string
}

const httpStatus = z.number({ error: 'must be an HTTP status as a whole number, e.g. 200' }).int({ message: 'must be a whole number' }).min(100).max(599)
const nonEmpty = z.string({ error: 'must be text' }).min(1, { message: 'must not be empty' })

// Not strict: the format grows fields, and a newer file must still read.
const siteSchema = z.object({
  name: nonEmpty,
  uri_check: nonEmpty.refine((uri) => /^https?:\/\/[^/]+/i.test(uri.replaceAll('{account}', 'x')) && URL.canParse(uri.replaceAll('{account}', 'x')), { message: 'must be an http(s) URL' }),
  uri_pretty: z.string().optional(),
  post_body: z.string().optional(),
  e_code: httpStatus,
  e_string: nonEmpty,
  m_code: httpStatus,
  m_string: z.string().optional(),
  known: z.array(nonEmpty).optional(),
  cat: z.string().optional(),
  valid: z.boolean().optional(),
  protection: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  strip_bad_char: z.string().optional(),
}).refine((site) => site.uri_check.includes('{account}') || (site.post_body ?? '').includes('{account}'), {
  // A POST entry may carry the name in its body instead.
  message: 'must contain {account}',
  path: ['uri_check'],
})

const fileSchema = z.object({
  license: z.array(z.string()).optional(),
  authors: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  sites: z.array(siteSchema, { error: 'must be the list of sites' }),
})

export type WmnSite = z.output<typeof siteSchema>

/** An entry that was read but gives no rule, and why. */
export interface SkippedEntry {
  readonly name: string
  readonly why: string
}

/** An entry as one of the audit's rules (a rules.ts AuditRule). */
export interface WmnRule {
  readonly base: string
  readonly probe: string
  readonly kind: 'page'
  readonly status: { present: number[]; absent: number[] }
  readonly present: string[]
  readonly absent: string[]
  readonly source: string
  readonly known: readonly string[]
  readonly wmn: WmnMatch
}

export type WmnVerdict = { readonly result: 'exists' } | { readonly result: 'absent' | 'unknown'; readonly reason: string }

export interface WmnRules {
  readonly rules: Partial<Record<Platform, WmnRule>>
  readonly skipped: readonly SkippedEntry[]
}

/** "X (Twitter)" → "xtwitter": how names are compared. */
const fold = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The platforms the audit checks, by every name a WhatsMyName entry may give them. */
const PLATFORM_BY_NAME: ReadonlyMap<string, Platform> = new Map([
  ...PLATFORMS.filter((id) => ADAPTERS[id].handles?.rule).flatMap((id) => [[fold(id), id] as const, [fold(ADAPTERS[id].name), id] as const]),
  ['twitter', 'x'],
  ['xtwitter', 'x'],
  ['twitterx', 'x'],
  ['bsky', 'bluesky'],
])

/** The platform an entry's name names, if the audit checks it. */
export function platformOfEntry(name: string): Platform | undefined {
  return PLATFORM_BY_NAME.get(fold(name))
}

/** True when parsed rules data is in the WhatsMyName format (a top-level `sites` list) rather than showtell's (keyed by platform). */
export function isWmnData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'sites' in data
}

/** Reads WhatsMyName data (already parsed from `shown`) into rules; a bad entry is a UserError naming the file, line and field. */
export function wmnRulesFrom(source: YamlSource): WmnRules {
  const data = validateYaml(source, fileSchema, (issue) =>
    issue.path.at(-1) === 'uri_check'
      ? 'WhatsMyName puts {account} where the username goes, e.g. "https://example.com/{account}"'
      : issue.path.length === 0 || issue.path[0] === 'sites'
        ? 'see the format in WhatsMyName\'s CONTRIBUTING.md: each site needs name, uri_check, e_code, e_string and m_code'
        : undefined,
  )
  const rules: Partial<Record<Platform, WmnRule>> = {}
  const skipped: SkippedEntry[] = []
  for (const site of data.sites) {
    const platform = platformOfEntry(site.name)
    if (site.valid === false) skipped.push({ name: site.name, why: 'marked "valid": false in the file' })
    else if (!platform) skipped.push({ name: site.name, why: 'not a platform showtell audits' })
    else if (site.post_body !== undefined && site.post_body !== '') skipped.push({ name: site.name, why: 'needs a POST request (post_body); the audit only sends GETs' })
    else if (rules[platform]) skipped.push({ name: site.name, why: `an earlier entry already gives ${ADAPTERS[platform].name}'s rule` })
    else rules[platform] = ruleFromSite(site, `${source.displayPath}: ${site.name}`)
  }
  return { rules, skipped }
}

/** Parses WhatsMyName text (JSON, which the YAML reader also reads, so errors get their line). */
export function parseWmnRules(text: string, shown: string): WmnRules {
  return wmnRulesFrom(parseYamlSource(text, shown))
}

/** One entry as the audit's rule: the origin of `uri_check` becomes the base an endpoint may replace. */
export function ruleFromSite(site: WmnSite, source: string): WmnRule {
  const uri = site.uri_check.replaceAll('{account}', '{handle}')
  // A handle in the host name (https://{account}.example.com) keeps the whole URL: no endpoint can stand in for it.
  const origin = /^https?:\/\/[^/?#]+/i.exec(uri)![0]
  const inHost = origin.includes('{handle}')
  return {
    base: inHost ? origin.replace('{handle}', 'x') : origin,
    probe: inHost ? uri : `{base}${uri.slice(origin.length)}`,
    kind: 'page',
    status: { present: [site.e_code], absent: [site.m_code] },
    present: [site.e_string],
    absent: site.m_string ? [site.m_string] : [],
    source,
    known: site.known ?? [],
    wmn: {
      eCode: site.e_code,
      eString: site.e_string,
      mCode: site.m_code,
      ...(site.m_string ? { mString: site.m_string } : {}),
      ...(site.strip_bad_char ? { stripBadChar: site.strip_bad_char } : {}),
      ...(site.headers ? { headers: site.headers } : {}),
      ...(site.uri_pretty ? { prettyUrl: site.uri_pretty } : {}),
    },
  }
}

/**
 * WhatsMyName's own rule, after the shared wall check: present when the
 * status is `e_code` and the answer holds `e_string`; absent when the status
 * is `m_code` and the answer holds `m_string` (or there is none); anything
 * else is unknown. The strings are matched as written (case and all).
 */
export function judgeWmn(match: WmnMatch, answer: { readonly status: number | null; readonly body: string }): WmnVerdict {
  if (answer.status === match.eCode && answer.body.includes(match.eString)) return { result: 'exists' }
  if (answer.status === match.mCode && (match.mString === undefined || answer.body.includes(match.mString))) {
    return { result: 'absent', reason: match.mString === undefined ? `answered ${answer.status}` : `the page says "${match.mString}"` }
  }
  return { result: 'unknown', reason: answer.status === null ? 'no answer' : `answered ${answer.status} without the expected markers` }
}

/** A handle as the entry wants it in its URL: without the characters it strips. */
export function stripForEntry(match: WmnMatch | undefined, handle: string): string {
  if (!match?.stripBadChar) return handle
  const bad = new Set(match.stripBadChar)
  return [...handle].filter((ch) => !bad.has(ch)).join('')
}
