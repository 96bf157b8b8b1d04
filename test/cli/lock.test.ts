// Builds that meet a stale lock: a build killed with SIGKILL while it held the
// lock leaves it behind; then, 20 times over, two builds start at once on that
// same stale lock. Every build that exits 0 is in the meeting log (no meeting
// is lost to a second writer), and a build that is refused says so in one
// line, before any progress, and exits 1.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMeetingLog } from '../../src/rotation/log.js'
import { CLI, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const BUILD = ['build', '--topic', 'policy', '--duration', '45', '--no-snapshots', '--format', 'md']

async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** The date `days` after 2027-01-05. */
function dateAfter(days: number): string {
  return new Date(Date.UTC(2027, 0, 5 + days)).toISOString().slice(0, 10)
}

describe('a stale lock from a killed build', () => {
  it('is taken over by exactly one of two builds started together, 20 times; every build that succeeded is in the meeting log', async () => {
    const workspace = await makeWorkspace()
    const lock = join(workspace, 'out', '.build.lock')

    // Given a build killed with SIGKILL while it holds the lock (paused right after planning)
    const marker = join(await mkdtemp(join(tmpdir(), 'showtell-pause-')), 'paused')
    const killed = spawn(process.execPath, [CLI, ...BUILD, '--date', '2026-11-24'], {
      cwd: workspace,
      env: { ...process.env, SHOWTELL_TEST_PAUSE: 'build:plan', SHOWTELL_TEST_PAUSE_FILE: marker },
      stdio: 'ignore',
    })
    await eventually(() => (existsSync(marker) ? true : undefined), 'the build to hold the lock')
    killed.kill('SIGKILL')
    await new Promise((resolve) => killed.on('close', resolve))
    const stale = await readFile(lock, 'utf8')
    expect(JSON.parse(stale)).toMatchObject({ pid: killed.pid, purpose: 'building 2026-11-24-policy' })

    const succeeded: string[] = []
    let refused = 0
    for (let round = 0; round < 20; round++) {
      // When two builds start at once on that stale lock
      await writeFile(lock, stale)
      const dates = [dateAfter(round * 2), dateAfter(round * 2 + 1)]
      // Both wait at a gate just before the lock, and go when both are there.
      const dir = await mkdtemp(join(tmpdir(), 'showtell-gate-'))
      const gate = join(dir, 'open')
      const runs = Promise.all(
        dates.map((date, i) =>
          runCli([...BUILD, '--date', date], { cwd: workspace, env: { SHOWTELL_TEST_GATE: `build:lock:${gate}`, SHOWTELL_TEST_PAUSE_FILE: join(dir, `at-gate-${i}`) } }),
        ),
      )
      await eventually(() => (existsSync(join(dir, 'at-gate-0')) && existsSync(join(dir, 'at-gate-1')) ? true : undefined), 'both builds at the gate')
      await writeFile(gate, '')
      ;(await runs).forEach((run, i) => {
        if (run.code === 0) succeeded.push(dates[i]!)
        else {
          // Then a refused build says why in one line, and printed no progress before it.
          expect(run.code, `round ${round}: ${run.stderr}`).toBe(1)
          expect(run.stderr, `round ${round}`).toMatch(/^showtell: another showtell process \(pid \d+, building \d{4}-\d\d-\d\d-policy since [^)]+\) holds the lock .*\.build\.lock \(hint: /)
          expect(run.stderr.trim().split('\n'), `round ${round}`).toHaveLength(1)
          refused += 1
        }
      })
      // The stale lock never blocks both.
      expect((await runs).some((run) => run.code === 0), `round ${round}`).toBe(true)
      expect(existsSync(lock), `round ${round}`).toBe(false)
    }
    // Every build that exited 0 is in the meeting log, with its deck.
    const log = await readMeetingLog(workspace)
    expect(log.map((e) => e.date).sort()).toEqual([...succeeded].sort())
    for (const entry of log) expect(entry).toMatchObject({ topic: 'policy', source: 'build', deck: `out/${entry.date}-policy` })
    expect(succeeded.length + refused).toBe(40)
    // They did meet: some rounds had one build refused by the other's live lock.
    expect(refused).toBeGreaterThan(0)
  }, 600_000)
})

describe('a command refused by a live lock', () => {
  /** A workspace whose lock is held by this (live) test process, and a fake browser that records being started. */
  async function lockedWorkspace(): Promise<{ workspace: string; started: string; fake: string }> {
    // The audit's own rules send its probes to a closed port on 127.0.0.1: even a
    // regression that let the audit run would send nothing off this machine.
    const workspace = await makeWorkspace({
      'rules/audit.yaml': `instagram:
  base: http://127.0.0.1:9
  probe: "{base}/{handle}/"
  kind: page
  status: { present: [200], absent: [404] }
  present: ["@{handle}"]
  absent: ["not available"]
`,
    })
    await mkdir(join(workspace, 'out'))
    await writeFile(join(workspace, 'out', '.build.lock'), JSON.stringify({ pid: process.pid, purpose: 'building 2026-11-24-policy', since: '2026-11-24T09:00:00.000Z' }))
    const started = join(workspace, 'browser-was-started')
    const fake = join(workspace, 'fake-chrome')
    await writeFile(fake, `#!/bin/sh\ntouch ${JSON.stringify(started)}\nexit 1\n`)
    await chmod(fake, 0o755)
    return { workspace, started, fake }
  }

  const REFUSED = /^showtell: another showtell process \(pid \d+, building 2026-11-24-policy since 2026-11-24T09:00:00\.000Z\) holds the lock .*\.build\.lock \(hint: wait for it to finish; if that process is gone, delete the lock file\)\n$/

  it.each([
    ['build (with PDFs)', ['build', '--topic', 'policy', '--date', '2026-11-24']],
    ['snapshot', ['snapshot']],
    ['audit', ['audit']],
    ['schedule pin', ['schedule', 'pin', '2026-12-01', 'crisis']],
    ['schedule skip', ['schedule', 'skip', '2026-12-01']],
    ['schedule held', ['schedule', 'held', '2026-12-01', 'crisis']],
  ])('%s says so in one line, before any progress, and never starts the browser', async (_name, args) => {
    const { workspace, started, fake } = await lockedWorkspace()
    const config = await readFile(join(workspace, 'showtell.yaml'), 'utf8')
    const result = await runCli([...args, '--browser-path', fake], { cwd: workspace })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(REFUSED)
    expect(result.stdout).toBe('')
    expect(existsSync(started)).toBe(false)
    // Nothing was changed: showtell.yaml as it was, no history.
    expect(await readFile(join(workspace, 'showtell.yaml'), 'utf8')).toBe(config)
    expect(existsSync(join(workspace, 'history'))).toBe(false)
  })
})
