// Given two accounts of ours (a: 1,000 → 1,100 followers, b: 500 → 600) and
// a competitor with a huge following (900,000 → 1,000,000), when the deck's
// readers of our numbers get the competitor's results and rows (in
// `live.competitors`, where the build puts them, and, as a guard, mixed into
// `live.results` and `live.history` as no caller should), then the
// here-and-now overview shows a and b only, the ROI total is 1,500 → 1,700,
// a goal of 2,000 followers over all accounts stands at 1,700, and the
// composed deck is the same slide for slide as without the competitor. All
// numbers are written out by hand.
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, plannedSlideCounts } from '../../src/deck/compose.js'
import { goalProgress } from '../../src/deck/goals.js'
import { hereAndNow } from '../../src/deck/here-and-now.js'
import { hasLiveMaterial, hasTrend, roiParts, shownResults, withToday, type LiveMaterial } from '../../src/deck/live.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'
import { REPO_ROOT } from '../helpers/cli.js'

const DATE = '2026-11-24'
const LAST = '2026-11-17'

let workspace: Workspace
let config: WorkspaceConfig

beforeAll(async () => {
  workspace = await loadWorkspace(REPO_ROOT)
  const base = parse(await readFile(workspace.paths.config, 'utf8')) as object
  config = workspaceConfigSchema.parse({
    ...base,
    accounts: [
      { id: 'a', platform: 'bluesky', handle: 'a.bsky.social', label: 'Account A' },
      { id: 'b', platform: 'bluesky', handle: 'b.bsky.social', label: 'Account B' },
    ],
    competitors: [{ name: 'Giant', accounts: [{ id: 'giant', platform: 'bluesky', handle: 'giant.bsky.social', label: 'Giant on Bluesky' }] }],
    goals: [{ account: 'all', metric: 'followers', target: 2000, by: '2026-12-31' }],
  })
})

const followers = (value: number) => ({ followers: { value, source: 'api' as const } })

function result(account: string, value: number, competitor?: string): SnapshotResult {
  return { account, platform: 'bluesky', label: account, url: 'https://example.test/', status: 'ok', metrics: followers(value), capturedAt: `${DATE}T08:00:00.000Z`, durationMs: 1, ...(competitor ? { competitor } : {}) }
}

function entry(account: string, value: number, competitor?: string): HistoryEntry {
  return { date: LAST, capturedAt: `${LAST}T08:00:00Z`, account, platform: 'bluesky', status: 'ok', metrics: followers(value), ...(competitor ? { competitor } : {}) }
}

const ours = (): LiveMaterial => ({ results: [result('a', 1100), result('b', 600)], history: [entry('a', 1000), entry('b', 500)] })
/** The competitor where the build puts it. */
const apart = (): LiveMaterial => ({ ...ours(), competitors: [result('giant', 1_000_000, 'Giant')] })
/** The competitor mixed in among ours, marked: the guard must still leave it out. */
const mixed = (): LiveMaterial => ({
  results: [result('a', 1100), result('giant', 1_000_000, 'Giant'), result('b', 600)],
  history: [entry('a', 1000), entry('giant', 900_000, 'Giant'), entry('b', 500)],
  competitors: [result('giant', 1_000_000, 'Giant')],
})

const label = (id: string) => id

describe("a competitor's numbers never count as ours", () => {
  for (const [name, live] of [['kept apart', apart], ['mixed in by mistake', mixed]] as const) {
    describe(name, () => {
      it('the here-and-now shows our two accounts only', () => {
        expect(shownResults(live(), DATE).map((r) => r.account)).toEqual(['a', 'b'])
        expect(hasLiveMaterial(live(), DATE)).toBe(true)
        const segment = hereAndNow({ live: live(), date: DATE, kicker: 'Here and now', accountLabel: label, minutes: 8 })
        const overview = segment.slides.find((s) => s.kind === 'overview')!
        expect(overview.tiles!.map((t) => [t.name, t.figure])).toEqual([
          ['a (Bluesky)', '1,100 followers'],
          ['b (Bluesky)', '600 followers'],
        ])
        expect(JSON.stringify(segment)).not.toContain('giant')
        expect(JSON.stringify(segment)).not.toContain('1,000,000')
      })

      it("the ROI total is 1,500 → 1,700 (+13.3%), not the competitor's millions", () => {
        expect(hasTrend(live(), DATE)).toBe(true)
        const chart = roiParts(live(), DATE, 'ROI', label).map((p) => p.slide).find((s) => s.kind === 'chart')!
        expect(chart.chart!.points.map((p) => p.value)).toEqual([1500, 1700])
        expect(chart.title).toContain('13.3%')
        const table = JSON.stringify(roiParts(live(), DATE, 'ROI', label))
        expect(table).not.toContain('giant')
      })

      it('a goal of 2,000 followers over all accounts stands at 1,700, behind', () => {
        const entries = withToday(live(), DATE)
        expect([...new Set(entries.map((e) => e.account))].sort()).toEqual(['a', 'b'])
        const progress = goalProgress(config.goals[0]!, { entries, date: DATE, official: ['a', 'b', 'giant'] })
        expect(progress.current).toEqual({ date: DATE, value: 1700 })
        expect(progress.start).toEqual({ date: LAST, value: 1500 })
        expect(progress.summed).toEqual(['a', 'b'])
        expect(progress.verdict).not.toBe('reached')
      })

      it('the composed deck is the same, slide for slide, as the one without the competitor', () => {
        const topic = workspace.topics.get('policy')!.topic
        // "How we compare" (compare.ts) is the one reader of the competitors'
        // numbers, and adds its slides: it is left out here, by a
        // configuration without competitors, and tested in test/deck/compare*.
        const alone = { ...config, competitors: [] }
        const compose = (material: LiveMaterial) => {
          const plan = planAgenda({ duration: 45, empty: emptySegments(alone, topic, material, DATE), slides: plannedSlideCounts(alone, topic, material, DATE) })
          return composeDeck({ config: alone, topic, date: DATE, plan, live: material, next: { date: '2026-12-01' } }).slides
        }
        const without = compose(ours())
        expect(JSON.stringify(without)).toContain('1,700')
        expect(compose(live())).toEqual(without)
      })
    })
  }
})
