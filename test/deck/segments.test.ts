// The segment registry (src/deck/segments/, review B.10 #2): every segment's
// definition under its own id, its planning flags by name instead of hidden
// rules, and its title in every catalogue. The expected ids, flags and titles
// are written out here, not read from the registry.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { SEGMENT_IDS, type SegmentSpec } from '../../src/agenda/segments.js'
import { languages } from '../../src/deck/lang.js'
import { SEGMENT_DEFINITIONS, SEGMENTS } from '../../src/deck/segments/index.js'

describe('the registry', () => {
  it('holds each segment under its own id, in meeting order', () => {
    for (const id of SEGMENT_IDS) expect(SEGMENT_DEFINITIONS[id].spec.id).toBe(id)
    expect(SEGMENTS.map((s) => s.id)).toEqual(['opening', 'here-and-now', 'loss-of-control', 'key-points', 'case-studies', 'worst-cases', 'exercise', 'discussion', 'roi', 'next-meeting'])
  })

  it('names its rules: the opening and the next meeting are always shown, the discussion takes spare time', () => {
    expect(SEGMENTS.filter((s) => s.alwaysShown).map((s) => s.id)).toEqual(['opening', 'next-meeting'])
    expect(SEGMENTS.filter((s) => s.takesSpareTime).map((s) => s.id)).toEqual(['discussion'])
    expect(SEGMENTS.filter((s) => s.minutesPerSlide !== undefined).map((s) => s.id)).toEqual(['here-and-now'])
  })

  it('has a title and a fill hint for every segment in every catalogue, English’s equal to the specs the app shows', () => {
    const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8'))
    for (const spec of SEGMENTS) {
      expect(en.segments[spec.id], spec.id).toBe(spec.title)
      if (!spec.alwaysShown) expect(en.fill[spec.id], spec.id).toBe(spec.fillHint)
    }
    for (const code of languages()) {
      const words = JSON.parse(readFileSync(new URL(`../../messages/${code}.json`, import.meta.url), 'utf8'))
      expect(Object.keys(words.segments).sort(), code).toEqual([...SEGMENT_IDS].sort())
    }
  })
})

describe('the planner reads the flags, not the segment ids', () => {
  // Three made-up segments: the flags move with the spec, whatever its id.
  const specs: SegmentSpec[] = [
    { id: 'opening', title: 'A', min: 1, max: 2, weight: 1, fillHint: 'fill a' },
    { id: 'key-points', title: 'B', min: 2, max: 4, weight: 1, fillHint: 'fill b', alwaysShown: true },
    { id: 'roi', title: 'C', min: 2, max: 4, weight: 1, fillHint: 'fill c', takesSpareTime: true },
  ]

  it('an always-shown segment with no material keeps its minutes; one that is not becomes a one-minute placeholder', () => {
    const plan = planAgenda({ duration: 30, segments: specs, empty: new Set(['opening', 'key-points']) })
    expect(plan.segments.map((s) => [s.id, s.placeholder])).toEqual([
      ['opening', true],
      ['key-points', false],
      ['roi', false],
    ])
  })

  it('the minutes no segment can take go to the one that takes spare time', () => {
    // Maxima: 2 + 4 + 4 = 10 of 30; the 20 left go to "roi", the spare-time taker.
    const plan = planAgenda({ duration: 30, segments: specs })
    expect(plan.segments.map((s) => [s.id, s.minutes, s.stretched])).toEqual([
      ['opening', 2, false],
      ['key-points', 4, false],
      ['roi', 24, true],
    ])
  })
})
