// Ctrl+C (SIGINT) and SIGTERM during a build, at each step: right after the
// plan (the lock is held), while the browser takes snapshots, while the PDF is
// printed, and while the meeting log is written (after the history was). Each
// time the process exits 130 (143 for SIGTERM) and leaves no staged folder, no
// lock, no temp file and no browser profile (the child's TMPDIR is a fresh
// folder that must end up empty), the earlier deck byte for byte, and the
// history and the meeting log as they were. The exact moments come from the
// test-only pause points (src/process/test-pause.ts), not from timing.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { CLI, runCli } from '../helpers/cli.js'
import { demoConfigObject, type DemoAccount } from '../helpers/demo-workspace.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

let site: DemoSite
beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site?.close()
})

const BUILD = ['build', '--topic', 'policy', '--date', '2026-11-24']

async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A demo workspace with an earlier deck (45 min) and one snapshot in the history, and a copy of every file in it. */
async function workspaceWithDeck(accounts: readonly DemoAccount[], snapshots = false): Promise<{ workspace: string; files: Map<string, Buffer> }> {
  const workspace = await makeWorkspace({ 'showtell.yaml': stringify(demoConfigObject(site.url, accounts, { timeout: 30, deadline: 120 })) })
  const first = await runCli([...BUILD, '--duration', '45', '--format', 'md', ...(snapshots ? [] : ['--no-snapshots'])], { cwd: workspace })
  expect(first.code, first.stderr).toBe(0)
  const files = new Map<string, Buffer>()
  for (const name of await listTree(workspace)) files.set(name, await readFile(join(workspace, name)))
  return { workspace, files }
}

interface Interrupted {
  readonly code: number | null
  readonly stderr: string
  readonly tmp: string
}

