// Owns fitting the ten segments to the meeting's duration. Pure: same input,
// same plan. Minutes are whole numbers that add up exactly to the duration.
// Each segment stays within its bounds (segmentBounds: its min and max, one
// minute when empty, fewer when its minutes follow a short slide count),
// except the discussion, which absorbs what no segment can take.
//
// Learning (agenda.learn, the factors from learn.ts): a segment with a factor
// above 1 (it ran over in the team's last meetings) first keeps the minutes it
// gets without learning, then takes the spare minutes left with its weight
// multiplied by its factor (clamped to 1–2), always within its bounds. So a
// segment that ran over never gets less time than without learning; the
// minutes it gains come from the spare time of the others, never below their
// minimum. Without factors the plan is exactly the plan without learning.
import { UserError } from '../errors.js'
import { DURATION } from '../workspace/config-values.js'
import { SEGMENTS } from '../deck/segments/index.js'
import { PLACEHOLDER_MINUTES, type SegmentId, type SegmentSpec } from './segments.js'

export interface PlannedSegment {
  readonly id: SegmentId
  readonly title: string
  readonly minutes: number
  /** True when the segment has no material and shows one placeholder slide. */
  readonly placeholder: boolean
  readonly fillHint: string
  /** True when a thin topic forced this segment past its usual maximum. */
  readonly stretched: boolean
}

export interface AgendaPlan {
  readonly duration: number
  readonly segments: readonly PlannedSegment[]
}

export interface PlanOptions {
  /** Meeting length in minutes, 30–60. */
  readonly duration: number
  /** Segments with no material: they shrink to a one-minute placeholder. */
  readonly empty?: ReadonlySet<SegmentId>
  /** @default SEGMENTS */
  readonly segments?: readonly SegmentSpec[]
  /** How many slides a segment's material makes, where known before planning (see SegmentSpec.minutesPerSlide). */
  readonly slides?: ReadonlyMap<SegmentId, number>
  /** Weight factors learned from the meeting log (learn.ts): above 1 for a segment that ran over; clamped to 1–2. */
  readonly learned?: ReadonlyMap<SegmentId, number>
}

/** A learned factor as the planner uses it: 1 (no learning) to 2; anything else (NaN, below 1) counts as 1. */
export function learnedFactor(learned: ReadonlyMap<SegmentId, number> | undefined, id: SegmentId): number {
  const factor = learned?.get(id)
  return factor !== undefined && factor > 1 ? Math.min(factor, 2) : 1
}

/**
 * The minutes a segment may take. An empty segment keeps one minute for its
 * placeholder. A segment whose minutes follow its slides (`minutesPerSlide`),
 * with a known slide count, takes at most count × minutesPerSlide, rounded up
 * and at least one minute; its minimum drops to that when it is lower. With
 * many slides the cap is above the usual maximum and changes nothing. The
 * minutes it gives up are spare time like any other: handed out by weight,
 * then absorbed by the discussion.
 */
export function segmentBounds(spec: SegmentSpec, empty: boolean, slides: number | undefined): { readonly min: number; readonly max: number } {
  if (empty) return { min: PLACEHOLDER_MINUTES, max: PLACEHOLDER_MINUTES }
  if (spec.minutesPerSlide === undefined || slides === undefined) return { min: spec.min, max: spec.max }
  const max = Math.min(spec.max, Math.max(PLACEHOLDER_MINUTES, Math.ceil(slides * spec.minutesPerSlide)))
  return { min: Math.min(spec.min, max), max }
}

export function planAgenda(options: PlanOptions): AgendaPlan {
  const { duration, empty = new Set(), segments = SEGMENTS, slides = new Map(), learned } = options
  if (!Number.isInteger(duration) || duration < DURATION.min || duration > DURATION.max) {
    throw new UserError(`duration ${duration} is outside ${DURATION.min}–${DURATION.max} minutes`, {
      location: { field: '--duration' },
      hint: `pick a whole number of minutes from ${DURATION.min} to ${DURATION.max}`,
    })
  }
  // A segment that is always shown (the opening, the next meeting) is never a placeholder.
  const isEmpty = (spec: SegmentSpec) => empty.has(spec.id) && !spec.alwaysShown
  const bounds = segments.map((spec) => segmentBounds(spec, isEmpty(spec), slides.get(spec.id)))
  const factors = segments.map((spec) => learnedFactor(learned, spec.id))
  // A segment that ran over starts from its minutes without learning (never fewer); the rest from their minimum.
  const unlearned = factors.some((f) => f > 1) ? planAgenda({ ...options, learned: undefined }).segments : undefined
  const minutes = bounds.map((b, i) => (unlearned && factors[i]! > 1 ? Math.max(b.min, Math.min(b.max, unlearned[i]!.minutes)) : b.min))
  let left = duration - minutes.reduce((a, b) => a + b, 0)
  if (left < 0) throw new Error(`segment minimums exceed ${duration} minutes`)

  // Hand out the spare minutes one at a time to the segment that is furthest
  // below its weighted share (a divisor method): proportional, bounded, and
  // monotone, so a longer meeting never shortens a segment. Ties go to the
  // earlier segment.
  while (left > 0) {
    let best = -1
    let bestScore = Infinity
    segments.forEach((spec, i) => {
      if (minutes[i]! >= bounds[i]!.max) return
      const score = (minutes[i]! + 1) / (spec.weight * factors[i]!)
      if (score < bestScore) {
        bestScore = score
        best = i
      }
    })
    if (best === -1) break
    minutes[best]! += 1
    left -= 1
  }
  // A topic with little material cannot fill a long meeting within the usual
  // maxima; the segment that takes spare time (the discussion) absorbs the
  // rest rather than failing the build.
  const stretchedIndex = left > 0 ? segments.findIndex((spec) => spec.takesSpareTime === true && !isEmpty(spec)) : -1
  if (left > 0) {
    const sink = stretchedIndex >= 0 ? stretchedIndex : segments.findIndex((spec) => !isEmpty(spec))
    minutes[sink]! += left
  }

  return {
    duration,
    segments: segments.map((spec, i) => ({
      id: spec.id,
      title: spec.title,
      minutes: minutes[i]!,
      placeholder: isEmpty(spec),
      fillHint: spec.fillHint,
      stretched: minutes[i]! > spec.max,
    })),
  }
}

/**
 * Splits a segment's minutes over its slides in whole seconds, so the slide
 * budgets add up exactly to the segment budget. Earlier slides get the spare
 * seconds.
 */
export function slideBudgets(minutes: number, slideCount: number): number[] {
  if (slideCount <= 0) return []
  const total = minutes * 60
  const base = Math.floor(total / slideCount)
  const extra = total - base * slideCount
  return Array.from({ length: slideCount }, (_, i) => base + (i < extra ? 1 : 0))
}

/** 144 → "2:24" */
export function formatSeconds(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return `${m}:${String(s).padStart(2, '0')}`
}
