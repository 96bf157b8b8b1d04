// `showtell audit`: accounts that carry the company's name but are not in
// showtell.yaml ("loss of control"), found by probing candidate handles, each
// with a screenshot as evidence. The report is kept in history/audit.json for
// the deck's loss-of-control segment. Its output starts with one line per
// platform: the control (a made-up handle, one of our own accounts), what
// each answered, and whether the rule works, is broken, or is unverified.
// Each find says how it was found: by its handle, or by a name search (our
// name in its display name, under another handle); a line says what the
// name searches answered, and where a server did not allow them.
import { join, resolve } from 'node:path'
import { loadRuleFile, loadRules, type AuditRules } from '../audit/rules.js'
import { runAudit, type AuditFinding, type AuditReport } from '../audit/run.js'
import type { SkippedEntry } from '../audit/wmn.js'
import type { NameSearch, PlatformControl } from '../audit/types.js'
import { screenshotFindings } from '../audit/screenshots.js'
import { collectEvidence } from '../audit/evidence-run.js'
import { auditScreenshotDir, removeStaleScreenshots, writeLatestAudit, type StoredAudit } from '../audit/store.js'
import { EXIT, UserError } from '../errors.js'
import { formatCount } from '../snapshot/format.js'
import { loadWorkspace, type Workspace } from '../workspace/load.js'
import { interruptedOr, interruptSignal } from '../process/signals.js'
import { displayPath } from '../workspace/paths.js'
import { AUDIT_BUDGET } from '../workspace/schema.js'
import { acquireLock, exists } from '../workspace/store.js'
import { browserManagerFor, browserSetting, type BrowserSetting } from './browser-setting.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'
import { redactDeep } from '../secrets/redact.js'

const ORDER: Record<AuditFinding['result'], number> = { 'exists-unlisted': 0, unknown: 1, official: 2, absent: 3 }

/** A line of progress every this many candidates when stderr is not a terminal. */
export const PROGRESS_EVERY = 25

export async function runAuditCommand(ctx: CommandContext): Promise<number> {
  const json = ctx.values.json === true
  const budget = parseBudget(ctx.values.budget)
  const shoot = ctx.values['no-screenshots'] !== true
  const workspace = await loadWorkspace(workspaceDir(ctx))
  const { paths } = workspace
  // A workspace may bring its own rules; otherwise the shipped ones.
  const own = join(paths.root, 'rules', 'audit.yaml')
  let rules: AuditRules = (await exists(own)) ? await loadRules(own, 'rules/audit.yaml') : await loadRules()
  // audit.rules adds files (showtell's format or WhatsMyName's), read at every run; a later file's rule for a platform wins.
  const skipped: { file: string; entries: readonly SkippedEntry[] }[] = []
  const extra = workspace.config.audit.rules
  for (const file of extra === undefined ? [] : typeof extra === 'string' ? [extra] : extra) {
    const loaded = await loadRuleFile(resolve(paths.root, file), file)
    rules = { ...rules, ...loaded.rules }
    if (loaded.skipped.length > 0) skipped.push({ file, entries: loaded.skipped })
  }
  // The browser only takes the screenshots; a bad setting for it is bad input,
  // named as the user wrote it, before the lock and before any probe.
  // Signed out: the audit probes guessed handles, which the user's signed-in session must not do.
  const setting = await browserSetting(ctx, workspace, { check: shoot, profile: false })

  // The report and its screenshots are workspace state: take turns with builds and
  // snapshots, and say so before any progress line or browser.
  const lock = await acquireLock(paths.lock, 'auditing handles')
  try {
    if (!json) for (const { file, entries } of skipped) ctx.io.stderr.write(`  ${file}: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} not used (${summariseSkipped(entries)})\n`)
    return await auditLocked(ctx, workspace, rules, { json, budget, shoot, setting })
  } catch (error) {
    throw interruptedOr(error)
  } finally {
    await lock.release()
  }
}

