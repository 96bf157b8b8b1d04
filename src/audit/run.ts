// Owns one audit run: every candidate handle on every platform with a rule,
// probed politely (at most two requests per host at a time, a pause after
// each, and a total budget), each answer judged by the rules. Accounts
// already in showtell.yaml are reported as listed, never as new. Before any
// candidate, each platform's rule is checked against its control
// (control.ts): a made-up handle and a real account. A broken rule's
// candidates are not probed, and none of its answers count. Between the
// controls and the candidates, the platforms that offer a public search by
// name are searched for our names (name-search.ts): accounts with our name in
// their display name under a handle no candidate covers join the finds.
import { count, maybe, object, parseJson, string } from '../data/decode.js'
import { parseMetaCounts } from '../snapshot/metrics.js'
import { ADAPTERS, PLATFORMS, pageUrl } from '../platforms/index.js'
import { acceptLanguage } from '../net/accept-language.js'
import { guardedFetch, RefusedRequest, type FetchedText } from '../net/fetch.js'
import { RequestGuard } from '../net/guard.js'
import type { Platform } from '../topics/schema.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { generateCandidates, type Candidate } from './candidates.js'
import { listedAccount } from './listed.js'
import { BROKEN_REASON, judgeControl, planControls, type PlannedControl } from './control.js'
import { judgeProbe, probeUrl, type AuditRule, type AuditRules } from './rules.js'
import { BLUESKY_APPVIEW, SEARCH_MAX_BYTES, nameSearchFinds, planNameSearches, readSearchAnswer, searchQueries, searchRecord, type PlannedSearch, type SearchAnswer, type SearchBases, type SearchHits } from './name-search.js'
import { politeQueue } from './polite.js'
import type { AuditFinding, AuditReport, ControlAnswer, ControlProbe, NameSearch, PlatformControl } from './types.js'

// The report's shape lives in types.ts, so the stored report's schema does not load the runner.
export { AUDIT_RESULTS, type AuditFinding, type AuditReport, type AuditResult } from './types.js'

export interface AuditOptions {
  /** Most requests in one run. @default audit.budget (300) */
  readonly budget?: number
  /** Requests at once to one host. @default 2 */
  readonly perHost?: number
  /** Pause after each request to a host, in ms. @default audit.delayMs (250) */
  readonly delayMs?: number
  /** Per request, in ms. @default snapshot.timeout */
  readonly timeoutMs?: number
  readonly onProgress?: (finding: AuditFinding, done: number, total: number) => void
  /** Each account a name search adds to the finds, when its search has answered (before any candidate). */
  readonly onNameFind?: (finding: AuditFinding) => void
  /** Each platform's control, once its probes have answered (before any candidate). */
  readonly onControl?: (control: PlatformControl) => void
  /** Random bytes for the made-up control handles. @default crypto.randomBytes */
  readonly random?: (n: number) => Uint8Array
  /** Checks every probe and each of its redirects. @default one for the run, with snapshot.allowPrivateNetwork and the system resolver */
  readonly guard?: RequestGuard
}

/** The base URL a rule uses in this workspace (the demo site and tests replace the real ones): the adapter's `auditEndpoint`, else the key named like the platform. */
function configuredBase(platform: Platform, config: WorkspaceConfig): string | undefined {
  const key = ADAPTERS[platform].auditEndpoint ?? platform
  return (config.snapshot.endpoints as Record<string, string | undefined>)[key]
}

/** The servers the workspace's own accounts live on, per platform whose handles name their server (Mastodon): a name is looked for there first. */
function ownServers(config: WorkspaceConfig): Partial<Record<Platform, string[]>> {
  const servers: Partial<Record<Platform, string[]>> = {}
  for (const account of config.accounts) {
    const server = account.handle ? ADAPTERS[account.platform].handles?.onServer?.(account.handle)?.server : undefined
    if (server && !servers[account.platform]?.includes(server)) servers[account.platform] = [...(servers[account.platform] ?? []), server]
  }
  return servers
}

