// Owns the small steps the owners' API sources share: the handle an
// account is known by on a token-bound API, a display text, a network
// error's message with the credential cut out, and one GET whose answer is
// JSON or the outcome that ends the read.
import { text as displayText } from '../snapshot/api-answers.js'
import { anyJson, parseJson } from '../data/decode.js'
import { noAnswer } from './problems.js'
import type { AccountRef, HttpAnswer, SourceContext, SourceOutcome } from './source.js'

/** The handle to compare with the token's username: `handle`, else the `/@name` of the profile URL; lower case, no `@`. */
export function atHandle(account: AccountRef): string | undefined {
  if (account.handle !== undefined && bare(account.handle) !== '') return bare(account.handle)
  const fromUrl = account.url === undefined ? undefined : /\/@([A-Za-z0-9._]+)/.exec(account.url)?.[1]
  return fromUrl === undefined ? undefined : bare(fromUrl)
}

/** A handle as compared: trimmed, no `@`, lower case. */
export function bare(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase()
}

/** `{ title: value }` (or description) when the value says something; a very long one is cut (api-answers.ts `text`). */
export function text(key: 'title' | 'description', value: string | undefined): Partial<Record<'title' | 'description', string>> {
  const shown = displayText(value)
  return shown === undefined ? {} : { [key]: shown }
}

/** A network error's message with the token cut out, should a client below ever have put it there. */
export function withoutToken(error: unknown, token: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(token)) return error
  const scrubbed = new Error(error.message.split(token).join('[token]'))
  scrubbed.name = error.name
  return scrubbed
}

/**
 * One GET of `api`: the JSON of a 200 answer, or the outcome that ends the
 * read. No answer is `noAnswer` with the token cut out of the message; a 200
 * that is not JSON is an error; any other status is what `refusal` makes of
 * it and its JSON (undefined when it has none).
 */
export async function askJson(
  api: string,
  context: SourceContext,
  url: string,
  headers: Readonly<Record<string, string>>,
  token: string,
  refusal: (answer: HttpAnswer, json: unknown) => SourceOutcome,
): Promise<{ json: unknown } | SourceOutcome> {
  let answer: HttpAnswer
  try {
    answer = await context.get(url, headers)
  } catch (error) {
    return noAnswer(api, withoutToken(error, token))
  }
  const parsed = parseJson(answer.body, anyJson)
  if (answer.status === 200) {
    return parsed.ok ? { json: parsed.value } : { status: 'error', reason: `${api} answered 200 with something that is not JSON` }
  }
  return refusal(answer, parsed.ok ? parsed.value : undefined)
}