async function auditLocked(
  ctx: CommandContext,
  { config, paths }: Workspace,
  rules: AuditRules,
  { json, budget, shoot, setting }: { readonly json: boolean; readonly budget: number | undefined; readonly shoot: boolean; readonly setting: BrowserSetting },
): Promise<number> {
  const progress = json ? undefined : new AuditProgress(ctx.io.stderr)
  const ranAt = new Date().toISOString()
  let report: AuditReport = await runAudit(config, rules, {
    budget,
    onProgress: progress && ((finding, done, total) => progress.checked(finding, done, total)),
    onControl: progress && ((control) => progress.control(control)),
    onNameFind: progress && ((finding) => progress.named(finding)),
  })
  progress?.end()
  interruptSignal.throwIfAborted()

  let failure: unknown
  const found = report.findings.filter((f) => f.result === 'exists-unlisted').length
  if (shoot && found > 0) {
    if (progress) ctx.io.stderr.write(`  taking ${found} screenshot${found === 1 ? '' : 's'}\n`)
    const browser = browserManagerFor(setting)
    // Closing the browser ends every screenshot in flight.
    const cancel = () => void browser.close()
    interruptSignal.addEventListener('abort', cancel, { once: true })
    try {
      try {
        report = await screenshotFindings(config, rules, report, {
          browser,
          dir: auditScreenshotDir(paths),
          onProgress: (event) => {
            if (!progress || event.type !== 'account-done') return
            const r = event.result
            ctx.io.stderr.write(`  ${r.screenshot ? '✓' : '✗'} screenshot ${r.account}${r.screenshot ? '' : ` (${r.status}${r.reason ? `: ${r.reason}` : ''})`}\n`)
          },
        })
      } catch (error) {
        // A browser that will not start takes the screenshots with it, not the evidence:
        // what the profiles say is read all the same, only the pictures are not compared.
        if (interruptSignal.aborted) throw error
        failure = error
      }
      interruptSignal.throwIfAborted()
      // Evidence for each find, its picture decoded in the same browser (when it started).
      if (progress) ctx.io.stderr.write(`  weighing the evidence for ${found} find${found === 1 ? '' : 's'}${failure ? ' (pictures not compared: the browser did not start)' : ''}\n`)
      report = await collectEvidence(config, rules, report, failure ? { noPicturesWhy: 'pictures are not compared: the browser did not start' } : { browser })
    } catch (error) {
      // The findings are worth keeping without their pictures; the failure is still reported.
      failure ??= error
    } finally {
      interruptSignal.removeEventListener('abort', cancel)
      // After an interrupt this returns the close that cancel started: the
      // process exits as soon as this command ends, so the browser must be gone.
      await browser.close()
    }
  }
  // Without the browser the evidence is read all the same; only the pictures are not compared.
  if (!shoot && found > 0) report = await collectEvidence(config, rules, report, {})
  interruptSignal.throwIfAborted()
  // Reasons quote addresses and errors, and endpoints may carry a key or a
  // password: the report is redacted once, before it is written or shown.
  const stored: StoredAudit = redactDeep({ ranAt, ...report })
  await writeLatestAudit(paths, stored)
  // Pictures the new report does not name (also all of them with --no-screenshots) are left from older runs.
  await removeStaleScreenshots(paths, stored)
  if (failure) throw failure

  if (json) {
    printJson(ctx, stored)
    return EXIT.ok
  }
  printReport(ctx, stored, Object.keys(rules).length, shoot ? displayPath(paths.root, auditScreenshotDir(paths)) : undefined)
  return EXIT.ok
}

function parseBudget(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const { min, max } = AUDIT_BUDGET
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UserError(`not a request budget: "${String(value)}"`, { location: { field: '--budget' }, hint: `use a whole number from ${min} to ${max}` })
  }
  return Number(value)
}

/**
 * Progress on stderr while the checks run. In a terminal one line updates in
 * place; in a log (a pipe, CI) a line every PROGRESS_EVERY candidates. Each
 * account found is named the moment it is found.
 */
export class AuditProgress {
  private found = 0
  private readonly tty: boolean
  private open = false

  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean }) {
    this.tty = out.isTTY === true
  }

  checked(finding: AuditFinding, done: number, total: number): void {
    if (finding.result === 'exists-unlisted') {
      this.found += 1
      this.clear()
      this.out.write(`  found ${finding.platform} ${finding.handle}${finding.displayName ? ` (${finding.displayName})` : ''}\n`)
    }
    const line = `  checked ${done} of ${total} candidates · ${this.found} found`
    if (this.tty) {
      this.out.write(`\r\x1b[K${line}`)
      this.open = true
    } else if (done % PROGRESS_EVERY === 0 || done === total) {
      this.out.write(`${line}\n`)
    }
  }

  /** An account found by name search, the moment its search has answered (before the candidates). */
  named(finding: AuditFinding): void {
    this.found += 1
    this.clear()
    this.out.write(`  found ${finding.platform} ${finding.handle}${finding.displayName ? ` (${finding.displayName})` : ''} by name search\n`)
  }

  /** A broken rule is said the moment its control answers, before the candidates. */
  control(control: PlatformControl): void {
    if (control.verdict !== 'broken') return
    this.clear()
    this.out.write(`  ${control.platform}: rule BROKEN this run, ${control.why ?? ''}\n`)
  }

  end(): void {
    if (this.open) this.out.write('\n')
    this.open = false
  }

  private clear(): void {
    if (this.open) this.out.write('\r\x1b[K')
    this.open = false
  }
}

