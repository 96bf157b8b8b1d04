// Renders the README's pictures from a real build of the example workspace:
// four slides and the presenter view. Run after `npm run demo`.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BrowserManager } from '../dist/browser/manager.js'

const deck = process.argv[2] ?? 'out/2026-11-24-policy/deck.html'
if (!existsSync(deck)) throw new Error(`${deck} not found: build it first`)
// Slides are found by segment (from the build's manifest), so the pictures follow the agenda.
const manifest = JSON.parse(readFileSync(join(dirname(deck), 'build.json'), 'utf8'))
const firstOf = (id) => {
  let n = 1
  for (const segment of manifest.agenda) {
    if (segment.id === id) return n
    n += segment.slideCount
  }
  throw new Error(`the deck has no ${id} segment`)
}
const docs = fileURLToPath(new URL('../docs/', import.meta.url))
await mkdir(docs, { recursive: true })
const manager = new BrowserManager({ popups: true })
try {
  const browser = await manager.get()
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(`${pathToFileURL(deck)}#2`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-agenda.png` })
  await page.goto(`${pathToFileURL(deck)}#${firstOf('key-points') + 1}`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-key-point.png` })
  await page.goto(`${pathToFileURL(deck)}#${firstOf('worst-cases')}`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-worst-cases.png` })
  // The first account the audit found: its screenshot and the suggested action.
  await page.goto(`${pathToFileURL(deck)}#${firstOf('loss-of-control') + 1}`, { waitUntil: 'load' })
  await page.screenshot({ path: `${docs}slide-loss-of-control.png` })
  const popup = browser.waitForTarget((t) => t.opener() === page.target())
  await page.keyboard.press('p')
  const presenter = await (await popup).page()
  await presenter.setViewport({ width: 1280, height: 760 })
  await page.keyboard.press('ArrowRight')
  await new Promise((r) => setTimeout(r, 300))
  await presenter.screenshot({ path: `${docs}presenter-view.png` })
  console.log('wrote docs/slide-agenda.png, docs/slide-key-point.png, docs/slide-worst-cases.png, docs/slide-loss-of-control.png, docs/presenter-view.png')
} finally {
  await manager.close()
}
