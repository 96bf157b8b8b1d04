// Given snapshots and a history, when the deck is composed and rendered, then
// the here-and-now slides show the change since the last meeting, a blocked
// account shows its last good value and age (never data from the wall), and
// the ROI segment shows the trend.
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { renderLineChart, niceRange } from '../../src/deck/chart.js'
import { composeDeck, emptySegments, type Slide } from '../../src/deck/compose.js'
import type { LiveMaterial } from '../../src/deck/live.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown } from '../../src/deck/templates.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { topicSchema } from '../../src/topics/schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const config = workspaceConfigSchema.parse({
  company: { name: 'Testco' },
  accounts: [
    { id: 'testco-linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/testco', label: 'Testco on LinkedIn' },
    { id: 'testco-instagram', platform: 'instagram', handle: 'testco', label: 'Testco on Instagram' },
  ],
  meeting: { weekday: 'tuesday', start: '2026-11-24' },
})

const topic = topicSchema.parse({
  id: 'custom',
  title: 'A custom topic',
  summary: 'One paragraph.',
  why: ['It matters.'],
  keyPoints: [{ title: 'A point', detail: 'Detail.', notes: 'Notes.' }],
  demo: { focus: 'Look at our accounts', platforms: ['linkedin'], lookFor: ['Numbers'] },
  exercise: { title: 'Try it', steps: ['Do it.'] },
})

function result(overrides: Partial<SnapshotResult>): SnapshotResult {
  return {
    account: 'testco-linkedin',
    platform: 'linkedin',
    label: 'Testco on LinkedIn',
    url: 'https://www.linkedin.com/company/testco',
    status: 'ok',
    metrics: {},
    capturedAt: '2026-11-24T08:02:00.000Z',
    durationMs: 900,
    ...overrides,
  }
}

function entry(date: string, account: string, followers: number | undefined, status: HistoryEntry['status'] = 'ok'): HistoryEntry {
  return {
    date,
    capturedAt: `${date}T08:00:00.000Z`,
    account,
    platform: account.endsWith('instagram') ? 'instagram' : 'linkedin',
    status,
    metrics: followers === undefined ? {} : { followers: { value: followers, source: 'meta' } },
  }
}

const history: HistoryEntry[] = [
  entry('2026-11-10', 'testco-linkedin', 12_000),
  entry('2026-11-10', 'testco-instagram', 40_000),
  entry('2026-11-17', 'testco-linkedin', 12_245),
  entry('2026-11-17', 'testco-instagram', 41_200),
]

const live: LiveMaterial = {
  history,
  results: [
    result({ screenshot: 'testco-linkedin.png', metrics: { followers: { value: 12_345, source: 'meta' }, posts: { value: 210, source: 'meta' } } }),
    result({ account: 'testco-instagram', platform: 'instagram', label: 'Testco on Instagram', status: 'blocked', reason: 'login wall', title: 'Log in • Instagram' }),
  ],
}

function compose(material: LiveMaterial | undefined) {
  const plan = planAgenda({ duration: 45, empty: emptySegments(config, topic, material, '2026-11-24') })
  return composeDeck({ config, topic, date: '2026-11-24', plan, live: material })
}

const text = (slide: Slide) => [slide.title, slide.figure, slide.change, ...(slide.bullets ?? []), slide.caption, ...(slide.table?.rows.flat() ?? [])].join(' | ')