export async function runAudit(config: WorkspaceConfig, rules: AuditRules, options: AuditOptions = {}): Promise<AuditReport> {
  const platforms = Object.keys(rules) as Platform[]
  const set = generateCandidates(config.company.name, config.company.aliases, { platforms, servers: ownServers(config) })
  // Round-robin over platforms, so a spent budget still left every platform
  // its most likely handles checked.
  const byPlatform = new Map<Platform, Candidate[]>()
  for (const candidate of set.candidates) byPlatform.set(candidate.platform, [...(byPlatform.get(candidate.platform) ?? []), candidate])
  const ordered: Candidate[] = []
  for (let i = 0; ordered.length < set.candidates.length; i++) for (const list of byPlatform.values()) if (list[i]) ordered.push(list[i]!)
  const budget = options.budget ?? config.audit.budget
  const perHost = options.perHost ?? 2
  const delayMs = options.delayMs ?? config.audit.delayMs
  const timeoutMs = options.timeoutMs ?? config.snapshot.timeout * 1000
  const guard = options.guard ?? new RequestGuard({ allowPrivateNetwork: config.snapshot.allowPrivateNetwork })
  let requests = 0
  // The candidate handles asked about: `requests` also counts the controls and the name searches.
  let handles = 0
  let done = 0
  const total = set.candidates.length
  /** One request to a host, politely: its host's limit, then the pause. */
  const polite = politeQueue(perHost, delayMs)

  // The controls go first and are never skipped by the budget (they count against it):
  // without them no answer of the platform can be trusted.
  const servers = ownServers(config)
  const controls = await Promise.all(
    platforms.map(async (platform): Promise<PlatformControl> => {
      const rule = rules[platform]!
      const planned = planControls(config, platform, rule, servers[platform], options.random)
      const probes = await Promise.all(
        planned.map(async (control: PlannedControl): Promise<ControlProbe> => {
          const target = { platform, handle: control.handle }
          const { url, user } = probeTarget(config, rule, target)
          const finding = await polite(url, () => {
            requests += 1
            return probe(target, rule, url, user, config, timeoutMs, guard)
          })
          const answer: ControlAnswer = finding.result === 'exists-unlisted' ? 'present' : finding.result === 'absent' ? 'absent' : 'unknown'
          return { kind: control.kind, handle: control.handle, ...(control.account ? { account: control.account } : {}), url, answer, ...(answer === 'present' ? {} : finding.reason ? { reason: finding.reason } : {}) }
        }),
      )
      const control: PlatformControl = { platform, ...judgeControl(probes), ...(rule.source ? { rule: rule.source } : {}), probes }
      options.onControl?.(control)
      return control
    }),
  )
  const broken = new Set(controls.filter((c) => c.verdict === 'broken').map((c) => c.platform))

  // Name search, after the controls and before the candidates: a few
  // requests that find what no guessed handle can, so a small budget spends
  // itself on them first. Each counts against the budget like a probe.
  // A search on a platform whose rule the control marked broken still counts:
  // the control checks how a profile's presence is read (a page's or an
  // API's markers), while a search answer is a list of accounts that the
  // platform's own API returned and the decoder read field by field. A
  // changed search API fails its decoding and says so; it cannot turn every
  // name into an account the way a changed page turns every handle "present".
  const planned = planNameSearches(searchQueries(config), searchBases(config, rules, servers))
  const answers = await Promise.all(
    planned.map((search) =>
      polite(search.url, async (): Promise<SearchAnswer | 'not-run'> => {
        if (requests >= budget) return 'not-run'
        requests += 1
        return nameSearch(search, config, timeoutMs, guard)
      }),
    ),
  )
  const { searches, hits } = searchOutcomes(planned, answers, budget)
  const named = nameSearchFinds(config, set.candidates, hits)
  for (const finding of named.finds) options.onNameFind?.(finding)
  const searchesRecorded: NameSearch[] = searches.map(({ search, record }) => (record.outcome === 'ok' ? { ...record, finds: named.perSearch.get(search) ?? 0 } : record))

  const findings = await Promise.all(
    ordered.map(async (candidate): Promise<AuditFinding> => {
      const finish = (finding: AuditFinding) => {
        done += 1
        options.onProgress?.(finding, done, total)
        return finding
      }
      const listed = listedAccount(config, candidate)
      if (listed) return finish({ ...candidate, result: 'official', account: listed.id, reason: listed.owner === 'official' ? undefined : `listed as ${listed.owner}` })
      const rule = rules[candidate.platform]!
      const { url, user } = probeTarget(config, rule, candidate)
      // Neither a find nor an absence: the rule cannot tell them apart today.
      if (broken.has(candidate.platform)) return finish({ ...candidate, result: 'unknown', url, reason: BROKEN_REASON })
      if (requests >= budget) return finish({ ...candidate, result: 'unknown', url, reason: `not checked: the request budget of ${budget} was spent` })
      return finish(
        await polite(url, async () => {
          if (requests >= budget) return { ...candidate, result: 'unknown' as const, url, reason: `not checked: the request budget of ${budget} was spent` }
          requests += 1
          handles += 1
          return probe(candidate, rule, url, user, config, timeoutMs, guard)
        }),
      )
    }),
  )
  return { generated: set.generated, candidates: total, checked: requests, handlesChecked: handles, platforms, budget, findings: [...findings, ...named.finds], controls, searches: searchesRecorded }
}

