// Owns the list of the owners' official APIs the demo site imitates, one
// module each under demo-site/apis/: the first path segment it answers
// (`/youtube-api/...` stands in for https://www.googleapis.com) and its
// handler. Each module checks the demo credential of its service and answers
// with the real service's field names, status codes and error bodies.
import type { DemoRequest, DemoResponse } from '../reply.js'
import type { ApiContext } from '../api.js'
import { youtubeApi } from './youtube.js'
import { graphApi } from './graph.js'
import { linkedinApiAnswer } from './linkedin.js'
import { threadsApiAnswer } from './threads.js'
import { tiktokApiAnswer } from './tiktok.js'

export interface OwnerApiRoute {
  /** The first path segment, e.g. `youtube-api`. */
  readonly prefix: string
  /** Shown on the demo site's index page. */
  readonly what: string
  /** `path` is decoded and starts with `/<prefix>`; `request.authorization` is the Authorization header. */
  answer(context: ApiContext, request: DemoRequest, path: string, query: URLSearchParams): DemoResponse
}

/**
 * The demo credentials: what each emulated API accepts. They are not
 * secrets; the README and the example workspace show them. A value of
 * `expired` or `revoked`, sent instead, gets the real service's answer for
 * that case where the module imitates it.
 */
export const DEMO_CREDENTIALS = {
  youtube: 'demo-youtube-key',
  facebook: 'demo-facebook-token',
  instagram: 'demo-instagram-token',
  threads: 'demo-threads-token',
  linkedin: 'demo-linkedin-token',
  tiktok: 'demo-tiktok-token',
} as const

export const OWNER_APIS: readonly OwnerApiRoute[] = [
  youtubeApi(DEMO_CREDENTIALS.youtube),
  graphApi(DEMO_CREDENTIALS),
  {
    prefix: 'threads-api',
    what: 'Threads API: /v1.0/me, /v1.0/{id}/threads_insights?metric=followers_count and /v1.0/{id}/threads; needs Authorization: Bearer <demo Threads token>',
    answer: (context, request, path, query) => threadsApiAnswer(context, request.authorization, path, query, DEMO_CREDENTIALS.threads),
  },
  {
    prefix: 'linkedin-api',
    what: 'LinkedIn Community Management API: /rest/organizations?q=vanityName and /rest/networkSizes/urn:li:organization:{id}; needs Authorization: Bearer <demo LinkedIn token>',
    answer: (context, request, path, query) => linkedinApiAnswer(context, request.authorization, path, query, DEMO_CREDENTIALS.linkedin),
  },
  {
    prefix: 'tiktok-api',
    what: 'TikTok Display API: /v2/user/info/?fields=…; needs Authorization: Bearer <demo TikTok token>',
    answer: (context, request, path, query) => tiktokApiAnswer(context, request.authorization, path, query, DEMO_CREDENTIALS.tiktok),
  },
]
