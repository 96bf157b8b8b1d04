// Owns the language showtell asks the platforms for (`snapshot.locale`):
// the Accept-Language header of every request (Chromium's pages and their
// sub-resources, the API and feed fetches, the audit's probes) and the
// language a page sees in `navigator.language`. Platforms pick the words and
// the number format from it; one fixed language makes them answer the same
// way every morning, whatever the machine's own settings. Chromium's headless
// shell sends no Accept-Language at all by default (tried), nor does Node.
import type { CDPSession, Page } from 'puppeteer-core'

/** Used when `snapshot.locale` is not set. */
export const DEFAULT_LOCALE = 'en-US'

/**
 * The language tags `snapshot.locale` accepts: a BCP 47 language (2-3
 * letters), an optional script (4 letters) and an optional region (2 letters
 * or 3 digits): `de`, `en-US`, `nb-NO`, `zh-Hant-TW`, `es-419`. Narrower than
 * all of BCP 47 on purpose: the value goes into a header, so no comma, space
 * or line break can get through.
 */
export const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$/

/** `nb-no` → `nb-NO`: the case every platform expects. */
function canonical(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? locale
  } catch {
    return locale
  }
}

/**
 * The languages in order of preference: the tag itself, then its language
 * alone when the tag names more (`nb-NO` → `nb`), then English when it is
 * not there yet, so a platform without the language answers in English
 * rather than in whatever it guesses from the address.
 */
export function preferredLanguages(locale: string = DEFAULT_LOCALE): string[] {
  const tag = canonical(locale)
  const language = tag.split('-')[0]!.toLowerCase()
  const list = [tag]
  if (language !== tag) list.push(language)
  if (language !== 'en') list.push('en')
  return list
}

/**
 * The Accept-Language header for `locale`, with the q-values Chromium itself
 * writes (each later language 0.1 lower): `en-US` → `en-US,en;q=0.9`,
 * `nb-NO` → `nb-NO,nb;q=0.9,en;q=0.8`, `de` → `de,en;q=0.9`.
 */
export function acceptLanguage(locale: string = DEFAULT_LOCALE): string {
  return preferredLanguages(locale)
    .map((tag, i) => (i === 0 ? tag : `${tag};q=${(1 - i / 10).toFixed(1)}`))
    .join(',')
}

interface Applied {
  readonly locale: string
  /** The script that sets `navigator.language(s)` in each new document. */
  readonly script: string
  /** A language override lasts only as long as the DevTools session that set it. */
  readonly session: CDPSession
}

const applied = new WeakMap<Page, Applied>()

/**
 * Makes the tab ask for `locale`: the header on the page, every sub-resource
 * and the fetches of its workers (puppeteer's extra headers), the page's
 * `navigator.language(s)` (a script run first in every document) and its
 * default `Intl` locale (DevTools emulation; puppeteer has no call for it).
 * Not DevTools' user-agent override, which also sets the language: it drops
 * the client hints (Sec-CH-UA, `navigator.userAgentData`) unless it is given
 * all of them again, and a browser without them looks like a bot (tried).
 * A reused tab keeps what was set; only a new locale costs round trips.
 */
export async function localizeTab(page: Page, locale: string = DEFAULT_LOCALE): Promise<void> {
  const tag = canonical(locale)
  const before = applied.get(page)
  if (before?.locale === tag) return
  await page.setExtraHTTPHeaders({ 'accept-language': acceptLanguage(tag) })
  if (before) await page.removeScriptToEvaluateOnNewDocument(before.script)
  const { identifier } = await page.evaluateOnNewDocument(setNavigatorLanguages, preferredLanguages(tag))
  const session = before?.session ?? (await page.createCDPSession())
  // Only one DevTools session may override a tab's locale: in a tab another
  // tool already overrides, Intl keeps that one, and the header and
  // navigator above still say ours. Not worth losing the account over.
  await session.send('Emulation.setLocaleOverride', { locale: tag }).catch(() => {})
  applied.set(page, { locale: tag, script: identifier, session })
}

/** Runs in the page, before its own scripts. */
function setNavigatorLanguages(languages: string[]): void {
  const list = Object.freeze([...languages])
  try {
    Object.defineProperty(Navigator.prototype, 'language', { get: () => list[0], configurable: true })
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => list, configurable: true })
  } catch {
    // A document that froze Navigator keeps Chromium's own values.
  }
}
