// Owns the case studies: one slide per story, its lesson as the callout, and
// its source in small print when it has one (an internal story has none).
import type { SegmentDefinition } from './types.js'

export const caseStudies: SegmentDefinition = {
  spec: { id: 'case-studies', title: 'Case studies', min: 3, max: 10, weight: 3, fillHint: 'add caseStudies to the topic file' },
  isEmpty: ({ topic }) => topic.caseStudies.length === 0,
  slides: ({ topic, title, lang }) => ({
    slides: topic.caseStudies.map((study) => ({
      kind: 'case' as const,
      segment: 'case-studies' as const,
      kicker: title,
      title: study.title,
      lead: study.story,
      callout: study.lesson,
      source: study.source,
      notes: [lang.say(lang.w.compose.lessonNote, { story: study.story, lesson: study.lesson }), ...(study.source ? [lang.say(lang.w.common.source, { source: study.source })] : [])],
    })),
  }),
}
