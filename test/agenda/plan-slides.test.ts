// The here-and-now's minutes follow its slide count: with few slides (every
// account failed: one shared table) it gives its time away to where spare time
// goes; with many it keeps its budget. Agendas are written out by hand.
import { describe, expect, it } from 'vitest'
import { planAgenda, type AgendaPlan } from '../../src/agenda/plan.js'
import type { SegmentId } from '../../src/agenda/segments.js'

const ORDER: readonly SegmentId[] = ['opening', 'here-and-now', 'loss-of-control', 'key-points', 'case-studies', 'worst-cases', 'exercise', 'discussion', 'roi', 'next-meeting']
const minutes = (plan: AgendaPlan) => plan.segments.map((s) => s.minutes)
const slides = (n: number) => new Map<SegmentId, number>([['here-and-now', n]])

// Hand-copied from segments.ts: [min, max] per segment; here-and-now takes at most 1.5 minutes a slide.
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
// ceil(n × 1.5), at least 1: n = 1 → 2, 2 → 3, 3 → 5, 4 → 6, 6 → 9, 7+ → 10 (its usual max).
const HERE_AND_NOW_CAP = [1, 2, 3, 5, 6, 8, 9, 10, 10, 10, 10, 10, 10]

describe('planAgenda: the here-and-now follows its slide count', () => {
  it('45 minutes, here-and-now with many slides: the usual agenda', () => {
    expect(minutes(planAgenda({ duration: 45 }))).toEqual([2, 6, 4, 8, 6, 5, 5, 5, 3, 1])
    expect(minutes(planAgenda({ duration: 45, slides: slides(8) }))).toEqual([2, 6, 4, 8, 6, 5, 5, 5, 3, 1])
    expect(minutes(planAgenda({ duration: 45, slides: slides(4) }))).toEqual([2, 6, 4, 8, 6, 5, 5, 5, 3, 1])
  })

  it('45 minutes, two slides (what to look for, and the table of accounts not read): 3 minutes, the other 3 go to worst cases, the exercise and the discussion', () => {
    const plan = planAgenda({ duration: 45, slides: slides(2) })
    expect(minutes(plan)).toEqual([2, 3, 4, 8, 6, 6, 6, 6, 3, 1])
    expect(plan.segments.every((s) => !s.stretched)).toBe(true)
  })

  it('45 minutes, one slide: below the usual minimum, 2 minutes; the ROI takes the next spare one', () => {
    expect(minutes(planAgenda({ duration: 45, slides: slides(1) }))).toEqual([2, 2, 4, 8, 6, 6, 6, 6, 4, 1])
  })

  it('ignores slide counts for segments whose minutes do not follow their slides', () => {
    const counts = new Map<SegmentId, number>([['roi', 1], ['key-points', 1]])
    expect(minutes(planAgenda({ duration: 45, slides: counts }))).toEqual([2, 6, 4, 8, 6, 5, 5, 5, 3, 1])
  })

  it('a thin topic with a one-slide here-and-now: the discussion absorbs what no segment can take', () => {
    const empty = new Set<SegmentId>(['loss-of-control', 'key-points', 'case-studies', 'worst-cases', 'roi'])
    const plan = planAgenda({ duration: 60, empty, slides: slides(1) })
    // opening 3, here-and-now 2, five placeholders of 1, exercise 15, next 2: 27; the discussion's 10 + the 23 left.
    expect(minutes(plan)).toEqual([3, 2, 1, 1, 1, 1, 15, 33, 1, 2])
    expect(plan.segments.find((s) => s.id === 'discussion')!.stretched).toBe(true)
  })

  const DURATIONS = [30, 31, 37, 44, 45, 46, 52, 59, 60]
  const EMPTIES: readonly (readonly SegmentId[])[] = [[], ['roi'], ['loss-of-control', 'roi'], ['key-points', 'case-studies', 'worst-cases', 'discussion']]
  it.each(DURATIONS)('%i minutes: for 1 to 12 slides and several empty sets, minutes add up and every segment is within its bounds', (duration) => {
    for (const emptyList of EMPTIES) {
      const empty = new Set(emptyList)
      let before = Infinity
      for (let n = 1; n <= 12; n++) {
        const plan = planAgenda({ duration, empty, slides: slides(n) })
        expect(plan.segments.map((s) => s.id)).toEqual(ORDER)
        expect(plan.segments.reduce((sum, s) => sum + s.minutes, 0), `${duration} min, ${n} slides`).toBe(duration)
        for (const s of plan.segments) {
          let [min, max] = empty.has(s.id) ? [1, 1] : BOUNDS[s.id]
          if (s.id === 'here-and-now') [min, max] = [Math.min(3, HERE_AND_NOW_CAP[n]!), HERE_AND_NOW_CAP[n]!]
          expect(s.minutes, `${s.id}, ${duration} min, ${n} slides`).toBeGreaterThanOrEqual(min)
          // Only the segment that absorbs what no other can take goes past its maximum, flagged as stretched:
          // the discussion, or the opening when the discussion is empty.
          const sink: SegmentId = empty.has('discussion') ? 'opening' : 'discussion'
          if (s.id !== sink) expect(s.minutes, `${s.id}, ${duration} min, ${n} slides`).toBeLessThanOrEqual(max)
          expect(s.stretched, `${s.id}, ${duration} min, ${n} slides`).toBe(s.minutes > BOUNDS[s.id][1])
        }
        // More slides never give the here-and-now fewer minutes (and fewer never more).
        const here = plan.segments[1]!.minutes
        if (n > 1) expect(here, `${duration} min, ${n} slides`).toBeGreaterThanOrEqual(before)
        before = here
      }
    }
  })
})
