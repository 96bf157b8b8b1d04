// The dashboard's "how we compare" line, its leaders and a leader's newest
// post, written from the spec with every number worked out by hand:
//
// Snapshot day D is 2026-11-24, the day before 2026-11-17.
// Instagram: Testco 1,000 → 1,050 (+5.0%), Bigco 100,000 → 102,000 (+2.0%),
// Smallco 200 → 220 (+10.0%): the smallest leads. A tie: Smallco 3,000 →
// 3,151 is +5.033…%, shown 5.0% like ours (both lead); 3,152 is +5.066…%,
// shown 5.1% (Smallco alone). Walled is blocked on D, last good 15,900 on
// 2026-11-03. Leaders' silence is counted to 2026-12-10: a post on
// 2026-11-10 is 30 days ago (silence), 2026-11-11 is 29 (not yet), and
// 2026-09-01 is 29 + 31 + 30 + 10 = 100 days.
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { accountLine, comparisonLine, loadOverview, personLines } from '../../src/overview/overview.js'
import type { Cell } from '../../src/snapshot/comparison.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { workspaceConfigSchema, type Account, type WorkspaceConfig } from '../../src/workspace/schema.js'
import { makeWorkspace } from '../helpers/workspace.js'

const D = '2026-11-24'
const BEFORE = '2026-11-17'
const TODAY = '2026-12-10'

const MEETING = `
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  start: 2026-11-24
`

/** A config as a workspace would hold it: YAML through the workspace schema. */
const config = (yaml: string): WorkspaceConfig => workspaceConfigSchema.parse(parse(`company:\n  name: Testco\n${yaml}${MEETING}`))

/** One of our rows: followers, at HH:MM on `date`. */
function ours(date: string, account: string, platform: string, followers: number, time = '08:00'): HistoryEntry {
  return { date, capturedAt: `${date}T${time}:00.000Z`, account, platform, status: 'ok', metrics: { followers: { value: followers, source: 'api' } } }
}
/** A competitor's row, as history/competitors.jsonl holds it. */
function theirs(competitor: string, date: string, account: string, platform: string, followers: number, time = '08:00'): HistoryEntry {
  return { ...ours(date, account, platform, followers, time), competitor }
}
function blocked(date: string, account: string, platform: string, competitor?: string): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00.000Z`, account, platform, status: 'blocked', reason: 'login wall', metrics: {}, ...(competitor ? { competitor } : {}) }
}
/** A good row that saw a post on `postedOn`. */
function posted(date: string, account: string, platform: string, postedOn: string, competitor?: string): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00.000Z`, account, platform, status: 'ok', metrics: { lastPostAt: { value: `${postedOn}T10:00:00.000Z`, source: 'api' } }, ...(competitor ? { competitor } : {}) }
}

const cell = (cells: readonly Cell[], party: string): Cell => {
  const found = cells.find((c) => c.party === party)
  if (!found) throw new Error(`no cell for ${party} in ${cells.map((c) => c.party).join(', ')}`)
  return found
}

const INSTAGRAM = config(`
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
competitors:
  - name: Bigco
    accounts: [{ id: big-ig, platform: instagram, handle: bigco }]
  - name: Smallco
    accounts: [{ id: small-ig, platform: instagram, handle: smallco }]
`)

