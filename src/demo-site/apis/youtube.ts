// Owns the demo site's YouTube Data API v3 (`/youtube-api/...` stands in for
// https://www.googleapis.com): channels.list, playlistItems.list and
// videos.list for the demo channel, with Google's field names, counts written
// as strings, the subscriber count rounded down to three significant figures
// as the real API does, and Google's error bodies. The numbers are the ones
// the demo channel page shows (platforms.ts, with the same bumps).
//
// Keys (the `key` query parameter): DEMO_CREDENTIALS.youtube is accepted;
// `quota` gets 403 quotaExceeded, `disabled` gets 403 accessNotConfigured
// (the API not enabled in the key's project), no key gets 403 forbidden, and
// any other key 400 "API key not valid" (reason badRequest with ErrorInfo
// API_KEY_INVALID, as Google answers today). Google keys do not expire, so
// there is no expired case.
import type { ApiContext } from '../api.js'
import { COMPANY, YOUTUBE, followers, posts } from '../platforms.js'
import { jsonReply, type Reply } from '../reply.js'

export const YOUTUBE_API_PREFIX = 'youtube-api'

/** What the API answers for the key `quota` and `disabled`; anything else that is not the demo key is invalid. */
export const YOUTUBE_TEST_KEYS = { quota: 'quota', disabled: 'disabled' } as const

/** The uploads playlist: YouTube's is the channel id with `UU` for `UC`. */
export const UPLOADS_PLAYLIST = `UU${YOUTUBE.channelId.slice(2)}`

/**
 * Likes and comments per video (the channel page does not show them). The
 * ski tour has comments turned off, so the API leaves out its commentCount.
 */
export const VIDEO_ENGAGEMENT: Readonly<Record<string, { readonly likes: number; readonly comments?: number }>> = {
  p0larnatt22: { likes: 312, comments: 41 },
  aur0raTent1: { likes: 980, comments: 87 },
  lyngenClean: { likes: 175, comments: 12 },
  'finnmark-3x': { likes: 640, comments: 58 },
  skiTour2026: { likes: 1_204 },
  s0rvaranger: { likes: 230, comments: 19 },
}

const PROJECT = '123456789012'

function googleError(code: number, message: string, errors: readonly Record<string, string>[], extra: Record<string, unknown> = {}): Reply {
  return jsonReply(code, { error: { code, message, errors: errors.map((error) => ({ message, ...error })), ...extra } })
}

