// The here-and-now fits its minutes: one overview of every account, spotlights
// chosen by the rule in src/deck/here-and-now.ts, every slide of the segment
// with at least 40 seconds, and every account's own slide in the appendix
// after "Next meeting" (no budget; bookmarked in the PDF; "Appendix" in the
// presenter view). Expected picks and counts are written out by hand.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, plannedSlideCounts, type DeckModel } from '../../src/deck/compose.js'
import { exportDeckPdf, exportHandoutPdf } from '../../src/deck/export.js'
import { hereAndNow, spotlights } from '../../src/deck/here-and-now.js'
import type { Slide } from '../../src/deck/slide.js'
import { renderDeckHtml, renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'
import { testBrowser } from '../helpers/browser.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'
import { serveFolder } from '../helpers/serve.js'

const DATE = '2026-11-24'
const LAST = '2026-11-17'

let workspace: Workspace
let templates: TemplateSet
let base: object

beforeAll(async () => {
  workspace = await loadWorkspace(REPO_ROOT)
  templates = await loadTemplates()
  base = parse(await readFile(workspace.paths.config, 'utf8')) as object
})

function result(account: string, metrics: SnapshotResult['metrics'], status: SnapshotResult['status'] = 'ok'): SnapshotResult {
  return { account, platform: 'bluesky', label: account, url: 'https://example.test/', status, reason: status === 'ok' ? undefined : 'bot challenge', screenshot: status === 'ok' ? `${account}.png` : undefined, metrics, capturedAt: `${DATE}T08:00:00.000Z`, durationMs: 1 }
}

function entry(account: string, date: string, metrics: HistoryEntry['metrics']): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00Z`, account, platform: 'bluesky', status: 'ok', metrics }
}

const followers = (value: number) => ({ followers: { value, source: 'api' as const } })

describe('the spotlight rule, on hand-made histories', () => {
  it('goal first, then new activity, then the largest relative changes of 3% or more; each account once; blocked pages never', () => {
    const history = [
      entry('a', LAST, followers(1000)),
      entry('b', LAST, followers(1000)),
      entry('c', LAST, followers(1000)),
      entry('d', LAST, followers(500)),
      entry('e', LAST, { ...followers(1000), lastPostAt: { value: '2026-09-01', source: 'feed' } }),
      entry('f', LAST, { ...followers(1000), interactionsPerPost: { value: 10, source: 'api' } }),
      entry('g', LAST, followers(100)),
      entry('h', LAST, followers(1000)),
    ]
    const shown = [
      result('a', followers(1200)), // +20%
      result('b', followers(1060)), // +6%
      result('c', followers(1020)), // +2%: noise
      result('d', followers(400)), // −20%: as large as a's, after it in the workspace's order
      result('e', { ...followers(1300), lastPostAt: { value: '2026-11-20', source: 'feed' } }), // first post in 80 days (and +30%: spotlit once)
      result('f', { ...followers(1000), interactionsPerPost: { value: 20, source: 'api' } }), // engagement ×2
      result('g', {}, 'blocked'), // would have news, but gave no numbers
      result('h', followers(1000)), // no change: only its goal
    ]
    const picks = spotlights(shown, history, DATE, [{ account: 'h', words: 'reached 1,000 followers' }, { account: 'g', words: 'behind' }])
    expect(picks.map((p) => [p.account, p.reason, p.why])).toEqual([
      ['h', 'goal', 'reached 1,000 followers'],
      ['e', 'activity', 'first post in 80 days'],
      ['f', 'activity', 'engagement jumped from 10 to 20 interactions per post'],
      ['a', 'change', 'followers up 20.0% since 2026-11-17'],
      ['d', 'change', 'followers down 20.0% since 2026-11-17'],
      ['b', 'change', 'followers up 6.0% since 2026-11-17'],
    ])
  })

  it('changes alone spotlight the three largest movers, either way', () => {
    const history = ['a', 'b', 'c', 'd', 'e'].map((id) => entry(id, LAST, followers(1000)))
    const shown = [result('a', followers(1040)), result('b', followers(1100)), result('c', followers(920)), result('d', followers(1060)), result('e', followers(1031))]
    expect(spotlights(shown, history, DATE).map((p) => p.why)).toEqual(['followers up 10.0% since 2026-11-17', 'followers down 8.0% since 2026-11-17', 'followers up 6.0% since 2026-11-17'])
  })

  it('a post after a short pause, an old post after silence, or a small engagement rise is not news', () => {
    const history = [
      entry('p', LAST, { lastPostAt: { value: '2026-11-01', source: 'feed' } }), // 19 days before the new post
      entry('q', LAST, { lastPostAt: { value: '2026-06-01', source: 'feed' } }),
      entry('r', LAST, { interactionsPerPost: { value: 10, source: 'api' } }),
    ]
    const shown = [
      result('p', { lastPostAt: { value: '2026-11-20', source: 'feed' } }),
      result('q', { lastPostAt: { value: '2026-11-01', source: 'feed' } }), // 23 days before the meeting: not recent
      result('r', { interactionsPerPost: { value: 14, source: 'api' } }), // ×1.4
    ]
    expect(spotlights(shown, history, DATE)).toEqual([])
  })
})

/**
 * A workspace with `n` accounts of our own, a meeting with snapshots of them
 * all and a week-old history; with `jump`, every account's interactions per
 * post doubled (new activity, so every one is a spotlight candidate).
 */
function material(n: number, change: (i: number) => number, jump = true) {
  const accounts = Array.from({ length: n }, (_, i) => ({ id: `acct-${i + 1}`, platform: 'bluesky', handle: `acct${i + 1}.bsky.social`, label: `Account ${i + 1}` }))
  const config: WorkspaceConfig = workspaceConfigSchema.parse({ ...base, accounts, competitors: [], executives: [], goals: [] })
  const engagement = (value: number) => (jump ? { interactionsPerPost: { value, source: 'api' as const } } : {})
  const results = accounts.map((a, i) => result(a.id, { ...followers(1000 + change(i)), ...engagement(20) }))
  const history = accounts.map((a) => entry(a.id, LAST, { ...followers(1000), ...engagement(10) }))
  return { config, live: { results, history } }
}

function build(config: WorkspaceConfig, live: { results: SnapshotResult[]; history: HistoryEntry[] }, duration: number): DeckModel {
  const topic = workspace.topics.get('policy')!.topic
  const plan = planAgenda({ duration, empty: emptySegments(config, topic, live, DATE), slides: plannedSlideCounts(config, topic, live, DATE) })
  return composeDeck({ config, topic, date: DATE, plan, live, next: { date: '2026-12-01' } })
}

describe('the here-and-now fits its minutes', () => {
  // Every account's engagement doubled: every one is a spotlight candidate,
  // so the minutes, not the material, set the count.
  const everyone = (i: number) => 100 + i
  const label = (s: Slide) => (s.kind === 'overview' ? `overview ${s.tiles!.length}` : s.kind === 'account' ? 'spotlight' : s.kind)
  const cases = [
    // 6 min carry 9 slides of 40 s. 3 accounts: look-for, the overview, three spotlights.
    { n: 3, minutes: 6, want: ['bullets', 'overview 3', ...Array(3).fill('spotlight')] },
    // 12 accounts: look-for, one overview of 12, and 7 of the 12 candidates.
    { n: 12, minutes: 6, want: ['bullets', 'overview 12', ...Array(7).fill('spotlight')] },
    // 40 accounts: four overviews of 10 (12 a slide at most, balanced), look-for, 4 spotlights.
    { n: 40, minutes: 6, want: ['bullets', 'overview 10', 'overview 10', 'overview 10', 'overview 10', ...Array(4).fill('spotlight')] },
    // 3 min carry 4 slides: the overviews stay, what to look for and the spotlights go.
    { n: 40, minutes: 3, want: ['overview 10', 'overview 10', 'overview 10', 'overview 10'] },
    // 10 min carry 15: 12 accounts are look-for, the overview and all 12 spotlights (14).
    { n: 12, minutes: 10, want: ['bullets', 'overview 12', ...Array(12).fill('spotlight')] },
  ]
  for (const { n, minutes, want } of cases) {
    it(`${n} accounts in ${minutes} minutes: ${want.length} slides; the appendix holds every account`, () => {
      const { config, live } = material(n, everyone)
      const lookFor: Slide = { kind: 'bullets', segment: 'here-and-now', title: 'Look', bullets: ['x'], notes: [] }
      const part = hereAndNow({ live, date: DATE, kicker: 'Here and now', accountLabel: (id) => config.accounts.find((a) => a.id === id)!.label!, minutes, lookFor })
      expect(part.slides.map(label)).toEqual(want)
      expect(part.slides.flatMap((s) => s.tiles ?? []).map((t) => t.name)).toEqual(config.accounts.map((a) => `${a.label} (Bluesky)`))
      expect(part.appendix.map((s) => s.bookmark)).toEqual(config.accounts.map((a) => a.label))
      // Each appendix slide names its account in its header: a platform's name alone ("LinkedIn: 3,210 followers") says whose only in the bookmark.
      expect(part.appendix.map((s) => s.kicker)).toEqual(config.accounts.map((a) => `Appendix · ${a.label}`))
    })
  }

  for (const { n, duration } of [
    { n: 3, duration: 45 },
    { n: 12, duration: 60 },
    { n: 40, duration: 60 },
  ]) {
    it(`${n} accounts, composed for a ${duration}-minute meeting: each slide of the segment at least 40 s, the appendix after "Next meeting" without budgets`, () => {
      const { config, live } = material(n, everyone)
      const deck = build(config, live, duration)
      const segment = deck.slides.filter((s) => s.segment === 'here-and-now' && !s.appendix)
      const minutes = deck.agenda.find((s) => s.id === 'here-and-now')!.minutes
      // Every account is a candidate, so the segment is as full as its minutes allow, or
      // holds all it has: look-for, the overviews (12 a slide) and every account.
      expect(segment).toHaveLength(Math.min(Math.floor((minutes * 60) / 40), 1 + Math.ceil(n / 12) + n))
      for (const s of segment) expect(s.budgetSeconds, s.title).toBeGreaterThanOrEqual(40)
      expect(deck.agenda.find((s) => s.id === 'here-and-now')!.slideCount).toBe(segment.length)
      // The ROI's slides that do not fit its minutes follow the accounts' in the appendix.
      const appendix = deck.slides.filter((s) => s.appendix)
      expect(appendix.filter((s) => s.segment === 'here-and-now').map((s) => s.bookmark)).toEqual(config.accounts.map((a) => a.label))
      const nextMeeting = deck.slides.filter((s) => s.segment === 'next-meeting').at(-1)!
      expect(appendix[0]!.index).toBe(nextMeeting.index + 1)
      expect(appendix.at(-1)!.index).toBe(deck.slides.length)
      for (const s of appendix) {
        expect(s.budgetSeconds).toBe(0)
        expect(s.budgetLine).toBe('')
      }
    })
  }

  for (const n of [3, 12, 40]) {
    it(`${n} accounts in a 30-minute meeting still give each slide 40 s, whatever minutes the planner leaves`, () => {
      const { config, live } = material(n, (i) => 100 + i)
      const deck = build(config, live, 30)
      const segment = deck.slides.filter((s) => s.segment === 'here-and-now' && !s.appendix)
      const minutes = deck.agenda.find((s) => s.id === 'here-and-now')!.minutes
      expect(segment.length).toBeLessThanOrEqual(Math.floor((minutes * 60) / 40))
      for (const s of segment) expect(s.budgetSeconds, s.title).toBeGreaterThanOrEqual(40)
      expect(segment.flatMap((s) => s.tiles ?? [])).toHaveLength(n)
      expect(deck.slides.filter((s) => s.appendix && s.segment === 'here-and-now')).toHaveLength(n)
    })
  }

  it('with nothing that changed, no spotlights: what to look for and the overview, 3 minutes', () => {
    const { config, live } = material(12, () => 0, false)
    const deck = build(config, live, 45)
    expect(deck.slides.filter((s) => s.segment === 'here-and-now' && !s.appendix).map((s) => s.kind)).toEqual(['bullets', 'overview'])
    expect(deck.agenda.find((s) => s.id === 'here-and-now')!.minutes).toBe(3)
  })

  it('accounts not read share one slide in the segment; the appendix has them all', () => {
    const { config, live } = material(9, () => 0, false)
    const results = live.results.map((r, i) => (i < 7 ? result(r.account, {}, 'blocked') : r))
    const deck = build(config, { results, history: live.history }, 45)
    const segment = deck.slides.filter((s) => s.segment === 'here-and-now' && !s.appendix)
    expect(segment.map((s) => s.kind)).toEqual(['bullets', 'overview', 'table'])
    expect(segment[2]!.title).toBe('7 accounts could not be read today')
    expect(segment[2]!.table!.rows.at(-1)).toEqual(['and 5 more: see the appendix', ''])
    const appendix = deck.slides.filter((s) => s.appendix)
    expect(appendix.flatMap((s) => (s.bookmark ? [s.bookmark] : []))).toEqual(['Account 8', 'Account 9', '7 accounts not read today'])
    // The appendix table of accounts not read is split like any table, its rows all there.
    expect(appendix.flatMap((s) => s.table?.rows ?? [])).toHaveLength(7)
  })
})

describe('the appendix in the files', () => {
  const manager = testBrowser({ popups: true })
  afterAll(async () => {
    await manager.close()
  })

  it('is bookmarked under "Appendix" in deck.pdf and the handout, says so in the handout, has no budget in the notes, and the presenter view shows "Appendix" instead of a countdown', async () => {
    const { config, live } = material(3, (i) => 100 + i)
    const deck = build(config, live, 45)
    const markdown = renderMarkdown(deck, templates)
    const rendered = renderSlides(markdown, templates)
    const html = await renderDeckHtml(deck, rendered)
    const dir = await mkdtemp(join(tmpdir(), 'showtell-appendix-'))
    const { pdf } = await exportDeckPdf(manager, html, deck)
    await writeFile(join(dir, 'deck.pdf'), pdf)
    await writeFile(join(dir, 'handout.pdf'), await exportHandoutPdf(manager, deck, renderSlides(markdown, templates, { inlineSVG: false })))
    await writeFile(join(dir, 'deck.html'), html)

    const read = await readPdf(join(dir, 'deck.pdf'))
    expect(read.outlineTree.at(-1)).toEqual({ title: 'Appendix', children: ['Account 1', 'Account 2', 'Account 3'] })
    expect(read.outlineTree.at(-2)!.title).toMatch(/^Next meeting/)
    const handout = await readPdf(join(dir, 'handout.pdf'))
    expect(handout.outlineTree.at(-1)).toEqual({ title: 'Appendix', children: ['Account 1', 'Account 2', 'Account 3'] })
    expect(handout.text.at(-1)).toContain('Appendix · no time planned')
    expect(handout.text.at(-1)).not.toContain('Budget')

    const first = deck.slides.find((s) => s.appendix)!.index
    expect(rendered.notes[first - 1]).not.toMatch(/Budget/)
    expect(rendered.notes[first - 2]).toBeDefined()

    const server = await serveFolder(dir)
    const browser = await manager.get()
    const page = await browser.newPage()
    try {
      await page.goto(`${server.url}/deck.html#${first}`)
      const popup = browser.waitForTarget((target) => target.opener() === page.target())
      await page.keyboard.press('p')
      const presenter = (await (await popup).page())!
      const text = (selector: string) => presenter.$eval(selector, (el) => el.textContent ?? '')
      await presenter.waitForFunction(() => document.querySelector('#pv-countdown')?.getAttribute('data-state') === 'appendix', { timeout: 5000 })
      expect(await text('#pv-countdown')).toBe('Appendix')
      expect(await text('#pv-slide-budget')).toBe('Appendix')
      expect(await text('#pv-segment')).toBe('Appendix')
      // The slide before it (the last of "Next meeting") still counts down.
      await page.keyboard.press('ArrowLeft')
      await presenter.waitForFunction(() => /^\d+:\d\d$/.test(document.querySelector('#pv-countdown')?.textContent ?? ''), { timeout: 5000 })
      expect(await text('#pv-segment')).toMatch(/^Next meeting · \d+ min$/)
    } finally {
      await page.close()
      await server.close()
    }
  })
})
