// "Since the last meeting" in the composed here-and-now: measured from the
// last SCHEDULED meeting, not from a check snapshot run between meetings.
// Meetings on Tuesdays from 2026-09-01; this meeting is Tuesday 2026-11-24, so
// the last meeting is Tuesday 2026-11-17. Someone ran `showtell snapshot` on
// Monday 2026-11-23: its rows are dated the 23rd. Worked out by hand:
//   Instagram (ours): 1,000 on the 17th, 1,100 on Monday, 1,100 today:
//     ▲ 100 since 2026-11-17 (+10.0%), not ± 0 since Monday.
//   Fjellkraft on Instagram: 2,000 → 2,100 Monday → 2,100 today: ▲ 5.0% since
//     the 17th; no 90-day growth (nothing older than the last meeting).
//   Fjellkraft on Bluesky: 200 → 210 Monday → 230 today: ▲ 15.0% (not 9.5%).
//   Bluesky (ours): only Monday's row, 500; 550 today: ▲ 50 since 2026-11-23
//     (+10.0%): no row on or before the 17th, so Monday's is the baseline.
//   LinkedIn (ours): 800 followers throughout; interactions per post 10 on the
//     17th, 20 on Monday, 20 today: twice the last meeting's, a jump.
//   Lars Haugen (executive, Bluesky): 400 → 410 Monday → 410 today: ▲ 10
//     followers since 2026-11-17; no 90-day trend.
//   Ingrid Berg (executive, LinkedIn): only Monday's 300; 330 today: ▲ 30
//     followers since 2026-11-23.
//   Nordlys News (unofficial, watched in loss of control): 50 → 60 Monday →
//     60 today: ▲ 10 since 2026-11-17.
import { beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, plannedSlideCounts } from '../../src/deck/compose.js'
import type { LiveMaterial } from '../../src/deck/live.js'
import { compare } from '../../src/snapshot/comparison.js'
import { headlineOf } from '../../src/snapshot/headline.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import type { WorkspaceConfig } from '../../src/workspace/schema.js'
import { REPO_ROOT } from '../helpers/cli.js'

const DATE = '2026-11-24'
const LAST = '2026-11-17'
const MONDAY = '2026-11-23'

type Metrics = SnapshotResult['metrics']
const followers = (value: number, interactions?: number): Metrics => ({
  followers: { value, source: 'api' },
  ...(interactions !== undefined ? { interactionsPerPost: { value: interactions, source: 'api' } } : {}),
})
const entry = (date: string, account: string, platform: string, metrics: Metrics, competitor?: string): HistoryEntry => ({
  date,
  capturedAt: `${date}T08:00:00Z`,
  account,
  platform,
  status: 'ok',
  metrics,
  ...(competitor ? { competitor } : {}),
})
const result = (account: string, platform: string, metrics: Metrics, competitor?: string): SnapshotResult => ({
  account,
  platform: platform as SnapshotResult['platform'],
  label: account,
  url: 'https://example.test/',
  status: 'ok',
  metrics,
  capturedAt: `${DATE}T08:00:00Z`,
  durationMs: 1,
  ...(competitor ? { competitor } : {}),
})

