// Unit tests for metric extraction: count strings as platforms print them
// (separators, K/M/B, Norwegian), meta descriptions, JSON-LD, TikTok's
// embedded state, and which source wins when several answer.
import { describe, expect, it } from 'vitest'
import {
  mergeMetrics,
  parseCount,
  parseJsonLdCounts,
  parseMetaCounts,
  parseTikTokUniversalData,
  parseYouTubeInitialData,
  type Metrics,
  type ParsedCounts,
} from '../../src/snapshot/metrics.js'

const exact = (value: number) => ({ value, approximate: false })
const approx = (value: number) => ({ value, approximate: true })

describe('parseCount', () => {
  /** [text as a platform prints it, value, approximate] */
  const CASES: readonly (readonly [string, number, boolean])[] = [
    ['12,345', 12_345, false],
    ['1,234,567', 1_234_567, false],
    ['1 234', 1_234, false],
    ['12\u00a0345', 12_345, false], // no-break space (nb-NO)
    ['1\u202f234\u202f567', 1_234_567, false], // narrow no-break space (newer CLDR)
    ['12.345', 12_345, false], // European grouping: one dot, three digits, no suffix
    ['1.234.567', 1_234_567, false],
    ["12'345", 12_345, false], // Swiss
    ['12,34,567', 1_234_567, false], // Indian lakh grouping
    ['1,234.6', 1_235, false], // a count is whole: fractions round
    ['1.234,4', 1_234, false],
    ['88.7K', 88_700, true],
    ['88.7k', 88_700, true],
    ['1.2M', 1_200_000, true],
    ['307M', 307_000_000, true],
    ['1,2 k', 1_200, true], // Norwegian decimal comma with a suffix
    ['1,2\u00a0k', 1_200, true],
    ['12,5 mill.', 12_500_000, true], // Norwegian "mill."
    ['3B', 3_000_000_000, true],
    ['2.5 million', 2_500_000, true],
    ['500+', 500, true],
    ['10K+', 10_000, true],
    ['~1,200', 1_200, true],
    ['0', 0, false],
    ['7', 7, false],
    ['4.5', 5, false], // one separator, not three digits after it: decimal
    ['12.345K', 12_345, true], // with a suffix a single separator is always decimal
    ['  42 followers', 42, false],
  ]
  it.each(CASES)('%j → %d (approximate: %s)', (text, value, approximate) => {
    expect(parseCount(text)).toEqual({ value, approximate })
  })

  it('returns undefined when there is no number', () => {
    expect(parseCount('')).toBeUndefined()
    expect(parseCount('followers')).toBeUndefined()
    expect(parseCount('K')).toBeUndefined()
    expect(parseCount('—')).toBeUndefined()
  })

  it('reads only the first number and does not glue a four-digit year to the next number', () => {
    expect(parseCount('2019 500 followers')).toEqual(exact(2019))
    expect(parseCount('Posts 12 then 40')).toEqual(exact(12))
  })

  it('does not read words that start with k/m/b as a multiplier', () => {
    expect(parseCount('5 min')).toEqual(exact(5))
    expect(parseCount('3 bilder')).toEqual(exact(3))
    expect(parseCount('12 Mar 2024')).toEqual(exact(12))
  })
})

