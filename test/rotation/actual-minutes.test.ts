// The minutes really spent in a presented meeting, in the meeting log
// (history/meetings.jsonl): recordActualMinutes writes that meeting's entry
// once, marks it held, keeps lines it cannot read verbatim, and a hand edit
// that breaks `actual` is reported with file and line, never a crash.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RuntimeError, UserError } from '../../src/errors.js'
import { workspacePaths } from '../../src/workspace/paths.js'
import { acquireLock } from '../../src/workspace/store.js'
import { decodeLogEntry, readMeetingLog, readMeetingLogFile, recordActualMinutes, recordMeeting } from '../../src/rotation/log.js'
import { runCli } from '../helpers/cli.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const logFile = (dir: string) => join(dir, 'history', 'meetings.jsonl')

const PRESENTED = {
  date: '2026-11-24',
  topic: 'policy',
  deck: 'out/2026-11-24-policy',
  actual: { opening: 2.04, 'here-and-now': 7.25, 'worst-cases': 9.96, discussion: 0 },
  planned: { opening: 2, 'here-and-now': 6, 'worst-cases': 5, discussion: 5 },
  endedAt: '2026-11-24T08:47:12.000Z',
} as const

describe('recordActualMinutes', () => {
  it('writes one line for the meeting: held, its deck, the minutes rounded to one decimal in meeting order, the planned minutes and the end', async () => {
    const dir = await makeWorkspace()
    expect(await recordActualMinutes(dir, PRESENTED)).toBe('written')
    const text = await readFile(logFile(dir), 'utf8')
    const lines = text.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('')
    expect(JSON.parse(lines[0]!)).toEqual({
      date: '2026-11-24',
      topic: 'policy',
      source: 'held',
      deck: 'out/2026-11-24-policy',
      recordedAt: expect.stringMatching(ISO_INSTANT),
      actual: { opening: 2, 'here-and-now': 7.3, 'worst-cases': 10, discussion: 0 },
      planned: { opening: 2, 'here-and-now': 6, 'worst-cases': 5, discussion: 5 },
      endedAt: '2026-11-24T08:47:12.000Z',
    })
    // Date first, the minutes after the fields every line has.
    expect(lines[0]).toMatch(/^\{"date":"2026-11-24","topic":"policy","source":"held","deck":"out\/2026-11-24-policy","recordedAt":"[^"]+","actual":\{"opening":2,"here-and-now":7.3,/)
    // Atomic: no temporary file left beside it; the lock is released.
    expect(await listTree(dir)).toEqual(['history/meetings.jsonl', 'showtell.yaml'])
  })

  it('is written once: a second call returns "already" and leaves the file byte for byte', async () => {
    const dir = await makeWorkspace()
    expect(await recordActualMinutes(dir, PRESENTED)).toBe('written')
    const before = await readFile(logFile(dir))
    expect(await recordActualMinutes(dir, { ...PRESENTED, actual: { opening: 30 }, endedAt: '2026-11-24T09:30:00.000Z' })).toBe('already')
    expect(await recordActualMinutes(dir, PRESENTED)).toBe('already')
    expect((await readFile(logFile(dir))).equals(before)).toBe(true)
  })

  it('fills in the entry a build wrote (its deck kept) and marks it held; a later build of the same date keeps the minutes and stays held', async () => {
    const dir = await makeWorkspace()
    await recordMeeting(dir, { date: '2026-11-24', topic: 'policy', source: 'build', deck: 'out/2026-11-24-policy' })
    await recordMeeting(dir, { date: '2026-11-17', topic: 'crisis', source: 'build', deck: 'out/2026-11-17-crisis' })
    const { deck: _deck, ...withoutDeck } = PRESENTED
    expect(await recordActualMinutes(dir, withoutDeck)).toBe('written')
    const entry = (await readMeetingLog(dir)).find((e) => e.date === '2026-11-24')
    expect(entry).toMatchObject({ source: 'held', deck: 'out/2026-11-24-policy', actual: { 'worst-cases': 10 }, endedAt: PRESENTED.endedAt })
    // The other meeting is untouched.
    expect((await readMeetingLog(dir)).find((e) => e.date === '2026-11-17')).toMatchObject({ source: 'build', topic: 'crisis' })

    await recordMeeting(dir, { date: '2026-11-24', topic: 'policy', source: 'build', deck: 'out/2026-11-24-policy' })
    const rebuilt = (await readMeetingLog(dir)).find((e) => e.date === '2026-11-24')
    expect(rebuilt).toEqual({
      date: '2026-11-24',
      topic: 'policy',
      source: 'held',
      deck: 'out/2026-11-24-policy',
      recordedAt: expect.stringMatching(ISO_INSTANT),
      actual: { opening: 2, 'here-and-now': 7.3, 'worst-cases': 10, discussion: 0 },
      planned: { opening: 2, 'here-and-now': 6, 'worst-cases': 5, discussion: 5 },
      endedAt: '2026-11-24T08:47:12.000Z',
    })
    expect(await recordActualMinutes(dir, PRESENTED)).toBe('already')
  })

  it('takes turns with a build: while another holder has the workspace lock it writes nothing and says who holds it', async () => {
    const dir = await makeWorkspace()
    const lock = await acquireLock(workspacePaths(dir).lock, 'building 2026-11-24')
    try {
      const error = await recordActualMinutes(dir, PRESENTED).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(RuntimeError)
      expect((error as Error).message).toMatch(/^another showtell process .*building 2026-11-24 .*holds the lock /)
      expect(await listTree(dir)).toEqual(['out/.build.lock', 'showtell.yaml'])
    } finally {
      await lock.release()
    }
    expect(await recordActualMinutes(dir, PRESENTED)).toBe('written')
  })

  it('keeps every line it cannot read, verbatim and first', async () => {
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'history'))
    const broken = ['{"date":"2026-11-10","topic":"talent", edited by hand', '{"date":"2026-11-03","topic":"talent","actual":{"coffee":3}}']
    const old = '{"date":"2026-11-17","topic":"crisis","source":"build","deck":"out/2026-11-17-crisis","recordedAt":"2026-11-16T10:00:00.000Z"}'
    await writeFile(logFile(dir), `${broken[0]}\r\n${old}\n${broken[1]}\n`)
    expect(await recordActualMinutes(dir, PRESENTED)).toBe('written')
    const lines = (await readFile(logFile(dir), 'utf8')).split('\n')
    expect(lines.slice(0, 3)).toEqual([broken[0], broken[1], old])
    expect(JSON.parse(lines[3]!)).toMatchObject({ date: '2026-11-24', actual: { opening: 2 } })
    expect(lines.slice(4)).toEqual([''])
  })

  it('refuses minutes it cannot log: an unknown segment, below 0, not a number; a bad date or end', async () => {
    const dir = await makeWorkspace()
    const refused = async (input: Parameters<typeof recordActualMinutes>[1]) => {
      const error = await recordActualMinutes(dir, input).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      return (error as UserError).message
    }
    expect(await refused({ ...PRESENTED, actual: { coffee: 3 } as never })).toBe('actual: unknown segment "coffee" (known: opening, here-and-now, loss-of-control, key-points, case-studies, worst-cases, exercise, discussion, roi, next-meeting)')
    expect(await refused({ ...PRESENTED, actual: { opening: -1 } })).toBe('actual: opening: -1 is not a number of minutes from 0 to 1440')
    expect(await refused({ ...PRESENTED, planned: { roi: Number.NaN } })).toBe('planned: roi: null is not a number of minutes from 0 to 1440')
    expect(await refused({ ...PRESENTED, date: '24.11.2026' })).toBe('"24.11.2026" is not a date')
    expect(await refused({ ...PRESENTED, endedAt: 'soon' })).toBe('"soon" is not a time')
    // Nothing was written.
    expect(await listTree(dir)).toEqual(['showtell.yaml'])
  })
})

