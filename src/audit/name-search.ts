// Owns name search: impostors rarely take our exact handle, they take our
// name and logo under another one, and only a platform's search by name finds
// those. Two public APIs offer it without sign-in:
//
// - Bluesky's AppView, app.bsky.actor.searchActors?q=&limit= ("Find actors
//   (profiles) matching search criteria. Does not require auth."; limit 1–100,
//   default 25). Its answer is `{ actors: profileView[], cursor? }`; a
//   profileView has `did`, `handle`, and optional `displayName`,
//   `description`, `avatar`, `createdAt` (the lexicon
//   app.bsky.actor.searchActors and app.bsky.actor.defs#profileView). No
//   follower count: the screenshot's snapshot reads it from the profile.
// - Mastodon's GET /api/v2/search?q=&type=accounts&limit= (limit default 20,
//   max 40; docs.joinmastodon.org/methods/search). Its answer is
//   `{ accounts: Account[], statuses: [], hashtags: [] }`; an Account has
//   `acct` (`user` on its own server, `user@server` from another),
//   `display_name`, `note` (HTML), `url`, `followers_count`, `created_at`.
//   A server may want a signed-in user for search: it answers 401/403, or an
//   empty list. Only the servers our own Mastodon accounts live on are asked.
//
// The searches are code, not entries in rules/audit.yaml: a rule there says
// how to tell a page present from absent, and a search is read by a decoder
// of the API's answer, which no rules file could change. Their bases are the
// platforms' own (snapshot.endpoints replaces them, as for the rules).
//
// This module is pure: what to ask (planNameSearches), what an answer says
// (readSearchAnswer) and which accounts join the finds (nameSearchFinds).
// The run (run.ts) sends the requests, politely and within the budget.
import { array, count, describeFailure, kindOf, maybe, object, parseJson, type Decoder } from '../data/decode.js'
import { pageUrl } from '../platforms/index.js'
import type { Platform } from '../topics/schema.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { foldWords, nameWordSets, type Candidate } from './candidates.js'
import { listedAccount } from './listed.js'
import type { AuditFinding, NameSearch } from './types.js'

/** Most accounts asked for, and read, per query. */
export const SEARCH_LIMIT = 25
/** Most bytes of a search answer read: 25 accounts are a few tens of kB. */
export const SEARCH_MAX_BYTES = 1_000_000
/** The public AppView, when no endpoint replaces it. */
export const BLUESKY_APPVIEW = 'https://public.api.bsky.app'

export type SearchPlatform = 'bluesky' | 'mastodon'

export interface PlannedSearch {
  readonly platform: SearchPlatform
  /** Mastodon: the server's name, as our own handles write it. */
  readonly instance?: string
  readonly query: string
  readonly url: string
}

/** Where each platform's search is asked: Bluesky's base, and per Mastodon server of ours its base. */
export interface SearchBases {
  readonly bluesky?: string
  readonly mastodon?: readonly { readonly server: string; readonly base: string }[]
}

/** The company's name and aliases, one query per name that folds to different words. */
export function searchQueries(config: WorkspaceConfig): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const name of [config.company.name, ...config.company.aliases]) {
    const key = foldWords(name).join(' ')
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    out.push(name.trim())
  }
  return out
}

export function planNameSearches(queries: readonly string[], bases: SearchBases): PlannedSearch[] {
  const planned: PlannedSearch[] = []
  const trim = (base: string) => base.replace(/\/+$/, '')
  if (bases.bluesky) {
    for (const query of queries) {
      planned.push({ platform: 'bluesky', query, url: `${trim(bases.bluesky)}/xrpc/app.bsky.actor.searchActors?q=${encodeURIComponent(query)}&limit=${SEARCH_LIMIT}` })
    }
  }
  // Two servers behind one configured endpoint (the demo site) are asked once.
  const asked = new Set<string>()
  for (const { server, base } of bases.mastodon ?? []) {
    if (asked.has(trim(base))) continue
    asked.add(trim(base))
    for (const query of queries) {
      planned.push({ platform: 'mastodon', instance: server, query, url: `${trim(base)}/api/v2/search?q=${encodeURIComponent(query)}&type=accounts&limit=${SEARCH_LIMIT}` })
    }
  }
  return planned
}

