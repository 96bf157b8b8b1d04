// Owns collecting the evidence for the finds of a finished audit: for every
// `exists-unlisted` account, what its profile answer says (display name, bio,
// followers, and where the source gives them its creation date and picture),
// its picture's hash against our own accounts' pictures, and the score
// (evidence.ts). Run by `showtell audit` after runAudit, like the screenshots.
//
// Our own pictures: the snapshots keep no avatar (a SnapshotResult has a
// screenshot, a title, a description and numbers; the history only numbers),
// and cutting the profile picture out of a snapshot's screenshot depends on
// each platform's layout of the day. So the audit asks our own accounts'
// profiles again here, as its control does (the same rule, the same URL, the
// same guard): the API's `avatar` (Bluesky getProfile; Mastodon's account
// lookup, `avatar_static` first, a still picture) or a page's `og:image`.
// The same request reads a find's picture and its `createdAt` / `created_at`.
//
// Every request goes through the audit's guarded fetch (each redirect
// checked), a profile answer is read up to 2 MB, a picture up to 1 MB, and a
// picture is decoded only in the browser (avatar-hash.ts). What cannot be read
// is a reason "not known", with why.
import pLimit from 'p-limit'
import type { BrowserManager } from '../browser/manager.js'
import { count, maybe, object, parseJson, string } from '../data/decode.js'
import { acceptLanguage } from '../net/accept-language.js'
import { guardedFetch } from '../net/fetch.js'
import { RequestGuard } from '../net/guard.js'
import { companyNames } from '../workspace/config-values.js'
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import { colourDistance, hammingDistance, PictureError, pictureHash, pictureType, type PictureHash } from './avatar-hash.js'
import { scoreFind, type FindFacts } from './evidence.js'
import type { AuditRule, AuditRules } from './rules.js'
import { probeTarget } from './run.js'
import { politeQueue } from './polite.js'
import type { AuditFinding, AuditReport } from './types.js'

/** Most bytes of a profile picture read; a bigger one is "not known". */
export const MAX_PICTURE_BYTES = 1_000_000
const MAX_ANSWER_BYTES = 2_000_000
/** Why a picture is "not known" when no browser decodes it, unless the caller says otherwise. */
const NO_PICTURES = 'pictures are not compared with --no-screenshots'

export interface EvidenceOptions {
  /** Decodes the pictures. Without it (`--no-screenshots`), pictures are not compared. */
  readonly browser?: BrowserManager
  readonly guard?: RequestGuard
  /** Per request, in ms. @default snapshot.timeout */
  readonly timeoutMs?: number
  /** When the facts were read: an account's age counts to here. @default now */
  readonly now?: string
  /** Pause after each request to a host, in ms. @default audit.delayMs */
  readonly delayMs?: number
  /** Why pictures are not compared when there is no browser. @default --no-screenshots */
  readonly noPicturesWhy?: string
}

/** One of our own accounts' pictures. */
export interface OwnPicture {
  readonly account: string
  readonly hash: PictureHash
}

/** What a profile answer says beyond the probe's description: its picture's address, creation date and (an API's) follower count. */
export interface ProfileExtras {
  readonly avatarUrl?: string
  readonly createdAt?: string
  readonly followers?: number
}

const API_EXTRAS = object({
  avatar: maybe(string),
  avatar_static: maybe(string),
  createdAt: maybe(string),
  created_at: maybe(string),
  // Bluesky's ProfileViewDetailed, Mastodon's Account.
  followersCount: maybe(count),
  followers_count: maybe(count),
})

