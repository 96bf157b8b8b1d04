// Owns the ROI segment's goal slides: one table of every goal (where we are,
// the target and its date, the weekly pace needed against the pace achieved,
// and the verdict in plain words), then a trend chart with the target drawn
// on it for the goals a pace decides. The arithmetic is goals.ts's; the fixed
// words are in WORDS, so they can move into a message catalogue.
import type { Goal, GoalMetric } from '../workspace/schema.js'
import { ALL_ACCOUNTS } from '../workspace/schema.js'
import { goalProgress, type GoalContext, type GoalProgress, type Verdict } from './goals.js'
import type { Slide } from './slide.js'

const WORDS = {
  /** A goal in the here-and-now's spotlight: "reached the goal of 88,000 followers by 2026-12-31". */
  markReached: 'reached the goal of',
  markMissed: 'missed the goal of',
  metric: { followers: 'followers', posts: 'posts', postsPerMonth: 'posts in 30 days', interactionsPerPost: 'interactions per post' } satisfies Record<GoalMetric, string>,
  verdict: { 'on-track': 'On track', behind: 'Behind', reached: 'Reached', missed: 'Missed', unknown: 'No verdict yet' } satisfies Record<Verdict, string>,
  /** "Our 3 goals: 1 on track, 1 behind, 1 reached": the counts, in this order. */
  count: { 'on-track': 'on track', reached: 'reached', behind: 'behind', missed: 'missed', unknown: 'not measurable yet' } satisfies Record<Verdict, string>,
  goal: { one: 'goal', other: 'goals' },
  account: { one: 'account', other: 'accounts' },
  all: 'Our official accounts',
  header: ['Goal', 'Where we are'] as const,
  ourGoal: 'Our goal',
  our: 'Our',
  week: 'a week',
  needed: 'needed',
  now: 'now',
  short: 'short',
  noData: (metric: string) => `no ${metric} recorded yet`,
  noPace: 'one measurement, no pace yet',
  target: 'Target',
  onTrackFor: 'on track for',
  behindFor: 'behind pace for',
  by: 'by',
  notes: 'Ask of each goal behind: what would we do differently to be back on pace by the next meeting?',
} as const

/**
 * How many goal charts the segment shows: one, in place of the followers
 * trend. The segment has few minutes, and a reached or missed goal is said in
 * its row.
 */
export const MAX_GOAL_CHARTS = 1

const plural = new Intl.PluralRules('en')
const goalWord = (n: number) => (plural.select(n) === 'one' ? WORDS.goal.one : WORDS.goal.other)

/** 12.5 → "12.5", 1234.4 → "1,234": paces of a few posts a month keep their decimal. */
function formatAmount(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 }).format(value)
}

/** A weekly pace with its sign: "+155", "−3.5", "0"; `digits` decimals at most (default: one below 10, none above). */
function formatPace(value: number, digits = Math.abs(value) < 10 ? 1 : 0): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value)
}

/**
 * Achieved and needed, rounded alike. Behind by less than the rounding
 * ("+75 a week, +75 needed") would contradict the verdict, so a behind pair
 * gets the decimals that show the gap: "+75 a week, +75.1 needed".
 */
function pacePair(achieved: number, needed: number): [string, string] {
  let digits = Math.abs(achieved) < 10 && Math.abs(needed) < 10 ? 1 : 0
  const rounded = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits
  while (achieved < needed && rounded(achieved) >= rounded(needed) && digits < 3) digits++
  return [formatPace(achieved, digits), formatPace(needed, digits)]
}

function goalName(goal: Goal, accountLabel: (id: string) => string): string {
  return goal.label ?? (goal.account === ALL_ACCOUNTS ? WORDS.all : accountLabel(goal.account))
}

/** "15,000 followers by 2027-03-30" */
function targetWords(goal: Goal): string {
  return `${formatAmount(goal.target)} ${WORDS.metric[goal.metric]} ${WORDS.by} ${goal.by}`
}

/** The verdict in one cell: "Behind: 199,602 now; +1,749 a week, +3,150 needed". */
export function whereWeAre(p: GoalProgress): string {
  const verdict = WORDS.verdict[p.verdict]
  const metric = WORDS.metric[p.goal.metric]
  if (!p.current) return `${verdict}: ${WORDS.noData(metric)}`
  // A value from an earlier date (the account was not read today) says its date.
  const now = `${formatAmount(p.current.value)} ${p.current.date === p.date ? WORDS.now : `on ${p.current.date}`}`
  switch (p.verdict) {
    case 'reached':
      return `${verdict}: ${now}`
    case 'missed':
      return `${verdict}: ${formatAmount(p.current.value)} on ${p.current.date}, ${formatAmount(p.goal.target - p.current.value)} ${WORDS.short}`
    case 'unknown':
      return `${verdict}: ${now}, ${WORDS.noPace}; ${formatPace(p.needed ?? 0)} ${WORDS.week} ${WORDS.needed}`
    default: {
      const [achieved, needed] = pacePair(p.achieved!.perWeek, p.needed!)
      return `${verdict}: ${now}; ${achieved} ${WORDS.week}, ${needed} ${WORDS.needed}`
    }
  }
}

/** "Our 3 goals: 1 on track, 1 behind, 1 reached"; "Our goal: behind". */
export function goalsTitle(progress: readonly GoalProgress[]): string {
  if (progress.length === 1) return `${WORDS.ourGoal}: ${WORDS.count[progress[0]!.verdict]}`
  const order: Verdict[] = ['on-track', 'reached', 'behind', 'missed', 'unknown']
  const counts = order.map((v) => [v, progress.filter((p) => p.verdict === v).length] as const).filter(([, n]) => n > 0)
  if (counts.length === 1) return `${WORDS.our} ${progress.length} ${goalWord(progress.length)}: ${WORDS.count[counts[0]![0]]}`
  return `${WORDS.our} ${progress.length} ${goalWord(progress.length)}: ${counts.map(([v, n]) => `${n} ${WORDS.count[v]}`).join(', ')}`
}

