// Given what the YouTube Data API v3 answers (the documented shapes of
// channels.list, playlistItems.list and videos.list and Google's error
// bodies, written out by hand), when the youtube-data-api source reads a
// channel, then it gives the channel's numbers with their provenance, marks
// the rounded subscriber count approximate, refuses with a reason that names
// SHOWTELL_YOUTUBE_API_KEY and never the key, and keeps the headline when a
// secondary call fails. The last part runs the source against the demo
// site's emulation through the real guarded HTTP client. Expected values are
// written by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'
import { youtubeDataApi } from '../../src/platforms/youtube-api.js'
import type { AccountRef, HttpAnswer } from '../../src/platforms/source.js'
import { json, onDemoSite, withAnswers } from '../helpers/source-context.js'

// TEST_NOW is 2026-12-01T09:00:00Z: the 30-day window starts 2026-11-01T09:00:00Z.
const KEY = 'AIzaSyD-test-key-0123456789abcdefghijk'
const CHANNEL_ID = 'UCabcdefghijklmnopqrstuv'
const UPLOADS = 'UUabcdefghijklmnopqrstuv'
const BY_ID: AccountRef = { id: 'yt', platform: 'youtube', platformId: CHANNEL_ID }
const VIA = { source: 'api', via: 'youtube-data-api' } as const

function channelItem(statistics: Record<string, unknown> = {}, more: Record<string, unknown> = {}) {
  return {
    kind: 'youtube#channel',
    etag: 'x1',
    id: CHANNEL_ID,
    snippet: { title: 'Fjordlys Films', description: 'Short films from the coast.', customUrl: '@fjordlys', publishedAt: '2012-05-01T10:00:00Z' },
    contentDetails: { relatedPlaylists: { likes: '', uploads: UPLOADS } },
    statistics: { viewCount: '1234567', subscriberCount: '24100', hiddenSubscriberCount: false, videoCount: '318', ...statistics },
    ...more,
  }
}

function channelList(...items: unknown[]) {
  return { kind: 'youtube#channelListResponse', etag: 'x2', pageInfo: { totalResults: items.length, resultsPerPage: 5 }, items }
}

function upload(videoId: string, videoPublishedAt?: string) {
  return { kind: 'youtube#playlistItem', etag: 'x3', id: `${UPLOADS}.${videoId}`, contentDetails: { videoId, ...(videoPublishedAt ? { videoPublishedAt } : {}) } }
}

// Newest first, as the uploads playlist lists them; v4 and v5 are older than 30 days.
const UPLOADS_ANSWER = {
  kind: 'youtube#playlistItemListResponse',
  etag: 'x4',
  items: [upload('v1', '2026-11-28T15:00:00Z'), upload('v2', '2026-11-20T10:00:00Z'), upload('v3', '2026-11-02T08:00:00Z'), upload('v4', '2026-10-31T10:00:00Z'), upload('v5', '2026-09-01T10:00:00Z')],
  pageInfo: { totalResults: 5, resultsPerPage: 50 },
}

function video(id: string, statistics: Record<string, string>) {
  return { kind: 'youtube#video', etag: 'x5', id, statistics: { viewCount: '1000', favoriteCount: '0', ...statistics } }
}

// v1: 100 + 20 = 120, v2: 40 + 5 = 45, v3: 300 + 1 = 301.
const VIDEOS_ANSWER = {
  kind: 'youtube#videoListResponse',
  etag: 'x6',
  items: [video('v1', { likeCount: '100', commentCount: '20' }), video('v2', { likeCount: '40', commentCount: '5' }), video('v3', { likeCount: '300', commentCount: '1' })],
  pageInfo: { totalResults: 3, resultsPerPage: 3 },
}

type Answers = Partial<Record<'channels' | 'playlistItems' | 'videos', () => HttpAnswer>>

/** A fake www.googleapis.com: each method's answer, the good ones above unless replaced. */
/** `credential: null` sends no key at all. */
function google(account: AccountRef, answers: Answers = {}, credential: string | null = KEY) {
  return withAnswers(
    account,
    (url) => {
      const method = url.pathname.replace('/youtube/v3/', '') as keyof Answers
      const answer = answers[method]
      if (answer) return answer()
      if (method === 'channels') return json(200, channelList(channelItem()))
      if (method === 'playlistItems') return json(200, UPLOADS_ANSWER)
      if (method === 'videos') return json(200, VIDEOS_ANSWER)
      return json(404, { error: { code: 404, message: 'Not Found', errors: [{ message: 'Not Found', domain: 'global', reason: 'notFound' }] } })
    },
    credential === null ? {} : { credential },
  )
}

