// Owns the fixed shape of a briefing: ten segment ids in meeting order, and
// the shape of a segment's planning spec (the minutes it may take, its share
// of spare time). Each segment's own spec is in its definition,
// src/deck/segments/<id>.ts; SEGMENTS there lists them in this order.

export const SEGMENT_IDS = [
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
] as const
export type SegmentId = (typeof SEGMENT_IDS)[number]

export interface SegmentSpec {
  readonly id: SegmentId
  readonly title: string
  readonly min: number
  readonly max: number
  readonly weight: number
  /** What the presenter runs to give an empty segment its material. */
  readonly fillHint: string
  /**
   * When set, the segment's minutes follow its slide count: it takes at most
   * this many minutes per slide (rounded up), so a segment with little to
   * show gives its time away (see planAgenda).
   */
  readonly minutesPerSlide?: number
  /** Never a placeholder: the segment always has something to show (the opening, the next meeting). */
  readonly alwaysShown?: boolean
  /** Takes the minutes no segment can within its maximum, when a thin topic leaves some over (the discussion). */
  readonly takesSpareTime?: boolean
}

/** Minutes an empty segment keeps for its one placeholder slide. */
export const PLACEHOLDER_MINUTES = 1
