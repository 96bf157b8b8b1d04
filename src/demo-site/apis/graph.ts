// Owns the demo site's imitation of Meta's Graph API (`/graph/v25.0/...`
// stands in for https://graph.facebook.com/v25.0/...) for the Nordlys
// Facebook Page and the demo Instagram accounts: the Page node and its posts,
// `me/accounts` with the linked Instagram professional account, the IG user
// node with its media and `business_discovery`, and Meta's error bodies. The
// `fields` expression is parsed as Graph does it, and only the fields asked
// for come back, so a source that forgets to ask for a field it checks fails
// here as it would against Meta.
//
// Tokens (Authorization: Bearer, or ?access_token= as Graph also accepts),
// given by apis/index.ts (DEMO_CREDENTIALS; taken as an argument so this
// module imports neither index.ts nor routes.ts, which import it): `facebook`
// is the Nordlys Page's access token; `instagram` is a Facebook user's token
// with a role on that Page, whose linked Instagram account is @nordlysoutdoor. `expired` gets
// 190/463, `revoked` 190/458, `ratelimited` Meta's code 4 with HTTP 403, any
// other token 190 "Invalid OAuth access token".
import { jsonReply, type Reply } from '../reply.js'
import { COMPANY, COMPANY_POSTS, FACEBOOK, IMPOSTORS, INSTAGRAM, followers, posts, type InstagramAccount } from '../platforms.js'
import type { ApiContext } from '../api.js'

/** The Page as the Graph API knows it: the same followers as its page states (before the bumps). */
export const GRAPH_PAGE = {
  id: '104729318562340',
  username: FACEBOOK.slug,
  followers: FACEBOOK.followers,
} as const

/** Reactions, comments and shares of the Page's posts, by the post's date (COMPANY_POSTS). */
export const PAGE_POST_COUNTS: Readonly<Record<string, { reactions: number; comments: number; shares: number }>> = {
  '2026-11-19': { reactions: 412, comments: 37, shares: 21 },
  '2026-11-12': { reactions: 288, comments: 19, shares: 9 },
  '2026-11-05': { reactions: 150, comments: 44, shares: 0 },
  '2026-10-29': { reactions: 95, comments: 8, shares: 2 },
}

/** The IG user ids of the demo accounts (all Business accounts; the impostor is a personal account, unreadable). */
export const IG_USER_IDS: Readonly<Record<string, string>> = {
  nordlysoutdoor: '17841400000000001',
  nordlys_news: '17841400000000002',
  fjellkraft: '17841400000000003',
}

/** Likes and comments of each account's latest posts, by date; `likes: undefined` is a post whose owner hides its likes. */
export const IG_MEDIA_COUNTS: Readonly<Record<string, Readonly<Record<string, { likes?: number; comments: number }>>>> = {
  nordlysoutdoor: {
    '2026-11-19': { likes: 1_204, comments: 57 },
    '2026-11-12': { likes: 876, comments: 31 },
    '2026-11-05': { likes: 640, comments: 12 },
    '2026-10-29': { likes: 702, comments: 20 },
  },
  nordlys_news: {
    '2026-11-20': { likes: 88, comments: 6 },
    '2026-11-13': { likes: 61, comments: 3 },
  },
  fjellkraft: {
    '2026-11-16': { likes: 512, comments: 18 },
    '2026-11-09': { comments: 9 },
  },
}

/** The Facebook user behind DEMO_CREDENTIALS.instagram. */
const GRAPH_USER = { id: '10229876543210001', name: 'Ingrid Berg' } as const
const OWN_IG = 'nordlysoutdoor'

// ---- Meta's error bodies ---------------------------------------------------

const TRACE = 'AdemoTrace0Nordlys'

function graphError(status: number, error: Record<string, unknown>): Reply {
  return jsonReply(status, { error: { ...error, fbtrace_id: TRACE } })
}

