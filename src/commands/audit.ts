// `showtell audit`: accounts that carry the company's name but are not in
// showtell.yaml ("loss of control"), found by probing candidate handles.
import { join } from 'node:path'
import { loadRules } from '../audit/rules.js'
import { runAudit, type AuditFinding } from '../audit/run.js'
import { EXIT } from '../errors.js'
import { formatCount } from '../snapshot/format.js'
import { loadWorkspace } from '../workspace/load.js'
import { exists } from '../workspace/store.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'

const ORDER: Record<AuditFinding['result'], number> = { 'exists-unlisted': 0, unknown: 1, official: 2, absent: 3 }

export async function runAuditCommand(ctx: CommandContext): Promise<number> {
  const json = ctx.values.json === true
  const workspace = await loadWorkspace(workspaceDir(ctx))
  // A workspace may bring its own rules; otherwise the shipped ones.
  const own = join(workspace.paths.root, 'rules', 'audit.yaml')
  const rules = (await exists(own)) ? await loadRules(own, 'rules/audit.yaml') : await loadRules()
  const report = await runAudit(workspace.config, rules, {
    onProgress: (_finding, done, total) => {
      if (!json && (done % 25 === 0 || done === total)) ctx.io.stderr.write(`  checked ${done} of ${total} candidates\n`)
    },
  })
  if (json) {
    printJson(ctx, report)
    return EXIT.ok
  }
  const sorted = [...report.findings].filter((f) => f.result !== 'absent').sort((a, b) => ORDER[a.result] - ORDER[b.result] || a.platform.localeCompare(b.platform))
  // Unknowns with the same platform and reason (a login wall, a spent budget) read as one row.
  const shown: (AuditFinding & { count?: number })[] = []
  for (const finding of sorted) {
    const last = shown.at(-1)
    if (finding.result === 'unknown' && last?.result === 'unknown' && last.platform === finding.platform && last.reason === finding.reason) {
      shown[shown.length - 1] = { ...last, count: (last.count ?? 1) + 1 }
    } else shown.push(finding)
  }
  const count = (result: AuditFinding['result']) => report.findings.filter((f) => f.result === result).length
  ctx.io.stdout.write(
    `${table([
      ['PLATFORM', 'HANDLE', 'RESULT', 'FOLLOWERS', 'NOTE'],
      ...shown.map((f) => [f.platform, f.count ? `${f.handle} and ${f.count - 1} more` : f.handle, f.result, f.followers !== undefined ? formatCount(f.followers) : '', f.result === 'official' ? `in showtell.yaml as ${f.account}${f.reason ? `, ${f.reason}` : ''}` : f.reason ?? f.displayName ?? '']),
    ])}\n\n${report.generated} handle stems · ${report.candidates} candidates on ${Object.keys(rules).length} platforms · ${report.checked} checked\n${count('exists-unlisted')} accounts carry our name but are not in showtell.yaml · ${count('unknown')} unknown · ${count('official')} listed · ${count('absent')} absent\n`,
  )
  return EXIT.ok
}
