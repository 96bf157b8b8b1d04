// The Norwegian here-and-now, account, unread and ROI slides fit 1280×720 in
// real Chromium, with every fact an account slide can carry at its longest:
// Norwegian words are longer ("mottatte liker-markeringer", "liker-markeringer
// av siden") and numbers carry a no-break space. The workspace's deck is
// Norwegian (deck.language: nb); everything is the real build path.
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, plannedSlideCounts } from '../../src/deck/compose.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { overflowsIn } from '../helpers/overflow.js'

const manager = testBrowser()
let page: Page
let workspace: Workspace
let templates: TemplateSet

beforeAll(async () => {
  const english = await loadWorkspace(REPO_ROOT)
  workspace = { ...english, config: { ...english.config, deck: { ...english.config.deck, language: 'nb' } } }
  templates = await loadTemplates()
  page = await manager.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.emulateMediaType('print')
})

afterAll(async () => {
  await manager.close()
})


describe('the Norwegian live slides fit', () => {
  it('every example account with every fact at its longest, blocked ones, a trend', async () => {
    const ws = workspace
    const results = ws.config.accounts.map((account, i) => ({
      account: account.id,
      platform: account.platform,
      label: account.label ?? account.id,
      url: 'https://example.test/',
      status: i % 4 === 3 ? ('blocked' as const) : ('ok' as const),
      reason: i % 4 === 3 ? 'bot challenge (Cloudflare) on a page that would not let us in today' : undefined,
      screenshot: i % 4 === 3 ? undefined : `${account.id}.png`,
      metrics: i % 4 === 3 ? {} : { followers: { value: 1_234_567 + i, source: 'meta' as const, approximate: true }, following: { value: 190, source: 'meta' as const }, posts: { value: 14_070, source: 'meta' as const }, lastPostAt: { value: '2025-09-17', source: 'feed' as const }, likes: { value: 12_345_678, source: 'api' as const }, views: { value: 123_456_789, source: 'api' as const }, postsPerMonth: { value: 1_234, source: 'api' as const }, interactionsPerPost: { value: 12_345, source: 'api' as const } },
      capturedAt: '2026-11-24T08:02:00.000Z',
      durationMs: 1000,
    }))
    const history = ws.config.accounts.flatMap((account) =>
      ['2026-11-10', '2026-11-17'].map((date, j) => ({ date, capturedAt: `${date}T08:00:00Z`, account: account.id, platform: account.platform, status: 'ok' as const, metrics: { followers: { value: 1_000_000 + j * 1000, source: 'meta' as const }, interactionsPerPost: { value: 5_000 + j, source: 'api' as const } } })),
    )
    const topic = ws.topics.get('listening')!.topic
    const live = { results, history }
    const plan = planAgenda({ duration: 45, empty: emptySegments(ws.config, topic, live, '2026-11-24'), slides: plannedSlideCounts(ws.config, topic, live, '2026-11-24') })
    const deck = composeDeck({ config: ws.config, topic, date: '2026-11-24', plan, live })
    // The live slides are Norwegian.
    const liveSlides = deck.slides.filter((s) => s.segment === 'here-and-now' || s.segment === 'roi' || s.appendix)
    expect(liveSlides.some((s) => s.kicker?.startsWith('I søkelyset · '))).toBe(true)
    expect(liveSlides.filter((s) => s.appendix && /kontoe?r? kunne ikke leses i dag/.test(s.title)).length).toBeGreaterThan(0)
    expect(liveSlides.find((s) => s.kind === 'account' && s.appendix)!.bullets).toContain('1\u00a0234 innlegg på 30 dager · median 12\u00a0345 interaksjoner per innlegg')
    expect(liveSlides.some((s) => s.segment === 'roi' && s.title === 'Engasjement: interaksjoner per innlegg')).toBe(true)
    const html = await renderDeckHtml(deck, renderSlides(renderMarkdown(deck, templates), templates))
    expect(await overflowsIn(page, html)).toEqual([])
  })
})
