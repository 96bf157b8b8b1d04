// The schedule engine on hand-worked examples: least-recent and in-order
// rotation, pins, skips, held meetings from the log, reasons, and meeting
// times across the daylight-saving switches.
import { describe, expect, it } from 'vitest'
import type { LogEntry } from '../../src/rotation/log.js'
import { describeReason, planSchedule, type PlannedMeeting, type ScheduleInput } from '../../src/rotation/schedule.js'
import { config, type ConfigInput } from './support.js'

const TUESDAYS = { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-01-06' }

function plan(input: ConfigInput & { topics: string[]; log?: LogEntry[]; from: string; count: number }): PlannedMeeting[] {
  const { meeting, rotation } = config(input)
  const args: ScheduleInput = { meeting, rotation, topics: input.topics, log: input.log ?? [], from: input.from, count: input.count }
  return planSchedule(args)
}

const held = (date: string, topic: string, source: LogEntry['source'] = 'held'): LogEntry => ({ date, topic, source, recordedAt: '2026-01-01T00:00:00.000Z' })
const rows = (p: PlannedMeeting[]) => p.map((m) => [m.date, m.topic, describeReason(m.reason)])

describe('least-recent', () => {
  it('with an empty log, goes through the library by id, then comes back to the least recent', () => {
    const p = plan({ meeting: TUESDAYS, topics: ['c', 'a', 'b'], from: '2026-01-01', count: 7 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'a', 'never covered'],
      ['2026-01-13', 'b', 'never covered'],
      ['2026-01-20', 'c', 'never covered'],
      ['2026-01-27', 'a', 'least recently covered (last on 2026-01-06)'],
      ['2026-02-03', 'b', 'least recently covered (last on 2026-01-13)'],
      ['2026-02-10', 'c', 'least recently covered (last on 2026-01-20)'],
      ['2026-02-17', 'a', 'least recently covered (last on 2026-01-27)'],
    ])
    expect(p[0]!.reason).toEqual({ kind: 'never-covered' })
    expect(p[3]!.reason).toEqual({ kind: 'least-recent', lastCovered: '2026-01-06' })
  })

  it('breaks ties by rotation.order first, then by id', () => {
    const p = plan({ meeting: TUESDAYS, rotation: { order: ['d', 'b'] }, topics: ['a', 'b', 'c', 'd'], from: '2026-01-01', count: 4 })
    expect(p.map((m) => m.topic)).toEqual(['d', 'b', 'a', 'c'])
  })

  it('continues from the log: never-covered first, then the oldest; retired topics in the log are ignored', () => {
    const log = [held('2025-12-02', 'c'), held('2025-12-09', 'retired-topic'), held('2025-12-16', 'a'), held('2025-11-25', 'd')]
    const p = plan({ meeting: TUESDAYS, topics: ['a', 'b', 'c', 'd'], log, from: '2026-01-01', count: 5 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'b', 'never covered'],
      ['2026-01-13', 'd', 'least recently covered (last on 2025-11-25)'],
      ['2026-01-20', 'c', 'least recently covered (last on 2025-12-02)'],
      ['2026-01-27', 'a', 'least recently covered (last on 2025-12-16)'],
      ['2026-02-03', 'b', 'least recently covered (last on 2026-01-06)'],
    ])
  })

  it('counts a later pin in the window as covered: that topic is not planned just before its pin', () => {
    const p = plan({ meeting: TUESDAYS, rotation: { pins: { '2026-01-13': 'a' } }, topics: ['a', 'b', 'c'], from: '2026-01-01', count: 6 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'b', 'never covered'],
      ['2026-01-13', 'a', 'pinned'],
      ['2026-01-20', 'c', 'never covered'],
      ['2026-01-27', 'b', 'least recently covered (last on 2026-01-06)'],
      ['2026-02-03', 'a', 'least recently covered (last on 2026-01-13)'],
      ['2026-02-10', 'c', 'least recently covered (last on 2026-01-20)'],
    ])
  })

  it('a repeat happens only when pins force it', () => {
    // b and c are pinned in weeks 3 and 4, so weeks 1 and 2 both get a.
    const p = plan({
      meeting: TUESDAYS,
      rotation: { pins: { '2026-01-20': 'b', '2026-01-27': 'c' } },
      topics: ['a', 'b', 'c'],
      from: '2026-01-01',
      count: 5,
    })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'a', 'never covered'],
      ['2026-01-13', 'a', 'least recently covered (last on 2026-01-06)'],
      ['2026-01-20', 'b', 'pinned'],
      ['2026-01-27', 'c', 'pinned'],
      ['2026-02-03', 'a', 'least recently covered (last on 2026-01-13)'],
    ])
  })

  it('a pin on a skipped date is dormant: the date is left out and the topic is not counted', () => {
    const p = plan({
      meeting: { ...TUESDAYS, skip: ['2026-01-13'] },
      rotation: { pins: { '2026-01-13': 'b' } },
      topics: ['a', 'b'],
      from: '2026-01-01',
      count: 3,
    })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'a', 'never covered'],
      ['2026-01-20', 'b', 'never covered'],
      ['2026-01-27', 'a', 'least recently covered (last on 2026-01-06)'],
    ])
  })

  it('a meeting already held (in the log) keeps its topic, over a pin, and counts as covered', () => {
    const p = plan({
      meeting: TUESDAYS,
      rotation: { pins: { '2026-01-06': 'c' } },
      topics: ['a', 'b', 'c'],
      log: [held('2026-01-06', 'b', 'build'), held('2026-01-13', 'retired-topic')],
      from: '2026-01-01',
      count: 4,
    })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'b', 'held (deck built)'],
      // A log entry for a topic no longer in the library does not hold the date.
      ['2026-01-13', 'a', 'never covered'],
      ['2026-01-20', 'c', 'never covered'],
      ['2026-01-27', 'b', 'least recently covered (last on 2026-01-06)'],
    ])
    expect(p[0]!.reason).toEqual({ kind: 'held', source: 'build' })
  })
})