/** One account a search returned, as the finds need it. */
export interface SearchAccount {
  /** As the candidates write it: `x.bsky.social`, `user@server`; lower case. */
  readonly handle: string
  readonly displayName?: string
  readonly bio?: string
  readonly followers?: number
  /** Mastodon: the profile page the answer names. */
  readonly profileUrl?: string
}

export type SearchAnswer =
  | { readonly outcome: 'ok'; readonly accounts: readonly SearchAccount[] }
  | { readonly outcome: 'not-allowed' | 'error'; readonly reason: string }

/** A string of at most `max` characters: a hostile answer's megabyte display name is an error of its search, not a row. */
function text(max: number): Decoder<string> {
  return (value, field = '') =>
    typeof value === 'string' && value.length <= max
      ? { ok: true, value }
      : { ok: false, failure: { field, expected: `a string of at most ${max} characters`, got: typeof value === 'string' ? `a string of ${value.length} characters` : kindOf(value), shown: '' } }
}

// Bluesky allows 64 graphemes (640 bytes) of display name and 256 (2560) of
// description; Mastodon 30 characters of display name and 500 of note, which
// HTML and custom emoji make longer. The bounds leave room and no more.
const HANDLE = text(253)
const DISPLAY_NAME = text(1_000)
const BIO = text(20_000)

const BLUESKY_ANSWER = object({
  actors: array(
    object({
      did: text(2_048),
      handle: HANDLE,
      displayName: maybe(DISPLAY_NAME),
      description: maybe(BIO),
      // Not in profileView today; read if a server sends it.
      followersCount: maybe(count),
    }),
  ),
})

const MASTODON_ANSWER = object({
  accounts: array(
    object({
      acct: HANDLE,
      display_name: maybe(DISPLAY_NAME),
      note: maybe(BIO),
      url: maybe(text(2_048)),
      followers_count: maybe(count),
    }),
  ),
})

