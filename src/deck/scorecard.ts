// Owns the executive scorecard: every person with `owner: executive`
// accounts (ours, and each competitor's beside them), grouped by `person:`
// (default: the account's label), with where they are present, their posts
// in the last 30 days, their last post and the trend of their followers since
// the last meeting and over 90 days. Silence is named plainly ("no post in 45
// days"), an executive listed in `executives:` with no account says so, and a
// value the sources did not give says why: never 0. Pure: accounts, this
// run's results and the history in, rows out; the slide is a plain table.
// Every fixed word is the catalogue's (messages/<lang>.json `scorecard`).
import { addDays } from '../rotation/calendar.js'
import { platformNameIn } from '../snapshot/headline.js'
import { daysBetween, lastGoodValue, newestPostDay, sinceLastMeeting, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotResult } from '../snapshot/types.js'
import type { Account } from '../workspace/schema.js'
import { executiveGroups, SILENCE_DAYS, type ExecutiveGroup } from '../workspace/executives.js'
import { english, type Lang } from './lang.js'
import { statusWord } from './live.js'
import type { Slide } from './slide.js'

/** The longer trend window. */
export const TREND_DAYS = 90

export interface ScorecardInput {
  /** Our accounts (any owner: only `owner: executive` count) and `executives:` names. */
  readonly accounts: readonly Account[]
  readonly executives?: readonly string[]
  readonly competitors?: readonly { readonly name: string; readonly accounts: readonly Account[]; readonly executives?: readonly string[] }[]
  /** This run's results, ours and competitors' (ids are unique across the workspace). */
  readonly results?: readonly SnapshotResult[]
  /** Earlier meetings' rows, ours and competitors'. */
  readonly history: readonly HistoryEntry[]
  /** Meeting date, YYYY-MM-DD. */
  readonly date: string
  /** The previous scheduled meeting (calendar.ts previousMeetingDate): the trend "since the last meeting" is from a count on or before it when there is one. */
  readonly lastMeeting?: string
  readonly lang?: Lang
}

export interface ScorecardRow {
  readonly person: string
  /** The competitor's name; absent for ours. */
  readonly competitor?: string
  /** Platform names, in the accounts' order; empty when the person has no account. */
  readonly platforms: readonly string[]
  /** Posts in the last 30 days, summed over the accounts that give it; undefined when none does. */
  readonly posts30?: number
  /** The newest post over all their accounts (YYYY-MM-DD). */
  readonly lastPost?: string
  /** Followers now (this run, or the last good value of an account not read). */
  readonly followers?: number
  /** Change since the last meeting, over the accounts counted both times. */
  readonly sinceMeeting?: { readonly delta: number; readonly date: string }
  /** Change over the last 90 days, over the accounts counted both times. */
  readonly in90?: number
  /** The whole row in slide words. */
  readonly words: string
}

/** The scorecard's rows, ours first, then each competitor's in the workspace's order. No executives: no rows. */
export function scorecardRows(input: ScorecardInput): ScorecardRow[] {
  const lang = input.lang ?? english()
  const words = lang.w.scorecard
  const { date, history } = input
  const day = (d: string) => lang.day(d, date)
  const byId = new Map((input.results ?? []).map((r) => [r.account, r]))
  const ninetyAgo = addDays(date, -TREND_DAYS)

  return executiveGroups(input).map((group) => {
    const platforms = [...new Set(group.accounts.map((a) => platformNameIn(a.platform, lang)))]
    if (group.accounts.length === 0) return { ...base(group), platforms, words: words.noAccount }
    let posts30: number | undefined
    let lastPost: string | undefined
    let followers: number | undefined
    let since: { delta: number; date: string } | undefined
    let in90: number | undefined
    const unread: string[] = []
    for (const account of group.accounts) {
      const result = byId.get(account.id)
      const read = result?.status === 'ok' ? result : undefined
      const platform = platformNameIn(account.platform, lang)
      // Followers now: this run's, or, for an account not read, its last good value (said so).
      let now: number | undefined = read?.metrics.followers?.value
      if (result && !read) {
        const good = lastGoodValue(history, account.id, 'followers', date)
        const status = statusWord(result.status, lang)
        unread.push(good ? lang.say(words.notRead, { platform, status, value: lang.count(good.value), date: day(good.date) }) : lang.say(words.notReadNever, { platform, status }))
        now = good?.value
      }
      if (now !== undefined) followers = (followers ?? 0) + now
      const posts = read?.metrics.postsPerMonth?.value
      if (posts !== undefined) posts30 = (posts30 ?? 0) + posts
      // The last post: this run's, else the newest the history knows (a post once seen stays a fact).
      const post = read?.metrics.lastPostAt?.value.slice(0, 10) ?? newestPostDay(history, account.id, (d) => d <= date)
      if (post && (!lastPost || post > lastPost)) lastPost = post
      if (now !== undefined && read) {
        const before = sinceLastMeeting(history, account.id, 'followers', date, input.lastMeeting)
        if (before) since = { delta: (since?.delta ?? 0) + (now - before.value), date: since && since.date > before.date ? since.date : before.date }
        // Over 90 days only when the window reaches further back than the last meeting's count: else it is the same number twice.
        const old = countOnOrAfter(history, account.id, ninetyAgo, date)
        if (old && before && old.date < before.date) in90 = (in90 ?? 0) + (now - old.value)
      }
    }
    const facts = [
      platforms.join(', '),
      posts30 !== undefined ? lang.plural(posts30, words.posts) : words.postsUnknown,
      lastPost === undefined ? words.lastPostUnknown : daysBetween(lastPost, date) >= SILENCE_DAYS ? lang.say(words.silent, { days: lang.count(daysBetween(lastPost, date)) }) : lang.say(words.lastPost, { date: day(lastPost) }),
      followers === undefined
        ? words.followersUnknown
        : since
          ? [lang.say(words.sinceMeeting, { change: lang.change(since.delta), date: day(since.date) }), ...(in90 !== undefined ? [lang.say(words.in90, { change: lang.change(in90) })] : [])].join(', ')
          : lang.say(words.firstCount, { value: lang.count(followers) }),
      ...unread,
    ]
    return {
      ...base(group),
      platforms,
      ...(posts30 !== undefined ? { posts30 } : {}),
      ...(lastPost ? { lastPost } : {}),
      ...(followers !== undefined ? { followers } : {}),
      ...(since ? { sinceMeeting: since } : {}),
      ...(in90 !== undefined ? { in90 } : {}),
      words: facts.join(' · '),
    }
  })
}