describe('in-order', () => {
  const IN_ORDER = { policy: 'in-order', order: ['d', 'b'] }
  const topics = ['e', 'c', 'a', 'd', 'b'] // sequence: d, b, then a, c, e

  it('follows rotation.order, then the remaining ids alphabetically, and wraps around', () => {
    const p = plan({ meeting: TUESDAYS, rotation: IN_ORDER, topics, from: '2026-01-01', count: 7 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'd', 'first in order'],
      ['2026-01-13', 'b', 'next in order (after d)'],
      ['2026-01-20', 'a', 'next in order (after b)'],
      ['2026-01-27', 'c', 'next in order (after a)'],
      ['2026-02-03', 'e', 'next in order (after c)'],
      ['2026-02-10', 'd', 'next in order (after e)'],
      ['2026-02-17', 'b', 'next in order (after d)'],
    ])
    expect(p[0]!.reason).toEqual({ kind: 'next-in-order' })
  })

  it('continues after the last topic in the log (by date, not by line order)', () => {
    const log = [held('2025-12-16', 'b'), held('2025-12-09', 'e'), held('2025-12-23', 'retired-topic')]
    const p = plan({ meeting: TUESDAYS, rotation: IN_ORDER, topics, log, from: '2026-01-01', count: 4 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'a', 'next in order (after b)'],
      ['2026-01-13', 'c', 'next in order (after a)'],
      ['2026-01-20', 'e', 'next in order (after c)'],
      ['2026-01-27', 'd', 'next in order (after e)'],
    ])
  })

  it('a pin of the topic that is next anyway moves the rotation on', () => {
    const log = [held('2025-12-16', 'b')]
    const p = plan({ meeting: TUESDAYS, rotation: { ...IN_ORDER, pins: { '2026-01-06': 'a' } }, topics, log, from: '2026-01-01', count: 3 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'a', 'pinned'],
      ['2026-01-13', 'c', 'next in order (after a)'],
      ['2026-01-20', 'e', 'next in order (after c)'],
    ])
  })

  it('a pin of another topic is an extra: the rotation carries on around it', () => {
    const log = [held('2025-12-16', 'b')]
    const p = plan({ meeting: TUESDAYS, rotation: { ...IN_ORDER, pins: { '2026-01-13': 'e' } }, topics, log, from: '2026-01-01', count: 5 })
    expect(rows(p)).toEqual([
      ['2026-01-06', 'a', 'next in order (after b)'],
      ['2026-01-13', 'e', 'pinned'],
      ['2026-01-20', 'c', 'next in order (after e)'],
      ['2026-01-27', 'e', 'next in order (after c)'],
      ['2026-02-03', 'd', 'next in order (after e)'],
    ])
  })
})