/** What one search's answer says: the accounts, or why there are none to read. */
export function readSearchAnswer(search: PlannedSearch, answer: { readonly status: number; readonly body: string; readonly truncated: boolean }): SearchAnswer {
  const where = search.instance ?? search.platform
  if (answer.status === 401 || answer.status === 403) return { outcome: 'not-allowed', reason: `search not allowed on ${where} (answered ${answer.status})` }
  if (answer.status !== 200) return { outcome: 'error', reason: `answered ${answer.status}` }
  if (answer.truncated) return { outcome: 'error', reason: `the answer was longer than ${SEARCH_MAX_BYTES / 1_000_000} MB` }
  if (search.platform === 'bluesky') {
    const decoded = parseJson(answer.body, BLUESKY_ANSWER)
    if (!decoded.ok) return { outcome: 'error', reason: `not a searchActors answer: ${describeFailure(decoded.failure)}` }
    return {
      outcome: 'ok',
      accounts: decoded.value.actors.slice(0, SEARCH_LIMIT).map((actor) => ({
        handle: actor.handle.replace(/^@/, '').toLowerCase(),
        ...(actor.displayName ? { displayName: actor.displayName } : {}),
        ...(actor.description?.trim() ? { bio: actor.description.trim() } : {}),
        ...(actor.followersCount === undefined ? {} : { followers: actor.followersCount }),
      })),
    }
  }
  const decoded = parseJson(answer.body, MASTODON_ANSWER)
  if (!decoded.ok) return { outcome: 'error', reason: `not an account search answer: ${describeFailure(decoded.failure)}` }
  return {
    outcome: 'ok',
    accounts: decoded.value.accounts.slice(0, SEARCH_LIMIT).map((account) => {
      const acct = account.acct.replace(/^@/, '').toLowerCase()
      const bio = (account.note ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
      return {
        // A server names its own accounts without its domain; the candidates always carry it.
        handle: acct.includes('@') ? acct : `${acct}@${search.instance ?? ''}`,
        ...(account.display_name ? { displayName: account.display_name } : {}),
        ...(bio ? { bio } : {}),
        ...(account.followers_count === undefined ? {} : { followers: account.followers_count }),
        ...(account.url && /^https?:\/\//i.test(account.url) ? { profileUrl: account.url } : {}),
      }
    }),
  }
}

/**
 * The name (company name or alias, as written in showtell.yaml) that a display
 * name carries, if any: folded the way the candidates fold names, the name's
 * words must appear in it as consecutive words, or written together or
 * apart ("NordlysOutdoor" carries "Nordlys Outdoor", "Nord Lys" carries
 * "Nordlys"). A
 * name inside a longer word ("Nordlysfan") does not count: short aliases
 * would match too much.
 */
export function carriedName(displayName: string, names: readonly string[]): string | undefined {
  const shown = (['plain', 'long'] as const).map((variant) => foldWords(displayName, variant))
  for (const name of names) {
    for (const words of nameWordSets([name])) {
      const joined = words.join('')
      for (const display of shown) {
        for (let i = 0; i < display.length; i++) {
          let acc = ''
          for (let j = i; j < display.length && acc.length < joined.length; j++) {
            acc += display[j]
            if (acc === joined) return name
          }
        }
      }
    }
  }
  return undefined
}

/** One answered search and its accounts. */
export interface SearchHits {
  readonly search: PlannedSearch
  readonly accounts: readonly SearchAccount[]
}

/**
 * The accounts that join the finds: a display name carrying our name, under a
 * handle no candidate covers (a candidate's own answer stands, found or not),
 * not in showtell.yaml, each once however many queries returned it. Also how
 * many each search contributed.
 */
export function nameSearchFinds(config: WorkspaceConfig, candidates: readonly Candidate[], hits: readonly SearchHits[]): { finds: AuditFinding[]; perSearch: Map<PlannedSearch, number> } {
  const names = [config.company.name, ...config.company.aliases]
  const key = (platform: Platform, handle: string) => `${platform}:${handle.toLowerCase()}`
  const covered = new Set(candidates.map((c) => key(c.platform, c.handle)))
  const finds: AuditFinding[] = []
  const perSearch = new Map<PlannedSearch, number>()
  for (const { search, accounts } of hits) {
    let n = 0
    for (const account of accounts) {
      const platform = search.platform
      if (!account.displayName || covered.has(key(platform, account.handle))) continue
      if (carriedName(account.displayName, names) === undefined) continue
      if (listedAccount(config, { platform, handle: account.handle })) continue
      covered.add(key(platform, account.handle))
      n += 1
      finds.push({
        platform,
        handle: account.handle,
        result: 'exists-unlisted',
        foundBy: 'name-search',
        searchQuery: search.query,
        url: search.url,
        profileUrl: account.profileUrl ?? pageUrl({ id: 'audit', platform, handle: account.handle }, config.snapshot.endpoints),
        displayName: account.displayName,
        ...(account.bio ? { bio: account.bio } : {}),
        ...(account.followers === undefined ? {} : { followers: account.followers }),
      })
    }
    perSearch.set(search, n)
  }
  return { finds, perSearch }
}

/** The run's record of one search. */
export function searchRecord(search: PlannedSearch, outcome: NameSearch['outcome'], extra: Pick<NameSearch, 'results' | 'finds' | 'reason'> = {}): NameSearch {
  return { platform: search.platform, ...(search.instance ? { instance: search.instance } : {}), query: search.query, url: search.url, outcome, ...extra }
}
