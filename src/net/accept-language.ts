// Owns the language showtell asks the platforms for (`snapshot.locale`):
// the Accept-Language header of every request (Chromium's pages and their
// sub-resources, the API and feed fetches, the audit's probes) and the
// language a page sees in `navigator.language`. Platforms pick the words and
// the number format from it; one fixed language makes them answer the same
// way every morning, whatever the machine's own settings. Headless Chromium
// sends no Accept-Language at all by default.
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

/** One DevTools session per tab: a language override lasts only as long as the session that set it. */
const sessions = new WeakMap<Page, CDPSession>()

/**
 * Makes the tab ask for `locale`: the header on the page, every sub-resource
 * and the fetches of its workers (puppeteer's extra headers; the DevTools
 * language override below alone misses a worker's fetch, tried), and
 * `navigator.language(s)` plus the page's default `Intl` locale (DevTools
 * emulation, since puppeteer has no call for either). Set on every visit: a reused tab keeps it, and the same
 * value again costs nothing. The user agent is passed through unchanged,
 * because the DevTools call that sets the language needs one.
 */
export async function localizeTab(page: Page, locale: string = DEFAULT_LOCALE): Promise<void> {
  await page.setExtraHTTPHeaders({ 'accept-language': acceptLanguage(locale) })
  let session = sessions.get(page)
  if (!session) {
    session = await page.createCDPSession()
    sessions.set(page, session)
  }
  const userAgent = await page.browser().userAgent()
  // Chromium adds the q-values to this list itself, by the same rule as acceptLanguage().
  await session.send('Emulation.setUserAgentOverride', { userAgent, acceptLanguage: preferredLanguages(locale).join(',') })
  await session.send('Emulation.setLocaleOverride', { locale: canonical(locale) })
}
