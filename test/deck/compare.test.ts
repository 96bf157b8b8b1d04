// The comparison, pure, with numbers worked out by hand. Meeting 2026-11-24,
// last meeting 2026-11-17; the 90-day window starts 2026-08-26.
// Instagram: us 1,000 → 1,050 (+5.0%, over 90 days from 1,000 on 1 Sep:
// +5.0%); Big 100,000 → 102,000 (+2.0%; over 90 days from 95,000 on 1 Sep:
// +7.4%, its 90,000 of 1 Aug is older than the window); Small 3,000 → 3,151
// (+5.033…%, shown 5.0%: a tie with us); Walled blocked today, last good
// 15,900 on 3 Nov (not ranked). Bluesky: us 500 → 510 (+2.0%), Small 100 →
// 103 (+3.0%): the small one leads though it is a fifth our size.
import { describe, expect, it } from 'vitest'
import { comparisonSlides } from '../../src/deck/compare.js'
import { compare, type Party } from '../../src/snapshot/comparison.js'
import { langFor } from '../../src/deck/lang.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'

const DATE = '2026-11-24'
const parties: Party[] = [
  { name: 'Us', ours: true, accounts: [{ id: 'us-ig', platform: 'instagram' }, { id: 'us-bs', platform: 'bluesky' }, { id: 'us-yt', platform: 'youtube' }] },
  { name: 'Big', ours: false, accounts: [{ id: 'big-ig', platform: 'instagram' }] },
  { name: 'Small', ours: false, accounts: [{ id: 'small-ig', platform: 'instagram' }, { id: 'small-bs', platform: 'bluesky' }] },
  { name: 'Walled', ours: false, accounts: [{ id: 'walled-ig', platform: 'instagram' }] },
]
const row = (date: string, account: string, platform: string, value: number): HistoryEntry => ({ date, capturedAt: `${date}T08:00:00Z`, account, platform, status: 'ok', metrics: { followers: { value, source: 'meta' } } })
const history: HistoryEntry[] = [
  row('2026-09-01', 'us-ig', 'instagram', 1000),
  row('2026-11-17', 'us-ig', 'instagram', 1000),
  row('2026-08-01', 'big-ig', 'instagram', 90_000),
  row('2026-09-01', 'big-ig', 'instagram', 95_000),
  row('2026-11-17', 'big-ig', 'instagram', 100_000),
  row('2026-11-17', 'small-ig', 'instagram', 3000),
  row('2026-11-03', 'walled-ig', 'instagram', 15_900),
  row('2026-11-17', 'us-bs', 'bluesky', 500),
  row('2026-11-17', 'small-bs', 'bluesky', 100),
]
const ok = (account: string, platform: string, followers: number, more: Partial<SnapshotResult['metrics']> = {}): SnapshotResult => ({ account, platform: platform as SnapshotResult['platform'], label: account, url: 'https://example.test/', status: 'ok', metrics: { followers: { value: followers, source: 'meta' }, ...more }, capturedAt: `${DATE}T08:00:00Z`, durationMs: 1 })
const results: SnapshotResult[] = [
  ok('us-ig', 'instagram', 1050),
  ok('big-ig', 'instagram', 102_000, { postsPerMonth: { value: 12, source: 'api' }, interactionsPerPost: { value: 340, source: 'api' } }),
  ok('small-ig', 'instagram', 3151),
  { ...ok('walled-ig', 'instagram', 0), status: 'blocked', metrics: {}, reason: 'login wall' },
  ok('us-bs', 'bluesky', 510),
  ok('small-bs', 'bluesky', 103),
  ok('us-yt', 'youtube', 9999),
]

