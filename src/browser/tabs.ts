// Owns the tabs of one snapshot run: at most one per concurrency slot, each
// reused for the next account instead of opening a new tab per account.
// Opening and closing a tab is most of the CPU a snapshot costs (the browser
// builds the tab, and a new renderer starts for it), and on a 2-core machine
// that CPU is what keeps concurrent snapshots from running side by side.
//
// Only a tab whose last page behaved is reused: the caller says so per use.
// Between two accounts the old page stays loaded (a blank page in between
// would cost another renderer), so a parked tab is held on a short leash: it
// may not fetch anything, and a tab that opens a dialog or a pop-up, crashes,
// stops answering or is closed is closed at once and never handed out again.
import type { Dialog, HTTPRequest, Page } from 'puppeteer-core'
import type { BrowserManager } from './manager.js'

export interface TabPoolOptions {
  /**
   * How long a used tab may take to show it is alive before it is parked; a
   * slower one is closed and the next use opens a new tab. Tests that count
   * tabs pass a generous value: on a loaded machine a healthy tab can be slow.
   * @default 1000
   */
  readonly aliveMs?: number
}

interface Parked {
  readonly page: Page
  /** Removes the parking handlers. */
  readonly leave: () => void
}

export class TabPool {
  private readonly idle: Parked[] = []
  private readonly pages = new Set<Page>()
  private closed = false

  private readonly aliveMs: number

  constructor(
    private readonly browser: BrowserManager,
    options: TabPoolOptions = {},
  ) {
    this.aliveMs = options.aliveMs ?? 1_000
  }

  /**
   * Runs `fn` with a tab: a parked one when there is one, else a new one.
   * Afterwards the tab is parked for the next use if `reusable(result)` says
   * so, and closed otherwise (also when `fn` throws). Handlers `fn` adds
   * through `on` are removed before the tab is parked, and only after it is
   * closed: what a page does as its tab closes still meets them.
   */
  async use<T>(fn: (page: Page, on: Page['on']) => Promise<T>, reusable: (result: T) => boolean): Promise<T> {
    const page = await this.take()
    const added: (() => void)[] = []
    const on: Page['on'] = (event, handler) => {
      page.on(event, handler)
      added.push(() => page.off(event, handler))
      return page
    }
    const removeAdded = () => added.splice(0).forEach((off) => off())
    let keep = false
    try {
      const result = await fn(page, on)
      keep = reusable(result)
      return result
    } finally {
      if (keep) {
        removeAdded()
        await this.park(page)
      } else {
        await this.discard(page)
        removeAdded()
      }
    }
  }

  /** Closes every tab of the pool; later uses open (and close) their own tab. */
  async close(): Promise<void> {
    this.closed = true
    const pages = [...this.pages]
    this.idle.length = 0
    this.pages.clear()
    await Promise.all(pages.map((page) => page.close().catch(() => {})))
  }

  private async take(): Promise<Page> {
    for (let parked = this.idle.pop(); parked; parked = this.idle.pop()) {
      parked.leave()
      if (!parked.page.isClosed()) return parked.page
      await this.discard(parked.page)
    }
    const page = await this.browser.newPage()
    this.pages.add(page)
    return page
  }

  private async park(page: Page): Promise<void> {
    if (this.closed || page.isClosed()) return this.discard(page)
    let parked: Parked | undefined
    let broken = false
    const refuse = (request: HTTPRequest) => {
      if (!request.isInterceptResolutionHandled()) void request.abort('blockedbyclient').catch(() => {})
    }
    // A page that does anything on its own while it waits loses its tab.
    const misbehaved = (thing?: Dialog | Page | Error | null) => {
      if (thing && 'dismiss' in thing) void thing.dismiss().catch(() => {})
      else if (thing && 'close' in thing && thing !== page) void thing.close().catch(() => {})
      broken = true
      const at = parked ? this.idle.indexOf(parked) : -1
      if (at === -1) return
      this.idle.splice(at, 1)
      leave()
      void this.discard(page)
    }
    const events = ['dialog', 'popup', 'error', 'close'] as const
    const leave = () => {
      page.off('request', refuse)
      for (const event of events) page.off(event, misbehaved)
    }
    page.on('request', refuse)
    for (const event of events) page.on(event, misbehaved)
    // Interception stays on: the page must not fetch anything on its own while it waits.
    const alive = await Promise.race([
      page
        .setRequestInterception(true)
        .then(() => page.evaluate('1'))
        .then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), this.aliveMs).unref()),
    ]).catch(() => false)
    if (!alive || broken || this.closed) {
      leave()
      return this.discard(page)
    }
    parked = { page, leave }
    this.idle.push(parked)
  }

  private async discard(page: Page): Promise<void> {
    this.pages.delete(page)
    await page.close().catch(() => {})
  }
}
