// Given a metrics history and the team's goals, when the ROI segment measures
// them, then each goal gets the verdict a person would reach with a
// calculator: the pace needed per week against the pace achieved over the
// last 4 weeks. Every expected number below was worked out by hand from the
// history in this file (the arithmetic is in the comments), not read back from
// the code under test.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'
import { renderLineChart } from '../../src/deck/chart.js'
import { goalMarks, goalSlides, goalsTitle, whereWeAre } from '../../src/deck/goal-slides.js'
import { goalProgress, sumSeries, type GoalContext } from '../../src/deck/goals.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { RecordedMetrics } from '../../src/snapshot/types.js'
import type { Goal } from '../../src/workspace/schema.js'

function entry(date: string, account: string, metrics: RecordedMetrics, status: HistoryEntry['status'] = 'ok', time = '08:00'): HistoryEntry {
  return { date, capturedAt: `${date}T${time}:00.000Z`, account, platform: 'linkedin', status, metrics }
}
const followers = (value: number) => ({ followers: { value, source: 'meta' as const } })

// Account a: followers every two weeks; posts in 30 days twice.
// Account e: first measured 10-20, blocked on 11-03 (no number), measured 11-17.
// Account x: first measured on the meeting date. Account c: one value only.
// Account d: two values ten weeks apart (no value within the last 4 weeks but the newest).
const history: HistoryEntry[] = [
  entry('2026-10-06', 'a', followers(1000)),
  entry('2026-10-20', 'a', { ...followers(1100), postsPerMonth: { value: 4, source: 'api' } }),
  entry('2026-11-03', 'a', followers(1200)),
  // The same date twice: the later capture is the date's value.
  entry('2026-11-17', 'a', followers(1390), 'ok', '07:00'),
  entry('2026-11-17', 'a', { ...followers(1400), postsPerMonth: { value: 6, source: 'api' } }, 'ok', '09:00'),
  entry('2026-10-20', 'e', followers(50)),
  entry('2026-11-03', 'e', {}, 'blocked'),
  entry('2026-11-17', 'e', followers(80)),
  entry('2026-11-17', 'x', followers(999)),
  entry('2026-11-17', 'c', followers(500)),
  entry('2026-09-08', 'd', followers(100)),
  entry('2026-11-17', 'd', followers(240)),
]

// The meeting: 2026-11-17. To 2027-01-12 is 13 + 31 + 12 = 56 days: 8 weeks.
const context: GoalContext = { entries: history, date: '2026-11-17', official: ['a', 'e', 'x'] }
const goal = (overrides: Partial<Goal>): Goal => ({ account: 'a', metric: 'followers', target: 2000, by: '2027-01-12', ...overrides })

