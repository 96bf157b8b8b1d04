// Owns the fixed shape of a briefing: ten segments in meeting order, each with
// the minutes it may take and its share (weight) of any spare time.

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
}

export const SEGMENTS: readonly SegmentSpec[] = [
  { id: 'opening', title: 'Opening', min: 1, max: 3, weight: 1, fillHint: '' },
  // An account slide is a minute and a half of talk; a deck where every account
  // failed (one shared table) should not hold the room for ten minutes.
  { id: 'here-and-now', title: 'Here and now: our accounts live', min: 3, max: 10, weight: 3, fillHint: 'showtell snapshot', minutesPerSlide: 1.5 },
  { id: 'loss-of-control', title: 'Loss of control: accounts we do not run', min: 2, max: 6, weight: 2, fillHint: 'showtell audit' },
  { id: 'key-points', title: 'Key points', min: 5, max: 18, weight: 4, fillHint: 'add keyPoints to the topic file' },
  { id: 'case-studies', title: 'Case studies', min: 3, max: 10, weight: 3, fillHint: 'add caseStudies to the topic file' },
  { id: 'worst-cases', title: 'Worst cases and mitigations', min: 3, max: 10, weight: 3, fillHint: 'add worstCases to the topic file' },
  { id: 'exercise', title: 'Hands-on exercise', min: 5, max: 15, weight: 3, fillHint: 'add an exercise to the topic file' },
  { id: 'discussion', title: 'Discussion and decisions', min: 4, max: 10, weight: 3, fillHint: 'add questions and actions to the topic file' },
  { id: 'roi', title: 'ROI: what changed', min: 2, max: 6, weight: 2, fillHint: 'showtell snapshot' },
  { id: 'next-meeting', title: 'Next meeting', min: 1, max: 2, weight: 1, fillHint: '' },
]

/** Minutes an empty segment keeps for its one placeholder slide. */
export const PLACEHOLDER_MINUTES = 1