function printReport(ctx: CommandContext, report: StoredAudit, platformCount: number, screenshotDir: string | undefined): void {
  const brokenPlatforms = new Set((report.controls ?? []).filter((c) => c.verdict === 'broken').map((c) => c.platform))
  // A broken platform's candidates were not probed: its control line says so once.
  const sorted = [...report.findings].filter((f) => f.result !== 'absent' && !(f.result === 'unknown' && brokenPlatforms.has(f.platform))).sort((a, b) => ORDER[a.result] - ORDER[b.result] || a.platform.localeCompare(b.platform))
  // Unknowns with the same platform and reason (a login wall, a spent budget) read as one row.
  const shown: (AuditFinding & { count?: number })[] = []
  for (const finding of sorted) {
    const last = shown.at(-1)
    if (finding.result === 'unknown' && last?.result === 'unknown' && last.platform === finding.platform && last.reason === finding.reason) {
      shown[shown.length - 1] = { ...last, count: (last.count ?? 1) + 1 }
    } else shown.push(finding)
  }
  const count = (result: AuditFinding['result']) => report.findings.filter((f) => f.result === result).length
  const note = (f: AuditFinding) => {
    if (f.result === 'official') return `in showtell.yaml as ${f.account}${f.reason ? `, ${f.reason}` : ''}`
    if (f.result === 'exists-unlisted') return [f.foundBy === 'name-search' ? `found by name search: display name '${f.displayName ?? ''}'` : f.displayName, f.screenshot ? `screenshot ${f.screenshot}` : f.screenshotNote ? `no screenshot: ${f.screenshotNote}` : undefined].filter(Boolean).join(' · ')
    return f.reason ?? ''
  }
  const broken = new Set((report.controls ?? []).filter((c) => c.verdict === 'broken').map((c) => c.platform))
  const files = `Report in history/audit.json${screenshotDir && count('exists-unlisted') > 0 ? ` · screenshots in ${screenshotDir}/` : ''}`
  ctx.io.stdout.write(
    `${controlTable(report.controls)}${table([
      ['PLATFORM', 'HANDLE', 'RESULT', 'FOLLOWERS', 'NOTE'],
      ...shown.map((f) => [f.platform, f.count ? `${f.handle} and ${f.count - 1} more` : f.handle, f.result, f.followers !== undefined ? formatCount(f.followers) : '', note(f)]),
    ])}\n\n${report.generated} handle stems · ${report.candidates} candidates on ${platformCount} platforms · ${report.checked} checked (budget ${report.budget})\n${count('exists-unlisted')} accounts carry our name but are not in showtell.yaml${byName(report)} · ${count('unknown')} unknown${notProbed(report, broken)} · ${count('official')} listed · ${count('absent')} absent\n${controlSummary(report.controls, broken)}${searchSummary(report.searches)}${evidenceLines(report)}${files}\n`,
  )
}

/** Each find's score and every reason with its points: the strongest first, a fact not known said so. */
function evidenceLines(report: StoredAudit): string {
  const finds = report.findings.filter((f) => f.result === 'exists-unlisted' && f.evidence)
  if (finds.length === 0) return ''
  const order = { high: 0, medium: 1, low: 2 } as const
  const lines = [...finds]
    .sort((a, b) => order[a.evidence!.level] - order[b.evidence!.level] || b.evidence!.score - a.evidence!.score)
    .map((f) => {
      const e = f.evidence!
      const reasons = e.reasons.map((r) => `    ${r.weight > 0 ? `+${r.weight}` : String(r.weight)}`.padEnd(8) + r.says)
      return [`  ${f.platform} ${f.handle}: ${e.level}, ${e.score} of 100`, ...reasons].join('\n')
    })
  return `Evidence, per find:\n${lines.join('\n')}\n`
}

