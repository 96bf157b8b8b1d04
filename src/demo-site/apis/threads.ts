// Owns the demo site's Threads API (graph.threads.net): `/v1.0/me`, the
// user's `threads_insights` followers_count and its `threads` (the company's
// posts), with Graph API error answers.
// The numbers are those the demo Threads page shows (same bumps). Tokens:
// the demo credential is @nordlysoutdoor's; `demo-threads-token-other`
// belongs to another Threads account; `expired` and `ratelimited` get Meta's
// answers for those cases; anything else is an invalid token.
import type { ApiContext } from '../api.js'
import { jsonReply, type Reply } from '../reply.js'
import { COMPANY, COMPANY_POSTS, THREADS, followers } from '../platforms.js'

/** The Threads user id of the demo account (a Threads id is a long decimal string). */
export const THREADS_USER_ID = '17841400000012300'

const OTHER_TOKEN = 'demo-threads-token-other'
const OTHER = { id: '17841400000099901', username: 'fjellkraft', name: 'Fjellkraft', threads_biography: 'Mountain power since 1998.', followers: 8_800 } as const

function graphError(status: number, code: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return jsonReply(status, { error: { message, type: code === 100 ? 'GraphMethodException' : 'OAuthException', code, ...extra, fbtrace_id: 'AdemoThreadsTrace01' } })
}

/** `path` starts with `/threads-api`; `token` is the demo credential it accepts. */
export function threadsApiAnswer(context: ApiContext, authorization: string | undefined, path: string, query: URLSearchParams, token: string): Reply {
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? query.get('access_token') ?? ''
  if (sent === 'expired') return graphError(400, 190, 'Error validating access token: Session has expired on Monday, 30-Nov-26 09:00:00 PST.', { error_subcode: 463 })
  if (sent === 'ratelimited') return graphError(400, 4, '(#4) Application request limit reached', { is_transient: true })
  const user =
    sent === token
      ? { id: THREADS_USER_ID, username: THREADS.username, name: COMPANY.name, threads_biography: COMPANY.tagline, followers: followers(THREADS.followers, context.bumps) }
      : sent === OTHER_TOKEN
        ? OTHER
        : undefined
  if (user === undefined) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token')

  const [, , version, node, edge, ...rest] = path.split('/')
  if (version !== 'v1.0' || node === undefined || rest.length > 0) return graphError(400, 2500, 'Unknown path components')
  if (node !== 'me' && node !== user.id) {
    return graphError(400, 100, `Unsupported get request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 })
  }
  if (edge === undefined) {
    // Graph answers the fields asked for, and the id.
    const wanted = new Set((query.get('fields') ?? '').split(',').filter(Boolean))
    const profile: Record<string, string> = { id: user.id }
    for (const field of ['username', 'name', 'threads_biography'] as const) if (wanted.has(field)) profile[field] = user[field]
    return jsonReply(200, profile)
  }
  if (edge === 'threads') {
    const wanted = new Set(['id', ...(query.get('fields') ?? '').split(',').filter(Boolean)])
    const limit = Math.min(100, Number(query.get('limit') ?? 25) || 25)
    const own = user.id === THREADS_USER_ID ? COMPANY_POSTS : []
    const data = own.slice(0, limit).map((post, i) => {
      const media: Record<string, string> = {
        id: `${user.id.slice(-6)}000${i}`,
        media_product_type: 'THREADS',
        media_type: 'TEXT_POST',
        text: post.text,
        timestamp: `${post.date}T09:00:00+0000`,
        username: user.username,
      }
      return Object.fromEntries(Object.entries(media).filter(([key]) => wanted.has(key)))
    })
    return jsonReply(200, { data, paging: { cursors: { before: 'QVFIUmRlbW9CZWZvcmU', after: 'QVFIUmRlbW9BZnRlcg' } } })
  }
  if (edge !== 'threads_insights') return graphError(400, 2500, 'Unknown path components')
  const metrics = (query.get('metric') ?? '').split(',').filter(Boolean)
  if (metrics.length === 0 || metrics.some((metric) => metric !== 'followers_count')) {
    return graphError(400, 100, '(#100) The value must be a valid insights metric')
  }
  return jsonReply(200, {
    data: [
      {
        name: 'followers_count',
        period: 'day',
        title: 'Followers',
        description: 'This is the total number of followers of your Threads profile.',
        total_value: { value: user.followers },
        id: `${user.id}/insights/followers_count/day`,
      },
    ],
  })
}