describe('goalProgress: the verdict and its numbers', () => {
  it('on track: the pace of the last 4 weeks meets the pace needed (equal counts as on track)', () => {
    // Achieved: 10-20 (1100) to 11-17 (1400): 300 in 4 weeks = 75 a week.
    // Needed: (2000 − 1400) / 8 weeks = 75 a week.
    const p = goalProgress(goal({}), context)
    expect(p.verdict).toBe('on-track')
    expect(p.current).toEqual({ date: '2026-11-17', value: 1400 })
    expect(p.start).toEqual({ date: '2026-10-06', value: 1000 })
    expect(p.daysLeft).toBe(56)
    expect(p.needed).toBe(75)
    expect(p.achieved).toEqual({ perWeek: 75, from: { date: '2026-10-20', value: 1100 }, to: { date: '2026-11-17', value: 1400 } })
    expect(whereWeAre(p)).toBe('On track: 1,400 now; +75 a week, +75 needed')
  })

  it('behind: one follower more to reach needs more than the pace achieved', () => {
    // Needed: (2001 − 1400) / 8 = 75.125 a week, against 75 achieved.
    const p = goalProgress(goal({ target: 2001 }), context)
    expect(p.verdict).toBe('behind')
    expect(p.needed).toBe(75.125)
    expect(p.achieved?.perWeek).toBe(75)
    // Rounded alike, 75 against 75 would contradict "behind": the gap gets its decimal.
    expect(whereWeAre(p)).toBe('Behind: 1,400 now; +75 a week, +75.1 needed')
  })

  it('reached: the current value is at or above the target, with the date it was first reached', () => {
    const exactly = goalProgress(goal({ target: 1400 }), context)
    expect(exactly.verdict).toBe('reached')
    expect(exactly.reason).toBe('reached on 2026-11-17')
    // 1150 was first passed on 11-03 (1200).
    const earlier = goalProgress(goal({ target: 1150 }), context)
    expect(earlier.verdict).toBe('reached')
    expect(earlier.reason).toBe('reached on 2026-11-03')
    expect(earlier.needed).toBeUndefined()
    expect(whereWeAre(earlier)).toBe('Reached: 1,400 now')
    // Reached counts even when the date has passed.
    expect(goalProgress(goal({ target: 1150, by: '2026-10-01' }), context).verdict).toBe('reached')
  })

  it('missed: the date has passed, or is today, and the target is not reached', () => {
    const passed = goalProgress(goal({ by: '2026-11-10' }), context)
    expect(passed.verdict).toBe('missed')
    expect(passed.daysLeft).toBe(-7)
    expect(passed.reason).toBe('2026-11-10 has passed and the target was not reached')
    expect(whereWeAre(passed)).toBe('Missed: 1,400 on 2026-11-17, 600 short')
    const today = goalProgress(goal({ by: '2026-11-17' }), context)
    expect(today.verdict).toBe('missed')
    expect(today.reason).toBe('2026-11-17 is today and the target is not reached')
  })

  it('unknown: no value at all, or one value and so no pace', () => {
    const none = goalProgress(goal({ account: 'nobody' }), context)
    expect(none.verdict).toBe('unknown')
    expect(none.reason).toBe('no value recorded yet')
    expect(none.current).toBeUndefined()
    expect(whereWeAre(none)).toBe('No verdict yet: no followers recorded yet')
    // c: 500 now; needed (1000 − 500) / 8 = 62.5 a week.
    const one = goalProgress(goal({ account: 'c', target: 1000 }), context)
    expect(one.verdict).toBe('unknown')
    expect(one.needed).toBe(62.5)
    expect(one.achieved).toBeUndefined()
    // Paces of 10 or more are whole numbers: 62.5 reads +63.
    expect(whereWeAre(one)).toBe('No verdict yet: 500 now, one measurement, no pace yet; +63 a week needed')
  })

  it('with no value in the last 4 weeks but the newest, the pace is over the span available', () => {
    // d: 09-08 (100) to 11-17 (240): 70 days = 10 weeks, 140 / 10 = 14 a week.
    const p = goalProgress(goal({ account: 'd', target: 300 }), context)
    expect(p.achieved).toEqual({ perWeek: 14, from: { date: '2026-09-08', value: 100 }, to: { date: '2026-11-17', value: 240 } })
    // Needed: (300 − 240) / 8 = 7.5 a week.
    expect(p.needed).toBe(7.5)
    expect(p.verdict).toBe('on-track')
  })

  it('a rate metric: posts in 30 days, with its decimal', () => {
    // 4 on 10-20, 6 on 11-17: 2 in 4 weeks = 0.5 a week; needed (10 − 6) / 8 = 0.5.
    const p = goalProgress(goal({ metric: 'postsPerMonth', target: 10 }), context)
    expect(p.verdict).toBe('on-track')
    expect(p.achieved?.perWeek).toBe(0.5)
    expect(whereWeAre(p)).toBe('On track: 6 now; +0.5 a week, +0.5 needed')
  })
})

