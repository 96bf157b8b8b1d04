// The one model of an account's headline number: which count leads, its word
// on the platform, rounding, hand figures, the change since the last meeting
// and the last good value of an account not read. Every expected value here is
// written out by hand.
import { describe, expect, it } from 'vitest'
import { engagementWords, headlineOf, headlineWords, platformName } from '../../src/snapshot/headline.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { RecordedMetrics, SnapshotResult } from '../../src/snapshot/types.js'

function result(platform: SnapshotResult['platform'], metrics: SnapshotResult['metrics'], status: SnapshotResult['status'] = 'ok'): SnapshotResult {
  return { account: 'acme', platform, label: 'Acme', url: 'https://example.test/acme', status, metrics, capturedAt: '2026-11-24T08:00:00.000Z', durationMs: 1 }
}

function entry(date: string, metrics: RecordedMetrics, status: HistoryEntry['status'] = 'ok', capturedAt = `${date}T08:00:00.000Z`): HistoryEntry {
  return { date, capturedAt, account: 'acme', platform: 'facebook', status, metrics }
}

describe('headlineOf', () => {
  it('leads with followers in the platform’s word, rounded as the platform rounded it, with the change since the newest earlier day', () => {
    const history = [
      entry('2026-11-10', { followers: { value: 23_000, source: 'meta' } }),
      entry('2026-11-17', { followers: { value: 23_900, source: 'meta' } }, 'ok', '2026-11-17T07:00:00.000Z'),
      entry('2026-11-17', { followers: { value: 24_000, source: 'meta' } }, 'ok', '2026-11-17T09:00:00.000Z'),
      // Same day as the headline: not "since the last meeting".
      entry('2026-11-24', { followers: { value: 1, source: 'meta' } }),
    ]
    const h = headlineOf(result('youtube', { followers: { value: 24_100, source: 'page-text', approximate: true }, posts: { value: 310, source: 'api' } }), history, '2026-11-24')
    expect(h).toEqual({ metric: 'followers', value: 24_100, word: 'subscribers', approximate: true, source: 'page-text', change: { delta: 100, since: '2026-11-17' } })
    expect(headlineWords(h)).toBe('24,100 subscribers')
  })

  it('never calls a Facebook page’s likes followers: followers lead when they exist, and likes alone are "Page likes"', () => {
    const both = headlineOf(result('facebook', { followers: { value: 3_100, source: 'api' }, likes: { value: 4_200, source: 'api' } }), [], '2026-11-24')
    expect(both.metric).toBe('followers')
    expect(headlineWords(both)).toBe('3,100 followers')
    const likesOnly = headlineOf(result('facebook', { likes: { value: 4_200, source: 'api' }, posts: { value: 80, source: 'api' } }), [], '2026-11-24')
    expect(likesOnly).toEqual({ metric: 'likes', value: 4_200, word: 'Page likes', approximate: false, source: 'api' })
    expect(headlineWords(likesOnly)).toBe('4,200 Page likes')
  })

  it('falls back to posts ("videos" on YouTube), then to the last post’s day, then to nothing', () => {
    expect(headlineWords(headlineOf(result('youtube', { posts: { value: 310, source: 'api' } }), [], '2026-11-24'))).toBe('310 videos')
    expect(headlineWords(headlineOf(result('mastodon', { posts: { value: 1, source: 'api' } }), [], '2026-11-24'))).toBe('1 post')
    expect(headlineWords(headlineOf(result('youtube', { followers: { value: 1, source: 'api' } }), [], '2026-11-24'))).toBe('1 subscriber')
    expect(headlineWords(headlineOf(result('facebook', { likes: { value: 1, source: 'api' } }), [], '2026-11-24'))).toBe('1 Page like')
    const blog = headlineOf(result('blog', { lastPostAt: { value: '2026-11-17T10:00:00.000Z', source: 'feed' }, postsPerMonth: { value: 2, source: 'feed' } }), [], '2026-11-24')
    expect(blog).toEqual({ metric: 'lastPostAt', lastPostOn: '2026-11-17', word: 'last post', approximate: false, source: 'feed' })
    expect(headlineWords(blog)).toBe('last post 2026-11-17')
    expect(headlineOf(result('website', {}), [], '2026-11-24')).toEqual({ metric: 'none', word: '', approximate: false })
  })

  it('gives an account not read no number of its own, only its last good count with its date, at or before the day', () => {
    const history = [
      entry('2026-11-10', { followers: { value: 5_000, source: 'api' } }),
      entry('2026-11-17', { followers: { value: 9_999, source: 'meta' } }, 'blocked'),
      entry('2026-11-30', { followers: { value: 6_000, source: 'api' } }),
    ]
    // The wall's own numbers are ignored even if a result carried them.
    const h = headlineOf(result('x', { followers: { value: 12_345, source: 'meta' } }, 'blocked'), history, '2026-11-24')
    expect(h).toEqual({ metric: 'none', word: '', approximate: false, lastGood: { metric: 'followers', value: 5_000, date: '2026-11-10', word: 'followers' } })
    const postsOnly = [entry('2026-11-10', { posts: { value: 42, source: 'api' } })]
    expect(headlineOf(result('youtube', {}, 'timeout'), postsOnly, '2026-11-24').lastGood).toEqual({ metric: 'posts', value: 42, date: '2026-11-10', word: 'videos' })
    expect(headlineOf(result('youtube', {}, 'timeout'), [], '2026-11-24')).toEqual({ metric: 'none', word: '', approximate: false })
  })

  it('marks a figure entered by hand with its day and note, and compares it with what came before that day', () => {
    const history = [entry('2026-11-10', { followers: { value: 1_200, source: 'meta' } }), entry('2026-11-18', { followers: { value: 1_400, source: 'manual', note: 'from analytics' } })]
    // A history line, as the overview reads it: its own date is the day.
    const h = headlineOf(history[1]!, history)
    expect(h).toEqual({ metric: 'followers', value: 1_400, word: 'followers', approximate: false, source: 'manual', byHand: { date: '2026-11-18', note: 'from analytics' }, change: { delta: 200, since: '2026-11-10' } })
    // A result with the hand figure filled in for a meeting a week later: still compared with before 18 Nov.
    const filled = { ...result('linkedin', {}), metrics: { followers: { value: 1_400, source: 'manual' as const, enteredOn: '2026-11-18' } } }
    expect(headlineOf(filled, history, '2026-11-25')).toMatchObject({ byHand: { date: '2026-11-18' }, change: { delta: 200, since: '2026-11-10' } })
  })

  it('names platforms, and a platform it does not know by its id', () => {
    expect(platformName('youtube')).toBe('YouTube')
    expect(platformName('pinterest')).toBe('pinterest')
    expect(headlineWords(headlineOf({ account: 'acme', platform: 'pinterest', status: 'ok', metrics: { followers: { value: 7, source: 'api' } } }, [], '2026-11-24'))).toBe('7 followers')
  })
})

describe('engagementWords', () => {
  it('says the posts of the last 30 days and the median interactions per post, grammatical for one', () => {
    expect(engagementWords({ postsPerMonth: { value: 3, source: 'api' }, interactionsPerPost: { value: 14, source: 'api' } })).toBe('3 posts in 30 days · median 14 interactions per post')
    expect(engagementWords({ postsPerMonth: { value: 1, source: 'api' }, interactionsPerPost: { value: 1, source: 'api' } })).toBe('1 post in 30 days · median 1 interaction per post')
    expect(engagementWords({ postsPerMonth: { value: 1, source: 'feed' } })).toBe('1 post in the last 30 days')
    expect(engagementWords({ interactionsPerPost: { value: 1_250, source: 'api' } })).toBe('median 1,250 interactions per post (last 30 days)')
    expect(engagementWords({ followers: { value: 5, source: 'api' } })).toBeUndefined()
  })
})