/** The WhatsMyName entries not used, grouped by why: "12 not a platform showtell audits, 1 needs a POST …". */
function summariseSkipped(entries: readonly SkippedEntry[]): string {
  const byWhy = new Map<string, number>()
  for (const entry of entries) byWhy.set(entry.why, (byWhy.get(entry.why) ?? 0) + 1)
  return [...byWhy].map(([why, n]) => `${n} ${why}`).join('; ')
}

const ANSWER_OF: Readonly<Record<PlatformControl['probes'][number]['kind'], string>> = { random: 'made-up', own: 'own', known: 'known' }

/** One line per platform: its control probes and their answers, and the verdict; a broken rule is said plainly. */
function controlTable(controls: StoredAudit['controls']): string {
  if (!controls || controls.length === 0) return ''
  const rows = [...controls]
    .sort((a, b) => a.platform.localeCompare(b.platform))
    .map((c) => {
      const probe = (kind: 'random' | 'must') => c.probes.find((p) => (kind === 'random' ? p.kind === 'random' : p.kind !== 'random'))
      const random = probe('random')
      const must = probe('must')
      const said = (p: PlatformControl['probes'][number] | undefined) => (p ? `${p.handle} ${p.answer}` : '')
      const verdict = c.verdict === 'broken' ? 'BROKEN' : c.verdict
      return [c.platform, verdict, said(random), must ? `${ANSWER_OF[must.kind]} ${said(must)}` : '', c.verdict === 'broken' ? (c.why ?? '') : c.why ? c.why : '']
    })
  return `${table([['PLATFORM', 'CONTROL', 'MADE-UP HANDLE', 'MUST EXIST', 'WHY'], ...rows])}\n\n`
}

function controlSummary(controls: StoredAudit['controls'], broken: ReadonlySet<string>): string {
  if (!controls || controls.length === 0) return ''
  const n = (verdict: PlatformControl['verdict']) => controls.filter((c) => c.verdict === verdict).length
  const brokenWords = broken.size > 0 ? `: ${[...broken].join(', ')} cannot tell present from absent today, so none of ${broken.size === 1 ? 'its' : 'their'} answers count` : ''
  return `Controls: ${n('ok')} ok · ${n('unverified')} unverified · ${n('broken')} broken${brokenWords}\n`
}

/** " (39 of them on threads, whose rule is broken)": the unknowns no wall made. */
function notProbed(report: StoredAudit, broken: ReadonlySet<string>): string {
  const n = report.findings.filter((f) => f.result === 'unknown' && broken.has(f.platform)).length
  return n === 0 ? '' : ` (${n} of them on ${[...broken].join(', ')}, whose rule is broken)`
}

/** " (1 found by name search)": how many of the finds only a name search found. */
function byName(report: StoredAudit): string {
  const n = report.findings.filter((f) => f.result === 'exists-unlisted' && f.foundBy === 'name-search').length
  return n === 0 ? '' : ` (${n} found by name search)`
}

/**
 * "Name search: bluesky 3 of 3 answered · mastodon on mastodon.social 3 of 3
 * answered", then a line per server that did not allow it and per search that
 * failed. Absent for reports written before name search.
 */
function searchSummary(searches: StoredAudit['searches']): string {
  if (!searches || searches.length === 0) return ''
  const groups = new Map<string, NameSearch[]>()
  for (const search of searches) {
    const label = search.instance ? `${search.platform} on ${search.instance}` : search.platform
    groups.set(label, [...(groups.get(label) ?? []), search])
  }
  const parts: string[] = []
  const notes: string[] = []
  for (const [label, list] of groups) {
    const answered = list.filter((s) => s.outcome === 'ok').length
    const refused = list.filter((s) => s.outcome === 'not-allowed')
    if (refused.length === list.length) {
      parts.push(`${label} not allowed`)
      notes.push(`  ${refused[0]!.reason ?? `search not allowed on ${refused[0]!.instance ?? label}`}`)
      continue
    }
    parts.push(`${label} ${answered} of ${list.length} answered`)
    for (const s of list) if (s.outcome !== 'ok') notes.push(`  ${label} "${s.query}": ${s.reason ?? s.outcome}`)
  }
  return `Name search: ${parts.join(' · ')}\n${notes.map((line) => `${line}\n`).join('')}`
}