describe('decoding `actual`, `planned` and `endedAt` field by field', () => {
  it('reads old lines without them, and says what is wrong with a bad one', () => {
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","source":"build","recordedAt":"x"}')).toEqual({ date: '2026-11-24', topic: 'policy', source: 'build', recordedAt: 'x' })
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":{"roi":3.5},"planned":{"roi":3},"endedAt":"2026-11-24T09:00:00Z"}')).toEqual({
      date: '2026-11-24',
      topic: 'policy',
      source: 'held',
      recordedAt: '',
      actual: { roi: 3.5 },
      planned: { roi: 3 },
      endedAt: '2026-11-24T09:00:00Z',
    })
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":[3]}')).toBe('actual: not an object of minutes per segment')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":{"roi":"3"}}')).toBe('actual: roi: "3" is not a number of minutes from 0 to 1440')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":{"roi":-0.5}}')).toBe('actual: roi: -0.5 is not a number of minutes from 0 to 1440')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":{"roi":1e9}}')).toBe('actual: roi: 1000000000 is not a number of minutes from 0 to 1440')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","planned":{"lunch":3}}')).toMatch(/^planned: unknown segment "lunch" \(known: opening, /)
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":{"roi":3},"endedAt":"later"}')).toBe('endedAt: not a time')
    expect(decodeLogEntry('{"date":"2026-11-24","topic":"policy","actual":null}')).toBe('actual: not an object of minutes per segment')
  })

  it('a hand-edited line with a bad `actual` is reported with file and line by `schedule held` (built CLI), and kept', async () => {
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'history'))
    const bad = '{"date":"2026-11-24","topic":"policy","source":"held","actual":{"worst-cases":"ten"},"planned":{"worst-cases":5}}'
    await writeFile(logFile(dir), `{"date":"2026-11-17","topic":"crisis","source":"held","recordedAt":"2026-11-17T10:00:00.000Z"}\n${bad}\n`)
    expect((await readMeetingLogFile(dir)).unreadable).toEqual([{ line: 2, text: bad, problem: 'actual: worst-cases: "ten" is not a number of minutes from 0 to 1440' }])
    const held = await runCli(['schedule', 'held', '2026-12-01', 'crisis'], { cwd: dir })
    expect(held.code, held.stderr).toBe(0)
    expect(held.stderr).toBe('  ! history/meetings.jsonl:1: actual: worst-cases: "ten" is not a number of minutes from 0 to 1440; the line is kept as it is: fix or delete it\n')
    expect((await readFile(logFile(dir), 'utf8')).split('\n')[0]).toBe(bad)
  })
})
