// renderSlides keeps one Marp engine per template set and SVG setting
// (render.ts): a render leaves nothing behind for the next, and the handout's
// setting (no SVG wrapper) never leaks into the deck's or back.
import { Marp } from '@marp-team/marp-core'
import { describe, expect, it } from 'vitest'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates } from '../../src/deck/templates.js'

const deck = (titles: string[], theme = 'showtell') => `---\nmarp: true\ntheme: ${theme}\n---\n\n${titles.map((t) => `# ${t}\n\n<!-- note of ${t} -->`).join('\n\n---\n\n')}`

describe('one engine, many renders', () => {
  it('renders the same document the same way before and after another one', async () => {
    const set = await loadTemplates()
    const first = renderSlides(deck(['Alpha', 'Beta']), set)
    const other = renderSlides(deck(['Gamma', 'Delta', 'Epsilon', '<!-- _class: lead -->Zeta']), set)
    const again = renderSlides(deck(['Alpha', 'Beta']), set)
    expect(again).toEqual(first)
    expect(first.slideCount).toBe(2)
    expect(other.slideCount).toBe(4)
    expect(again.notes).toEqual(['note of Alpha', 'note of Beta'])
    expect(again.html).not.toContain('Gamma')
  })

  it('keeps the SVG setting apart: the handout has no <svg> wrapper, the deck has one, in any order', async () => {
    const set = await loadTemplates()
    const svg = (html: string) => (html.match(/<svg[^>]*data-marpit-svg/g) ?? []).length
    expect(svg(renderSlides(deck(['A', 'B']), set).html)).toBe(2)
    expect(svg(renderSlides(deck(['A', 'B']), set, { inlineSVG: false }).html)).toBe(0)
    expect(svg(renderSlides(deck(['A', 'B']), set).html)).toBe(2)
  })
})

// The packed CSS is kept per input (render.ts, StyleCachingMarp): a document
// with its own <style>, another theme or another size must never get the CSS
// of an earlier render, and a cached answer must be the one marp-core makes.
describe('the CSS made once per input', () => {
  const plain = (md: string, set: Awaited<ReturnType<typeof loadTemplates>>) => {
    const marp = new Marp({ html: false, math: false, emoji: { shortcode: false, unicode: false }, minifyCSS: true, script: { source: 'inline' }, inlineSVG: true })
    for (const { css } of set.themes.values()) marp.themeSet.add(css)
    return marp.render(md).css
  }

  it('gives a document with its own <style> its own CSS, and the plain one its CSS again after it', async () => {
    const set = await loadTemplates()
    const before = renderSlides(deck(['A']), set).css
    const styled = renderSlides(`${deck(['A'])}\n\n<style>\nsection { outline: 7px dotted rgb(1, 2, 3); }\n</style>\n`, set).css
    const after = renderSlides(deck(['A']), set).css
    expect(styled).toContain('7px dotted')
    expect(before).not.toContain('7px dotted')
    expect(after).toBe(before)
  })

  it('keeps themes and sizes apart, each the CSS marp-core itself makes', async () => {
    const set = await loadTemplates()
    const docs = [deck(['A']), deck(['A'], 'default'), `---\nmarp: true\ntheme: default\nsize: 4:3\n---\n\n# A`, deck(['A'], 'gaia'), deck(['A'])]
    // Twice round, so the second round's answers come from the cache.
    for (let round = 0; round < 2; round++) {
      for (const md of docs) expect(renderSlides(md, set).css).toBe(plain(md, set))
    }
    // The size directive changes the CSS: a cache keyed on the theme alone would give both the same.
    expect(renderSlides(docs[2]!, set).css).not.toBe(renderSlides(docs[1]!, set).css)
  })
})