describe('meeting times', () => {
  it('keeps 09:00 local across the Oslo spring switch (2026-03-29): the UTC instant moves', () => {
    const p = plan({ meeting: TUESDAYS, topics: ['a'], from: '2026-03-17', count: 3 })
    expect(p.map((m) => [m.date, m.start, m.end, m.startUtc, m.endUtc])).toEqual([
      ['2026-03-17', '2026-03-17T09:00:00+01:00', '2026-03-17T09:45:00+01:00', '2026-03-17T08:00:00.000Z', '2026-03-17T08:45:00.000Z'],
      ['2026-03-24', '2026-03-24T09:00:00+01:00', '2026-03-24T09:45:00+01:00', '2026-03-24T08:00:00.000Z', '2026-03-24T08:45:00.000Z'],
      ['2026-03-31', '2026-03-31T09:00:00+02:00', '2026-03-31T09:45:00+02:00', '2026-03-31T07:00:00.000Z', '2026-03-31T07:45:00.000Z'],
    ])
    expect(p.every((m) => m.timezone === 'Europe/Oslo' && m.duration === 45)).toBe(true)
  })

  it('keeps 09:00 local across the Oslo autumn switch (2026-10-25)', () => {
    const p = plan({ meeting: { ...TUESDAYS, duration: 30 }, topics: ['a'], from: '2026-10-20', count: 2 })
    expect(p.map((m) => [m.start, m.end, m.startUtc, m.endUtc])).toEqual([
      ['2026-10-20T09:00:00+02:00', '2026-10-20T09:30:00+02:00', '2026-10-20T07:00:00.000Z', '2026-10-20T07:30:00.000Z'],
      ['2026-10-27T09:00:00+01:00', '2026-10-27T09:30:00+01:00', '2026-10-27T08:00:00.000Z', '2026-10-27T08:30:00.000Z'],
    ])
  })

  it('keeps 14:30 local across both New York switches (2026-03-08 and 2026-11-01)', () => {
    const meeting = { weekday: 'thursday', time: '14:30', timezone: 'America/New_York', duration: 60, start: '2026-01-01' }
    const spring = plan({ meeting, topics: ['a'], from: '2026-03-04', count: 2 })
    expect(spring.map((m) => [m.date, m.start, m.startUtc, m.end, m.endUtc])).toEqual([
      ['2026-03-05', '2026-03-05T14:30:00-05:00', '2026-03-05T19:30:00.000Z', '2026-03-05T15:30:00-05:00', '2026-03-05T20:30:00.000Z'],
      ['2026-03-12', '2026-03-12T14:30:00-04:00', '2026-03-12T18:30:00.000Z', '2026-03-12T15:30:00-04:00', '2026-03-12T19:30:00.000Z'],
    ])
    const autumn = plan({ meeting, topics: ['a'], from: '2026-10-28', count: 2 })
    expect(autumn.map((m) => [m.date, m.start, m.startUtc])).toEqual([
      ['2026-10-29', '2026-10-29T14:30:00-04:00', '2026-10-29T18:30:00.000Z'],
      ['2026-11-05', '2026-11-05T14:30:00-05:00', '2026-11-05T19:30:00.000Z'],
    ])
  })

  it('a Sunday meeting on the switch day itself, and one that spans the switch', () => {
    const sunday = { weekday: 'sunday', time: '01:30', timezone: 'Europe/Oslo', duration: 60, start: '2026-03-01' }
    const [spring] = plan({ meeting: sunday, topics: ['a'], from: '2026-03-29', count: 1 })
    // 01:30 CET is 00:30Z; an hour later the clocks read 03:30 CEST.
    expect(spring).toMatchObject({
      date: '2026-03-29',
      start: '2026-03-29T01:30:00+01:00',
      end: '2026-03-29T03:30:00+02:00',
      startUtc: '2026-03-29T00:30:00.000Z',
      endUtc: '2026-03-29T01:30:00.000Z',
    })
    const ny = { weekday: 'sunday', time: '09:00', timezone: 'America/New_York', duration: 45, start: '2026-03-01' }
    expect(plan({ meeting: ny, topics: ['a'], from: '2026-03-08', count: 1 })[0]).toMatchObject({ start: '2026-03-08T09:00:00-04:00', startUtc: '2026-03-08T13:00:00.000Z' })
    expect(plan({ meeting: ny, topics: ['a'], from: '2026-11-01', count: 1 })[0]).toMatchObject({ start: '2026-11-01T09:00:00-05:00', startUtc: '2026-11-01T14:00:00.000Z' })
    const oslo = { weekday: 'sunday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-03-01' }
    expect(plan({ meeting: oslo, topics: ['a'], from: '2027-03-28', count: 1 })[0]).toMatchObject({ start: '2027-03-28T09:00:00+02:00', startUtc: '2027-03-28T07:00:00.000Z' })
  })
})

