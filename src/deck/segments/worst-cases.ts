// Owns the worst cases: one table of what could happen and what we then do.
import type { SegmentDefinition } from './types.js'

export const worstCases: SegmentDefinition = {
  spec: { id: 'worst-cases', title: 'Worst cases and mitigations', min: 3, max: 10, weight: 3, fillHint: 'add worstCases to the topic file' },
  isEmpty: ({ topic }) => topic.worstCases.length === 0,
  slides: ({ topic, title, lang, split }) => {
    const { compose } = lang.w
    return {
      slides: split({
        kind: 'table',
        segment: 'worst-cases',
        kicker: title,
        title: lang.plural(topic.worstCases.length, compose.worstCases),
        table: { header: [compose.worstCasesHeader[0]!, compose.worstCasesHeader[1]!], rows: topic.worstCases.map((w) => [w.scenario, w.mitigation] as const) },
        notes: topic.worstCases.map((w) => lang.say(compose.mitigationNote, { scenario: w.scenario, mitigation: w.mitigation })),
      }),
    }
  },
}
