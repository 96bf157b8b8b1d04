// Renders the README's pictures of `showtell present`: the presenter view of a
// deck served live (pacing, fresh numbers) and the phone remote beside it.
// Start `npm run demo -- present --refresh --no-open --port 4390` first, then
// `node scripts/present-screenshots.mjs http://127.0.0.1:4390/`.
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { BrowserManager } from '../dist/browser/manager.js'

const base = process.argv[2] ?? 'http://127.0.0.1:4390/'
if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(base)) throw new Error(`${base}: give the deck's address on 127.0.0.1, ending in /`)
const docs = fileURLToPath(new URL('../docs/', import.meta.url))
await mkdir(docs, { recursive: true })
const manager = new BrowserManager({ popups: true })
const POLL = { polling: 100, timeout: 60_000 }
try {
  const browser = await manager.get()
  const deck = await browser.newPage()
  await deck.setViewport({ width: 1280, height: 720 })
  await deck.goto(base, { waitUntil: 'load' })
  const popup = browser.waitForTarget((target) => target.opener() === deck.target())
  await deck.keyboard.press('p')
  const presenter = await (await popup).page()
  await presenter.setViewport({ width: 1280, height: 800 })
  // Into the here-and-now segment, the clock running, with the fresh numbers in.
  for (let i = 0; i < 4; i++) await deck.keyboard.press('ArrowRight')
  await presenter.waitForFunction(() => !document.querySelector('#pv-fresh')?.hidden, POLL)
  await new Promise((resolve) => setTimeout(resolve, 5000))
  await presenter.screenshot({ path: `${docs}presenter-live.png` })

  const remote = await browser.newPage()
  await remote.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await remote.goto(`${base}remote`, { waitUntil: 'load' })
  await remote.waitForFunction(() => document.querySelector('#counter')?.textContent !== '', POLL)
  await remote.screenshot({ path: `${docs}remote.png` })
  console.log('wrote docs/presenter-live.png, docs/remote.png')
} finally {
  await manager.close()
}
