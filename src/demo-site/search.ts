// Owns the demo site's searches by name, with the real services' shapes:
// Bluesky app.bsky.actor.searchActors (`{ actors: profileView[] }`, limit
// 1–100, default 25) and Mastodon GET /api/v2/search?type=accounts
// (`{ accounts, statuses, hashtags }`, limit up to 40), and the 401 of a
// server that wants a signed-in user for search (/mastodon-private). The
// planted NAME_IMPOSTOR is found here and nowhere a guessed handle looks.
import { jsonReply, type Reply } from './reply.js'
import type { ApiContext } from './api.js'
import { BLUESKY, IMPOSTORS, MASTODON, NAME_IMPOSTOR, SEARCH_BYSTANDERS, followers } from './platforms.js'

interface Searchable {
  readonly handle: string
  readonly did: string
  readonly displayName: string
  readonly description: string
  readonly createdAt: string
  readonly avatar?: string
}

/** Every word of the query in the account's name, handle or bio, as a search index would match it. */
function matches(query: string, ...fields: readonly string[]): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const haystack = fields.join(' ').toLowerCase()
  return words.length > 0 && words.every((word) => haystack.includes(word))
}

function limitOf(raw: string | null, fallback: number, max: number): number | undefined {
  if (raw === null) return fallback
  const value = Number(raw)
  return Number.isInteger(value) && value >= 1 && value <= max ? value : undefined
}

export function blueskySearchActors(context: ApiContext, query: URLSearchParams): Reply {
  const q = query.get('q') ?? query.get('term') ?? ''
  const limit = limitOf(query.get('limit'), 25, 100)
  if (limit === undefined) return jsonReply(400, { error: 'InvalidRequest', message: 'Error: limit must be an integer from 1 to 100' })
  // The AppView answers an empty query with no actors.
  if (q.trim() === '') return jsonReply(200, { actors: [] })
  const accounts: readonly Searchable[] = [BLUESKY, IMPOSTORS.bluesky, NAME_IMPOSTOR, SEARCH_BYSTANDERS.bluesky]
  const actors = accounts
    .filter((a) => matches(q, a.displayName, a.handle, a.description))
    .slice(0, limit)
    .map((a) => ({
      did: a.did,
      handle: a.handle,
      displayName: a.displayName,
      description: a.description,
      avatar: `${context.origin}/img/${a.avatar ?? `${a.handle.split('.')[0]}-bsky-avatar`}.svg`,
      associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
      indexedAt: '2026-11-19T07:30:00.000Z',
      createdAt: a.createdAt,
      labels: [],
    }))
  return jsonReply(200, { actors })
}

/** GET /api/v2/search on the open server; `type=accounts` or no type gives accounts. */
export function mastodonSearch(context: ApiContext, base: string, query: URLSearchParams): Reply {
  const q = query.get('q')
  if (q === null || q.trim() === '') return jsonReply(400, { error: 'Validation failed: Query can\'t be blank' })
  const type = query.get('type')
  const limit = Math.min(limitOf(query.get('limit'), 20, 40) ?? 20, 40)
  if (type !== null && type !== 'accounts') return jsonReply(200, { accounts: [], statuses: [], hashtags: [] })
  const ours = {
    id: MASTODON.id,
    username: MASTODON.username,
    acct: MASTODON.username,
    display_name: MASTODON.displayName,
    note: `<p>${MASTODON.note}</p>`,
    url: `${context.origin}${base}/@${MASTODON.username}`,
    avatar: `${context.origin}/img/nordlys-mastodon-avatar.svg`,
    followers_count: followers(MASTODON.followersCount, context.bumps),
    created_at: MASTODON.createdAt,
  }
  const bystander = SEARCH_BYSTANDERS.mastodon
  const other = {
    id: bystander.id,
    username: bystander.username,
    // From another server: Mastodon writes its domain.
    acct: `${bystander.username}@photog.example`,
    display_name: bystander.displayName,
    note: `<p>${bystander.note}</p>`,
    url: `https://photog.example/@${bystander.username}`,
    avatar: `${context.origin}/img/aurorahunter-avatar.svg`,
    followers_count: bystander.followersCount,
    created_at: '2023-02-01T00:00:00.000Z',
  }
  const accounts = [ours, other].filter((a) => matches(q, a.display_name, a.acct, a.note)).slice(0, limit)
  return jsonReply(200, { accounts, statuses: [], hashtags: [] })
}

/** A server that wants a signed-in user for search, as many do. */
export function mastodonSearchRefused(): Reply {
  return jsonReply(401, { error: 'The access token is invalid' })
}