describe('parseMetaCounts', () => {
  /** [meta description or page text, expected counts] */
  const CASES: readonly (readonly [string, ParsedCounts])[] = [
    ['Acme | 12,345 followers on LinkedIn', { followers: exact(12_345) }],
    [
      'Acme AS | 1,204 followers on LinkedIn. Outdoor gear since 1998 | We make jackets for 40 countries.',
      { followers: exact(1_204) },
    ],
    [
      '307M Followers, 190 Following, 1,407 Posts - See Instagram photos and videos from Nordlys (@nordlys)',
      { followers: approx(307_000_000), following: exact(190), posts: exact(1_407) },
    ],
    [
      '12K Followers, 0 Following, 88 Posts - See Instagram photos and videos from Acme (@acme)',
      { followers: approx(12_000), following: exact(0), posts: exact(88) },
    ],
    // A Facebook page's likes are its likes: never its followers (issue 11).
    ['42,217,774 likes · 969,810 talking about this · 1,234 were here', { likes: exact(42_217_774) }],
    ['Nordlys Outdoor. 42,217 likes · 969 talking about this.', { likes: exact(42_217) }],
    ['Nintendo. 5,411,563 likes &#xb7; 25,177 talking about this. Welcome to the official Nintendo Facebook page', { likes: exact(5_411_563) }],
    // A Facebook page that states its followers as well: both, each as itself.
    ['Acme. 5,100 likes · 5,400 followers · 12 talking about this', { likes: exact(5_100), followers: exact(5_400) }],
    ['Nordlys Outdoor · 42K likes • 44K followers · 969 talking about this', { likes: approx(42_000), followers: approx(44_000) }],
    ['54.624 Personen gefällt das · 53.887 Personen haben das abonniert · 1.002 Personen sprechen darüber', { likes: exact(54_624), followers: exact(53_887) }],
    ['Visit Austria. Gefällt 54.624 Mal. The official Facebook page for Holidays in Austria', { likes: exact(54_624) }],
    // "likes" outside Facebook's wording are a post's or a video's: not read at all.
    ['1,204 likes, 31 comments - acmeoutdoor on March 3, 2024', {}],
    ['88.7K Followers', { followers: approx(88_700) }],
    ['12.3K Followers • 210 Threads • See the latest conversations with @x', { followers: approx(12_300), posts: exact(210) }],
    ['24.1K subscribers', { followers: approx(24_100) }],
    ['Nordlys Outdoor · 1.2K videos · 24.1K subscribers', { followers: approx(24_100), posts: approx(1_200) }],
    ['1.2M followers · 5 following', { followers: approx(1_200_000), following: exact(5) }],
    ['12 345 følgere', { followers: exact(12_345) }],
    ['12\u00a0345 følgere, 210 følger, 1\u00a0407 innlegg – Se Instagram-bilder', { followers: exact(12_345), following: exact(210), posts: exact(1_407) }],
    ['307 mill. følgere, 190 følger, 1 407 innlegg', { followers: approx(307_000_000), following: exact(190), posts: exact(1_407) }],
    ['1,2 k følgere', { followers: approx(1_200) }],
    ['Followers: 1,234', { followers: exact(1_234) }],
    ['FOLLOWERS: 1.2K · Posts: 57', { followers: approx(1_200), posts: exact(57) }],
    ['88.7K FOLLOWERS', { followers: approx(88_700) }],
    ['Acme (@acme) on TikTok | 1.2M Likes. 345.6K Followers. Watch the latest video from Acme.', { followers: approx(345_600) }],
    ['@acme@mastodon.social · 1 234 Posts · 56 Following · 7 890 Followers', { posts: exact(1_234), following: exact(56), followers: exact(7_890) }],
    ['Fjordvik (@fjordvik.bsky.social) 4,321 followers 120 follows 998 posts', { followers: exact(4_321), following: exact(120), posts: exact(998) }],
    ['3B followers', { followers: approx(3_000_000_000) }],
    ['500+ followers', { followers: approx(500) }],
    // Localized counts as the platforms print them (issue 11).
    ['4,69\u00a0M de suscriptores', { followers: approx(4_690_000) }],
    ['6,8\u00a0K vídeos', { posts: approx(6_800) }],
    ['229\u00a0mil seguidores', { followers: approx(229_000) }],
    ['1,66\u00a0M d’abonnés · 3,4\u00a0k vidéos', { followers: approx(1_660_000), posts: approx(3_400) }],
    ['1,2 Mio. Abonnenten', { followers: approx(1_200_000) }],
    ['53.887 Personen haben das abonniert', { followers: exact(53_887) }],
    ['25m subscribers · 337 videos', { followers: approx(25_000_000), posts: exact(337) }],
    ['18k videos', { posts: approx(18_000) }],
    ['1.1M followers3 following\n329 posts', { followers: approx(1_100_000), following: exact(3), posts: exact(329) }],
    ['フォロワー2,362人、フォロー中136人、投稿224件', { followers: exact(2_362), following: exact(136), posts: exact(224) }],
    ['チャンネル登録者数 123万人', { followers: approx(1_230_000) }],
    ['1.2万 フォロワー', { followers: approx(12_000) }],
    ['12,3 mil seguidores, 210 seguidos, 1.407 publicações', { followers: approx(12_300), following: exact(210), posts: exact(1_407) }],
  ]
  it.each(CASES)('%j', (text, expected) => {
    expect(parseMetaCounts(text)).toEqual(expected)
  })

  it('ignores likes outside Facebook wording (a post’s likes are not followers)', () => {
    expect(parseMetaCounts('Great trip! 1,234 likes, 56 comments')).toEqual({})
  })

  it('ignores counts that are not followed by a known label', () => {
    expect(parseMetaCounts('Founded in 1998, 250 employees, 12 offices')).toEqual({})
    expect(parseMetaCounts('')).toEqual({})
  })

  it('does not hand the next count to a label without a colon', () => {
    expect(parseMetaCounts('Followers • 210 Threads')).toEqual({ posts: exact(210) })
  })
})

