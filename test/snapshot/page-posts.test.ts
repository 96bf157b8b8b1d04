// When the account last posted, read from its profile page: only from posts
// the page says are the account's own (issue 11). The real-page corpus
// (real-pages.test.ts) runs the same code on whole captured pages; these pin
// each rule on its own.
import { describe, expect, it } from 'vitest'
import { classifyPage } from '../../src/snapshot/classify.js'
import { pageMetrics } from '../../src/snapshot/page-facts.js'
import { latestOwnPostTime, parseInstagramProfileState } from '../../src/snapshot/page-posts.js'

/** An X status id (snowflake) made at `iso`. */
const statusId = (iso: string): string => ((BigInt(Date.parse(iso)) - 1_288_834_974_657n) << 22n).toString()

describe('latestOwnPostTime on X', () => {
  const own = (iso: string) => ({ at: iso, link: `/nordlysoutdoor/status/${statusId(iso)}` })

  it('takes the newest of the account’s own posts, whatever their order (a pinned post comes first)', () => {
    const times = [own('2024-03-01T09:00:00.000Z'), own('2026-11-20T08:15:00.000Z'), own('2026-11-25T12:00:00.000Z'), own('2025-02-01T10:00:00.000Z')]
    expect(latestOwnPostTime(times, 'x', 'nordlysoutdoor')).toBe('2026-11-25T12:00:00.000Z')
  })

  it('skips reposts and other accounts’ posts (their time links to their author)', () => {
    const repost = { at: '2026-11-27T18:30:00.000Z', link: `/fjellkraft/status/${statusId('2026-11-27T18:30:00.000Z')}` }
    expect(latestOwnPostTime([own('2026-11-20T08:15:00.000Z'), repost], 'x', 'nordlysoutdoor')).toBe('2026-11-20T08:15:00.000Z')
    expect(latestOwnPostTime([repost], 'x', 'nordlysoutdoor')).toBeUndefined()
  })

  it('matches the handle whole and case-insensitively, on X’s hosts only', () => {
    const at = '2026-11-20T08:15:00.000Z'
    const id = statusId(at)
    expect(latestOwnPostTime([{ at, link: `https://twitter.com/NordlysOutdoor/status/${id}` }], 'x', 'nordlysoutdoor')).toBe(at)
    expect(latestOwnPostTime([{ at, link: `/nordlysoutdoor_shop/status/${id}` }], 'x', 'nordlysoutdoor')).toBeUndefined()
    expect(latestOwnPostTime([{ at, link: `https://evil.example/nordlysoutdoor/status/${id}` }], 'x', 'nordlysoutdoor')).toBeUndefined()
    // A link to the profile or to its photos is not a post.
    expect(latestOwnPostTime([{ at, link: '/nordlysoutdoor' }, { at, link: `/nordlysoutdoor/status/${id}/photo/1` }], 'x', 'nordlysoutdoor')).toBeUndefined()
  })

  it('refuses a time that disagrees with the creation time in the status id', () => {
    const id = statusId('2026-11-20T08:15:00.000Z')
    expect(latestOwnPostTime([{ at: '2026-11-28T08:15:00.000Z', link: `/nordlysoutdoor/status/${id}` }], 'x', 'nordlysoutdoor')).toBeUndefined()
  })

  it('says nothing without a handle, on a platform without a rule, or for an unreadable time', () => {
    expect(latestOwnPostTime([own('2026-11-20T08:15:00.000Z')], 'x', undefined)).toBeUndefined()
    expect(latestOwnPostTime([own('2026-11-20T08:15:00.000Z')], 'linkedin', 'nordlysoutdoor')).toBeUndefined()
    expect(latestOwnPostTime([{ at: 'yesterday', link: `/nordlysoutdoor/status/${statusId('2026-11-20T08:15:00.000Z')}` }], 'x', 'nordlysoutdoor')).toBeUndefined()
  })
})

describe('latestOwnPostTime on Facebook', () => {
  it('takes the page’s own posts, not visitors’ posts', () => {
    const times = [
      { at: '2026-11-22T10:12:00.000Z', link: '/fjordvikseafood/posts/10155892671132033' },
      { at: '2026-11-23T17:00:00.000Z', link: '/kari.nordmann/posts/2231' },
      { at: '2026-11-24T17:00:00.000Z', link: '/fjordvikseafood/photos/a.1/2/' },
    ]
    expect(latestOwnPostTime(times, 'facebook', 'fjordvikseafood')).toBe('2026-11-22T10:12:00.000Z')
  })
})

