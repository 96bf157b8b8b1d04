// Owns turning what was read from a loaded page (its title, meta tags,
// JSON-LD scripts, embedded app state and visible text) into the account's
// metrics. Pure: the capture step reads the page in the browser, the
// measurement script and the real-page tests read saved pages, and all of
// them call this one function, so what is proven on captured pages is what a
// snapshot does.
import { anyJson, parseJson } from '../data/decode.js'
import { mergeMetrics, parseJsonLdCounts, parseMetaCounts, parseTikTokUniversalData, parseYouTubeInitialData, type Metrics, type ParsedCounts } from './metrics.js'
import { latestOwnPostTime, parseInstagramProfileState, type PostTime } from './page-posts.js'
import type { Platform } from '../topics/schema.js'

/** What the browser read from a page (see capture.ts `readPage`). */
export interface PageContent {
  readonly title: string
  /** Lowercase `property`/`name` → content; the first of each name. */
  readonly meta: Readonly<Record<string, string>>
  /** The text of each `<script type="application/ld+json">`. */
  readonly jsonLd: readonly string[]
  /** Element id → text of embedded app state (`__UNIVERSAL_DATA_FOR_REHYDRATION__`, `SIGI_STATE`, `__NEXT_DATA__`; the globals `ytInitialData` (YouTube) and `_sharedData` (Instagram)). */
  readonly embedded: Readonly<Record<string, string>>
  /** Visible text. */
  readonly bodyText: string
  /** Post timestamps and the link around each (see page-posts.ts). */
  readonly postTimes?: readonly PostTime[]
}

/** Whose page this is meant to be. */
export interface PageOwner {
  readonly platform: Platform
  /** The handle without `@`, when the account has one. */
  readonly handle?: string
  /** The page's address after redirects. */
  readonly url?: string
}

// Addresses of one post, video or article rather than an account's profile:
// Instagram /p/ and /reel/, X /status/, Facebook /posts/ID, /permalink.php,
// /story.php, /photo.php and /videos/ID, LinkedIn /pulse/ and /posts/, YouTube
// /watch and /shorts/ID, TikTok /video/ID, Bluesky /profile/NAME/post/ID. A profile's own posts tab
// (facebook.com/Nintendo/posts/) has no ID after it and stays a profile.
const POST_PATH =
  /\/(p|reel|reels|tv)\/[\w-]+|\/status(es)?\/\d+|\/posts\/[\w.:-]+|\/(permalink|story)\.php|\/photo\.php|\/videos?\/\d+|\/pulse\/|\/watch\b|\/shorts\/[\w-]+|\/feed\/update\/|\/profile\/[^/]+\/post\/\w+/i

// og:type of a single post ("video.other", Instagram's "instapp:photo"); a
// profile says "profile", "website" or nothing. Not "article": LinkedIn gives
// its company pages that type (its articles live under /pulse/).
const POST_TYPE = /^(video\.(other|movie|episode)|instapp:photo|music\.song)$/i

/**
 * Why the page is not the account's profile (a post, a video, an article),
 * or undefined when it may be. Counts on such a page belong to the post or
 * to its author, never to the account, and a post has no follower count.
 */
export function notAProfile(page: PageContent, owner: PageOwner): string | undefined {
  const address = (raw: string | undefined): string => {
    try {
      return raw ? new URL(raw).pathname : ''
    } catch {
      return ''
    }
  }
  const where = [address(owner.url), address(page.meta['og:url'])].find((path) => POST_PATH.test(path))
  if (where !== undefined) return `the page is a post, not a profile (${where})`
  const type = page.meta['og:type'] ?? ''
  if (POST_TYPE.test(type.trim())) return `the page is a post, not a profile (og:type ${type.trim()})`
  return undefined
}

/** The source id every number read from the page itself carries (`via`; API sources name themselves, feeds say `feed`). */
export const PAGE = 'page'

/** The account's metrics on a page that the classifier let through. */
export function pageMetrics(page: PageContent, owner: PageOwner): Metrics {
  if (notAProfile(page, owner) !== undefined) return {}
  // Page JSON that does not parse says nothing; the parsers read whatever shape it has as `unknown`.
  const json = (text: string): unknown => {
    const parsed = parseJson(text, anyJson)
    return parsed.ok ? parsed.value : undefined
  }
  const fromJsonLd: Metrics[] = page.jsonLd.map((text) => countsTo(parseJsonLdCounts(json(text), owner.handle), 'embedded-json'))
  // YouTube's and Instagram's app state are read on their own accounts only: any page can define a global of that name.
  const youtubeState = owner.platform === 'youtube' ? page.embedded.ytInitialData : undefined
  const embedded: Metrics[] = Object.entries(page.embedded).map(([id, text]) =>
    countsTo(
      id === 'ytInitialData'
        ? youtubeState !== undefined
          ? parseYouTubeInitialData(json(text), owner.handle)
          : {}
        : id === '_sharedData'
          ? {}
          : parseTikTokUniversalData(json(text)),
      'embedded-json',
    ),
  )
  const instagram = owner.platform === 'instagram' && page.embedded._sharedData !== undefined ? parseInstagramProfileState(json(page.embedded._sharedData), owner.handle) : undefined
  if (instagram) {
    embedded.unshift({
      ...countsTo(instagram.counts, 'embedded-json'),
      ...(instagram.lastPostAt ? { lastPostAt: { value: instagram.lastPostAt, source: 'embedded-json', via: PAGE } } : {}),
    })
  }
  const ownPostAt = latestOwnPostTime(page.postTimes ?? [], owner.platform, owner.handle)
  const postTimes: Metrics = ownPostAt === undefined ? {} : { lastPostAt: { value: ownPostAt, source: 'page-text', via: PAGE } }
  const metaCounts = parseMetaCounts(page.meta['og:description'] ?? page.meta.description ?? '')
  const textCounts = parseMetaCounts(page.bodyText)
  // A page's likes are Facebook's metric; elsewhere "likes" count a post's
  // hearts or an embedded page's fans, never this account's.
  const likesToo = owner.platform === 'facebook'
  const meta = countsTo(metaCounts, 'meta', likesToo)
  // On YouTube's own pages the app state holds the channel's header; the
  // rest of the text is shelves, playlists ("101 vídeos") and other channels.
  const text = youtubeState === undefined ? countsTo(textCounts, 'page-text', likesToo) : {}
  if (owner.platform === 'tiktok') return mergeMetrics(...embedded, meta, ...fromJsonLd, text, postTimes)
  return mergeMetrics(...fromJsonLd, ...embedded, meta, text, postTimes)
}

function countsTo(counts: ParsedCounts, source: 'meta' | 'embedded-json' | 'page-text', likes = false): Metrics {
  const out: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
  for (const key of likes ? (['followers', 'following', 'posts', 'likes'] as const) : (['followers', 'following', 'posts'] as const)) {
    const found = counts[key]
    if (found) out[key] = { value: found.value, source, ...(found.approximate ? { approximate: true } : {}), via: PAGE }
  }
  return out
}
