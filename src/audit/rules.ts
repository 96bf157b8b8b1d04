// Owns the audit's detection rules (rules/audit.yaml, or a workspace's own
// rules/audit.yaml in its place) and the verdict a probe answer gets. The
// verdict asks the shared blocked-page classifier first, so a wall or a
// challenge is "unknown" with its reason, never "absent".
import { join } from 'node:path'
import { z } from 'zod'
import { classifyPage } from '../snapshot/classify.js'
import { PLATFORMS, platformSchema, type Platform } from '../topics/schema.js'
import { PACKAGE_ROOT } from '../workspace/paths.js'
import { readInputText } from '../workspace/read-input.js'
import { parseYamlSource, readYamlSource, validateYaml, type YamlSource } from '../workspace/yaml-file.js'
import { isWmnData, judgeWmn, stripForEntry, wmnRulesFrom, type SkippedEntry, type WmnMatch } from './wmn.js'

const marker = z.string().min(1, { message: 'a marker must not be empty' })

export const ruleSchema = z.strictObject({
  base: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  probe: z.string().includes('{handle}', { message: 'must contain {handle}' }),
  kind: z.enum(['page', 'api']),
  status: z.strictObject({
    present: z.array(z.number().int().min(100).max(599)).min(1),
    absent: z.array(z.number().int().min(100).max(599)).min(1),
  }),
  present: z.array(marker).min(1, { message: 'needs at least one presence marker' }),
  absent: z.array(marker).default([]),
})

export const rulesSchema = z.partialRecord(platformSchema, ruleSchema).refine((rules) => Object.keys(rules).length > 0, { message: 'no rules' })

export type AuditRule = z.output<typeof ruleSchema> & {
  /** Where the rule came from, for the report: `rules/audit.yaml`, or a WhatsMyName file and its entry. */
  readonly source?: string
  /** Accounts the rules file says exist (WhatsMyName's `known`): the control's real account where we list none. */
  readonly known?: readonly string[]
  /** A WhatsMyName entry's own presence rule (wmn.ts), which replaces the markers' reading. */
  readonly wmn?: WmnMatch
}
export type AuditRules = Partial<Record<Platform, AuditRule>>

export const BUILTIN_RULES = join(PACKAGE_ROOT, 'rules', 'audit.yaml')

/** Reads and validates a rules file; a broken entry is a UserError naming it (file, line, field). */
export async function loadRules(path: string = BUILTIN_RULES, shownAs = 'rules/audit.yaml'): Promise<AuditRules> {
  return showtellRules(await readYamlSource(path, shownAs))
}

function showtellRules(source: YamlSource): AuditRules {
  const rules = validateYaml(source, rulesSchema, (issue) =>
    issue.code === 'unrecognized_keys' && issue.path.length === 0 ? `rules are keyed by platform: ${PLATFORMS.join(', ')}` : undefined,
  ) as AuditRules
  return Object.fromEntries(Object.entries(rules).map(([platform, rule]) => [platform, { ...rule, source: source.displayPath }]))
}

/** A community rules file is several megabytes; showtell's own files stay under the workspace limit. */
const MAX_RULES_BYTES = 16 * 1024 * 1024

export interface LoadedRuleFile {
  readonly rules: AuditRules
  readonly format: 'showtell' | 'whatsmyname'
  /** WhatsMyName entries read but not used, and why. */
  readonly skipped: readonly SkippedEntry[]
}

/**
 * Reads a rules file `audit.rules` names, in either format: showtell's
 * (keyed by platform, like rules/audit.yaml) or WhatsMyName's (a `sites`
 * list; JSON, which the YAML reader reads too, so an error has its line).
 */
export async function loadRuleFile(path: string, shown: string): Promise<LoadedRuleFile> {
  const text = await readInputText(path, { shown, maxBytes: MAX_RULES_BYTES, hintWhenMissing: 'check the path in audit.rules (relative to the workspace)' })
  const source = parseYamlSource(text, shown)
  if (isWmnData(source.doc.toJS({ maxAliasCount: 100 }))) {
    const { rules, skipped } = wmnRulesFrom(source)
    return { rules, format: 'whatsmyname', skipped }
  }
  return { rules: showtellRules(source), format: 'showtell', skipped: [] }
}

export function probeUrl(rule: AuditRule, handle: string, base?: string): string {
  return rule.probe.replace('{base}', (base ?? rule.base).replace(/\/+$/, '')).replace('{handle}', encodeURIComponent(stripForEntry(rule.wmn, handle)))
}

export interface ProbeAnswer {
  readonly status: number | null
  readonly finalUrl: string
  readonly requestedUrl: string
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

export type AuditVerdict =
  | { readonly result: 'exists' }
  | { readonly result: 'absent'; readonly reason: string }
  | { readonly result: 'unknown'; readonly reason: string }

export function judgeProbe(rule: AuditRule, handle: string, answer: ProbeAnswer): AuditVerdict {
  const body = answer.body
  const title = rule.kind === 'page' ? (/<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1] ?? '') : ''
  const text = rule.kind === 'page' ? body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ') : body
  const page = classifyPage({ requestedUrl: answer.requestedUrl, finalUrl: answer.finalUrl, httpStatus: answer.status, title, bodyText: text.slice(0, 10_000), headers: answer.headers })
  if (page.status === 'blocked') return { result: 'unknown', reason: page.reason }
  if (page.status === 'error' && answer.status !== null && !rule.status.absent.includes(answer.status)) return { result: 'unknown', reason: page.reason }
  if (rule.wmn) return judgeWmn(rule.wmn, answer)
  const fill = (m: string) => m.replaceAll('{handle}', handle).toLowerCase()
  const haystack = body.toLowerCase()
  if (answer.status !== null && rule.status.absent.includes(answer.status)) return { result: 'absent', reason: `answered ${answer.status}` }
  const absentMarker = rule.absent.find((m) => haystack.includes(fill(m)))
  if (absentMarker) return { result: 'absent', reason: `the page says "${absentMarker}"` }
  if (page.status === 'not-found') return { result: 'absent', reason: page.reason }
  if (answer.status !== null && rule.status.present.includes(answer.status) && rule.present.every((m) => haystack.includes(fill(m)))) return { result: 'exists' }
  return { result: 'unknown', reason: answer.status === null ? 'no answer' : `answered ${answer.status} without the expected markers` }
}
