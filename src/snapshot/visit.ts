// Owns visiting one account's page in a tab: the guarded navigation that
// survives whatever the page does (dialogs, pop-ups, downloads, endless
// loading, a crash), hiding consent banners, reading the page, the verdict
// of the blocked-page classifier, the screenshot, and the numbers of the
// page and of its feed. A page that is not `ok` keeps no words and no numbers.
import { join } from 'node:path'
import type { HTTPResponse, Page } from 'puppeteer-core'
import type { BrowserManager } from '../browser/manager.js'
import type { TabPool } from '../browser/tabs.js'
import { localizeTab } from '../net/accept-language.js'
import { guardTab } from '../net/chromium.js'
import { checkScheme, type RequestGuard } from '../net/guard.js'
import { writeFileAtomic } from '../workspace/store.js'
import type { Account } from '../workspace/schema.js'
import { classifyPage, type PageVerdict } from './classify.js'
import { parseFeed } from './feed.js'
import { mergeMetrics, type Metrics } from './metrics.js'
import type { PageOutcome } from './outcome.js'
import { notAProfile, pageMetrics } from './page-facts.js'
import { readPage, type PageFactsRead } from './read-page.js'

export interface VisitOptions {
  /** Per page, in milliseconds. */
  readonly timeoutMs: number
  /** Folder the screenshot is written to. */
  readonly outDir: string
  /** The run's tabs, reused from account to account. @default a new tab, closed afterwards */
  readonly tabs?: TabPool
  /** Checks every request of the tab, its frames and workers. */
  readonly guard: RequestGuard
  /** The language asked for (`snapshot.locale`). @default en-US */
  readonly locale?: string
  /** The adapter reads the page's RSS/Atom feed. */
  readonly feeds?: boolean
  /** Fetches the feed through the account's guard. */
  readonly fetchText: (url: string) => Promise<{ status: number; body: string }>
}

/** Cookie and consent banners of the common consent platforms, hidden before the screenshot. */
export const CONSENT_SELECTORS = [
  '#onetrust-consent-sdk',
  '#onetrust-banner-sdk',
  '.onetrust-pc-dark-filter',
  '#CybotCookiebotDialog',
  '#CybotCookiebotDialogBodyUnderlay',
  '#usercentrics-root',
  '#didomi-host',
  '.didomi-popup-open',
  '.qc-cmp2-container',
  '[id^="sp_message_container"]',
  '.fc-consent-root',
  '#cmpbox',
  '#cmpbox2',
  '.cc-window',
  '.cookie-consent',
  '#cookie-law-info-bar',
  '#truste-consent-track',
  '#consent_blackbar',
  '.osano-cm-window',
  '#iubenda-cs-banner',
  '#klaro',
]

const VIEWPORT = { width: 1280, height: 800 } as const

export async function capturePage(browser: BrowserManager, account: Account, url: string, options: VisitOptions): Promise<PageOutcome> {
  try {
    // Only a page that behaved leaves its tab to the next account.
    if (options.tabs) {
      return await options.tabs.use((page, on) => visit(browser, page, on, account, url, options), (outcome) => outcome.status === 'ok' && !outcome.restless)
    }
    return await browser.withPage((page) => visit(browser, page, page.on.bind(page), account, url, options))
  } catch (error) {
    return { status: 'error', reason: describeError(error), metrics: {} }
  }
}

/**
 * `on` adds a handler to the page for this visit only: the tab may serve
 * another account next, and goes to it without our handlers. They stay on
 * while a tab that is not reused closes, to catch what the page does then.
 */
async function visit(browser: BrowserManager, page: Page, on: Page['on'], account: Account, url: string, options: VisitOptions): Promise<PageOutcome> {
  let restless = false
  on('dialog', () => (restless = true))
  on('popup', () => (restless = true))
  const outcome = await visitPage(browser, page, on, account, url, options)
  return restless ? { ...outcome, restless } : outcome
}