/** The picture and the creation date in a profile answer: an API's JSON, or a page's og:image. Pure. */
export function profileExtras(kind: AuditRule['kind'], body: string, answeredUrl: string): ProfileExtras {
  const absolute = (url: string | undefined) => {
    if (!url) return undefined
    try {
      const parsed = new URL(url, answeredUrl)
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
    } catch {
      return undefined
    }
  }
  if (kind === 'api') {
    const decoded = parseJson(body, API_EXTRAS)
    if (!decoded.ok) return {}
    const data = decoded.value
    const createdAt = data.createdAt ?? data.created_at
    const avatarUrl = absolute(data.avatar_static ?? data.avatar)
    const followers = data.followersCount ?? data.followers_count
    return { ...(avatarUrl ? { avatarUrl } : {}), ...(createdAt && Number.isFinite(Date.parse(createdAt)) ? { createdAt } : {}), ...(followers === undefined ? {} : { followers }) }
  }
  const image = /<meta[^>]+(?:property|name)=["']og:image["'][^>]+content=(["'])(.*?)\1/i.exec(body)?.[2]
  const avatarUrl = absolute(image?.replace(/&amp;/g, '&'))
  return avatarUrl ? { avatarUrl } : {}
}

/** The URL the audit's control asks for one of our accounts: its handle through the rule, or for a page rule its listed page. */
export function ownProfileUrl(config: WorkspaceConfig, rule: AuditRule, account: Account): string | undefined {
  const handle = account.handle?.replace(/^@/, '')
  if (!handle) return rule.kind === 'page' ? account.url : undefined
  return probeTarget(config, rule, { platform: account.platform, handle }).url
}

/**
 * Where a find's profile is read again: the URL that answered present for a
 * handle the audit probed; for an account a name search returned (its `url`
 * is the search's), the rule's own URL for its handle.
 */
export function findProfileUrl(config: WorkspaceConfig, rule: AuditRule, finding: AuditFinding): string | undefined {
  return finding.foundBy === 'name-search' ? probeTarget(config, rule, finding).url : finding.url
}

interface Reader {
  readonly text: (url: string, rule: AuditRule) => Promise<{ body: string; url: string } | undefined>
  readonly picture: (url: string) => Promise<PictureHash>
}

function reader(config: WorkspaceConfig, options: EvidenceOptions): Reader {
  const guard = options.guard ?? new RequestGuard({ allowPrivateNetwork: config.snapshot.allowPrivateNetwork })
  const timeoutMs = options.timeoutMs ?? config.snapshot.timeout * 1000
  // The same manners as the audit's probes: two at a time per host, and a pause after each.
  const polite = politeQueue(2, options.delayMs ?? config.audit.delayMs)
  const noPictures = options.noPicturesWhy ?? NO_PICTURES
  return {
    text: (url, rule) => polite(url, async () => {
      try {
        const answer = await guardedFetch(url, {
          guard,
          headers: { accept: rule.kind === 'api' ? 'application/json' : 'text/html', 'user-agent': 'showtell account audit', 'accept-language': acceptLanguage(config.snapshot.locale), ...rule.wmn?.headers },
          timeoutMs,
          maxBytes: MAX_ANSWER_BYTES,
        })
        return answer.status >= 200 && answer.status < 300 ? { body: answer.body, url: answer.url } : undefined
      } catch {
        return undefined
      }
    }),
    picture: (url) => {
      if (!options.browser) return Promise.reject(new PictureError(noPictures))
      const browser = options.browser
      return polite(url, () => fetchPictureHash(url, browser, { guard, timeoutMs }))
    },
  }
}

/**
 * A picture's hash from its address: fetched through the guard (each redirect
 * checked), at most 1 MB, only an image type, decoded in the browser. Throws
 * PictureError saying why it could not be read.
 */
export async function fetchPictureHash(url: string, browser: BrowserManager, { guard, timeoutMs }: { readonly guard: RequestGuard; readonly timeoutMs: number }): Promise<PictureHash> {
  let answer
  try {
    answer = await guardedFetch(url, { guard, headers: { accept: 'image/*', 'user-agent': 'showtell account audit' }, timeoutMs, maxBytes: MAX_PICTURE_BYTES + 1, keepBytes: true })
  } catch (error) {
    throw new PictureError(`the picture did not load: ${(error as Error).message.split('\n')[0]}`)
  }
  if (answer.status < 200 || answer.status >= 300) throw new PictureError(`the picture answered ${answer.status}`)
  if (answer.truncated || (answer.bytes?.length ?? 0) > MAX_PICTURE_BYTES) throw new PictureError('the picture is larger than 1 MB')
  const type = pictureType(answer.headers['content-type'])
  if (!type || !answer.bytes) throw new PictureError(`not a picture (${answer.headers['content-type'] ?? 'no type'})`)
  return pictureHash(browser, answer.bytes, type)
}

