// What the planner learns from the meeting log (src/agenda/learn.ts): the
// last 4 presented meetings before the one planned, a segment's mean ratio of
// actual to planned minutes, kept only when it ran over, capped at 2.
import { describe, expect, it } from 'vitest'
import { learnFromMeetings } from '../../src/agenda/learn.js'
import type { LogEntry } from '../../src/rotation/log.js'

const held = (date: string, actual?: LogEntry['actual'], planned?: LogEntry['planned']): LogEntry => ({
  date,
  topic: 'crisis',
  source: 'held',
  recordedAt: '',
  ...(actual ? { actual } : {}),
  ...(planned ? { planned } : {}),
})

describe('learnFromMeetings', () => {
  it('nothing to learn from an empty log or one with no presented meetings', () => {
    expect(learnFromMeetings([], '2026-12-08')).toEqual({ factors: new Map(), meetings: 0, dates: [] })
    expect(learnFromMeetings([held('2026-11-24'), { ...held('2026-12-01'), source: 'build' }], '2026-12-08')).toEqual({ factors: new Map(), meetings: 0, dates: [] })
  })

  it('the mean of actual / planned per segment, kept when above 1 and capped at 2', () => {
    const log = [
      // roi: 4/2 = 2 and 3/2 = 1.5, mean 1.75; exercise: 3/6 = 0.5 and 9/6 = 1.5, mean 1 (not over);
      // discussion: 30/5 = 6, capped at 2; opening: 2/2 = 1 (on time).
      held('2026-11-17', { roi: 4, exercise: 3, discussion: 30, opening: 2 }, { roi: 2, exercise: 6, discussion: 5, opening: 2 }),
      held('2026-11-24', { roi: 3, exercise: 9 }, { roi: 2, exercise: 6 }),
    ]
    const learned = learnFromMeetings(log, '2026-12-08')
    expect(learned.meetings).toBe(2)
    expect(learned.dates).toEqual(['2026-11-17', '2026-11-24'])
    expect([...learned.factors]).toEqual([
      ['discussion', 2],
      ['roi', 1.75],
    ])
  })

  it('only the last 4 presented meetings before the one planned; a segment without planned minutes (or planned 0) is not compared', () => {
    const log = [
      held('2026-10-20', { roi: 8 }, { roi: 2 }), // fifth from last: not counted
      held('2026-10-27', { roi: 3 }, { roi: 2 }),
      held('2026-11-03', { roi: 3, 'key-points': 20 }, { roi: 2 }), // key points has no planned minutes
      held('2026-11-10'), // held, not presented: not one of the four
      held('2026-11-17', { roi: 3, opening: 4 }, { roi: 2, opening: 0 }),
      held('2026-11-24', { roi: 3 }, { roi: 2 }),
      held('2026-12-08', { roi: 20 }, { roi: 2 }), // the meeting planned itself
      held('2026-12-15', { roi: 20 }, { roi: 2 }), // later
    ]
    const learned = learnFromMeetings(log, '2026-12-08')
    expect(learned.dates).toEqual(['2026-10-27', '2026-11-03', '2026-11-17', '2026-11-24'])
    expect(learned.meetings).toBe(4)
    expect([...learned.factors]).toEqual([['roi', 1.5]])
  })
})