describe('all: the sum over our official accounts', () => {
  it('carries a blocked day forward (never zero) and leaves out an account first measured after the pace window began', () => {
    // Window: 28 days before 11-17 is 10-20. a (from 10-06) and e (from 10-20) are summed; x (from 11-17) is left out.
    // From 10-20, when both have a value: 1100 + 50 = 1150; 11-03: 1200 + 50 (e blocked, its 10-20 value) = 1250; 11-17: 1400 + 80 = 1480.
    const sum = sumSeries(history, ['a', 'e', 'x'], 'followers', '2026-11-17')
    expect(sum.points).toEqual([
      { date: '2026-10-20', value: 1150 },
      { date: '2026-11-03', value: 1250 },
      { date: '2026-11-17', value: 1480 },
    ])
    expect(sum.summed).toEqual(['a', 'e'])
    expect(sum.leftOut).toEqual(['x'])
  })

  it('gives a verdict on the sum: 330 in 4 weeks = 82.5 a week against (2000 − 1480) / 8 = 65 needed', () => {
    const p = goalProgress(goal({ account: 'all' }), context)
    expect(p.verdict).toBe('on-track')
    expect(p.current).toEqual({ date: '2026-11-17', value: 1480 })
    expect(p.achieved?.perWeek).toBe(82.5)
    expect(p.needed).toBe(65)
  })

  it('an account that is not official is not summed', () => {
    const p = goalProgress(goal({ account: 'all' }), { ...context, official: ['a'] })
    expect(p.current).toEqual({ date: '2026-11-17', value: 1400 })
  })
})

describe('goal slides', () => {
  const label = (id: string) => ({ a: 'Testco on LinkedIn' })[id] ?? id

  it('a table of every goal with a statement title, then the first paced goal as a chart with its target', () => {
    const goals = [goal({ target: 1150, label: 'LinkedIn reach' }), goal({ target: 2001 }), goal({ account: 'all' })]
    const { table, charts } = goalSlides(goals, context, 'ROI', label)
    expect(table).toHaveLength(1)
    expect(table[0]!.title).toBe('Our 3 goals: 1 on track, 1 reached, 1 behind')
    expect(table[0]!.table!.rows).toEqual([
      ['LinkedIn reach: 1,150 followers by 2027-01-12', 'Reached: 1,400 now'],
      ['Testco on LinkedIn: 2,001 followers by 2027-01-12', 'Behind: 1,400 now; +75 a week, +75.1 needed'],
      ['Our official accounts: 2,000 followers by 2027-01-12', 'On track: 1,480 now; +83 a week, +65 needed'],
    ])
    // The reached goal needs no chart; the first goal a pace decides gets one.
    expect(charts).toHaveLength(1)
    expect(charts[0]!.title).toBe('Testco on LinkedIn: behind pace for 2,001')
    expect(charts[0]!.image).toBe('charts/goal-2.svg')
    expect(charts[0]!.chart!.target).toEqual({ value: 2001, date: '2027-01-12', label: 'Target 2,001 by 2027-01-12' })
    expect(charts[0]!.chart!.points.map((p) => p.label)).toEqual(['2026-10-06', '2026-10-20', '2026-11-03', '2026-11-17'])
  })

  it('titles: one goal is said as its verdict; plurals come from the count', () => {
    const p = (target: number) => goalProgress(goal({ target }), context)
    expect(goalsTitle([p(1150)])).toBe('Our goal: reached')
    expect(goalsTitle([p(2001), p(2002)])).toBe('Our 2 goals: behind')
    expect(goalsTitle([p(2001), p(2002), p(1150)])).toBe('Our 3 goals: 1 reached, 2 behind')
  })

  it('no goals, no slides', () => {
    expect(goalSlides([], context, 'ROI', label)).toEqual({ table: [], charts: [] })
  })
})

describe('the trend chart with a target', () => {
  it('draws the target dashed up to its date on a time axis, labelled there', () => {
    // Dates 10-20, 11-17 and the target's 2027-01-12: 84 days across 790 px (1000 − 150 − 60).
    // 11-17 is 28 days in: 150 + 28 / 84 × 790 = 413.3. The target is at the right edge, 940.
    // y: values 1100 to 2000 round to [1100, 2000]; 2000 is the top of the plot, y = 40.
    const svg = renderLineChart(
      [
        { label: '2026-10-20', value: 1100 },
        { label: '2026-11-17', value: 1400 },
      ],
      { target: { value: 2000, date: '2027-01-12', label: 'Target 2,000 by 2027-01-12' } },
    )
    expect(svg).toMatch(/<line class="target" x1="150" x2="940.0" y1="40.0" y2="40.0" [^>]*stroke-dasharray="14 10"/)
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => m[1])
    expect(circles).toEqual(['150.0', '413.3', '940.0'])
    expect(svg).toContain('>Target 2,000 by 2027-01-12</text>')
    expect(svg).toContain('>2027-01-12</text>')
  })

  it('without a target, no dashed line', () => {
    expect(renderLineChart([{ label: '2026-10-20', value: 1 }, { label: '2026-11-17', value: 2 }])).not.toContain('stroke-dasharray')
  })
})