describe('parseJsonLdCounts', () => {
  const LINKEDIN_ORG = {
    '@context': 'http://schema.org',
    '@type': 'Organization',
    name: 'Acme AS',
    url: 'https://www.linkedin.com/company/acme',
    interactionStatistic: {
      '@type': 'InteractionCounter',
      interactionType: 'https://schema.org/FollowAction',
      name: 'Follows',
      userInteractionCount: 12345,
    },
  }

  it('reads followers from one object', () => {
    expect(parseJsonLdCounts(LINKEDIN_ORG)).toEqual({ followers: exact(12_345) })
  })

  it('reads an array of entities (the first that has a metric wins)', () => {
    const ld = [
      { '@type': 'WebSite', name: 'Acme', url: 'https://acme.example' },
      {
        '@type': 'Person',
        name: 'Acme',
        interactionStatistic: [
          { '@type': 'InteractionCounter', interactionType: 'http://schema.org/FollowAction', userInteractionCount: '307000000' },
          { '@type': 'InteractionCounter', interactionType: { '@type': 'WriteAction' }, userInteractionCount: 1407 },
        ],
      },
      {
        '@type': 'Person',
        interactionStatistic: { interactionType: 'https://schema.org/FollowAction', userInteractionCount: 1 },
      },
    ]
    expect(parseJsonLdCounts(ld)).toEqual({ followers: exact(307_000_000), posts: exact(1_407) })
  })

  it('reads a ProfilePage in @graph with the counts on its mainEntity (Google’s ProfilePage shape)', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'BreadcrumbList', itemListElement: [] },
        {
          '@type': 'ProfilePage',
          dateCreated: '2019-01-01T00:00:00Z',
          mainEntity: {
            '@type': 'Person',
            name: 'Fjordvik',
            interactionStatistic: [
              { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', userInteractionCount: 4321 },
              { '@type': 'InteractionCounter', interactionType: 'https://schema.org/LikeAction', userInteractionCount: 99999 },
            ],
            agentInteractionStatistic: [
              { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', userInteractionCount: 120 },
              { '@type': 'InteractionCounter', interactionType: 'https://schema.org/WriteAction', userInteractionCount: '998' },
            ],
          },
        },
      ],
    }
    expect(parseJsonLdCounts(ld)).toEqual({ followers: exact(4_321), following: exact(120), posts: exact(998) })
  })

  it('reads Instagram’s old shape with the misspelt mainEntityofPage', () => {
    const ld = {
      '@context': 'http://schema.org',
      '@type': 'Person',
      name: 'Nordlys',
      mainEntityofPage: {
        '@type': 'ProfilePage',
        interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'http://schema.org/FollowAction', userInteractionCount: '88700' },
      },
    }
    expect(parseJsonLdCounts(ld)).toEqual({ followers: exact(88_700) })
  })

  it('does not take counts from nested entities that belong to someone else', () => {
    const ld = {
      '@type': 'SocialMediaPosting',
      headline: 'Hello',
      author: {
        '@type': 'Person',
        interactionStatistic: { interactionType: 'https://schema.org/FollowAction', userInteractionCount: 5000 },
      },
    }
    expect(parseJsonLdCounts(ld)).toEqual({})
  })

  it('returns nothing for junk and for counts that are not counts', () => {
    expect(parseJsonLdCounts(null)).toEqual({})
    expect(parseJsonLdCounts('a string')).toEqual({})
    expect(parseJsonLdCounts(42)).toEqual({})
    expect(parseJsonLdCounts({ '@graph': 'nope' })).toEqual({})
    expect(
      parseJsonLdCounts({
        interactionStatistic: [
          { interactionType: 'https://schema.org/FollowAction', userInteractionCount: -5 },
          { interactionType: 'https://schema.org/WriteAction', userInteractionCount: 'about twelve' },
        ],
      }),
    ).toEqual({})
  })
})

