// Owns the one model of an account's headline number: which metric leads
// (followers, else a page's likes, else posts, else the last post's date), its
// word on that platform, whether it is rounded or entered by hand, its change
// since the last meeting, and for an account not read today its last good
// value. The deck, the overview (dashboard, Accounts screen, `showtell` as
// text) and `showtell snapshot` all format this model, so they never disagree
// about which number is the account's or what it is called. Also the
// engagement words ("3 posts in 30 days · median 14 interactions per post").
// Its words come from the message catalogue (messages/<lang>.json, sections
// `live` and `platforms`): English by default, which is what the terminal
// shows; the deck passes its own language. Pure: no files, no clock.
import { english, type Lang } from '../deck/lang.js'
import type { PluralForms } from '../deck/plural.js'
import { ADAPTERS, PLATFORMS, type Platform } from '../platforms/index.js'
import { newestGood, sinceLastMeeting, type HistoryEntry, type MetricKey } from './history.js'
import { MANUAL_SOURCE, type RecordedMetrics, type RecordedSource, type SnapshotStatus } from './types.js'

// ---- the words per platform -----------------------------------------------
// The adapters (`src/platforms/<platform>.ts`, their `words`) hold each
// platform's English words; the catalogues' `platforms` section holds them in
// every language, as plural forms, and is what the headline reads. English's
// are checked equal to the adapters' (test/deck/live-nb.test.ts), and every
// platform of the registry must have words in every catalogue.

export interface PlatformWords {
  /** How the platform is written on a slide. */
  readonly name: string
  /** What the platform calls the people who follow the account. */
  readonly followers: string
  /** What the account's posts are. */
  readonly posts: string
  /** What the account's `likes` metric is: never followers. */
  readonly likes: string
}

/** Each platform's words, from its adapter (platforms/<id>.ts): a new platform's vocabulary is defined there, once. */
export const PLATFORM_WORDS: Record<Platform, PlatformWords> = Object.fromEntries(
  PLATFORMS.map((id) => [id, { name: ADAPTERS[id].name, ...ADAPTERS[id].words }]),
) as Record<Platform, PlatformWords>

const FALLBACK_WORDS = (platform: string): PlatformWords => ({ name: platform, followers: 'followers', posts: 'posts', likes: 'likes' })

/** The words for `platform` (a history line may name one this build does not know). */
export function platformWords(platform: string): PlatformWords {
  return Object.hasOwn(PLATFORM_WORDS, platform) ? PLATFORM_WORDS[platform as Platform] : FALLBACK_WORDS(platform)
}

export function platformName(platform: string): string {
  return platformWords(platform).name
}

/** A platform's words in a language's catalogue: counted words as plural forms without the number. */
export interface PlatformWordsIn {
  readonly name: string
  readonly followers: PluralForms
  readonly posts: PluralForms
  readonly likes: PluralForms
}

/** `platform`'s words in `lang` (messages/<lang>.json `platforms`); a platform the catalogue does not know keeps its id as name. */
export function platformWordsIn(platform: string, lang: Lang = english()): PlatformWordsIn {
  const known = lang.w.platforms as Readonly<Record<string, PlatformWordsIn>>
  return Object.hasOwn(known, platform) ? known[platform]! : { name: platform, ...lang.w.live.otherPlatform }
}

/** How `platform` is written in `lang` ("Blog", "Blogg"). */
export function platformNameIn(platform: string, lang: Lang = english()): string {
  return platformWordsIn(platform, lang).name
}

/**
 * A calendar day (YYYY-MM-DD) as the language writes it on a slide: English
 * keeps the ISO date the deck always showed; a catalogue whose `common.dates`
 * is `words` gets Intl's day and full month ("17. november"), with the
 * year when it is not the year of `meeting` (or no meeting is given). Not the
 * abbreviated month: "17. nov." would end a sentence with two full stops.
 */
export function dayWords(day: string, lang: Lang = english(), meeting?: string): string {
  return lang.day(day, meeting)
}

// ---- the model ---------------------------------------------------------------

/** The counts that can lead, best first. A page's likes lead only when no follower count exists; they are never called followers. */
export const HEADLINE_COUNTS = ['followers', 'likes', 'posts'] as const
export type HeadlineCount = (typeof HEADLINE_COUNTS)[number]

type Subject = {
  readonly account: string
  readonly platform: string
  readonly status: SnapshotStatus
  /** A history entry's date: the day its figures are for. */
  readonly date?: string
  /** A metric filled by hand carries the day it was entered for (`enteredOn`), when it stands in a result of another day. */
  readonly metrics: { readonly [K in MetricKey]?: RecordedMetrics[K] & { readonly enteredOn?: string } }
}

