// Given the demo site's YouTube Data API v3, when a client asks it as it
// would ask www.googleapis.com, then it answers with Google's field names,
// counts written as strings, the subscriber count rounded down to three
// significant figures, and Google's error bodies, so what the source is
// proven against looks like the real service. Plain HTTP to 127.0.0.1;
// expected values are written by hand from demo-site/platforms.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { DEMO_CREDENTIALS } from '../../src/demo-site/apis/index.js'

let site: DemoSite
beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site.close()
})

async function get(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${site.url}/youtube-api/youtube/v3/${path}`)
  return { status: response.status, body: await response.json() }
}

const key = `key=${DEMO_CREDENTIALS.youtube}`

describe('demo YouTube Data API v3', () => {
  it('channels.list by @handle: the channel with string counts and its uploads playlist', async () => {
    const { status, body } = await get(`channels?part=snippet,statistics,contentDetails&forHandle=%40NordlysOutdoor&${key}`)
    expect(status).toBe(200)
    expect(body.kind).toBe('youtube#channelListResponse')
    expect(body.items).toHaveLength(1)
    expect(body.items[0]).toMatchObject({
      kind: 'youtube#channel',
      id: 'UCnordlysoutdoor00000000',
      snippet: { title: 'Nordlys Outdoor', customUrl: '@nordlysoutdoor' },
      contentDetails: { relatedPlaylists: { uploads: 'UUnordlysoutdoor00000000' } },
      statistics: { viewCount: '45806', subscriberCount: '24100', hiddenSubscriberCount: false, videoCount: '6' },
    })
  })

  it('only the parts asked for', async () => {
    const { body } = await get(`channels?part=statistics&id=UCnordlysoutdoor00000000&${key}`)
    expect(Object.keys(body.items[0]).sort()).toEqual(['etag', 'id', 'kind', 'statistics'])
  })

  it('a subscriber count after a bump is rounded down to three significant figures', async () => {
    site.state.followersBump = 987
    try {
      const { body } = await get(`channels?part=statistics&id=UCnordlysoutdoor00000000&${key}`)
      // 24,100 + 987 = 25,087: 25.0K on the page, "25000" from the API.
      expect(body.items[0].statistics.subscriberCount).toBe('25000')
    } finally {
      site.state.followersBump = 0
    }
  })

  it('an unknown channel: 200 and no items', async () => {
    const { status, body } = await get(`channels?part=statistics&forHandle=@nobody&${key}`)
    expect(status).toBe(200)
    expect(body).not.toHaveProperty('items')
    expect(body.pageInfo.totalResults).toBe(0)
  })

  it('channels.list without a filter: 400 missingRequiredParameter', async () => {
    const { status, body } = await get(`channels?part=statistics&${key}`)
    expect(status).toBe(400)
    expect(body.error.errors[0].reason).toBe('missingRequiredParameter')
  })

  it('playlistItems.list: the uploads newest first, pages of maxResults with a token to the next', async () => {
    const first = await get(`playlistItems?part=contentDetails&playlistId=UUnordlysoutdoor00000000&maxResults=4&${key}`)
    expect(first.body.items.map((item: any) => item.contentDetails)).toEqual([
      { videoId: 'p0larnatt22', videoPublishedAt: '2026-11-12T10:00:00Z' },
      { videoId: 'aur0raTent1', videoPublishedAt: '2026-10-29T10:00:00Z' },
      { videoId: 'lyngenClean', videoPublishedAt: '2026-10-15T10:00:00Z' },
      { videoId: 'finnmark-3x', videoPublishedAt: '2026-10-01T10:00:00Z' },
    ])
    const second = await get(`playlistItems?part=contentDetails&playlistId=UUnordlysoutdoor00000000&maxResults=4&pageToken=${first.body.nextPageToken}&${key}`)
    expect(second.body.items.map((item: any) => item.contentDetails.videoId)).toEqual(['skiTour2026', 's0rvaranger'])
    expect(second.body).not.toHaveProperty('nextPageToken')
  })

  it('playlistItems.list for a playlist that does not exist: 404 playlistNotFound', async () => {
    const { status, body } = await get(`playlistItems?part=contentDetails&playlistId=UUnobody&${key}`)
    expect(status).toBe(404)
    expect(body.error.errors[0].reason).toBe('playlistNotFound')
  })

  it('videos.list: likes and comments as strings, no commentCount where comments are off, unknown ids left out', async () => {
    const { body } = await get(`videos?part=statistics&id=p0larnatt22,nope0000000,skiTour2026&${key}`)
    expect(body.items.map((item: any) => [item.id, item.statistics])).toEqual([
      ['p0larnatt22', { viewCount: '4210', likeCount: '312', favoriteCount: '0', commentCount: '41' }],
      ['skiTour2026', { viewCount: '15022', likeCount: '1204', favoriteCount: '0' }],
    ])
  })

  it.each([
    ['no key', '', 403, 'forbidden', 'PERMISSION_DENIED'],
    ['a wrong key', '&key=AIzaWrong', 400, 'badRequest', 'INVALID_ARGUMENT'],
    ['the quota key', '&key=quota', 403, 'quotaExceeded', undefined],
    ['the disabled key', '&key=disabled', 403, 'accessNotConfigured', 'PERMISSION_DENIED'],
  ])('%s: Google’s error body', async (_what, keyParam, code, reason, googleStatus) => {
    const { status, body } = await get(`channels?part=statistics&forHandle=@nordlysoutdoor${keyParam}`)
    expect(status).toBe(code)
    expect(body.error.code).toBe(code)
    expect(body.error.errors[0].reason).toBe(reason)
    expect(body.error.status).toBe(googleStatus)
  })

  it('the wrong key and the disabled project carry their ErrorInfo reasons', async () => {
    const wrong = await get('channels?part=statistics&forHandle=@nordlysoutdoor&key=AIzaWrong')
    expect(wrong.body.error.details[0].reason).toBe('API_KEY_INVALID')
    const disabled = await get('channels?part=statistics&forHandle=@nordlysoutdoor&key=disabled')
    expect(disabled.body.error.details[0].reason).toBe('SERVICE_DISABLED')
  })
})
