// The executive scorecard: one row per person (grouped by `person:`, default
// the label), silence named plainly, a listed executive with no account,
// competitors' executives beside ours, a blocked account with its last good
// value, and every number worked out by hand. Pure: no browser.
import { beforeAll, describe, expect, it } from 'vitest'
import { langFor } from '../../src/deck/lang.js'
import { scorecardRows, scorecardSlide, type ScorecardInput } from '../../src/deck/scorecard.js'
import { hereAndNow } from '../../src/deck/segments/here-and-now.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { accountSchema, type Account } from '../../src/workspace/schema.js'
import { REPO_ROOT } from '../helpers/cli.js'

const DATE = '2026-11-24'
const en = langFor('en')
const nb = langFor('nb')

const account = (fields: Record<string, unknown>): Account => accountSchema.parse({ owner: 'executive', url: 'https://example.test/', ...fields })

type M = SnapshotResult['metrics']
function result(id: string, platform: string, metrics: M, status: SnapshotResult['status'] = 'ok'): SnapshotResult {
  return { account: id, platform: platform as SnapshotResult['platform'], label: id, url: 'https://example.test/', status, ...(status === 'ok' ? {} : { reason: 'login wall' }), metrics, capturedAt: `${DATE}T08:00:00.000Z`, durationMs: 1 } as SnapshotResult
}
function row(id: string, platform: string, date: string, followers: number, extra: Partial<HistoryEntry['metrics']> = {}): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00Z`, account: id, platform, status: 'ok', metrics: { followers: { value: followers, source: 'api' }, ...extra } }
}
const followers = (value: number) => ({ followers: { value, source: 'api' as const } })
const posts = (value: number) => ({ postsPerMonth: { value, source: 'api' as const } })
const lastPost = (day: string) => ({ lastPostAt: { value: `${day}T10:00:00.000Z`, source: 'feed' as const } })

const ingrid = [account({ id: 'ingrid-li', platform: 'linkedin', label: 'Ingrid on LinkedIn', person: 'Ingrid Berg' }), account({ id: 'ingrid-bs', platform: 'bluesky', label: 'Ingrid on Bluesky', person: 'Ingrid Berg' })]

describe('scorecardRows', () => {
  it('groups one person\'s accounts by person:, sums posts and followers, and counts the trend by hand', () => {
    const input: ScorecardInput = {
      accounts: [account({ id: 'brand', platform: 'instagram', owner: 'official' }), ...ingrid, account({ id: 'ola-x', platform: 'x', label: 'Ola Nordmann' })],
      results: [
        result('ingrid-li', 'linkedin', { ...followers(1100), ...posts(3), ...lastPost('2026-11-20') }),
        result('ingrid-bs', 'bluesky', { ...followers(520), ...posts(2), ...lastPost('2026-11-10') }),
        result('ola-x', 'x', { ...followers(50), ...lastPost('2026-10-01') }),
      ],
      history: [
        // 90 days before 2026-11-24 is 2026-08-26: the window starts at the first count on or after it.
        row('ingrid-li', 'linkedin', '2026-08-01', 100),
        row('ingrid-li', 'linkedin', '2026-09-01', 900),
        row('ingrid-bs', 'bluesky', '2026-09-01', 480),
        row('ingrid-li', 'linkedin', '2026-11-17', 1000),
        row('ingrid-bs', 'bluesky', '2026-11-17', 500),
      ],
      date: DATE,
      lang: en,
    }
    const rows = scorecardRows(input)
    // The official account is no executive; Ola has no person: and is named by his label.
    expect(rows.map((r) => r.person)).toEqual(['Ingrid Berg', 'Ola Nordmann'])
    const [i, o] = rows
    expect(i!.platforms).toEqual(['LinkedIn', 'Bluesky'])
    expect(i!.posts30).toBe(5) // 3 + 2
    expect(i!.lastPost).toBe('2026-11-20') // the newer of the two
    expect(i!.followers).toBe(1620) // 1,100 + 520
    expect(i!.sinceMeeting).toEqual({ delta: 120, date: '2026-11-17' }) // (1,100 − 1,000) + (520 − 500)
    expect(i!.in90).toBe(240) // (1,100 − 900) + (520 − 480)
    expect(i!.words).toBe('LinkedIn, Bluesky · 5 posts in 30 days · last post 2026-11-20 · ▲ 120 followers since 2026-11-17, ▲ 240 in 90 days')
    // Ola: no earlier count, no posts figure: said so, never 0.
    expect(o!.posts30).toBeUndefined()
    expect(o!.words).toBe('X · posts in 30 days not given by the source · no post in 54 days · 50 followers, first count')
  })

  it('names silence plainly from 30 days on, and a recent post by its date', () => {
    const input = (day: string): ScorecardInput => ({ accounts: [ingrid[0]!], results: [result('ingrid-li', 'linkedin', { ...followers(10), ...lastPost(day) })], history: [], date: DATE, lang: en })
    expect(scorecardRows(input('2026-10-10'))[0]!.words).toContain('no post in 45 days')
    expect(scorecardRows(input('2026-10-25'))[0]!.words).toContain('no post in 30 days')
    expect(scorecardRows(input('2026-10-26'))[0]!.words).toContain('last post 2026-10-26')
    expect(scorecardRows({ ...input('2026-10-10'), lang: nb })[0]!.words).toContain('ingen innlegg på 45 dager')
  })

  it('lists an executive named in executives: with no account, and does not list a named person twice', () => {
    const rows = scorecardRows({ accounts: ingrid, executives: ['Ingrid Berg', 'Lars Haugen'], history: [], date: DATE, lang: en })
    expect(rows.map((r) => [r.person, r.platforms.length])).toEqual([['Ingrid Berg', 2], ['Lars Haugen', 0]])
    expect(rows[1]!.words).toBe('No account on any platform we follow')
    expect(scorecardRows({ accounts: [], executives: ['Lars Haugen'], history: [], date: DATE, lang: nb })[0]!.words).toBe('Ingen konto på noen plattform vi følger')
  })

  it('puts competitors\' executives beside ours, marked with the competitor\'s name; their company accounts are not executives', () => {
    const input: ScorecardInput = {
      accounts: ingrid,
      competitors: [{ name: 'Fjellkraft', accounts: [account({ id: 'fk-brand', platform: 'instagram', owner: 'official' }), account({ id: 'fk-ceo', platform: 'linkedin', label: 'Marte Lie', person: 'Marte Lie' })], executives: ['Per Dahl'] }],
      results: [result('fk-ceo', 'linkedin', { ...followers(3000), ...posts(9), ...lastPost('2026-11-23') })],
      history: [],
      date: DATE,
      lang: en,
    }
    const rows = scorecardRows(input)
    expect(rows.map((r) => [r.person, r.competitor])).toEqual([['Ingrid Berg', undefined], ['Marte Lie', 'Fjellkraft'], ['Per Dahl', 'Fjellkraft']])
    const slide = scorecardSlide({ ...input, kicker: 'Here and now' })!
    expect(slide.table!.rows.map((r) => r[0])).toEqual(['Ingrid Berg', 'Marte Lie (Fjellkraft)', 'Per Dahl (Fjellkraft)'])
    expect(slide.table!.rows[1]![1]).toBe('LinkedIn · 9 posts in 30 days · last post 2026-11-23 · 3,000 followers, first count')
    // The title counts ours only; Ingrid was not read, so her posting is unknown: the title says only that she has an account.
    expect(slide.title).toBe('Our leader has an account we follow')
    // Known posting: counted; an executive with no account counts as not posting.
    const known = scorecardSlide({ ...input, executives: ['Lars Haugen'], results: [...input.results!, result('ingrid-li', 'linkedin', lastPost('2026-11-20'))], kicker: 'k' })!
    expect(known.title).toBe('1 of our 2 leaders posted in the last 30 days')
    const silent = scorecardSlide({ ...input, results: [result('ingrid-li', 'linkedin', lastPost('2026-09-01'))], kicker: 'k' })!
    expect(silent.title).toBe('Our leader has not posted in the last 30 days')
  })

  describe('the title reads as people say it: one leader, both, all, none, or some of them', () => {
    // `leaders` of ours, each with one LinkedIn account; the first `active` posted 4 days ago, the rest 54 days ago.
    // With `hidden`, the last of them was read but its source gives no last post: posting is unknown.
    const titleFor = (language: 'en' | 'nb', leaders: number, active: number, hidden = false) => {
      const ids = Array.from({ length: leaders }, (_, i) => `lead-${i}`)
      const input: ScorecardInput = {
        accounts: ids.map((id, i) => account({ id, platform: 'linkedin', person: `Leader ${i}` })),
        // A competitor's leader who posted: never counted in our title.
        competitors: [{ name: 'Fjellkraft', accounts: [account({ id: 'fk-ceo', platform: 'linkedin', person: 'Marte Lie' })] }],
        results: [
          ...ids.map((id, i) => result(id, 'linkedin', hidden && i === leaders - 1 ? followers(10) : { ...followers(10), ...lastPost(i < active ? '2026-11-20' : '2026-10-01') })),
          result('fk-ceo', 'linkedin', { ...followers(10), ...lastPost('2026-11-23') }),
        ],
        history: [],
        date: DATE,
        lang: language === 'en' ? en : nb,
      }
      return scorecardSlide({ ...input, kicker: 'k' })!.title
    }

    it('in English', () => {
      expect(titleFor('en', 1, 1)).toBe('Our leader posted in the last 30 days')
      expect(titleFor('en', 1, 0)).toBe('Our leader has not posted in the last 30 days')
      expect(titleFor('en', 2, 2)).toBe('Both our leaders posted in the last 30 days')
      expect(titleFor('en', 2, 1)).toBe('1 of our 2 leaders posted in the last 30 days')
      expect(titleFor('en', 2, 0)).toBe('Neither of our leaders posted in the last 30 days')
      expect(titleFor('en', 3, 3)).toBe('All 3 of our leaders posted in the last 30 days')
      expect(titleFor('en', 3, 2)).toBe('2 of our 3 leaders posted in the last 30 days')
      expect(titleFor('en', 3, 1)).toBe('1 of our 3 leaders posted in the last 30 days')
      expect(titleFor('en', 3, 0)).toBe('None of our 3 leaders posted in the last 30 days')
      expect(titleFor('en', 12, 12)).toBe('All 12 of our leaders posted in the last 30 days')
    })

    it('in Norwegian', () => {
      expect(titleFor('nb', 1, 1)).toBe('Lederen vår har postet de siste 30 dagene')
      expect(titleFor('nb', 1, 0)).toBe('Lederen vår har ikke postet de siste 30 dagene')
      expect(titleFor('nb', 2, 2)).toBe('Begge lederne våre har postet de siste 30 dagene')
      expect(titleFor('nb', 2, 1)).toBe('1 av våre 2 ledere har postet de siste 30 dagene')
      expect(titleFor('nb', 2, 0)).toBe('Ingen av de to lederne våre har postet de siste 30 dagene')
      expect(titleFor('nb', 3, 3)).toBe('Alle 3 lederne våre har postet de siste 30 dagene')
      expect(titleFor('nb', 3, 2)).toBe('2 av våre 3 ledere har postet de siste 30 dagene')
      expect(titleFor('nb', 3, 0)).toBe('Ingen av de 3 lederne våre har postet de siste 30 dagene')
    })

    it('says only who has an account when a source hides the last post, in English and Norwegian', () => {
      // Every leader has an account, so all of them are present; posting is unknown.
      expect(titleFor('en', 1, 0, true)).toBe('Our leader has an account we follow')
      expect(titleFor('en', 2, 1, true)).toBe('Both our leaders have an account we follow')
      expect(titleFor('en', 3, 3, true)).toBe('All 3 of our leaders have an account we follow')
      expect(titleFor('nb', 1, 0, true)).toBe('Lederen vår har en konto vi følger')
      expect(titleFor('nb', 2, 1, true)).toBe('Begge lederne våre har en konto vi følger')
      expect(titleFor('nb', 3, 3, true)).toBe('Alle 3 lederne våre har en konto vi følger')
    })

    it('counts a listed leader with no account as absent: some of them, or none but the one', () => {
      const input = (language: 'en' | 'nb', executives: string[]): ScorecardInput => ({
        accounts: [account({ id: 'lead-0', platform: 'linkedin', person: 'Leader 0' })],
        executives,
        results: [result('lead-0', 'linkedin', followers(10))],
        history: [],
        date: DATE,
        lang: language === 'en' ? en : nb,
      })
      // Leader 0's source hides the last post: the title counts accounts. One of two, one of three has one.
      expect(scorecardSlide({ ...input('en', ['Lars Haugen']), kicker: 'k' })!.title).toBe('1 of our 2 leaders has an account we follow')
      expect(scorecardSlide({ ...input('en', ['Lars Haugen', 'Kari Nord']), kicker: 'k' })!.title).toBe('1 of our 3 leaders has an account we follow')
      expect(scorecardSlide({ ...input('nb', ['Lars Haugen', 'Kari Nord']), kicker: 'k' })!.title).toBe('1 av våre 3 ledere har en konto vi følger')
      // Two with accounts hidden, one with none: 2 of 3 in English's plural.
      const two: ScorecardInput = { ...input('en', ['Kari Nord']), accounts: [...input('en', []).accounts, account({ id: 'lead-1', platform: 'bluesky', person: 'Leader 1' })], results: [result('lead-0', 'linkedin', followers(10)), result('lead-1', 'bluesky', followers(10))] }
      expect(scorecardSlide({ ...two, kicker: 'k' })!.title).toBe('2 of our 3 leaders have an account we follow')
      expect(scorecardSlide({ ...two, lang: nb, kicker: 'k' })!.title).toBe('2 av våre 3 ledere har en konto vi følger')
      // Only leaders with no account: nobody posted, known.
      expect(scorecardSlide({ accounts: [], executives: ['Lars Haugen', 'Kari Nord'], history: [], date: DATE, lang: en, kicker: 'k' })!.title).toBe('Neither of our leaders posted in the last 30 days')
      expect(scorecardSlide({ accounts: [], executives: ['Lars Haugen', 'Kari Nord'], history: [], date: DATE, lang: nb, kicker: 'k' })!.title).toBe('Ingen av de to lederne våre har postet de siste 30 dagene')
    })
  })

  it("with only a competitor's leaders listed, the title says we list none of ours instead of counting theirs as ours", () => {
    const theirs: ScorecardInput = {
      accounts: [account({ id: 'brand', platform: 'instagram', owner: 'official' })],
      competitors: [{ name: 'Fjellkraft', accounts: [account({ id: 'fk-ceo', platform: 'linkedin', person: 'Marte Lie' })], executives: ['Ola Fjell'] }],
      results: [result('fk-ceo', 'linkedin', { ...followers(10), ...lastPost('2026-11-23') })],
      history: [],
      date: DATE,
      lang: en,
    }
    const slide = scorecardSlide({ ...theirs, kicker: 'k' })!
    expect(slide.title).toBe("Competitors' leaders only: we list none of ours")
    expect(slide.table!.rows.map((r) => r[0])).toEqual(['Marte Lie (Fjellkraft)', 'Ola Fjell (Fjellkraft)'])
    expect(scorecardSlide({ ...theirs, lang: nb, kicker: 'k' })!.title).toBe('Bare konkurrentenes ledere: vi har ikke oppgitt noen av våre')
  })

  it('shows a blocked account with its last good value, never as 0, and leaves it out of the trend', () => {
    const input: ScorecardInput = {
      accounts: ingrid,
      results: [result('ingrid-li', 'linkedin', {}, 'blocked'), result('ingrid-bs', 'bluesky', { ...followers(520), ...posts(2), ...lastPost('2026-11-20') })],
      history: [row('ingrid-li', 'linkedin', '2026-11-10', 1234, lastPost('2026-11-09')), row('ingrid-bs', 'bluesky', '2026-11-17', 500)],
      date: DATE,
      lang: en,
    }
    const [r] = scorecardRows(input)
    expect(r!.followers).toBe(1754) // 1,234 (last good) + 520
    expect(r!.sinceMeeting).toEqual({ delta: 20, date: '2026-11-17' }) // Bluesky only: 520 − 500
    expect(r!.words).toBe('LinkedIn, Bluesky · 2 posts in 30 days · last post 2026-11-20 · ▲ 20 followers since 2026-11-17 · LinkedIn blocked, last good 1,234 (2026-11-10)')
    // Never read before: says so.
    const never = scorecardRows({ ...input, history: [] })[0]!
    expect(never.words).toContain('LinkedIn blocked, no earlier value')
    expect(never.words).not.toMatch(/\b0 followers/)
    // In Norwegian, numbers and dates through the deck's Lang.
    expect(scorecardRows({ ...input, lang: nb })[0]!.words).toContain('LinkedIn blokkert, sist kjente 1\u00a0234 (10. november)')
  })

  it('no executives: no rows and no slide', () => {
    const input: ScorecardInput = { accounts: [account({ id: 'brand', platform: 'instagram', owner: 'official' })], competitors: [{ name: 'Fjellkraft', accounts: [] }], history: [], date: DATE }
    expect(scorecardRows(input)).toEqual([])
    expect(scorecardSlide({ ...input, kicker: 'k' })).toBeUndefined()
  })
})

describe('the scorecard in the here-and-now segment', () => {
  let workspace: Workspace
  beforeAll(async () => {
    workspace = await loadWorkspace(REPO_ROOT)
  })
  const compose = (minutes: number, executives = true) => {
    const base = workspace.config
    const config = executives ? base : { ...base, executives: [], accounts: base.accounts.filter((a) => a.owner !== 'executive'), competitors: base.competitors.map((c) => ({ ...c, executives: [] })) }
    const results = config.accounts.filter((a) => a.owner !== 'unofficial').map((a) => result(a.id, a.platform, followers(100)))
    const own = { results, history: [] }
    const topic = workspace.topics.get('policy')!.topic
    return hereAndNow.slides({ config, topic, date: DATE, own, live: own, title: 'Here and now', split: (s) => [s], minutes, lang: en })
  }
  const isBoard = (s: { table?: { header: readonly string[] } }) => s.table?.header[0] === 'Leader'

  it('stays in the segment when the minutes carry a slide beyond the overview, and takes the place of a spotlight or what to look for', () => {
    const { slides, appendix } = compose(10)
    expect(slides.filter(isBoard)).toHaveLength(1)
    expect((appendix ?? []).filter(isBoard)).toHaveLength(0)
    // 10 minutes carry 15 slides at 40 s each: never more.
    expect(slides.length).toBeLessThanOrEqual(15)
    expect(slides.find(isBoard)!.table!.rows.map((r) => r[0])).toEqual(['Ingrid Berg', 'Lars Haugen', 'Marte Lie (Fjellkraft)'])
  })

  it('goes to the appendix, bookmarked, when the overview alone fills the minutes', () => {
    // Half a minute carries no slide beyond the overview, which always stays.
    const { slides, appendix } = compose(0.5)
    expect(slides.filter(isBoard)).toHaveLength(0)
    const moved = (appendix ?? []).filter(isBoard)
    expect(moved).toHaveLength(1)
    expect(moved[0]!.appendix).toBe(true)
    expect(moved[0]!.bookmark).toBe('Executive scorecard')
  })

  it("reads a competitor's leader's trend from the competitors' history, not from ours", () => {
    const base = workspace.config
    const marte = account({ id: 'marte-li', platform: 'linkedin', label: 'Marte Lie on LinkedIn', person: 'Marte Lie' })
    const config = { ...base, competitors: base.competitors.map((c) => (c.name === 'Fjellkraft' ? { ...c, accounts: [...c.accounts, marte] } : c)) }
    const results = config.accounts.filter((a) => a.owner !== 'unofficial').map((a) => result(a.id, a.platform, followers(100)))
    const theirs = [{ ...result('marte-li', 'linkedin', followers(1200)), competitor: 'Fjellkraft' }]
    // Our history has no row of hers; the competitors' has the last meeting's count.
    const live = { results, history: [], competitors: theirs, competitorHistory: [{ ...row('marte-li', 'linkedin', '2026-11-17', 1000), competitor: 'Fjellkraft' }] }
    const topic = workspace.topics.get('policy')!.topic
    const { slides, appendix } = hereAndNow.slides({ config, topic, date: DATE, own: live, live, title: 'Here and now', split: (s) => [s], minutes: 10, lang: en })
    const board = [...slides, ...(appendix ?? [])].find(isBoard)!
    const her = board.table!.rows.find((r) => r[0] === 'Marte Lie (Fjellkraft)')!
    // 1,200 now against 1,000 at the last meeting: ▲ 200, not "first count".
    expect(her[1]).toContain('▲ 200 followers since 2026-11-17')
    expect(her[1]).not.toContain('first count')
  })

  it('makes no slide when no executive is listed, ours or a competitor\'s', () => {
    const { slides, appendix } = compose(10, false)
    expect([...slides, ...(appendix ?? [])].filter(isBoard)).toHaveLength(0)
  })
})
