// Owns what the Facebook Page and Instagram sources share of Meta's Graph API:
// the pinned version, how a request carries the token, and how Meta's error
// answers read as a source's outcome. Meta answers almost every failure with
// HTTP 400 (sometimes 403) and an `error` object; its `code` and
// `error_subcode` say what happened, the HTTP status hardly does.
//
// Documentation (Graph API v25.0):
// - Handling errors (codes 1, 2, 4, 10, 17, 102, 190, 200-299, 341, 368; the
//   OAuthException subcodes 458-467, 492):
//   https://developers.facebook.com/docs/graph-api/guides/error-handling
// - Rate limits (Platform 4/17/32/613, Business Use Case 80001-80014):
//   https://developers.facebook.com/docs/graph-api/overview/rate-limiting/
// - The token in an `Authorization: Bearer` header, as Meta's own Graph API
//   examples send it (it keeps the token out of URLs, logs and error messages):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages/
import { withoutToken } from './source-helpers.js'
import { anyJson, maybe, object, parseJson, string, wholeCount } from '../data/decode.js'
import { credentialVariable, type CredentialService } from '../secrets/credentials.js'
import { expired, forbidden, noAnswer, rateLimited, unauthorised, unexpectedStatus } from './problems.js'
import type { HttpAnswer, SourceContext, SourceOutcome } from './source.js'

/** The Graph API version every request names (the documentation's current one when this was written). */
export const GRAPH_VERSION = 'v25.0'

/** `{base}/v25.0/{path}?{query}`; `path` segments are the caller's, already safe. */
export function graphUrl(context: SourceContext, path: string, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(query).toString()
  return `${context.base('graph')}/${GRAPH_VERSION}/${path}${search ? `?${search}` : ''}`
}

/** The header that carries the token. Never put the token in the URL: URLs end up in error messages. */
export function graphHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

const graphError = object({
  error: object({
    code: wholeCount,
    error_subcode: maybe(wholeCount),
    message: maybe(string),
  }),
})

export interface GraphError {
  readonly status: number
  readonly code: number
  readonly subcode?: number
  /** Only tested against patterns, never shown: it comes from the network. */
  readonly message: string
}

/** Meta's error object in `answer`, when there is one. */
export function graphErrorOf(answer: HttpAnswer): GraphError | undefined {
  const decoded = parseJson(answer.body, graphError)
  if (!decoded.ok) return undefined
  const { code, error_subcode, message } = decoded.value.error
  return { status: answer.status, code, ...(error_subcode !== undefined ? { subcode: error_subcode } : {}), message: message ?? '' }
}

// Platform rate limits (app 4, user 17, Page 32, a call's own 613, app 341)
// and the Business Use Case limits that Page and Instagram tokens hit.
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613])
const isBusinessUseCaseLimit = (code: number) => code >= 80_000 && code <= 80_014

export interface GraphRefusalWords {
  /** The source's name, for the reason. */
  readonly api: string
  readonly service: CredentialService
  /** The permissions a missing-permission error should name (code 10, 200-299). */
  readonly permissions: string
  /** What a missing object is ("Facebook Page"), for code 100/33 and 803. */
  readonly thing: string
}

/**
 * The outcome for a Graph answer that is not a success: Meta's error object
 * read by its code, or the HTTP status when there is none. `undefined` for a
 * 200 without an error: the caller reads it.
 */
export function graphRefusal(answer: HttpAnswer, words: GraphRefusalWords): SourceOutcome | undefined {
  const error = graphErrorOf(answer)
  if (!error) {
    if (answer.status === 200) return undefined
    if (answer.status === 401) return unauthorised(words.api, words.service, answer.status)
    if (answer.status === 403) return forbidden(words.api, words.service, answer.status, words.permissions)
    if (answer.status === 429) return rateLimited(words.api, words.service, answer.status)
    return unexpectedStatus(words.api, answer)
  }
  const { code, subcode, status } = error
  if (code === 190 || code === 102) {
    if (subcode === 463) return expired(words.api, words.service)
    if (subcode === 460) {
      return { status: 'blocked', reason: `${words.api}: the token in ${credentialVariable(words.service)} was invalidated by a password change or a security check; issue a new one` }
    }
    return unauthorised(words.api, words.service, status)
  }
  if (code === 104) return unauthorised(words.api, words.service, status)
  if (RATE_LIMIT_CODES.has(code) || isBusinessUseCaseLimit(code)) return rateLimited(words.api, words.service, status)
  if (code === 10 || (code >= 200 && code <= 299)) return forbidden(words.api, words.service, status, words.permissions)
  // 100/33: "Object with ID … does not exist"; 803: "Some of the aliases you requested do not exist".
  if ((code === 100 && (subcode === 33 || /does not exist/i.test(error.message))) || code === 803) {
    return { status: 'not-found', reason: `no such ${words.thing} (${words.api}: error ${code}${subcode !== undefined ? `/${subcode}` : ''})` }
  }
  if (code === 1 || code === 2) return { status: 'error', reason: `${words.api} is temporarily unavailable (error ${code}); try again later` }
  return { status: 'error', reason: `${words.api} answered ${status} with error ${code}${subcode !== undefined ? `/${subcode}` : ''}` }
}

/** The JSON of a 200 answer, or the outcome that says it is not JSON. */
export function graphJson(answer: HttpAnswer, api: string): { ok: true; value: unknown } | { ok: false; outcome: SourceOutcome } {
  const json = parseJson(answer.body, anyJson)
  return json.ok ? { ok: true, value: json.value } : { ok: false, outcome: { status: 'error', reason: `${api} answered ${answer.status} with something that is not JSON` } }
}

/**
 * `noAnswer` for an error `get` threw, with every copy of the token taken
 * out of its message first. The token travels in a header, which a network
 * error's message never holds, but the message holds the URL, and a URL
 * could one day carry a token (a `next` paging link, a proxy's rewrite).
 */
export function graphNoAnswer(api: string, error: unknown, token: string): SourceOutcome {
  return noAnswer(api, withoutToken(error, token))
}
