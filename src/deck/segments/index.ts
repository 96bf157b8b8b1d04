// Owns the list of segments: each id of the briefing (agenda/segments.ts
// SEGMENT_IDS, in meeting order) with its definition, one file each. A new
// segment is its file, its id, and its title in each catalogue (messages/).
import type { SegmentId, SegmentSpec } from '../../agenda/segments.js'
import { SEGMENT_IDS } from '../../agenda/segments.js'
import { caseStudies } from './case-studies.js'
import { discussion } from './discussion.js'
import { exercise } from './exercise.js'
import { hereAndNow } from './here-and-now.js'
import { keyPoints } from './key-points.js'
import { lossOfControl } from './loss-of-control.js'
import { nextMeeting } from './next-meeting.js'
import { opening } from './opening.js'
import { roi } from './roi.js'
import type { SegmentDefinition } from './types.js'
import { worstCases } from './worst-cases.js'

export type { SegmentContext, SegmentDefinition, SegmentMaterial, SegmentSlides } from './types.js'

/** Every segment's definition by id: the type makes a missing one a compile error. */
export const SEGMENT_DEFINITIONS: Readonly<Record<SegmentId, SegmentDefinition>> = {
  opening,
  'here-and-now': hereAndNow,
  'loss-of-control': lossOfControl,
  'key-points': keyPoints,
  'case-studies': caseStudies,
  'worst-cases': worstCases,
  exercise,
  discussion,
  roi,
  'next-meeting': nextMeeting,
}

/** The planner's specs, in meeting order. */
export const SEGMENTS: readonly SegmentSpec[] = SEGMENT_IDS.map((id) => SEGMENT_DEFINITIONS[id].spec)