function googleError(code: number, reason: string, message: string, more: Record<string, unknown> = {}): HttpAnswer {
  return json(code, { error: { code, message, errors: [{ message, domain: 'global', reason }], ...more } })
}

const errorInfo = (reason: string) => ({ details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: { service: 'youtube.googleapis.com' } }] })

describe('youtube-data-api: a channel that answers', () => {
  it('gives subscribers, videos, views, the latest upload, the pace and the median interactions, each from this source', async () => {
    const { context } = google(BY_ID)
    expect(await youtubeDataApi.read(context)).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 24_100, approximate: true, ...VIA },
        posts: { value: 318, ...VIA },
        views: { value: 1_234_567, ...VIA },
        lastPostAt: { value: '2026-11-28', ...VIA },
        postsPerMonth: { value: 3, ...VIA },
        interactionsPerPost: { value: 120, ...VIA },
      },
      title: 'Fjordlys Films',
      description: 'Short films from the coast.',
    })
  })

  it('asks channels.list, then the uploads playlist, then videos.list for the last 30 days only, with the key in the query', async () => {
    const { context, asked } = google(BY_ID)
    await youtubeDataApi.read(context)
    const urls = asked.map((a) => new URL(a.url))
    expect(urls.map((u) => `${u.origin}${u.pathname}`)).toEqual([
      'https://www.googleapis.com/youtube/v3/channels',
      'https://www.googleapis.com/youtube/v3/playlistItems',
      'https://www.googleapis.com/youtube/v3/videos',
    ])
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ part: 'snippet,statistics,contentDetails', id: CHANNEL_ID, key: KEY })
    expect(Object.fromEntries(urls[1]!.searchParams)).toEqual({ part: 'contentDetails', playlistId: UPLOADS, maxResults: '50', key: KEY })
    // v4 (31 Oct) and v5 are older than 30 days: not asked for.
    expect(Object.fromEntries(urls[2]!.searchParams)).toEqual({ part: 'statistics', id: 'v1,v2,v3', key: KEY })
  })

  it('the median over an even number of videos is the mean of the two middle ones', async () => {
    const playlist = { ...UPLOADS_ANSWER, items: [upload('v0', '2026-11-30T10:00:00Z'), ...UPLOADS_ANSWER.items] }
    const videos = { ...VIDEOS_ANSWER, items: [video('v0', { likeCount: '10', commentCount: '0' }), ...VIDEOS_ANSWER.items] }
    const { context } = google(BY_ID, { playlistItems: () => json(200, playlist), videos: () => json(200, videos) })
    const outcome = await youtubeDataApi.read(context)
    // 10, 45, 120, 301: (45 + 120) / 2.
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost).toEqual({ value: 82.5, ...VIA })
    expect(outcome.status === 'ok' && outcome.metrics.postsPerMonth).toEqual({ value: 4, ...VIA })
  })

  it('a video with hidden likes or comments turned off counts what it has, and the median is then a floor', async () => {
    const videos = { ...VIDEOS_ANSWER, items: [video('v1', { likeCount: '100' }), video('v2', {}), video('v3', { likeCount: '300', commentCount: '1' })] }
    const { context } = google(BY_ID, { videos: () => json(200, videos) })
    const outcome = await youtubeDataApi.read(context)
    // v2 has neither: unknown, left out. 100 and 301.
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost).toEqual({ value: 200.5, approximate: true, ...VIA })
  })

  it('no video with likes or comments at all: no interactions per post', async () => {
    const videos = { ...VIDEOS_ANSWER, items: [video('v1', {}), video('v2', {}), video('v3', {})] }
    const { context } = google(BY_ID, { videos: () => json(200, videos) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status).toBe('ok')
    expect(outcome.status === 'ok' && Object.keys(outcome.metrics)).toEqual(['followers', 'posts', 'views', 'lastPostAt', 'postsPerMonth'])
  })

  it('a video the answer adds that was not asked for is never counted', async () => {
    const videos = { ...VIDEOS_ANSWER, items: [...VIDEOS_ANSWER.items, video('someone-else', { likeCount: '90000', commentCount: '9000' }), video('v9', { likeCount: '80000' })] }
    const { context } = google(BY_ID, { videos: () => json(200, videos) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics.interactionsPerPost).toEqual({ value: 120, ...VIA })
  })

  it('no upload in the last 30 days: a pace of 0, the latest upload, no interactions and no videos.list call', async () => {
    const playlist = { ...UPLOADS_ANSWER, items: [upload('v4', '2026-10-31T10:00:00Z'), upload('v5', '2026-09-01T10:00:00Z')] }
    const { context, asked } = google(BY_ID, { playlistItems: () => json(200, playlist) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics).toEqual({
      followers: { value: 24_100, approximate: true, ...VIA },
      posts: { value: 318, ...VIA },
      views: { value: 1_234_567, ...VIA },
      lastPostAt: { value: '2026-10-31', ...VIA },
      postsPerMonth: { value: 0, ...VIA },
    })
    expect(asked.map((a) => new URL(a.url).pathname)).toEqual(['/youtube/v3/channels', '/youtube/v3/playlistItems'])
  })

  it('a scheduled premiere (published after now) and an item without a date are not uploads yet', async () => {
    const playlist = { ...UPLOADS_ANSWER, items: [upload('soon', '2026-12-05T18:00:00Z'), upload('deleted'), ...UPLOADS_ANSWER.items] }
    const { context, asked } = google(BY_ID, { playlistItems: () => json(200, playlist) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics.lastPostAt).toEqual({ value: '2026-11-28', ...VIA })
    expect(outcome.status === 'ok' && outcome.metrics.postsPerMonth).toEqual({ value: 3, ...VIA })
    expect(new URL(asked[2]!.url).searchParams.get('id')).toBe('v1,v2,v3')
  })

  it('a full page of recent uploads with more behind it gives the pace as a floor', async () => {
    const items = Array.from({ length: 50 }, (_, i) => upload(`u${i}`, '2026-11-25T10:00:00Z'))
    const { context } = google(BY_ID, { playlistItems: () => json(200, { ...UPLOADS_ANSWER, items, nextPageToken: 'CDIQAA' }), videos: () => json(200, { items: [] }) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics.postsPerMonth).toEqual({ value: 50, approximate: true, ...VIA })
  })

  it('a channel without an uploads playlist gives its own numbers after one call', async () => {
    const item = channelItem()
    const { context, asked } = google(BY_ID, { channels: () => json(200, channelList({ ...item, contentDetails: { relatedPlaylists: {} } })) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && Object.keys(outcome.metrics)).toEqual(['followers', 'posts', 'views'])
    expect(asked).toHaveLength(1)
  })
})

describe('youtube-data-api: the subscriber count is approximate where the API rounds it', () => {
  // Rounded down to three significant figures above 1,000 (channel resource, statistics.subscriberCount).
  it.each([
    ['24100', 24_100, true],
    ['2490000', 2_490_000, true],
    ['1000', 1_000, true],
    ['999', 999, false],
    ['0', 0, false],
    // More figures than the rule leaves: the API did not round this one.
    ['1234', 1_234, false],
    ['24137', 24_137, false],
  ])('subscriberCount "%s" is %d, approximate: %s', async (raw, value, approximate) => {
    const { context } = google(BY_ID, { channels: () => json(200, channelList(channelItem({ subscriberCount: raw }))) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics.followers).toEqual({ value, ...VIA, ...(approximate ? { approximate: true } : {}) })
  })

  it('a hidden subscriber count is no number: the source steps aside saying why, and asks nothing more', async () => {
    const { context, asked } = google(BY_ID, { channels: () => json(200, channelList(channelItem({ subscriberCount: '0', hiddenSubscriberCount: true }))) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status).toBe('skipped')
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(/hides its subscriber count/)
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(/showtell record/)
    expect(asked).toHaveLength(1)
  })

  it('hidden, with the count left out entirely: the same', async () => {
    const statistics = { viewCount: '5', hiddenSubscriberCount: true, videoCount: '2' }
    const { context } = google(BY_ID, { channels: () => json(200, channelList({ ...channelItem(), statistics })) })
    expect((await youtubeDataApi.read(context)).status).toBe('skipped')
  })
})

describe('youtube-data-api: answers that do not fit are that account’s error, never a throw or a NaN', () => {
  const channels = (body: unknown) => google(BY_ID, { channels: () => json(200, body) }).context
  it.each([
    ['a JSON null', null, 'expected an object, got null'],
    ['a list', [channelList(channelItem())], 'expected an object, got an array'],
    ['a string', 'ok', 'expected an object, got a string'],
    ['items: null', { kind: 'youtube#channelListResponse', items: null }, 'items: expected a list, got null'],
    ['a channel without statistics', channelList({ ...channelItem(), statistics: undefined }), 'items[0].statistics: expected an object, got nothing'],
    ['a count with letters', channelList(channelItem({ subscriberCount: '12abc' })), 'items[0].statistics.subscriberCount: expected a count written as digits, got a string that is not a count'],
    ['an empty count', channelList(channelItem({ subscriberCount: '' })), 'items[0].statistics.subscriberCount: expected a count written as digits, got an empty string'],
    ['a negative count', channelList(channelItem({ subscriberCount: '-5' })), 'expected a count written as digits'],
    ['a count in exponent notation', channelList(channelItem({ subscriberCount: '1e6' })), 'expected a count written as digits'],
    ['a count past 2^53', channelList(channelItem({ subscriberCount: '9007199254740993' })), 'expected a count written as digits'],
    ['a video count that is a word', channelList(channelItem({ videoCount: 'many' })), 'items[0].statistics.videoCount: expected a count written as digits'],
    ['no subscriber count and not hidden', channelList(channelItem({ subscriberCount: undefined })), 'subscriberCount: expected a count written as digits, got nothing'],
  ])('%s', async (_what, body, why) => {
    const outcome = await youtubeDataApi.read(channels(body))
    expect(outcome.status).toBe('error')
    expect(outcome.status !== 'ok' && outcome.reason).toContain(why)
  })

  it('text that is not JSON', async () => {
    const { context } = google(BY_ID, { channels: () => ({ status: 200, body: '<html>Sorry…</html>' }) })
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'error', reason: 'YouTube Data API v3 answered 200 with an unexpected answer (expected JSON, got text that is not JSON)' })
  })

  it('a count sent as a JSON number is read as that number', async () => {
    const { context } = google(BY_ID, { channels: () => json(200, channelList(channelItem({ subscriberCount: 512 }))) })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics.followers).toEqual({ value: 512, ...VIA })
  })

  it('an answer about another channel than the one asked for is never read', async () => {
    const other = { ...channelItem(), id: 'UCzzzzzzzzzzzzzzzzzzzzzz' }
    const { context } = google(BY_ID, { channels: () => json(200, channelList(other)) })
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'error', reason: 'YouTube Data API v3 answered with another channel than the one asked for' })
  })

  it('asked by handle, an answer whose handle is another one is never read', async () => {
    const { context } = google({ id: 'yt', platform: 'youtube', handle: 'fjordlys' }, { channels: () => json(200, channelList(channelItem({}, { snippet: { title: 'X', customUrl: '@someoneelse' } }))) })
    expect((await youtubeDataApi.read(context)).status).toBe('error')
  })
})

describe('youtube-data-api: no such channel', () => {
  it('200 without items (what Google answers for an unknown id or handle) is not-found', async () => {
    const { context } = google(BY_ID, { channels: () => json(200, { kind: 'youtube#channelListResponse', etag: 'x', pageInfo: { totalResults: 0, resultsPerPage: 5 } }) })
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'not-found', reason: 'no such channel (YouTube Data API v3: no channel for that id)' })
  })

  it('an empty list, asked by handle, is not-found too', async () => {
    const { context } = google({ id: 'yt', platform: 'youtube', handle: '@nobody' }, { channels: () => json(200, { kind: 'youtube#channelListResponse', items: [] }) })
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'not-found', reason: 'no such channel (YouTube Data API v3: no channel for that handle)' })
  })
})