/** Starts a build (60 min, `format`), waits until `reached()` says it is at the step, sends `signal`, waits for the exit. */
async function interruptBuild(
  workspace: string,
  options: {
    format: string
    pause?: string
    deaf?: boolean
    /** Signal the whole process group (the browser too), as Ctrl+C in a terminal does. */
    group?: boolean
    signal: 'SIGINT' | 'SIGTERM'
    reached: (marker: string, tmp: string) => Promise<boolean>
  },
): Promise<Interrupted> {
  const tmp = await mkdtemp(join(tmpdir(), 'showtell-interrupt-tmp-'))
  const marker = join(await mkdtemp(join(tmpdir(), 'showtell-interrupt-')), 'paused')
  const child = spawn(process.execPath, [CLI, ...BUILD, '--duration', '60', '--format', options.format], {
    cwd: workspace,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...(options.pause ? { SHOWTELL_TEST_PAUSE: options.pause, SHOWTELL_TEST_PAUSE_FILE: marker } : {}), ...(options.deaf ? { SHOWTELL_TEST_PAUSE_DEAF: '1' } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: options.group === true,
  })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  let exited = false
  void closed.then(() => (exited = true))
  await eventually(async () => (exited || (await options.reached(marker, tmp)) ? true : undefined), `the build to reach the step; stderr: ${stderr}`)
  expect(exited, `the build ended before the signal: ${stderr}`).toBe(false)
  if (options.group) process.kill(-child.pid!, options.signal)
  else child.kill(options.signal)
  return { code: await closed, stderr, tmp }
}

async function expectCleanAndUnchanged(workspace: string, files: Map<string, Buffer>, result: Interrupted, signal: 'SIGINT' | 'SIGTERM', said = true): Promise<void> {
  expect(result.code, result.stderr).toBe(signal === 'SIGINT' ? 130 : 143)
  if (said) expect(result.stderr).toContain(`showtell: interrupted (${signal})`)
  // No staged or retired folder, no lock, no temp file: every file is one that was there before, unchanged.
  expect(await listTree(workspace)).toEqual([...files.keys()])
  for (const [name, bytes] of files) expect((await readFile(join(workspace, name))).equals(bytes), name).toBe(true)
  expect((await readdir(join(workspace, 'out'))).filter((name) => name.startsWith('.'))).toEqual([])
  // No browser profile (nor anything else) left in the process's temp folder.
  expect((await listTree(result.tmp)).map((f) => f.split("/").slice(0, 2).join("/")).filter((f, i, all) => all.indexOf(f) === i)).toEqual([])
}

const paused = async (marker: string) => existsSync(marker)

describe('an interrupted build', () => {
  it('SIGINT right after the plan, holding the lock: exit 130, nothing left', async () => {
    const { workspace, files } = await workspaceWithDeck([])
    const result = await interruptBuild(workspace, { format: 'md', pause: 'build:plan', signal: 'SIGINT', reached: paused })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('SIGINT while the browser takes snapshots: exit 130, no staged folder, lock or profile', async () => {
    const { workspace, files } = await workspaceWithDeck([{ id: 'hanging-page', platform: 'website', url: `${site.url}/nasty/hang`, label: 'A hanging page' }])
    const result = await interruptBuild(workspace, {
      format: 'md',
      signal: 'SIGINT',
      // The browser is up (its profile is in TMPDIR) and the build is assembling its folder.
      reached: async (_marker, tmp) => (await readdir(tmp)).length > 0 && (await readdir(join(workspace, 'out'))).some((name) => name.startsWith('.staging-')),
    })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('SIGINT while the PDF is printed: exit 130, no staged folder, lock or profile', async () => {
    const { workspace, files } = await workspaceWithDeck([])
    const result = await interruptBuild(workspace, { format: 'md,pdf', pause: 'build:pdf', signal: 'SIGINT', reached: paused })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('Ctrl+C in a terminal (SIGINT to the whole process group, the browser included) while the PDF is printed: exit 130, nothing left', async () => {
    const { workspace, files } = await workspaceWithDeck([])
    const result = await interruptBuild(workspace, { format: 'md,pdf', pause: 'build:pdf', signal: 'SIGINT', group: true, reached: paused })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('SIGINT while the meeting log is written, after the history was: both are as they were, exit 130', async () => {
    const { workspace, files } = await workspaceWithDeck([{ id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' }], true)
    expect([...files.keys()]).toContain('history/meetings.jsonl')
    expect([...files.keys()]).toContain('history/snapshots.jsonl')
    const result = await interruptBuild(workspace, { format: 'md', pause: 'rename:meetings.jsonl', signal: 'SIGINT', reached: paused })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('SIGINT after the history and the log were written, just before the swap: both are restored, the earlier deck stays, exit 130', async () => {
    const { workspace, files } = await workspaceWithDeck([{ id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' }], true)
    const result = await interruptBuild(workspace, {
      format: 'md',
      pause: 'build:swap',
      signal: 'SIGINT',
      // Paused with both files already rewritten: the new meeting is in the log.
      reached: async (marker) => existsSync(marker) && !(await readFile(join(workspace, 'history', 'meetings.jsonl'))).equals(files.get('history/meetings.jsonl')!),
    })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('a step that does not stop when asked: after the grace period the registered cleanups remove the lock, the staged folder and the temp file', async () => {
    const { workspace, files } = await workspaceWithDeck([])
    const result = await interruptBuild(workspace, {
      format: 'md',
      pause: 'rename:meetings.jsonl',
      deaf: true,
      signal: 'SIGINT',
      // Paused with all three on disk: the lock, the staged folder, the log's temp file.
      reached: async (marker) =>
        existsSync(marker) &&
        existsSync(join(workspace, 'out', '.build.lock')) &&
        (await readdir(join(workspace, 'out'))).some((name) => name.startsWith('.staging-')) &&
        (await readdir(join(workspace, 'history'))).some((name) => name.endsWith('.tmp')),
    })
    // The command never got to say anything: the signal handler says it before the process exits.
    await expectCleanAndUnchanged(workspace, files, result, 'SIGINT')
  })

  it('SIGTERM while the PDF is printed: exit 143, nothing left', async () => {
    const { workspace, files } = await workspaceWithDeck([])
    const result = await interruptBuild(workspace, { format: 'md,pdf', pause: 'build:pdf', signal: 'SIGTERM', reached: paused })
    await expectCleanAndUnchanged(workspace, files, result, 'SIGTERM')
  })
})

describe('an interrupted snapshot', () => {
  it('SIGINT while a page hangs: exit 130, no lock, no history, no browser profile', async () => {
    const workspace = await makeWorkspace({
      'showtell.yaml': stringify(demoConfigObject(site.url, [{ id: 'hanging-page', platform: 'website', url: `${site.url}/nasty/hang`, label: 'A hanging page' }], { timeout: 30 })),
    })
    const tmp = await mkdtemp(join(tmpdir(), 'showtell-interrupt-tmp-'))
    const child = spawn(process.execPath, [CLI, 'snapshot'], { cwd: workspace, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    // The browser is up (its profile is in TMPDIR) and the lock is held.
    await eventually(async () => ((await readdir(tmp)).length > 0 && existsSync(join(workspace, 'out', '.build.lock')) ? true : undefined), 'the browser to start')
    child.kill('SIGINT')
    expect(await closed, stderr).toBe(130)
    expect(stderr).toContain('showtell: interrupted (SIGINT)')
    expect(existsSync(join(workspace, 'out', '.build.lock'))).toBe(false)
    expect(existsSync(join(workspace, 'history'))).toBe(false)
    expect(await listTree(tmp)).toEqual([])
  })
})
