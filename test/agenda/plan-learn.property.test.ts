// Property tests of the learning planner (planAgenda with `learned` factors,
// agenda.learn): over random durations (30–60), empty segments, here-and-now
// slide counts and learned factors (including below 1 and above the cap of
// 2), the minutes still sum to the duration, every segment stays within its
// bounds, and a segment that ran over (factor > 1) never gets fewer minutes
// than the same plan without learning. The bounds are hand-copied from the
// product rules, as in plan.test.ts, not read from the code under test.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planAgenda, type AgendaPlan, type PlanOptions } from '../../src/agenda/plan.js'
import type { SegmentId } from '../../src/agenda/segments.js'

const ORDER: readonly SegmentId[] = ['opening', 'here-and-now', 'loss-of-control', 'key-points', 'case-studies', 'worst-cases', 'exercise', 'discussion', 'roi', 'next-meeting']
// [min, max] per segment (segments.ts); an empty segment is [1, 1]; the here-and-now with n slides takes at most ceil(1.5 n), at least 1.
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
const ALWAYS_SHOWN: readonly SegmentId[] = ['opening', 'next-meeting']

function boundsOf(id: SegmentId, options: PlanOptions): readonly [number, number] {
  if (options.empty?.has(id) && !ALWAYS_SHOWN.includes(id)) return [1, 1]
  const [min, max] = BOUNDS[id]
  const slides = options.slides?.get(id)
  if (id !== 'here-and-now' || slides === undefined) return [min, max]
  const cap = Math.min(max, Math.max(1, Math.ceil(slides * 1.5)))
  return [Math.min(min, cap), cap]
}

const minutesOf = (plan: AgendaPlan, id: SegmentId) => plan.segments.find((s) => s.id === id)!.minutes

/** A cheap assertion for the inner loops; fast-check reports the throw with the counterexample. */
function ok(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

const factorArb = fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.constantFrom(1, 2, 0.5, 1.0001, Number.NaN))
const inputArb: fc.Arbitrary<PlanOptions> = fc
  .record({
    duration: fc.integer({ min: 30, max: 60 }),
    empty: fc.subarray([...ORDER]),
    slides: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    learned: fc.dictionary(fc.constantFrom(...ORDER), factorArb, { maxKeys: 10 }),
  })
  .map(({ duration, empty, slides, learned }) => ({
    duration,
    empty: new Set(empty),
    ...(slides === undefined ? {} : { slides: new Map<SegmentId, number>([['here-and-now', slides]]) }),
    learned: new Map(Object.entries(learned) as [SegmentId, number][]),
  }))
// Weight factors as the planner uses them: above 1 learns, capped at 2.
const ranOver = (options: PlanOptions, id: SegmentId) => (options.learned?.get(id) ?? 1) > 1