function material(withMeetingRows = true): LiveMaterial {
  const atLast = (rows: HistoryEntry[]) => (withMeetingRows ? rows : [])
  return {
    history: [
      ...atLast([entry(LAST, 'nordlys-instagram', 'instagram', followers(1000))]),
      entry(MONDAY, 'nordlys-instagram', 'instagram', followers(1100)),
      entry(MONDAY, 'nordlys-bluesky', 'bluesky', followers(500)),
      ...atLast([entry(LAST, 'nordlys-linkedin', 'linkedin', followers(800, 10))]),
      entry(MONDAY, 'nordlys-linkedin', 'linkedin', followers(800, 20)),
      ...atLast([entry(LAST, 'cfo-bluesky', 'bluesky', followers(400))]),
      entry(MONDAY, 'cfo-bluesky', 'bluesky', followers(410)),
      entry(MONDAY, 'ceo-linkedin', 'linkedin', followers(300)),
      ...atLast([entry(LAST, 'nordlys-news-instagram', 'instagram', followers(50))]),
      entry(MONDAY, 'nordlys-news-instagram', 'instagram', followers(60)),
    ],
    results: [
      result('nordlys-instagram', 'instagram', followers(1100)),
      result('nordlys-bluesky', 'bluesky', followers(550)),
      result('nordlys-linkedin', 'linkedin', followers(800, 20)),
      result('cfo-bluesky', 'bluesky', followers(410)),
      result('ceo-linkedin', 'linkedin', followers(330)),
      result('nordlys-news-instagram', 'instagram', followers(60)),
    ],
    competitorHistory: [
      ...atLast([entry(LAST, 'fjellkraft-instagram', 'instagram', followers(2000), 'Fjellkraft')]),
      entry(MONDAY, 'fjellkraft-instagram', 'instagram', followers(2100), 'Fjellkraft'),
      ...atLast([entry(LAST, 'fjellkraft-bluesky', 'bluesky', followers(200), 'Fjellkraft')]),
      entry(MONDAY, 'fjellkraft-bluesky', 'bluesky', followers(210), 'Fjellkraft'),
    ],
    competitors: [result('fjellkraft-instagram', 'instagram', followers(2100), 'Fjellkraft'), result('fjellkraft-bluesky', 'bluesky', followers(230), 'Fjellkraft')],
  }
}

let workspace: Workspace
beforeAll(async () => {
  workspace = await loadWorkspace(REPO_ROOT)
})

function compose(live: LiveMaterial, start = '2026-09-01') {
  const base = workspace.config
  // Tuesdays from September; only one competitor, so its slides are easy to find.
  const config: WorkspaceConfig = { ...base, meeting: { ...base.meeting, weekday: 'tuesday', start, skip: [] }, competitors: base.competitors.filter((c) => c.name === 'Fjellkraft') }
  const topic = workspace.topics.get('policy')!.topic
  const plan = planAgenda({ duration: 45, empty: emptySegments(config, topic, live, DATE), slides: plannedSlideCounts(config, topic, live, DATE) })
  const deck = composeDeck({ config, topic, date: DATE, plan, live, next: { date: '2026-12-01' } })
  const all = deck.slides.filter((s) => s.segment === 'here-and-now')
  const tile = (name: string) => all.flatMap((s) => s.tiles ?? []).find((t) => t.name === name)
  const accountSlide = (label: string) => all.find((s) => s.kind === 'account' && s.kicker === `Appendix · ${label}`)
  const board = all.find((s) => s.table?.header[0] === 'Leader')
  const leader = (person: string) => board?.table!.rows.find((r) => r[0] === person)?.[1]
  const comparison = all.find((s) => s.title === 'How we compare: growth, not size')
  const fjellkraft = all.find((s) => s.title === 'Fjellkraft' && s.appendix)
  const spotlit = all.filter((s) => s.kicker?.startsWith('Spotlight'))
  const watched = deck.slides.find((s) => s.segment === 'loss-of-control' && s.title.startsWith('We watch'))?.table!.rows.map((r) => r[1])
  return { tile, accountSlide, leader, comparison, fjellkraft, spotlit, watched }
}

