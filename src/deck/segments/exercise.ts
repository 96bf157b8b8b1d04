// Owns the hands-on exercise: its numbered steps, its own minutes in the kicker.
import type { SegmentDefinition } from './types.js'

export const exercise: SegmentDefinition = {
  spec: { id: 'exercise', title: 'Hands-on exercise', min: 5, max: 15, weight: 3, fillHint: 'add an exercise to the topic file' },
  isEmpty: ({ topic }) => topic.exercise.steps.length === 0,
  slides: ({ topic, title, lang, split }) => ({
    slides: split({
      kind: 'bullets',
      segment: 'exercise',
      kicker: topic.exercise.minutes ? `${title} · ${lang.plural(topic.exercise.minutes, lang.w.common.minutes)}` : title,
      title: topic.exercise.title,
      bullets: topic.exercise.steps,
      numbered: true,
      notes: [lang.w.compose.exerciseNote],
    }),
  }),
}
