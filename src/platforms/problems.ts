// Owns the words for an official API's refusals, so every adapter says the
// same thing the same way: which credential to renew or set, never its value,
// and never the answer's own text (it comes from the network and ends up on a
// slide). A refusal is `blocked`: the account exists, we may not read it.
import { credentialVariable, type CredentialService } from '../secrets/credentials.js'
import type { HttpAnswer, SourceOutcome } from './source.js'

type Refusal = { readonly status: 'blocked'; readonly reason: string }

/** The credential has expired (Meta's error code 190, LinkedIn's expired token, TikTok's access_token_invalid). */
export function expired(api: string, service: CredentialService): Refusal {
  return { status: 'blocked', reason: `${api}: the token in ${credentialVariable(service)} has expired; renew it` }
}

/** 401 or an equivalent: the credential is wrong or revoked. */
export function unauthorised(api: string, service: CredentialService, status: number): Refusal {
  return { status: 'blocked', reason: `${api} refused ${credentialVariable(service)} (${status}); check it or issue a new one` }
}

/** 403 or an equivalent: the credential works but may not read this (a missing scope or role). */
export function forbidden(api: string, service: CredentialService, status: number, missing?: string): Refusal {
  return { status: 'blocked', reason: `${api}: ${credentialVariable(service)} may not read this account (${status})${missing ? `; it needs ${missing}` : ''}` }
}

/** 429 or a quota answer. */
export function rateLimited(api: string, service: CredentialService | undefined, status: number): Refusal {
  const whose = service ? ` for ${credentialVariable(service)}` : ''
  return { status: 'blocked', reason: `${api}: rate limit or quota reached${whose} (${status}); try again later` }
}

/** The one-line reason for an answer no rule above covers. */
export function unexpectedStatus(api: string, answer: HttpAnswer): SourceOutcome {
  if (answer.status === 404) return { status: 'not-found', reason: `no such account (${api} ${answer.status})` }
  return { status: 'error', reason: `${api} answered ${answer.status}` }
}

/** When `get` threw: no answer came. The message of a network error never holds the request's headers. */
export function noAnswer(api: string, error: unknown, timeoutWords = 'in time'): SourceOutcome {
  const name = (error as Error)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return { status: 'timeout', reason: `${api} did not answer ${timeoutWords}` }
  return { status: 'error', reason: `${api} could not be reached (${String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 160)})` }
}
