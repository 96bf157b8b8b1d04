// Owns the here-and-now segment's shape: what to look for, one overview of
// every account (thumbnail, headline number, change since the last meeting,
// status), a few spotlight slides, and the accounts not read on one shared
// slide; then every account's own slide in the appendix after "Next meeting",
// where it costs no time. The segment never holds more slides than its
// minutes allow at MIN_SECONDS_PER_SLIDE each: twelve accounts in six minutes
// are an overview and a few spotlights, not fifteen slides of 24 seconds.
// Pure: no files, no browser. The slides themselves are live.ts's. Every
// fixed word is the catalogue's (messages/<lang>.json `live`), in the `lang`
// of the input (English by default).
import { dayWords, platformNameIn } from '../snapshot/headline.js'
import { newestPostDay, sinceLastMeeting, type HistoryEntry } from '../snapshot/history.js'
import { english, type Lang } from './lang.js'
import { accountSlide, headline, percentWords, shownResults, statusWord, unreadSlide, type LiveMaterial, type Shown } from './live.js'
import { SILENCE_DAYS } from '../workspace/executives.js'
import type { Slide, Tile } from './slide.js'


/** The least time a slide of the segment gets; the deck-craft rule. */
export const MIN_SECONDS_PER_SLIDE = 40
/** Tiles on one overview slide: three columns of four rows at 24 px text fit 1280×720 (test/deck/slide-fit.test.ts checks it). */
export const TILES_PER_SLIDE = 12
/** Rows of the accounts-not-read table on the segment's one shared slide; the rest are in the appendix. */
export const UNREAD_ROWS = 3
/** How many slides `minutes` carry at MIN_SECONDS_PER_SLIDE each. */
export function slidesThatFit(minutes: number): number {
  return Math.floor((minutes * 60) / MIN_SECONDS_PER_SLIDE)
}

/**
 * A goal's verdict for one account at this meeting. The goals part of issue 12
 * (src/deck/goals.ts) fills these; a goal reached or missed puts its account
 * in the spotlight ahead of any other reason.
 */
export interface GoalMark {
  readonly account: string
  /** "reached 10,000 followers", "behind: 9,100 of 10,000 followers by 2027-03-01" */
  readonly words: string
}

/** Why an account is in the spotlight; `rank` orders the candidates (higher first). */
export interface Spotlight {
  readonly account: string
  readonly why: string
  /** The reason in a few characters, for the kicker beside a screenshot ("+4.4%", "new activity", "goal"). */
  readonly short: string
  readonly reason: 'goal' | 'activity' | 'change'
  readonly rank: number
}

/** A relative change smaller than this is noise, not news (a week's ordinary growth is 1–3%). */
export const NOTABLE_CHANGE = 0.03
/** Changes alone spotlight at most this many accounts: the room hears the biggest movers, the overview has the rest. */
export const MAX_CHANGE_SPOTLIGHTS = 3
/** "New activity": a post in the last SILENCE_RECENT days, after at least SILENCE_DAYS without one. */
export const SILENCE_RECENT = 14
/** An engagement jump: interactions per post at least this many times the last meeting's. */
export const ENGAGEMENT_JUMP = 1.5

/**
 * The spotlight rule. Only accounts read today (or with a figure entered by
 * hand) qualify: a blocked page has no news of its own. In this order:
 *   1. a goal reached or missed (GoalMark, from goals.ts);
 *   2. new activity: a post in the last 14 days after 30 days or more of
 *      silence, or interactions per post at least 1.5 times the last
 *      meeting's (and at least 1 before);
 *   3. the largest relative changes of the headline count since the last
 *      meeting, 3% or more either way, largest first, at most three.
 * (The segment's minutes may then take fewer: see hereAndNow.)
 * An account is spotlit once, for its first reason. Within a reason, the
 * larger jump or change comes first, then the workspace's account order.
 * "The last meeting" is `lastMeeting` (the previous scheduled meeting): what
 * the history held on or before it, else (a new workspace) what it held before
 * `date`; a check snapshot between meetings is not the last meeting.
 */