const ERRORS = {
  noToken: (me: boolean) =>
    me
      ? graphError(400, { message: 'An active access token must be used to query information about the current user.', type: 'OAuthException', code: 2500 })
      : graphError(400, { message: 'An access token is required to request this resource.', type: 'OAuthException', code: 104 }),
  badToken: () => graphError(400, { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 }),
  expired: () =>
    graphError(400, {
      message: 'Error validating access token: Session has expired on Monday, 30-Nov-26 01:00:00 PST. The current time is Tuesday, 01-Dec-26 01:00:00 PST.',
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
    }),
  revoked: () =>
    graphError(400, { message: 'Error validating access token: The user has not authorized application 1234567890123456.', type: 'OAuthException', code: 190, error_subcode: 458 }),
  rateLimited: () => graphError(403, { message: '(#4) Application request limit reached', type: 'OAuthException', is_transient: true, code: 4 }),
  noObject: (id: string) =>
    graphError(400, {
      message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    }),
  noAlias: (alias: string) => graphError(404, { message: `(#803) Some of the aliases you requested do not exist: ${alias}`, type: 'OAuthException', code: 803 }),
  noField: (field: string, type: string) => graphError(400, { message: `(#100) Tried accessing nonexisting field (${field}) on node type (${type})`, type: 'OAuthException', code: 100 }),
  syntax: () => graphError(400, { message: 'Syntax error in the fields parameter', type: 'OAuthException', code: 2500 }),
  noBusiness: (username: string) =>
    graphError(400, {
      message: 'Invalid user id',
      type: 'OAuthException',
      code: 110,
      error_subcode: 2207013,
      is_transient: false,
      error_user_title: 'Cannot find User',
      error_user_msg: `The user with username: ${username} cannot be found.`,
    }),
}

// ---- the fields expression -------------------------------------------------

/** One entry of `fields=a,b.limit(5){c}`: its name, its modifiers (`limit` → "5"), its sub-fields. */
export interface FieldSpec {
  readonly name: string
  readonly modifiers: ReadonlyMap<string, string>
  readonly children?: readonly FieldSpec[]
}

/** Graph's field expansion syntax, or undefined when it does not parse. */
export function parseFields(text: string): FieldSpec[] | undefined {
  let at = 0
  const ident = (): string => {
    const match = /^[A-Za-z0-9_]+/.exec(text.slice(at))
    at += match ? match[0].length : 0
    return match?.[0] ?? ''
  }
  const field = (): FieldSpec | undefined => {
    const name = ident()
    if (!name) return undefined
    const modifiers = new Map<string, string>()
    while (text[at] === '.') {
      at += 1
      const modifier = ident()
      const close = text.indexOf(')', at)
      if (!modifier || text[at] !== '(' || close < 0) return undefined
      modifiers.set(modifier, text.slice(at + 1, close))
      at = close + 1
    }
    if (text[at] !== '{') return { name, modifiers }
    at += 1
    const children = list()
    if (!children || text[at] !== '}') return undefined
    at += 1
    return { name, modifiers, children }
  }
  const list = (): FieldSpec[] | undefined => {
    const out: FieldSpec[] = []
    for (;;) {
      const next = field()
      if (!next) return undefined
      out.push(next)
      if (text[at] !== ',') return out
      at += 1
    }
  }
  const fields = list()
  return fields && at === text.length ? fields : undefined
}

/** A node: plain values, or edges that read their own modifiers and sub-fields. */
type Node = Readonly<Record<string, unknown | ((spec: FieldSpec) => Selected)>>
type Selected = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reply: Reply }

/** The fields asked for, and `id` (Graph always sends it); a field the node lacks is Graph's error #100. */
function select(node: Node, fields: readonly FieldSpec[] | undefined, type: string): Selected {
  const out: Record<string, unknown> = {}
  for (const spec of fields ?? [{ name: 'id', modifiers: new Map() }]) {
    if (!(spec.name in node)) return { ok: false, reply: ERRORS.noField(spec.name, type) }
    const value = node[spec.name]
    if (typeof value === 'function') {
      const edge = (value as (spec: FieldSpec) => Selected)(spec)
      if (!edge.ok) return edge
      if (edge.value !== undefined) out[spec.name] = edge.value
    } else if (value !== undefined) {
      out[spec.name] = value
    }
  }
  if ('id' in node && node.id !== undefined) out.id = node.id
  return { ok: true, value: out }
}

/** An edge's list: `{ data, paging }`, cut at `.limit(n)` or `limit=`. */
function listOf(items: readonly Node[], spec: FieldSpec | undefined, type: string, limit: number): Selected {
  const data: unknown[] = []
  for (const item of items.slice(0, limit)) {
    const selected = select(item, spec?.children, type)
    if (!selected.ok) return selected
    data.push(selected.value)
  }
  return { ok: true, value: { data, paging: { cursors: { before: 'QVFIUmJlZAm9yZQZDZD', after: 'QVFIUmFmdGVyZAZDZD' } } } }
}