function base(group: ExecutiveGroup): { person: string; competitor?: string } {
  return { person: group.person, ...(group.competitor ? { competitor: group.competitor } : {}) }
}

/** The oldest good follower count in [from, date): the start of the 90-day window. */
function countOnOrAfter(history: readonly HistoryEntry[], account: string, from: string, date: string): { value: number; date: string } | undefined {
  const rows = history
    .filter((e) => e.account === account && e.status === 'ok' && e.metrics.followers !== undefined && e.date >= from && e.date < date)
    .sort((a, b) => a.date.localeCompare(b.date) || a.capturedAt.localeCompare(b.capturedAt))
  const first = rows[0]
  return first ? { value: first.metrics.followers!.value, date: first.date } : undefined
}

/**
 * The title's sentence: `some` of our `all` leaders posted (or have an
 * account), worded as people say it: "Our leader …" for one, "Both our
 * leaders …" / "Neither of our leaders …" for two, "All 3 of our leaders …" /
 * "None of our 3 leaders …" for more, and "1 of our 3 leaders …" in between
 * (messages/<lang>.json `scorecardTitle`).
 */
function headline(lang: Lang, what: 'posted' | 'present', some: number, all: number): string {
  const t = lang.w.scorecardTitle[what]
  const count = lang.count(all)
  if (some === all) return all === 1 ? t.allOne : all === 2 ? t.allTwo : lang.say(t.all, { count })
  if (some === 0) return all === 1 ? t.noneOne : all === 2 ? t.noneTwo : lang.say(t.none, { count })
  return lang.say(lang.plural(some, t.some), { people: lang.plural(all, lang.w.scorecard.people) })
}

/**
 * The scorecard slide: one table, a row per person, competitors' marked with
 * their name. Long tables split like any other ("(continued)"). No executives
 * (ours or a competitor's): no slide.
 */
export function scorecardSlide(input: ScorecardInput & { readonly kicker: string }): Slide | undefined {
  const lang = input.lang ?? english()
  const words = lang.w.scorecard
  const rows = scorecardRows(input)
  if (rows.length === 0) return undefined
  // The title states only what is known: how many posted, when every leader
  // with an account has a known last post; else how many have an account at
  // all (a source that hides posts must not read as silence).
  // With no leader of ours listed, the title says so: counting the competitors' leaders as "our" would be wrong.
  const ours = rows.filter((r) => r.competitor === undefined)
  const posted = (r: ScorecardRow) => r.lastPost !== undefined && daysBetween(r.lastPost, input.date) < SILENCE_DAYS
  const known = ours.every((r) => r.platforms.length === 0 || r.lastPost !== undefined)
  const title =
    ours.length === 0
      ? lang.w.scorecardTitle.theirsOnly
      : known
        ? headline(lang, 'posted', ours.filter(posted).length, ours.length)
        : headline(lang, 'present', ours.filter((r) => r.platforms.length > 0).length, ours.length)
  const name = (r: ScorecardRow) => (r.competitor ? lang.say(words.theirs, { person: r.person, competitor: r.competitor }) : r.person)
  return {
    kind: 'table',
    segment: 'here-and-now',
    kicker: input.kicker,
    title,
    table: { header: [words.headerPerson, words.headerFacts], rows: rows.map((r) => [name(r), r.words] as const) },
    // Rows name people, not accounts: every executive account, ours and the competitors'.
    shows: executiveGroups(input).flatMap((group) => group.accounts.map((account) => account.id)),
    notes: [words.note, words.rule, ...rows.map((r) => `${name(r)}: ${r.words}.`)],
  }
}
