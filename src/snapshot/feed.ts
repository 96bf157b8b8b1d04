// Owns reading RSS 2.0, RSS 1.0 (RDF) and Atom feeds (blogs, YouTube
// channels) into the last post date, the posting pace and the latest entries,
// and finding a page's feeds in its HTML. Pure: no network. Feeds are
// untrusted input, so parsing never throws and never expands entities
// declared by the document.
import { XMLParser, type EntityDecoderOptions } from 'fast-xml-parser'

export interface FeedEntry {
  readonly title: string
  /** ISO 8601. */
  readonly published?: string
  /** Absolute http(s) URL of the post or video. */
  readonly url?: string
  /** YouTube's view count (`media:statistics@views`). */
  readonly views?: number
}

export interface FeedSummary {
  readonly title?: string
  /** In feed order (usually newest first). */
  readonly entries: readonly FeedEntry[]
  /** ISO 8601: the newest entry's date. */
  readonly lastPostAt?: string
  /**
   * Entries published in the 30 days before `now`. Feeds list only the latest
   * entries (YouTube: 15), so for a busy account this is a floor.
   */
  readonly postsPerMonth?: number
}

export type FeedResult = { readonly ok: true; readonly feed: FeedSummary } | { readonly ok: false; readonly reason: string }

/** Bigger than any real feed; keeps a hostile answer from costing seconds of parsing. */
export const MAX_FEED_CHARS = 5_000_000

const DAY_MS = 24 * 60 * 60 * 1000
const WINDOW_MS = 30 * DAY_MS
// A post dated slightly ahead of our clock (server skew, time zones written
// wrong) still counts as published now; one further ahead is a scheduled or
// mis-dated post and says nothing about activity.
const FUTURE_TOLERANCE_MS = DAY_MS
// Feeds did not exist before this; an earlier date is a CMS placeholder.
const EARLIEST_PLAUSIBLE = Date.UTC(1995, 0, 1)

// ---- safe XML parsing ----------------------------------------------------

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

const CHARACTER_REFERENCE = /&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});/g

function codePoint(n: number): string {
  const valid = Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
  return valid ? String.fromCodePoint(n) : '\ufffd'
}

/**
 * Decodes only what XML itself defines: the five predefined entities and
 * numeric character references, in one pass (so `&amp;lt;` stays `&lt;`).
 * Entities declared in a DOCTYPE are ignored, which is what defuses
 * billion-laughs and external-entity tricks: nothing can expand into more
 * than one character.
 */
function decodeXmlReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return codePoint(Number.parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return codePoint(Number.parseInt(ref.slice(1), 10))
    return XML_ENTITIES[ref] ?? whole
  })
}

// fast-xml-parser calls this instead of its own decoder, so DOCTYPE entities
// it reads are dropped here rather than trusted to its limits.
const xmlOnlyDecoder: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: decodeXmlReferences,
}

function makeParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Titles like "2024" or "1e3" stay text.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    entityDecoder: xmlOnlyDecoder,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // A feed is a few levels deep; hostile nesting fails fast instead.
    maxNestedTags: 64,
  })
}

// ---- reading the parsed tree ---------------------------------------------

type XmlNode = Record<string, unknown>

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function all(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

/** The text of an element, with or without attributes; whitespace collapsed. */
function textOf(value: unknown): string {
  const node = first(value)
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node).replace(/\s+/g, ' ').trim()
  if (isNode(node)) {
    const text = node['#text']
    if (typeof text === 'string' || typeof text === 'number') {
      const plain = String(text).replace(/\s+/g, ' ').trim()
      // Atom `type="html"`: the text is escaped HTML; keep what a reader sees.
      return node['@_type'] === 'html' ? htmlToText(plain) : plain
    }
    // Atom `type="xhtml"`: the text sits in a nested <div>.
    if (node['@_type'] === 'xhtml') return collectText(node).replace(/\s+/g, ' ').trim()
  }
  return ''
}

function collectText(value: unknown, depth = 0): string {
  if (depth > 16) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map((v) => collectText(v, depth + 1)).join(' ')
  if (isNode(value)) {
    return Object.entries(value)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, v]) => collectText(v, depth + 1))
      .join(' ')
  }
  return ''
}

const HTML_TEXT_ENTITIES: Readonly<Record<string, string>> = { ...XML_ENTITIES, nbsp: ' ' }

/** One pass over HTML character references; unknown named ones stay as written. */
function decodeHtmlReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return codePoint(Number.parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return codePoint(Number.parseInt(ref.slice(1), 10))
    return HTML_TEXT_ENTITIES[ref] ?? whole
  })
}

