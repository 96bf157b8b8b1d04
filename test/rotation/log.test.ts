// The meeting log, history/meetings.jsonl: one JSON object per line, sorted by
// date, one entry per date (a later record replaces an earlier one), written
// atomically, tolerant of hand edits.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MEETING_LOG_FILE, readMeetingLog, recordMeeting } from '../../src/rotation/log.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

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

  it('reads a hand-edited log: blank and broken lines are skipped, the last line for a date wins, order is by date', async () => {
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
        '   ',
      ].join('\n'),
    )
    expect(await readMeetingLog(dir)).toEqual([
      { date: '2026-11-24', topic: 'policy', source: 'build', deck: 'out/2026-11-24-policy', recordedAt: '2026-11-20T10:00:00.000Z' },
      { date: '2026-12-15', topic: 'crisis', source: 'held', recordedAt: '2026-12-16T10:00:00.000Z' },
    ])
    // Recording rewrites the file clean.
    await recordMeeting(dir, { date: '2026-12-01', topic: 'talent', source: 'held' })
    const lines = (await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-15'])
  })
})
