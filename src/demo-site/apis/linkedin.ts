// Owns the demo site's LinkedIn Community Management API (api.linkedin.com):
// the organization lookup by vanity name and the organization's network size
// (its followers), with LinkedIn's error answers. The follower count is the
// one the demo company page shows (same bumps). Tokens: the demo credential
// is an ADMINISTRATOR of the demo company; `demo-linkedin-token-member`
// is a member who is not, so the network size answers 403; `expired` and
// `ratelimited` get LinkedIn's answers for those cases; anything else is an
// invalid token.
import type { ApiContext } from '../api.js'
import { jsonReply, type Reply } from '../reply.js'
import { COMPANY, LINKEDIN_COMPANY, followers } from '../platforms.js'

/** The demo company's LinkedIn organization id (`urn:li:organization:<id>`). */
export const LINKEDIN_ORGANIZATION_ID = 5_123_987

const MEMBER_TOKEN = 'demo-linkedin-token-member'
// LinkedIn names the resource and the version in its 403 message.
const VERSION_SEEN = '20260101'
const PAGING = { count: 10, start: 0, links: [] } as const

function linkedinError(status: number, code: string, message: string, serviceErrorCode: number): Reply {
  return jsonReply(status, { status, serviceErrorCode, code, message })
}

/** `path` starts with `/linkedin-api`; `token` is the demo credential it accepts. */
export function linkedinApiAnswer(context: ApiContext, authorization: string | undefined, path: string, query: URLSearchParams, token: string): Reply {
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1]
  if (sent === undefined) return linkedinError(401, 'INVALID_ACCESS_TOKEN', 'Empty oauth2_access_token', 401)
  if (sent === 'expired') return linkedinError(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65602)
  if (sent === 'ratelimited') return linkedinError(429, 'TOO_MANY_REQUESTS', 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.', 101)
  if (sent !== token && sent !== MEMBER_TOKEN) return linkedinError(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600)

  if (path === '/linkedin-api/rest/organizations') {
    if (query.get('q') !== 'vanityName' || !query.get('vanityName')) return linkedinError(400, 'ILLEGAL_ARGUMENT', 'Invalid query parameters passed to request', 100)
    // Vanity names match case-insensitively; a lookup returns the public fields to any member.
    const found = query.get('vanityName')!.toLowerCase() === LINKEDIN_COMPANY.slug
    const elements = found
      ? [
          {
            vanityName: LINKEDIN_COMPANY.slug,
            localizedName: COMPANY.name,
            name: { localized: { en_US: COMPANY.name }, preferredLocale: { country: 'US', language: 'en' } },
            primaryOrganizationType: 'NONE',
            locations: [],
            id: LINKEDIN_ORGANIZATION_ID,
            localizedWebsite: COMPANY.website,
          },
        ]
      : []
    return jsonReply(200, { elements, paging: { ...PAGING, total: elements.length } })
  }

  const size = /^\/linkedin-api\/rest\/networkSizes\/urn:li:organization:(\d+)$/.exec(path)
  if (size) {
    if (query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER') return linkedinError(400, 'ILLEGAL_ARGUMENT', 'Invalid value for param: edgeType', 100)
    if (Number(size[1]) !== LINKEDIN_ORGANIZATION_ID) return linkedinError(404, 'NOT_FOUND', `Organization ${size[1]} not found`, 100)
    if (sent === MEMBER_TOKEN) return linkedinError(403, 'ACCESS_DENIED', `Not enough permissions to access: networkSizes.GET.${VERSION_SEEN}`, 100)
    return jsonReply(200, { firstDegreeSize: followers(LINKEDIN_COMPANY.followers, context.bumps) })
  }
  return linkedinError(404, 'RESOURCE_NOT_FOUND', `No virtual resource found`, 100)
}
