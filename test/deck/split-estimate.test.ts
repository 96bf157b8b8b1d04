// Without a measurement (a `--format md` build, a plan), a table splits by
// estimated lines as well as rows (compose.ts: 45 characters a line, 11 lines
// and 4 rows a slide), so long rows get fewer a slide. Expected parts worked
// out by hand from the cells' lengths.
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments } from '../../src/deck/compose.js'
import { topicSchema } from '../../src/topics/schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const config = workspaceConfigSchema.parse({ company: { name: 'Testco' }, meeting: { weekday: 'tuesday', start: '2026-11-24' } })

function worstCaseSlides(mitigation: (i: number) => string, count: number) {
  const topic = topicSchema.parse({
    id: 't',
    title: 'T',
    summary: 'S.',
    why: ['W.'],
    keyPoints: [{ title: 'K', detail: 'D.', notes: 'N.' }],
    worstCases: Array.from({ length: count }, (_, i) => ({ scenario: `Case ${i + 1}.`, mitigation: mitigation(i) })),
    demo: { focus: 'F' },
    exercise: { title: 'E', steps: ['One.'] },
  })
  const plan = planAgenda({ duration: 45, empty: emptySegments(config, topic) })
  return composeDeck({ config, topic, date: '2026-11-24', plan }).slides.filter((s) => s.segment === 'worst-cases')
}

describe('a table split without a measurement', () => {
  it('short rows: four a slide, balanced (6 rows: 3 + 3)', () => {
    expect(worstCaseSlides(() => 'Short.', 6).map((s) => s.table!.rows.length)).toEqual([3, 3])
  })

  it('rows of 200 characters (5 lines each): two a slide, since three would be 15 lines', () => {
    expect(worstCaseSlides(() => 'x'.repeat(200), 6).map((s) => s.table!.rows.length)).toEqual([2, 2, 2])
  })

  it('mixed rows: as few slides as the lines allow, balanced when the balanced parts fit', () => {
    // Lines: 1, 1, 9 (400 characters), 1, 1. Greedy: [1, 1, 9] = 11, then [1, 1]: two slides.
    // Balanced 3 + 2 is the same split: [1, 1, 9] and [1, 1].
    const long = (i: number) => (i === 2 ? 'y'.repeat(400) : 'Short.')
    expect(worstCaseSlides(long, 5).map((s) => s.table!.rows.length)).toEqual([3, 2])
  })

  it('a row taller than a slide still gets a slide of its own', () => {
    expect(worstCaseSlides((i) => (i === 0 ? 'z'.repeat(900) : 'Short.'), 3).map((s) => s.table!.rows.length)).toEqual([1, 2])
  })
})
