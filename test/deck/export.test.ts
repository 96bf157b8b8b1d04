// Given a real build of the policy topic, when a presenter opens the files,
// then the PDF, the handout and deck.html behave as promised. Real Chromium,
// pages served on 127.0.0.1 only.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, REPO_ROOT } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'
import { serveFolder, type StaticServer } from '../helpers/serve.js'
import { testBrowser } from '../helpers/browser.js'
import { makeWorkspace } from '../helpers/workspace.js'

const SEGMENT_TITLES = [
  'Opening',
  'Here and now: our accounts live',
  'Loss of control: accounts we do not run',
  'Key points',
  'Case studies',
  'Worst cases and mitigations',
  'Hands-on exercise',
  'Discussion and decisions',
  'ROI: what changed',
  'Next meeting',
]

/**
 * The 45-minute agenda of this build, worked out by hand from the segment bounds and
 * weights (src/agenda/segments.ts): without snapshots, history or an audit, here-and-now,
 * loss-of-control and ROI are one-minute placeholders. The other seven start at their
 * minimums (1+5+3+3+5+4+1 = 22 min); the 20 spare minutes go one at a time to the lowest
 * (minutes+1)/weight: opening (weight 1) and next meeting (weight 1) reach 2, key points
 * (weight 4) 10, and the four weight-3 segments 7 each. 2+1+1+10+7+7+7+7+1+2 = 45.
 */
const AGENDA_MINUTES = [2, 1, 1, 10, 7, 7, 7, 7, 1, 2]
const KEY_POINTS_MINUTES = 10
/**
 * The slides of this build, counted by hand from topics/policy.yaml and src/deck/compose.ts:
 * opening 3 (title, agenda, "Why this matters now"), one placeholder each for here-and-now
 * and loss-of-control, the 5 key points, 2 case studies, 2 worst cases, 1 exercise,
 * 2 discussion slides (questions, actions), the ROI placeholder and 2 next-meeting slides.
 */
const SLIDES_PER_SEGMENT = [3, 1, 1, 5, 2, 2, 1, 2, 1, 2]
const SLIDE_COUNT = 20
/** The first key point is slide 6: after the 3 opening slides and the 2 placeholders. */
const FIRST_KEY_POINT = 6

let outDir: string
let manifest: { slideCount: number; agenda: { id: string; minutes: number; slideCount: number }[]; files: { name: string }[] }
let policy: { keyPoints: { title: string; notes: string }[] }
// The presenter view is a second window: this browser allows it.
const manager = testBrowser({ popups: true })
let browser: Browser
let server: StaticServer

