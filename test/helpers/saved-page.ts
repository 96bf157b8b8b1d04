// Reads a saved page the way a snapshot reads a live one: real Chromium
// parses the HTML (meta tags, JSON-LD, embedded state, visible text) with
// every network request refused, so a captured page can never call home.
// Used by scripts/measure-real-pages.ts and test/snapshot/real-pages.test.ts.
// It runs the snapshot's own `readPage` (src/snapshot/read-page.ts).
import puppeteer, { type Browser } from 'puppeteer-core'
import type { PageContent } from '../../src/snapshot/page-facts.js'
import { readPage } from '../../src/snapshot/read-page.js'

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
        return { ...(await page.evaluate(readPage, '')), url: page.url() }
      } finally {
        await page.close().catch(() => {})
      }
    },
    close: () => browser.close(),
  }
}