function htmlToText(html: string): string {
  return decodeHtmlReferences(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

/** An absolute http(s) URL, or undefined: feed links end up in the deck, so `javascript:` and friends never pass. */
function httpUrl(raw: string, base?: string): string | undefined {
  if (!raw) return undefined
  try {
    const url = base === undefined ? new URL(raw) : new URL(raw, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

// Month names feeds write in their own language instead of RFC 822's English
// ("Seg, 24 Set 2018" from a Brazilian site, "Di, 03 Okt 2017", "mar., 5 févr.
// 2019"). Lowercase, without accents and the abbreviation dot; 3-letter
// prefixes where they are unambiguous across these languages.
const MONTHS: Readonly<Record<string, string>> = {
  // pt / es / it / fr / de / nl / no-da-sv
  jan: 'Jan', janv: 'Jan', janeiro: 'Jan', enero: 'Jan', ene: 'Jan', gennaio: 'Jan', gen: 'Jan', janvier: 'Jan', januar: 'Jan', januari: 'Jan', jaenner: 'Jan', janner: 'Jan',
  fev: 'Feb', fevereiro: 'Feb', febrero: 'Feb', feb: 'Feb', febbraio: 'Feb', fevr: 'Feb', fevrier: 'Feb', februar: 'Feb', februari: 'Feb',
  mar: 'Mar', marco: 'Mar', marzo: 'Mar', mars: 'Mar', marz: 'Mar', maerz: 'Mar', maart: 'Mar', mrz: 'Mar',
  abr: 'Apr', abril: 'Apr', apr: 'Apr', aprile: 'Apr', avr: 'Apr', avril: 'Apr', april: 'Apr',
  mai: 'May', maio: 'May', mayo: 'May', may: 'May', mag: 'May', maggio: 'May', mei: 'May', maj: 'May',
  jun: 'Jun', junho: 'Jun', junio: 'Jun', giu: 'Jun', giugno: 'Jun', juin: 'Jun', juni: 'Jun',
  jul: 'Jul', julho: 'Jul', julio: 'Jul', lug: 'Jul', luglio: 'Jul', juil: 'Jul', juillet: 'Jul', juli: 'Jul',
  ago: 'Aug', agosto: 'Aug', aug: 'Aug', aout: 'Aug', august: 'Aug', augustus: 'Aug', augusti: 'Aug',
  set: 'Sep', setembro: 'Sep', sep: 'Sep', sept: 'Sep', septiembre: 'Sep', settembre: 'Sep', septembre: 'Sep', september: 'Sep',
  out: 'Oct', outubro: 'Oct', oct: 'Oct', octubre: 'Oct', ott: 'Oct', ottobre: 'Oct', octobre: 'Oct', okt: 'Oct', oktober: 'Oct',
  nov: 'Nov', novembro: 'Nov', noviembre: 'Nov', novembre: 'Nov', november: 'Nov',
  dez: 'Dec', dezembro: 'Dec', dic: 'Dec', diciembre: 'Dec', dicembre: 'Dec', dec: 'Dec', decembre: 'Dec', dezember: 'Dec', december: 'Dec', des: 'Dec', desember: 'Dec',
}

// "[Day,] DD Month YYYY HH:MM[:SS] [zone]" with any day and month words.
const LOCALIZED_RFC822 = /^\s*(?:[\p{L}.]+,?\s+)?(\d{1,2})\.?\s+([\p{L}]+)\.?,?\s+(\d{4}),?\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*(.*)$/u

/** An RFC 822 date with its day and month names in English, so Date.parse reads it; anything else unchanged. */
function englishRfc822(raw: string): string {
  const match = LOCALIZED_RFC822.exec(raw)
  if (!match) return raw
  const [, day, monthWord, year, time, zone] = match
  const key = monthWord!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const month = MONTHS[key]
  // An unknown word is not guessed at: the date stays unread.
  return month ? `${day} ${month} ${year} ${time} ${zone!.trim()}`.trim() : raw
}

/**
 * RFC 822 (RSS `pubDate`) or ISO 8601 (Atom, `dc:date`) to ISO 8601.
 * Undefined for what is not a plausible date, rather than a guess.
 */
function isoDate(raw: string): string | undefined {
  // Date.parse accepts odd strings ("1", "May"); a real feed date has a year.
  if (!/\d{4}/.test(raw)) return undefined
  const time = Date.parse(englishRfc822(raw))
  if (!Number.isFinite(time) || time < EARLIEST_PLAUSIBLE) return undefined
  return new Date(time).toISOString()
}

function nonNegativeInteger(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^\s*\d{1,15}\s*$/.test(raw)) return undefined
  return Number(raw)
}

/** `<link>` elements of an Atom entry or feed: the `alternate` one is the page. */
function atomLink(links: unknown, base?: string): string | undefined {
  const candidates = all(links).filter(isNode)
  const alternate = candidates.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? candidates[0]
  const href = alternate?.['@_href']
  return typeof href === 'string' ? httpUrl(href.trim(), base) : undefined
}

function rssEntry(item: XmlNode, base?: string): FeedEntry {
  const description = textOf(item.description)
  // RSS allows an item with only a description; show its start as the title.
  const title = textOf(item.title) || htmlToText(description).slice(0, 80)
  const published = isoDate(textOf(item.pubDate) || textOf(item['dc:date']) || textOf(item['atom:published']) || textOf(item['atom:updated']))
  const guid = first(item.guid)
  const guidIsLink = !(isNode(guid) && guid['@_isPermaLink'] === 'false')
  const url = httpUrl(textOf(item.link), base) ?? atomLink(item['atom:link'], base) ?? (guidIsLink ? httpUrl(textOf(guid), base) : undefined)
  return entry(title, published, url, undefined)
}

function atomEntry(item: XmlNode, prefix: '' | 'atom:', base?: string): FeedEntry {
  const title = textOf(item[`${prefix}title`])
  const published = isoDate(textOf(item[`${prefix}published`]) || textOf(item[`${prefix}updated`]))
  const videoId = textOf(item['yt:videoId'])
  const url =
    atomLink(item[`${prefix}link`], base) ??
    (/^[\w-]{6,20}$/.test(videoId) ? `https://www.youtube.com/watch?v=${videoId}` : undefined)
  const statistics = first(pick(item, 'media:group', 'media:community', 'media:statistics'))
  const views = isNode(statistics) ? nonNegativeInteger(statistics['@_views']) : undefined
  return entry(title, published, url, views)
}

function pick(node: unknown, ...keys: readonly string[]): unknown {
  let current = node
  for (const key of keys) {
    const one = first(current)
    if (!isNode(one)) return undefined
    current = one[key]
  }
  return current
}

function entry(title: string, published: string | undefined, url: string | undefined, views: number | undefined): FeedEntry {
  return {
    title,
    ...(published === undefined ? {} : { published }),
    ...(url === undefined ? {} : { url }),
    ...(views === undefined ? {} : { views }),
  }
}

interface RawFeed {
  readonly title: string
  readonly entries: readonly FeedEntry[]
}

function readTree(tree: XmlNode): RawFeed | { readonly notAFeed: string } {
  const rss = first(tree.rss)
  if (isNode(rss)) {
    const channel = first(rss.channel)
    if (!isNode(channel)) return { notAFeed: 'RSS document without a <channel>' }
    const base = httpUrl(textOf(channel.link))
    return { title: textOf(channel.title), entries: all(channel.item).filter(isNode).map((item) => rssEntry(item, base)) }
  }
  const rdf = first(tree['rdf:RDF'])
  if (isNode(rdf)) {
    // RSS 1.0: items are siblings of the channel.
    const channel = first(rdf.channel)
    const base = isNode(channel) ? httpUrl(textOf(channel.link)) : undefined
    return {
      title: isNode(channel) ? textOf(channel.title) : '',
      entries: all(rdf.item).filter(isNode).map((item) => rssEntry(item, base)),
    }
  }
  for (const prefix of ['', 'atom:'] as const) {
    const feed = first(tree[`${prefix}feed`])
    if (isNode(feed)) {
      const base = atomLink(feed[`${prefix}link`])
      return {
        title: textOf(feed[`${prefix}title`]),
        entries: all(feed[`${prefix}entry`]).filter(isNode).map((item) => atomEntry(item, prefix, base)),
      }
    }
  }
  for (const known of ['rss', 'rdf:RDF', 'feed', 'atom:feed']) {
    if (known in tree) return { notAFeed: `empty <${known}> element` }
  }
  const root = Object.keys(tree).find((key) => !key.startsWith('#') && !key.startsWith('?') && !key.startsWith('!'))
  return { notAFeed: root === undefined ? 'no root element' : `root element is <${root.slice(0, 40)}>` }
}

function summarize(raw: RawFeed, now: Date): FeedSummary {
  const nowMs = now.getTime()
  const times = raw.entries
    .map((e) => (e.published === undefined ? Number.NaN : Date.parse(e.published)))
    .filter((t) => Number.isFinite(t) && t <= nowMs + FUTURE_TOLERANCE_MS)
  // A loop, not Math.max(...times): spreading a very long array can overflow the call stack.
  const newest = times.reduce<number | undefined>((max, t) => (max === undefined || t > max ? t : max), undefined)
  const hasDates = times.length > 0
  return {
    ...(raw.title ? { title: raw.title } : {}),
    entries: raw.entries,
    ...(newest === undefined ? {} : { lastPostAt: new Date(newest).toISOString() }),
    // An empty feed posted nothing; a feed without dates tells us no pace.
    ...(hasDates || raw.entries.length === 0 ? { postsPerMonth: times.filter((t) => t > nowMs - WINDOW_MS).length } : {}),
  }
}

/**
 * Reads an RSS 2.0, RSS 1.0 or Atom document (YouTube's channel feeds
 * included). Never throws: malformed, hostile or non-feed input gives
 * `{ ok: false, reason }`.
 */
export function parseFeed(xml: string, now: Date = new Date()): FeedResult {
  if (typeof xml !== 'string') return { ok: false, reason: 'feed is not text' }
  if (xml.length > MAX_FEED_CHARS) return { ok: false, reason: `feed is larger than ${MAX_FEED_CHARS / 1_000_000} MB` }
  const text = xml.replace(/^\uFEFF/, '').trim()
  if (text === '') return { ok: false, reason: 'feed is empty' }
  if (!text.startsWith('<')) return { ok: false, reason: 'feed is not XML' }
  if (!Number.isFinite(now.getTime())) return { ok: false, reason: '`now` is not a valid date' }
  let tree: unknown
  try {
    tree = makeParser().parse(text)
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${error instanceof Error ? error.message.slice(0, 200) : 'unreadable'}` }
  }
  if (!isNode(tree)) return { ok: false, reason: 'malformed XML' }
  try {
    const raw = readTree(tree)
    if ('notAFeed' in raw) return { ok: false, reason: `not an RSS or Atom feed: ${raw.notAFeed}` }
    return { ok: true, feed: summarize(raw, now) }
  } catch (error) {
    // Not expected; kept so that no feed, however odd its shape, can fail a build.
    return { ok: false, reason: `unreadable feed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}` }
  }
}

// ---- discovery -----------------------------------------------------------

/** Only the document's start is searched: feed links live in <head>. */
const MAX_DISCOVERY_CHARS = 2_000_000

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml'])

// Where a <link> or <base> start tag begins.
const TAG_START = /<(link|base)(?=[\s/>])/gi

/**
 * The start tags of `<link>` and `<base>`, with their attribute text. Like a
 * browser, a quoted value runs to its closing quote even across `>`; a tag
 * that never ends swallows the rest of the document, which also keeps the
 * scan linear on hostile markup (a regex retried at every `<link` is not).
 */
function* linkTags(markup: string): Generator<{ readonly name: string; readonly attributeText: string }> {
  TAG_START.lastIndex = 0
  for (let start = TAG_START.exec(markup); start !== null; start = TAG_START.exec(markup)) {
    const from = start.index + start[0].length
    let quote: string | undefined
    let end = -1
    for (let i = from; i < markup.length; i++) {
      const ch = markup[i]
      if (quote !== undefined) {
        if (ch === quote) quote = undefined
      } else if (ch === '"' || ch === "'") {
        quote = ch
      } else if (ch === '>') {
        end = i
        break
      }
    }
    if (end === -1) return
    yield { name: (start[1] ?? '').toLowerCase(), attributeText: markup.slice(from, end) }
    TAG_START.lastIndex = end + 1
  }
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? '').toLowerCase()
    // HTML keeps the first of duplicated attributes.
    if (!attributes.has(name)) attributes.set(name, decodeHtmlReferences(m[2] ?? m[3] ?? m[4] ?? '').trim())
  }
  return attributes
}

/**
 * Feed URLs announced in `html` with `<link rel="alternate"
 * type="application/rss+xml|application/atom+xml" href="…">`, made absolute
 * against `<base href>` or `baseUrl`, in document order, without duplicates.
 * Attribute order, quoting and case do not matter; links inside comments,
 * scripts and styles are not links.
 */
export function discoverFeeds(html: string, baseUrl: string): string[] {
  const markup = String(html)
    .slice(0, MAX_DISCOVERY_CHARS)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
  const tags = Array.from(linkTags(markup), (tag) => ({ name: tag.name, attributes: attributesOf(tag.attributeText) }))
  // The first <base href> sets the document's base URL for every link, wherever it sits.
  const baseHref = tags.find((tag) => tag.name === 'base' && tag.attributes.get('href'))?.attributes.get('href')
  const documentUrl = httpUrl(baseUrl)
  const base = (baseHref === undefined ? undefined : httpUrl(baseHref, documentUrl)) ?? documentUrl
  const found: string[] = []
  for (const { name, attributes } of tags) {
    if (name !== 'link') continue
    const href = attributes.get('href') ?? ''
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/)
    const type = (attributes.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? ''
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !href) continue
    const url = httpUrl(href, base)
    if (url !== undefined && !found.includes(url)) found.push(url)
  }
  return found
}
