// The pure parts of a refresh: what makes two slides the same slide
// (src/build/identity.ts) and how Marp's slides are cut out of its HTML.
import { describe, expect, it } from 'vitest'
import { maskNumbers, sameSlide, slideIdentity, type SlideIdentity } from '../../src/build/identity.js'
import { slideSvgs, withoutBuilt } from '../../src/present/refresh.js'
import type { Slide } from '../../src/deck/slide.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'

const ACCOUNTS = [
  { id: 'nordlys-linkedin', label: 'Nordlys on LinkedIn' },
  { id: 'nordlys-bluesky', label: 'Nordlys on Bluesky' },
]

const spotlight = (figure: string, image = 'snapshots/nordlys-bluesky.png'): Slide => ({
  kind: 'account',
  segment: 'here-and-now',
  kicker: `Spotlight · +${figure}%`,
  title: `Bluesky: ${figure} followers`,
  image,
  notes: [`Nordlys on Bluesky: ${figure} followers.`],
})

describe('maskNumbers', () => {
  it('turns each number, with the separators of English and Norwegian, into one #', () => {
    expect(maskNumbers('Bluesky: 12,345 followers')).toBe('Bluesky: # followers')
    expect(maskNumbers('Bluesky: 12\u00a0345 følgere')).toBe('Bluesky: # følgere')
    expect(maskNumbers('Følgerne økte 3,3 % over 2 møter')).toBe('Følgerne økte # % over # møter')
    expect(maskNumbers('Followers grew 6.3% over 2 meetings')).toBe('Followers grew #% over # meetings')
    expect(maskNumbers('no numbers')).toBe('no numbers')
  })
})

describe('sameSlide', () => {
  it('is the same slide when only its numbers changed', () => {
    expect(sameSlide(slideIdentity(spotlight('2,301'), ACCOUNTS), slideIdentity(spotlight('3,301'), ACCOUNTS))).toBe(true)
  })

  it('is another slide when it shows another account, another kind or another segment', () => {
    const was = slideIdentity(spotlight('2,301'), ACCOUNTS)
    const linkedin: Slide = { ...spotlight('2,301', 'snapshots/nordlys-linkedin.png'), notes: ['Nordlys on LinkedIn: 2,301 followers.'] }
    expect(slideIdentity(linkedin, ACCOUNTS).accounts).toEqual(['nordlys-linkedin'])
    expect(sameSlide(was, slideIdentity(linkedin, ACCOUNTS))).toBe(false)
    expect(sameSlide(was, { ...was, kind: 'table' })).toBe(false)
    expect(sameSlide(was, { ...was, segment: 'roi' })).toBe(false)
    expect(sameSlide(was, { ...was, appendix: true })).toBe(false)
  })

  it('is another slide when a word that goes with the numbers changed', () => {
    const chart = (title: string): SlideIdentity => ({ kind: 'chart', segment: 'roi', appendix: false, title, image: 'charts/followers.svg', accounts: [] })
    expect(sameSlide(chart('Followers grew 3.3% over 2 meetings'), chart('Followers grew 6.3% over 2 meetings'))).toBe(true)
    expect(sameSlide(chart('Followers grew 3.3% over 2 meetings'), chart('Followers fell 3.3% over 2 meetings'))).toBe(false)
  })

  it('names the accounts of an overview by its tiles', () => {
    const overview: Slide = {
      kind: 'overview',
      segment: 'here-and-now',
      title: 'All 2 of our accounts are live right now',
      tiles: [
        { name: 'Nordlys on LinkedIn', figure: '1 follower', change: '', status: 'live' },
        { name: 'Nordlys on Bluesky', figure: '2 followers', change: '', status: 'live' },
      ],
      notes: [],
    }
    expect(slideIdentity(overview, ACCOUNTS).accounts).toEqual(['nordlys-linkedin', 'nordlys-bluesky'])
    expect(slideIdentity(overview, ACCOUNTS).tiles).toEqual(['Nordlys on LinkedIn', 'Nordlys on Bluesky'])
  })
})

describe('slideSvgs', () => {
  it('cuts out each top-level <svg>, with any <svg> inside it whole', () => {
    const one = '<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject><section>a</section></foreignObject></svg>'
    const two = '<svg data-marpit-svg=""><foreignObject><section><svg viewBox="0 0 1 1"><rect/></svg>b</section></foreignObject></svg>'
    expect(slideSvgs(`<div class="marpit">${one}${two}</div>`)).toEqual([one, two])
    expect(slideSvgs('<div class="marpit"></div>')).toEqual([])
  })
})

describe('withoutBuilt', () => {
  const row = (date: string, capturedAt: string, account: string, competitor?: string): HistoryEntry => ({
    date,
    capturedAt,
    account,
    platform: 'instagram',
    status: 'ok',
    metrics: { followers: { value: 1, source: 'page-text' } },
    ...(competitor ? { competitor } : {}),
  })
  const built = (account: string, capturedAt: string, competitor?: string): SnapshotResult => ({
    account,
    platform: 'instagram',
    label: account,
    url: 'https://example.test/',
    status: 'ok',
    metrics: {},
    capturedAt,
    durationMs: 0,
    ...(competitor ? { competitor } : {}),
  })

  it("leaves out the competitors' rows the build appended, and only those", () => {
    const rows = [
      row('2026-11-17', '2026-11-17T08:00:00.000Z', 'fjellkraft-instagram', 'Fjellkraft'),
      // A snapshot run earlier the same day, before the build: it was in the history the build read.
      row('2026-11-24', '2026-11-24T06:00:00.000Z', 'fjellkraft-instagram', 'Fjellkraft'),
      // The build's own rows.
      row('2026-11-24', '2026-11-24T08:00:03.000Z', 'fjellkraft-instagram', 'Fjellkraft'),
      row('2026-11-24', '2026-11-24T08:00:04.000Z', 'villmark-instagram', 'Villmark Gear'),
      // A later meeting's row captured at the same instant is not the build's.
      row('2026-12-01', '2026-11-24T08:00:04.000Z', 'villmark-instagram', 'Villmark Gear'),
    ]
    const kept = withoutBuilt(rows, [built('fjellkraft-instagram', '2026-11-24T08:00:03.000Z', 'Fjellkraft'), built('villmark-instagram', '2026-11-24T08:00:04.000Z', 'Villmark Gear')], '2026-11-24')
    expect(kept.map((entry) => `${entry.date} ${entry.capturedAt.slice(11, 19)} ${entry.account}`)).toEqual([
      '2026-11-17 08:00:00 fjellkraft-instagram',
      '2026-11-24 06:00:00 fjellkraft-instagram',
      '2026-12-01 08:00:04 villmark-instagram',
    ])
  })

  it('keeps every row when the build read nothing', () => {
    const rows = [row('2026-11-24', '2026-11-24T08:00:03.000Z', 'fjellkraft-instagram', 'Fjellkraft')]
    expect(withoutBuilt(rows, [], '2026-11-24')).toEqual(rows)
  })
})
