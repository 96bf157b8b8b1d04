// Given a history written before the redactor existed (or edited by hand),
// whose lines hold a URL with `?token=abc123secret` and the X token itself (in
// an error's reason, in an account name), when the built CLI builds a deck
// from it or shows the dashboard, then neither secret reaches deck.md,
// build.json, what is printed, or the history's next rewrite: the history passes
// the redactor as it is read. Built CLI; no network.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendHistory, HISTORY_FILE, readHistory } from '../../src/snapshot/history.js'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const QUERY_SECRET = 'abc123secret'
const X_TOKEN = 'AAAAxtokenvalue0123456789'
const ENV = { SHOWTELL_X_BEARER_TOKEN: X_TOKEN }

const line = (date: string, account: string, platform: string, followers: number | undefined, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    date,
    capturedAt: `${date}T08:00:00.000Z`,
    account,
    platform,
    status: followers === undefined ? 'error' : 'ok',
    ...extra,
    metrics: followers === undefined ? {} : { followers: { value: followers, source: 'meta' } },
  })

/** MINIMAL_CONFIG's workspace with an old history: two meetings of numbers (so the ROI table shows every account in it), then a failure. */
async function oldHistoryWorkspace(): Promise<string> {
  const lines = [
    line('2026-11-10', 'testco-linkedin', 'linkedin', 1000),
    // Accounts no longer in showtell.yaml are named on the ROI slide by their id, as the history has it.
    line('2026-11-10', `old-feed?token=${QUERY_SECRET}`, 'blog', 50),
    line('2026-11-10', `x-${X_TOKEN}`, 'x', 70),
    line('2026-11-17', 'testco-linkedin', 'linkedin', 1100),
    line('2026-11-17', `old-feed?token=${QUERY_SECRET}`, 'blog', 60),
    line('2026-11-17', `x-${X_TOKEN}`, 'x', 80),
    // What the X token with a newline did before the redactor: the error quoted it.
    line('2026-11-20', 'testco-linkedin', 'linkedin', undefined, {
      reason: `the page https://www.linkedin.com/company/testco?token=${QUERY_SECRET} could not be reached: Bearer ${X_TOKEN}`,
    }),
  ]
  return makeWorkspace({ 'history/snapshots.jsonl': `${lines.join('\n')}\n` })
}

function expectNoSecret(text: string, where: string): void {
  expect(text, where).not.toContain(QUERY_SECRET)
  expect(text, where).not.toContain(X_TOKEN)
}

describe('a history that holds secrets from before the redactor', () => {
  it('readHistory: every text is redacted, the numbers are kept', async () => {
    const dir = await oldHistoryWorkspace()
    const history = await readHistory(dir, ENV)
    expect(history.entries).toHaveLength(7)
    expectNoSecret(JSON.stringify(history.entries), 'entries')
    expect(history.entries[6]!.reason).toBe('the page https://www.linkedin.com/company/testco?token=[redacted] could not be reached: Bearer [redacted]')
    expect(history.entries.map((e) => e.metrics.followers?.value)).toEqual([1000, 50, 70, 1100, 60, 80, undefined])
  })

  it('the next write of the history leaves the old lines redacted in the file, their numbers kept', async () => {
    const dir = await oldHistoryWorkspace()
    expect(await readFile(join(dir, HISTORY_FILE), 'utf8')).toContain(QUERY_SECRET)
    await appendHistory(dir, '2026-11-24', [], await readHistory(dir, ENV))
    const text = await readFile(join(dir, HISTORY_FILE), 'utf8')
    expectNoSecret(text, HISTORY_FILE)
    expect(text.trim().split('\n').map((l) => JSON.parse(l).metrics.followers?.value)).toEqual([1000, 50, 70, 1100, 60, 80, undefined])
  })

  it('a `--format md` build: the deck shows the numbers, and neither secret', async () => {
    const dir = await oldHistoryWorkspace()
    const result = await runCli(['build', '--topic', 'roi', '--date', '2026-11-24', '--no-snapshots', '--format', 'md', '--json'], { cwd: dir, env: ENV })
    expect(result.code, result.stderr).toBe(0)
    const folder = join(dir, 'out', '2026-11-24-roi')
    const deck = await readFile(join(folder, 'deck.md'), 'utf8')
    // The control: the ROI table does show the history's accounts and their numbers.
    expect(deck).toContain('What changed, account by account')
    expect(deck).toContain('old\\-feed?token\\=\\[redacted\\] | 60')
    expect(deck).toContain('x\\-\\[redacted\\] | 80')
    expectNoSecret(deck, 'deck.md')
    for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) expectNoSecret(await readFile(join(entry.parentPath, entry.name), 'utf8'), entry.name)
    }
    expectNoSecret(result.stdout, 'stdout')
    expectNoSecret(result.stderr, 'stderr')
  })

  it('the dashboard (showtell in a pipe) shows the failure’s reason redacted', async () => {
    const dir = await oldHistoryWorkspace()
    const result = await runCli([], { cwd: dir, env: ENV })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('https://www.linkedin.com/company/testco?token=[redacted] could not be reached: Bearer [redacted]')
    expectNoSecret(result.stdout, 'stdout')
  })

  it('a line that no longer reads is named without quoting the secret in it', async () => {
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'history'), { recursive: true })
    await writeFile(join(dir, 'history', 'snapshots.jsonl'), `${line('2026-11-10', 'testco-linkedin', 'linkedin', 1000, { status: `https://a.example/?token=${QUERY_SECRET}` })}\n`)
    const history = await readHistory(dir, ENV)
    expect(history.entries).toEqual([])
    expect(history.problems).toHaveLength(1)
    expect(history.problems![0]).toMatch(/^history\/snapshots\.jsonl:1 status: /)
    expectNoSecret(history.problems![0]!, 'problem')
    const result = await runCli(['build', '--topic', 'roi', '--date', '2026-11-24', '--no-snapshots', '--format', 'md', '--json'], { cwd: dir, env: ENV })
    expect(result.code, result.stderr).toBe(0)
    expectNoSecret(result.stdout + result.stderr, 'output')
    expectNoSecret(await readFile(join(dir, 'out', '2026-11-24-roi', 'build.json'), 'utf8'), 'build.json')
  })
})