describe('compare', () => {
  const rows = compare({ date: DATE, parties, results, history })

  it('has a row only where we and a competitor share a platform, in our order', () => {
    expect(rows.map((r) => r.platform)).toEqual(['instagram', 'bluesky'])
  })

  it('growth, not size, decides the leader; equal at 0.1% is a tie', () => {
    const [instagram, bluesky] = rows
    expect(instagram!.leaders).toEqual(['Us', 'Small'])
    expect(bluesky!.leaders).toEqual(['Small'])
    const cell = (name: string) => instagram!.cells.find((c) => c.party === name)!
    expect(cell('Us').sinceLast).toEqual({ fraction: 0.05, from: '2026-11-17' })
    expect(cell('Big').sinceLast!.fraction).toBeCloseTo(0.02, 10)
    expect(cell('Big').over90!.fraction).toBeCloseTo(7000 / 95_000, 10)
    expect(cell('Big').over90!.from).toBe('2026-09-01')
    expect(cell('Big').leads).toBe(false)
  })

  it('missing values are undefined with a reason, never 0', () => {
    const us = rows[0]!.cells.find((c) => c.party === 'Us')!
    expect(us.posts30).toBeUndefined()
    expect(us.missing.posts30).toBe('not-given')
    const small = rows[0]!.cells.find((c) => c.party === 'Small')!
    expect(small.over90).toBeUndefined()
    expect(small.missing.over90).toBe('no-history')
    const big = rows[0]!.cells.find((c) => c.party === 'Big')!
    expect([big.posts30, big.perPost]).toEqual([12, 340])
  })

  it('a blocked competitor keeps its last good value and is not ranked', () => {
    const walled = rows[0]!.cells.find((c) => c.party === 'Walled')!
    expect(walled.followers).toBeUndefined()
    expect(walled).toMatchObject({ lastGood: { value: 15_900, date: '2026-11-03' }, status: 'blocked', ranked: false, leads: false })
  })

  it('the slide puts the faster grower first, marks ties, and shows a stale value as such (en)', () => {
    const { slide, appendix } = comparisonSlides(rows, DATE, 'Here and now', langFor('en'))
    expect(slide!.notes).toContain('Instagram: ★ Small 3,151 (▲ 5.0%) · ★ Us 1,050 (▲ 5.0%) · Big 102,000 (▲ 2.0%) · Walled 15,900, last good 2026-11-03.')
    expect(slide!.notes).toContain('Bluesky: ★ Small 103 (▲ 3.0%) · Us 510 (▲ 2.0%).')
    // The chart: bars by growth. The longest bar (Small's 5.033%) spans the
    // bar area, 1000 − 470 − 150 = 380 px; Us at 5.0% is 380 × 0.05 / 0.050333… = 377.5 px;
    // Big's 2.0% is 151.0 px. Walled has no bar, only its last good value.
    // Rows are 40 px under a 40 px heading: Small's bar (row 1) at 40 + 20 − 12 = 48, Walled's text (row 4) at 160 + 20 + 8 = 188.
    const svg = slide!.chart!.svg!
    expect(svg).toContain('<rect x="470.0" y="48" width="380.0" height="24" fill="#6b7280"/>')
    expect(svg).toContain('width="377.5" height="24" fill="#0b4f8a"/>')
    expect(svg).toContain('width="151.0"')
    expect(svg.match(/<rect /g)).toHaveLength(5)
    expect(svg).toContain('>Walled</text><text x="470" y="188" font-size="24" fill="#4b5563">15,900, last good 2026-11-03</text>')
    expect(svg).toContain('>★ Small · 3,151</text>')
    expect(slide!.notes).toContain('Instagram: a tie between Us, Small.')
    expect(slide!.notes.some((n) => n.includes('Walled was not read today (blocked): 15,900 is its last good value, from 2026-11-03; not ranked.'))).toBe(true)
    expect(slide!.notes).toContain('Us (Instagram): no posts in 30 days (the source does not give it); no engagement per post (the source does not give it).')
    expect(appendix.map((s) => [s.title, s.bookmark, s.appendix])).toEqual([['Big', 'Big', true], ['Small', 'Small', true], ['Walled', 'Walled', true]])
    expect(appendix[0]!.table!.rows).toEqual([['Instagram', '102,000 · ▲ 2.0% · ▲ 7.4% since 2026-09-01 · 12 posts in 30 days · 340 per post']])
    expect(appendix[1]!.table!.rows[0]).toEqual(['Instagram', '3,151 · ▲ 5.0% · — over 90 days · posts in 30 days: — · per post: —'])
  })

  it('in Norwegian, numbers and words are the language\'s', () => {
    const { slide } = comparisonSlides(rows, DATE, 'Her og nå', langFor('nb'))
    expect(slide!.title).toBe('Slik står vi oss: vekst, ikke størrelse')
    expect(slide!.notes).toContain('Bluesky: ★ Small 103 (▲ 3,0\u00a0%) · Us 510 (▲ 2,0\u00a0%).')
    expect(slide!.chart!.svg).toContain('>▲ 3,0\u00a0%</text>')
  })

  it('no competitor read today: no slide', () => {
    const blocked = results.map((r) => (r.account.startsWith('us-') ? r : { ...r, status: 'blocked' as const, metrics: {} }))
    expect(comparisonSlides(compare({ date: DATE, parties, results: blocked, history }), DATE, 'k')).toEqual({ appendix: [] })
    expect(compare({ date: DATE, parties: parties.slice(0, 1), results, history })).toEqual([])
  })
})