/**
 * Where name search is asked: Bluesky's AppView (its endpoint, else the
 * rule's base, else the public one), and each server our own Mastodon
 * accounts live on (its endpoint stands in for all of them). Only platforms
 * the rules audit are searched.
 */
function searchBases(config: WorkspaceConfig, rules: AuditRules, servers: Partial<Record<Platform, string[]>>): SearchBases {
  const bluesky = rules.bluesky
  const blueskyBase = bluesky ? (configuredBase('bluesky', config) ?? (bluesky.kind === 'api' && !bluesky.wmn ? bluesky.base : BLUESKY_APPVIEW)) : undefined
  const configured = configuredBase('mastodon', config)
  const mastodon = rules.mastodon ? (servers.mastodon ?? []).map((server) => ({ server, base: configured ?? `https://${server}` })) : []
  return { ...(blueskyBase ? { bluesky: blueskyBase } : {}), mastodon }
}

/** One search request, without the run's politeness. */
async function nameSearch(search: PlannedSearch, config: WorkspaceConfig, timeoutMs: number, guard: RequestGuard): Promise<SearchAnswer> {
  try {
    const response = await guardedFetch(search.url, {
      guard,
      headers: { accept: 'application/json', 'user-agent': 'showtell account audit', 'accept-language': acceptLanguage(config.snapshot.locale) },
      timeoutMs,
      maxBytes: SEARCH_MAX_BYTES,
    })
    return readSearchAnswer(search, response)
  } catch (error) {
    if (error instanceof RefusedRequest) return { outcome: 'error', reason: error.message }
    return { outcome: 'error', reason: `no answer (${(error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message.split('\n')[0]})` }
  }
}

/**
 * Each search's record, and the accounts of those that answered. A Mastodon
 * server that answered an empty list to every one of our names, although our
 * own account lives there, is taken as refusing anonymous search: some
 * servers answer so instead of 401.
 */
function searchOutcomes(planned: readonly PlannedSearch[], answers: readonly (SearchAnswer | 'not-run')[], budget: number): { searches: { search: PlannedSearch; record: NameSearch }[]; hits: SearchHits[] } {
  const silent = new Set<string>()
  for (const instance of new Set(planned.filter((s) => s.platform === 'mastodon').map((s) => s.instance ?? ''))) {
    const mine = planned.map((search, i) => ({ search, answer: answers[i]! })).filter(({ search }) => search.platform === 'mastodon' && (search.instance ?? '') === instance)
    if (mine.length > 0 && mine.every(({ answer }) => answer !== 'not-run' && answer.outcome === 'ok' && answer.accounts.length === 0)) silent.add(instance)
  }
  const searches: { search: PlannedSearch; record: NameSearch }[] = []
  const hits: SearchHits[] = []
  planned.forEach((search, i) => {
    const answer = answers[i]!
    if (answer === 'not-run') {
      searches.push({ search, record: searchRecord(search, 'not-run', { reason: `not run: the request budget of ${budget} was spent` }) })
    } else if (answer.outcome !== 'ok') {
      searches.push({ search, record: searchRecord(search, answer.outcome, { reason: answer.reason }) })
    } else if (search.platform === 'mastodon' && silent.has(search.instance ?? '')) {
      searches.push({ search, record: searchRecord(search, 'not-allowed', { reason: `search not allowed on ${search.instance} (an empty list for every name, though our own account lives there)` }) })
    } else {
      searches.push({ search, record: searchRecord(search, 'ok', { results: answer.accounts.length }) })
      hits.push({ search, accounts: answer.accounts })
    }
  })
  return { searches, hits }
}

/** The URL a rule probes for a candidate, and the user part its markers name. */
/** The URL a rule asks for a handle in this workspace, and the user it asks about (evidence-run.ts reads profiles again through it). */
export function probeTarget(config: WorkspaceConfig, rule: AuditRule, candidate: Pick<Candidate, 'platform' | 'handle'>): { url: string; user: string } {
  // A handle that names its server (user@server) is probed on that server, for the user.
  const onServer = ADAPTERS[candidate.platform].handles?.onServer?.(candidate.handle)
  const user = onServer?.user ?? candidate.handle
  const base = configuredBase(candidate.platform, config) ?? (onServer ? `https://${onServer.server}` : rule.base)
  return { url: probeUrl(rule, user, base), user }
}

/** One probe, without the run's politeness: what the rule makes of this handle right now. */
export async function checkCandidate(
  config: WorkspaceConfig,
  rule: AuditRule,
  candidate: Candidate,
  timeoutMs = config.snapshot.timeout * 1000,
  guard = new RequestGuard({ allowPrivateNetwork: config.snapshot.allowPrivateNetwork }),
): Promise<AuditFinding> {
  const { url, user } = probeTarget(config, rule, candidate)
  return probe(candidate, rule, url, user, config, timeoutMs, guard)
}

