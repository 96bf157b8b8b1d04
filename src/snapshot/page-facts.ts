// Owns turning what was read from a loaded page (its title, meta tags,
// JSON-LD scripts, embedded app state and visible text) into the account's
// metrics. Pure: the capture step reads the page in the browser, the
// measurement script and the real-page tests read saved pages, and all of
// them call this one function, so what is proven on captured pages is what a
// snapshot does.
import { anyJson, parseJson } from '../data/decode.js'
import { mergeMetrics, parseJsonLdCounts, parseMetaCounts, parseTikTokUniversalData, type Metrics, type ParsedCounts } from './metrics.js'
import type { Platform } from '../topics/schema.js'

/** What the browser read from a page (see capture.ts `readPage`). */
export interface PageContent {
  readonly title: string
  /** Lowercase `property`/`name` → content; the first of each name. */
  readonly meta: Readonly<Record<string, string>>
  /** The text of each `<script type="application/ld+json">`. */
  readonly jsonLd: readonly string[]
  /** Element id → text of embedded app state (`__UNIVERSAL_DATA_FOR_REHYDRATION__`, `SIGI_STATE`, `__NEXT_DATA__`). */
  readonly embedded: Readonly<Record<string, string>>
  /** Visible text. */
  readonly bodyText: string
}

/** Whose page this is meant to be. */
export interface PageOwner {
  readonly platform: Platform
  /** The handle without `@`, when the account has one. */
  readonly handle?: string
  /** The page's address after redirects. */
  readonly url?: string
}

/** The account's metrics on a page that the classifier let through. */
export function pageMetrics(page: PageContent, owner: PageOwner): Metrics {
  // Page JSON that does not parse says nothing; the parsers read whatever shape it has as `unknown`.
  const json = (text: string): unknown => {
    const parsed = parseJson(text, anyJson)
    return parsed.ok ? parsed.value : undefined
  }
  const fromJsonLd: Metrics[] = page.jsonLd.map((text) => countsTo(parseJsonLdCounts(json(text)), 'embedded-json'))
  const embedded: Metrics[] = Object.values(page.embedded).map((text) => countsTo(parseTikTokUniversalData(json(text)), 'embedded-json'))
  const meta = countsTo(parseMetaCounts(page.meta['og:description'] ?? page.meta.description ?? ''), 'meta')
  const text = countsTo(parseMetaCounts(page.bodyText), 'page-text')
  if (owner.platform === 'tiktok') return mergeMetrics(...embedded, meta, ...fromJsonLd, text)
  return mergeMetrics(...fromJsonLd, ...embedded, meta, text)
}

function countsTo(counts: ParsedCounts, source: 'meta' | 'embedded-json' | 'page-text'): Metrics {
  const out: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
  for (const key of ['followers', 'following', 'posts'] as const) {
    const found = counts[key]
    if (found) out[key] = { value: found.value, source, ...(found.approximate ? { approximate: true } : {}) }
  }
  return out
}