describe('youtube-data-api: Google’s refusals, each with a reason that names the variable and never the key', () => {
  const cases: [string, HttpAnswer, string, RegExp][] = [
    [
      'a bad key, as Google answers today (badRequest + API_KEY_INVALID)',
      googleError(400, 'badRequest', 'API key not valid. Please pass a valid API key.', { status: 'INVALID_ARGUMENT', ...errorInfo('API_KEY_INVALID') }),
      'blocked',
      /^YouTube Data API v3 refused SHOWTELL_YOUTUBE_API_KEY \(400\); check it or issue a new one$/,
    ],
    ['a bad key, as Google answered before 2020 (keyInvalid)', json(400, { error: { errors: [{ domain: 'usageLimits', reason: 'keyInvalid', message: 'Bad Request' }], code: 400, message: 'Bad Request' } }), 'blocked', /refused SHOWTELL_YOUTUBE_API_KEY \(400\)/],
    ['keyExpired (Google’s general error list)', googleError(400, 'keyExpired', 'API key expired. Please renew the API key.'), 'blocked', /^YouTube Data API v3: the token in SHOWTELL_YOUTUBE_API_KEY has expired; renew it$/],
    ['the daily quota (quotaExceeded)', googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.'), 'blocked', /^YouTube Data API v3: rate limit or quota reached for SHOWTELL_YOUTUBE_API_KEY \(403\); try again later$/],
    ['dailyLimitExceeded', googleError(403, 'dailyLimitExceeded', 'Daily Limit Exceeded.'), 'blocked', /rate limit or quota reached for SHOWTELL_YOUTUBE_API_KEY \(403\)/],
    ['rateLimitExceeded', googleError(403, 'rateLimitExceeded', 'Rate Limit Exceeded'), 'blocked', /rate limit or quota reached/],
    ['429 RESOURCE_EXHAUSTED', googleError(429, 'rateLimitExceeded', 'Quota exceeded', { status: 'RESOURCE_EXHAUSTED' }), 'blocked', /rate limit or quota reached for SHOWTELL_YOUTUBE_API_KEY \(429\)/],
    [
      'the API not enabled for the key’s project (accessNotConfigured + SERVICE_DISABLED)',
      json(403, {
        error: {
          code: 403,
          message: 'YouTube Data API v3 has not been used in project 42 before or it is disabled.',
          errors: [{ message: 'YouTube Data API v3 has not been used in project 42 before or it is disabled.', domain: 'usageLimits', reason: 'accessNotConfigured', extendedHelp: 'https://console.developers.google.com' }],
          status: 'PERMISSION_DENIED',
          ...errorInfo('SERVICE_DISABLED'),
        },
      }),
      'blocked',
      /^YouTube Data API v3 is not enabled for the Google Cloud project of SHOWTELL_YOUTUBE_API_KEY \(403\); enable the YouTube Data API v3 in that project/,
    ],
    ['SERVICE_DISABLED alone', json(403, { error: { code: 403, message: 'disabled', status: 'PERMISSION_DENIED', ...errorInfo('SERVICE_DISABLED') } }), 'blocked', /is not enabled for the Google Cloud project of SHOWTELL_YOUTUBE_API_KEY/],
    ['a key restricted to other sites', googleError(403, 'forbidden', 'Requests from referer <empty> are blocked.', { status: 'PERMISSION_DENIED', ...errorInfo('API_KEY_HTTP_REFERRER_BLOCKED') }), 'blocked', /the restrictions of SHOWTELL_YOUTUBE_API_KEY do not allow this call \(403\)/],
    ['forbidden', googleError(403, 'forbidden', 'The request is missing a valid API key.', { status: 'PERMISSION_DENIED' }), 'blocked', /^YouTube Data API v3: SHOWTELL_YOUTUBE_API_KEY may not read this account \(403\)$/],
    ['403 with a page that is not JSON', { status: 403, body: '<html>Forbidden</html>' }, 'blocked', /SHOWTELL_YOUTUBE_API_KEY may not read this account \(403\)/],
    ['401', json(401, { error: { code: 401, message: 'Unauthorized' } }), 'blocked', /refused SHOWTELL_YOUTUBE_API_KEY \(401\)/],
    ['another bad request is not the key’s fault', googleError(400, 'badRequest', 'Request contains an invalid argument.', { status: 'INVALID_ARGUMENT' }), 'error', /^YouTube Data API v3 answered 400$/],
    ['a server error', googleError(500, 'backendError', 'Backend Error'), 'error', /^YouTube Data API v3 answered 500$/],
    ['404', googleError(404, 'notFound', 'Not Found'), 'not-found', /no such account/],
  ]

  it.each(cases)('%s', async (_what, answer, status, reason) => {
    const { context } = google(BY_ID, { channels: () => answer })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status).toBe(status)
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(reason)
    expect(outcome.status !== 'ok' && outcome.reason).not.toContain(KEY)
  })

  it('a refusal never quotes Google’s message', async () => {
    const { context } = google(BY_ID, { channels: () => googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/x">quota</a>.') })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status !== 'ok' && outcome.reason).not.toMatch(/cannot be completed|<a/)
  })
})

describe('youtube-data-api: no answer, and the key in the query string', () => {
  it('a network failure is an error saying the API could not be reached', async () => {
    const { context } = google(BY_ID, {
      channels: () => {
        throw new Error('connect ECONNREFUSED 142.250.74.10:443')
      },
    })
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'error', reason: 'YouTube Data API v3 could not be reached (connect ECONNREFUSED 142.250.74.10:443)' })
  })

  it('no answer in time is a timeout', async () => {
    const { context } = google(BY_ID, {
      channels: () => {
        throw Object.assign(new Error('timed out'), { name: 'TimeoutError' })
      },
    })
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'timeout', reason: 'YouTube Data API v3 did not answer in time' })
  })

  it.each([
    ['a plain key', KEY],
    ['a key with characters a URL encodes', 'AIza+key/with=odd&chars:1234567890ab'],
  ])('an error that quotes the URL never brings the key into the reason (%s)', async (_what, key) => {
    const { context, asked } = withAnswers(
      BY_ID,
      (url) => {
        throw new Error(`request to ${url.href} failed, reason: getaddrinfo EAI_AGAIN (key ${key}, ${encodeURIComponent(key)})`)
      },
      { credential: key },
    )
    const outcome = await youtubeDataApi.read(context)
    // The key was really sent: the guard is what keeps it out of the reason.
    expect(new URL(asked[0]!.url).searchParams.get('key')).toBe(key)
    expect(outcome.status).toBe('error')
    const reason = outcome.status !== 'ok' ? outcome.reason : ''
    expect(reason).toMatch(/^YouTube Data API v3 could not be reached \(request to https:\/\/www\.googleapis\.com\/youtube\/v3\/channels\?/)
    expect(reason).toContain('key=…')
    expect(reason).not.toContain(key)
    expect(reason).not.toContain(encodeURIComponent(key))
    expect(reason).not.toContain(new URLSearchParams({ key }).toString().slice(4))
  })
})

