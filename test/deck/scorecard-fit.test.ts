// The executive scorecard fits 1280×720 in real Chromium, in English and in
// Norwegian (longer words, no-break spaces in numbers), with every fact a row
// can carry at its longest: several platforms, a blocked account with its last
// good value, a trend over 90 days, long names, a leader with no account, and
// competitors' leaders beside ours. The deck is built as the build builds it:
// tables split by measure (split.ts), so a long scorecard continues on a
// second slide instead of running off the first.
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, plannedSlideCounts } from '../../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { measuredSplitter } from '../../src/deck/split.js'
import { renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import type { Workspace } from '../../src/workspace/load.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { testBrowser } from '../helpers/browser.js'
import { openFitPage } from '../helpers/fit-page.js'
import { overflowsIn } from '../helpers/overflow.js'

const DATE = '2026-11-24'
const manager = testBrowser()
let page: Page
let workspace: Workspace
let templates: TemplateSet

beforeAll(async () => {
  ;({ page, workspace, templates } = await openFitPage(manager))
})

afterAll(async () => {
  await manager.close()
})

const exec = (id: string, platform: string, person: string) => ({ id, platform, url: `https://example.test/${id}`, owner: 'executive', label: `${id}`, person })

/** The overflows on the scorecard's own slides (`slide N` is the deck's N-th slide): other segments have their own fit tests. */
async function boardOverflows(html: string, numbers: readonly number[]): Promise<string[]> {
  return (await overflowsIn(page, html)).filter((problem) => numbers.includes(Number(/^slide (\d+):/.exec(problem)?.[1])))
}

async function scorecardDeck(language: 'en' | 'nb', leaders: number): Promise<{ html: string; boards: string[][]; numbers: number[] }> {
  const long = 'Kristoffer Alexander Johannessen-Ødegård'
  const platforms = ['linkedin', 'bluesky', 'instagram', 'x', 'threads']
  const ours = Array.from({ length: leaders }, (_, i) => platforms.slice(0, 1 + (i % platforms.length)).map((p) => exec(`lead-${i}-${p}`, p, i === 0 ? long : `Leader number ${i} of the group`))).flat()
  const theirs = [exec('fk-ceo-li', 'linkedin', 'Marte Lie'), exec('fk-ceo-bs', 'bluesky', 'Marte Lie')]
  const config = workspaceConfigSchema.parse({
    ...workspace.config,
    accounts: [...workspace.config.accounts.filter((a) => a.owner !== 'executive'), ...ours],
    executives: ['Lars Haugen, with a name long enough to wrap'],
    competitors: [{ name: 'Fjellkraft Outdoor Equipment International', accounts: theirs, executives: ['Per Dahl'] }, ...workspace.config.competitors.slice(1)],
    goals: [],
    deck: { ...workspace.config.deck, language },
  })
  const result = (id: string, platform: string, i: number): SnapshotResult =>
    ({
      account: id,
      platform,
      label: id,
      url: 'https://example.test/',
      // Every third account is walled today: its row carries its last good value.
      status: i % 3 === 2 ? 'blocked' : 'ok',
      ...(i % 3 === 2 ? { reason: 'login wall' } : {}),
      metrics: i % 3 === 2 ? {} : { followers: { value: 1_234_567 + i, source: 'api' }, postsPerMonth: { value: 1_234, source: 'api' }, lastPostAt: { value: i % 2 ? '2026-11-20T10:00:00Z' : '2025-09-17T10:00:00Z', source: 'feed' } },
      capturedAt: `${DATE}T08:00:00.000Z`,
      durationMs: 1,
    }) as SnapshotResult
  const mine = config.accounts.filter((a) => a.owner !== 'unofficial')
  const results = mine.map((a, i) => result(a.id, a.platform, i))
  const competitors = config.competitors.flatMap((c) => c.accounts.map((a, i) => ({ ...result(a.id, a.platform, i), competitor: c.name })))
  const history: HistoryEntry[] = [...mine, ...theirs].flatMap((a) =>
    ['2026-08-30', '2026-11-17'].map((date, j) => ({ date, capturedAt: `${date}T08:00:00Z`, account: a.id, platform: a.platform, status: 'ok' as const, metrics: { followers: { value: 1_000_000 + j * 99_999, source: 'api' as const } } })),
  )
  const live = { results, history, competitors }
  const topic = workspace.topics.get('listening')!.topic
  const plan = planAgenda({ duration: 60, empty: emptySegments(config, topic, live, DATE), slides: plannedSlideCounts(config, topic, live, DATE) })
  const input = { config, topic, date: DATE, plan, live }
  const split = await manager.withPage((measure) => measuredSplitter(input, { page: measure, templates }))
  const deck = composeDeck({ ...input, split })
  const isBoard = (s: (typeof deck.slides)[number]) => s.segment === 'here-and-now' && !s.appendix && s.kind === 'table' && s.table!.header[0] === (language === 'en' ? 'Leader' : 'Leder')
  const boards = deck.slides.filter(isBoard).map((s) => s.table!.rows.map((r) => r[0]))
  const numbers = deck.slides.flatMap((s, i) => (isBoard(s) ? [i + 1] : []))
  const html = await renderDeckHtml(deck, renderSlides(renderMarkdown(deck, templates), templates))
  return { html, boards, numbers }
}

describe('the executive scorecard fits 1280×720', () => {
  for (const language of ['en', 'nb'] as const) {
    it(`${language}: two leaders of ours, one without an account, and a competitor's two, every fact at its longest: nothing overflows`, async () => {
      const { html, boards, numbers } = await scorecardDeck(language, 2)
      expect(boards.flat()).toHaveLength(5)
      expect(boards.flat().filter((name) => name.endsWith('(Fjellkraft Outdoor Equipment International)'))).toHaveLength(2)
      expect(await boardOverflows(html, numbers)).toEqual([])
    })

    it(`${language}: nine leaders with up to five platforms split into continued slides that fit, every leader on one of them`, async () => {
      const { html, boards, numbers } = await scorecardDeck(language, 9)
      expect(boards.length).toBeGreaterThan(1)
      // Nine of ours, Lars, and Fjellkraft's two.
      expect(boards.flat()).toHaveLength(12)
      expect(await boardOverflows(html, numbers)).toEqual([])
    })
  }
})