describe('the window', () => {
  it('starts at meeting.start when `from` is earlier, and never shows a skipped date', () => {
    const p = plan({ meeting: { ...TUESDAYS, start: '2026-11-24', skip: ['2026-12-29', '2026-12-22'] }, topics: ['a', 'b'], from: '2026-06-01', count: 6 })
    expect(p.map((m) => m.date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2027-01-05', '2027-01-12'])
  })

  it('is deterministic and does not depend on the order of the library or the log', () => {
    const base = {
      meeting: TUESDAYS,
      rotation: { order: ['c'], pins: { '2026-01-20': 'b' } },
      from: '2026-01-01',
      count: 8,
    }
    const a = plan({ ...base, topics: ['a', 'b', 'c', 'd'], log: [held('2025-12-02', 'a'), held('2025-12-09', 'd')] })
    const b = plan({ ...base, topics: ['d', 'c', 'b', 'a'], log: [held('2025-12-09', 'd'), held('2025-12-02', 'a')] })
    expect(b).toEqual(a)
    expect(a.map((m) => m.topic)).toEqual(['c', 'a', 'b', 'd', 'c', 'a', 'b', 'd'])
  })
})

describe('describeReason', () => {
  it('says why a topic was chosen', () => {
    expect(describeReason({ kind: 'pinned' })).toBe('pinned')
    expect(describeReason({ kind: 'held', source: 'build' })).toBe('held (deck built)')
    expect(describeReason({ kind: 'held', source: 'held' })).toBe('held')
    expect(describeReason({ kind: 'never-covered' })).toBe('never covered')
    expect(describeReason({ kind: 'least-recent', lastCovered: '2026-10-13' })).toBe('least recently covered (last on 2026-10-13)')
    expect(describeReason({ kind: 'next-in-order', after: 'policy' })).toBe('next in order (after policy)')
    expect(describeReason({ kind: 'next-in-order' })).toBe('first in order')
  })
})