/** The talk track for one goal: every number behind its row, with dates. */
function goalNotes(p: GoalProgress, name: string): string {
  const metric = WORDS.metric[p.goal.metric]
  const parts = [`${name}: ${targetWords(p.goal)}.`]
  if (p.current) parts.push(`${formatAmount(p.current.value)} on ${p.current.date}, from ${formatAmount(p.start!.value)} on ${p.start!.date}.`)
  else parts.push(`No ${metric} recorded yet.`)
  if (p.needed !== undefined) parts.push(`Needed: ${formatPace(p.needed)} ${WORDS.week} for ${formatAmount(p.daysLeft / 7)} weeks.`)
  if (p.achieved) parts.push(`Achieved: ${formatPace(p.achieved.perWeek)} ${WORDS.week} from ${p.achieved.from.date} to ${p.achieved.to.date}.`)
  if (p.summed) parts.push(`The sum of ${p.summed.length} official ${plural.select(p.summed.length) === 'one' ? WORDS.account.one : WORDS.account.other}${p.leftOut && p.leftOut.length > 0 ? `; left out, first measured too recently to compare: ${p.leftOut.join(', ')}` : ''}.`)
  parts.push(`${WORDS.verdict[p.verdict]}: ${p.reason}.`)
  return parts.join(' ')
}

/**
 * The chart title states the verdict in one line of the slide (the chart
 * fills the rest; a second line would push it off the bottom): "Nordlys on
 * LinkedIn: on track for 14,000". A name too long for one line moves to the
 * caption: "Behind pace for 14,000 followers".
 */
export const CHART_TITLE_CHARS = 50

function chartTitle(p: GoalProgress, name: string): string {
  const verdict = p.verdict === 'on-track' ? WORDS.onTrackFor : WORDS.behindFor
  const named = `${name}: ${verdict} ${formatAmount(p.goal.target)}`
  if (named.length <= CHART_TITLE_CHARS) return named
  const short = `${verdict} ${formatAmount(p.goal.target)} ${WORDS.metric[p.goal.metric]}`
  return short[0]!.toUpperCase() + short.slice(1)
}

/**
 * The goal slides for the ROI segment: the table (split like any table by
 * the caller), then a chart for each goal a pace decides (on track or
 * behind) with two values or more, the first MAX_GOAL_CHARTS in file order.
 */
export function goalSlides(goals: readonly Goal[], context: GoalContext, kicker: string, accountLabel: (id: string) => string): { table: Slide[]; charts: Slide[] } {
  if (goals.length === 0) return { table: [], charts: [] }
  const progress = goals.map((goal) => goalProgress(goal, context))
  const table: Slide = {
    kind: 'table',
    segment: 'roi',
    kicker,
    title: goalsTitle(progress),
    table: { header: WORDS.header, rows: progress.map((p) => [`${goalName(p.goal, accountLabel)}: ${targetWords(p.goal)}`, whereWeAre(p)] as const) },
    notes: [...progress.map((p) => goalNotes(p, goalName(p.goal, accountLabel))), WORDS.notes],
  }
  const charts = progress
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => (p.verdict === 'on-track' || p.verdict === 'behind') && p.series.length >= 2)
    .slice(0, MAX_GOAL_CHARTS)
    .map(({ p, i }): Slide => {
      const name = goalName(p.goal, accountLabel)
      const points = p.series.slice(-8)
      return {
        kind: 'chart',
        segment: 'roi',
        kicker,
        title: chartTitle(p, name),
        chart: { points: points.map((pt) => ({ label: pt.date, value: pt.value })), target: { value: p.goal.target, date: p.goal.by, label: `${WORDS.target} ${formatAmount(p.goal.target)} ${WORDS.by} ${p.goal.by}` } },
        image: `charts/goal-${i + 1}.svg`,
        caption: `${name}, ${WORDS.metric[p.goal.metric]} since ${points[0]!.date}; dashed: the target at ${p.goal.by}`,
        notes: [goalNotes(p, name)],
      }
    })
  return { table: [table], charts }
}

/**
 * The goals that are news at this meeting, for the here-and-now's spotlights
 * (here-and-now.ts, rule 1): a goal of one account reached now but not at the
 * meeting before, or missed at this meeting (it was not missed before). A goal
 * of `all` belongs to no one account. A goal reached weeks ago is no news and
 * stays in the ROI segment.
 */
export function goalMarks(goals: readonly Goal[], context: GoalContext): { readonly account: string; readonly words: string }[] {
  const previous = context.entries.reduce<string | undefined>((newest, e) => (e.date < context.date && (newest === undefined || e.date > newest) ? e.date : newest), undefined)
  const marks: { account: string; words: string }[] = []
  for (const goal of goals) {
    if (goal.account === ALL_ACCOUNTS) continue
    const now = goalProgress(goal, context)
    const before = previous === undefined ? undefined : goalProgress(goal, { ...context, entries: context.entries.filter((e) => e.date <= previous), date: previous })
    if (now.verdict === 'reached' && before?.verdict !== 'reached') marks.push({ account: goal.account, words: `${WORDS.markReached} ${targetWords(goal)}` })
    else if (now.verdict === 'missed' && before !== undefined && before.verdict !== 'missed') marks.push({ account: goal.account, words: `${WORDS.markMissed} ${targetWords(goal)}` })
  }
  return marks
}
