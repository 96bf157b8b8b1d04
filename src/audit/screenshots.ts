// Owns the evidence for what the audit finds: every account that carries the
// company's name but is not in showtell.yaml gets a screenshot, taken by the
// snapshot run (same browser manager, page guards, blocked-page classifier and
// screenshot code), into history/audit/<platform>-<handle>.png.
import type { BrowserManager } from '../browser/manager.js'
import { snapshotAccounts, type SnapshotEvent } from '../snapshot/run.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import type { AuditRules } from './rules.js'
import type { AuditFinding, AuditReport } from './run.js'

export interface ScreenshotOptions {
  readonly browser: BrowserManager
  /** Absolute folder the PNGs go to (history/audit/). */
  readonly dir: string
  /** How the folder is written in the report, relative to the workspace. @default 'history/audit' */
  readonly shownDir?: string
  readonly onProgress?: (event: SnapshotEvent) => void
}

/** `instagram` + `nordlys.official` → `instagram-nordlys-official`: a file name the deck may inline. */
export function screenshotId(finding: Pick<AuditFinding, 'platform' | 'handle'>): string {
  const slug = finding.handle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80)
  return `${finding.platform}-${slug || 'account'}`
}

/** The finding as an account the snapshot code can capture: the probed page, or for an API rule the profile page its handle gives. */
function asAccount(finding: AuditFinding, rules: AuditRules, id: string): Account {
  const api = rules[finding.platform]?.kind === 'api'
  return {
    id,
    platform: finding.platform,
    ...(api || !finding.url ? { handle: finding.handle } : { url: finding.profileUrl ?? finding.url }),
    owner: 'unofficial',
    label: finding.displayName ?? finding.handle,
  }
}

/** The report with a screenshot (or the reason there is none) on every `exists-unlisted` finding. */
export async function screenshotFindings(config: WorkspaceConfig, rules: AuditRules, report: AuditReport, options: ScreenshotOptions): Promise<AuditReport> {
  const shownDir = options.shownDir ?? 'history/audit'
  const ids = new Map<AuditFinding, string>()
  const used = new Set<string>()
  for (const finding of report.findings) {
    if (finding.result !== 'exists-unlisted') continue
    // Handles that differ only in punctuation (nordlys.hq, nordlys_hq) keep their own files.
    const base = screenshotId(finding)
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    ids.set(finding, id)
  }
  if (ids.size === 0) return report
  const accounts = [...ids].map(([finding, id]) => asAccount(finding, rules, id))
  const results = await snapshotAccounts(config, accounts, { browser: options.browser, outDir: options.dir, onProgress: options.onProgress })
  const byId = new Map(results.map((result) => [result.account, result]))
  return {
    ...report,
    findings: report.findings.map((finding) => {
      const id = ids.get(finding)
      const result = id === undefined ? undefined : byId.get(id)
      if (!result) return finding
      const followers = finding.followers ?? result.metrics.followers?.value
      return {
        ...finding,
        ...(followers === undefined ? {} : { followers }),
        capturedAt: result.capturedAt,
        ...(result.screenshot
          ? { screenshot: `${shownDir}/${result.screenshot}` }
          : { screenshotNote: `${result.status}${result.reason ? `: ${result.reason}` : ''}` }),
      }
    }),
  }
}