describe('youtube-data-api: a failing secondary call keeps the channel’s numbers', () => {
  const HEADLINE = {
    followers: { value: 24_100, approximate: true, ...VIA },
    posts: { value: 318, ...VIA },
    views: { value: 1_234_567, ...VIA },
  }

  it.each([
    ['the quota runs out at the uploads playlist', () => googleError(403, 'quotaExceeded', 'quota')],
    ['the uploads playlist is not found', () => googleError(404, 'playlistNotFound', 'The playlist identified with the request’s playlistId parameter cannot be found.')],
    ['the uploads playlist answers null', () => json(200, null)],
    ['the uploads playlist has a date that is not one', () => json(200, { items: [upload('v1', 'yesterday')] })],
    [
      'the uploads playlist does not answer',
      () => {
        throw new Error('socket hang up')
      },
    ],
  ])('%s: the headline stays, the upload metrics are left out', async (_what, answer) => {
    const { context } = google(BY_ID, { playlistItems: answer })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome).toEqual({ status: 'ok', metrics: HEADLINE, title: 'Fjordlys Films', description: 'Short films from the coast.' })
  })

  it.each([
    ['videos.list refuses', () => googleError(403, 'quotaExceeded', 'quota')],
    ['videos.list answers a list', () => json(200, [VIDEOS_ANSWER])],
    ['videos.list has a like count that is a word', () => json(200, { items: [video('v1', { likeCount: 'lots' })] })],
  ])('%s: the headline and the upload metrics stay, the interactions are left out', async (_what, answer) => {
    const { context } = google(BY_ID, { videos: answer })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome.status === 'ok' && outcome.metrics).toEqual({ ...HEADLINE, lastPostAt: { value: '2026-11-28', ...VIA }, postsPerMonth: { value: 3, ...VIA } })
  })
})