describe('here and now', () => {
  it('is a placeholder without snapshots, and filled with them', () => {
    expect(emptySegments(config, topic, undefined, '2026-11-24').has('here-and-now')).toBe(true)
    expect(emptySegments(config, topic, live, '2026-11-24').has('here-and-now')).toBe(false)
  })

  it('shows the number large with the change since the previous meeting, the source and the screenshot', () => {
    const deck = compose(live)
    const linkedin = deck.slides.find((s) => s.kind === 'account' && s.title.startsWith('LinkedIn'))!
    expect(linkedin.title).toBe('LinkedIn: 12,345 followers')
    expect(linkedin.figure).toBe('12,345')
    expect(linkedin.change).toBe('▲ 100 since 2026-11-17')
    expect(linkedin.image).toBe('snapshots/testco-linkedin.png')
    expect(linkedin.caption).toBe("Snapshot 2026-11-24 08:02 UTC · from the page's meta tags")
    expect(linkedin.bullets).toEqual(['210 posts'])
  })

  it('names the owner API a number came from (its via), and the kind of source otherwise', () => {
    const fromApi = result({ metrics: { followers: { value: 12_345, source: 'api', via: 'linkedin-organization-api' } }, screenshot: 'testco-linkedin.png' })
    const deck = compose({ history: [], results: [fromApi] })
    const slide = deck.slides.find((s) => s.kind === 'account' && s.title.startsWith('LinkedIn'))!
    expect(slide.caption).toBe('Snapshot 2026-11-24 08:02 UTC · from the LinkedIn Community Management API')
    // A via that no source of the platform has (an old history line): the kind of source, never a guess.
    const unknown = result({ metrics: { followers: { value: 12_345, source: 'api', via: 'gone-api' } }, screenshot: 'testco-linkedin.png' })
    const other = compose({ history: [], results: [unknown] }).slides.find((s) => s.kind === 'account' && s.title.startsWith('LinkedIn'))!
    expect(other.caption).toBe("Snapshot 2026-11-24 08:02 UTC · from the platform's public API")
  })

  it('shows a blocked account on the shared slide of accounts not read: its reason, its last good value with its age, and the fix; never a slide or screenshot of its own', () => {
    const deck = compose(live)
    expect(deck.slides.filter((s) => s.kind === 'account').map((s) => s.title)).toEqual(['LinkedIn: 12,345 followers'])
    const unread = deck.slides.find((s) => s.title === '1 account could not be read today')!
    expect(unread.kind).toBe('table')
    expect(unread.segment).toBe('here-and-now')
    expect(unread.image).toBeUndefined()
    expect(unread.table!.rows).toEqual([
      [
        'Testco on Instagram: login wall',
        "Last good: 41,200 followers on 2026-11-17 (7 days old). Fix: sign in once with showtell login instagram, or enter today's figure from the platform's own analytics: showtell record testco-instagram followers=N.",
      ],
    ])
    const overview = deck.slides.find((s) => s.kind === 'overview')!
    expect(overview.title).toBe('1 of our 2 accounts answered; 1 did not')
    expect(overview.tiles!.map((t) => [t.name, t.figure, t.change, t.status])).toEqual([
      ['Testco on LinkedIn', '12,345 followers', '▲ 100', 'live'],
      ['Testco on Instagram', 'not read today', '', 'blocked'],
    ])
  })

  it('says "first measurement" when there is no earlier meeting, and "no good value" for an account not read', () => {
    const deck = compose({ history: [], results: live.results })
    const linkedin = deck.slides.find((s) => s.kind === 'account' && s.title.startsWith('LinkedIn'))!
    expect(linkedin.change).toBe('first measurement')
    const unread = deck.slides.find((s) => s.title === '1 account could not be read today')!
    expect(unread.table!.rows[0]![1]).toBe("No good value recorded yet. Fix: sign in once with showtell login instagram, or enter today's figure from the platform's own analytics: showtell record testco-instagram followers=N.")
  })

  it('gives every account not read one row, with a fix that fits what went wrong, and splits a long list like any table', () => {
    const failing = (account: string, platform: SnapshotResult['platform'], status: SnapshotResult['status'], reason: string) =>
      result({ account, platform, label: account, status, reason })
    const many = workspaceConfigSchema.parse({
      company: { name: 'Testco' },
      accounts: ['a-x', 'b-gone', 'c-slow', 'd-wall', 'e-wall'].map((id) => ({ id, platform: id === 'a-x' ? 'x' : 'linkedin', handle: id })),
      meeting: { weekday: 'tuesday', start: '2026-11-24' },
    })
    const material: LiveMaterial = {
      history: [],
      results: [
        // As the pipeline records it: the owner API skipped for want of its token, the page behind its wall.
        {
          ...failing('a-x', 'x', 'blocked', 'login required'),
          sources: [
            { id: 'x-api-v2', name: 'X API v2', state: 'skipped', reason: 'no credential: set SHOWTELL_X_BEARER_TOKEN', credential: 'SHOWTELL_X_BEARER_TOKEN' },
            { id: 'page', name: 'the page', state: 'blocked', reason: 'login wall' },
          ],
        },
        failing('b-gone', 'linkedin', 'not-found', 'page not found (404)'),
        failing('c-slow', 'linkedin', 'timeout', 'no answer within 30 s'),
        failing('d-wall', 'linkedin', 'blocked', 'login wall'),
        failing('e-wall', 'linkedin', 'blocked', 'login wall'),
      ],
    }
    const plan = planAgenda({ duration: 45, empty: emptySegments(many, topic, material, '2026-11-24') })
    const deck = composeDeck({ config: many, topic, date: '2026-11-24', plan, live: material })
    // The whole table is in the appendix. Without a measurement it splits by estimated
    // lines (45 characters a line, 11 lines a slide): the fix cells, with "No good value
    // recorded yet. Fix: " (33 characters), run 73, 84, 128, 170 and 170 characters, so
    // 2, 2, 3, 4 and 4 lines. As few slides as fit is two (2+2+3+4 = 11, then 4);
    // balanced, 3 + 2 (7 and 8 lines).
    const unread = deck.slides.filter((s) => s.appendix && s.title.startsWith('5 accounts could not be read today'))
    expect(unread.map((s) => s.table!.rows.length)).toEqual([3, 2])
    const fixes = unread.flatMap((s) => s.table!.rows.map((row) => row[1].replace(/^No good value recorded yet\. Fix: /, '')))
    expect(fixes).toEqual([
      'set SHOWTELL_X_BEARER_TOKEN (X API v2).',
      "check the account's url or handle in showtell.yaml.",
      'run showtell snapshot again; if it keeps failing, enter the figure by hand with showtell record.',
      // A walled page on a platform with a sign-in page: the signed-in profile, or the figure by hand.
      "sign in once with showtell login linkedin, or enter today's figure from the platform's own analytics: showtell record d-wall followers=N.",
      "sign in once with showtell login linkedin, or enter today's figure from the platform's own analytics: showtell record e-wall followers=N.",
    ])
    expect(deck.slides.some((s) => s.kind === 'account')).toBe(false)
  })

  it('renders screenshots as images beside the text and keeps scraped text out of the markup', async () => {
    const hostile = '<!-- _class: pwned --> **Hacked** [click](http://evil.example)'
    const deck = compose({
      history,
      results: [result({ screenshot: 'testco-linkedin.png', title: hostile, metrics: { followers: { value: 5, source: 'meta' } } })],
    })
    const templates = await loadTemplates()
    const markdown = renderMarkdown(deck, templates)
    expect(markdown).toContain('![screenshot](snapshots/testco-linkedin.png)')
    const rendered = renderSlides(markdown, templates)
    expect(rendered.slideCount).toBe(deck.slides.length)
    expect(rendered.html).not.toContain('pwned')
    expect(rendered.html).not.toContain('<strong>Hacked')
    expect(rendered.html).not.toContain('href="http://evil.example"')
    // The scraped title reaches the notes as plain text.
    expect(rendered.notes.join('\n')).toContain('**Hacked** [click](http://evil.example)')
  })
})