export function spotlights(shown: readonly Shown[], history: readonly HistoryEntry[], date: string, goals: readonly GoalMark[] = [], lang: Lang = english(), lastMeeting?: string): Spotlight[] {
  const words = lang.w.live
  const picks: Spotlight[] = []
  const taken = new Set<string>()
  const add = (pick: Spotlight) => {
    if (taken.has(pick.account)) return
    taken.add(pick.account)
    picks.push(pick)
  }
  const readable = shown.filter((r) => r.status === 'ok')
  for (const r of readable) {
    const goal = goals.find((g) => g.account === r.account)
    if (goal) add({ account: r.account, why: goal.words, short: words.goalShort, reason: 'goal', rank: 3 })
  }
  const activity: Spotlight[] = []
  const change: Spotlight[] = []
  for (const r of readable) {
    const posted = r.metrics.lastPostAt?.value.slice(0, 10)
    const before = previousPost(history, r.account, date, lastMeeting)
    if (posted && before && daysFrom(posted, date) <= SILENCE_RECENT && daysFrom(before, posted) >= SILENCE_DAYS) {
      activity.push({ account: r.account, why: lang.say(words.postAfterSilence, { days: lang.plural(daysFrom(before, posted), words.days) }), short: words.activityShort, reason: 'activity', rank: 2 + daysFrom(before, posted) / 1e6 })
    }
    const now = r.metrics.interactionsPerPost?.value
    const then = sinceLastMeeting(history, r.account, 'interactionsPerPost', date, lastMeeting)
    if (now !== undefined && then && then.value >= 1 && now >= then.value * ENGAGEMENT_JUMP) {
      activity.push({ account: r.account, why: lang.say(words.engagementJump, { from: lang.count(then.value), to: lang.count(now) }), short: words.activityShort, reason: 'activity', rank: 2 + now / then.value / 1e6 })
    }
    const h = headline(r, history, date, lang, lastMeeting).model
    if (h.value !== undefined && h.change) {
      const previous = h.value - h.change.delta
      const relative = previous > 0 ? h.change.delta / previous : 0
      if (Math.abs(relative) >= NOTABLE_CHANGE) {
        const pct = percentWords(Math.abs(relative), lang)
        const why = lang.say(relative > 0 ? words.grew : words.fell, { word: h.word, pct, date: dayWords(h.change.since, lang, date) })
        change.push({ account: r.account, why, short: `${relative > 0 ? '+' : '−'}${pct}`, reason: 'change', rank: 1 + Math.abs(relative) / 1e3 })
      }
    }
  }
  const byRank = (a: Spotlight, b: Spotlight) => b.rank - a.rank
  for (const pick of activity.sort(byRank)) add(pick)
  let changes = 0
  for (const pick of change.sort(byRank)) {
    if (changes === MAX_CHANGE_SPOTLIGHTS || taken.has(pick.account)) continue
    add(pick)
    changes += 1
  }
  return picks
}