describe('youtube-data-api: which channel it asks for', () => {
  const paramsFor = async (account: AccountRef) => {
    const { context, asked } = google(account)
    await youtubeDataApi.read(context)
    const params = new URL(asked[0]!.url).searchParams
    return { id: params.get('id'), forHandle: params.get('forHandle') }
  }

  it.each<[string, AccountRef, { id: string | null; forHandle: string | null }]>([
    ['platformId', { id: 'a', platform: 'youtube', platformId: CHANNEL_ID, handle: 'fjordlys' }, { id: CHANNEL_ID, forHandle: null }],
    ['a /channel/UC… url', { id: 'a', platform: 'youtube', url: `https://www.youtube.com/channel/${CHANNEL_ID}/videos` }, { id: CHANNEL_ID, forHandle: null }],
    ['a /channel/UC… url under an endpoint prefix', { id: 'a', platform: 'youtube', url: `http://127.0.0.1:4321/youtube/channel/${CHANNEL_ID}` }, { id: CHANNEL_ID, forHandle: null }],
    ['a handle that is a channel id', { id: 'a', platform: 'youtube', handle: CHANNEL_ID }, { id: CHANNEL_ID, forHandle: null }],
    ['a handle', { id: 'a', platform: 'youtube', handle: 'fjordlys' }, { id: null, forHandle: '@fjordlys' }],
    ['an @handle', { id: 'a', platform: 'youtube', handle: '@fjordlys' }, { id: null, forHandle: '@fjordlys' }],
    ['an /@handle url', { id: 'a', platform: 'youtube', url: 'https://www.youtube.com/@fjordlys/videos' }, { id: null, forHandle: '@fjordlys' }],
    ['a platformId that is no channel id falls back to the handle', { id: 'a', platform: 'youtube', platformId: '12345', handle: 'fjordlys' }, { id: null, forHandle: '@fjordlys' }],
  ])('%s', async (_what, account, expected) => {
    expect(await paramsFor(account)).toEqual(expected)
  })

  it('no usable identifier: skipped with the reason, nothing asked', async () => {
    const { context, asked } = google({ id: 'a', platform: 'youtube', url: 'https://www.youtube.com/c/FjordlysFilms' })
    const outcome = await youtubeDataApi.read(context)
    expect(outcome).toEqual({ status: 'skipped', reason: 'YouTube Data API v3 needs the channel id (platformId: UC…, or a /channel/UC… url) or its @handle' })
    expect(asked).toEqual([])
  })

  it('no key: skipped, naming the variable to set, nothing asked', async () => {
    const { context, asked } = google(BY_ID, {}, null)
    expect(await youtubeDataApi.read(context)).toEqual({ status: 'skipped', reason: 'no YouTube Data API key: set SHOWTELL_YOUTUBE_API_KEY' })
    expect(asked).toEqual([])
    expect(youtubeDataApi).toMatchObject({ id: 'youtube-data-api', name: 'YouTube Data API v3', credential: 'youtube' })
  })
})

