// The meeting log, history/meetings.jsonl: one JSON object per line, sorted by
// date, one entry per date (a later record replaces an earlier one), written
// atomically, tolerant of hand edits.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeLogEntry, describeUnreadable, MEETING_LOG_FILE, readMeetingLog, readMeetingLogFile, recordMeeting } from '../../src/rotation/log.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'
import { runCli } from '../helpers/cli.js'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe('the meeting log', () => {
  it('lives in history/meetings.jsonl and is empty when the file does not exist', async () => {
    expect(MEETING_LOG_FILE).toBe(join('history', 'meetings.jsonl'))
    const dir = await makeWorkspace()
    expect(await readMeetingLog(dir)).toEqual([])
  })

  it('records meetings as sorted JSON lines, one per date, the later record winning', async () => {
    const dir = await makeWorkspace()
    await recordMeeting(dir, { date: '2026-12-08', topic: 'crisis', source: 'build', deck: 'out/2026-12-08-crisis' })
    await recordMeeting(dir, { date: '2026-11-24', topic: 'policy', source: 'held' })
    const entries = await recordMeeting(dir, { date: '2026-12-08', topic: 'talent', source: 'held' })

    const text = await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')
    const lines = text.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    const parsed = lines.slice(0, 2).map((line) => JSON.parse(line))
    expect(parsed).toEqual([
      { date: '2026-11-24', topic: 'policy', source: 'held', recordedAt: expect.stringMatching(ISO_INSTANT) },
      { date: '2026-12-08', topic: 'talent', source: 'held', recordedAt: expect.stringMatching(ISO_INSTANT) },
    ])
    // Diff-friendly: the date comes first on each line.
    expect(lines[0]!.startsWith('{"date":"2026-11-24","topic":"policy"')).toBe(true)
    expect(entries).toEqual(parsed)
    expect(await readMeetingLog(dir)).toEqual(parsed)
    // Atomic writes leave no temporary files behind.
    expect((await listTree(join(dir, 'history'))).filter((f) => f !== 'meetings.jsonl')).toEqual([])
  })

  it('reads a hand-edited log: broken lines are reported with their line, the last line for a date wins, order is by date', async () => {
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'history'))
    await writeFile(
      join(dir, 'history', 'meetings.jsonl'),
      [
        '{"date":"2026-12-15","topic":"governance","source":"held","recordedAt":"2026-12-15T10:00:00.000Z"}',
        '',
        '{"date":"2026-11-24","topic":"policy","source":"build","deck":"out/2026-11-24-policy","recordedAt":"2026-11-20T10:00:00.000Z"}',
        'this line was mangled by hand {',
        '{"topic":"no-date"}',
        '{"date":"2026-12-15","topic":"crisis","source":"held","recordedAt":"2026-12-16T10:00:00.000Z"}',
        '{"date":"2026-12-22","topic":"crisis","source":"lots"}',
        '[1,2]',
        '   ',
      ].join('\n'),
    )
    expect(await readMeetingLog(dir)).toEqual([
      { date: '2026-11-24', topic: 'policy', source: 'build', deck: 'out/2026-11-24-policy', recordedAt: '2026-11-20T10:00:00.000Z' },
      { date: '2026-12-15', topic: 'crisis', source: 'held', recordedAt: '2026-12-16T10:00:00.000Z' },
    ])
    const { unreadable } = await readMeetingLogFile(dir)
    expect(unreadable).toEqual([
      { line: 4, text: 'this line was mangled by hand {', problem: 'not JSON' },
      { line: 5, text: '{"topic":"no-date"}', problem: 'date: not a date (YYYY-MM-DD)' },
      { line: 7, text: '{"date":"2026-12-22","topic":"crisis","source":"lots"}', problem: 'source: neither "build" nor "held"' },
      { line: 8, text: '[1,2]', problem: 'not a JSON object' },
    ])
    expect(describeUnreadable(unreadable[0]!)).toBe('history/meetings.jsonl:4: not JSON; the line is kept as it is: fix or delete it')

    // Recording rewrites the meetings sorted, and keeps every line it could not read, verbatim and first.
    await recordMeeting(dir, { date: '2026-12-01', topic: 'talent', source: 'held' })
    const lines = (await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines.slice(0, 4)).toEqual(['this line was mangled by hand {', '{"topic":"no-date"}', '{"date":"2026-12-22","topic":"crisis","source":"lots"}', '[1,2]'])
    expect(lines.slice(4).map((line) => JSON.parse(line).date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-15'])
    // Read again, the same lines are still reported (now at lines 1 to 4).
    expect((await readMeetingLogFile(dir)).unreadable.map((u) => [u.line, u.text])).toEqual([
      [1, 'this line was mangled by hand {'],
      [2, '{"topic":"no-date"}'],
      [3, '{"date":"2026-12-22","topic":"crisis","source":"lots"}'],
      [4, '[1,2]'],
    ])
  })

  it('decodes each field, so a hand edit never reaches the schedule as the wrong type', () => {
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy"}')).toEqual({ date: '2026-11-24', topic: 'policy', source: 'held', recordedAt: '' })
    expect(decodeLogEntry('{"date":20261124,"topic":"policy"}')).toBe('date: not a date (YYYY-MM-DD)')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":["policy"]}')).toBe('topic: not a topic id')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","deck":7}')).toBe('deck: not a folder name')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","recordedAt":{}}')).toBe('recordedAt: not a time')
    expect(decodeLogEntry('null')).toBe('not a JSON object')
  })
})

describe('a hand-edited broken line in the meeting log, through the built CLI', () => {
  it('survives a build verbatim, and the build warns with file and line', async () => {
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'history'))
    const broken = '{"date":"2026-11-17","topic":"crisis", oops this was edited by hand'
    await writeFile(
      join(dir, 'history', 'meetings.jsonl'),
      `{"date":"2026-11-10","topic":"talent","source":"held","recordedAt":"2026-11-10T10:00:00.000Z"}\n${broken}\n`,
    )
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'md'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('  ! history/meetings.jsonl:2: not JSON; the line is kept as it is: fix or delete it\n')
    const lines = (await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines[0]).toBe(broken)
    expect(lines.slice(1).map((line) => JSON.parse(line).date)).toEqual(['2026-11-10', '2026-11-24'])

    // `schedule held` keeps it too, and says where it is (now line 1).
    const held = await runCli(['schedule', 'held', '2026-12-01', 'crisis'], { cwd: dir })
    expect(held.code, held.stderr).toBe(0)
    expect(held.stderr).toBe('  ! history/meetings.jsonl:1: not JSON; the line is kept as it is: fix or delete it\n')
    expect((await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).split('\n')[0]).toBe(broken)
  })
})