function keyRefusal(key: string | null, demoKey: string): Reply | undefined {
  if (key === demoKey) return undefined
  if (key === null || key === '') {
    return googleError(403, 'The request is missing a valid API key.', [{ domain: 'global', reason: 'forbidden' }], { status: 'PERMISSION_DENIED' })
  }
  if (key === YOUTUBE_TEST_KEYS.quota) {
    return googleError(403, 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', [
      { domain: 'youtube.quota', reason: 'quotaExceeded' },
    ])
  }
  if (key === YOUTUBE_TEST_KEYS.disabled) {
    const console = `https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=${PROJECT}`
    return googleError(
      403,
      `YouTube Data API v3 has not been used in project ${PROJECT} before or it is disabled. Enable it by visiting ${console} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
      [{ domain: 'usageLimits', reason: 'accessNotConfigured', extendedHelp: 'https://console.developers.google.com' }],
      {
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'SERVICE_DISABLED',
            domain: 'googleapis.com',
            metadata: { service: 'youtube.googleapis.com', consumer: `projects/${PROJECT}`, activationUrl: console },
          },
        ],
      },
    )
  }
  return googleError(400, 'API key not valid. Please pass a valid API key.', [{ domain: 'global', reason: 'badRequest' }], {
    status: 'INVALID_ARGUMENT',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'youtube.googleapis.com' } },
    ],
  })
}

function required(name: string): Reply {
  return googleError(400, `Required parameter: ${name}`, [{ domain: 'global', reason: 'required', location: name, locationType: 'parameter' }])
}

/** A count the API rounds: down to three significant figures from 1,000 on. */
export function roundedSubscribers(n: number): number {
  if (n < 1_000) return n
  const step = 10 ** (String(Math.trunc(n)).length - 3)
  return Math.floor(n / step) * step
}

/** The feeds' date shift (see feeds.ts), so the API and the Atom feed date the videos alike. */
function shiftOf(context: ApiContext): number {
  return 'feedShiftMs' in context && typeof context.feedShiftMs === 'number' ? context.feedShiftMs : 0
}

function publishedAt(iso: string, shiftMs: number): string {
  return new Date(Date.parse(iso) + shiftMs).toISOString().replace(/\.000Z$/, 'Z')
}

function channels(context: ApiContext, query: URLSearchParams): Reply {
  const part = query.get('part')
  if (!part) return required('part')
  const id = query.get('id')
  const handle = query.get('forHandle')
  if (id === null && handle === null) {
    return googleError(400, 'No filter selected. Expected one of: forHandle, forUsername, id, managedByMe, mine, mySubscribers', [
      { domain: 'youtube.parameter', reason: 'missingRequiredParameter', location: 'parameters.', locationType: 'other' },
    ])
  }
  const ours = id !== null ? id.split(',').includes(YOUTUBE.channelId) : handle!.replace(/^@/, '').toLowerCase() === YOUTUBE.handle
  const parts = new Set(part.split(',').map((name) => name.trim()))
  const list = { kind: 'youtube#channelListResponse', etag: 'demo-etag-channels' }
  // Google answers a channel that does not exist with 200 and no `items`.
  if (!ours) return jsonReply(200, { ...list, pageInfo: { totalResults: 0, resultsPerPage: 5 } })
  const description = `${COMPANY.tagline} Field tests, repairs and trips from Tromsø.`
  const item = {
    kind: 'youtube#channel',
    etag: 'demo-etag-channel',
    id: YOUTUBE.channelId,
    ...(parts.has('snippet')
      ? {
          snippet: {
            title: COMPANY.name,
            description,
            customUrl: `@${YOUTUBE.handle}`,
            publishedAt: new Date(YOUTUBE.created).toISOString(),
            thumbnails: { default: { url: `${context.origin}/img/nordlys-youtube-avatar.svg`, width: 88, height: 88 } },
            localized: { title: COMPANY.name, description },
            country: 'NO',
          },
        }
      : {}),
    ...(parts.has('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: UPLOADS_PLAYLIST } } } : {}),
    ...(parts.has('statistics')
      ? {
          statistics: {
            viewCount: String(YOUTUBE.videos.reduce((sum, video) => sum + video.views, 0)),
            subscriberCount: String(roundedSubscribers(followers(YOUTUBE.subscribers, context.bumps))),
            hiddenSubscriberCount: false,
            videoCount: String(posts(YOUTUBE.videos.length, context.bumps)),
          },
        }
      : {}),
  }
  return jsonReply(200, { ...list, pageInfo: { totalResults: 1, resultsPerPage: 5 }, items: [item] })
}

function playlistItems(context: ApiContext, query: URLSearchParams): Reply {
  if (!query.get('part')) return required('part')
  const playlistId = query.get('playlistId')
  if (playlistId !== UPLOADS_PLAYLIST) {
    const message = "The playlist identified with the request's <code>playlistId</code> parameter cannot be found."
    return googleError(404, message, [{ domain: 'youtube.playlistItem', reason: 'playlistNotFound', location: 'playlistId', locationType: 'parameter' }])
  }
  const asked = Number(query.get('maxResults') ?? '5')
  if (!Number.isInteger(asked) || asked < 0 || asked > 50) {
    return googleError(400, "Invalid value '" + String(query.get('maxResults')) + "'. Values must be within the range: [0, 50]", [
      { domain: 'global', reason: 'invalidParameter', location: 'maxResults', locationType: 'parameter' },
    ])
  }
  const offset = Number(/^p(\d{1,3})$/.exec(query.get('pageToken') ?? '')?.[1] ?? '0')
  const shiftMs = shiftOf(context)
  const page = YOUTUBE.videos.slice(offset, offset + asked)
  const next = offset + asked < YOUTUBE.videos.length ? { nextPageToken: `p${offset + asked}` } : {}
  return jsonReply(200, {
    kind: 'youtube#playlistItemListResponse',
    etag: 'demo-etag-uploads',
    ...next,
    items: page.map((video, i) => ({
      kind: 'youtube#playlistItem',
      etag: `demo-etag-item-${offset + i}`,
      id: `${UPLOADS_PLAYLIST}.${video.id}`,
      contentDetails: { videoId: video.id, videoPublishedAt: publishedAt(video.published, shiftMs) },
    })),
    pageInfo: { totalResults: YOUTUBE.videos.length, resultsPerPage: asked },
  })
}

function videos(query: URLSearchParams): Reply {
  if (!query.get('part')) return required('part')
  const ids = (query.get('id') ?? '').split(',').filter((id) => id !== '')
  if (ids.length > 50) {
    return googleError(400, 'The request specifies an invalid filter parameter.', [{ domain: 'youtube.parameter', reason: 'invalidFilters', location: 'parameters.', locationType: 'other' }])
  }
  // Unknown ids are left out of `items`, as Google does.
  const found = ids.flatMap((id) => YOUTUBE.videos.filter((video) => video.id === id))
  return jsonReply(200, {
    kind: 'youtube#videoListResponse',
    etag: 'demo-etag-videos',
    items: found.map((video) => {
      const engagement = VIDEO_ENGAGEMENT[video.id] ?? { likes: 0, comments: 0 }
      return {
        kind: 'youtube#video',
        etag: `demo-etag-${video.id}`,
        id: video.id,
        statistics: {
          viewCount: String(video.views),
          likeCount: String(engagement.likes),
          favoriteCount: '0',
          ...(engagement.comments !== undefined ? { commentCount: String(engagement.comments) } : {}),
        },
      }
    }),
    pageInfo: { totalResults: found.length, resultsPerPage: found.length },
  })
}

/**
 * The route for apis/index.ts (an OwnerApiRoute by shape: importing the type
 * from there would close an import cycle). The key is in the query string,
 * so the request's headers are not read.
 */
export function youtubeApi(demoKey: string) {
  return {
    prefix: YOUTUBE_API_PREFIX,
    what: `YouTube Data API v3 (channels, playlistItems, videos); key=${demoKey}, or quota / disabled for Google's refusals`,
    answer(context: ApiContext, _request: unknown, path: string, query: URLSearchParams): Reply {
      const refused = keyRefusal(query.get('key'), demoKey)
      if (refused) return refused
      switch (path) {
        case `/${YOUTUBE_API_PREFIX}/youtube/v3/channels`:
          return channels(context, query)
        case `/${YOUTUBE_API_PREFIX}/youtube/v3/playlistItems`:
          return playlistItems(context, query)
        case `/${YOUTUBE_API_PREFIX}/youtube/v3/videos`:
          return videos(query)
        default:
          return googleError(404, 'Not Found', [{ domain: 'global', reason: 'notFound' }])
      }
    },
  }
}