async function visitPage(browser: BrowserManager, page: Page, on: Page['on'], account: Account, url: string, options: VisitOptions): Promise<PageOutcome> {
  const deadline = Date.now() + options.timeoutMs
  const left = () => Math.max(1, deadline - Date.now())
  let refused: string | undefined

  // A crashed tab never answers again: every later step races against this.
  let crashed!: (error: Error) => void
  const crash = new Promise<never>((_, reject) => (crashed = reject))
  crash.catch(() => {})
  on('error', () => crashed(new Error('the tab crashed')))
  on('dialog', (dialog) => void dialog.dismiss().catch(() => {}))
  on('popup', (popup) => void popup?.close().catch(() => {}))
  const guarded = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([work, crash, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError(what)), ms)))])
    } finally {
      clearTimeout(timer)
    }
  }

  await page.setViewport(VIEWPORT)
  await localizeTab(page, options.locale)
  page.setDefaultTimeout(options.timeoutMs)
  page.setDefaultNavigationTimeout(options.timeoutMs)
  // Every request of the tab and of its workers waits until the guard has
  // looked its host up (once per host for the run): the page, each
  // redirect hop (Chromium pauses each one as a request of its own), frames,
  // scripts, images, fetches. See net/chromium.ts for why this is a DevTools
  // session of its own rather than puppeteer's request interception, which a
  // parked tab leaves on and which would only hold every request twice.
  await guardTab(page, options.guard, (reason) => (refused ??= reason))
  await page.setRequestInterception(false)

  // A reused tab that shows this very document would only jump to the fragment: load it afresh.
  if (url.includes('#') && withoutFragment(page.url()) === withoutFragment(url)) {
    await guarded(page.goto('about:blank'), Math.min(5000, left()), 'the tab did not clear').catch(() => {})
  }
  let response: HTTPResponse | null
  try {
    response = await guarded(page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs }), options.timeoutMs + 1000, 'the page did not finish loading')
  } catch (error) {
    if (refused) return { status: 'error', reason: refused, metrics: {} }
    return failure(error, options.timeoutMs)
  }
  const scheme = checkScheme(page.url())
  if (!scheme.ok) return { status: 'error', reason: `redirected away from the web: ${scheme.reason}`, metrics: {} }

  // Let late requests settle, but never wait past the page's budget.
  await guarded(page.waitForNetworkIdle({ idleTime: 300, timeout: Math.min(3000, left()) }), Math.min(3500, left()), 'network').catch(() => {})
  const hide = [...CONSENT_SELECTORS, ...(account.hideSelectors ?? [])]
  // Consent banners and the like are hidden in the same call that reads the
  // page (one round trip less per account), so the text read is the text shown.
  const hideCss = `${hide.join(',\n')} { display: none !important; }\nhtml, body { overflow: auto !important; }`
  if (account.waitFor) {
    try {
      await guarded(page.waitForSelector(account.waitFor, { timeout: left() }), left() + 500, `waitFor ${account.waitFor}`)
    } catch (error) {
      if (error instanceof TimeoutError || (error as Error).name === 'TimeoutError') {
        return { status: 'timeout', reason: `waitFor "${account.waitFor}" did not appear within ${Math.round(options.timeoutMs / 1000)} s`, metrics: {} }
      }
      return failure(error, options.timeoutMs)
    }
  }

  let facts: PageFactsRead
  try {
    // A page that loaded in time gets a fair chance to be read, even late in its budget.
    facts = await guarded(page.evaluate(readPage, hideCss), Math.max(5_000, Math.min(10_000, left())), 'the page did not let us read it')
  } catch (error) {
    return failure(error, options.timeoutMs)
  }
  const verdict: PageVerdict = classifyPage({
    requestedUrl: url,
    finalUrl: page.url(),
    httpStatus: response?.status() ?? null,
    title: facts.title,
    bodyText: facts.bodyText,
    headers: response?.headers() ?? {},
    markup: facts.markup,
  })
  // A wall's title and description are the wall's words ("Join to see 12,345
  // followers"), not the account's: a page that is not `ok` keeps neither, so
  // none of it reaches a slide, the app or --json as if it were data.
  if (verdict.status !== 'ok') return { status: verdict.status, reason: verdict.reason, metrics: {} }
  const description = facts.meta['og:description'] ?? facts.meta.description
  const title = facts.meta['og:title'] ?? facts.title

  const screenshot = `${account.id}.png`
  try {
    const png = await guarded(
      browser.screenshot(page),
      Math.max(left(), 10_000),
      'the screenshot did not finish',
    )
    await writeFileAtomic(join(options.outDir, screenshot), png)
  } catch (error) {
    return failure(error, options.timeoutMs)
  }
  const owner = { platform: account.platform, handle: account.handle?.replace(/^@/, ''), url: page.url() }
  // pageMetrics marks its numbers `via: page`; the feed's say `feed`.
  const metrics = mergeMetrics(pageMetrics(facts, owner), await feedMetrics(facts, options))
  // A post is shown as it is, but says why it has no follower count: its
  // numbers belong to the post or its author, never to the account.
  const post = notAProfile(facts, owner)
  return { status: 'ok', screenshot, title, description, metrics, ...(post ? { reason: `${post}: no follower count; point the account at its profile` } : {}) }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#')
  return hash === -1 ? url : url.slice(0, hash)
}

