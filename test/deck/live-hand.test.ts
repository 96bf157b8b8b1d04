// Given figures entered by hand in the history, when the here-and-now slides
// are composed from this build's snapshots, then a hand figure fills what the
// snapshot could not read (a blocked account is shown as data, by hand, with
// its caption), and a newer automatic value always wins over it.
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, type Slide } from '../../src/deck/compose.js'
import type { LiveMaterial } from '../../src/deck/live.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { topicSchema } from '../../src/topics/schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const config = workspaceConfigSchema.parse({
  company: { name: 'Testco' },
  accounts: [{ id: 'testco-linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/testco', label: 'Testco on LinkedIn' }],
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

const DATE = '2026-11-24'

function result(overrides: Partial<SnapshotResult>): SnapshotResult {
  return {
    account: 'testco-linkedin',
    platform: 'linkedin',
    label: 'Testco on LinkedIn',
    url: 'https://www.linkedin.com/company/testco',
    status: 'ok',
    metrics: {},
    capturedAt: `${DATE}T08:02:00.000Z`,
    durationMs: 900,
    ...overrides,
  }
}

function byHand(date: string, followers: number, note?: string): HistoryEntry {
  return { date, capturedAt: `${date}T12:00:00.000Z`, account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: followers, source: 'manual', ...(note ? { note } : {}) } } }
}

function automatic(date: string, followers: number): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00.000Z`, account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: followers, source: 'api' } } }
}

function hereAndNow(material: LiveMaterial): Slide[] {
  const plan = planAgenda({ duration: 45, empty: emptySegments(config, topic, material, DATE) })
  const deck = composeDeck({ config, topic, date: DATE, plan, live: material })
  return deck.slides.filter((s) => s.segment === 'here-and-now')
}

function accountSlide(material: LiveMaterial): Slide {
  return hereAndNow(material).find((s) => s.kind === 'account')!
}

const BLOCKED = result({ status: 'blocked', reason: 'login wall' })

/** The row of the shared "could not be read today" table, when no hand figure stands in. */
function unreadRow(material: LiveMaterial): readonly [string, string] {
  const slides = hereAndNow(material)
  expect(slides.some((s) => s.kind === 'account')).toBe(false)
  const table = slides.find((s) => s.title === '1 account could not be read today')!
  return table.table!.rows[0]!
}

describe('a figure entered by hand', () => {
  it('stands in for a blocked snapshot as data, captioned with its day and note', () => {
    const slide = accountSlide({ history: [automatic('2026-11-10', 12_000), byHand('2026-11-20', 12_500, 'from LinkedIn analytics')], results: [BLOCKED] })
    expect(slide.title).toBe('LinkedIn: 12,500 followers')
    expect(slide.figure).toBe('12,500')
    expect(slide.change).toBe('▲ 500 since 2026-11-10')
    expect(slide.caption).toBe('Snapshot 2026-11-24 08:02 UTC: blocked · entered by hand on 2026-11-20 · from LinkedIn analytics')
    expect(slide.notes).toContain("Today's snapshot: blocked, login wall.")
  })

  it('does not count a blocked snapshot as answered in the overview, though its tile shows the hand figure', () => {
    const overview = hereAndNow({ history: [byHand('2026-11-20', 12_500)], results: [BLOCKED] }).find((s) => s.kind === 'overview')!
    expect(overview.title).toBe('0 of our 1 account answered; 1 did not')
    expect(overview.tiles!.map((t) => [t.name, t.figure, t.status])).toEqual([['Testco on LinkedIn', '12,500 followers', 'entered by hand']])
  })

  it('without snapshots, fills the here-and-now with the hand figures alone', () => {
    const slides = hereAndNow({ history: [automatic('2026-11-10', 12_000), byHand('2026-11-20', 12_500, 'from analytics')] })
    expect(slides.find((s) => s.kind === 'overview')!.title).toBe('One account from figures entered by hand (no snapshots in this deck)')
    expect(slides.find((s) => s.kind === 'account')!.caption).toBe('entered by hand on 2026-11-20 · from analytics')
    // Without a hand figure there is nothing live to show: the segment is its placeholder.
    expect(hereAndNow({ history: [automatic('2026-11-10', 12_000)] }).map((s) => s.kind)).toEqual(['placeholder'])
  })

  it('gives way to a newer automatic value: the account is among those not read, with that one as the last good value', () => {
    const [who, what] = unreadRow({ history: [byHand('2026-11-20', 12_500, 'from LinkedIn analytics'), automatic('2026-11-22', 13_100)], results: [BLOCKED] })
    expect(who).toBe('Testco on LinkedIn: login wall')
    expect(what).toMatch(/^Last good: 13,100 followers on 2026-11-22 \(2 days old\)\. Fix: /)
    expect(what).not.toContain('by hand on')
  })

  it('gives way to an automatic value captured later on the same day', () => {
    const later = { ...automatic('2026-11-20', 12_700), capturedAt: '2026-11-20T13:00:00.000Z' }
    const [who, what] = unreadRow({ history: [byHand('2026-11-20', 12_500), later], results: [BLOCKED] })
    expect(who).toBe('Testco on LinkedIn: login wall')
    expect(what).toMatch(/^Last good: 12,700 followers on 2026-11-20 /)
  })

  it('never replaces what today’s snapshot read', () => {
    const slide = accountSlide({
      history: [byHand('2026-11-24', 12_500, 'typed in this morning')],
      results: [result({ metrics: { followers: { value: 12_650, source: 'meta' } } })],
    })
    expect(slide.title).toBe('LinkedIn: 12,650 followers')
    expect(slide.caption).toBe("Snapshot 2026-11-24 08:02 UTC · from the page's meta tags")
  })

  it('is left out when it is dated after the meeting', () => {
    const [who, what] = unreadRow({ history: [byHand('2026-11-30', 12_500)], results: [BLOCKED] })
    expect(who).toBe('Testco on LinkedIn: login wall')
    expect(what).toMatch(/^No good value recorded yet\. Fix: /)
  })
})
