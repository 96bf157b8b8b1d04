// What runs off a slide in real Chromium: the slide's own overflow, or an
// element outside its box (the rule of test/deck/slide-fit.test.ts, which
// also checks font size and contrast). For the tests that only need the fit.
import type { Page } from 'puppeteer-core'

/** Each slide whose content runs off it, and each element outside its slide, in `html` loaded in `page` (1280×720, print media). */
export async function overflowsIn(page: Page, html: string): Promise<string[]> {
  await page.setContent(html, { waitUntil: 'load' })
  return page.evaluate(() => {
    const problems: string[] = []
    document.querySelectorAll('section').forEach((section, i) => {
      const box = section.getBoundingClientRect()
      if (section.scrollHeight > section.clientHeight + 1) problems.push(`slide ${i + 1}: scrollHeight ${section.scrollHeight} > ${section.clientHeight}`)
      section.querySelectorAll('*').forEach((el) => {
        const r = el.getBoundingClientRect()
        if (r.width === 0 && r.height === 0) return
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problems.push(`slide ${i + 1}: <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 40)}" outside the slide`)
      })
    })
    return problems
  })
}
