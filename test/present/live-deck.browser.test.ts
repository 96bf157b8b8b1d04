// A real build's deck.html served through a present session (the live link on)
// in real Chromium: the page has the live meta in its head, its own scripts
// still run under the served CSP (hashed on the served text) with no CSP
// report, and deck.html on disk is byte for byte as the build wrote it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPresenting, type PresentingSession } from '../../src/present/session.js'
import { installedBrowser, testBrowser } from '../helpers/browser.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

let session: PresentingSession
let folder: string
let built: string
const browser = testBrowser({ browserPath: installedBrowser('full browser') })
beforeAll(async () => {
  const workspace = await makeWorkspace({ 'showtell.yaml': await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8') })
  const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'md,html', '--no-snapshots'], { cwd: workspace })
  expect(result.code, result.stderr).toBe(0)
  folder = join(workspace, 'out', '2026-11-24-policy')
  built = await readFile(join(folder, 'deck.html'), 'utf8')
  session = await startPresenting({ folder, hosts: ['127.0.0.1'] })
}, 120_000)
afterAll(async () => {
  await session?.close()
  await browser.close()
})

describe('a built deck under the live link, in Chromium', () => {
  it('carries the live meta, runs its own scripts with no CSP report, and stays as built on disk', async () => {
    await browser.withPage(async (page) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
      })
      await page.evaluateOnNewDocument(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to ${event.violatedDirective}: ${event.blockedURI}`))
      })
      const response = await page.goto(session.urls[0]!, { waitUntil: 'load' })
      expect(response?.status()).toBe(200)
      expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'")
      expect(await page.evaluate(() => document.head.querySelector('meta[name="showtell-live"]')?.getAttribute('content'))).toBe('live/')
      await page.waitForFunction(() => (window as unknown as { showtell?: { current: number } }).showtell?.current === 0)
      await page.keyboard.press('ArrowRight')
      await page.waitForFunction(() => (window as unknown as { showtell: { current: number } }).showtell.current === 1)
      expect(violations).toEqual([])
    })
    expect(await readFile(join(folder, 'deck.html'), 'utf8')).toBe(built)
    // The deck's script names the meta it looks for; the tag itself is only ever in the served copy.
    expect(built.slice(0, built.indexOf("</head>"))).not.toContain("showtell-live")
  })
})
