// Owns the opening: the title slide, the agenda, and why the topic matters now.
import type { Slide } from '../slide.js'
import type { SegmentDefinition } from './types.js'

export const opening: SegmentDefinition = {
  // Always shown: a deck has a title and an agenda whatever the topic holds.
  spec: { id: 'opening', title: 'Opening', min: 1, max: 3, weight: 1, fillHint: '', alwaysShown: true },
  isEmpty: () => false,
  slides({ config, topic, date, plan, lang, title, split }) {
    const { compose, segments } = lang.w
    const duration = plan?.duration ?? 0
    const minutes = lang.plural(duration, lang.w.common.minutes)
    const slides: Slide[] = [
      {
        kind: 'title',
        segment: 'opening',
        kicker: lang.say(compose.titleKicker, { company: config.company.name }),
        title: topic.title,
        lead: lang.longDate(date),
        bullets: [config.deck.presenter, minutes].filter((x): x is string => Boolean(x)),
        notes: [topic.summary],
      },
      {
        kind: 'agenda',
        segment: 'opening',
        kicker: compose.agendaKicker,
        title: lang.say(compose.agendaTitle, { minutes, topic: lowerFirst(topic.title) }),
        table: {
          header: [compose.agendaHeader[0]!, compose.agendaHeader[1]!],
          rows: (plan?.segments ?? []).map((s) => [segments[s.id], lang.count(s.minutes)] as const),
        },
        notes: [compose.agendaNote],
      },
      ...split({ kind: 'bullets', segment: 'opening', kicker: title, title: compose.whyTitle, bullets: topic.why, notes: [topic.summary] }),
    ]
    return { slides }
  },
}

/** "Reputation in a crisis" → "reputation in a crisis" inside a sentence; an acronym ("ROI", "AI") stays. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}
