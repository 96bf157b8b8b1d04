// Owns reading a Facebook Page through Meta's Graph API with the owner's Page
// access token (SHOWTELL_FACEBOOK_TOKEN): the Page's followers
// (`followers_count`) and, as a separate number, its likes (`fan_count`),
// then its recent posts for engagement. Likes are never followers.
//
// Requests (Graph API v25.0, the token in `Authorization: Bearer`):
//   GET /v25.0/{page}?fields=id,username,name,about,followers_count,fan_count
//   GET /v25.0/{page-id}/posts?fields=created_time,reactions.limit(0).summary(true),
//       comments.limit(0).summary(true),shares&limit=25
// `{page}` is the account's platformId (the Page id), else the Page username
// from its handle or the last segment of its url.
//
// Documentation:
// - Page node and its fields (followers_count, fan_count, about, username):
//   https://developers.facebook.com/docs/graph-api/reference/page/
// - Page posts edge and the Post node (created_time, shares.count),
//   reactions/comments edges with `summary.total_count`:
//   https://developers.facebook.com/docs/graph-api/reference/page/feed/
//   https://developers.facebook.com/docs/graph-api/reference/post/
// - Page access tokens and the pages_read_engagement permission:
//   https://developers.facebook.com/documentation/facebook-login/guides/access-tokens
// - Errors: see graph-errors.ts.
import { count, dateTime, describeFailure, maybe, object, array, string, matching } from '../data/decode.js'
import { credentialVariable } from '../secrets/credentials.js'
import type { Metrics } from '../snapshot/metrics.js'
import { engagementOf, type PostCounts } from './graph-posts.js'
import { graphHeaders, graphJson, graphRefusal, graphUrl, graphNoAnswer } from './graph-errors.js'
import { text } from './source-helpers.js'
import type { AccountRef, ApiSource, SourceContext, SourceOutcome } from './source.js'

const ID = 'facebook-graph-api'
const NAME = 'Meta Graph API (Facebook Page)'
const POSTS_PAGE = 25

const WORDS = { api: NAME, service: 'facebook', permissions: 'pages_read_engagement (a Page access token of the Page)', thing: 'Facebook Page' } as const

const pageAnswer = object({
  id: matching(/^\d+$/, 'a numeric Page id'),
  username: maybe(string),
  name: maybe(string),
  about: maybe(string),
  followers_count: count,
  fan_count: maybe(count),
})

const summary = maybe(object({ summary: maybe(object({ total_count: count })) }))
const postsAnswer = object({
  data: array(object({ created_time: dateTime, reactions: summary, comments: summary, shares: maybe(object({ count })) })),
})

// A Page username: letters, digits and periods (Facebook allows no others); an id is digits.
const PAGE_NAME = /^[A-Za-z0-9.]{1,100}$/

/** The Page to ask for: its id, else its username from the handle or the url. */
export function facebookPageOf(account: AccountRef): string | undefined {
  if (account.platformId && /^\d+$/.test(account.platformId)) return account.platformId
  const handle = account.handle?.replace(/^@/, '')
  if (handle) return PAGE_NAME.test(handle) ? handle : undefined
  if (!account.url) return undefined
  let url: URL
  try {
    url = new URL(account.url)
  } catch {
    return undefined
  }
  // https://www.facebook.com/profile.php?id=100064… names the Page by its id.
  const id = url.pathname.endsWith('/profile.php') ? url.searchParams.get('id') : null
  if (id) return /^\d+$/.test(id) ? id : undefined
  const last = url.pathname.split('/').filter(Boolean).at(-1)
  return last && PAGE_NAME.test(last) ? last : undefined
}

async function read(context: SourceContext): Promise<SourceOutcome> {
  const token = context.credential
  if (!token) return { status: 'skipped', reason: `${credentialVariable('facebook')} is not set` }
  return readPage(context, token)
}

async function readPage(context: SourceContext, token: string): Promise<SourceOutcome> {
  const page = facebookPageOf(context.account)
  if (!page) return { status: 'skipped', reason: 'no Facebook Page id or username to ask for (set the account\'s handle or url)' }

  let answer
  try {
    answer = await context.get(graphUrl(context, encodeURIComponent(page), { fields: 'id,username,name,about,followers_count,fan_count' }), graphHeaders(token))
  } catch (error) {
    return graphNoAnswer(NAME, error, token)
  }
  const refused = graphRefusal(answer, WORDS)
  if (refused) return refused
  const json = graphJson(answer, NAME)
  if (!json.ok) return json.outcome
  const decoded = pageAnswer(json.value)
  if (!decoded.ok) return { status: 'error', reason: `${NAME} answered 200 with an unexpected answer (${describeFailure(decoded.failure)})` }
  const data = decoded.value
  // The numbers must be this Page's: asked by id, the id must match; asked by
  // username, a username in the answer must be that one.
  const askedById = /^\d+$/.test(page)
  if (askedById ? data.id !== page : data.username !== undefined && data.username.toLowerCase() !== page.toLowerCase()) {
    return { status: 'error', reason: `${NAME} answered for another Page than the one asked for` }
  }

  const metrics: Metrics = {
    followers: { value: data.followers_count, source: 'api', via: ID },
    ...(data.fan_count !== undefined ? { likes: { value: data.fan_count, source: 'api', via: ID } } : {}),
    ...(await engagement(context, token, data.id)),
  }
  return { status: 'ok', metrics, ...text('title', data.name), ...text('description', data.about) }
}

/** The Page's recent posts; any failure here leaves the headline numbers as they are. */
async function engagement(context: SourceContext, token: string, pageId: string): Promise<Metrics> {
  try {
    const url = graphUrl(context, `${pageId}/posts`, {
      fields: 'created_time,reactions.limit(0).summary(true),comments.limit(0).summary(true),shares',
      limit: String(POSTS_PAGE),
    })
    const answer = await context.get(url, graphHeaders(token))
    if (answer.status !== 200) return {}
    const json = graphJson(answer, NAME)
    if (!json.ok) return {}
    const decoded = postsAnswer(json.value)
    if (!decoded.ok) return {}
    const posts: PostCounts[] = decoded.value.data.map((post) => {
      const reactions = post.reactions?.summary?.total_count
      const comments = post.comments?.summary?.total_count
      // `shares` is left out of a post nobody shared: that is 0, not unknown.
      const shares = post.shares?.count ?? 0
      return { at: Date.parse(post.created_time), ...(reactions !== undefined && comments !== undefined ? { interactions: reactions + comments + shares } : {}) }
    })
    return engagementOf(posts, context.now, ID, posts.length < POSTS_PAGE)
  } catch {
    return {}
  }
}

export const facebookGraphApi: ApiSource = { id: ID, name: NAME, credential: 'facebook', read }
