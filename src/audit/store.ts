// Owns the latest audit on disk: `history/audit.json` (the report of the last
// `showtell audit`, with the time it ran) and the screenshots of its findings
// in `history/audit/`. The file is written atomically and read back through
// zod (store-schema.ts), so a hand-edited or broken file is a clear error
// that names it. A file this build has validated before comes from the
// validated cache, so the dashboard does not load zod to show it.
import { readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { ignoreMissing } from '../data/missing.js'
import { UserError } from '../errors.js'
import { formatPath } from '../workspace/config-values.js'
import { displayPath, type WorkspacePaths } from '../workspace/paths.js'
import { writeFileAtomic } from '../workspace/store.js'
import { validatedOnce } from '../workspace/validated-cache.js'
import type { StoredAudit } from './store-schema.js'
import type { AuditReport } from './types.js'
import { redactDeep } from '../secrets/redact.js'

export type { StoredAudit } from './store-schema.js'

export const AUDIT_FILE = 'audit.json'
/** The screenshots' folder, inside the history folder. */
export const AUDIT_SCREENSHOT_DIR = 'audit'

function auditFile(paths: WorkspacePaths): string {
  return join(paths.history, AUDIT_FILE)
}

export function auditScreenshotDir(paths: WorkspacePaths): string {
  return join(paths.history, AUDIT_SCREENSHOT_DIR)
}

/** The report of the last `showtell audit` in this workspace, or undefined when none has run. */
export async function readLatestAudit(paths: WorkspacePaths): Promise<(AuditReport & { ranAt: string }) | undefined> {
  const file = auditFile(paths)
  const shown = displayPath(paths.root, file)
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const report = await validatedOnce('audit', file, raw, async () => {
    const hint = 'run `showtell audit` again to replace it'
    let data: unknown
    try {
      data = JSON.parse(raw)
    } catch (error) {
      throw new UserError(`not valid JSON (${(error as Error).message.split('\n')[0]})`, { location: { file: shown }, hint })
    }
    const { storedAuditSchema } = await import('./store-schema.js')
    const parsed = storedAuditSchema.safeParse(data)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new UserError(issue.message, { location: { file: shown, field: formatPath(issue.path) || undefined }, hint })
    }
    return parsed.data
  })
  // A report written before the redactor existed (or edited by hand) is redacted as it is read.
  return redactDeep(report)
}

/** Replaces history/audit.json in one step: readers see the old report or the new one. */
export async function writeLatestAudit(paths: WorkspacePaths, report: StoredAudit): Promise<void> {
  await writeFileAtomic(auditFile(paths), `${JSON.stringify(report, null, 2)}\n`)
}

/** Removes screenshots in history/audit/ that the latest report no longer names. */
export async function removeStaleScreenshots(paths: WorkspacePaths, report: StoredAudit): Promise<void> {
  const dir = auditScreenshotDir(paths)
  const keep = new Set(report.findings.map((f) => f.screenshot).filter((s): s is string => s !== undefined).map((s) => s.slice(s.lastIndexOf('/') + 1)))
  // No screenshots folder yet: nothing to remove. Any other error is real.
  const names = await ignoreMissing(readdir(dir))
  if (!names) return
  await Promise.all(names.filter((name) => name.endsWith('.png') && !keep.has(name)).map((name) => unlink(join(dir, name)).catch(() => {})))
}
