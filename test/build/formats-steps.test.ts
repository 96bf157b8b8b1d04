// The new formats' wiring in buildDeck, with steps replaced (BuildOptions.steps):
// a format that fails leaves the earlier build as it was, deck.pptx gets the
// staged folder and the theme's CSS and is listed, and the exports run side by
// side: each replaced step below waits for the other to start, so run one
// after another they would never finish.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/build/build.js'
import { renderSlideImages } from '../../src/deck/images.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const BASE = { topic: 'policy', date: '2026-11-24', duration: 45, snapshots: false } as const

/** Resolves when `other` has been called, or fails after a long while: then the steps ran one after another. */
function meeting() {
  let arrived!: () => void
  const here = new Promise<void>((resolve) => (arrived = resolve))
  return {
    arrive: () => arrived(),
    wait: (what: string) =>
      Promise.race([
        here,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} never started: the exports ran one after another`)), 30_000).unref()),
      ]),
  }
}

describe('the new formats in buildDeck', () => {
  it('a failing format leaves the earlier build, the history and the meeting log as they were', async () => {
    const dir = await makeWorkspace()
    const workspace = await loadWorkspace(dir)
    await buildDeck(workspace, { ...BASE, formats: ['md', 'html'] })
    const before = await listTree(dir)
    const deckMd = await readFile(join(dir, 'out', '2026-11-24-policy', 'deck.md'), 'utf8')

    const failed = buildDeck(workspace, {
      ...BASE,
      duration: 60,
      formats: ['md', 'share', 'pdf', 'png'],
      steps: {
        renderSlideImages: async () => {
          throw new Error('forced: the slide images failed')
        },
      },
    })
    await expect(failed).rejects.toThrow('forced: the slide images failed')
    // Nothing new anywhere: no deck-share.html or PDF from the steps that worked, no staging folder.
    expect(await listTree(dir)).toEqual(before)
    expect(await readFile(join(dir, 'out', '2026-11-24-policy', 'deck.md'), 'utf8')).toBe(deckMd)
  })

  it('deck.pptx is written from the staged folder and the theme CSS, and listed in build.json', async () => {
    const dir = await makeWorkspace()
    const calls: { folder: string; themeCss: string; slides: number; chartsThere: boolean }[] = []
    const manifest = await buildDeck(await loadWorkspace(dir), {
      ...BASE,
      formats: ['pptx'],
      steps: {
        renderPptx: async (deck, options) => {
          const chart = deck.slides.find((slide) => slide.chart && slide.image)
          const chartsThere = chart ? (await readFile(join(options.folder, chart.image!))).byteLength > 0 : true
          calls.push({ folder: options.folder, themeCss: options.themeCss, slides: deck.slides.length, chartsThere })
          return Buffer.from('PK fake pptx')
        },
      },
    })
    expect(calls).toHaveLength(1)
    const builtinTheme = await readFile(join(REPO_ROOT, 'templates', 'showtell.css'), 'utf8')
    expect(calls[0]!.themeCss).toBe(builtinTheme)
    expect(calls[0]!.slides).toBe(manifest.slideCount)
    expect(calls[0]!.chartsThere).toBe(true)
    // The staged folder, not out/ itself: a failed build must not touch the deck there.
    expect(calls[0]!.folder).not.toBe(manifest.outDir)
    expect(await readFile(join(manifest.outDir, 'deck.pptx'), 'utf8')).toBe('PK fake pptx')
    expect(manifest.files).toEqual([{ name: 'deck.pptx', bytes: 12 }])
  })

  it('runs the browser exports and the PowerPoint side by side, and records the wall time and the sum of the steps', async () => {
    const dir = await makeWorkspace()
    const pngStarted = meeting()
    const pptxStarted = meeting()
    const manifest = await buildDeck(await loadWorkspace(dir), {
      ...BASE,
      formats: ['png', 'pptx', 'pdf'],
      steps: {
        renderSlideImages: async (browser, rendered) => {
          pngStarted.arrive()
          await pptxStarted.wait('deck.pptx')
          return renderSlideImages(browser, rendered)
        },
        renderPptx: async () => {
          pptxStarted.arrive()
          await pngStarted.wait('the slide images')
          return Buffer.from('PK')
        },
      },
    })
    const times = manifest.exportTimes!
    expect(Object.keys(times.steps).sort()).toEqual(['pdf', 'png', 'pptx'])
    expect(times.sumMs).toBe(times.steps.pdf! + times.steps.png! + times.steps.pptx!)
    expect(times.wallMs).toBeLessThan(times.sumMs)
    expect(manifest.files.filter((file) => file.name.startsWith('slides/'))).toHaveLength(manifest.slideCount)
  })
})
