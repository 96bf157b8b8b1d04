// Given a reader that stops reading before showtell writes (`showtell
// schedule --json | head -1`, a pager quit early), when the built CLI writes
// to the closed pipe, then it ends quietly with the command's own status: no
// "unexpected error", no stack trace, and 0 for a command that did what it was
// asked. The reading end is closed before the child writes a byte, so every
// write meets EPIPE, every run.
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CLI } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built CLI with `closed` ends of its pipes shut by the reader at once; the other end is read to the end. */
function runWithClosedPipe(args: string[], cwd: string, closed: readonly ('stdout' | 'stderr')[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    const text = { stdout: '', stderr: '' }
    for (const name of ['stdout', 'stderr'] as const) {
      if (closed.includes(name)) child[name].destroy()
      else child[name].on('data', (chunk) => (text[name] += chunk))
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ...text })
    })
  })
}

describe('a closed stdout or stderr pipe', () => {
  it('the control: with the pipe open, schedule --json writes the whole schedule', async () => {
    const dir = await makeWorkspace()
    const run = await runWithClosedPipe(['schedule', '--weeks', '52', '--json'], dir, [])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toHaveLength(52)
  })

  it('schedule --json into a reader that has gone: exit 0, nothing on stderr', async () => {
    const dir = await makeWorkspace()
    const run = await runWithClosedPipe(['schedule', '--weeks', '52', '--json'], dir, ['stdout'])
    expect(run.stderr).not.toMatch(/EPIPE|unexpected error|Unhandled|\n\s+at /)
    expect(run.stderr).toBe('')
    expect(run.signal).toBeNull()
    expect(run.code).toBe(0)
  })

  it('an error line into a closed stderr: the error’s own exit status (2), not a crash', async () => {
    const dir = await makeWorkspace()
    const run = await runWithClosedPipe(['schedule', 'pin', 'not-a-date', 'policy'], dir, ['stderr'])
    expect(run.stdout).toBe('')
    expect(run.signal).toBeNull()
    expect(run.code).toBe(2)
  })

  it('both closed: still the command’s own status', async () => {
    const dir = await makeWorkspace()
    const run = await runWithClosedPipe(['schedule', '--json'], dir, ['stdout', 'stderr'])
    expect(run.signal).toBeNull()
    expect(run.code).toBe(0)
  })
})
