// Given the own posts a source read, when the engagement is counted, then the
// median, the 30-day window, the latest post's day and the floor of a full
// page come out as written here by hand.
import { describe, expect, it } from 'vitest'
import { engagementOf, median, postDay, postsInLast30Days } from '../../src/platforms/engagement.js'
import { TEST_NOW } from '../helpers/source-context.js'

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 4])).toBe(4)
    expect(median([7])).toBe(7)
  })
  it('is the mean of the two middle values of an even count', () => {
    expect(median([10, 1, 4, 3])).toBe(3.5)
    expect(median([2, 8])).toBe(5)
  })
  it('is nothing for no values, not 0', () => {
    expect(median([])).toBeUndefined()
  })
})

describe('postsInLast30Days (now 2026-12-01T09:00Z)', () => {
  it('keeps what is after 2026-11-01T09:00Z, up to a day ahead, and drops unreadable dates', () => {
    const posts = [
      { at: '2026-11-01T09:00:00.000Z', interactions: 1 }, // exactly 30 days: out
      { at: '2026-11-01T09:00:01.000Z', interactions: 2 },
      { at: '2026-12-01T09:00:00.000Z', interactions: 3 },
      { at: '2026-12-02T08:00:00.000Z', interactions: 4 }, // a clock a little ahead
      { at: '2026-12-03T09:00:00.000Z', interactions: 5 }, // too far ahead
      { at: 'yesterday', interactions: 6 },
      { at: '2026-10-15T12:00:00.000Z', interactions: 7 },
    ]
    expect(postsInLast30Days(posts, TEST_NOW).map((post) => post.interactions)).toEqual([2, 3, 4])
  })
})

describe('engagementOf', () => {
  it('gives the latest day, the count in the window and the median over the window only, each marked with its source', () => {
    const posts = [
      { at: '2026-11-28T10:00:00.000Z', interactions: 12 },
      { at: '2026-11-20T10:00:00.000Z', interactions: 30 },
      { at: '2026-11-02T23:30:00.000Z', interactions: 4 },
      { at: '2026-10-20T10:00:00.000Z', interactions: 900 },
    ]
    expect(engagementOf(posts, TEST_NOW, { via: 'test-api' })).toEqual({
      lastPostAt: { value: '2026-11-28', source: 'api', via: 'test-api' },
      postsPerMonth: { value: 3, source: 'api', via: 'test-api' },
      interactionsPerPost: { value: 12, source: 'api', via: 'test-api' },
    })
  })

  it('says 0 posts and no median when nothing is recent, and keeps the old latest day', () => {
    const posts = [{ at: '2026-09-01T10:00:00.000Z', interactions: 8 }]
    expect(engagementOf(posts, TEST_NOW, { via: 'v' })).toEqual({
      lastPostAt: { value: '2026-09-01', source: 'api', via: 'v' },
      postsPerMonth: { value: 0, source: 'api', via: 'v' },
    })
  })

  it('gives no latest day for no posts, and never takes one from a post dated far ahead', () => {
    expect(engagementOf([], TEST_NOW, { via: 'v' })).toEqual({ postsPerMonth: { value: 0, source: 'api', via: 'v' } })
    const ahead = [
      { at: '2027-05-01T10:00:00.000Z', interactions: 3 },
      { at: '2026-11-30T10:00:00.000Z', interactions: 5 },
    ]
    expect(engagementOf(ahead, TEST_NOW, { via: 'v' }).lastPostAt?.value).toBe('2026-11-30')
  })

  it('marks the count a floor when the page was full and its oldest post is still recent', () => {
    const posts = [
      { at: '2026-11-30T10:00:00.000Z', interactions: 1 },
      { at: '2026-11-29T10:00:00.000Z', interactions: 2 },
    ]
    expect(engagementOf(posts, TEST_NOW, { via: 'v', full: true }).postsPerMonth).toEqual({ value: 2, source: 'api', via: 'v', approximate: true })
    expect(engagementOf(posts, TEST_NOW, { via: 'v', full: false }).postsPerMonth).toEqual({ value: 2, source: 'api', via: 'v' })
    const reachesBack = [...posts, { at: '2026-10-01T10:00:00.000Z', interactions: 3 }]
    expect(engagementOf(reachesBack, TEST_NOW, { via: 'v', full: true }).postsPerMonth).toEqual({ value: 2, source: 'api', via: 'v' })
  })

  it('writes the day in UTC', () => {
    expect(postDay('2026-11-19T23:30:00-02:00')).toBe('2026-11-20')
  })
})
