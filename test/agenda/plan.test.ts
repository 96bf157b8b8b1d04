// Unit tests for the agenda planner: fitting the ten segments to a 30–60
// minute meeting, splitting a segment's minutes over its slides, and the
// m:ss format used in the speaker notes.
import { describe, expect, it } from 'vitest'
import { formatSeconds, planAgenda, slideBudgets, type AgendaPlan } from '../../src/agenda/plan.js'
import type { SegmentId } from '../../src/agenda/segments.js'
import { SEGMENTS } from '../../src/deck/segments/index.js'
import { UserError } from '../../src/errors.js'

const DURATIONS = Array.from({ length: 31 }, (_, i) => 30 + i) // 30..60

const ORDER: readonly SegmentId[] = [
  'opening',
  'here-and-now',
  'loss-of-control',
  'key-points',
  'case-studies',
  'worst-cases',
  'exercise',
  'discussion',
  'roi',
  'next-meeting',
]

// Hand-copied from the product rules (segments.ts): [min, max] per segment.
const BOUNDS: Record<SegmentId, readonly [number, number]> = {
  opening: [1, 3],
  'here-and-now': [3, 10],
  'loss-of-control': [2, 6],
  'key-points': [5, 18],
  'case-studies': [3, 10],
  'worst-cases': [3, 10],
  exercise: [5, 15],
  discussion: [4, 10],
  roi: [2, 6],
  'next-meeting': [1, 2],
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
const total = (plan: AgendaPlan) => sum(plan.segments.map((s) => s.minutes))
const minutesOf = (plan: AgendaPlan, id: SegmentId) => {
  const segment = plan.segments.find((s) => s.id === id)
  if (!segment) throw new Error(`segment ${id} missing from the plan`)
  return segment.minutes
}

describe('SEGMENTS (the fixed shape of a briefing)', () => {
  it('lists the ten segments in meeting order with the documented bounds', () => {
    expect(SEGMENTS.map((s) => s.id)).toEqual(ORDER)
    for (const spec of SEGMENTS) {
      expect([spec.min, spec.max], spec.id).toEqual(BOUNDS[spec.id])
      expect(spec.weight, spec.id).toBeGreaterThan(0)
    }
  })
})

describe('planAgenda without empty segments', () => {
  it.each(DURATIONS)('%i minutes: minutes add up exactly and every segment is within its bounds', (duration) => {
    const plan = planAgenda({ duration })
    expect(plan.duration).toBe(duration)
    expect(total(plan)).toBe(duration)
    for (const segment of plan.segments) {
      const [min, max] = BOUNDS[segment.id]
      expect(Number.isInteger(segment.minutes), segment.id).toBe(true)
      expect(segment.minutes, segment.id).toBeGreaterThanOrEqual(min)
      expect(segment.minutes, segment.id).toBeLessThanOrEqual(max)
      expect(segment.placeholder, segment.id).toBe(false)
      expect(segment.stretched, segment.id).toBe(false)
    }
  })

  it.each(DURATIONS)('%i minutes: the segments come in the fixed meeting order', (duration) => {
    expect(planAgenda({ duration }).segments.map((s) => s.id)).toEqual(ORDER)
  })

  it('carries each segment title and fill hint from the segment list', () => {
    const plan = planAgenda({ duration: 45 })
    expect(plan.segments.find((s) => s.id === 'opening')?.title).toBe('Opening')
    expect(plan.segments.find((s) => s.id === 'next-meeting')?.title).toBe('Next meeting')
    expect(plan.segments.find((s) => s.id === 'here-and-now')?.fillHint).toBe('showtell snapshot')
    expect(plan.segments.find((s) => s.id === 'loss-of-control')?.fillHint).toBe('showtell audit')
  })

  it('at 30 minutes (the minimums add up to 29) exactly one segment gets one minute above its minimum', () => {
    const plan = planAgenda({ duration: 30 })
    const above = plan.segments.filter((s) => s.minutes > BOUNDS[s.id][0])
    expect(above).toHaveLength(1)
    expect(above[0]!.minutes).toBe(BOUNDS[above[0]!.id][0] + 1)
  })

  it('is monotonic: one more minute of meeting never shortens any segment', () => {
    for (let d = 30; d < 60; d++) {
      const shorter = planAgenda({ duration: d })
      const longer = planAgenda({ duration: d + 1 })
      for (const id of ORDER) {
        expect(minutesOf(longer, id), `${id} at ${d + 1} vs ${d}`).toBeGreaterThanOrEqual(minutesOf(shorter, id))
      }
      // …and exactly one segment gained the extra minute.
      const gained = ORDER.filter((id) => minutesOf(longer, id) !== minutesOf(shorter, id))
      expect(gained, `between ${d} and ${d + 1}`).toHaveLength(1)
    }
  })

  it('gives the heaviest segment (key points) the most time in a long meeting', () => {
    const plan = planAgenda({ duration: 60 })
    const keyPoints = minutesOf(plan, 'key-points')
    for (const id of ORDER) if (id !== 'key-points') expect(keyPoints, id).toBeGreaterThan(minutesOf(plan, id))
  })

  it('does not depend on the order in which the empty segments are listed', () => {
    const forward = planAgenda({ duration: 41, empty: new Set<SegmentId>(['roi', 'here-and-now', 'case-studies']) })
    const backward = planAgenda({ duration: 41, empty: new Set<SegmentId>(['case-studies', 'here-and-now', 'roi']) })
    expect(backward).toEqual(forward)
    expect(forward.segments.filter((s) => s.placeholder).map((s) => s.id).sort()).toEqual(['case-studies', 'here-and-now', 'roi'])
  })
})

describe('planAgenda with empty segments', () => {
  const LIVE_EMPTY: readonly SegmentId[] = ['here-and-now', 'loss-of-control', 'roi']
  const THIN_EMPTY: readonly SegmentId[] = [...LIVE_EMPTY, 'case-studies', 'worst-cases']

  describe.each([
    { name: 'here-and-now, loss-of-control, roi', empties: LIVE_EMPTY },
    { name: 'those plus case-studies and worst-cases', empties: THIN_EMPTY },
    { name: 'key-points only', empties: ['key-points'] as SegmentId[] },
  ])('empty: $name', ({ empties }) => {
    const empty = new Set<SegmentId>(empties)

    it.each(DURATIONS)('%i minutes: empties get a one-minute placeholder and the sum still matches', (duration) => {
      const plan = planAgenda({ duration, empty })
      expect(total(plan)).toBe(duration)
      expect(plan.segments.map((s) => s.id)).toEqual(ORDER)
      for (const segment of plan.segments) {
        if (empty.has(segment.id)) {
          expect(segment.minutes, segment.id).toBe(1)
          expect(segment.placeholder, segment.id).toBe(true)
          expect(segment.stretched, segment.id).toBe(false)
        } else {
          expect(segment.placeholder, segment.id).toBe(false)
          expect(segment.minutes, segment.id).toBeGreaterThanOrEqual(BOUNDS[segment.id][0])
        }
      }
    })

    it.each(DURATIONS)('%i minutes: non-empty segments stay within their maximum whenever the maxima allow it', (duration) => {
      const capacity = sum(ORDER.map((id) => (empty.has(id) ? 1 : BOUNDS[id][1])))
      const plan = planAgenda({ duration, empty })
      if (capacity >= duration) {
        for (const segment of plan.segments) {
          expect(segment.minutes, segment.id).toBeLessThanOrEqual(empty.has(segment.id) ? 1 : BOUNDS[segment.id][1])
          expect(segment.stretched, segment.id).toBe(false)
        }
      } else {
        // Too little material for the meeting: every other segment is full and
        // the discussion absorbs the rest, flagged as stretched.
        for (const segment of plan.segments) {
          if (empty.has(segment.id)) continue
          if (segment.id === 'discussion') {
            expect(segment.minutes).toBe(BOUNDS.discussion[1] + (duration - capacity))
            expect(segment.stretched).toBe(true)
          } else {
            expect(segment.minutes, segment.id).toBe(BOUNDS[segment.id][1])
            expect(segment.stretched, segment.id).toBe(false)
          }
        }
      }
    })

    it.each(DURATIONS)('%i minutes: the freed time goes to the segments that have material', (duration) => {
      const full = planAgenda({ duration })
      const thin = planAgenda({ duration, empty })
      const kept = ORDER.filter((id) => !empty.has(id))
      const keptFull = sum(kept.map((id) => minutesOf(full, id)))
      const keptThin = sum(kept.map((id) => minutesOf(thin, id)))
      expect(keptThin).toBeGreaterThan(keptFull)
      // Exactly the minutes the empties gave up.
      const freed = sum([...empty].map((id) => minutesOf(full, id) - 1))
      expect(keptThin - keptFull).toBe(freed)
      // No segment with material loses time because others are empty.
      for (const id of kept) expect(minutesOf(thin, id), id).toBeGreaterThanOrEqual(minutesOf(full, id))
    })

    it('is monotonic in the duration', () => {
      for (let d = 30; d < 60; d++) {
        const shorter = planAgenda({ duration: d, empty })
        const longer = planAgenda({ duration: d + 1, empty })
        for (const id of ORDER) expect(minutesOf(longer, id), `${id} at ${d + 1}`).toBeGreaterThanOrEqual(minutesOf(shorter, id))
      }
    })
  })

  it('a thin topic (five empty segments) fills 53 minutes within the maxima and stretches the discussion beyond that', () => {
    const empty = new Set<SegmentId>(THIN_EMPTY)
    // Capacity: opening 3 + key points 18 + exercise 15 + discussion 10 + next 2 + five placeholders = 53.
    const at53 = planAgenda({ duration: 53, empty })
    expect(at53.segments.map((s) => s.minutes)).toEqual([3, 1, 1, 18, 1, 1, 15, 10, 1, 2])
    expect(at53.segments.some((s) => s.stretched)).toBe(false)

    expect(minutesOf(planAgenda({ duration: 54, empty }), 'discussion')).toBe(11)
    const at60 = planAgenda({ duration: 60, empty })
    expect(at60.segments.map((s) => s.minutes)).toEqual([3, 1, 1, 18, 1, 1, 15, 17, 1, 2])
    expect(at60.segments.filter((s) => s.stretched).map((s) => s.id)).toEqual(['discussion'])
  })

  it('never treats the opening or the next-meeting slide as empty', () => {
    const plan = planAgenda({ duration: 45, empty: new Set<SegmentId>(['opening', 'next-meeting']) })
    expect(total(plan)).toBe(45)
    for (const id of ['opening', 'next-meeting'] as const) {
      const segment = plan.segments.find((s) => s.id === id)!
      expect(segment.placeholder, id).toBe(false)
      expect(segment.minutes, id).toBeGreaterThanOrEqual(BOUNDS[id][0])
      expect(segment.minutes, id).toBeLessThanOrEqual(BOUNDS[id][1])
    }
  })
})

describe('planAgenda rejects a duration outside 30–60 whole minutes', () => {
  it.each([29, 61, 45.5, Number.NaN, 0, -45, Number.POSITIVE_INFINITY])('duration %s', (duration) => {
    let caught: unknown
    try {
      planAgenda({ duration })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(UserError)
    const error = caught as UserError
    expect(error.message).toMatch(/30\s*[–-]\s*60/)
    expect(error.location.field).toBe('--duration')
    expect(error.exitCode).toBe(2)
  })

  it('accepts both ends of the range', () => {
    for (const duration of [30, 60]) {
      const plan = planAgenda({ duration })
      expect(plan.duration).toBe(duration)
      expect(plan.segments.reduce((sum, s) => sum + s.minutes, 0)).toBe(duration)
    }
  })
})

describe('slideBudgets', () => {
  it('splits a segment into whole seconds that add up exactly and differ by at most one second', () => {
    for (let minutes = 1; minutes <= 20; minutes++) {
      for (let n = 1; n <= 25; n++) {
        const budgets = slideBudgets(minutes, n)
        const label = `${minutes} min over ${n} slides`
        expect(budgets, label).toHaveLength(n)
        expect(sum(budgets), label).toBe(minutes * 60)
        for (const b of budgets) expect(Number.isInteger(b), label).toBe(true)
        expect(Math.max(...budgets) - Math.min(...budgets), label).toBeLessThanOrEqual(1)
      }
    }
  })

  it('gives the spare seconds to the earlier slides', () => {
    // 60 s over 7 slides: 8 s each, 4 s left over.
    expect(slideBudgets(1, 7)).toEqual([9, 9, 9, 9, 8, 8, 8])
    expect(slideBudgets(3, 4)).toEqual([45, 45, 45, 45])
    expect(slideBudgets(2, 1)).toEqual([120])
  })

  it('returns no budgets for no slides', () => {
    expect(slideBudgets(5, 0)).toEqual([])
  })
})

describe('formatSeconds', () => {
  it.each([
    [144, '2:24'],
    [60, '1:00'],
    [5, '0:05'],
    [0, '0:00'],
    [59, '0:59'],
    [600, '10:00'],
    [3599, '59:59'],
  ])('%i s → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text)
  })
})
