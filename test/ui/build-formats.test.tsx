// The app's Build setup offers the formats to mail or post in chat
// (deck-share.html, the slide images, deck.pptx), off unless picked, below the
// four a plain build writes; picked, the run shows their steps and the result
// lists them, the images as one entry. Real services and Chromium; no network.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { START } from '../../src/ui/state.js'
import { makeAppWorkspace } from './fixtures.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const setup = { ...START, stack: [...START.stack, { name: 'build-setup' as const, topicId: 'policy', date: '2026-11-24' }] }

describe('Build setup: the formats to mail or post', () => {
  it('offers deck-share.html, the slide images and deck.pptx, off by default, and builds the ones picked', async () => {
    const dir = await makeAppWorkspace()
    app = await renderApp(dir, { initial: setup, size: { columns: 100, rows: 40 } })
    const first = await app.waitFor('Enter builds into')
    for (const name of ['deck.html', 'deck.pdf', 'handout.pdf', 'deck.md']) expect(lineWith(first, name)).toContain('[x]')
    expect(first).toContain('To mail or post in chat')
    expect(lineWith(first, 'deck-share.html')).toMatch(/deck-share\.html \(no notes, to mail\)\s+\[ \]/)
    expect(lineWith(first, 'slides/*.png')).toMatch(/slides\/\*\.png \(one per slide\)\s+\[ \]/)
    expect(lineWith(first, 'deck.pptx')).toMatch(/deck\.pptx \(editable PowerPoint\)\s+\[ \]/)

    // Rows: duration, html, pdf, handout, md, snapshots, share, png, pptx. The PDFs and
    // the snapshots off (a faster build), deck-share.html and the images on.
    await app.press(KEY.down, KEY.down, KEY.space, KEY.down, KEY.space, KEY.down, KEY.down, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space)
    const picked = await app.waitFor((f) => /deck-share\.html.*\[x\]/.test(f) && /slides\/\*\.png.*\[x\]/.test(f))
    expect(lineWith(picked, 'deck.pdf')).toContain('[ ]')
    expect(lineWith(picked, 'Live snapshots')).toContain('[ ]')
    expect(lineWith(picked, 'deck.pptx')).toContain('[ ]')

    await app.press(KEY.enter)
    const result = await app.waitFor('showtell · deck ready', 90_000)
    const run = app.frames().filter((f) => f.includes('showtell · building')).at(-1)!
    expect(run).toContain('html, md, share, png')
    expect(lineWith(run, 'deck-share.html without notes')).toMatch(/✓ deck-share\.html without notes/)
    expect(lineWith(run, 'Slide images')).toMatch(/✓ Slide images \(slides\/\*\.png\)/)
    expect(run).not.toContain('Export deck.pdf')

    const out = join(dir, 'out', '2026-11-24-policy')
    const manifest = JSON.parse(await readFile(join(out, 'build.json'), 'utf8')) as { slideCount: number }
    expect(result).toMatch(/deck-share\.html\s+\d+(\.\d)? [KM]?B/)
    expect(result).toMatch(new RegExp(`slides/ ×${manifest.slideCount}\\s+\\d+(\\.\\d)? [KM]?B`))
    expect(result).not.toContain('deck.001.png')
    expect((await readdir(join(out, 'slides'))).length).toBe(manifest.slideCount)
    expect(await readdir(out)).toContain('deck-share.html')
  })

  it('fits all nine options and the agenda in 80×24', async () => {
    app = await renderApp(await makeAppWorkspace(), { initial: setup, size: { columns: 80, rows: 24 } })
    const frame = await app.waitFor('Planned with')
    expect(frame.split('\n').length).toBeLessThanOrEqual(24)
    expect(frame).toContain('Topic Social media policy · Date 2026-11-24')
    for (const label of ['Duration', 'deck.html', 'deck.pdf', 'handout.pdf', 'deck.md', 'Live snapshots', 'deck-share.html', 'slides/*.png', 'deck.pptx', 'Agenda for 45 min', 'Enter builds into']) {
      expect(frame).toContain(label)
    }
    expect(frame).toContain('? help · q quit')
  })
})