describe('comparisonLine', () => {
  it('growth, not size, ranks: Smallco (220 followers, +10%) leads Testco (+5%) and Bigco (102,000, +2%)', () => {
    const line = comparisonLine(
      INSTAGRAM,
      [ours(BEFORE, 'testco-ig', 'instagram', 1000), ours(D, 'testco-ig', 'instagram', 1050)],
      [
        theirs('Bigco', BEFORE, 'big-ig', 'instagram', 100_000),
        theirs('Bigco', D, 'big-ig', 'instagram', 102_000),
        theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200),
        theirs('Smallco', D, 'small-ig', 'instagram', 220),
      ],
    )!
    expect(line.platform).toBe('instagram')
    expect(line.date).toBe(D)
    expect(line.cells.map((c) => c.party)).toEqual(['Smallco', 'Testco', 'Bigco'])
    expect(line.cells.map((c) => c.leads)).toEqual([true, false, false])
    expect(line.cells.map((c) => c.followers)).toEqual([220, 1050, 102_000])
    expect(cell(line.cells, 'Smallco').sinceLast!.fraction).toBeCloseTo(0.1, 10)
    expect(cell(line.cells, 'Testco').sinceLast!.fraction).toBeCloseTo(0.05, 10)
    expect(cell(line.cells, 'Bigco').sinceLast!.fraction).toBeCloseTo(0.02, 10)
    expect(line.cells.map((c) => c.sinceLast!.from)).toEqual([BEFORE, BEFORE, BEFORE])
    expect(cell(line.cells, 'Testco')).toMatchObject({ ours: true, account: 'testco-ig', ranked: true })
  })

  it('equal at 0.1% is a tie, and both lead; one step past it is not', () => {
    const us = [ours(BEFORE, 'testco-ig', 'instagram', 1000), ours(D, 'testco-ig', 'instagram', 1050)]
    const big = [theirs('Bigco', BEFORE, 'big-ig', 'instagram', 100_000), theirs('Bigco', D, 'big-ig', 'instagram', 102_000)]
    const tied = comparisonLine(INSTAGRAM, us, [...big, theirs('Smallco', BEFORE, 'small-ig', 'instagram', 3000), theirs('Smallco', D, 'small-ig', 'instagram', 3151)])!
    // 151 / 3000 = 0.050333…: rounds to 50 per mille, like our 50 / 1000.
    expect(cell(tied.cells, 'Smallco').sinceLast!.fraction).toBeCloseTo(151 / 3000, 10)
    expect(cell(tied.cells, 'Testco').leads).toBe(true)
    expect(cell(tied.cells, 'Smallco').leads).toBe(true)
    expect(cell(tied.cells, 'Bigco').leads).toBe(false)
    expect(tied.cells.at(-1)!.party).toBe('Bigco')

    // 152 / 3000 = 0.050666…: 51 per mille, ahead of our 50.
    const ahead = comparisonLine(INSTAGRAM, us, [...big, theirs('Smallco', BEFORE, 'small-ig', 'instagram', 3000), theirs('Smallco', D, 'small-ig', 'instagram', 3152)])!
    expect(ahead.cells.map((c) => [c.party, c.leads])).toEqual([
      ['Smallco', true],
      ['Testco', false],
      ['Bigco', false],
    ])
  })

  it('a competitor blocked on D shows its last good value, is not ranked, comes last and never shows 0; one with no row on D likewise', () => {
    const withWalled = config(`
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
competitors:
  - name: Walled
    accounts: [{ id: walled-ig, platform: instagram, handle: walled }]
  - name: Smallco
    accounts: [{ id: small-ig, platform: instagram, handle: smallco }]
  - name: Late
    accounts: [{ id: late-ig, platform: instagram, handle: late }]
`)
    const line = comparisonLine(
      withWalled,
      [ours(BEFORE, 'testco-ig', 'instagram', 1000), ours(D, 'testco-ig', 'instagram', 1050)],
      [
        theirs('Walled', '2026-10-27', 'walled-ig', 'instagram', 15_000),
        theirs('Walled', '2026-11-03', 'walled-ig', 'instagram', 15_900),
        blocked(D, 'walled-ig', 'instagram', 'Walled'),
        theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200),
        theirs('Smallco', D, 'small-ig', 'instagram', 220),
        // Late's newest row is the day before D: on D it was not read.
        theirs('Late', '2026-11-10', 'late-ig', 'instagram', 7_000),
        theirs('Late', BEFORE, 'late-ig', 'instagram', 7_700),
      ],
    )!
    expect(line.date).toBe(D)
    expect(line.cells.slice(0, 2).map((c) => c.party)).toEqual(['Smallco', 'Testco'])
    expect(new Set(line.cells.slice(2).map((c) => c.party))).toEqual(new Set(['Walled', 'Late']))
    const walled = cell(line.cells, 'Walled')
    expect(walled.followers).toBeUndefined()
    expect(walled.lastGood).toEqual({ value: 15_900, date: '2026-11-03' })
    expect(walled.ranked).toBe(false)
    expect(walled.leads).toBe(false)
    const late = cell(line.cells, 'Late')
    expect(late.followers).toBeUndefined()
    expect(late.lastGood).toEqual({ value: 7_700, date: BEFORE })
    expect(late.ranked).toBe(false)
    expect(late.leads).toBe(false)
    expect(line.cells.map((c) => c.followers)).not.toContain(0)
    expect(cell(line.cells, 'Smallco').leads).toBe(true)
  })

  it('with fewer than two ranked parties nobody leads: our account blocked on D shows its last good value, unranked', () => {
    const line = comparisonLine(
      INSTAGRAM,
      [ours(BEFORE, 'testco-ig', 'instagram', 1000), blocked(D, 'testco-ig', 'instagram')],
      [theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200), theirs('Smallco', D, 'small-ig', 'instagram', 220)],
    )!
    expect(line.platform).toBe('instagram')
    expect(line.cells[0]!.party).toBe('Smallco')
    expect(line.cells[0]!.ranked).toBe(true)
    const us = cell(line.cells, 'Testco')
    expect(us).toMatchObject({ ranked: false, leads: false, lastGood: { value: 1000, date: BEFORE } })
    expect(us.followers).toBeUndefined()
    expect(line.cells.some((c) => c.leads)).toBe(false)
  })

  it("an unofficial or an executive's account is not the company's number, nor does it choose the platform or the day", () => {
    const mixed = config(`
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
  - { id: fan-ig, platform: instagram, handle: testco-fans, owner: unofficial }
  - { id: ceo-ig, platform: instagram, handle: kari, owner: executive, label: Kari Nordmann }
  - { id: fan-x, platform: x, handle: testco-fans, owner: unofficial }
competitors:
  - name: Smallco
    accounts:
      - { id: small-ig, platform: instagram, handle: smallco }
      - { id: small-x, platform: x, handle: smallco }
`)
    const line = comparisonLine(
      mixed,
      [
        ours(BEFORE, 'testco-ig', 'instagram', 1000),
        ours(D, 'testco-ig', 'instagram', 1050),
        ours(BEFORE, 'fan-ig', 'instagram', 50_000),
        ours(D, 'fan-ig', 'instagram', 60_000),
        ours(BEFORE, 'ceo-ig', 'instagram', 20_000),
        ours(D, 'ceo-ig', 'instagram', 30_000),
        ours(BEFORE, 'fan-x', 'x', 90_000),
        ours(D, 'fan-x', 'x', 99_000),
        // A later day on accounts that are no party's: D stays D.
        ours('2026-12-01', 'fan-ig', 'instagram', 61_000),
        ours('2026-12-01', 'ceo-ig', 'instagram', 31_000),
      ],
      [
        theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200),
        theirs('Smallco', D, 'small-ig', 'instagram', 210),
        theirs('Smallco', BEFORE, 'small-x', 'x', 100),
        theirs('Smallco', D, 'small-x', 'x', 110),
      ],
    )!
    expect(line.platform).toBe('instagram')
    expect(line.date).toBe(D)
    const ourCells = line.cells.filter((c) => c.ours)
    expect(ourCells).toHaveLength(1)
    expect(ourCells[0]).toMatchObject({ party: 'Testco', account: 'testco-ig', followers: 1050 })
    expect(ourCells[0]!.sinceLast!.fraction).toBeCloseTo(0.05, 10)
    expect(line.cells.map((c) => c.account).sort()).toEqual(['small-ig', 'testco-ig'])
    // Smallco 200 → 210 is +5.0% too: a tie with our official account (a fan page's +20% is not ours).
    expect(line.cells.map((c) => c.leads)).toEqual([true, true])
  })

  it("a row in ours marked as a competitor's is ignored", () => {
    const line = comparisonLine(
      INSTAGRAM,
      [
        ours(BEFORE, 'testco-ig', 'instagram', 1000),
        ours(D, 'testco-ig', 'instagram', 1050),
        { ...theirs('Smallco', D, 'small-ig', 'instagram', 999_999, '12:00') },
        theirs('Smallco', '2026-12-01', 'small-ig', 'instagram', 1),
      ],
      [theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200), theirs('Smallco', D, 'small-ig', 'instagram', 220)],
    )!
    expect(line.date).toBe(D)
    expect(cell(line.cells, 'Smallco').followers).toBe(220)
    expect(cell(line.cells, 'Smallco').sinceLast!.fraction).toBeCloseTo(0.1, 10)
  })

  it('two runs on D: the newest by capturedAt counts, measured from the day before, never from D itself', () => {
    const line = comparisonLine(
      INSTAGRAM,
      // Listed newest first: the order in the file is not the order in time.
      [ours(D, 'testco-ig', 'instagram', 1050, '10:00'), ours(D, 'testco-ig', 'instagram', 1040, '08:00'), ours(BEFORE, 'testco-ig', 'instagram', 1000)],
      [
        theirs('Smallco', D, 'small-ig', 'instagram', 220, '12:00'),
        theirs('Smallco', D, 'small-ig', 'instagram', 200, '08:00'),
        theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200),
      ],
    )!
    const us = cell(line.cells, 'Testco')
    expect(us.followers).toBe(1050)
    expect(us.sinceLast!.from).toBe(BEFORE)
    expect(us.sinceLast!.fraction).toBeCloseTo(0.05, 10)
    const small = cell(line.cells, 'Smallco')
    expect(small.followers).toBe(220)
    expect(small.sinceLast!.from).toBe(BEFORE)
    expect(small.sinceLast!.fraction).toBeCloseTo(0.1, 10)
    // Bigco, with no row at all, was not read: last, unranked.
    expect(line.cells.map((c) => c.party)).toEqual(['Smallco', 'Testco', 'Bigco'])
    expect(cell(line.cells, 'Bigco')).toMatchObject({ ranked: false, leads: false })
    expect(cell(line.cells, 'Bigco').followers).toBeUndefined()
  })

  describe('the platform: where our followers are largest, among those with a competitor read on D', () => {
    const platforms = config(`
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
  - { id: testco-li, platform: linkedin, handle: testco }
  - { id: testco-yt, platform: youtube, handle: testco }
competitors:
  - name: Smallco
    accounts:
      - { id: small-ig, platform: instagram, handle: smallco }
      - { id: small-li, platform: linkedin, handle: smallco }
  - name: Bigco
    accounts: [{ id: big-yt, platform: youtube, handle: bigco }]
`)
    const theirRows = [
      theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200),
      theirs('Smallco', D, 'small-ig', 'instagram', 220),
      theirs('Smallco', BEFORE, 'small-li', 'linkedin', 300),
      theirs('Smallco', D, 'small-li', 'linkedin', 330),
      // YouTube, where we are largest, had no competitor read on D.
      theirs('Bigco', BEFORE, 'big-yt', 'youtube', 500_000),
      blocked(D, 'big-yt', 'youtube', 'Bigco'),
    ]
    const ourRows = [
      ours(BEFORE, 'testco-ig', 'instagram', 1000),
      ours(D, 'testco-ig', 'instagram', 1050),
      ours(BEFORE, 'testco-yt', 'youtube', 90_000),
      ours(D, 'testco-yt', 'youtube', 91_000),
    ]

    it('LinkedIn (5,100) over Instagram (1,050); not YouTube (91,000), where the only competitor was blocked', () => {
      const line = comparisonLine(platforms, [...ourRows, ours(BEFORE, 'testco-li', 'linkedin', 5000), ours(D, 'testco-li', 'linkedin', 5100)], theirRows)!
      expect(line.platform).toBe('linkedin')
      expect(line.cells.map((c) => c.account)).toEqual(['small-li', 'testco-li'])
    })

    it('our last good value counts when we were not read on D', () => {
      const line = comparisonLine(platforms, [...ourRows, ours(BEFORE, 'testco-li', 'linkedin', 5000), blocked(D, 'testco-li', 'linkedin')], theirRows)!
      expect(line.platform).toBe('linkedin')
      expect(cell(line.cells, 'Testco').lastGood).toEqual({ value: 5000, date: BEFORE })
    })

    it('Instagram when LinkedIn is the smaller one', () => {
      const line = comparisonLine(platforms, [...ourRows, ours(BEFORE, 'testco-li', 'linkedin', 900), ours(D, 'testco-li', 'linkedin', 990)], theirRows)!
      expect(line.platform).toBe('instagram')
    })
  })

  it('undefined with no competitors, and with no history', () => {
    const alone = config(`
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
`)
    expect(comparisonLine(alone, [ours(BEFORE, 'testco-ig', 'instagram', 1000), ours(D, 'testco-ig', 'instagram', 1050)], [])).toBeUndefined()
    expect(comparisonLine(INSTAGRAM, [], [])).toBeUndefined()
  })
})

