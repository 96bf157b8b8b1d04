// Owns the slide images: one 1280×720 PNG per slide (`slides/deck.001.png`
// …), like marp-cli's `--images`, for chat and email. They are taken in the
// build's one browser, on a page of their own, from the same rendered slides
// as deck.html (pictures inlined), so they look exactly like the deck.
import type { BrowserManager } from '../browser/manager.js'
import { IMAGES_DIR } from '../build/formats.js'
import { RuntimeError } from '../errors.js'
import { waitForAssets } from './export.js'
import type { RenderedSlides } from './render.js'

export interface SlideImage {
  /** Relative to the build folder: `slides/deck.001.png`. */
  readonly name: string
  readonly png: Uint8Array
}

/** `slides/deck.007.png`: three digits, more when the deck has more than 999 slides, so the names sort. */
export function imageName(index: number, count: number): string {
  const digits = Math.max(3, String(count).length)
  return `${IMAGES_DIR}/deck.${String(index + 1).padStart(digits, '0')}.png`
}

/**
 * Shows the slides one at a time in a 1280×720 viewport and takes each one's
 * screenshot. Marp's inline SVG scales each slide to the viewport, which is
 * exactly the slide's size, so a pixel of the PNG is a pixel of the slide.
 */
export async function renderSlideImages(browser: BrowserManager, rendered: Pick<RenderedSlides, 'html' | 'css' | 'slideCount'>, options: { readonly loadTimeoutMs?: number } = {}): Promise<SlideImage[]> {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<style>${rendered.css}</style>
<style>
html, body { margin: 0; width: 1280px; height: 720px; overflow: hidden; background: #fff; }
.marpit > svg { display: none; position: absolute; left: 0; top: 0; width: 1280px; height: 720px; }
.marpit > svg.shot { display: block; }
</style></head><body>${rendered.html}</body></html>`
  return browser.withPage(async (tab) => {
    await tab.setViewport({ width: 1280, height: 720, deviceScaleFactor: 1 })
    await tab.setContent(page, { waitUntil: 'load', timeout: options.loadTimeoutMs ?? 30_000 })
    await waitForAssets(tab)
    const count = await tab.evaluate(() => document.querySelectorAll('.marpit > svg').length)
    if (count !== rendered.slideCount) {
      throw new RuntimeError(`slide images: the page shows ${count} slides for ${rendered.slideCount} rendered ones`, { hint: 'a custom template must not add or remove `---` slide breaks' })
    }
    const images: SlideImage[] = []
    for (let i = 0; i < count; i++) {
      await tab.evaluate((n) => {
        document.querySelectorAll('.marpit > svg').forEach((svg, j) => svg.classList.toggle('shot', j === n))
      }, i)
      images.push({ name: imageName(i, count), png: await browser.screenshot(tab) })
    }
    return images
  })
}