function limitOf(raw: string | null | undefined, fallback: number): number {
  if (raw === null || raw === undefined || raw === '') return fallback
  const value = Number(raw)
  return Number.isInteger(value) && value >= 0 ? Math.min(value, 100) : fallback
}

// ---- the nodes ---------------------------------------------------------------

function pageNode(context: ApiContext): Node {
  return {
    id: GRAPH_PAGE.id,
    username: GRAPH_PAGE.username,
    name: COMPANY.name,
    about: COMPANY.tagline,
    category: 'Outdoor & sporting goods company',
    followers_count: followers(GRAPH_PAGE.followers, context.bumps),
    // The demo page shows these as its likes.
    fan_count: followers(FACEBOOK.likes, context.bumps),
    instagram_business_account: (spec: FieldSpec) => select(igUserNode(context, INSTAGRAM.find((a) => a.username === OWN_IG)!, false), spec.children, 'IGUser'),
  }
}

function pagePosts(since: number | undefined): Node[] {
  return COMPANY_POSTS.map((post, i) => ({ post, i }))
    .filter(({ post }) => since === undefined || Date.parse(`${post.date}T08:00:00Z`) / 1000 >= since)
    .map(({ post, i }) => {
      const counts = PAGE_POST_COUNTS[post.date] ?? { reactions: 0, comments: 0, shares: 0 }
      return {
        id: `${GRAPH_PAGE.id}_${1000 + i}`,
        created_time: `${post.date}T08:00:00+0000`,
        message: post.text,
        reactions: (spec: FieldSpec) => summaryEdge(spec, { total_count: counts.reactions, viewer_reaction: 'NONE' }),
        comments: (spec: FieldSpec) => summaryEdge(spec, { order: 'ranked', total_count: counts.comments, can_comment: true }),
        // Graph leaves `shares` out of a post nobody shared.
        shares: counts.shares > 0 ? { count: counts.shares } : undefined,
      }
    })
}

/** `reactions.limit(0).summary(true)`: no list, only the summary. */
function summaryEdge(spec: FieldSpec, summary: Record<string, unknown>): Selected {
  const wantsSummary = spec.modifiers.get('summary') === 'true' || spec.modifiers.get('summary') === 'total_count'
  return { ok: true, value: { data: [], ...(wantsSummary ? { summary } : {}) } }
}

function igUserNode(context: ApiContext, account: InstagramAccount, discovered: boolean): Node {
  const counts = IG_MEDIA_COUNTS[account.username] ?? {}
  const media: Node[] = account.latest.map((post, i) => {
    const c = counts[post.date] ?? { likes: 0, comments: 0 }
    return { id: `${IG_USER_IDS[account.username]}${i}`, timestamp: `${post.date}T10:00:00+0000`, caption: post.text, like_count: c.likes, comments_count: c.comments, media_type: 'IMAGE' }
  })
  return {
    id: IG_USER_IDS[account.username],
    username: account.username,
    name: account.name,
    biography: account.bio,
    followers_count: followers(account.followers, context.bumps),
    follows_count: account.following,
    media_count: posts(account.posts, context.bumps),
    media: (spec: FieldSpec) => listOf(media, spec, 'IGMedia', limitOf(spec.modifiers.get('limit'), 25)),
    // Only the token's own IG user can look others up, and not from inside a lookup.
    ...(discovered ? {} : { business_discovery: (spec: FieldSpec) => businessDiscovery(context, spec) }),
  }
}

function businessDiscovery(context: ApiContext, spec: FieldSpec): Selected {
  const username = spec.modifiers.get('username') ?? ''
  const account = INSTAGRAM.find((candidate) => candidate.username === username.toLowerCase())
  // The impostor is a personal account: Graph cannot tell it from one that does not exist.
  if (!account || username.toLowerCase() === IMPOSTORS.instagram.username) return { ok: false, reply: ERRORS.noBusiness(username) }
  return select(igUserNode(context, account, true), spec.children, 'IGUser')
}

// ---- the route -----------------------------------------------------------------

type Identity = 'page' | 'user'

/** The demo tokens the emulation accepts. */
export interface GraphTokens {
  readonly facebook: string
  readonly instagram: string
}

/** What the route needs of a request (structurally routes.ts's DemoRequest). */
interface GraphRequest {
  readonly authorization?: string
}