describe('ROI', () => {
  it('is a placeholder until two meetings have numbers', () => {
    expect(emptySegments(config, topic, { history: [], results: live.results }, '2026-11-24').has('roi')).toBe(true)
    expect(emptySegments(config, topic, live, '2026-11-24').has('roi')).toBe(false)
  })

  it('charts total followers of the accounts measured at every meeting, and lists each account', () => {
    const deck = compose(live)
    const chart = deck.slides.find((s) => s.kind === 'chart')!
    // Only LinkedIn was measured at all three dates (Instagram is blocked today).
    expect(chart.chart!.points).toEqual([
      { label: '2026-11-10', value: 12_000 },
      { label: '2026-11-17', value: 12_245 },
      { label: '2026-11-24', value: 12_345 },
    ])
    expect(chart.title).toBe('Followers grew 2.9% over 3 meetings')
    expect(chart.image).toBe('charts/followers.svg')
    const table = deck.slides.find((s) => s.segment === 'roi' && s.kind === 'table')!
    expect(text(table)).toContain('Testco on LinkedIn | 12,345 (▲ 345 since 2026-11-10)')
    expect(text(table)).toContain('Testco on Instagram | 41,200 (▲ 1,200 since 2026-11-10)')
  })
})

describe('renderLineChart', () => {
  it('draws one point per meeting, rising left to right for rising values, with escaped labels', () => {
    const svg = renderLineChart([
      { label: '2026-11-10', value: 100 },
      { label: '2026-11-17', value: 150 },
      { label: '<b>&', value: 200 },
    ])
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(circles).toHaveLength(3)
    // x grows; y shrinks (SVG y points down) as the value grows.
    expect(circles[0]![0]).toBeLessThan(circles[1]![0]!)
    expect(circles[0]![1]).toBeGreaterThan(circles[1]![1]!)
    expect(circles[1]![1]).toBeGreaterThan(circles[2]![1]!)
    expect(svg).toContain('&#60;b&#62;&#38;')
    expect(svg).not.toContain('<b>')
  })

  it('picks round axis ends and never a zero-height range', () => {
    expect(niceRange(104_200, 112_900)).toEqual([104_000, 113_000])
    expect(niceRange(5, 5)).toEqual([4, 6])
    expect(niceRange(0, 0)).toEqual([0, 1])
  })
})