describe('parseTikTokUniversalData', () => {
  const UNIVERSAL = {
    __DEFAULT_SCOPE__: {
      'webapp.app-context': { language: 'en' },
      'webapp.user-detail': {
        statusCode: 0,
        userInfo: {
          user: { id: '6800000000000000000', uniqueId: 'nordlys', nickname: 'Nordlys Outdoor' },
          stats: { followerCount: 345600, followingCount: 12, heart: 1200000, heartCount: 1200000, videoCount: 210, diggCount: 0 },
          statsV2: { followerCount: '345600', followingCount: '12', heartCount: '1200000', videoCount: '210' },
        },
      },
    },
  }

  it('reads the current __UNIVERSAL_DATA_FOR_REHYDRATION__ shape', () => {
    expect(parseTikTokUniversalData(UNIVERSAL)).toEqual({ followers: exact(345_600), following: exact(12), posts: exact(210) })
  })

  it('falls back to the string statsV2 when stats is missing', () => {
    const data = { __DEFAULT_SCOPE__: { 'webapp.user-detail': { userInfo: { statsV2: { followerCount: '9876543210', followingCount: '3', videoCount: '45' } } } } }
    expect(parseTikTokUniversalData(data)).toEqual({ followers: exact(9_876_543_210), following: exact(3), posts: exact(45) })
  })

  it('reads the older SIGI_STATE shape, keyed by username', () => {
    const sigi = {
      AppContext: {},
      UserModule: {
        users: { nordlys: { uniqueId: 'nordlys' } },
        stats: { nordlys: { followerCount: 1000, followingCount: 2, heartCount: 50, videoCount: 7 } },
      },
    }
    expect(parseTikTokUniversalData(sigi)).toEqual({ followers: exact(1_000), following: exact(2), posts: exact(7) })
  })

  it('returns nothing for other pages’ state and junk', () => {
    expect(parseTikTokUniversalData({ __DEFAULT_SCOPE__: { 'webapp.video-detail': {} } })).toEqual({})
    expect(parseTikTokUniversalData(null)).toEqual({})
    expect(parseTikTokUniversalData([1, 2, 3])).toEqual({})
    expect(parseTikTokUniversalData({ UserModule: { stats: 'x' } })).toEqual({})
  })
})

describe('mergeMetrics', () => {
  const api: Metrics = { followers: { value: 4321, source: 'api' }, posts: { value: 998, source: 'api' } }
  const meta: Metrics = {
    followers: { value: 4300, source: 'meta', approximate: true },
    following: { value: 120, source: 'meta' },
    posts: { value: 1000, source: 'meta', approximate: true },
  }
  const feed: Metrics = { lastPostAt: { value: '2026-02-20T10:00:00.000Z', source: 'feed' } }

  it('keeps the first source’s value per metric and fills gaps from later ones', () => {
    expect(mergeMetrics(api, meta, feed)).toEqual({
      followers: { value: 4321, source: 'api' },
      following: { value: 120, source: 'meta' },
      posts: { value: 998, source: 'api' },
      lastPostAt: { value: '2026-02-20T10:00:00.000Z', source: 'feed' },
    })
  })

  it('follows the order it is given', () => {
    expect(mergeMetrics(meta, api).followers).toEqual({ value: 4300, source: 'meta', approximate: true })
  })

  it('lists only metrics some source had', () => {
    expect(mergeMetrics()).toEqual({})
    expect(Object.keys(mergeMetrics({}, feed, {}))).toEqual(['lastPostAt'])
  })
})