// ---- the demo site -------------------------------------------------------

describe('youtube-data-api against the demo site’s emulation', () => {
  let site: DemoSite
  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site.close()
  })

  const BY_HANDLE: AccountRef = { id: 'youtube', platform: 'youtube', handle: 'nordlysoutdoor' }
  const DEMO_CHANNEL: AccountRef = { id: 'youtube', platform: 'youtube', platformId: 'UCnordlysoutdoor00000000' }
  const TITLE = 'Nordlys Outdoor'
  const DESCRIPTION = 'Gear for the Norwegian outdoors. Field tests, repairs and trips from Tromsø.'

  it('reads the demo channel by its handle: what the channel page shows, and the engagement of the one video of the last 30 days', async () => {
    const outcome = await youtubeDataApi.read(onDemoSite(site.url, BY_HANDLE, DEMO_CREDENTIALS.youtube))
    // 24.1K subscribers and 6 videos on the page; views 4,210 + 12,873 + 2,290 + 8,100 + 15,022 + 3,311;
    // on 2026-12-01 only "Polarnatt parka" (12 Nov) is recent: 312 likes + 41 comments.
    expect(outcome).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 24_100, approximate: true, ...VIA },
        posts: { value: 6, ...VIA },
        views: { value: 45_806, ...VIA },
        lastPostAt: { value: '2026-11-12', ...VIA },
        postsPerMonth: { value: 1, ...VIA },
        interactionsPerPost: { value: 353, ...VIA },
      },
      title: TITLE,
      description: DESCRIPTION,
    })
  })

  it('the example workspace’s account (its channel url under the endpoint prefix, and its handle) reads the demo channel', async () => {
    const account: AccountRef = { id: 'nordlys-youtube', platform: 'youtube', url: `${site.url}/youtube/channel/UCnordlysoutdoor00000000`, handle: 'nordlysoutdoor' }
    const before = site.requestCount('/youtube-api/youtube/v3/channels')
    const outcome = await youtubeDataApi.read(onDemoSite(site.url, account, DEMO_CREDENTIALS.youtube))
    expect(outcome.status === 'ok' && outcome.metrics.followers).toEqual({ value: 24_100, approximate: true, ...VIA })
    expect(site.requestCount('/youtube-api/youtube/v3/channels')).toBe(before + 1)
  })

  it('by channel id, on the demo’s own "today": two recent videos, the median is their mean', async () => {
    const outcome = await youtubeDataApi.read(onDemoSite(site.url, DEMO_CHANNEL, DEMO_CREDENTIALS.youtube, new Date('2026-11-20T12:00:00Z')))
    // 12 Nov (312 + 41 = 353) and 29 Oct (980 + 87 = 1,067).
    expect(outcome.status === 'ok' && outcome.metrics).toMatchObject({ postsPerMonth: { value: 2, ...VIA }, interactionsPerPost: { value: 710, ...VIA }, lastPostAt: { value: '2026-11-12', ...VIA } })
  })

  it('on 2026-10-10: later videos are not out yet, and the ski tour has comments turned off', async () => {
    const outcome = await youtubeDataApi.read(onDemoSite(site.url, DEMO_CHANNEL, DEMO_CREDENTIALS.youtube, new Date('2026-10-10T12:00:00Z')))
    // 1 Oct (640 + 58 = 698) and 17 Sep (1,204 likes, no comment count): a floor.
    expect(outcome.status === 'ok' && outcome.metrics).toMatchObject({
      lastPostAt: { value: '2026-10-01', ...VIA },
      postsPerMonth: { value: 2, ...VIA },
      interactionsPerPost: { value: 951, approximate: true, ...VIA },
    })
  })

  it('follows the demo bumps like the channel page: rounded down to three figures', async () => {
    site.state.followersBump = 1_234
    site.state.postsBump = 3
    try {
      const outcome = await youtubeDataApi.read(onDemoSite(site.url, BY_HANDLE, DEMO_CREDENTIALS.youtube))
      // 25,334 subscribers: the page shows 25.3K, the API 25300.
      expect(outcome.status === 'ok' && outcome.metrics).toMatchObject({ followers: { value: 25_300, approximate: true, ...VIA }, posts: { value: 9, ...VIA } })
    } finally {
      site.state.followersBump = 0
      site.state.postsBump = 0
    }
  })

  it.each<[string, string, string, RegExp]>([
    ['a wrong key', 'not-the-demo-key-0123456789', 'blocked', /^YouTube Data API v3 refused SHOWTELL_YOUTUBE_API_KEY \(400\); check it or issue a new one$/],
    ['the key whose quota ran out', 'quota', 'blocked', /^YouTube Data API v3: rate limit or quota reached for SHOWTELL_YOUTUBE_API_KEY \(403\); try again later$/],
    ['a key from a project without the API', 'disabled', 'blocked', /^YouTube Data API v3 is not enabled for the Google Cloud project of SHOWTELL_YOUTUBE_API_KEY \(403\); enable the YouTube Data API v3/],
  ])('%s', async (_what, key, status, reason) => {
    const outcome = await youtubeDataApi.read(onDemoSite(site.url, BY_HANDLE, key))
    expect(outcome.status).toBe(status)
    expect(outcome.status !== 'ok' && outcome.reason).toMatch(reason)
    if (key.length > 8) expect(outcome.status !== 'ok' && outcome.reason).not.toContain(key)
  })

  it.each<[string, AccountRef]>([
    ['an unknown handle', { id: 'youtube', platform: 'youtube', handle: 'nordlys-nobody' }],
    ['an unknown channel id', { id: 'youtube', platform: 'youtube', platformId: 'UCnobodynobodynobody0000' }],
  ])('%s is not-found', async (_what, account) => {
    const outcome = await youtubeDataApi.read(onDemoSite(site.url, account, DEMO_CREDENTIALS.youtube))
    expect(outcome.status).toBe('not-found')
  })
})
