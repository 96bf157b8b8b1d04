// Owns the ROI segment's goal slides: one table of every goal (where we are,
// the target and its date, the weekly pace needed against the pace achieved,
// and the verdict in plain words), then a trend chart with the target drawn
// on it for the goals a pace decides. The arithmetic is goals.ts's; the fixed
// words are the catalogue's `goals` section (messages/<language>.json), the
// numbers and dates the language's Intl formats (context.lang, default English).
import type { Goal } from '../workspace/schema.js'
import { ALL_ACCOUNTS } from '../workspace/schema.js'
import { dayWords } from './day-words.js'
import { goalProgress, type GoalContext, type GoalProgress, type Verdict } from './goals.js'
import { english, type Lang } from './lang.js'
import type { Slide } from './slide.js'

/**
 * How many goal charts the segment shows: one, in place of the followers
 * trend. The segment has few minutes, and a reached or missed goal is said in
 * its row.
 */
export const MAX_GOAL_CHARTS = 1

/** 12.5 → "12.5" ("12,5"), 1234.4 → "1,234" ("1 234"): paces of a few posts a month keep their decimal. */
function formatAmount(value: number, lang: Lang): string {
  return lang.number(value, { digits: Math.abs(value) < 10 ? 1 : 0 })
}

/** A weekly pace with its sign: "+155", "−3.5", "0"; `digits` decimals at most (default: one below 10, none above). */
function formatPace(value: number, lang: Lang, digits = Math.abs(value) < 10 ? 1 : 0): string {
  return lang.number(value, { digits, signed: true })
}

/**
 * Achieved and needed, rounded alike. Behind by less than the rounding
 * ("+75 a week, +75 needed") would contradict the verdict, so a behind pair
 * gets the decimals that show the gap: "+75 a week, +75.1 needed".
 */
function pacePair(achieved: number, needed: number, lang: Lang): [string, string] {
  let digits = Math.abs(achieved) < 10 && Math.abs(needed) < 10 ? 1 : 0
  const rounded = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits
  while (achieved < needed && rounded(achieved) >= rounded(needed) && digits < 3) digits++
  return [formatPace(achieved, lang, digits), formatPace(needed, lang, digits)]
}

function goalName(goal: Goal, accountLabel: (id: string) => string, lang: Lang): string {
  return goal.label ?? (goal.account === ALL_ACCOUNTS ? lang.w.goals.all : accountLabel(goal.account))
}

/** "15,000 followers by 2027-03-30" ("15 000 følgere innen 30. mars 2027") */
function targetWords(goal: Goal, lang: Lang): string {
  return lang.say(lang.w.goals.target, { amount: formatAmount(goal.target, lang), metric: lang.w.goals.metric[goal.metric], date: dayWords(goal.by, lang) })
}

/** The verdict in one cell: "Behind: 199,602 now; +1,749 a week, +3,150 needed". */
export function whereWeAre(p: GoalProgress, lang: Lang = english()): string {
  const w = lang.w.goals
  const verdict = w.verdict[p.verdict]
  const metric = w.metric[p.goal.metric]
  if (!p.current) return lang.say(w.noData, { verdict, metric })
  const value = formatAmount(p.current.value, lang)
  // A value from an earlier date (the account was not read today) says its date.
  const now = p.current.date === p.date ? lang.say(w.now, { value }) : lang.say(w.nowOn, { value, date: dayWords(p.current.date, lang) })
  switch (p.verdict) {
    case 'reached':
      return lang.say(w.reached, { verdict, now })
    case 'missed':
      return lang.say(w.missed, { verdict, value, date: dayWords(p.current.date, lang), gap: formatAmount(p.goal.target - p.current.value, lang) })
    case 'unknown':
      return lang.say(w.noPace, { verdict, now, needed: formatPace(p.needed ?? 0, lang) })
    default: {
      const [achieved, needed] = pacePair(p.achieved!.perWeek, p.needed!, lang)
      return lang.say(w.pace, { verdict, now, achieved, needed })
    }
  }
}

/** "Our 3 goals: 1 on track, 1 behind, 1 reached"; "Our goal: behind". */
export function goalsTitle(progress: readonly GoalProgress[], lang: Lang = english()): string {
  const w = lang.w.goals
  if (progress.length === 1) return lang.say(w.ourGoal, { verdict: w.count[progress[0]!.verdict] })
  const order: Verdict[] = ['on-track', 'reached', 'behind', 'missed', 'unknown']
  const counts = order.map((v) => [v, progress.filter((p) => p.verdict === v).length] as const).filter(([, n]) => n > 0)
  const goals = lang.plural(progress.length, w.ourGoals)
  if (counts.length === 1) return lang.say(w.goalsTitle, { goals, counts: w.count[counts[0]![0]] })
  return lang.say(w.goalsTitle, { goals, counts: counts.map(([v, n]) => lang.say(w.countItem, { n: lang.count(n), verdict: w.count[v] })).join(', ') })
}

