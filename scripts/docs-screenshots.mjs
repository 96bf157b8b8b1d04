// Renders the README's pictures from a real build of the example workspace:
// two slides and the presenter view. Run after `npm run demo`.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BrowserManager } from '../dist/browser/manager.js'

const deck = process.argv[2] ?? 'out/2026-11-24-policy/deck.html'
if (!existsSync(deck)) throw new Error(`${deck} not found: build it first`)
const docs = fileURLToPath(new URL('../docs/', import.meta.url))
await mkdir(docs, { recursive: true })
const manager = new BrowserManager({ popups: true })
try {
  const browser = await manager.get()
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(`${pathToFileURL(deck)}#2`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-agenda.png` })
  await page.goto(`${pathToFileURL(deck)}#7`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-key-point.png` })
  await page.goto(`${pathToFileURL(deck)}#13`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-worst-cases.png` })
  const popup = browser.waitForTarget((t) => t.opener() === page.target())
  await page.keyboard.press('p')
  const presenter = await (await popup).page()
  await presenter.setViewport({ width: 1280, height: 760 })
  await page.keyboard.press('ArrowRight')
  await new Promise((r) => setTimeout(r, 300))
  await presenter.screenshot({ path: `${docs}presenter-view.png` })
  console.log('wrote docs/slide-agenda.png, docs/slide-key-point.png, docs/slide-worst-cases.png, docs/presenter-view.png')
} finally {
  await manager.close()
}
