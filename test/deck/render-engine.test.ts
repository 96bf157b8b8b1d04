// renderSlides keeps one Marp engine per template set and SVG setting
// (render.ts): a render leaves nothing behind for the next, and the handout's
// setting (no SVG wrapper) never leaks into the deck's or back.
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
