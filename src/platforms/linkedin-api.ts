// Owns reading a LinkedIn organization's follower count through the
// Community Management API with an organization admin's token. LinkedIn's API
// counts followers of organizations (company, showcase and school pages) only:
// a member's profile is never read here.
//
// Documentation (checked for the exact requests and answers):
// - Organization Lookup, "Find Organization by Vanity Name" and "Retrieve
//   Organization Follower Count":
//   https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api
//   `GET https://api.linkedin.com/rest/organizations?q=vanityName&vanityName=<v>`
//   → `{"elements":[{"id":<number>,"vanityName","localizedName",…}],"paging":{…}}`;
//   `GET https://api.linkedin.com/rest/networkSizes/urn:li:organization:<id>?edgeType=COMPANY_FOLLOWED_BY_MEMBER`
//   → `{"firstDegreeSize": <followers>}` (the older v2 page,
//   …/organizations/organization-network-size, shows the same answer with
//   `edgeType=CompanyFollowedByMember`). Permission rw_organization_admin, and
//   an ADMINISTRATOR role on the page.
// - Versioning: https://learn.microsoft.com/en-us/linkedin/marketing/versioning
//   every /rest call carries `LinkedIn-Version: YYYYMM` and
//   `X-Restli-Protocol-Version: 2.0.0`; a version lives about a year.
// - Errors: https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
//   `{"status","serviceErrorCode","code","message"}`: 401 for an invalid,
//   revoked or expired token (`EXPIRED_ACCESS_TOKEN`), 403 for a missing
//   permission or role, 429 for a throttle.
import { array, count, describeFailure, maybe, object, string } from '../data/decode.js'
import { credentialVariable } from '../secrets/credentials.js'
import { askJson } from './source-helpers.js'
import { expired, forbidden, rateLimited, unauthorised, unexpectedStatus } from './problems.js'
import type { AccountRef, ApiSource, HttpAnswer, SourceContext, SourceOutcome } from './source.js'

const ID = 'linkedin-organization-api'
const NAME = 'LinkedIn Community Management API'
/** A monthly version the documentation lists; LinkedIn keeps each for about a year, then this needs a newer one. */
export const LINKEDIN_VERSION = '202601'
const NEEDED = 'the rw_organization_admin permission and an ADMINISTRATOR role on the page'

const organizationsAnswer = object({
  elements: array(object({ id: count, vanityName: maybe(string), localizedName: maybe(string) })),
})

const networkSizeAnswer = object({ firstDegreeSize: count })

const linkedinError = object({ code: maybe(string), serviceErrorCode: maybe(count), message: maybe(string) })

export const linkedinOrganizationApi: ApiSource = {
  id: ID,
  name: NAME,
  credential: 'linkedin',
  async read(context) {
    const token = context.credential
    if (!token) return { status: 'skipped', reason: `${NAME}: no token; set ${credentialVariable('linkedin')}` }
    const target = organizationOf(context.account)
    if (target.kind === 'person') return { status: 'skipped', reason: "LinkedIn's API gives follower counts for organizations only" }
    if (target.kind === 'none') return { status: 'skipped', reason: `${NAME}: the account names no organization (a /company/ URL, its vanity name, or platformId)` }
    const headers = { authorization: `Bearer ${token}`, 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0' }
    const base = `${context.base('linkedin-api')}/rest`

    let id: number
    let title: string | undefined
    if (target.kind === 'id') {
      id = target.id
    } else {
      const lookup = await ask(context, `${base}/organizations?q=vanityName&vanityName=${encodeURIComponent(target.vanity)}`, headers, token)
      if ('status' in lookup) return lookup
      const decoded = organizationsAnswer(lookup.json)
      if (!decoded.ok) return { status: 'error', reason: `${NAME} answered the organization lookup without what we read (${describeFailure(decoded.failure)})` }
      const found = decoded.value.elements[0]
      // LinkedIn matches vanity names case-insensitively; an answer about another page is not ours.
      if (found === undefined || (found.vanityName !== undefined && found.vanityName.toLowerCase() !== target.vanity)) {
        return { status: 'not-found', reason: `no LinkedIn organization with the vanity name "${target.vanity}"` }
      }
      if (!Number.isSafeInteger(found.id)) return { status: 'error', reason: `${NAME} answered the organization lookup with an id that is not a whole number` }
      id = found.id
      title = found.localizedName
    }

    const urn = encodeURIComponent(`urn:li:organization:${id}`)
    const size = await ask(context, `${base}/networkSizes/${urn}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, headers, token)
    if ('status' in size) return size
    const decoded = networkSizeAnswer(size.json)
    if (!decoded.ok) return { status: 'error', reason: `${NAME} answered the network size without what we read (${describeFailure(decoded.failure)})` }
    return {
      status: 'ok',
      metrics: { followers: { value: decoded.value.firstDegreeSize, source: 'api', via: ID } },
      ...(title !== undefined && title.trim() !== '' ? { title: title.slice(0, 2000) } : {}),
    }
  },
}

type Target = { kind: 'id'; id: number } | { kind: 'vanity'; vanity: string } | { kind: 'person' } | { kind: 'none' }

/**
 * Which organization the account is: its numeric `platformId` (or
 * `urn:li:organization:<id>`), else the vanity name in a /company/,
 * /showcase/ or /school/ URL, else its handle. A /in/ URL is a member.
 */
export function organizationOf(account: AccountRef): Target {
  const path = pathOf(account.url)
  if (path !== undefined && /^\/in\/[^/]/.test(path)) return { kind: 'person' }
  const idMatch = account.platformId === undefined ? null : /^(?:urn:li:organization:)?(\d{1,15})$/.exec(account.platformId.trim())
  if (idMatch?.[1] !== undefined) return { kind: 'id', id: Number(idMatch[1]) }
  const fromUrl = path === undefined ? undefined : /\/(?:company|showcase|school)\/([^/?#]+)/.exec(path)?.[1]
  const vanity = fromUrl ?? account.handle?.trim().replace(/^@/, '')
  if (vanity === undefined || vanity === '' || /[/:\s]/.test(vanity)) return { kind: 'none' }
  return { kind: 'vanity', vanity: safeDecode(vanity).toLowerCase() }
}

/** The URL's path (the demo site's LinkedIn pages live under /linkedin/, so no prefix is assumed). */
function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    const { pathname } = new URL(url)
    return pathname.replace(/^\/linkedin(?=\/)/, '')
  } catch {
    return undefined
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The JSON of a 200 answer, or the outcome that ends the read (source-helpers.ts `askJson`, with this API's refusals). */
function ask(context: SourceContext, url: string, headers: Record<string, string>, token: string): Promise<{ json: unknown } | SourceOutcome> {
  return askJson(NAME, context, url, headers, token, refusal)
}

/** What an error answer means for the account (its `code` is read, its message never quoted). */
function refusal(answer: HttpAnswer, json: unknown): SourceOutcome {
  const decoded = linkedinError(json)
  const code = decoded.ok ? decoded.value.code : undefined
  const message = decoded.ok ? (decoded.value.message ?? '') : ''
  if (answer.status === 401) {
    return code === 'EXPIRED_ACCESS_TOKEN' || /\bexpired\b/i.test(message) ? expired(NAME, 'linkedin') : unauthorised(NAME, 'linkedin', answer.status)
  }
  if (answer.status === 403) return forbidden(NAME, 'linkedin', answer.status, NEEDED)
  if (answer.status === 429) return rateLimited(NAME, 'linkedin', answer.status)
  return unexpectedStatus(NAME, answer)
}

