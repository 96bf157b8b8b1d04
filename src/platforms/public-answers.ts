// Owns the steps the public API sources (Bluesky, Mastodon, X) share once an
// answer has come: JSON or not, a 404 or Bluesky's "Profile not found" 400,
// another status, an answer that does not fit its decoder. Each is an outcome
// whose reason names the API and never quotes the answer, which comes from
// the network and ends up on a slide. Refusals (401, 403, 429) are each
// source's own: only it knows which credential, if any, to name.
import { anyJson, describeFailure, maybe, object, parseJson, string, type Decoder } from '../data/decode.js'
import { noAnswer, unexpectedStatus } from './problems.js'
import type { HttpAnswer, SourceContext, SourceOutcome } from './source.js'

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly outcome: SourceOutcome }

/** The error body Bluesky's XRPC (and others) send with a 400: `{"error":"InvalidRequest","message":"Profile not found"}`. */
const errorBody = object({ message: maybe(string), error: maybe(string) })

/** GET `url`, or the outcome of no answer at all (timeout, network). */
export async function getAnswer(api: string, context: SourceContext, url: string, headers?: Readonly<Record<string, string>>): Promise<Read<HttpAnswer>> {
  try {
    return { ok: true, value: await context.get(url, headers) }
  } catch (error) {
    return { ok: false, outcome: noAnswer(api, error) }
  }
}

/** A 200 answer decoded with `decoder`; every other answer is the account's outcome. */
export function decodeAnswer<T>(api: string, answer: HttpAnswer, decoder: Decoder<T>): Read<T> {
  const json = parseJson(answer.body, anyJson)
  if (answer.status === 400 && json.ok) {
    const error = errorBody(json.value)
    const message = error.ok ? (error.value.message ?? error.value.error ?? '') : ''
    if (/not found/i.test(message)) return { ok: false, outcome: { status: 'not-found', reason: `no such account (${api} ${answer.status})` } }
  }
  if (answer.status !== 200) return { ok: false, outcome: unexpectedStatus(api, answer) }
  if (!json.ok) return { ok: false, outcome: { status: 'error', reason: `${api} answered ${answer.status} with something that is not JSON` } }
  const decoded = decoder(json.value)
  if (!decoded.ok) return { ok: false, outcome: { status: 'error', reason: `${api} answered ${answer.status} with an unexpected answer (${describeFailure(decoded.failure)})` } }
  return { ok: true, value: decoded.value }
}

/** Both decoders must fit the same value (a shared decoder from snapshot/api-answers.ts and the identity fields we add). */
export function both<A, B>(first: Decoder<A>, second: Decoder<B>): Decoder<A & B> {
  return (value, field) => {
    const a = first(value, field)
    if (!a.ok) return a
    const b = second(value, field)
    if (!b.ok) return b
    return { ok: true, value: { ...a.value, ...b.value } }
  }
}

/** The decoded path segments of a profile url; none for a url that cannot be read (a source never throws on an account). */
export function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).map((part) => decodeURIComponent(part))
  } catch {
    return []
  }
}
