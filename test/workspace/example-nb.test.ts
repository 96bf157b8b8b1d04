// The Norwegian example workspace (demo/nb/showtell.yaml) is the project's
// example (showtell.yaml) written by a Norwegian team: the same accounts,
// meetings, snapshot settings and goals, so the two demo decks differ only in
// language and in the team's own words. This test keeps them from drifting.
import { describe, expect, it } from 'vitest'
import { loadWorkspace } from '../../src/workspace/load.js'
import type { WorkspaceConfig } from '../../src/workspace/schema.js'

const ROOT = new URL('../../', import.meta.url).pathname

/** The config without the words a team writes in its own language. */
function withoutWords(config: WorkspaceConfig): unknown {
  return {
    ...config,
    accounts: config.accounts.map(({ label: _label, ...account }) => account),
    competitors: config.competitors.map((c) => ({ ...c, accounts: c.accounts.map(({ label: _label, ...account }) => account) })),
    goals: config.goals.map(({ label: _label, ...goal }) => goal),
    deck: { ...config.deck, presenter: undefined, footer: undefined, language: undefined },
  }
}

describe('the Norwegian example workspace', () => {
  it('is the English example in Norwegian: same accounts, meetings and goals, deck.language nb', async () => {
    const en = await loadWorkspace(ROOT)
    const nb = await loadWorkspace(`${ROOT}demo/nb`)
    expect(en.config.deck.language).toBe('en')
    expect(nb.config.deck.language).toBe('nb')
    expect(withoutWords(nb.config)).toEqual(withoutWords(en.config))
  })

  it('labels every account in Norwegian', async () => {
    const nb = await loadWorkspace(`${ROOT}demo/nb`)
    const labels = [...nb.config.accounts, ...nb.config.competitors.flatMap((c) => c.accounts)].map((a) => a.label ?? '')
    expect(labels.filter((label) => / on |fan page|field journal|CEO/.test(label))).toEqual([])
    expect(nb.config.deck.presenter).toBe('Kommunikasjonsavdelingen')
  })
})
