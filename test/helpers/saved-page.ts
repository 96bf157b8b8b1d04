// Reads a saved page the way a snapshot reads a live one: real Chromium
// parses the HTML (meta tags, JSON-LD, embedded state, visible text) with
// every network request refused, so a captured page can never call home.
// Used by scripts/measure-real-pages.ts and test/snapshot/real-pages.test.ts.
// What it reads is what capture.ts `readPage` reads: keep the two the same.
import puppeteer, { type Browser } from 'puppeteer-core'
import type { PageContent } from '../../src/snapshot/page-facts.js'

export interface SavedPageReader {
  read(html: string): Promise<PageContent & { readonly url: string; readonly markup: string }>
  close(): Promise<void>
}

const CANDIDATES = [process.env.SHOWTELL_TEST_SHELL, '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium']

export async function savedPageReader(): Promise<SavedPageReader> {
  const { accessSync, constants } = await import('node:fs')
  const executablePath = CANDIDATES.find((path) => {
    if (!path) return false
    try {
      accessSync(path, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
  if (!executablePath) throw new Error('reading saved pages needs Chromium: run scripts/find-or-install-chromium.sh')
  const browser: Browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // No proxy, no DNS: every request is refused below anyway.
    args: ['--no-sandbox', '--proxy-server=127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND'],
  })
  return {
    async read(html) {
      const page = await browser.newPage()
      try {
        await page.setRequestInterception(true)
        page.on('request', (request) => void request.abort('blockedbyclient').catch(() => {}))
        // Scripts run as they would in a snapshot, but a page's own script
        // must not navigate away or hang the read.
        await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: 20_000 })
        return await page.evaluate(() => {
          const meta: Record<string, string> = {}
          document.querySelectorAll('meta[property], meta[name]').forEach((el) => {
            const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase()
            const content = el.getAttribute('content')
            if (key && content && !(key in meta)) meta[key] = content.slice(0, 2000)
          })
          const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (el) => (el.textContent ?? '').slice(0, 200_000))
          const embedded: Record<string, string> = {}
          for (const id of ['__UNIVERSAL_DATA_FOR_REHYDRATION__', 'SIGI_STATE', '__NEXT_DATA__']) {
            const el = document.getElementById(id)
            if (el?.textContent) embedded[id] = el.textContent.slice(0, 2_000_000)
          }
          try {
            const yt = (window as unknown as { ytInitialData?: unknown }).ytInitialData
            if (yt && typeof yt === 'object') embedded.ytInitialData = JSON.stringify(yt).slice(0, 2_000_000)
          } catch {
            // none
          }
          // A YouTube watch page states its wall (LOGIN_REQUIRED, "not a bot") in the
          // player data, half a megabyte into the page: appended so the classifier sees it.
          // (No named function here: the code runs in the page, where a bundler's helpers do not exist.)
          let playability = ''
          try {
            const status = (window as unknown as { ytInitialPlayerResponse?: { playabilityStatus?: unknown } }).ytInitialPlayerResponse?.playabilityStatus
            if (status) playability = `\n<!-- playabilityStatus ${JSON.stringify(status).slice(0, 2000)} -->`
          } catch {
            // No player data.
          }
          return {
            url: location.href,
            title: document.title.slice(0, 500),
            meta,
            jsonLd,
            embedded,
            bodyText: (document.body ? document.body.innerText : '').slice(0, 10_000),
            markup: (document.documentElement?.outerHTML ?? '').slice(0, 50_000) + playability,
          }
        })
      } finally {
        await page.close().catch(() => {})
      }
    },
    close: () => browser.close(),
  }
}
