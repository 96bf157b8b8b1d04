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
    expect(slide.title).toBe('1 of our 1 leader have an account we follow')
    // Known posting: counted; an executive with no account counts as not posting.
    const known = scorecardSlide({ ...input, executives: ['Lars Haugen'], results: [...input.results!, result('ingrid-li', 'linkedin', lastPost('2026-11-20'))], kicker: 'k' })!
    expect(known.title).toBe('1 of 2 leaders posted in the last 30 days')
    const silent = scorecardSlide({ ...input, results: [result('ingrid-li', 'linkedin', lastPost('2026-09-01'))], kicker: 'k' })!
    expect(silent.title).toBe('None of our 1 leader posted in the last 30 days')
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
