// Owns the discussion: the questions for the room, then the decisions to take
// today with their owners. It takes the minutes no other segment can (a thin
// topic in a long meeting talks longer, it does not fail).
import type { Slide } from '../slide.js'
import type { SegmentDefinition } from './types.js'

export const discussion: SegmentDefinition = {
  spec: { id: 'discussion', title: 'Discussion and decisions', min: 4, max: 10, weight: 3, fillHint: 'add questions and actions to the topic file', takesSpareTime: true },
  isEmpty: ({ topic }) => topic.questions.length === 0 && topic.actions.length === 0,
  slides({ topic, title, lang, split }) {
    const { compose } = lang.w
    const slides: Slide[] = []
    if (topic.questions.length > 0) {
      slides.push(...split({ kind: 'bullets', segment: 'discussion', kicker: title, title: compose.questionsTitle, bullets: topic.questions, notes: [compose.questionsNote] }))
    }
    if (topic.actions.length > 0) {
      slides.push(
        ...split({
          kind: 'table',
          segment: 'discussion',
          kicker: title,
          title: lang.plural(topic.actions.length, compose.decisions),
          table: { header: [compose.decisionsHeader[0]!, compose.decisionsHeader[1]!], rows: topic.actions.map((a) => [a.decision, a.owner] as const) },
          notes: [compose.decisionsNote],
        }),
      )
    }
    return { slides }
  },
}
