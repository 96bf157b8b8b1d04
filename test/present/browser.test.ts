// The deck as the audience sees it through `showtell present`: a real build's
// deck.html served on 127.0.0.1 and opened in real Chromium runs its own
// scripts under the server's Content-Security-Policy (they are allowed by
// hash), shows slide 1's title, and moves on a key press, with no CSP report.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPresentServer, type PresentServer } from '../../src/present/server.js'
import { installedBrowser, testBrowser } from '../helpers/browser.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

let server: PresentServer
const browser = testBrowser({ browserPath: installedBrowser('full browser') })
beforeAll(async () => {
  const workspace = await makeWorkspace({ 'showtell.yaml': await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8') })
  const built = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'md,html', '--no-snapshots'], { cwd: workspace })
  expect(built.code, built.stderr).toBe(0)
  server = await startPresentServer({ folder: join(workspace, 'out', '2026-11-24-policy'), hosts: ['127.0.0.1'] })
}, 120_000)
afterAll(async () => {
  await server?.close()
  await browser.close()
})

describe('showtell present in Chromium', () => {
  it('shows the deck: slide 1 is the title slide, the deck script runs, and the arrow key moves on', async () => {
    await browser.withPage(async (page) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
      })
      const response = await page.goto(server.baseUrls[0]!, { waitUntil: 'load' })
      expect(response?.status()).toBe(200)
      await page.waitForFunction(() => (window as unknown as { showtell?: { current: number } }).showtell?.current === 0)
      const visibleHeading = () =>
        page.evaluate(() => {
          const headings = Array.from(document.querySelectorAll<HTMLElement>('section h1, section h2'))
          return headings.find((h) => h.getBoundingClientRect().width > 0 && getComputedStyle(h.closest('svg, section')!).display !== 'none')?.textContent?.trim()
        })
      expect(await visibleHeading()).toBe('Social media policy')
      await page.keyboard.press('ArrowRight')
      await page.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1)
      expect(await visibleHeading()).not.toBe('Social media policy')
      expect(violations).toEqual([])
    })
  })
})