/** Our own accounts' pictures, read from their profiles now; an account whose picture cannot be read is left out. */
export async function ownPictures(config: WorkspaceConfig, rules: AuditRules, read: Reader): Promise<OwnPicture[]> {
  const own = config.accounts.filter((account) => account.owner !== 'unofficial' && rules[account.platform])
  const limit = pLimit(2)
  const found = await Promise.all(
    own.map((account) =>
      limit(async () => {
        const rule = rules[account.platform]!
        const url = ownProfileUrl(config, rule, account)
        const answer = url ? await read.text(url, rule) : undefined
        const avatarUrl = answer ? profileExtras(rule.kind, answer.body, answer.url).avatarUrl : undefined
        if (!avatarUrl) return undefined
        try {
          return { account: account.id, hash: await read.picture(avatarUrl) }
        } catch {
          return undefined
        }
      }),
    ),
  )
  return found.filter((picture): picture is OwnPicture => picture !== undefined)
}

/** The nearest of our pictures to a hash: fewest bits apart, then nearest in colour. Pure. */
export function nearestPicture(hash: PictureHash, ours: readonly OwnPicture[]): { account: string; bits: number; colour: number } | undefined {
  let best: { account: string; bits: number; colour: number } | undefined
  for (const picture of ours) {
    const bits = hammingDistance(hash, picture.hash)
    const colour = colourDistance(hash, picture.hash) ?? 442
    if (!best || bits < best.bits || (bits === best.bits && colour < best.colour)) best = { account: picture.account, bits, colour }
  }
  return best
}

/** The report with `evidence` on every `exists-unlisted` finding. */
export async function collectEvidence(config: WorkspaceConfig, rules: AuditRules, report: AuditReport, options: EvidenceOptions = {}): Promise<AuditReport> {
  const finds = report.findings.filter((finding) => finding.result === 'exists-unlisted')
  if (finds.length === 0) return report
  const read = reader(config, options)
  const now = options.now ?? new Date().toISOString()
  const ours = options.browser ? await ownPictures(config, rules, read) : []
  const names = companyNames(config)
  const limit = pLimit(2)
  const evidence = new Map<AuditFinding, FindFacts>()
  await Promise.all(
    finds.map((finding) =>
      limit(async () => {
        const rule = rules[finding.platform]
        const url = rule && findProfileUrl(config, rule, finding)
        const answer = rule && url ? await read.text(url, rule) : undefined
        const extras = answer && rule ? profileExtras(rule.kind, answer.body, answer.url) : {}
        let avatar: FindFacts['avatar']
        if (!options.browser) avatar = { unknown: options.noPicturesWhy ?? NO_PICTURES }
        else if (!answer) avatar = { unknown: 'its profile did not answer again' }
        else if (!extras.avatarUrl) avatar = { unknown: 'its profile shows no picture' }
        else if (ours.length === 0) avatar = { unknown: 'none of our own accounts’ pictures could be read' }
        else {
          try {
            const nearest = nearestPicture(await read.picture(extras.avatarUrl), ours)!
            avatar = { bits: nearest.bits, colour: nearest.colour }
          } catch (error) {
            avatar = { unknown: error instanceof PictureError ? error.message : 'the picture could not be read' }
          }
        }
        evidence.set(finding, {
          displayName: finding.displayName,
          bio: finding.bio,
          // A name search's answer (Bluesky's) has no follower count; the profile read again has.
          followers: finding.followers ?? extras.followers,
          ...(extras.createdAt ? { createdAt: extras.createdAt } : {}),
          avatar,
        })
      }),
    ),
  )
  return {
    ...report,
    findings: report.findings.map((finding) => {
      const facts = evidence.get(finding)
      return facts ? { ...finding, evidence: scoreFind(facts, { names, now }) } : finding
    }),
  }
}
