// Owns reading an Instagram professional account through Meta's Graph API
// with the owner's token (SHOWTELL_INSTAGRAM_TOKEN). One documented flow is
// supported: the Instagram API with Facebook Login (graph.facebook.com, a
// Facebook User access token of someone with a role on the Facebook Page that
// the company's Instagram Business or Creator account is linked to). The
// Instagram API with Instagram Login (graph.instagram.com) is not: it has no
// business_discovery, so it could not read the competitors' accounts.
//
// Requests (Graph API v25.0, the token in `Authorization: Bearer`):
// 1. GET /v25.0/me/accounts?fields=instagram_business_account{id,username}
//    → the Pages the token may manage and their linked IG users.
// 2a. The account asked for is one of them (its own account):
//    GET /v25.0/{ig-user-id}?fields=id,username,name,biography,followers_count,follows_count,media_count
//    GET /v25.0/{ig-user-id}/media?fields=timestamp,like_count,comments_count&limit=50
// 2b. Any other account (a competitor, a fan page), on the token's IG user:
//    GET /v25.0/{ig-user-id}?fields=business_discovery.username(<handle>){username,name,
//        biography,followers_count,follows_count,media_count,media.limit(50){timestamp,like_count,comments_count}}
// The numbers are used only when the answer's username is the handle asked for.
//
// Documentation:
// - Getting started (me/accounts, the Page's instagram_business_account):
//   https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-facebook-login/get-started
//   https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/page
// - IG User fields (followers_count, follows_count, media_count, username, biography):
//   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user
// - IG User media edge and IG Media fields (timestamp, like_count, comments_count;
//   like_count is left out when the owner hides like counts):
//   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
//   https://developers.facebook.com/docs/instagram-platform/reference/instagram-media
// - Business discovery (instagram_basic, instagram_manage_insights,
//   pages_read_engagement; Business and Creator accounts only, sample answer
//   for "bluebottle"):
//   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery
//   https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/business-discovery
// - Errors: see graph-errors.ts. business_discovery answers 110/2207013
//   ("Invalid user id") both for a username that does not exist and for a
//   personal account, which the API cannot read.
import { array, count, dateTime, describeFailure, matching, maybe, object, string } from '../data/decode.js'
import { credentialVariable } from '../secrets/credentials.js'
import type { Metrics } from '../snapshot/metrics.js'
import { graphErrorOf, graphHeaders, graphJson, graphRefusal, graphUrl, graphNoAnswer, type GraphRefusalWords } from './graph-errors.js'
import { engagementOf, type PostCounts } from './graph-posts.js'
import type { AccountRef, ApiSource, HttpAnswer, SourceContext, SourceOutcome } from './source.js'

const ID = 'instagram-graph-api'
const NAME = 'Meta Graph API (Instagram)'
const MEDIA_PAGE = 50

const WORDS = {
  api: NAME,
  service: 'instagram',
  permissions: 'instagram_basic, pages_show_list and pages_read_engagement',
  thing: 'Instagram account',
} as const satisfies GraphRefusalWords
const DISCOVERY_WORDS = { ...WORDS, permissions: 'instagram_basic, instagram_manage_insights and pages_read_engagement' } as const

const IG_ID = matching(/^\d+$/, 'a numeric IG user id')

const accountsAnswer = object({
  data: array(object({ id: string, instagram_business_account: maybe(object({ id: IG_ID, username: maybe(string) })) })),
})

const mediaList = object({
  data: array(object({ timestamp: dateTime, like_count: maybe(count), comments_count: maybe(count) })),
})

const userFields = {
  username: string,
  name: maybe(string),
  biography: maybe(string),
  followers_count: count,
  follows_count: maybe(count),
  media_count: maybe(count),
}
const ownAnswer = object({ id: IG_ID, ...userFields })
const discoveryAnswer = object({ business_discovery: maybe(object({ ...userFields, media: maybe(mediaList) })) })

// Instagram usernames: letters, digits, periods and underscores, at most 30.
// Checked before it goes into `business_discovery.username(…)`, whose syntax
// a `)` or `{` would change.
const USERNAME = /^[A-Za-z0-9._]{1,30}$/

/** The Instagram username asked for: the handle, else the url's last path segment. */
export function instagramUsernameOf(account: AccountRef): string | undefined {
  let name = account.handle?.replace(/^@/, '')
  if (!name && account.url) {
    try {
      name = new URL(account.url).pathname.split('/').filter(Boolean).at(-1)?.replace(/^@/, '')
    } catch {
      return undefined
    }
  }
  return name && USERNAME.test(name) ? name : undefined
}

async function read(context: SourceContext): Promise<SourceOutcome> {
  const token = context.credential
  if (!token) return { status: 'skipped', reason: `${credentialVariable('instagram')} is not set` }
  return readAccount(context, token)
}

type Got = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly outcome: SourceOutcome }

/** One GET: the JSON of a success, or the outcome of a refusal or of no answer. */
async function getJson(context: SourceContext, token: string, url: string, words: GraphRefusalWords, special?: (answer: HttpAnswer) => SourceOutcome | undefined): Promise<Got> {
  let answer: HttpAnswer
  try {
    answer = await context.get(url, graphHeaders(token))
  } catch (error) {
    return { ok: false, outcome: graphNoAnswer(NAME, error, token) }
  }
  const refused = special?.(answer) ?? graphRefusal(answer, words)
  if (refused) return { ok: false, outcome: refused }
  return graphJson(answer, NAME)
}