const LEADERS = config(`
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
  - { id: ceo-li, platform: linkedin, handle: kari, owner: executive, label: Kari Nordmann }
  - { id: cto-bs, platform: bluesky, handle: cto.bsky.social, owner: executive }
  - { id: ceo-x, platform: x, handle: kari, owner: executive, label: Kari on X, person: Kari Nordmann }
  - { id: cfo-li, platform: linkedin, handle: per, owner: executive, label: CFO on LinkedIn, person: Per Hansen }
  - { id: cmo-li, platform: linkedin, handle: liv, owner: executive, label: Liv Quiet }
executives: [Ola Board, Kari Nordmann]
competitors:
  - name: Bigco
    accounts:
      - { id: big-ig, platform: instagram, handle: bigco }
      - { id: big-ceo, platform: linkedin, handle: bo, owner: executive, person: Bo Big }
    executives: [Bea Board]
  - name: Smallco
    executives: [Sam Small]
`)

const OUR_POSTS: HistoryEntry[] = [
  posted('2026-11-17', 'ceo-li', 'linkedin', '2026-11-05'),
  posted(D, 'ceo-x', 'x', '2026-11-20'),
  // A blocked row's post is not a fact.
  { ...blocked('2026-12-01', 'ceo-x', 'x'), metrics: { lastPostAt: { value: '2026-12-05T10:00:00.000Z', source: 'api' } } },
  posted(D, 'cfo-li', 'linkedin', '2026-11-10'),
  posted(D, 'cto-bs', 'bluesky', '2026-11-11'),
  ours(D, 'cmo-li', 'linkedin', 800),
  // Not Bigco's leader's row: theirs are read from their history only.
  posted(D, 'big-ceo', 'linkedin', '2026-12-09'),
]
const THEIR_POSTS: HistoryEntry[] = [posted(D, 'big-ceo', 'linkedin', '2026-09-01', 'Bigco')]

