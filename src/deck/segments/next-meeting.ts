// Owns the close: the next briefing's date and topic, then the topic's sources.
import type { Slide } from '../slide.js'
import type { SegmentDefinition } from './types.js'

export const nextMeeting: SegmentDefinition = {
  // Always shown: the deck ends by naming the next briefing, known or not.
  spec: { id: 'next-meeting', title: 'Next meeting', min: 1, max: 2, weight: 1, fillHint: '', alwaysShown: true },
  isEmpty: () => false,
  slides({ topic, next, title, lang, split }) {
    const { compose } = lang.w
    const slides: Slide[] = [
      {
        kind: 'closing',
        segment: 'next-meeting',
        kicker: title,
        title: next ? lang.say(compose.nextTitleOn, { date: lang.longDate(next.date) }) : compose.nextTitle,
        lead: next?.topicTitle ? lang.say(compose.nextTopic, { topic: next.topicTitle }) : compose.nextTopicRotation,
        notes: [compose.nextNote],
      },
    ]
    if (topic.sources.length > 0) {
      slides.push(
        ...split({
          kind: 'bullets',
          segment: 'next-meeting',
          kicker: compose.sourcesKicker,
          title: compose.sourcesTitle,
          bullets: topic.sources.map((s) => (s.url ? `${s.title} (${s.url})` : s.title)),
          notes: [compose.sourcesNote],
        }),
      )
    }
    return { slides }
  },
}
