import { describe, expect, it } from 'vitest'
import { plural } from '../../src/deck/plural.js'

const decisions = { one: '# decision', other: '# decisions' }

describe('plural', () => {
  it('English: 0, 1, 2 and 21', () => {
    expect(plural(0, decisions)).toBe('0 decisions')
    expect(plural(1, decisions)).toBe('1 decision')
    expect(plural(2, decisions)).toBe('2 decisions')
    expect(plural(21, decisions)).toBe('21 decisions')
  })

  it('the number is formatted for the locale', () => {
    expect(plural(12345, decisions)).toBe('12,345 decisions')
    // Norwegian groups with a (narrow no-break) space.
    expect(plural(12345, { one: '# beslutning', other: '# beslutninger' }, 'nb-NO')).toBe('12\u00a0345 beslutninger')
  })

  it('the form comes from the language: a Norwegian 0, 1, 2, 21', () => {
    const nb = { one: '# beslutning', other: '# beslutninger' }
    expect([0, 1, 2, 21].map((n) => plural(n, nb, 'nb-NO'))).toEqual(['0 beslutninger', '1 beslutning', '2 beslutninger', '21 beslutninger'])
  })

  it('a language with more categories picks them (Polish: one, few, many)', () => {
    const pl = { one: '# decyzja', few: '# decyzje', many: '# decyzji', other: '# decyzji' }
    expect([1, 2, 5, 21, 22].map((n) => plural(n, pl, 'pl'))).toEqual(['1 decyzja', '2 decyzje', '5 decyzji', '21 decyzji', '22 decyzje'])
  })

  it('a form without the number, and a missing category falls back to other', () => {
    expect(plural(1, { one: 'One account', other: '# accounts' })).toBe('One account')
    expect(plural(1, { other: '# sheep' })).toBe('1 sheep')
  })
})

describe('counted words in the deck', () => {
  it('"1 decision to take today", "2 decisions", and one worst case', async () => {
    const { loadWorkspace } = await import('../../src/workspace/load.js')
    const { planAgenda } = await import('../../src/agenda/plan.js')
    const { composeDeck, emptySegments } = await import('../../src/deck/compose.js')
    const { REPO_ROOT } = await import('../helpers/cli.js')
    const ws = await loadWorkspace(REPO_ROOT)
    const base = ws.topics.get('crisis')!.topic
    const titles = (actions: number, worst: number) => {
      const topic = { ...base, actions: base.actions.slice(0, actions), worstCases: base.worstCases.slice(0, worst) }
      const plan = planAgenda({ duration: 60, empty: emptySegments(ws.config, topic) })
      return composeDeck({ config: ws.config, topic, date: '2026-11-24', plan }).slides.map((s) => s.title)
    }
    expect(titles(1, 1)).toContain('1 decision to take today')
    expect(titles(1, 1)).toContain('Our worst case, with a plan')
    expect(titles(2, 2)).toContain('2 decisions to take today')
    expect(titles(2, 2)).toContain('Our 2 worst cases, each with a plan')
  })
})