describe('"since the last meeting" is the last scheduled meeting, not a check snapshot between meetings', () => {
  it('the overview and the account slide: ▲ 100 since the meeting of the 17th, not ± 0 since Monday', () => {
    const deck = compose(material())
    expect(deck.tile('Nordlys Outdoor on Instagram')?.change).toBe('▲ 100')
    expect(deck.accountSlide('Nordlys Outdoor on Instagram')?.change).toBe('▲ 100 since 2026-11-17')
  })

  it("the comparison's growth is from the last meeting, and the 90 days say nothing newer than it", () => {
    const deck = compose(material())
    const notes = deck.comparison!.notes.join('\n')
    expect(notes).toContain('Instagram: ★ Nordlys Outdoor 1,100 (▲ 10.0%) · Fjellkraft 2,100 (▲ 5.0%).')
    expect(notes).toContain('Bluesky: ★ Fjellkraft 230 (▲ 15.0%) · Nordlys Outdoor 550 (▲ 10.0%).')
    const rows = deck.fjellkraft!.table!.rows
    expect(rows.find((r) => r[0] === 'Instagram')![1]).toBe('2,100 · ▲ 5.0% · — over 90 days · posts in 30 days: — · per post: —')
  })

  it("the scorecard's trend is since the 17th, with no 90-day trend repeating it", () => {
    const deck = compose(material())
    expect(deck.leader('Lars Haugen')).toContain('▲ 10 followers since 2026-11-17')
    expect(deck.leader('Lars Haugen')).not.toContain('in 90 days')
  })

  it("the spotlights compare with the last meeting's numbers", () => {
    const deck = compose(material())
    const why = deck.spotlit.flatMap((s) => s.notes).join('\n')
    expect(why).toContain('engagement jumped from 10 to 20 interactions per post')
    expect(why).toContain('followers up 10.0% since 2026-11-17')
  })

  it('the unofficial account watched in loss of control: its change is since the 17th too', () => {
    expect(compose(material()).watched).toContain('60 followers, ▲ 10 since 2026-11-17')
    expect(compose(material(false)).watched).toContain('60 followers, no change since 2026-11-23')
  })

  it("with no row on or before the last meeting, the change is since Monday's, labelled with Monday's date", () => {
    const deck = compose(material())
    expect(deck.tile('Nordlys on Bluesky')?.change).toBe('▲ 50')
    expect(deck.accountSlide('Nordlys on Bluesky')?.change).toBe('▲ 50 since 2026-11-23')
    expect(deck.leader('Ingrid Berg')).toContain('▲ 30 followers since 2026-11-23')
    const only = compose(material(false))
    expect(only.tile('Nordlys Outdoor on Instagram')?.change).toBe('no change')
    expect(only.accountSlide('Nordlys Outdoor on Instagram')?.change).toBe('no change since 2026-11-23')
    expect(only.leader('Lars Haugen')).toContain('no change followers since 2026-11-23')
    // Equal growth (none since Monday): a tie, both lead.
    expect(only.comparison!.notes.join('\n')).toContain('Instagram: ★ Nordlys Outdoor 1,100 (± 0.0%) · ★ Fjellkraft 2,100 (± 0.0%).')
  })

  it('before the schedule has a meeting behind it (start on this meeting), the snapshot before is the baseline', () => {
    const deck = compose(material(), DATE)
    expect(deck.tile('Nordlys Outdoor on Instagram')?.change).toBe('no change')
    expect(deck.leader('Lars Haugen')).toContain('no change followers since 2026-11-23')
  })
})

describe("the app keeps 'since the snapshot before' (no last meeting given)", () => {
  const live = material()
  const instagram = live.results!.find((r) => r.account === 'nordlys-instagram')!

  it("the headline's change is since Monday's check, and since the 17th only when the deck says so", () => {
    expect(headlineOf(instagram, live.history, DATE).change).toEqual({ delta: 0, since: MONDAY })
    expect(headlineOf(instagram, live.history, DATE, undefined, LAST).change).toEqual({ delta: 100, since: LAST })
  })

  it("the comparison's growth likewise", () => {
    const parties = [
      { name: 'Us', ours: true, accounts: [{ id: 'nordlys-instagram', platform: 'instagram' }] },
      { name: 'Fjellkraft', ours: false, accounts: [{ id: 'fjellkraft-instagram', platform: 'instagram' }] },
    ]
    const input = { date: DATE, parties, results: [...live.results!, ...live.competitors!], history: [...live.history, ...live.competitorHistory!] }
    expect(compare(input)[0]!.cells[0]!.sinceLast).toEqual({ fraction: 0, from: MONDAY })
    expect(compare({ ...input, lastMeeting: LAST })[0]!.cells[0]!.sinceLast).toEqual({ fraction: 0.1, from: LAST })
  })
})