/** The talk track for one goal: every number behind its row, with dates. */
function goalNotes(p: GoalProgress, name: string, lang: Lang): string {
  const w = lang.w.goals
  const day = (date: string) => dayWords(date, lang)
  const amount = (value: number) => formatAmount(value, lang)
  const parts = [lang.say(w.notesTarget, { name, target: targetWords(p.goal, lang) })]
  if (p.current) parts.push(lang.say(w.notesValues, { value: amount(p.current.value), date: day(p.current.date), start: amount(p.start!.value), startDate: day(p.start!.date) }))
  else parts.push(lang.say(w.notesNoData, { metric: w.metric[p.goal.metric] }))
  if (p.needed !== undefined) parts.push(lang.say(w.notesNeeded, { pace: formatPace(p.needed, lang), weeks: amount(p.daysLeft / 7) }))
  if (p.achieved) parts.push(lang.say(w.notesAchieved, { pace: formatPace(p.achieved.perWeek, lang), from: day(p.achieved.from.date), to: day(p.achieved.to.date) }))
  if (p.summed) parts.push(`${lang.plural(p.summed.length, w.notesSummed)}${p.leftOut && p.leftOut.length > 0 ? lang.say(w.notesLeftOut, { accounts: p.leftOut.join(', ') }) : ''}.`)
  parts.push(lang.say(w.notesVerdict, { verdict: w.verdict[p.verdict], reason: p.reason }))
  return parts.join(' ')
}

/**
 * The chart title states the verdict in one line of the slide (the chart
 * fills the rest; a second line would push it off the bottom): "Nordlys on
 * LinkedIn: on track for 14,000". A name too long for one line moves to the
 * caption: "Behind pace for 14,000 followers".
 */
export const CHART_TITLE_CHARS = 50

function chartTitle(p: GoalProgress, name: string, lang: Lang): string {
  const w = lang.w.goals
  const verdict = lang.say(p.verdict === 'on-track' ? w.chartOnTrack : w.chartBehind, { amount: formatAmount(p.goal.target, lang) })
  const named = lang.say(w.chartTitle, { name, verdict })
  if (named.length <= CHART_TITLE_CHARS) return named
  const short = lang.say(w.chartShort, { verdict, metric: w.metric[p.goal.metric] })
  return short[0]!.toUpperCase() + short.slice(1)
}

/**
 * The goal slides for the ROI segment: the table (split like any table by
 * the caller), then a chart for each goal a pace decides (on track or
 * behind) with two values or more, the first MAX_GOAL_CHARTS in file order.
 * In the language of `context.lang` (default English).
 */
export function goalSlides(goals: readonly Goal[], context: GoalContext, kicker: string, accountLabel: (id: string) => string): { table: Slide[]; charts: Slide[] } {
  if (goals.length === 0) return { table: [], charts: [] }
  const lang = context.lang ?? english()
  const w = lang.w.goals
  const progress = goals.map((goal) => goalProgress(goal, context))
  const table: Slide = {
    kind: 'table',
    segment: 'roi',
    kicker,
    title: goalsTitle(progress, lang),
    table: {
      // Two cells: every catalogue's lists are held to English's length when it is loaded.
      header: [w.header[0]!, w.header[1]!],
      rows: progress.map((p) => [lang.say(w.row, { name: goalName(p.goal, accountLabel, lang), target: targetWords(p.goal, lang) }), whereWeAre(p, lang)] as const),
    },
    notes: [...progress.map((p) => goalNotes(p, goalName(p.goal, accountLabel, lang), lang)), w.notesAsk],
  }
  const charts = progress
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => (p.verdict === 'on-track' || p.verdict === 'behind') && p.series.length >= 2)
    .slice(0, MAX_GOAL_CHARTS)
    .map(({ p, i }): Slide => {
      const name = goalName(p.goal, accountLabel, lang)
      const points = p.series.slice(-8)
      const target = formatAmount(p.goal.target, lang)
      return {
        kind: 'chart',
        segment: 'roi',
        kicker,
        title: chartTitle(p, name, lang),
        // The points keep their ISO dates: the chart places them by date and writes them in the language (chart.ts).
        chart: { points: points.map((pt) => ({ label: pt.date, value: pt.value })), target: { value: p.goal.target, date: p.goal.by, label: lang.say(w.chartTarget, { amount: target, date: dayWords(p.goal.by, lang) }) } },
        image: `charts/goal-${i + 1}.svg`,
        caption: lang.say(w.chartCaption, { name, metric: w.metric[p.goal.metric], date: dayWords(points[0]!.date, lang), by: dayWords(p.goal.by, lang) }),
        notes: [goalNotes(p, name, lang)],
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
  const lang = context.lang ?? english()
  const previous = context.entries.reduce<string | undefined>((newest, e) => (e.date < context.date && (newest === undefined || e.date > newest) ? e.date : newest), undefined)
  const marks: { account: string; words: string }[] = []
  for (const goal of goals) {
    if (goal.account === ALL_ACCOUNTS) continue
    const now = goalProgress(goal, context)
    const before = previous === undefined ? undefined : goalProgress(goal, { ...context, entries: context.entries.filter((e) => e.date <= previous), date: previous })
    if (now.verdict === 'reached' && before?.verdict !== 'reached') marks.push({ account: goal.account, words: lang.say(lang.w.goals.markReached, { target: targetWords(goal, lang) }) })
    else if (now.verdict === 'missed' && before !== undefined && before.verdict !== 'missed') marks.push({ account: goal.account, words: lang.say(lang.w.goals.markMissed, { target: targetWords(goal, lang) }) })
  }
  return marks
}
