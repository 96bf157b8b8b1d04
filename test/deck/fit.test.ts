// fitToMinutes (src/deck/fit.ts): a segment's parts kept by importance while
// every slide keeps at least 40 seconds; the rest go to the appendix.
// Expected slides are written out by hand.
import { describe, expect, it } from 'vitest'
import { fitToMinutes, type RankedPart } from '../../src/deck/fit.js'
import type { Slide } from '../../src/deck/slide.js'

const slide = (title: string): Slide => ({ kind: 'bullets', segment: 'roi', title, notes: [] })
const part = (rank: number, ...titles: string[]): RankedPart => ({ rank, slides: titles.map(slide) })
const titles = (slides: readonly Slide[]) => slides.map((s) => s.title)

describe('fitToMinutes', () => {
  // goals (1 slide), first chart, what changed (2 slides), engagement, second chart
  const roi = [part(0, 'goals'), part(1, 'chart A'), part(4, 'chart B'), part(2, 'changed', 'changed (continued)'), part(3, 'engagement')]

  it('keeps everything when the minutes carry it: 6 slides in 4 minutes is 40 s each', () => {
    expect(titles(fitToMinutes(roi, 4).kept)).toEqual(['goals', 'chart A', 'chart B', 'changed', 'changed (continued)', 'engagement'])
    expect(fitToMinutes(roi, 4).moved).toEqual([])
  })

  it('3 minutes carry 4 slides: the second chart and the engagement table move, in their order', () => {
    const fitted = fitToMinutes(roi, 3)
    expect(titles(fitted.kept)).toEqual(['goals', 'chart A', 'changed', 'changed (continued)'])
    expect(fitted.moved.map(titles)).toEqual([['chart B'], ['engagement']])
  })

  it('passes over a part that does not fit for a smaller, less important one that does', () => {
    // 2 minutes carry 3 slides: goals + chart A, then "changed" (2) does not fit, engagement (1) does.
    const fitted = fitToMinutes(roi, 2)
    expect(titles(fitted.kept)).toEqual(['goals', 'chart A', 'engagement'])
    expect(fitted.moved.map(titles)).toEqual([['chart B'], ['changed', 'changed (continued)']])
  })

  it('always keeps the most important part, even when it alone needs more time', () => {
    const fitted = fitToMinutes([part(1, 'x'), part(0, 'a', 'b', 'c')], 1)
    expect(titles(fitted.kept)).toEqual(['a', 'b', 'c'])
    expect(fitted.moved.map(titles)).toEqual([['x']])
  })

  it('breaks equal ranks by order', () => {
    expect(titles(fitToMinutes([part(1, 'first'), part(1, 'second')], 1).kept)).toEqual(['first'])
  })
})