describe('planAgenda with learned factors (agenda.learn)', () => {
  it('the minutes sum to the duration and every segment stays within its bounds (the discussion takes only what nothing else can)', () => {
    fc.assert(
      fc.property(inputArb, (options) => {
        const plan = planAgenda(options)
        const sum = plan.segments.reduce((a, s) => a + s.minutes, 0)
        ok(sum === options.duration, `sum ${sum} ≠ ${options.duration}`)
        ok(plan.segments.map((s) => s.id).join() === ORDER.join(), 'order')
        const over = plan.segments.filter((s) => s.minutes > boundsOf(s.id, options)[1])
        for (const segment of plan.segments) {
          const [min, max] = boundsOf(segment.id, options)
          ok(Number.isInteger(segment.minutes), `${segment.id}: ${segment.minutes} is not whole`)
          ok(segment.minutes >= min, `${segment.id}: ${segment.minutes} < min ${min}`)
          if (segment.minutes > max) {
            // Only a thin topic stretches, and only the discussion: every other segment is at its max.
            ok(segment.id === 'discussion' || (options.empty?.has('discussion') ?? false), `${segment.id} stretched to ${segment.minutes} > ${max}`)
            for (const other of plan.segments) if (other.id !== segment.id) ok(other.minutes === boundsOf(other.id, options)[1], `${segment.id} stretched while ${other.id} is below its max`)
          }
        }
        ok(over.length <= 1, `${over.length} segments over their max`)
      }),
      { numRuns: 3000 },
    )
  })

  it('a segment that ran over (factor > 1) never gets fewer minutes than without learning', () => {
    fc.assert(
      fc.property(inputArb, (options) => {
        const learned = planAgenda(options)
        const plain = planAgenda({ ...options, learned: new Map() })
        for (const id of ORDER) {
          if (ranOver(options, id)) ok(minutesOf(learned, id) >= minutesOf(plain, id), `${id}: ${minutesOf(learned, id)} < ${minutesOf(plain, id)} without learning`)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('raising one segment’s factor never gives it fewer minutes (the rest unchanged)', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...ORDER), fc.double({ min: 0, max: 1, noNaN: true }), (options, id, raise) => {
        const before = options.learned?.get(id)
        const base = before !== undefined && before > 0 ? before : 1
        const higher = new Map(options.learned)
        higher.set(id, base + raise)
        const a = minutesOf(planAgenda(options), id)
        const b = minutesOf(planAgenda({ ...options, learned: higher }), id)
        ok(b >= a, `${id}: factor ${base} → ${base + raise} took it from ${a} to ${b} minutes`)
      }),
      { numRuns: 3000 },
    )
  })

  it('with the same factors, a longer meeting never shortens a segment', () => {
    fc.assert(
      fc.property(inputArb.filter((o) => o.duration < 60), (options) => {
        const shorter = planAgenda(options)
        const longer = planAgenda({ ...options, duration: options.duration + 1 })
        for (const id of ORDER) ok(minutesOf(longer, id) >= minutesOf(shorter, id), `${id}: ${minutesOf(shorter, id)} at ${options.duration} min, ${minutesOf(longer, id)} at ${options.duration + 1}`)
      }),
      { numRuns: 3000 },
    )
  })

  it('a factor above 2 counts as 2 (bounded: twice its share of spare time at most)', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...ORDER), fc.double({ min: 2, max: 50, noNaN: true }), (options, id, factor) => {
        const at = (f: number) => JSON.stringify(planAgenda({ ...options, learned: new Map(options.learned).set(id, f) }))
        ok(at(factor) === at(2), `${id}: factor ${factor} plans differently from 2`)
      }),
      { numRuns: 3000 },
    )
  })

  it('factors of 1 or below (ran on time or under) change nothing: the plan without learning', () => {
    fc.assert(
      fc.property(inputArb, (options) => {
        const under = new Map([...(options.learned ?? new Map<SegmentId, number>())].map(([id, f]) => [id, Number.isNaN(f) ? f : Math.min(f, 1)] as [SegmentId, number]))
        const plan = planAgenda({ ...options, learned: under })
        const plain = planAgenda({ ...options, learned: undefined })
        ok(JSON.stringify(plan) === JSON.stringify(plain), 'a factor ≤ 1 changed the plan')
      }),
      { numRuns: 1000 },
    )
  })

  it('45 minutes, worst cases ran over twice its plan: worked out by hand', () => {
    // Without learning: [2, 6, 4, 8, 6, 5, 5, 5, 3, 1] (plan-slides.test.ts).
    // With factor 2 on the worst cases: they start from their 5 minutes, the
    // rest from their minimum: [1, 3, 2, 5, 3, 5, 5, 4, 2, 1] = 31, 14 left.
    // Weights [1, 3, 2, 4, 3, 3×2, 3, 3, 2, 1]; each minute goes to the
    // lowest (minutes + 1) / weight, ties to the earlier segment:
    // wc 6/6, wc 7/6, hnn 4/3 (tie with cs and wc 8/6), cs 4/3, wc 8/6,
    // loc 3/2 (tie kp, wc, roi), kp 6/4, wc 9/6, roi 3/2, hnn 5/3 (tie cs, wc, disc),
    // cs 5/3, wc 10/6 (now at its max 10), disc 5/3, kp 7/4.
    const plan = planAgenda({ duration: 45, learned: new Map([['worst-cases', 2]]) })
    expect(plan.segments.map((s) => s.minutes)).toEqual([1, 5, 3, 7, 5, 10, 5, 5, 3, 1])
    // A factor above the cap counts as 2.
    expect(planAgenda({ duration: 45, learned: new Map([['worst-cases', 7]]) }).segments.map((s) => s.minutes)).toEqual([1, 5, 3, 7, 5, 10, 5, 5, 3, 1])
  })
})
