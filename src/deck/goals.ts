// Owns the goal arithmetic: where a goal from `showtell.yaml` stands on the
// meeting date, from the metrics history alone (pure; the slides are
// goal-slides.ts's, and the few words of a verdict's reason are the
// catalogue's `goals.reason`, in the context's language).
//
// The rule, for one goal on the meeting date `date`:
// - The series: one value per date (history.ts `series`), through `date`.
//   For `account: all` it is the sum over our official accounts, made so that
//   a missing number never counts as zero (see `sumSeries`).
// - Current: the newest value of the series. Start: its oldest value.
// - Weeks left: days from `date` to `by`, divided by 7.
// - Pace needed per week: (target − current) / weeks left.
// - Pace achieved per week, over the last 4 weeks: from the oldest value at
//   most 28 days before the newest one to the newest. When no value is that
//   recent, from the last value before it (the span available).
// - The verdict, first rule that applies:
//   unknown   no value recorded at all;
//   reached   current ≥ target (a goal is "reach at least": every metric
//             here grows when things go well), whatever the date;
//   missed    `by` is the meeting date or earlier, and it is not reached
//             (on the day itself no week is left to close the gap);
//   unknown   a single value: no pace achieved to compare;
//   on track  achieved ≥ needed;
//   behind    achieved < needed.
import type { Goal, GoalMetric } from '../workspace/schema.js'
import { ALL_ACCOUNTS } from '../workspace/schema.js'
import { addDays } from '../rotation/calendar.js'
import { daysBetween, series, type HistoryEntry } from '../snapshot/history.js'
import { dayWords } from './day-words.js'
import { english, type Lang } from './lang.js'

export const PACE_DAYS = 28

export type Verdict = 'reached' | 'on-track' | 'behind' | 'missed' | 'unknown'

export interface Point {
  readonly date: string
  readonly value: number
}

export interface GoalProgress {
  readonly goal: Goal
  /** The meeting date the goal is measured on. */
  readonly date: string
  readonly verdict: Verdict
  /** Why the verdict is what it is, in a few plain words of the context's language (for notes and tests). */
  readonly reason: string
  /** The values the goal is measured on, oldest first. */
  readonly series: readonly Point[]
  readonly current?: Point
  readonly start?: Point
  /** Whole days from the meeting date to `by` (negative once it has passed). */
  readonly daysLeft: number
  /** Per week, to reach the target by `by`; only while the date has not passed and the target is not reached. */
  readonly needed?: number
  /** Per week over the last 4 weeks (or the span available): from `from` to `to`. */
  readonly achieved?: { readonly perWeek: number; readonly from: Point; readonly to: Point }
  /** `all` only: the accounts summed, and those left out (first measured too late to compare like with like). */
  readonly summed?: readonly string[]
  readonly leftOut?: readonly string[]
}

export interface GoalContext {
  /** The history, this meeting's snapshots included (dated `date`). */
  readonly entries: readonly HistoryEntry[]
  /** The meeting date, YYYY-MM-DD. */
  readonly date: string
  /** Our official accounts' ids, in file order: what `all` sums. */
  readonly official: readonly string[]
  /** The deck's language, for the reasons here and the words of goal-slides.ts (default English). */
  readonly lang?: Lang
}

export function goalProgress(goal: Goal, context: GoalContext): GoalProgress {
  const { date } = context
  const lang = context.lang ?? english()
  const why = lang.w.goals.reason
  const day = (d: string) => dayWords(d, lang)
  const measured =
    goal.account === ALL_ACCOUNTS
      ? sumSeries(context.entries, context.official, goal.metric, date)
      : { points: series(context.entries, goal.account, goal.metric, date) }
  const points = measured.points
  const daysLeft = daysBetween(date, goal.by)
  const base = { goal, date, series: points, daysLeft, ...('summed' in measured ? { summed: measured.summed, leftOut: measured.leftOut } : {}) }
  const current = points.at(-1)
  if (!current) return { ...base, verdict: 'unknown', reason: why.noValue }
  const start = points[0]!
  const achieved = pace(points)
  const known = { ...base, current, start, ...(achieved ? { achieved } : {}) }
  if (current.value >= goal.target) {
    const first = points.find((p) => p.value >= goal.target)!
    return { ...known, verdict: 'reached', reason: first.date > goal.by ? lang.say(why.reachedLate, { date: day(first.date), by: day(goal.by) }) : lang.say(why.reachedOn, { date: day(first.date) }) }
  }
  if (daysLeft <= 0) return { ...known, verdict: 'missed', reason: lang.say(daysLeft === 0 ? why.missedToday : why.missedPassed, { by: day(goal.by) }) }
  const needed = (goal.target - current.value) / (daysLeft / 7)
  if (!achieved) return { ...known, needed, verdict: 'unknown', reason: why.oneValue }
  return achieved.perWeek >= needed
    ? { ...known, needed, verdict: 'on-track', reason: why.onTrack }
    : { ...known, needed, verdict: 'behind', reason: why.behind }
}

/** The weekly pace over the last 4 weeks of `points`, or the span available; undefined with fewer than two values. */
export function pace(points: readonly Point[]): GoalProgress['achieved'] {
  const to = points.at(-1)
  if (!to || points.length < 2) return undefined
  const since = addDays(to.date, -PACE_DAYS)
  const earlier = points.slice(0, -1)
  const from = earlier.find((p) => p.date >= since) ?? earlier.at(-1)!
  return { perWeek: (to.value - from.value) / (daysBetween(from.date, to.date) / 7), from, to }
}

/**
 * `all`: the sum over our official accounts, like with like. An account is
 * summed when it has a value on or before the start of the pace window (28
 * days before the newest value, or the oldest date when the history is
 * shorter): one first measured later is left out (and named), because adding
 * it would read as growth. On a date an account was not read (blocked, down),
 * its last good value before that date stands in: a missing number is never
 * counted as zero. A date is summed from the first date every summed account
 * has a value.
 */
export function sumSeries(entries: readonly HistoryEntry[], official: readonly string[], metric: GoalMetric, date: string): { points: Point[]; summed: string[]; leftOut: string[] } {
  const perAccount = official.map((account) => ({ account, points: series(entries, account, metric, date) })).filter((a) => a.points.length > 0)
  const dates = [...new Set(perAccount.flatMap((a) => a.points.map((p) => p.date)))].sort()
  const newest = dates.at(-1)
  if (newest === undefined) return { points: [], summed: [], leftOut: [] }
  const since = addDays(newest, -PACE_DAYS)
  const cutoff = since < dates[0]! ? dates[0]! : since
  const summed = perAccount.filter((a) => a.points[0]!.date <= cutoff)
  const leftOut = perAccount.filter((a) => a.points[0]!.date > cutoff).map((a) => a.account)
  const from = summed.reduce((latest, a) => (a.points[0]!.date > latest ? a.points[0]!.date : latest), dates[0]!)
  const points = dates
    .filter((d) => d >= from)
    .map((d) => ({ date: d, value: summed.reduce((sum, a) => sum + a.points.filter((p) => p.date <= d).at(-1)!.value, 0) }))
  return { points, summed: summed.map((a) => a.account), leftOut }
}
