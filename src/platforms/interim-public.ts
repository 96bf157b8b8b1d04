// Owns the public APIs read without the owner's credential (Bluesky
// getProfile, Mastodon accounts/lookup) and X API v2 users/by/username, as
// sources of the adapters. The answers are decoded by snapshot/api-answers.ts.
import { readApiAnswer, type ApiKind } from '../snapshot/api-answers.js'
import type { Metrics } from '../snapshot/metrics.js'
import { handleOf } from './adapter.js'
import { noAnswer, rateLimited, unauthorised } from './problems.js'
import type { AccountRef, ApiSource, SourceContext, SourceOutcome } from './source.js'

/** The handle or DID: the account's handle, or the segment after /profile/ in its url. */
export function blueskyActor(account: AccountRef): string {
  if (account.handle) return account.handle.replace(/^@/, '')
  const path = new URL(account.url!).pathname.split('/').filter(Boolean)
  const i = path.indexOf('profile')
  return (i >= 0 ? path[i + 1] : path.at(-1)) ?? ''
}

export function mastodonParts(account: AccountRef): { user: string; instance?: string } {
  const raw = account.handle ?? ''
  const match = /^@?([^@\s]+)@([^@\s]+)$/.exec(raw)
  if (match) return { user: match[1]!, instance: match[2]! }
  if (account.url) {
    const url = new URL(account.url)
    const user = url.pathname.split('/').find((part) => part.startsWith('@'))?.slice(1)
    return { user: user ?? raw.replace(/^@/, ''), instance: url.host }
  }
  return { user: raw.replace(/^@/, '') }
}

/** The account's server: an explicit url names its own (everything before "/@user"), then the endpoint, then the handle's domain. */
export function mastodonBase(account: AccountRef, endpoint: string): string | undefined {
  if (account.url) {
    const url = new URL(account.url)
    const at = url.pathname.indexOf('/@')
    if (at >= 0) return `${url.origin}${url.pathname.slice(0, at)}`
  }
  if (endpoint) return endpoint.replace(/\/+$/, '')
  const { instance } = mastodonParts(account)
  return instance ? `https://${instance}` : undefined
}


async function readOne(id: string, name: string, kind: ApiKind, context: SourceContext, url: string, headers: Record<string, string> = {}): Promise<SourceOutcome> {
  let answer
  try {
    answer = await context.get(url, headers)
  } catch (error) {
    return noAnswer(name, error)
  }
  if (answer.status === 401 || answer.status === 403) {
    if (kind === 'mastodon') return { status: 'blocked', reason: `this Mastodon server requires sign-in for its API (${answer.status})` }
    if (kind === 'x') return unauthorised(name, 'x', answer.status)
    return { status: 'blocked', reason: `${name} refused access (${answer.status})` }
  }
  if (answer.status === 429) return rateLimited(name, kind === 'x' ? 'x' : undefined, 429)
  const read = readApiAnswer(kind, answer.status, answer.body)
  if (read.status !== 'ok') return read
  return { ...read, metrics: tagged(read.metrics, id) }
}

function tagged(metrics: Metrics, via: string): Metrics {
  return Object.fromEntries(Object.entries(metrics).map(([key, metric]) => [key, { ...metric, via }])) as Metrics
}

export const blueskyApi: ApiSource = {
  id: 'bluesky-api',
  name: 'Bluesky public API',
  read: (context) =>
    readOne('bluesky-api', 'the Bluesky API', 'bluesky', context, `${context.base('bluesky')}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(blueskyActor(context.account))}`),
}

export const mastodonApi: ApiSource = {
  id: 'mastodon-api',
  name: 'Mastodon API',
  read: async (context) => {
    // The endpoint's default is empty: the server then comes from the handle or the url.
    const root = mastodonBase(context.account, context.base('mastodon'))
    if (!root) return { status: 'skipped', reason: 'no server: write the handle as user@server' }
    return readOne('mastodon-api', 'the Mastodon API', 'mastodon', context, `${root}/api/v1/accounts/lookup?acct=${encodeURIComponent(mastodonParts(context.account).user)}`)
  },
}

export const xApi: ApiSource = {
  id: 'x-api-v2',
  name: 'X API v2',
  credential: 'x',
  read: (context) =>
    readOne('x-api-v2', 'X API v2', 'x', context, `${context.base('x')}/2/users/by/username/${encodeURIComponent(handleOf(context.account))}?user.fields=public_metrics,description`, {
      authorization: `Bearer ${context.credential}`,
    }),
}

