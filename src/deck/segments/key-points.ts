// Owns the key points: one statement slide per point of the topic.
import type { SegmentDefinition } from './types.js'

export const keyPoints: SegmentDefinition = {
  spec: { id: 'key-points', title: 'Key points', min: 5, max: 18, weight: 4, fillHint: 'add keyPoints to the topic file' },
  isEmpty: ({ topic }) => topic.keyPoints.length === 0,
  slides: ({ topic, title }) => ({
    slides: topic.keyPoints.map((point) => ({ kind: 'statement' as const, segment: 'key-points' as const, kicker: title, title: point.title, lead: point.detail, notes: [point.notes] })),
  }),
}