describe('parseInstagramProfileState', () => {
  const node = (owner: string, iso: string) => ({ node: { owner: { id: owner === 'nordlysoutdoor' ? '36409' : '555', username: owner }, taken_at_timestamp: Date.parse(iso) / 1000 } })
  const state = (username: string, edges: unknown[]) => ({
    config: { viewer: { username: 'someviewer', id: '1' } },
    entry_data: { ProfilePage: [{ graphql: { user: { id: '36409', username, edge_followed_by: { count: 88_712 }, edge_follow: { count: 190 }, edge_owner_to_timeline_media: { count: 1_407, edges } } } }] },
  })
  const exact = (value: number) => ({ value, approximate: false })

  it('reads the exact counts and the newest of the account’s own media', () => {
    const edges = [node('fjellkraft', '2026-11-28T16:00:00Z'), node('nordlysoutdoor', '2026-11-24T07:30:00Z'), node('nordlysoutdoor', '2026-11-19T12:00:00Z')]
    expect(parseInstagramProfileState(state('nordlysoutdoor', edges), 'NordlysOutdoor')).toEqual({
      counts: { followers: exact(88_712), following: exact(190), posts: exact(1_407) },
      lastPostAt: '2026-11-24T07:30:00.000Z',
    })
  })

  it('reads nothing when the state’s profile is another account, or without a handle', () => {
    const edges = [node('nordlysoutdoor', '2026-11-24T07:30:00Z')]
    expect(parseInstagramProfileState(state('fjellkraft', edges), 'nordlysoutdoor')).toEqual({ counts: {} })
    expect(parseInstagramProfileState(state('nordlysoutdoor', edges), undefined)).toEqual({ counts: {} })
    expect(parseInstagramProfileState({ config: { viewer: { username: 'nordlysoutdoor' } } }, 'nordlysoutdoor')).toEqual({ counts: {} })
  })

  it('leaves the date out when no media is dated', () => {
    expect(parseInstagramProfileState(state('nordlysoutdoor', []), 'nordlysoutdoor')).toEqual({
      counts: { followers: exact(88_712), following: exact(190), posts: exact(1_407) },
    })
  })
})

describe('pageMetrics', () => {
  const page = { title: 'Nordlys Outdoor', meta: {}, jsonLd: [], embedded: {}, bodyText: '' }

  it('reads Instagram’s state on Instagram accounts only (any page can define a global of that name)', () => {
    const state = JSON.stringify({ entry_data: { ProfilePage: [{ graphql: { user: { username: 'nordlysoutdoor', edge_followed_by: { count: 88_712 } } } }] } })
    const withState = { ...page, embedded: { _sharedData: state } }
    expect(pageMetrics(withState, { platform: 'instagram', handle: 'nordlysoutdoor' })).toEqual({ followers: { value: 88_712, source: 'embedded-json', via: 'page' } })
    expect(pageMetrics(withState, { platform: 'website', handle: 'nordlysoutdoor' })).toEqual({})
  })

  it('dates the last post from the account’s own X posts, as page text', () => {
    const at = '2026-11-25T12:00:00.000Z'
    const withTimes = { ...page, postTimes: [{ at, link: `/nordlysoutdoor/status/${statusId(at)}` }] }
    expect(pageMetrics(withTimes, { platform: 'x', handle: 'nordlysoutdoor' })).toEqual({ lastPostAt: { value: at, source: 'page-text', via: 'page' } })
    expect(pageMetrics(withTimes, { platform: 'x', handle: 'fjellkraft' })).toEqual({})
  })

  it('keeps a Facebook page’s likes as likes, and reads likes on Facebook only', () => {
    const facebook = { ...page, meta: { 'og:description': 'Nordlys Outdoor. 42,217 likes · 969 talking about this.' } }
    expect(pageMetrics(facebook, { platform: 'facebook', handle: 'nordlysoutdoor' })).toEqual({ likes: { value: 42_217, source: 'meta', via: 'page' } })
    // An embedded Facebook box on a website: those likes are that page's.
    expect(pageMetrics(facebook, { platform: 'website' })).toEqual({})
  })

  it('reads X’s logged-out JSON-LD for the account asked for, and not for another', () => {
    const jsonLd = JSON.stringify({
      '@context': 'http://schema.org',
      '@type': 'ProfilePage',
      mainEntity: {
        '@type': 'Person',
        additionalName: 'nordlysoutdoor',
        interactionStatistic: [
          { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', name: 'Follows', userInteractionCount: 5_120 },
          { '@type': 'InteractionCounter', interactionType: 'https://schema.org/SubscribeAction', name: 'Friends', userInteractionCount: 312 },
          { '@type': 'InteractionCounter', interactionType: 'https://schema.org/WriteAction', name: 'Tweets', userInteractionCount: 1_834 },
        ],
      },
    })
    const profile = { ...page, jsonLd: [jsonLd] }
    expect(pageMetrics(profile, { platform: 'x', handle: 'nordlysoutdoor' })).toEqual({
      followers: { value: 5_120, source: 'embedded-json', via: 'page' },
      following: { value: 312, source: 'embedded-json', via: 'page' },
      posts: { value: 1_834, source: 'embedded-json', via: 'page' },
    })
    expect(pageMetrics(profile, { platform: 'x', handle: 'fjellkraft' })).toEqual({})
  })
})

describe('classifyPage and YouTube’s alerts', () => {
  const facts = (markup: string) => ({ requestedUrl: 'https://www.youtube.com/@nordlys', finalUrl: 'https://www.youtube.com/@nordlys', httpStatus: 200, title: 'YouTube', bodyText: '', headers: {}, markup })
  const alerts = (type: string, text: string) => `<html></html>\n<!-- ytInitialData alerts ${JSON.stringify([{ alertRenderer: { type, text: { simpleText: text } } }])} -->`

  it('a missing or terminated channel stated in an ERROR alert is not found, though it answered 200', () => {
    expect(classifyPage(facts(alerts('ERROR', 'This channel does not exist.'))).status).toBe('not-found')
    expect(classifyPage(facts(alerts('ERROR', "This account has been terminated for a violation of YouTube's Terms of Service."))).status).toBe('not-found')
  })

  it('other alerts leave the page as it is', () => {
    expect(classifyPage(facts(alerts('INFO', 'This channel does not exist.'))).status).toBe('ok')
    expect(classifyPage(facts(alerts('ERROR', 'Something went wrong. Try again later.'))).status).toBe('ok')
    expect(classifyPage(facts('<!-- ytInitialData alerts [not json] -->')).status).toBe('ok')
  })
})
