// Shared by the rotation tests: configs built through the real schema, and a
// CLI runner whose clock is pinned, so "today" is the same on any day.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli, type CliResult } from '../helpers/cli.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'

const FAKE_NOW = new URL('./fake-now.mjs', import.meta.url).href

/** Runs the built CLI in `cwd` with `new Date()` fixed at `now` (an ISO instant). */
export function runAt(now: string, args: string[], cwd: string): Promise<CliResult> {
  return runCli(args, {
    cwd,
    env: { SHOWTELL_TEST_NOW: now, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${FAKE_NOW}`.trim() },
  })
}

export interface ConfigInput {
  readonly meeting: Record<string, unknown>
  readonly rotation?: Record<string, unknown>
}

/** A full workspace config from the parts the schedule reads, through the real schema. */
export function config(input: ConfigInput): WorkspaceConfig {
  return workspaceConfigSchema.parse({ company: { name: 'Testco' }, meeting: input.meeting, rotation: input.rotation ?? {} })
}

/** The meeting log as the CLI wrote it: one JSON object per line. */
export async function readLogLines(workspace: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')
  expectTrailingNewline(text)
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

function expectTrailingNewline(text: string): void {
  if (!text.endsWith('\n')) throw new Error('history/meetings.jsonl does not end with a newline')
}
