// deck-share.html and the slide images of one real build (buildDeck in-process,
// real Chromium): the share copy carries every slide and none of the notes,
// budgets or presenter view that deck.html carries, and works when opened from
// 127.0.0.1; the PNGs are one per slide, 1280×720, named deck.001.png ….
// A workspace topic gives every key point a talk track no slide shows.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck, type BuildManifest } from '../../src/build/build.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { readPngSize } from '../helpers/demo-workspace.js'
import { serveFolder, type StaticServer } from '../helpers/serve.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'

/** Words that appear only in the key points' notes: the test looks for them. */
const NOTE_WORDS = ['Quokkaquiet', 'Marmosetmurmur', 'Axolotlaside', 'Pangolinpause', 'Narwhalnudge', 'Okapiopinion']

interface KeyPoint {
  title: string
  notes?: string
}

let out: string
let manifest: BuildManifest
let titles: string[]

beforeAll(async () => {
  const policy = parse(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')) as { keyPoints: KeyPoint[] }
  policy.keyPoints = policy.keyPoints.map((point, i) => ({ ...point, notes: `${NOTE_WORDS[i % NOTE_WORDS.length]} is what I say here, and only here.` }))
  titles = policy.keyPoints.map((point) => point.title)
  const dir = await makeWorkspace({ 'topics/policy.yaml': stringify(policy) })
  manifest = await buildDeck(await loadWorkspace(dir), { topic: 'policy', date: '2026-11-24', duration: 45, snapshots: false, formats: ['html', 'share', 'png'] })
  out = manifest.outDir
})

describe('deck-share.html', () => {
  it('has every slide title and none of the notes, budgets or presenter view that deck.html has', async () => {
    const deck = await readFile(join(out, 'deck.html'), 'utf8')
    const share = await readFile(join(out, 'deck-share.html'), 'utf8')
    // deck.html has them: the words below are really in this deck's notes.
    for (const word of NOTE_WORDS.slice(0, titles.length)) expect(deck).toContain(word)
    expect(deck).toMatch(/Budget \d+:\d\d for this slide/)
    expect(deck).toContain('openPresenter')

    for (const word of NOTE_WORDS) expect(share).not.toContain(word)
    expect(share).not.toContain('Budget')
    expect(share).not.toContain('for this slide')
    expect(share).not.toMatch(/presenter/i)
    expect(share).not.toContain('showtell-data')
    expect(share).not.toContain('<!--')
    for (const title of ['Social media policy', ...titles]) expect(share).toContain(title)
    expect(share.match(/<svg data-marpit-svg/g)).toHaveLength(manifest.slideCount)
  })

  describe('opened in Chromium from 127.0.0.1', () => {
    const browser = testBrowser()
    let server: StaticServer
    beforeAll(async () => {
      server = await serveFolder(out)
    })
    afterAll(async () => {
      await server.close()
      await browser.close()
    })

    it('shows one slide at a time and moves with the keys, without a script error', async () => {
      await browser.withPage(async (page) => {
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(String(error)))
        await page.setViewport({ width: 1280, height: 720 })
        await page.goto(`${server.url}/deck-share.html`, { waitUntil: 'load' })
        const shown = () =>
          page.evaluate(() => {
            const visible = Array.from(document.querySelectorAll('#deck > .marpit > svg')).filter((svg) => svg.getBoundingClientRect().height > 0)
            return { count: visible.length, text: visible[0]?.textContent ?? '', counter: document.getElementById('counter')?.textContent }
          })
        const first = await shown()
        expect(first.count).toBe(1)
        expect(first.text).toContain('Social media policy')
        expect(first.counter).toBe(`1 / ${manifest.slideCount}`)
        await page.keyboard.press('End')
        const last = await shown()
        expect(last.counter).toBe(`${manifest.slideCount} / ${manifest.slideCount}`)
        expect(page.url()).toMatch(new RegExp(`#${manifest.slideCount}$`))
        await page.keyboard.press('ArrowLeft')
        expect((await shown()).counter).toBe(`${manifest.slideCount - 1} / ${manifest.slideCount}`)
        // Every key point's title is on a slide that the keys reach.
        await page.keyboard.press('Home')
        const seen: string[] = []
        for (let i = 0; i < manifest.slideCount; i++) {
          seen.push((await shown()).text)
          await page.keyboard.press('ArrowRight')
        }
        for (const title of titles) expect(seen.some((text) => text.includes(title)), title).toBe(true)
        expect(errors).toEqual([])
      })
    })
  })
})

