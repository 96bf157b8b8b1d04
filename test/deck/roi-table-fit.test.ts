// The ROI segment's tables (what changed, account by account; engagement) fit
// 1280×720 in real Chromium with 30 accounts: long labels that wrap, numbers
// in the billions, in English and in Norwegian (longer words, no-break spaces
// in numbers). The deck is built as the build builds it: tables split by
// measure (split.ts) into "(continued)" slides, each of which must fit, with
// every account on one of them.
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, plannedSlideCounts } from '../../src/deck/compose.js'
import { langFor } from '../../src/deck/lang.js'
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
const ACCOUNTS = 30
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

const platforms = ['linkedin', 'bluesky', 'instagram', 'facebook', 'youtube', 'tiktok', 'threads', 'x', 'mastodon']

/** Labels of every length, from a short one to one that wraps over two lines of the first column. */
function label(i: number): string {
  const long = ['Nordlys Outdoor Expeditions and Mountain Guiding, Northern Norway region', 'Nordlys Outdoor kundeservice og sikkerhetsråd for fjellturer', 'Nordlys Outdoor careers']
  return `${long[i % long.length]!} ${i + 1}`
}

/** A deck of the example workspace with 30 official accounts of ours, four meetings of history and today's run. */
async function roiDeck(language: 'en' | 'nb') {
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `acct-${i}`, platform: platforms[i % platforms.length]!, url: `https://example.test/acct-${i}`, owner: 'official', label: label(i) }))
  const config = workspaceConfigSchema.parse({ ...workspace.config, accounts, executives: [], competitors: [], goals: [], deck: { ...workspace.config.deck, language } })
  const dates = ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']
  // Numbers in the billions, growing or falling by millions: the longest words a row can carry.
  const followers = (i: number, j: number) => 1_234_567_890 + (i % 2 ? 1 : -1) * j * 12_345_678
  const history: HistoryEntry[] = accounts.flatMap((a, i) =>
    dates.map((date, j) => ({ date, capturedAt: `${date}T08:00:00Z`, account: a.id, platform: a.platform, status: 'ok' as const, metrics: { followers: { value: followers(i, j), source: 'api' as const }, interactionsPerPost: { value: 1_234_567 + j * 1_000, source: 'api' as const }, postsPerMonth: { value: 1_234, source: 'api' as const } } })),
  )
  const results: SnapshotResult[] = accounts.map(
    (a, i) =>
      ({
        account: a.id,
        platform: a.platform,
        label: a.label,
        url: a.url,
        status: 'ok',
        metrics: { followers: { value: followers(i, 4), source: 'api' }, interactionsPerPost: { value: 9_876_543, source: 'api' }, postsPerMonth: { value: 12_345, source: 'api' } },
        capturedAt: `${DATE}T08:00:00.000Z`,
        durationMs: 1,
      }) as SnapshotResult,
  )
  const live = { results, history }
  const topic = workspace.topics.get('listening')!.topic
  const plan = planAgenda({ duration: 60, empty: emptySegments(config, topic, live, DATE), slides: plannedSlideCounts(config, topic, live, DATE) })
  const input = { config, topic, date: DATE, plan, live }
  const split = await manager.withPage((measure) => measuredSplitter(input, { page: measure, templates }))
  const deck = composeDeck({ ...input, split })
  const words = langFor(language).w.live
  // The ROI tables, wherever the minutes put them (in the segment or in its appendix).
  const tableOf = (title: string) => (s: (typeof deck.slides)[number]) => s.kind === 'table' && (s.title === title || s.title.startsWith(`${title} (`))
  const changed = deck.slides.flatMap((s, i) => (tableOf(words.changedTitle)(s) ? [{ number: i + 1, slide: s }] : []))
  const engagement = deck.slides.flatMap((s, i) => (tableOf(words.engagementTitle)(s) ? [{ number: i + 1, slide: s }] : []))
  const html = await renderDeckHtml(deck, renderSlides(renderMarkdown(deck, templates), templates))
  return { html, changed, engagement }
}

/** The overflows on the given slides (`slide N` is the deck's N-th slide): other slides have their own fit tests. */
async function overflowsOn(html: string, numbers: readonly number[]): Promise<string[]> {
  return (await overflowsIn(page, html)).filter((problem) => numbers.includes(Number(/^slide (\d+):/.exec(problem)?.[1])))
}

describe('the ROI tables fit 1280×720 with 30 accounts', () => {
  for (const language of ['en', 'nb'] as const) {
    it(`${language}: what changed and engagement split into continued slides that fit, every account on one of them`, async () => {
      const { html, changed, engagement } = await roiDeck(language)
      for (const table of [changed, engagement]) {
        expect(table.length).toBeGreaterThan(1)
        const labels = table.flatMap(({ slide }) => slide.table!.rows.map((r) => r[0]))
        expect(labels).toHaveLength(ACCOUNTS)
        expect(new Set(labels).size).toBe(ACCOUNTS)
      }
      expect(await overflowsOn(html, [...changed, ...engagement].map((t) => t.number))).toEqual([])
    })
  }
})
