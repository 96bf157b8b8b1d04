// Owns turning what a profile page or API says about an account (meta
// descriptions, JSON-LD, TikTok's embedded state, loose count strings) into
// typed metrics, and choosing between sources. Pure: no browser, no network.
// Everything here reads untrusted text and returns `undefined` rather than a
// guess when the text does not say what we need.

export const METRIC_SOURCES = ['api', 'feed', 'meta', 'embedded-json', 'page-text'] as const
export type MetricSource = (typeof METRIC_SOURCES)[number]

export interface CountMetric {
  readonly value: number
  readonly source: MetricSource
  /** True when the platform rounded the number (`88.7K`) or only gave a floor (`500+`). */
  readonly approximate?: boolean
  /** Which source gave it: an API source's id (`youtube-data-api`), `page` or `feed`. */
  readonly via?: string
}

export interface DateMetric {
  /** ISO 8601. */
  readonly value: string
  readonly source: MetricSource
  /** Which source gave it (see CountMetric.via). */
  readonly via?: string
}

export interface Metrics {
  readonly followers?: CountMetric
  readonly following?: CountMetric
  readonly posts?: CountMetric
  readonly lastPostAt?: DateMetric
  /** Posts in the 30 days before the snapshot; from a feed, so a floor when the feed is short. */
  readonly postsPerMonth?: CountMetric
  /**
   * Engagement: the median of (likes + comments/replies + shares/reposts +
   * quotes) over the posts of the 30 days before the snapshot, as the source
   * counts them. Only where a source gives per-post numbers.
   */
  readonly interactionsPerPost?: CountMetric
  /** Likes of the account as a whole: a Facebook Page's likes (fan_count), TikTok's likes received (likes_count). Never a stand-in for followers. */
  readonly likes?: CountMetric
  /** Total views of the account's posts (YouTube's viewCount). */
  readonly views?: CountMetric
}

export interface ParsedCount {
  readonly value: number
  readonly approximate: boolean
}

/** What a page's text, JSON-LD or embedded state says about the account. */
export interface ParsedCounts {
  readonly followers?: ParsedCount
  readonly following?: ParsedCount
  readonly posts?: ParsedCount
  /**
   * A Facebook page's likes ("42,217 likes · 969 talking about this"). Its
   * own metric: a page's likes and its followers are different numbers, and
   * a page that states no followers has no follower count.
   */
  readonly likes?: ParsedCount
}

type CountKey = keyof ParsedCounts
type MutableCounts = { -readonly [K in CountKey]?: ParsedCount }

// ---- parseCount ----------------------------------------------------------

// The spaces platforms put between digit groups: plain, no-break (Norwegian
// and French locales), narrow no-break (newer CLDR data) and thin.
const GROUP_SPACE = '[ \\u00a0\\u202f\\u2009]'

// One count token. The alternatives only say where a number ends; which of
// `,` and `.` is the decimal separator is decided in `readDigits`. A group
// separator must be followed by exactly three digits, so "2019 500" is two
// numbers and "5 123" one. The lookbehind keeps a match from starting in the
// middle of another number.
const NUMBER_SOURCE = [
  `\\d{1,3}(?:,\\d{3}(?!\\d))+(?:\\.\\d+)?`, // 12,345 / 1,234.5
  `\\d{1,3}(?:\\.\\d{3}(?!\\d))+(?:,\\d+)?`, // 12.345 / 1.234,5
  `\\d{1,3}(?:${GROUP_SPACE}\\d{3}(?!\\d))+(?:[.,]\\d+)?`, // 12 345 / 12 345,5
  `\\d{1,3}(?:['\\u2019]\\d{3}(?!\\d))+(?:[.,]\\d+)?`, // 12'345 (Swiss)
  `\\d{1,2}(?:,\\d{2})+,\\d{3}(?!\\d)`, // 12,34,567 (Indian lakh grouping)
  `\\d+(?:[.,]\\d+)?`, // 307 / 88.7 / 1,2
].join('|')