describe('deck-share.html in Norwegian', () => {
  it('says its keys in the deck\'s language, and has no presenter key', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': `${MINIMAL_CONFIG}  language: nb\n` })
    const built = await buildDeck(await loadWorkspace(dir), { topic: 'policy', date: '2026-11-24', duration: 45, snapshots: false, formats: ['share'] })
    const share = await readFile(join(built.outDir, 'deck-share.html'), 'utf8')
    expect(share).toContain('<html lang="nb">')
    expect(share).toContain('← → Mellomrom PgUp PgDn Home End: bla · F: fullskjerm')
    expect(share).not.toContain('foredragsholder')
    expect(share).not.toContain('full screen')
  })
})

describe('deck-share.html with hostile workspace text', () => {
  const browser = testBrowser()
  afterAll(async () => {
    await browser.close()
  })

  it('shows the text as text: no markup or script from a company name, a title or a note gets through', async () => {
    const company = 'Evil</title><script>window.pwned = 1</script>'
    const title = '<img src=x onerror="window.pwned = 2"> & </main><script>window.pwned = 3</script>'
    const policy = parse(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')) as { keyPoints: KeyPoint[] }
    policy.keyPoints[0] = { ...policy.keyPoints[0]!, title, notes: '--> <script>window.pwned = 4</script> Quokkaquiet' }
    const config = MINIMAL_CONFIG.replace('  name: Testco', `  name: ${JSON.stringify(company)}`)
    const dir = await makeWorkspace({ 'showtell.yaml': config, 'topics/policy.yaml': stringify(policy) })
    const built = await buildDeck(await loadWorkspace(dir), { topic: 'policy', date: '2026-11-24', duration: 45, snapshots: false, formats: ['share'], browserManager: browser })
    const share = await readFile(join(built.outDir, 'deck-share.html'), 'utf8')
    expect(share).not.toContain('Quokkaquiet')
    expect(share).not.toContain('<script>window.pwned')
    const server = await serveFolder(built.outDir)
    try {
      await browser.withPage(async (page) => {
        await page.goto(`${server.url}/deck-share.html`, { waitUntil: 'load' })
        expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
        expect(await page.title()).toBe(`${company}: Social media policy`)
        const texts = await page.evaluate(() => Array.from(document.querySelectorAll('#deck section'), (section) => section.textContent ?? ''))
        expect(texts.some((text) => text.includes(title))).toBe(true)
        expect(await page.evaluate(() => document.querySelectorAll('#deck img[src="x"]').length)).toBe(0)
      })
    } finally {
      await server.close()
    }
  })
})

describe('slide images', () => {
  it('are one 1280×720 PNG per slide, deck.001.png … in slides/, listed in build.json', async () => {
    const names = (await readdir(join(out, 'slides'))).sort()
    const expected = Array.from({ length: manifest.slideCount }, (_, i) => `deck.${String(i + 1).padStart(3, '0')}.png`)
    expect(names).toEqual(expected)
    for (const name of names) expect(await readPngSize(join(out, 'slides', name))).toEqual({ width: 1280, height: 720 })
    const onDisk = JSON.parse(await readFile(join(out, 'build.json'), 'utf8')) as BuildManifest
    const listed = onDisk.files.filter((file) => file.name.startsWith('slides/'))
    expect(listed.map((file) => file.name)).toEqual(expected.map((name) => `slides/${name}`))
    for (const file of listed) expect(file.bytes).toBe((await readFile(join(out, file.name))).byteLength)
    expect(onDisk.files.map((file) => file.name)).toContain('deck-share.html')
  })

  it('differ from slide to slide (each shows its own slide)', async () => {
    const first = await readFile(join(out, 'slides', 'deck.001.png'))
    const second = await readFile(join(out, 'slides', 'deck.002.png'))
    expect(first.equals(second)).toBe(false)
  })
})
