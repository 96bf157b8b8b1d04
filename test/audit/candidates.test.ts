// Candidate handles for the account audit: folding, separators, affixes,
// per-platform validity and the bound. Expected values are written by hand.
import { describe, expect, it } from 'vitest'
import { foldWords, generateCandidates, handleStems, isValidHandle } from '../../src/audit/candidates.js'

describe('foldWords', () => {
  it('folds case and diacritics, Norwegian letters included, in two spellings', () => {
    expect(foldWords('Nordlys Øst Fjellkåre & Blæst AS')).toEqual(['nordlys', 'ost', 'fjellkare', 'blaest', 'as'])
    expect(foldWords('Nordlys Øst Fjellkåre & Blæst AS', 'long')).toEqual(['nordlys', 'oest', 'fjellkaare', 'blaest', 'as'])
    expect(foldWords('Crème Brûlée Café')).toEqual(['creme', 'brulee', 'cafe'])
    expect(foldWords('  --  ')).toEqual([])
  })
})

describe('handleStems', () => {
  it('puts the joined name first, then separators, then affixes, without duplicates', () => {
    const stems = handleStems(['Nordlys Outdoor'])
    expect(stems.slice(0, 4)).toEqual(['nordlysoutdoor', 'nordlys_outdoor', 'nordlys-outdoor', 'nordlys.outdoor'])
    expect(stems).toContain('nordlysoutdoor_official')
    expect(stems).toContain('nordlysoutdoor-careers')
    expect(stems).toContain('the.nordlysoutdoor')
    expect(stems).toContain('realnordlysoutdoor')
    expect(new Set(stems).size).toBe(stems.length)
  })

  it('drops legal forms as a variant and folds ø both ways', () => {
    const stems = handleStems(['Fjørd AS'])
    expect(stems).toContain('fjordas')
    expect(stems).toContain('fjord')
    expect(stems).toContain('fjoerd')
    expect(stems).toContain('fjord_support')
  })
})

describe('isValidHandle', () => {
  it('applies each platform’s characters and lengths', () => {
    expect(isValidHandle('x', 'nordlys_outdoor')).toBe(true)
    expect(isValidHandle('x', 'nordlys.outdoor')).toBe(false)
    expect(isValidHandle('x', 'nordlysoutdoor_official')).toBe(false) // 23 > 15
    expect(isValidHandle('x', 'abc')).toBe(false) // < 4
    expect(isValidHandle('instagram', 'nordlys.outdoor')).toBe(true)
    expect(isValidHandle('instagram', 'nordlys..outdoor')).toBe(false)
    expect(isValidHandle('instagram', 'nordlys-outdoor')).toBe(false)
    expect(isValidHandle('linkedin', 'nordlys-outdoor')).toBe(true)
    expect(isValidHandle('linkedin', 'nordlys_outdoor')).toBe(false)
    expect(isValidHandle('facebook', 'nordlys.outdoor')).toBe(true)
    expect(isValidHandle('facebook', 'nord')).toBe(false) // < 5
    expect(isValidHandle('bluesky', 'nordlys-outdoor')).toBe(true)
    expect(isValidHandle('bluesky', '-nordlys')).toBe(false)
    expect(isValidHandle('website', 'nordlys')).toBe(false) // no handle rule
  })
})

describe('generateCandidates', () => {
  it('writes handles as each platform does, on the configured Mastodon servers', () => {
    const set = generateCandidates('Nordlys Outdoor', ['Nordlys'], { platforms: ['bluesky', 'mastodon', 'x'], mastodonInstances: ['mastodon.social', 'snabelen.no'] })
    const handles = set.candidates.map((c) => `${c.platform}:${c.handle}`)
    expect(handles).toContain('bluesky:nordlysoutdoor.bsky.social')
    expect(handles).toContain('mastodon:nordlys@mastodon.social')
    expect(handles).toContain('mastodon:nordlys@snabelen.no')
    expect(handles).toContain('x:nordlys_outdoor')
    expect(handles).toContain('x:nordlys_hq')
    expect(handles).not.toContain('x:nordlys.outdoor')
    expect(new Set(handles).size).toBe(handles.length)
  })

  it('is bounded per platform and says how many it made and dropped', () => {
    const unbounded = generateCandidates('Nordlys Outdoor', ['Nordlys', 'NordlysOutdoor'], { platforms: ['instagram'], perPlatform: 1000 })
    const bounded = generateCandidates('Nordlys Outdoor', ['Nordlys', 'NordlysOutdoor'], { platforms: ['instagram'], perPlatform: 10 })
    expect(bounded.candidates).toHaveLength(10)
    expect(bounded.dropped).toBe(unbounded.candidates.length - 10)
    expect(bounded.generated).toBe(unbounded.generated)
    // The most likely handles survive the bound.
    expect(bounded.candidates[0]).toEqual({ platform: 'instagram', handle: 'nordlysoutdoor' })
    expect(bounded.candidates.map((c) => c.handle)).toContain('nordlys')
  })

  it('gives the same set whatever the order of the aliases, when the bound does not cut it', () => {
    // (With the bound, order is priority: which handles survive it depends on it by design.)
    const key = (c: { platform: string; handle: string }) => `${c.platform}:${c.handle}`
    const forward = generateCandidates('Acme Corp', ['Acme', 'Acme Labs', 'ACME Group'], { perPlatform: 10_000 })
    const backward = generateCandidates('Acme Corp', ['ACME Group', 'Acme Labs', 'Acme'], { perPlatform: 10_000 })
    expect([forward.dropped, backward.dropped]).toEqual([0, 0])
    expect(backward.candidates.map(key).sort()).toEqual(forward.candidates.map(key).sort())
    expect(backward.generated).toBe(forward.generated)
    expect(forward.candidates.map(key)).toContain('instagram:acmelabs')
  })
})