function identify(tokens: GraphTokens, request: GraphRequest, query: URLSearchParams, me: boolean): Identity | Reply {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '')?.[1]
  const token = bearer ?? query.get('access_token') ?? ''
  if (token === '') return ERRORS.noToken(me)
  if (token === tokens.facebook) return 'page'
  if (token === tokens.instagram) return 'user'
  if (token === 'expired') return ERRORS.expired()
  if (token === 'revoked') return ERRORS.revoked()
  if (token === 'ratelimited') return ERRORS.rateLimited()
  return ERRORS.badToken()
}

function answer(tokens: GraphTokens, context: ApiContext, request: GraphRequest, path: string, query: URLSearchParams): Reply {
  // "/graph/v25.0/<node>[/<edge>]"; the version may be left out, as Graph allows.
  const parts = path.split('/').slice(2)
  if (parts[0] !== undefined && /^v\d+\.\d+$/.test(parts[0])) parts.shift()
  const [nodeName = '', edge, ...rest] = parts
  if (nodeName === '' || rest.length > 0) return graphError(400, { message: 'Unsupported get request.', type: 'GraphMethodException', code: 100 })
  const who = identify(tokens, request, query, nodeName === 'me')
  if (typeof who !== 'string') return who
  const rawFields = query.get('fields')
  const fields = rawFields === null || rawFields === '' ? undefined : parseFields(rawFields)
  if (rawFields && !fields) return ERRORS.syntax()
  const result = route(context, who, nodeName, edge, fields, query)
  return result.ok ? jsonReply(200, result.value) : result.reply
}

function route(context: ApiContext, who: Identity, nodeName: string, edge: string | undefined, fields: FieldSpec[] | undefined, query: URLSearchParams): Selected {
  const me = nodeName === 'me'
  const isPage = (me && who === 'page') || nodeName === GRAPH_PAGE.id || nodeName.toLowerCase() === GRAPH_PAGE.username
  if (isPage) {
    if (edge === undefined) return select(pageNode(context), fields, 'Page')
    if (edge === 'posts') {
      const since = query.get('since')
      const items = pagePosts(since !== null && /^\d+$/.test(since) ? Number(since) : undefined)
      return listOf(items, fields ? { name: 'posts', modifiers: new Map(), children: fields } : undefined, 'PagePost', limitOf(query.get('limit'), 25))
    }
    return { ok: false, reply: ERRORS.noField(edge, 'Page') }
  }
  if (me) {
    // The Instagram token's Facebook user, and the Pages it may manage.
    if (edge === undefined) return select({ id: GRAPH_USER.id, name: GRAPH_USER.name }, fields, 'User')
    if (edge === 'accounts') {
      const page: Node = { ...pageNode(context), access_token: undefined }
      return listOf([page], fields ? { name: 'accounts', modifiers: new Map(), children: fields } : undefined, 'Page', limitOf(query.get('limit'), 25))
    }
    return { ok: false, reply: ERRORS.noField(edge, 'User') }
  }
  const igAccount = INSTAGRAM.find((account) => IG_USER_IDS[account.username] === nodeName)
  // The Page's token does not reach the Instagram accounts; only the token of a user with a role on the Page does.
  if (igAccount && who === 'user') {
    const own = igAccount.username === OWN_IG
    const node = igUserNode(context, igAccount, !own)
    if (edge === undefined) return select(node, fields, 'IGUser')
    if (edge === 'media') return (node.media as (spec: FieldSpec) => Selected)({ name: 'media', modifiers: new Map([['limit', query.get('limit') ?? '25']]), ...(fields ? { children: fields } : {}) })
    return { ok: false, reply: ERRORS.noField(edge, 'IGUser') }
  }
  return { ok: false, reply: /^\d+$/.test(nodeName) ? ERRORS.noObject(nodeName) : ERRORS.noAlias(nodeName) }
}

/** The line for OWNER_APIS: the Graph API under `/graph/`, accepting `tokens`. */
export function graphApi(tokens: GraphTokens) {
  return {
    prefix: 'graph',
    what: "Meta Graph API v25.0: the Nordlys Facebook Page and its posts, me/accounts, Instagram users' fields, media and business_discovery; needs Authorization: Bearer <demo token>",
    answer: (context: ApiContext, request: GraphRequest, path: string, query: URLSearchParams): Reply => answer(tokens, context, request, path, query),
  } as const
}
