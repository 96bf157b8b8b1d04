// Temporary workspaces for tests: a small valid showtell.yaml, plus whatever
// files a test adds. Each lives in its own folder under the OS temp dir.
import { mkdtemp, mkdir, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const MINIMAL_CONFIG = `# A small valid workspace used by the tests.
company:
  name: Testco
  aliases: [Test Co]
accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
    label: Testco on LinkedIn
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2026-11-24
deck:
  presenter: Test team
  footer: Testco briefing
`

/** Creates a workspace folder holding `files` (path → content); `showtell.yaml` defaults to MINIMAL_CONFIG. */
export async function makeWorkspace(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'showtell-test-'))
  const all = { 'showtell.yaml': MINIMAL_CONFIG, ...files }
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
  return dir
}

/** Every file below `dir`, relative, sorted: to assert that nothing was written. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}
