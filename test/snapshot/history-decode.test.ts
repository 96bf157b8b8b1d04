// Given a history/snapshots.jsonl that someone edited by hand ("value":
// "lots", a negative count, a status showtell never writes, a line that is
// `null`), when showtell reads it, then the bad lines are reported with file,
// line and field, no NaN or made-up number reaches the entries (and so no
// slide), and a rewrite keeps each bad line exactly as it was.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatCount } from '../../src/snapshot/format.js'
import { appendHistory, HISTORY_FILE, lastGoodValue, readHistory, series } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const GOOD_1 = '{"date":"2026-11-10","capturedAt":"2026-11-10T08:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"followers":{"value":100,"source":"meta"}}}'
const LOTS = '{"date":"2026-11-17","capturedAt":"2026-11-17T08:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"followers":{"value":"lots","source":"meta"}}}'
const NEGATIVE = '{"date":"2026-11-18","capturedAt":"2026-11-18T08:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"posts":{"value":-3,"source":"meta"}}}'
const STATUS = '{"date":"2026-11-19","capturedAt":"2026-11-19T08:00:00.000Z","account":"acme","platform":"linkedin","status":"great","metrics":{}}'
const NULL_LINE = 'null'
const NO_DATE = '{"capturedAt":"2026-11-20T08:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{}}'
// Written by hand, with its fields in another order and an extra one: still a good line.
const GOOD_2 = '{"account":"acme","date":"2026-11-24","status":"ok","platform":"linkedin","capturedAt":"2026-11-24T08:00:00.000Z","metrics":{"followers":{"value":130,"source":"api","approximate":true}},"note":"typed in"}'

async function workspaceWith(lines: readonly string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'showtell-history-decode-'))
  await mkdir(join(root, 'history'))
  await writeFile(join(root, HISTORY_FILE), `${lines.join('\n')}\n`)
  return root
}

describe('a hand-edited history', () => {
  it('reports each bad line with file, line and field, and keeps only the good ones as entries', async () => {
    const root = await workspaceWith([GOOD_1, LOTS, NEGATIVE, STATUS, NULL_LINE, NO_DATE, GOOD_2])
    const history = await readHistory(root)
    expect(history.problems).toEqual([
      'history/snapshots.jsonl:2 metrics.followers.value: expected a count, got "lots"',
      'history/snapshots.jsonl:3 metrics.posts.value: expected a count, got -3',
      'history/snapshots.jsonl:4 status: expected one of ok, blocked, not-found, timeout, error, got "great"',
      'history/snapshots.jsonl:5 expected an object, got null',
      'history/snapshots.jsonl:6 date: expected a date YYYY-MM-DD, got nothing',
    ])
    expect(history.unreadable).toEqual([LOTS, NEGATIVE, STATUS, NULL_LINE, NO_DATE])
    expect(history.entries).toEqual([
      { date: '2026-11-10', capturedAt: '2026-11-10T08:00:00.000Z', account: 'acme', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 100, source: 'meta' } } },
      { date: '2026-11-24', capturedAt: '2026-11-24T08:00:00.000Z', account: 'acme', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 130, source: 'api', approximate: true } } },
    ])
  })

  it('never yields NaN: the last good value before the meeting is the 100 of 2026-11-10, and the trend skips the bad line', async () => {
    const root = await workspaceWith([GOOD_1, LOTS])
    const { entries } = await readHistory(root)
    expect(lastGoodValue(entries, 'acme', 'followers', '2026-11-17')).toEqual({ value: 100, date: '2026-11-10' })
    expect(series(entries, 'acme', 'followers', '2026-11-30')).toEqual([{ date: '2026-11-10', value: 100 }])
    // What the slide would show.
    expect(formatCount(lastGoodValue(entries, 'acme', 'followers', '2026-11-17')!.value)).toBe('100')
  })

  it('a rewrite keeps every bad line verbatim, ahead of the entries', async () => {
    const root = await workspaceWith([GOOD_1, LOTS, NULL_LINE])
    const result: SnapshotResult = {
      account: 'acme',
      platform: 'linkedin',
      label: 'Acme',
      url: 'https://www.linkedin.com/company/acme',
      status: 'ok',
      metrics: { followers: { value: 140, source: 'meta' } },
      capturedAt: '2026-12-01T08:00:00.000Z',
      durationMs: 900,
    }
    const after = await appendHistory(root, '2026-12-01', [result])
    const text = await readFile(join(root, HISTORY_FILE), 'utf8')
    expect(text).toBe(
      [
        LOTS,
        NULL_LINE,
        GOOD_1,
        '{"date":"2026-12-01","capturedAt":"2026-12-01T08:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"followers":{"value":140,"source":"meta"}}}',
        '',
      ].join('\n'),
    )
    expect(after.problems).toEqual(['history/snapshots.jsonl:2 metrics.followers.value: expected a count, got "lots"', 'history/snapshots.jsonl:3 expected an object, got null'])
  })

  it('a clean history has no problems field at all', async () => {
    const root = await workspaceWith([GOOD_1])
    expect(await readHistory(root)).toEqual({
      entries: [{ date: '2026-11-10', capturedAt: '2026-11-10T08:00:00.000Z', account: 'acme', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 100, source: 'meta' } } }],
      unreadable: [],
    })
    expect('problems' in (await readHistory(root))).toBe(false)
  })

  it('a history that exists but cannot be read is an error, not an empty history', async () => {
    const root = await mkdtemp(join(tmpdir(), 'showtell-history-decode-'))
    // A folder where the file should be: EISDIR (running as root, chmod cannot make EACCES).
    await mkdir(join(root, HISTORY_FILE), { recursive: true })
    await expect(readHistory(root)).rejects.toMatchObject({ name: 'RuntimeError', message: 'cannot read the file (EISDIR)', location: { file: 'history/snapshots.jsonl' } })
  })
})

describe('showtell build with a hand-edited history (the built CLI)', () => {
  it('names the bad line on the terminal and in build.json, builds without it, and leaves it in the file', async () => {
    const good = '{"date":"2026-11-10","capturedAt":"2026-11-10T08:00:00.000Z","account":"testco-linkedin","platform":"linkedin","status":"ok","metrics":{"followers":{"value":100,"source":"meta"}}}'
    const lots = '{"date":"2026-11-17","capturedAt":"2026-11-17T08:00:00.000Z","account":"testco-linkedin","platform":"linkedin","status":"ok","metrics":{"followers":{"value":"lots","source":"meta"}}}'
    const root = await makeWorkspace({ 'history/snapshots.jsonl': `${good}\n${lots}\n` })
    const result = await runCli(['build', '--date', '2026-11-24', '--format', 'md', '--no-snapshots'], { cwd: root })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('  ! history/snapshots.jsonl:2 metrics.followers.value: expected a count, got "lots"\n')
    const [folder] = (await readdir(join(root, 'out'))).filter((name) => !name.startsWith('.') && name !== 'snapshots')
    const manifest = JSON.parse(await readFile(join(root, 'out', folder!, 'build.json'), 'utf8')) as { warnings: string[] }
    expect(manifest.warnings).toContain('history/snapshots.jsonl:2 metrics.followers.value: expected a count, got "lots"')
    const deck = await readFile(join(root, 'out', folder!, 'deck.md'), 'utf8')
    expect(deck).not.toContain('NaN')
    expect(await readFile(join(root, HISTORY_FILE), 'utf8')).toBe(`${good}\n${lots}\n`)
  })
})