async function probe(candidate: Candidate, rule: AuditRule, url: string, user: string, config: WorkspaceConfig, timeoutMs: number, guard: RequestGuard): Promise<AuditFinding> {
  let response: FetchedText
  try {
    // Each redirect hop is checked before it is sent to; at most 2 MB of the answer is read.
    response = await guardedFetch(url, {
      guard,
      // The snapshot's language: a profile page's words and numbers come back as the snapshot will see them.
      headers: {
        accept: rule.kind === 'api' ? 'application/json' : 'text/html',
        'user-agent': 'showtell account audit',
        'accept-language': acceptLanguage(config.snapshot.locale),
        // A WhatsMyName entry may need its own headers to get a real answer.
        ...rule.wmn?.headers,
      },
      timeoutMs,
      maxBytes: 2_000_000,
    })
  } catch (error) {
    if (error instanceof RefusedRequest) return { ...candidate, result: 'unknown', url, reason: error.message }
    return { ...candidate, result: 'unknown', url, reason: `no answer (${(error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message.split('\n')[0]})` }
  }
  const { body, headers } = response
  const verdict = judgeProbe(rule, user, { status: response.status, finalUrl: response.url, requestedUrl: url, body, headers })
  if (verdict.result !== 'exists') return { ...candidate, result: verdict.result, url, reason: verdict.reason }
  // An API answer is no page to show people: point at the profile the platform's web app shows.
  const profileUrl = rule.wmn?.prettyUrl
    ? rule.wmn.prettyUrl.replaceAll('{account}', encodeURIComponent(user))
    : rule.kind === 'api'
      ? pageUrl({ id: 'audit', platform: candidate.platform, handle: candidate.handle }, config.snapshot.endpoints)
      : url
  return { ...candidate, result: 'exists-unlisted', foundBy: 'handle', url, profileUrl, ...describe(rule, body) }
}

/** The fields of a Bluesky profile or a Mastodon account that describe a found handle. */
const PROFILE_ANSWER = object({
  displayName: maybe(string),
  display_name: maybe(string),
  description: maybe(string),
  note: maybe(string),
  followersCount: maybe(count),
  followers_count: maybe(count),
})

/** Display name, bio and followers, from the API answer or the page's meta tags. */
function describe(rule: AuditRule, body: string): Pick<AuditFinding, 'displayName' | 'bio' | 'followers'> {
  if (rule.kind === 'api') {
    // Only what the answer really says: a `null`, a list or a field of the wrong type describes nothing.
    const decoded = parseJson(body, PROFILE_ANSWER)
    if (!decoded.ok) return {}
    const data = decoded.value
    return {
      displayName: (data.displayName ?? data.display_name) || undefined,
      bio: (data.description ?? data.note ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() || undefined,
      followers: data.followersCount ?? data.followers_count,
    }
  }
  const meta = (name: string) => new RegExp(`<meta[^>]+(?:property|name)=["']${name}["'][^>]+content=(["'])(.*?)\\1`, 'i').exec(body)?.[2]
  const description = meta('og:description') ?? meta('description')
  const title = meta('og:title') ?? /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]
  return {
    displayName: title === undefined ? undefined : displayNameFromTitle(decodeEntities(title)),
    bio: description === undefined ? undefined : decodeEntities(description),
    followers: description ? parseMetaCounts(decodeEntities(description)).followers?.value : undefined,
  }
}

/** The names of the platforms whose handles the audit checks (their adapters' `name`), as a page title's suffix writes them. */
const PLATFORM_WORD = new RegExp(
  `\\b(${PLATFORMS.filter((id) => ADAPTERS[id].handles?.rule)
    .map((id) => ADAPTERS[id].name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\b`,
)

/**
 * The name a profile page gives itself, without the handle and the platform's
 * suffix: "Nordlys Official Fans (@nordlys.official) • Instagram photos and
 * videos" → "Nordlys Official Fans". A title that names no platform is kept.
 */
export function displayNameFromTitle(title: string): string {
  const withoutHandle = title.replace(/\s*\(@[^)]*\)/g, '').trim()
  const parts = withoutHandle.split(/\s+[•|/·–—-]\s+/)
  return (parts.slice(1).some((part) => PLATFORM_WORD.test(part)) ? parts[0]!.trim() : withoutHandle) || title.trim()
}

/** The five entities HTML pages use in attributes and titles, and numeric ones. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return named[entity.toLowerCase()] ?? whole
  })
}