/** The newest last-post date recorded on or before the last meeting; with none there (or no last meeting), before the meeting. */
function previousPost(history: readonly HistoryEntry[], account: string, date: string, lastMeeting?: string): string | undefined {
  return (lastMeeting !== undefined ? newestPostDay(history, account, (d) => d <= lastMeeting && d < date) : undefined) ?? newestPostDay(history, account, (d) => d < date)
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export interface HereAndNowInput {
  readonly live: LiveMaterial
  readonly date: string
  /** The segment's title, as the kicker of its slides. */
  readonly kicker: string
  readonly accountLabel: (id: string) => string
  /** The segment's minutes (while planning, its usual maximum: segments/here-and-now.ts). */
  readonly minutes: number
  /** What to look for (the topic's demo): dropped first, after the spotlights, when the minutes are short. */
  readonly lookFor?: Slide
  readonly goals?: readonly GoalMark[]
  /** The deck's language; English when absent. */
  readonly lang?: Lang
  /** The previous scheduled meeting (calendar.ts previousMeetingDate): changes "since the last meeting" are measured from a value on or before it when there is one. */
  readonly lastMeeting?: string
}

export interface HereAndNow {
  /** The segment's slides, in order; never more than its minutes allow at MIN_SECONDS_PER_SLIDE each (the overview and the shared table of accounts not read always stay). */
  readonly slides: Slide[]
  /** Every account's own slide (and every account not read), for after "Next meeting". */
  readonly appendix: Slide[]
}

export function hereAndNow(input: HereAndNowInput): HereAndNow {
  const { live, date, kicker, accountLabel, lastMeeting } = input
  const lang = input.lang ?? english()
  const words = lang.w.live
  const results = shownResults(live, date)
  const readable = results.filter((r) => r.status === 'ok')
  const unread = results.filter((r) => r.status !== 'ok')

  // When no account has a number, the shared table of accounts not read is
  // the overview: the same accounts twice would only cost the segment a slide.
  const overview = readable.length > 0 ? overviewSlides(live, results, date, kicker, accountLabel, lang, lastMeeting) : []
  const shared = unread.length > 0 ? [unreadShared(unread, live.history, date, kicker, accountLabel, lang)] : []
  const room = slidesThatFit(input.minutes) - overview.length - shared.length
  const lookFor = input.lookFor && room >= 1 ? [input.lookFor] : []
  const picks = spotlights(results, live.history, date, input.goals, lang, lastMeeting).slice(0, Math.max(0, room - lookFor.length))
  const byAccount = new Map(readable.map((r) => [r.account, r]))
  // The kicker shares the slide with a screenshot, so it stays short; a reason
  // the number beside it does not show (a goal, new activity) leads the facts,
  // followed by the last two (the last post and the engagement, when known):
  // the others are on the account's appendix slide, and all of them would
  // run off the slide.
  const spotlit = picks.map((pick) => {
    const slide = accountSlide(byAccount.get(pick.account)!, live.history, date, `${words.spotlight} · ${pick.short}`, accountLabel(pick.account), lang, lastMeeting)
    const bullets = pick.reason === 'change' ? slide.bullets : [pick.why[0]!.toUpperCase() + pick.why.slice(1), ...(slide.bullets ?? []).slice(-2)]
    return { ...slide, bullets, notes: [lang.say(words.spotlightNote, { why: pick.why }), ...slide.notes] }
  })
  const appendix: Slide[] = [
    ...readable.map((r) => ({ ...accountSlide(r, live.history, date, `${words.appendix} · ${accountLabel(r.account)}`, accountLabel(r.account), lang, lastMeeting), appendix: true, bookmark: accountLabel(r.account) })),
    ...(unread.length > 0 ? unreadAppendix(unreadSlide(unread, live.history, date, words.appendix, accountLabel, lang), lang.plural(unread.length, words.notReadBookmark)) : []),
  ]
  return { slides: [...lookFor, ...overview, ...spotlit, ...shared], appendix }
}

/** One overview of every account, on as few slides as TILES_PER_SLIDE allows, balanced. */
function overviewSlides(live: LiveMaterial, results: readonly Shown[], date: string, kicker: string, accountLabel: (id: string) => string, lang: Lang, lastMeeting?: string): Slide[] {
  const words = lang.w.live
  const answered = results.filter((r) => r.status === 'ok' && (r.today === undefined || r.today === 'none')).length
  const walled = results.length - answered
  const title = !live.results
    ? lang.plural(results.length, words.handOnly)
    : walled === 0
      ? lang.say(words.allLive, { n: lang.count(results.length) })
      : lang.say(words.someLive, { answered: lang.count(answered), accounts: lang.plural(results.length, words.accounts), walled: lang.count(walled) })
  const tiles = results.map((r) => tileOf(r, live.history, date, accountLabel, lang, lastMeeting))
  const parts = balanced(tiles, TILES_PER_SLIDE)
  return parts.map((part, i) => ({
    kind: 'overview' as const,
    segment: 'here-and-now' as const,
    kicker,
    title: parts.length > 1 ? `${title}${lang.say(words.part, { i: i + 1, of: parts.length })}` : title,
    tiles: part,
    notes: [
      live.results ? words.liveNote : words.handNote,
      ...(i === 0 ? [words.overviewNote] : []),
      ...part.map((t) => `${t.name}: ${[t.figure, t.change, t.status].filter(Boolean).join(', ')}.`),
    ],
  }))
}

function tileOf(r: Shown, history: readonly HistoryEntry[], date: string, accountLabel: (id: string) => string, lang: Lang, lastMeeting?: string): Tile {
  const words = lang.w.live
  const name = accountLabel(r.account)
  const platform = platformNameIn(r.platform, lang)
  const label = name.toLowerCase().includes(platform.toLowerCase()) ? name : `${name} (${platform})`
  const image = r.screenshot ? `snapshots/${r.screenshot}` : undefined
  if (r.status !== 'ok') return { name: label, image, figure: words.notRead, change: '', status: statusWord(r.status, lang) }
  const h = headline(r, history, date, lang, lastMeeting)
  const failedToday = r.today !== undefined && r.today !== 'none'
  return {
    name: label,
    image,
    figure: h.model.value !== undefined || h.model.lastPostOn ? h.text : words.noNumbers,
    change: h.model.change ? lang.change(h.model.change.delta) : h.model.value !== undefined ? words.firstMeasurement : '',
    status: h.model.byHand ? words.byHand : failedToday ? statusWord(r.today.status, lang) : words.live,
  }
}

/**
 * The accounts not read share one slide in the segment: the first
 * UNREAD_ROWS rows, and a last row pointing to the appendix, which holds the
 * whole table.
 */
function unreadShared(unread: readonly Shown[], history: readonly HistoryEntry[], date: string, kicker: string, accountLabel: (id: string) => string, lang: Lang): Slide {
  const slide = unreadSlide(unread, history, date, kicker, accountLabel, lang)
  const rows = slide.table!.rows
  if (rows.length <= UNREAD_ROWS) return slide
  const shown = rows.slice(0, UNREAD_ROWS - 1)
  return { ...slide, table: { header: slide.table!.header, rows: [...shown, [lang.say(lang.w.live.moreInAppendix, { n: lang.count(rows.length - shown.length) }), ''] as const] } }
}

/** As few parts of at most `size` as possible, balanced: 40 by 12 gives 10 + 10 + 10 + 10, not 12 + 12 + 12 + 4. */
function balanced<T>(items: readonly T[], size: number): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / size))
  return Array.from({ length: parts }, (_, i) => items.slice(Math.round((i * items.length) / parts), Math.round(((i + 1) * items.length) / parts)))
}

/**
 * The whole table of accounts not read, for the appendix: one slide that the
 * deck splits like any table, where its measured height runs out (each row
 * carries a reason and a fix of several lines). Bookmarked once, at its first
 * part (segments/here-and-now.ts).
 */
function unreadAppendix(slide: Slide, bookmark: string): Slide[] {
  return [{ ...slide, appendix: true, bookmark }]
}