describe('personLines', () => {
  const people = personLines(LEADERS, OUR_POSTS, THEIR_POSTS, TODAY)
  const person = (name: string) => {
    const found = people.find((p) => p.person === name)
    if (!found) throw new Error(`no ${name} in ${people.map((p) => p.person).join(', ')}`)
    return found
  }

  it('groups by person:, else label, else id; ours first in file order, then each competitor', () => {
    const names = people.map((p) => p.person)
    expect(new Set(names)).toEqual(new Set(['Kari Nordmann', 'cto-bs', 'Per Hansen', 'Liv Quiet', 'Ola Board', 'Bo Big', 'Bea Board', 'Sam Small']))
    expect(names).toHaveLength(8)
    const withAccounts = people.filter((p) => p.competitor === undefined && p.accounts.length > 0).map((p) => p.person)
    expect(withAccounts).toEqual(['Kari Nordmann', 'cto-bs', 'Per Hansen', 'Liv Quiet'])
    expect(person('Kari Nordmann').accounts.map((a) => a.id)).toEqual(['ceo-li', 'ceo-x'])
    expect(person('Per Hansen').accounts.map((a) => a.id)).toEqual(['cfo-li'])
    expect(person('cto-bs').accounts.map((a) => a.id)).toEqual(['cto-bs'])
    // Ours (no competitor) all come before any competitor's, and Bigco's before Smallco's.
    const whose = people.map((p) => p.competitor ?? '')
    expect(whose).toEqual(['', '', '', '', '', 'Bigco', 'Bigco', 'Smallco'])
    expect(person('Bo Big')).toMatchObject({ competitor: 'Bigco' })
    expect(person('Bo Big').accounts.map((a) => a.id)).toEqual(['big-ceo'])
    // The company's official accounts are no one's.
    expect(people.flatMap((p) => p.accounts.map((a) => a.id))).not.toContain('testco-ig')
    expect(people.flatMap((p) => p.accounts.map((a) => a.id))).not.toContain('big-ig')
  })

  it('names in executives: with no account are people with none, ours and a competitor\'s; a listed name with accounts is not doubled', () => {
    expect(person('Ola Board')).toMatchObject({ accounts: [] })
    expect(person('Ola Board').competitor).toBeUndefined()
    expect(person('Bea Board')).toMatchObject({ competitor: 'Bigco', accounts: [] })
    expect(person('Sam Small')).toMatchObject({ competitor: 'Smallco', accounts: [] })
    expect(people.filter((p) => p.person === 'Kari Nordmann')).toHaveLength(1)
    for (const name of ['Ola Board', 'Bea Board', 'Sam Small']) {
      expect(person(name).lastPost).toBeUndefined()
      expect(person(name).silentDays).toBeUndefined()
    }
  })

  it('lastPost is the newest post over their good rows; silence from 30 days, not at 29', () => {
    expect(person('Kari Nordmann').lastPost).toBe('2026-11-20')
    expect(person('Kari Nordmann').silentDays).toBeUndefined()
    expect(person('Per Hansen').lastPost).toBe('2026-11-10')
    expect(person('Per Hansen').silentDays).toBe(30)
    expect(person('cto-bs').lastPost).toBe('2026-11-11')
    expect(person('cto-bs').silentDays).toBeUndefined()
    expect(person('Liv Quiet').lastPost).toBeUndefined()
    expect(person('Liv Quiet').silentDays).toBeUndefined()
  })

  it("a competitor's leader is read from their history", () => {
    expect(person('Bo Big').lastPost).toBe('2026-09-01')
    expect(person('Bo Big').silentDays).toBe(100)
  })
})