async function readAccount(context: SourceContext, token: string): Promise<SourceOutcome> {
  const wanted = instagramUsernameOf(context.account)
  if (!wanted) return { status: 'skipped', reason: 'no Instagram username to ask for (set the account\'s handle or url)' }

  const pages = await getJson(context, token, graphUrl(context, 'me/accounts', { fields: 'instagram_business_account{id,username}', limit: '100' }), WORDS)
  if (!pages.ok) return pages.outcome
  const decodedPages = accountsAnswer(pages.value)
  if (!decodedPages.ok) return unexpected(decodedPages.failure)
  const linked = decodedPages.value.data.flatMap((page) => (page.instagram_business_account ? [page.instagram_business_account] : []))
  if (linked.length === 0) {
    return {
      status: 'blocked',
      reason: `${NAME}: ${credentialVariable('instagram')} reaches no Instagram professional account; link the company's Instagram account to a Facebook Page the token's user manages`,
    }
  }
  const own = linked.find((account) => account.username?.toLowerCase() === wanted.toLowerCase())
  return own ? readOwn(context, token, own.id, wanted) : readOther(context, token, linked[0]!.id, wanted)
}

async function readOwn(context: SourceContext, token: string, igUserId: string, wanted: string): Promise<SourceOutcome> {
  const user = await getJson(context, token, graphUrl(context, igUserId, { fields: 'id,username,name,biography,followers_count,follows_count,media_count' }), WORDS)
  if (!user.ok) return user.outcome
  const decoded = ownAnswer(user.value)
  if (!decoded.ok) return unexpected(decoded.failure)
  const data = decoded.value
  if (data.username.toLowerCase() !== wanted.toLowerCase() || data.id !== igUserId) return anotherAccount()

  let engagement: Metrics = {}
  // The media list is a bonus: a refusal or an odd answer here keeps the counts.
  const media = await getJson(context, token, graphUrl(context, `${igUserId}/media`, { fields: 'timestamp,like_count,comments_count', limit: String(MEDIA_PAGE) }), WORDS)
  if (media.ok) {
    const list = mediaList(media.value)
    if (list.ok) engagement = engagementOfMedia(list.value.data, context.now)
  }
  return outcome(data, engagement)
}

async function readOther(context: SourceContext, token: string, igUserId: string, wanted: string): Promise<SourceOutcome> {
  const fields = `business_discovery.username(${wanted}){username,name,biography,followers_count,follows_count,media_count,media.limit(${MEDIA_PAGE}){timestamp,like_count,comments_count}}`
  const found = await getJson(context, token, graphUrl(context, igUserId, { fields }), DISCOVERY_WORDS, (answer) => {
    const error = graphErrorOf(answer)
    // 110/2207013: no professional account by that name (or a personal one, which the API cannot read).
    if (error?.code === 110) {
      return { status: 'not-found', reason: `no Instagram Business or Creator account named @${wanted} (${NAME}: error ${error.code}${error.subcode !== undefined ? `/${error.subcode}` : ''}; a personal account cannot be read)` }
    }
    return undefined
  })
  if (!found.ok) return found.outcome
  const decoded = discoveryAnswer(found.value)
  if (!decoded.ok) return unexpected(decoded.failure)
  const data = decoded.value.business_discovery
  if (!data) return { status: 'error', reason: `${NAME} answered 200 without business_discovery` }
  if (data.username.toLowerCase() !== wanted.toLowerCase()) return anotherAccount()
  const engagement = data.media ? engagementOfMedia(data.media.data, context.now) : {}
  return outcome(data, engagement)
}

function engagementOfMedia(media: readonly { timestamp: string; like_count?: number; comments_count?: number }[], now: Date): Metrics {
  const posts: PostCounts[] = media.map((item) => ({
    at: Date.parse(item.timestamp),
    // like_count is left out when the owner hides likes: that post says nothing about interactions.
    ...(item.like_count !== undefined && item.comments_count !== undefined ? { interactions: item.like_count + item.comments_count } : {}),
  }))
  return engagementOf(posts, now, ID, posts.length < MEDIA_PAGE)
}

function outcome(
  data: { name?: string; biography?: string; followers_count: number; follows_count?: number; media_count?: number },
  engagement: Metrics,
): SourceOutcome {
  const metrics: Metrics = {
    followers: { value: data.followers_count, source: 'api', via: ID },
    ...(data.follows_count !== undefined ? { following: { value: data.follows_count, source: 'api', via: ID } } : {}),
    ...(data.media_count !== undefined ? { posts: { value: data.media_count, source: 'api', via: ID } } : {}),
    ...engagement,
  }
  return {
    status: 'ok',
    metrics,
    ...(data.name?.trim() ? { title: data.name.slice(0, 2000) } : {}),
    ...(data.biography?.trim() ? { description: data.biography.slice(0, 2000) } : {}),
  }
}

function unexpected(failure: Parameters<typeof describeFailure>[0]): SourceOutcome {
  return { status: 'error', reason: `${NAME} answered 200 with an unexpected answer (${describeFailure(failure)})` }
}

function anotherAccount(): SourceOutcome {
  return { status: 'error', reason: `${NAME} answered for another account than the one asked for` }
}

export const instagramGraphApi: ApiSource = { id: ID, name: NAME, credential: 'instagram', read }