// Abbreviations platforms use for thousands, millions and billions, in the
// languages we meet: English, Norwegian, German "Tsd."/"Mio."/"Mrd.", French
// "k"/"M"/"Md", Spanish and Portuguese "mil" (thousand), "millones"/"milhões",
// "mi" (Portuguese million), and Japanese 万 (ten thousand) and 億 (a hundred
// million). Lower case is as good as upper case ("25m", "3,4 k").
const SUFFIX_SOURCE =
  'thousand|tusen|tsd\\.?|mil(?!l)|k|millions?|millioner|millones|milh(?:õ|o)es|mill\\.?|mio\\.?|mln|m|billions?|milliarder|milliards?|mrd\\.?|mds?|bn|b|万|億'

// `(?![\p{L}\d])` so "5 min", "3 bilder" or "1 Mar" never read as a
// multiplier; 万 and 億 are followed by Japanese words (人, 件) directly.
const COUNT_SOURCE = `(?<!\\d[.,]?)([~\\u2248]\\s?)?(${NUMBER_SOURCE})(?:${GROUP_SPACE}?(${SUFFIX_SOURCE})(?:(?<=[万億])|(?![\\p{L}\\d])))?(\\+)?`

const COUNT = new RegExp(COUNT_SOURCE, 'iu')

function multiplierOf(suffix: string): number {
  const s = suffix.toLowerCase().replace(/\.$/, '')
  if (s === 'k' || s === 'thousand' || s === 'tusen' || s === 'tsd' || s === 'mil') return 1e3
  if (s === '万') return 1e4
  if (s === '億') return 1e8
  if (s === 'b' || s === 'bn' || s.startsWith('billion') || s.startsWith('milliard') || s === 'mrd' || s === 'md' || s === 'mds') return 1e9
  return 1e6
}

/**
 * Reads the digits of one token as a number.
 *
 * The rule for `,` and `.` (platforms format counts in the viewer's locale):
 * - spaces and apostrophes between digits are always group separators;
 * - when both `,` and `.` occur, the last one is the decimal separator;
 * - one kind occurring more than once groups thousands (`1.234.567`);
 * - a single `,` or `.` is decimal when a K/M/B suffix follows (`88.7K`,
 *   `1,2 k`) or when space grouping already appeared (`12 345,5`); otherwise
 *   it groups thousands when exactly three digits follow it (`12,345`,
 *   European `12.345`) and is decimal when not (`4.5`).
 */