export interface Headline {
  /** Which metric leads; `lastPostAt` for an account with no count (a blog); `none` when nothing is known. */
  readonly metric: HeadlineCount | 'lastPostAt' | 'none'
  /** The count; for `lastPostAt`, absent (see `lastPostOn`). */
  readonly value?: number
  /** The day of the latest post (YYYY-MM-DD), for `lastPostAt`. */
  readonly lastPostOn?: string
  /** What the number is on this platform ("followers", "subscribers", "Page likes", "videos"; singular for one: "1 subscriber"), or "last post". */
  readonly word: string
  /** The platform rounded it ("88.7K") or gave a floor. */
  readonly approximate: boolean
  /** Where the number came from (`manual` for a figure entered by hand). */
  readonly source?: RecordedSource
  /** A figure entered by hand: the day it is for, and the person's note. */
  readonly byHand?: { readonly date: string; readonly note?: string }
  /** The change of the same count since the newest good value from an earlier day (on or before `lastMeeting`, when given and there is one). */
  readonly change?: { readonly delta: number; readonly since: string }
  /** For an account not read (status other than ok): the newest good count at or before the day, with its word. */
  readonly lastGood?: { readonly metric: HeadlineCount; readonly value: number; readonly date: string; readonly word: string }
}

/**
 * The headline of one snapshot result, history entry or result with hand
 * figures filled in. `history` is what came before (for the change and the
 * last good value); `date` is the day the headline is for (the meeting or
 * snapshot date; a history entry's own date when left out). A failed subject
 * never shows a number of its own: only `lastGood`. `lastMeeting` (the deck's
 * previous scheduled meeting) bounds the change's baseline to a day on or
 * before it when there is one (history.ts sinceLastMeeting); without it (the
 * app), the change is since the snapshot before.
 */
export function headlineOf(subject: Subject, history: readonly HistoryEntry[], date = subject.date ?? '', lang: Lang = english(), lastMeeting?: string): Headline {
  const words = platformWordsIn(subject.platform, lang)
  const wordFor = (metric: HeadlineCount, value: number) => lang.plural(value, words[metric])
  if (subject.status !== 'ok') {
    for (const metric of HEADLINE_COUNTS) {
      const good = newestGood(history, subject.account, metric, (d) => d <= date)
      if (good) return { metric: 'none', word: '', approximate: false, lastGood: { metric, ...good, word: wordFor(metric, good.value) } }
    }
    return { metric: 'none', word: '', approximate: false }
  }
  const metric = HEADLINE_COUNTS.find((key) => subject.metrics[key] !== undefined)
  if (metric) {
    const count = subject.metrics[metric]!
    const byHand = count.source === MANUAL_SOURCE ? { date: count.enteredOn ?? subject.date ?? date, ...(count.note ? { note: count.note } : {}) } : undefined
    // A hand figure compares with what came before the day it is for, not with itself.
    const previous = sinceLastMeeting(history, subject.account, metric, count.enteredOn ?? date, lastMeeting)
    return {
      metric,
      value: count.value,
      word: wordFor(metric, count.value),
      approximate: count.approximate === true,
      source: count.source,
      ...(byHand ? { byHand } : {}),
      ...(previous ? { change: { delta: count.value - previous.value, since: previous.date } } : {}),
    }
  }
  const last = subject.metrics.lastPostAt
  if (last) {
    const byHand = last.source === MANUAL_SOURCE ? { date: last.enteredOn ?? subject.date ?? date, ...(last.note ? { note: last.note } : {}) } : undefined
    return { metric: 'lastPostAt', lastPostOn: last.value.slice(0, 10), word: lang.w.live.lastPostWord, approximate: false, source: last.source, ...(byHand ? { byHand } : {}) }
  }
  return { metric: 'none', word: '', approximate: false }
}

/** "12,345 followers", "4,200 Page likes", "last post 2026-11-17", or "" when nothing is known. No rounding mark: each place shows that its own way. */
export function headlineWords(h: Headline, lang: Lang = english(), meeting?: string): string {
  if (h.value !== undefined) return lang.say(lang.w.live.headlineCount, { count: lang.count(h.value), word: h.word })
  if (h.lastPostOn) return lang.say(lang.w.live.lastPost, { date: dayWords(h.lastPostOn, lang, meeting) })
  return ''
}

// ---- engagement ------------------------------------------------------------

/**
 * The account's pace and engagement over the 30 days before the snapshot, in
 * words: "3 posts in 30 days · median 14 interactions per post"; either half
 * alone when only it is known; undefined when neither is.
 */
export function engagementWords(metrics: Subject['metrics'], lang: Lang = english()): string | undefined {
  const posts = metrics.postsPerMonth && lang.plural(metrics.postsPerMonth.value, lang.w.live.posts)
  const interactions = metrics.interactionsPerPost && interactionWords(metrics.interactionsPerPost.value, lang)
  if (posts && interactions) return lang.say(lang.w.live.engagement, { posts, interactions })
  if (posts) return lang.say(lang.w.live.postsOnly, { posts })
  if (interactions) return lang.say(lang.w.live.interactionsOnly, { interactions })
  return undefined
}

/** "14 interactions per post", "1 interaction per post". */
export function interactionWords(value: number, lang: Lang = english()): string {
  return lang.plural(value, lang.w.live.interactions)
}