/** For blogs, websites and YouTube: the last post and the pace, from the page's RSS/Atom feed. */
async function feedMetrics(facts: PageFactsRead, options: VisitOptions): Promise<Metrics> {
  if (!options.feeds) return {}
  const feedUrl = facts.feeds[0]
  if (!feedUrl) return {}
  const text = await options.fetchText(feedUrl).catch(() => undefined)
  if (!text || text.status !== 200) return {}
  const parsed = parseFeed(text.body)
  if (!parsed.ok) return {}
  const out: { -readonly [K in keyof Metrics]: Metrics[K] } = {}
  if (parsed.feed.lastPostAt) out.lastPostAt = { value: parsed.feed.lastPostAt, source: 'feed', via: 'feed' }
  if (parsed.feed.postsPerMonth !== undefined) out.postsPerMonth = { value: parsed.feed.postsPerMonth, source: 'feed', via: 'feed' }
  return out
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError'
}

function failure(error: unknown, timeoutMs: number): PageOutcome {
  const message = String((error as Error)?.message ?? error)
  if ((error as Error)?.name === 'TimeoutError' || /timeout|timed out/i.test(message)) {
    return { status: 'timeout', reason: `no answer within ${Math.round(timeoutMs / 1000)} s`, metrics: {} }
  }
  return { status: 'error', reason: describeError(error), metrics: {} }
}

/** Chromium's network errors in words a presenter understands. */
export function describeError(error: unknown): string {
  const message = String((error as Error)?.message ?? error)
  const known: [RegExp, string][] = [
    [/ERR_TOO_MANY_REDIRECTS/, 'redirect loop'],
    [/ERR_UNSAFE_REDIRECT|ERR_INVALID_REDIRECT/, 'redirected to a non-web address'],
    [/ERR_NAME_NOT_RESOLVED/, 'host not found (DNS)'],
    [/ERR_CONNECTION_REFUSED/, 'connection refused'],
    [/ERR_CONNECTION_(RESET|CLOSED)|ERR_EMPTY_RESPONSE/, 'the connection was dropped'],
    [/ERR_CERT_|ERR_SSL_/, 'TLS certificate problem'],
    [/ERR_BLOCKED_BY_CLIENT/, 'blocked by showtell (not an allowed address)'],
    [/ERR_ABORTED/, 'the page was aborted (a download or a redirect to a non-web address)'],
    [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_/, 'no network'],
    [/tab crashed|Target closed|Session closed|crashed/i, 'the tab crashed'],
  ]
  for (const [pattern, words] of known) if (pattern.test(message)) return words
  return message.split('\n')[0]!.slice(0, 200)
}
