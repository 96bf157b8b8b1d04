// `showtell build` as a user runs it: the files it writes, the manifest it
// prints, and what is left when a build fails, is killed, or meets another.
import { spawn } from 'node:child_process'
import { readFile, readdir, writeFile, mkdir, chmod } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace, listTree } from '../helpers/workspace.js'

const ARGS = ['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', '45', '--no-snapshots']

async function repoExampleWorkspace(): Promise<string> {
  return makeWorkspace({ 'showtell.yaml': await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8') })
}

describe('showtell build', () => {
  it('writes the five files and prints the manifest with --json (the example workspace)', async () => {
    const workspace = await repoExampleWorkspace()
    const result = await runCli([...ARGS, '--json'], { cwd: workspace })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const manifest = JSON.parse(result.stdout)
    const dir = join(workspace, 'out', '2026-11-24-policy')
    const files = await readdir(dir)
    for (const name of ['deck.md', 'deck.html', 'deck.pdf', 'handout.pdf', 'build.json']) expect(files).toContain(name)
    expect(manifest.topic).toEqual({ id: 'policy', title: 'Social media policy' })
    expect(manifest.date).toBe('2026-11-24')
    expect(manifest.duration).toBe(45)
    expect(manifest.agenda.map((s: { id: string }) => s.id)).toEqual([
      'opening', 'here-and-now', 'loss-of-control', 'key-points', 'case-studies',
      'worst-cases', 'exercise', 'discussion', 'roi', 'next-meeting',
    ])
    expect(manifest.agenda.reduce((sum: number, s: { minutes: number }) => sum + s.minutes, 0)).toBe(45)
    expect(manifest.agenda.reduce((sum: number, s: { slideCount: number }) => sum + s.slideCount, 0)).toBe(manifest.slideCount)
    // The manifest on disk is the one printed.
    expect(JSON.parse(await readFile(join(dir, 'build.json'), 'utf8'))).toEqual(manifest)
    for (const file of manifest.files) expect(file.bytes).toBeGreaterThan(0)
  })

  it('prints a readable summary without --json', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli([...ARGS, '--format', 'md,html'], { cwd: workspace })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Social media policy · 2026-11-24 · 45 min · \d+ slides/)
    expect(result.stdout).toContain('Key points')
    expect(result.stdout).toContain('Wrote out/2026-11-24-policy/')
    expect(result.stderr).toContain('Building 2026-11-24 · policy · 45 min')
  })

  it('leaves the earlier deck intact when a later build fails', async () => {
    const workspace = await makeWorkspace()
    expect((await runCli([...ARGS, '--format', 'md'], { cwd: workspace })).code).toBe(0)
    const dir = join(workspace, 'out', '2026-11-24-policy')
    const before = await readFile(join(dir, 'deck.md'), 'utf8')

    // A browser that exists but cannot start: a run-time failure after staging began.
    const fake = join(workspace, 'fake-chrome')
    await writeFile(fake, '#!/bin/sh\necho "broken browser" >&2\nexit 1\n')
    await chmod(fake, 0o755)
    const failed = await runCli([...ARGS, '--duration', '60'], { cwd: workspace, env: { CHROME_PATH: fake } })
    expect(failed.code).toBe(1)
    // Progress lines first, then one line that says what failed.
    const lines = failed.stderr.trim().split('\n')
    expect(lines.at(-1)).toMatch(/^showtell: the browser at .*fake-chrome \(CHROME_PATH\) did not start/)
    expect(lines.filter((line) => line.startsWith('showtell:'))).toHaveLength(1)
    expect(failed.stderr).not.toMatch(/\n\s+at /)

    expect(await readFile(join(dir, 'deck.md'), 'utf8')).toBe(before)
    expect((await readdir(join(workspace, 'out'))).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('survives a kill mid-build: the earlier deck stays, and the next run succeeds', async () => {
    const workspace = await makeWorkspace()
    expect((await runCli([...ARGS, '--format', 'md'], { cwd: workspace })).code).toBe(0)
    const out = join(workspace, 'out')
    const before = await readFile(join(out, '2026-11-24-policy', 'deck.md'), 'utf8')

    const child = spawn(process.execPath, [CLI, ...ARGS, '--duration', '60'], { cwd: workspace, stdio: 'ignore' })
    // Kill it once it is assembling the new deck next to the old one.
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if ((await readdir(out)).some((n) => n.startsWith('.staging-'))) break
      await new Promise((r) => setTimeout(r, 20))
    }
    child.kill('SIGKILL')
    await new Promise((r) => child.on('close', r))

    expect(await readFile(join(out, '2026-11-24-policy', 'deck.md'), 'utf8')).toBe(before)
    const again = await runCli([...ARGS, '--duration', '60', '--format', 'md', '--json'], { cwd: workspace })
    expect(again.stderr).toBe('')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).duration).toBe(60)
    expect((await readdir(out)).filter((n) => n.startsWith('.') && n !== '.build.lock')).toEqual([])
  })

  it('refuses to run while another live build holds the lock, and takes over a stale one', async () => {
    const workspace = await makeWorkspace()
    await mkdir(join(workspace, 'out'), { recursive: true })
    const lock = join(workspace, 'out', '.build.lock')
    await writeFile(lock, JSON.stringify({ pid: process.pid, purpose: 'building 2026-11-24-policy', since: '2026-11-21T09:00:00Z' }))
    const blocked = await runCli([...ARGS, '--format', 'md'], { cwd: workspace })
    expect(blocked.code).toBe(1)
    expect(blocked.stderr).toContain(`another showtell process (pid ${process.pid}`)
    expect(blocked.stderr).toContain('.build.lock')
    expect(await listTree(join(workspace, 'out'))).toEqual(['.build.lock'])

    // A lock whose process is gone does not block anyone.
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'x', since: 'y' }))
    const ok = await runCli([...ARGS, '--format', 'md'], { cwd: workspace })
    expect(ok.code).toBe(0)
  })

  it('--next builds the first topic of the rotation order not built yet', async () => {
    const workspace = await makeWorkspace({
      'showtell.yaml': `company: { name: Nextco }
meeting: { weekday: tuesday, start: 2026-11-24 }
rotation: { order: [governance, crisis] }
`,
    })
    const first = await runCli(['build', '--next', '--date', '2026-11-24', '--format', 'md', '--json'], { cwd: workspace })
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout).topic.id).toBe('governance')
    const second = await runCli(['build', '--next', '--date', '2026-12-01', '--format', 'md', '--json'], { cwd: workspace })
    expect(JSON.parse(second.stdout).topic.id).toBe('crisis')
  })
})