describe('real-page shapes (issue 11)', () => {
  // X's logged-out ProfilePage: the counts sit on its `author`, named Follows / Friends / Tweets.
  const X_PROFILE = {
    '@context': 'http://schema.org',
    '@type': 'ProfilePage',
    author: {
      '@type': 'Person',
      additionalName: 'Kikobeats',
      identifier: '101198215',
      url: 'https://twitter.com/Kikobeats',
      interactionStatistic: [
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', name: 'Follows', userInteractionCount: 3324 },
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/SubscribeAction', name: 'Friends', userInteractionCount: 393 },
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/WriteAction', name: 'Tweets', userInteractionCount: 23154 },
      ],
    },
  }

  it("reads X's ProfilePage author when it is the account asked for", () => {
    expect(parseJsonLdCounts(X_PROFILE, 'kikobeats')).toEqual({ followers: exact(3324), following: exact(393), posts: exact(23154) })
  })

  it("never reads another account's author", () => {
    expect(parseJsonLdCounts(X_PROFILE, 'someone_else')).toEqual({})
  })

  it('never reads the author of a page that is not a ProfilePage (an article, a post)', () => {
    expect(parseJsonLdCounts({ ...X_PROFILE, '@type': 'Article' }, 'kikobeats')).toEqual({})
  })

  it('prefers TikTok’s exact statsV2 strings over the rounded stats numbers', () => {
    const data = {
      __DEFAULT_SCOPE__: {
        'webapp.user-detail': {
          userInfo: {
            stats: { followerCount: 783400, followingCount: 0, videoCount: 19 },
            statsV2: { followerCount: '783427', followingCount: '0', videoCount: '19' },
          },
        },
      },
    }
    expect(parseTikTokUniversalData(data)).toEqual({ followers: exact(783_427), following: exact(0), posts: exact(19) })
  })

  it("reads YouTube's channel header, never another channel's subscriberCountText", () => {
    const header = {
      header: {
        c4TabbedHeaderRenderer: {
          channelId: 'UCzcRQ3vRNr6fJ1A9rqFn7QA',
          subscriberCountText: { simpleText: '4,69\u00a0M de suscriptores' },
          videosCountText: { runs: [{ text: '6,8\u00a0K' }, { text: ' vídeos' }] },
        },
      },
      contents: { related: { subscriberCountText: { simpleText: '3,1\u00a0M' } } },
    }
    expect(parseYouTubeInitialData(header, 'UCzcRQ3vRNr6fJ1A9rqFn7QA')).toEqual({ followers: approx(4_690_000), posts: approx(6_800) })
    expect(parseYouTubeInitialData(header, 'UCsomebodyElse000000000')).toEqual({})
    // The 2018 header had no count at all: the related channels' counts are not ours.
    expect(parseYouTubeInitialData({ header: { c4TabbedHeaderRenderer: { channelId: 'UCx' } }, contents: header.contents })).toEqual({})
  })

  it("reads YouTube's 2024 page header rows", () => {
    const rows = [{ metadataParts: [{ text: { content: '@kurzgesagt' } }] }, { metadataParts: [{ text: { content: '25m subscribers' } }, { text: { content: '337 videos' } }] }]
    const data = { header: { pageHeaderRenderer: { content: { pageHeaderViewModel: { metadata: { contentMetadataViewModel: { metadataRows: rows } } } } } } }
    expect(parseYouTubeInitialData(data)).toEqual({ followers: approx(25_000_000), posts: exact(337) })
  })
})