beforeAll(async () => {
  const workspace = await makeWorkspace()
  const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', '45', '--no-snapshots', '--json', '--workspace', workspace])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  manifest = JSON.parse(result.stdout)
  outDir = join(workspace, 'out', '2026-11-24-policy')
  policy = parse(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8'))
  browser = await manager.get()
  server = await serveFolder(outDir)
})

afterAll(async () => {
  await server?.close()
  await manager.close()
})

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('deck.pdf', () => {
  it('has one 16:9 page per slide', async () => {
    const pdf = await readPdf(join(outDir, 'deck.pdf'))
    const html = await readFile(join(outDir, 'deck.html'), 'utf8')
    const sections = html.match(/<section\b/g)?.length
    expect(manifest.agenda.map((segment) => segment.slideCount)).toEqual(SLIDES_PER_SEGMENT)
    expect(manifest.slideCount).toBe(SLIDE_COUNT)
    expect(sections).toBe(SLIDE_COUNT)
    expect(pdf.pages).toBe(SLIDE_COUNT)
    // 1280×720 CSS px is 960×540 pt.
    for (const size of pdf.pageSizes) {
      expect(size.width).toBeCloseTo(960, 0)
      expect(size.height).toBeCloseTo(540, 0)
    }
  })

  it('has a bookmark per agenda segment, in order, with its minutes', async () => {
    const pdf = await readPdf(join(outDir, 'deck.pdf'))
    expect(pdf.outline).toHaveLength(SEGMENT_TITLES.length)
    expect(pdf.outline).toEqual(SEGMENT_TITLES.map((title, i) => `${title} (${AGENDA_MINUTES[i]} min)`))
  })

  it('carries the title and the author', async () => {
    const pdf = await readPdf(join(outDir, 'deck.pdf'))
    expect(pdf.info.Title).toBe('Testco: Social media policy')
    expect(pdf.info.Author).toBe('Test team')
  })

  it('shows the key point statements as slide text', async () => {
    const pdf = await readPdf(join(outDir, 'deck.pdf'))
    const all = squash(pdf.text.join(' '))
    for (const point of policy.keyPoints) expect(all).toContain(squash(point.title))
  })
})

describe('handout.pdf', () => {
  it('has each slide with its notes and its budget', async () => {
    const pdf = await readPdf(join(outDir, 'handout.pdf'))
    expect(pdf.pages).toBe(SLIDE_COUNT)
    const all = squash(pdf.text.join(' '))
    for (const point of policy.keyPoints) {
      // The talk track is there, not only the slide.
      const words = squash(point.notes).split(' ')
      expect(all).toContain(words.slice(0, 8).join(' '))
    }
    expect(squash(pdf.text[0]!)).toContain(`Slide 1 of ${SLIDE_COUNT}`)
    // The opening's 2 minutes over its 3 slides: 40 seconds each.
    expect(squash(pdf.text[0]!)).toContain('Budget 0:40 for this slide')
    expect(pdf.info.Title).toBe('Testco: Social media policy (handout)')
  })
})

async function openDeck(): Promise<Page> {
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(`${server.url}/deck.html`, { waitUntil: 'load' })
  return page
}

async function visibleSlide(page: Page): Promise<number[]> {
  return page.$$eval('#deck > .marpit > svg', (svgs) =>
    svgs.flatMap((svg, i) => (getComputedStyle(svg).display === 'none' ? [] : [i + 1])),
  )
}

describe('deck.html', () => {
  it('moves with the keyboard and shows a slide counter', async () => {
    const page = await openDeck()
    try {
      const n = SLIDE_COUNT
      const counter = () => page.$eval('#counter', (el) => el.textContent)
      expect(await counter()).toBe(`1 / ${n}`)
      expect(await visibleSlide(page)).toEqual([1])
      await page.keyboard.press('ArrowRight')
      expect(await counter()).toBe(`2 / ${n}`)
      await page.keyboard.press('Space')
      expect(await counter()).toBe(`3 / ${n}`)
      await page.keyboard.press('PageDown')
      expect(await counter()).toBe(`4 / ${n}`)
      await page.keyboard.press('ArrowLeft')
      expect(await counter()).toBe(`3 / ${n}`)
      await page.keyboard.press('PageUp')
      expect(await counter()).toBe(`2 / ${n}`)
      await page.keyboard.press('End')
      expect(await counter()).toBe(`${n} / ${n}`)
      expect(await visibleSlide(page)).toEqual([n])
      await page.keyboard.press('ArrowRight')
      expect(await counter()).toBe(`${n} / ${n}`)
      await page.keyboard.press('Home')
      expect(await counter()).toBe(`1 / ${n}`)
      expect(await visibleSlide(page)).toEqual([1])
    } finally {
      await page.close()
    }
  })

  it('loads nothing from the network', async () => {
    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    try {
      await page.goto(`${server.url}/deck.html`, { waitUntil: 'networkidle0' })
      await page.keyboard.press('End')
      const foreign = requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'))
      expect(foreign).toEqual([])
      const html = await readFile(join(outDir, 'deck.html'), 'utf8')
      expect(html).not.toMatch(/(?:src|href)=["']?https?:/i)
    } finally {
      await page.close()
    }
  })

  it('opens a presenter view on P with notes, the next slide and a segment countdown that turns amber then red', async () => {
    const page = await openDeck()
    try {
      // A controllable clock in the deck window, which drives both windows. It stands
      // still unless the test moves it, so a slow machine cannot run the countdown down
      // between entering the slide and reading it.
      await page.evaluate(() => {
        const frozen = Date.now()
        ;(window as unknown as { __offset: number }).__offset = 0
        Date.now = () => frozen + (window as unknown as { __offset: number }).__offset
      })
      const popupTarget = browser.waitForTarget((target) => target.opener() === page.target())
      await page.keyboard.press('p')
      const presenter = (await (await popupTarget).page())!
      const text = (selector: string) => presenter.$eval(selector, (el) => el.textContent ?? '')

      // Slide 1: its notes and the next slide are shown.
      expect(await text('#pv-notes')).toContain('Segment budget')
      expect(await presenter.$$eval('#pv-current svg', (els) => els.length)).toBe(1)
      expect(await presenter.$$eval('#pv-next svg', (els) => els.length)).toBe(1)
      expect(await text('#pv-counter')).toBe(`1 / ${SLIDE_COUNT}`)

      // Go to the first key point: the presenter follows, with that talk track.
      const keyPointsStart = FIRST_KEY_POINT - 1
      for (let i = 0; i < keyPointsStart; i++) await page.keyboard.press('ArrowRight')
      expect(await text('#pv-counter')).toBe(`${keyPointsStart + 1} / ${SLIDE_COUNT}`)
      expect(squash(await text('#pv-notes'))).toContain(squash(policy.keyPoints[0]!.notes).slice(0, 60))
      const keyMinutes = KEY_POINTS_MINUTES
      expect(await text('#pv-segment')).toBe(`Key points · ${keyMinutes} min`)

      const state = () => presenter.$eval('#pv-countdown', (el) => el.getAttribute('data-state'))
      const setOffset = (ms: number) =>
        page.evaluate((value) => {
          ;(window as unknown as { __offset: number }).__offset = value
        }, ms)
      const waitState = (want: string) => presenter.waitForFunction((w) => document.querySelector('#pv-countdown')?.getAttribute('data-state') === w, { timeout: 5000 }, want)

      expect(await state()).toBe('ok')
      expect(await text('#pv-countdown')).toBe(`${keyMinutes}:00`)
      await setOffset(keyMinutes * 60_000 * 0.9)
      await waitState('amber')
      await setOffset(keyMinutes * 60_000 + 30_000)
      await waitState('red')
      expect(await text('#pv-countdown')).toBe('-0:30')

      // Keys in the presenter window move the deck too.
      await presenter.keyboard.press('ArrowRight')
      expect(await page.$eval('#counter', (el) => el.textContent)).toBe(`${keyPointsStart + 2} / ${SLIDE_COUNT}`)
      await presenter.close()
    } finally {
      await page.close()
    }
  })
})