describe('through the built CLI', () => {
  it('the deck shows the goal, and the chart file the build writes has the target line; every slide fits', async () => {
    const line = (date: string, value: number) =>
      JSON.stringify({ date, capturedAt: `${date}T08:00:00.000Z`, account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value, source: 'meta' } } })
    const history = [line('2026-10-27', 1000), line('2026-11-03', 1100), line('2026-11-10', 1150), line('2026-11-17', 1300)].join('\n')
    const goals = 'goals:\n  - account: testco-linkedin\n    metric: followers\n    target: 2000\n    by: 2027-02-16\n'
    const dir = await makeWorkspace({ 'showtell.yaml': `${MINIMAL_CONFIG}${goals}`, 'history/snapshots.jsonl': `${history}\n` })
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'md,pdf', '--no-snapshots', '--json'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings).toEqual([])
    const folder = join(dir, 'out', '2026-11-24-policy')
    const md = await readFile(join(folder, 'deck.md'), 'utf8')
    // No snapshot today: the newest value is 1,300 on 11-17. Pace: 10-27 (1000) to 11-17, 300 in 3 weeks = 100 a week.
    // Needed: 11-24 to 2027-02-16 is 6 + 31 + 31 + 16 = 84 days = 12 weeks; 700 / 12 = 58.3, shown as 58.
    expect(md).toContain('# Our goal: on track')
    expect(md).toContain('| Testco on LinkedIn: 2,000 followers by 2027\\-02\\-16 | On track: 1,300 on 2026\\-11\\-17; \\+100 a week, \\+58 needed |')
    expect(md).toContain('# Testco on LinkedIn: on track for 2,000')
    const svg = await readFile(join(folder, 'charts', 'goal-1.svg'), 'utf8')
    expect(svg).toMatch(/<line class="target" [^>]*stroke-dasharray/)
    expect(svg).toContain('>Target 2,000 by 2027-02-16</text>')
  })
})

describe('goalMarks: the goals that are news at this meeting, for the here-and-now spotlights', () => {
  const line = (date: string, account: string, followers: number): HistoryEntry => ({
    date,
    capturedAt: `${date}T08:00:00.000Z`,
    account,
    platform: 'linkedin',
    status: 'ok',
    metrics: { followers: { value: followers, source: 'meta' } },
  })
  const goal = (account: string, target: number, by: string) => ({ account, metric: 'followers' as const, target, by })
  const context = (entries: HistoryEntry[]): GoalContext => ({ entries, date: '2026-12-08', official: ['a', 'b', 'c'] })

  it('a goal reached since the last meeting, or missed at this one, is news; one reached weeks ago, or of all accounts, is not', () => {
    const entries = [
      // a: 990 at the last meeting, 1,010 today: reached its 1,000 now.
      line('2026-12-01', 'a', 990),
      line('2026-12-08', 'a', 1_010),
      // b: over 500 at both meetings: reached before, no news.
      line('2026-12-01', 'b', 600),
      line('2026-12-08', 'b', 610),
      // c: 100 and 120 against 200 by 2026-12-05: the date fell between the meetings.
      line('2026-12-01', 'c', 100),
      line('2026-12-08', 'c', 120),
    ]
    const goals = [goal('a', 1_000, '2027-03-01'), goal('b', 500, '2027-03-01'), goal('c', 200, '2026-12-05'), goal('all', 1_500, '2027-03-01')]
    expect(goalMarks(goals, context(entries))).toEqual([
      { account: 'a', words: 'reached the goal of 1,000 followers by 2027-03-01' },
      { account: 'c', words: 'missed the goal of 200 followers by 2026-12-05' },
    ])
  })

  it('a goal missed at an earlier meeting is no news again', () => {
    const entries = [line('2026-11-24', 'c', 90), line('2026-12-01', 'c', 100), line('2026-12-08', 'c', 120)]
    expect(goalMarks([goal('c', 200, '2026-11-30')], context(entries))).toEqual([])
  })
})
