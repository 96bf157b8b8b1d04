// Given our deck.md and theme, when marp-cli (the reference Marp converter)
// converts them, then it sees the same slides: teams can open and edit the
// Markdown in Marp's own tools.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const run = promisify(execFile)
const MARP = join(REPO_ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')

describe('marp-cli interop', () => {
  it('converts our deck.md to HTML with the same slide count and our theme', async () => {
    const workspace = await makeWorkspace()
    const built = await runCli(['build', '--topic', 'crisis', '--date', '2026-12-08', '--format', 'md', '--json', '--workspace', workspace])
    expect(built.code).toBe(0)
    const manifest = JSON.parse(built.stdout) as { slideCount: number; files: { name: string }[] }
    expect(manifest.files.map((f) => f.name)).toEqual(['deck.md', 'showtell.css'])

    const dir = join(workspace, 'out', '2026-12-08-crisis')
    const output = join(dir, 'marp-cli.html')
    // --theme-set takes several files, so the input goes first.
    await run(process.execPath, [MARP, '--no-stdin', join(dir, 'deck.md'), '--theme-set', join(dir, 'showtell.css'), '-o', output], {
      env: { ...process.env, NO_COLOR: '1' },
    })
    const html = await readFile(output, 'utf8')
    const sections = html.match(/<section\b/g) ?? []
    expect(sections).toHaveLength(manifest.slideCount)
    // marp-cli applied our theme, not its default.
    expect(html).toMatch(/data-theme="showtell"/)
    // The directives we wrote (classes, headers) survived the round trip.
    expect(html).toMatch(/class="title"/)
    expect(html).toMatch(/<header>Agenda<\/header>/)
  })
})