function readDigits(token: string, hasSuffix: boolean): number {
  const spaced = /[ \u00a0\u202f\u2009'\u2019]/.test(token)
  const bare = token.replace(/[ \u00a0\u202f\u2009'\u2019]/g, '')
  const commas = bare.split(',').length - 1
  const dots = bare.split('.').length - 1
  let normal: string
  if (commas > 0 && dots > 0) {
    const decimal = bare.lastIndexOf(',') > bare.lastIndexOf('.') ? ',' : '.'
    const group = decimal === ',' ? '.' : ','
    normal = bare.split(group).join('').replace(decimal, '.')
  } else if (commas + dots === 0) {
    normal = bare
  } else if (commas + dots > 1) {
    normal = bare.replace(/[.,]/g, '')
  } else {
    const afterSeparator = bare.length - bare.search(/[.,]/) - 1
    const isDecimal = hasSuffix || spaced || afterSeparator !== 3
    normal = isDecimal ? bare.replace(',', '.') : bare.replace(/[.,]/, '')
  }
  return Number(normal)
}

/** The count from COUNT_SOURCE's four groups: `~`, digits, suffix, `+`. */
function countFromGroups(groups: readonly (string | undefined)[]): ParsedCount | undefined {
  const [tilde, digits, suffix, plus] = groups
  if (digits === undefined) return undefined
  const raw = readDigits(digits, suffix !== undefined)
  const value = Math.round(raw * (suffix === undefined ? 1 : multiplierOf(suffix)))
  if (!Number.isFinite(value)) return undefined
  return { value, approximate: suffix !== undefined || plus !== undefined || tilde !== undefined }
}

/**
 * The first count in `text`: `12,345`, `12 345`, `12.345`, `88.7K`, `1,2 k`,
 * `307M`, `3B`, `500+`, `~1,200`. A K/M/B suffix, a trailing `+` or a leading
 * `~` mark the value as approximate. Fractions without a suffix are rounded,
 * because a count is a whole number. `undefined` when there is no number.
 */
export function parseCount(text: string): ParsedCount | undefined {
  const match = COUNT.exec(String(text))
  return match ? countFromGroups(match.slice(1)) : undefined
}

// ---- parseMetaCounts -----------------------------------------------------

interface Label {
  readonly key: CountKey
  /** Lower wins when one text names a metric twice (YouTube's "subscribers" after a stated "followers"). */
  readonly rank: number
  /** Only counts in Facebook's page-description wording (see FACEBOOK_SHAPED). */
  readonly facebookOnly?: boolean
}

// Matched whole-word and case-insensitively. YouTube says "subscribers";
// Threads counts "threads"; Instagram in Norwegian says "følgere" (followers),
// "følger" (following) and "innlegg" (posts). Facebook page descriptions give
// "likes": the page's likes, never its followers (a page states those as
// "followers" or "people follow this", or not at all).
const LABELS: Readonly<Record<string, Label>> = {
  followers: { key: 'followers', rank: 0 },
  follower: { key: 'followers', rank: 0 },
  følgere: { key: 'followers', rank: 0 },
  // German, French, Spanish/Portuguese, Japanese; Facebook's "N people follow this".
  abonnenten: { key: 'followers', rank: 0 },
  'abonnés': { key: 'followers', rank: 0 },
  seguidores: { key: 'followers', rank: 0 },
  'people follow this': { key: 'followers', rank: 0 },
  'personen haben das abonniert': { key: 'followers', rank: 0 },
  'personnes suivent ceci': { key: 'followers', rank: 0 },
  'personas siguen esto': { key: 'followers', rank: 0 },
  'フォロワー': { key: 'followers', rank: 0 },
  subscribers: { key: 'followers', rank: 1 },
  subscriber: { key: 'followers', rank: 1 },
  abonnenter: { key: 'followers', rank: 1 },
  suscriptores: { key: 'followers', rank: 1 },
  'de suscriptores': { key: 'followers', rank: 1 },
  inscritos: { key: 'followers', rank: 1 },
  'd’abonnés': { key: 'followers', rank: 1 },
  "d'abonnés": { key: 'followers', rank: 1 },
  'チャンネル登録者': { key: 'followers', rank: 1 },
  likes: { key: 'likes', rank: 0, facebookOnly: true },
  'people like this': { key: 'likes', rank: 0 },
  'liker dette': { key: 'likes', rank: 0 },
  'personen gefällt das': { key: 'likes', rank: 0 },
  following: { key: 'following', rank: 0 },
  follows: { key: 'following', rank: 0 },
  følger: { key: 'following', rank: 0 },
  gefolgt: { key: 'following', rank: 0 },
  abonnements: { key: 'following', rank: 0 },
  seguidos: { key: 'following', rank: 0 },
  siguiendo: { key: 'following', rank: 0 },
  'a seguir': { key: 'following', rank: 0 },
  seguindo: { key: 'following', rank: 0 },
  'フォロー中': { key: 'following', rank: 0 },
  posts: { key: 'posts', rank: 0 },
  post: { key: 'posts', rank: 0 },
  innlegg: { key: 'posts', rank: 0 },
  threads: { key: 'posts', rank: 0 },
  tweets: { key: 'posts', rank: 0 },
  'beiträge': { key: 'posts', rank: 0 },
  publications: { key: 'posts', rank: 0 },
  publicaciones: { key: 'posts', rank: 0 },
  'publicações': { key: 'posts', rank: 0 },
  '投稿': { key: 'posts', rank: 0 },
  videos: { key: 'posts', rank: 1 },
  videoer: { key: 'posts', rank: 1 },
  'vídeos': { key: 'posts', rank: 1 },
  'vidéos': { key: 'posts', rank: 1 },
  'de vídeos': { key: 'posts', rank: 1 },
  '本の動画': { key: 'posts', rank: 1 },
}

// "likes" alone is everywhere (a post's likes, TikTok's hearts); it means a
// page's likes only in Facebook's "N likes · N talking about this" wording.
const FACEBOOK_SHAPED = /talking about this|were here|snakker om dette|har vært her|sprechen darüber|waren hier|en parlent|estuvieron aquí|falando sobre isso/i

// Longest first, so "people like this" is tried before anything shorter.
const LABEL_SOURCE = Object.keys(LABELS)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/ /g, '\\s+'))
  .join('|')

// "12,345 followers", "307M Followers", "12 345 følgere", "4,69 M de
// suscriptores". A digit may follow the label: rendered pages run the next
// count on ("1.1M followers3 following").
const COUNT_THEN_LABEL = new RegExp(`${COUNT_SOURCE}\\s*(${LABEL_SOURCE})(?!\\p{L})`, 'giu')
// "Followers: 1,234". Only with a colon: in "12.3K Followers • 210 Threads"
// the 210 belongs to threads, not to followers. Japanese puts the label
// first without one ("フォロワー2,362人、フォロー中136人、投稿224件").
const LABEL_THEN_COUNT = new RegExp(`(?<![\\p{L}\\d])(${LABEL_SOURCE})\\s*:\\s*${COUNT_SOURCE}`, 'giu')
// Facebook's German page description: "Visit Austria. Gefällt 54.624 Mal."
const GERMAN_LIKES = new RegExp(`(?<!\\p{L})gefällt\\s+${COUNT_SOURCE}\\s+mal(?!\\p{L})`, 'giu')
const JAPANESE_LABEL_THEN_COUNT = new RegExp(`(フォロワー|フォロー中|投稿|チャンネル登録者(?:数)?)\\s*:?\\s*${COUNT_SOURCE}(?=\\s*[人件本])`, 'gu')

interface Mention {
  readonly index: number
  readonly label: Label
  readonly count: ParsedCount
}

function mentionsIn(text: string): Mention[] {
  const facebookShaped = FACEBOOK_SHAPED.test(text)
  const mentions: Mention[] = []
  const add = (index: number, labelText: string | undefined, groups: readonly (string | undefined)[]) => {
    const label = labelText === undefined ? undefined : LABELS[labelText.toLowerCase().replace(/\s+/g, ' ')]
    if (!label || (label.facebookOnly && !facebookShaped)) return
    const count = countFromGroups(groups)
    if (count) mentions.push({ index, label, count })
  }
  for (const m of text.matchAll(COUNT_THEN_LABEL)) add(m.index, m[5], m.slice(1, 5))
  for (const m of text.matchAll(LABEL_THEN_COUNT)) add(m.index, m[1], m.slice(2, 6))
  for (const m of text.matchAll(GERMAN_LIKES)) add(m.index, 'people like this', m.slice(1, 5))
  for (const m of text.matchAll(JAPANESE_LABEL_THEN_COUNT)) add(m.index, m[1] === 'チャンネル登録者数' ? 'チャンネル登録者' : m[1], m.slice(2, 6))
  return mentions.sort((a, b) => a.index - b.index)
}

/**
 * Followers, following, posts and a Facebook page's likes from an
 * OpenGraph/meta description or page text, as the platforms word them, e.g.
 * `Acme | 12,345 followers on LinkedIn`,
 * `307M Followers, 190 Following, 1,407 Posts - See Instagram photos…`,
 * `42,217,774 likes · 969,810 talking about this` (Facebook: likes only),
 * `12.3K Followers • 210 Threads`, `24.1K subscribers`, `12 345 følgere`,
 * `Followers: 1,234`. The first mention of a metric wins, unless a later one
 * uses a better label (see LABELS).
 */
export function parseMetaCounts(text: string): ParsedCounts {
  const best: { [K in CountKey]?: Mention } = {}
  for (const mention of mentionsIn(String(text))) {
    const current = best[mention.label.key]
    if (!current || mention.label.rank < current.label.rank) best[mention.label.key] = mention
  }
  const out: MutableCounts = {}
  for (const key of ['followers', 'following', 'posts', 'likes'] as const) {
    const mention = best[key]
    if (mention) out[key] = mention.count
  }
  return out
}

// ---- JSON-LD -------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

const WHOLE_COUNT = new RegExp(`^${COUNT_SOURCE}$`, 'iu')

/** A count given as a JSON number or as a string ("12345", "12,345"). */
function countValue(value: unknown): ParsedCount | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { value: Math.round(value), approximate: false } : undefined
  }
  if (typeof value === 'string') {
    // Only a string that is just a count: "12345 (estimated)" is not data.
    const match = WHOLE_COUNT.exec(value.trim())
    return match ? countFromGroups(match.slice(1)) : undefined
  }
  return undefined
}

