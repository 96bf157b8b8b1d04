// Norwegian words are longer than English ones: the goal slides, the goal
// chart and the loss-of-control slides in Norwegian still fit 1280×720 in real
// Chromium, with the same hard cases as slide-fit.test.ts (long names, large
// numbers, long handles and addresses). The deck is composed in English and
// its goal and loss-of-control slides are swapped for their Norwegian ones
// (compose.ts hands the language through once the parts are merged).
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import type { StoredAudit } from '../../src/audit/store.js'
import { renderLineChart } from '../../src/deck/chart.js'
import { composeDeck, emptySegments, type DeckModel, type TimedSlide } from '../../src/deck/compose.js'
import { goalSlides } from '../../src/deck/goal-slides.js'
import { langFor } from '../../src/deck/lang.js'
import { lossOfControlSlides } from '../../src/deck/loss-of-control.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import type { Slide } from '../../src/deck/slide.js'
import { renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import type { Workspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { openFitPage } from '../helpers/fit-page.js'
import { overflowsIn } from '../helpers/overflow.js'

const nb = langFor('nb')
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


/**
 * The deck with the slides `replaced` picks swapped for `slides`, in place of
 * the first one; a table is cut into as many parts as English's was.
 */
function swapped(deck: DeckModel, replaced: (s: TimedSlide) => boolean, slides: readonly Slide[]): DeckModel {
  const at = deck.slides.findIndex(replaced)
  expect(at).toBeGreaterThanOrEqual(0)
  const first = deck.slides[at]!
  const timed = slides.map((s) => ({ ...first, ...s }) as TimedSlide)
  return { ...deck, slides: [...deck.slides.slice(0, at), ...timed, ...deck.slides.slice(at).filter((s) => !replaced(s))] }
}

function cut(slide: Slide, sizes: readonly number[]): Slide[] {
  let from = 0
  return sizes.map((n) => {
    const rows = slide.table!.rows.slice(from, (from += n))
    return { ...slide, table: { ...slide.table!, rows } }
  })
}

async function html(deck: DeckModel): Promise<string> {
  let out = await renderDeckHtml(deck, renderSlides(renderMarkdown(deck, templates), templates))
  // The chart as the build writes it, inline, so its height is measured with the title.
  for (const s of deck.slides.filter((s) => s.chart && s.image)) {
    const svg = renderLineChart(s.chart!.points, { ...(s.chart!.target ? { target: s.chart!.target } : {}), lang: nb })
    out = out.replaceAll(`"${s.image}"`, `"data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`)
  }
  return out
}

describe('Norwegian slides fit 1280×720', () => {
  it('the goal table and the goal chart: five goals with long names and large numbers, each verdict', async () => {
    const base = workspace.config
    const long = 'Nordlys Outdoor feltdagbok, de lange historiene fra nord'
    const goals = [
      { account: 'all', metric: 'followers' as const, target: 1_234_567_890, by: '2027-12-28', label: long },
      { account: 'nordlys-linkedin', metric: 'followers' as const, target: 1_000_500, by: '2027-06-29' },
      { account: 'nordlys-instagram', metric: 'postsPerMonth' as const, target: 30, by: '2027-06-29', label: long },
      { account: 'nordlys-facebook', metric: 'followers' as const, target: 1_000, by: '2026-12-31' },
      { account: 'nordlys-youtube', metric: 'interactionsPerPost' as const, target: 123_456, by: '2026-11-17' },
    ]
    const config = { ...base, goals }
    const history = base.accounts.flatMap((account) =>
      ['2026-10-27', '2026-11-10', '2026-11-17'].map((date, j) => ({ date, capturedAt: `${date}T08:00:00Z`, account: account.id, platform: account.platform, status: 'ok' as const, metrics: { followers: { value: 1_000_000 + j * 100, source: 'meta' as const }, postsPerMonth: { value: 3 + j, source: 'api' as const } } })),
    )
    const topic = workspace.topics.get('listening')!.topic
    const plan = planAgenda({ duration: 45, empty: emptySegments(config, topic, { history }, '2026-11-24') })
    const deck = composeDeck({ config, topic, date: '2026-11-24', plan, live: { history } })
    const isGoalSlide = (s: Slide) => s.segment === 'roi' && (/goals?:/.test(s.title) || s.chart?.target !== undefined)
    const sizes = deck.slides.filter((s) => isGoalSlide(s) && s.table).map((s) => s.table!.rows.length)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5)
    const label = (id: string) => base.accounts.find((a) => a.id === id)?.label ?? id
    const { table, charts } = goalSlides(goals, { entries: history, date: '2026-11-24', official: base.accounts.filter((a) => a.owner !== 'unofficial').map((a) => a.id), lang: nb }, 'Avkastning', label)
    expect(charts).toHaveLength(1)
    // The long name moves to the caption; the title keeps the verdict and the target.
    expect(charts[0]!.title).toBe('På etterskudd mot 1\u00a0234\u00a0567\u00a0890 følgere')
    const norwegian = await html(swapped(deck, isGoalSlide, [...cut(table[0]!, sizes), ...charts]))
    expect(norwegian).toContain('Der vi står')
    expect(await overflowsIn(page, norwegian)).toEqual([])
  })

  it('loss of control: long handles, names and addresses, with and without screenshots, more finds than slides', async () => {
    const long = 'nordlysoutdoor_official_support'
    const findings = [
      { platform: 'bluesky' as const, handle: 'nordlysoutdoor-official-customer-support.bsky.social', displayName: 'Nordlys Outdoor Official Customer Support and Refunds Desk (24/7)', followers: 1_234_567, profileUrl: 'https://bsky.app/profile/nordlysoutdoor-official-customer-support.bsky.social', screenshot: 'audit/shot.png', capturedAt: '2026-11-21T14:03:00.000Z' },
      { platform: 'mastodon' as const, handle: 'nordlysoutdoorofficial@a-very-long-mastodon-instance-name.example', displayName: 'Nordlys', followers: 12, url: 'https://a-very-long-mastodon-instance-name.example/@nordlysoutdoorofficial', screenshotNote: 'blocked: bot challenge (Cloudflare) on a page that would not let us in' },
      { platform: 'facebook' as const, handle: 'nordlysoutdoor.official.page.norway', displayName: 'Nordlys Outdoor', followers: 987, url: 'https://www.facebook.com/nordlysoutdoor.official.page.norway?ref=page_internal&mibextid=ZbWKwL' },
      { platform: 'instagram' as const, handle: long, displayName: 'Nordlys', url: `https://www.instagram.com/${long}/`, screenshot: 'audit/shot2.png' },
      { platform: 'tiktok' as const, handle: 'nordlys_fans', displayName: 'Nordlys fans', bio: 'Uoffisiell fanside', url: 'https://www.tiktok.com/@nordlys_fans' },
      { platform: 'x' as const, handle: 'nordlys_jobs', url: 'https://x.com/nordlys_jobs' },
    ].map((f) => ({ ...f, result: 'exists-unlisted' as const }))
    const unknowns = (['x', 'tiktok', 'threads', 'youtube', 'linkedin'] as const).map((platform) => ({ platform, handle: 'nordlys', result: 'unknown' as const, reason: 'bot challenge (Cloudflare) and a very long explanation of why' }))
    const audit: StoredAudit = { ranAt: '2026-11-21T14:02:11.512Z', generated: 93, candidates: 340, checked: 300, platforms: ['bluesky', 'x'], budget: 300, findings: [...findings, ...unknowns, { platform: 'x', handle: 'nordlys_hq', result: 'unknown', reason: 'not checked: the request budget of 300 was spent' }] }
    const config = workspace.config
    const topic = workspace.topics.get('governance')!.topic
    const live = { history: [], audit }
    const plan = planAgenda({ duration: 60, empty: emptySegments(config, topic, live, '2026-11-24') })
    const deck = composeDeck({ config, topic, date: '2026-11-24', plan, live })
    const slides = lossOfControlSlides({ config, audit, history: [], date: '2026-11-24', kicker: 'Tap av kontroll', lang: nb })
    expect(slides.filter((s) => s.kind === 'finding')).toHaveLength(4)
    expect(slides.some((s) => s.title === '2 kontoer til i vårt navn')).toBe(true)
    // The tables as English's were cut, one part per slide.
    const english = deck.slides.filter((s) => s.segment === 'loss-of-control')
    const parts = (header: string) => english.filter((s) => s.table?.header[1] === header).map((s) => s.table!.rows.length)
    const norwegian = slides.flatMap((s) => (!s.table ? [s] : cut(s, parts(s.table.header[1] === 'Forslag' ? 'Suggested' : 'Latest'))))
    const out = await html(swapped(deck, (s) => s.segment === 'loss-of-control', norwegian))
    expect(out).toContain('utgir seg for å være oss på Bluesky')
    expect(await overflowsIn(page, out)).toEqual([])
  })
})