describe('accountLine lastPost', () => {
  const account = { id: 'ceo-li', platform: 'linkedin', handle: 'kari', owner: 'executive' } as Account

  it('the newest post over the ok rows, even when the newest row is blocked', () => {
    const line = accountLine(account, [
      posted('2026-11-10', 'ceo-li', 'linkedin', '2026-11-08'),
      posted(BEFORE, 'ceo-li', 'linkedin', '2026-11-15'),
      { ...blocked(D, 'ceo-li', 'linkedin'), metrics: { lastPostAt: { value: '2026-11-23T10:00:00.000Z', source: 'api' } } },
      posted(D, 'other', 'linkedin', '2026-11-22'),
    ])
    expect(line.status).toBe('blocked')
    expect(line.lastPost).toBe('2026-11-15')
  })

  it('no post seen: none', () => {
    expect(accountLine(account, [ours(D, 'ceo-li', 'linkedin', 500)]).lastPost).toBeUndefined()
  })
})

describe('loadOverview with competitors', () => {
  it("reads history/competitors.jsonl into competitors (with each one's name), and names the comparison and the leaders", async () => {
    const yaml = `company:
  name: Testco
accounts:
  - { id: testco-ig, platform: instagram, handle: testco }
  - { id: ceo-li, platform: linkedin, handle: kari, owner: executive, label: Kari Nordmann }
competitors:
  - name: Smallco
    accounts:
      - { id: small-ig, platform: instagram, handle: smallco, label: Smallco on Instagram }
      - { id: small-ceo, platform: linkedin, handle: siri, owner: executive, person: Siri Small }
    executives: [Sam Small]
executives: [Ola Board]
${MEETING}`
    const lines = (rows: HistoryEntry[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n'
    const dir = await makeWorkspace({
      'showtell.yaml': yaml,
      'history/snapshots.jsonl': lines([ours(BEFORE, 'testco-ig', 'instagram', 1000), ours(D, 'testco-ig', 'instagram', 1050), posted(D, 'ceo-li', 'linkedin', '2026-11-20')]),
      'history/competitors.jsonl': lines([
        theirs('Smallco', BEFORE, 'small-ig', 'instagram', 200),
        theirs('Smallco', D, 'small-ig', 'instagram', 220),
        posted(D, 'small-ceo', 'linkedin', '2026-11-01', 'Smallco'),
      ]),
    })
    const overview = await loadOverview(await loadWorkspace(dir), { now: new Date(`${TODAY}T12:00:00Z`) })

    expect(overview.today).toBe(TODAY)
    expect(overview.accounts.map((a) => a.id)).toEqual(['testco-ig', 'ceo-li'])
    expect(overview.competitors.map((c) => [c.id, c.competitor])).toEqual([
      ['small-ig', 'Smallco'],
      ['small-ceo', 'Smallco'],
    ])
    const small = overview.competitors[0]!
    expect(small.status).toBe('ok')
    expect(small.metric).toMatchObject({ name: 'followers', value: 220 })
    expect(small.change).toEqual({ delta: 20, since: BEFORE })
    expect(overview.competitors[1]!.lastPost).toBe('2026-11-01')

    expect(overview.comparison).toBeDefined()
    expect(overview.comparison!.platform).toBe('instagram')
    expect(overview.comparison!.date).toBe(D)
    expect(overview.comparison!.cells.map((c) => [c.party, c.followers, c.leads])).toEqual([
      ['Smallco', 220, true],
      ['Testco', 1050, false],
    ])

    // Ours first, then Smallco's; within each, who has how many accounts.
    expect(overview.executives.map((p) => p.competitor ?? '')).toEqual(['', '', 'Smallco', 'Smallco'])
    const byName = new Map(overview.executives.map((p) => [p.person, p]))
    expect([...byName.keys()].slice(0, 2).sort()).toEqual(['Kari Nordmann', 'Ola Board'])
    expect([...byName.keys()].slice(2).sort()).toEqual(['Sam Small', 'Siri Small'])
    expect(byName.get('Kari Nordmann')!.accounts.map((a) => a.id)).toEqual(['ceo-li'])
    expect(byName.get('Ola Board')!.accounts).toEqual([])
    expect(byName.get('Siri Small')!.accounts.map((a) => a.id)).toEqual(['small-ceo'])
    expect(byName.get('Sam Small')!.accounts).toEqual([])
    // 2026-11-20 → 2026-12-10 is 20 days; 2026-11-01 → 2026-12-10 is 29 + 10 = 39.
    expect(byName.get('Kari Nordmann')).toMatchObject({ lastPost: '2026-11-20' })
    expect(byName.get('Kari Nordmann')!.silentDays).toBeUndefined()
    expect(byName.get('Siri Small')).toMatchObject({ lastPost: '2026-11-01', silentDays: 39 })
  })

  it('no competitors: none, and no comparison', async () => {
    const dir = await makeWorkspace({ 'history/snapshots.jsonl': JSON.stringify(ours(D, 'testco-linkedin', 'linkedin', 300)) + '\n' })
    const overview = await loadOverview(await loadWorkspace(dir), { now: new Date(`${TODAY}T12:00:00Z`) })
    expect(overview.competitors).toEqual([])
    expect(overview.comparison).toBeUndefined()
    expect(overview.accounts[0]!.metric).toMatchObject({ value: 300 })
  })
})