/** "https://schema.org/FollowAction", "schema:FollowAction", "FollowAction" or `{ "@type": "FollowAction" }`. */
function actionName(type: unknown): string | undefined {
  const raw = isRecord(type) ? type['@type'] ?? type['@id'] : type
  if (typeof raw !== 'string') return undefined
  return raw.replace(/^.*[/:#]/, '').toLowerCase()
}

// Per schema.org (and Google's ProfilePage guidance): an entity's own
// `interactionStatistic` counts what others do to it (FollowAction = its
// followers); `agentInteractionStatistic` counts what it does (FollowAction =
// accounts it follows, WriteAction = posts it wrote). Some sites put
// WriteAction under interactionStatistic; it still means posts.
function countsOfEntity(entity: Record<string, unknown>, into: MutableCounts): void {
  const statistics = [
    ...asArray(entity.interactionStatistic).map((s) => ['subject', s] as const),
    ...asArray(entity.agentInteractionStatistic).map((s) => ['agent', s] as const),
  ]
  for (const [role, statistic] of statistics) {
    if (!isRecord(statistic)) continue
    const action = actionName(statistic.interactionType)
    const count = countValue(statistic.userInteractionCount)
    if (!count) continue
    const name = typeof statistic.name === 'string' ? statistic.name.toLowerCase() : ''
    // X's logged-out ProfilePage names its counters: FollowAction "Follows"
    // (followers), SubscribeAction "Friends" (accounts followed), WriteAction
    // "Tweets". A SubscribeAction without such a name counts subscribers.
    const key: CountKey | undefined =
      action === 'followaction'
        ? role === 'subject'
          ? 'followers'
          : 'following'
        : action === 'subscribeaction'
          ? /friend|following/.test(name) || role === 'agent'
            ? 'following'
            : 'followers'
          : action === 'writeaction'
            ? 'posts'
            : undefined
    if (key && !into[key]) into[key] = count
  }
}

function namesAnyone(entity: Record<string, unknown>): boolean {
  return ['alternateName', 'additionalName', 'identifier', 'url'].some((key) => property(entity, key) !== undefined)
}

/** Whether `entity` names `handle` (its alternate name, additional name, identifier or URL), when it names anyone. */
function namesOther(entity: Record<string, unknown>, handle: string | undefined): boolean {
  if (handle === undefined || handle === '') return false
  const wanted = handle.replace(/^@/, '').toLowerCase()
  const names: string[] = []
  for (const key of ['alternateName', 'additionalName', 'identifier', 'url', 'sameAs']) {
    for (const value of asArray(property(entity, key))) if (typeof value === 'string') names.push(value)
  }
  if (names.length === 0) return false
  return !names.some((raw) => {
    const name = raw.trim().toLowerCase().replace(/\/+$/, '')
    return name.replace(/^@/, '') === wanted || name.endsWith(`/${wanted}`) || name.endsWith(`/@${wanted}`)
  })
}

/** The value of `key` in `record`, matched case-insensitively (Instagram wrote `mainEntityofPage`). */
function property(record: Record<string, unknown>, key: string): unknown {
  const wanted = key.toLowerCase()
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === wanted) return value
  return undefined
}

/**
 * Counts from JSON-LD (`<script type="application/ld+json">`, already
 * JSON-parsed): schema.org `interactionStatistic` on the top-level entities
 * (an object, an array, or the items of `@graph`) and on their `mainEntity` /
 * `mainEntityOfPage`. Nested entities further down (a post's author, a
 * comment) are deliberately not searched: their counts belong to someone else.
 */
export function parseJsonLdCounts(jsonLd: unknown, handle?: string): ParsedCounts {
  const out: MutableCounts = {}
  const roots: unknown[] = []
  for (const item of asArray(jsonLd)) {
    roots.push(item)
    if (isRecord(item)) roots.push(...asArray(item['@graph']))
  }
  for (const root of roots) {
    if (!isRecord(root)) continue
    countsOfEntity(root, out)
    for (const key of ['mainEntity', 'mainEntityOfPage']) {
      for (const inner of asArray(property(root, key))) {
        if (!isRecord(inner)) continue
        if (namesOther(inner, handle)) continue
        countsOfEntity(inner, out)
        // ProfilePage → mainEntity → Person: one more level is the usual shape.
        for (const innermost of asArray(property(inner, 'mainEntity'))) if (isRecord(innermost) && !namesOther(innermost, handle)) countsOfEntity(innermost, out)
      }
    }
    // A ProfilePage's `author` is the profile's owner (X's logged-out page
    // puts the counts there), but only when it is the account asked for: any
    // other page's author is someone else.
    if (actionName(root['@type']) === 'profilepage') {
      for (const author of asArray(root.author)) {
        if (isRecord(author) && (handle === undefined || (!namesOther(author, handle) && namesAnyone(author)))) countsOfEntity(author, out)
      }
    }
  }
  return out
}

// ---- TikTok --------------------------------------------------------------

function path(value: unknown, ...keys: readonly string[]): unknown {
  let current = value
  for (const key of keys) {
    if (!isRecord(current)) return undefined
    current = current[key]
  }
  return current
}

function countsOfTikTokStats(stats: unknown): ParsedCounts {
  if (!isRecord(stats)) return {}
  const out: MutableCounts = {}
  const followers = countValue(stats.followerCount)
  const following = countValue(stats.followingCount)
  const posts = countValue(stats.videoCount)
  if (followers) out.followers = followers
  if (following) out.following = following
  if (posts) out.posts = posts
  return out
}

/**
 * Counts from TikTok's embedded state: the current
 * `__UNIVERSAL_DATA_FOR_REHYDRATION__` JSON
 * (`__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.stats`, with the string
 * `statsV2` as a fallback for counts too big for the numeric field) and the
 * older `SIGI_STATE` (`UserModule.stats`, keyed by username; the first user
 * is the profile's owner).
 */
export function parseTikTokUniversalData(json: unknown): ParsedCounts {
  const userInfo = path(json, '__DEFAULT_SCOPE__', 'webapp.user-detail', 'userInfo')
  if (isRecord(userInfo)) {
    // `stats` is rounded for display (783400 where statsV2 says "783427"):
    // the exact strings win, the numbers fill what they lack.
    const fromStats = countsOfTikTokStats(userInfo.stats)
    const fromV2 = countsOfTikTokStats(userInfo.statsV2)
    return { ...fromStats, ...fromV2 }
  }
  const sigiStats = path(json, 'UserModule', 'stats')
  if (isRecord(sigiStats)) {
    if ('followerCount' in sigiStats) return countsOfTikTokStats(sigiStats)
    for (const stats of Object.values(sigiStats)) {
      const counts = countsOfTikTokStats(stats)
      if (Object.keys(counts).length > 0) return counts
    }
  }
  return {}
}

// ---- YouTube -------------------------------------------------------------

/** The words of a YouTube text object: `simpleText`, `runs[].text`, `content`, or its accessibility label. */
function youTubeText(value: unknown): string {
  if (typeof value === 'string') return value
  if (!isRecord(value)) return ''
  if (typeof value.simpleText === 'string') return value.simpleText
  if (typeof value.content === 'string') return value.content
  if (Array.isArray(value.runs)) return value.runs.map((run) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('')
  const label = path(value, 'accessibility', 'accessibilityData', 'label')
  return typeof label === 'string' ? label : ''
}

/**
 * Counts from a YouTube channel page's `ytInitialData` (the same JSON the
 * `youtubei/v1/browse` API answers): the channel's own header only, either
 * the older `c4TabbedHeaderRenderer` (`subscriberCountText`,
 * `videosCountText`) or the 2024 `pageHeaderRenderer` (metadata rows such as
 * "@kurzgesagt", "25m subscribers", "337 videos"). The page also carries
 * other channels' `subscriberCountText` (featured and related channels):
 * those are never read. When `channelId` is given and the header names
 * another channel, nothing is read.
 */
export function parseYouTubeInitialData(json: unknown, channelId?: string): ParsedCounts {
  const c4 = path(json, 'header', 'c4TabbedHeaderRenderer')
  if (isRecord(c4)) {
    if (channelId?.startsWith('UC') && typeof c4.channelId === 'string' && c4.channelId !== channelId) return {}
    const subscribers = youTubeText(c4.subscriberCountText)
    const videos = youTubeText(c4.videosCountText)
    // A bare "3,1 M" has no label: the field itself says it counts subscribers.
    const subscriberText = subscribers && !/\p{L}{3,}/u.test(subscribers.replace(/\b(k|m|mil|mio|mrd|md|bn|b)\b/giu, '')) ? `${subscribers} subscribers` : subscribers
    const counts = parseMetaCounts(`${subscriberText} · ${videos}`)
    return { ...(counts.followers ? { followers: counts.followers } : {}), ...(counts.posts ? { posts: counts.posts } : {}) }
  }
  const rows = path(json, 'header', 'pageHeaderRenderer', 'content', 'pageHeaderViewModel', 'metadata', 'contentMetadataViewModel', 'metadataRows')
  if (Array.isArray(rows)) {
    const parts: string[] = []
    for (const row of rows) {
      if (!isRecord(row) || !Array.isArray(row.metadataParts)) continue
      for (const part of row.metadataParts) if (isRecord(part)) parts.push(youTubeText(part.text))
    }
    const counts = parseMetaCounts(parts.join(' · '))
    return { ...(counts.followers ? { followers: counts.followers } : {}), ...(counts.posts ? { posts: counts.posts } : {}) }
  }
  return {}
}

// ---- merging -------------------------------------------------------------

/**
 * One set of metrics from several sources. Callers pass the most trusted
 * source first (API before feed before embedded JSON before meta before page
 * text); for each metric the first source that has it wins, so a worse source
 * only fills gaps and never overrides.
 */
export function mergeMetrics(...ordered: readonly Metrics[]): Metrics {
  const first = <K extends keyof Metrics>(key: K): Metrics[K] => ordered.find((metrics) => metrics[key] !== undefined)?.[key]
  const merged: Metrics = {
    followers: first('followers'),
    following: first('following'),
    posts: first('posts'),
    lastPostAt: first('lastPostAt'),
    postsPerMonth: first('postsPerMonth'),
    interactionsPerPost: first('interactionsPerPost'),
    likes: first('likes'),
    views: first('views'),
  }
  // Absent metrics stay absent (not `undefined`), so `--json` output and
  // history files only list what a source actually said.
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as Metrics
}
