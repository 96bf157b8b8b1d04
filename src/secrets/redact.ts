// Owns the one redactor: every text showtell writes to a file, prints, or puts
// on a slide passes `redact` (a snapshot result, the error line of `main`, the
// browser manager's messages). It removes
//   - every configured secret value: the credential variables of
//     credentials.ts, and whatever the code registers (a --browser-ws token),
//     also in the pieces a control character splits them into and in their
//     URL- and JSON-escaped forms;
//   - Authorization headers and Bearer tokens;
//   - URL user-info (`https://user:pass@host`);
//   - query (and fragment) parameters whose name says they carry a key or a
//     token (`?token=`, `api_key=`, `X-Amz-Signature=`, ...), and JSON fields
//     with such names.
// What is removed becomes `[redacted]`, so a reader sees that something was there.
import { credentialValues } from './credentials.js'

export const REDACTED = '[redacted]'

/** Shorter values are not treated as secrets: removing every "ab" from a text would garble it. */
const MIN_SECRET_LENGTH = 6
/** A URL's password or key may be a plain word ("passed", "secret"): only longer ones are removed everywhere. */
const MIN_URL_SECRET_LENGTH = 8

const registered = new Set<string>()

/** Adds a secret value (from a URL, a flag) that `redact` removes from now on, for the rest of the process. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) registered.add(value)
}

/** Registers the secret parts of a URL: its password, and its secret-named query parameters. */
export function registerUrlSecrets(url: string | undefined): void {
  if (!url) return
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return
  }
  const register = (value: string) => {
    if (value.length >= MIN_URL_SECRET_LENGTH) registerSecret(value)
  }
  register(parsed.password)
  register(decodeSafely(parsed.password))
  for (const [name, value] of parsed.searchParams) if (isSecretParameter(name)) register(value)
}

const PARAMETER_NAMES = [
  'token', 'access_token', 'accesstoken', 'refresh_token', 'id_token', 'auth_token', 'authtoken',
  'api_key', 'apikey', 'api-key', 'key', 'secret', 'client_secret', 'password', 'passwd', 'pwd', 'pass',
  'sig', 'signature', 'auth', 'authorization', 'credential', 'credentials', 'session', 'sessionid', 'session_id',
]
const PARAMETER_SUFFIX = /[-_.](?:token|key|secret|password|signature|sig|credential|auth)$/i

/** True for a query parameter name that carries a key or a token (case-insensitive). */
export function isSecretParameter(name: string): boolean {
  const lower = decodeSafely(name).toLowerCase()
  return PARAMETER_NAMES.includes(lower) || PARAMETER_SUFFIX.test(lower)
}

// `authorization: Bearer abc`, `"Authorization":"Basic abc"`, `authorization=abc`: the scheme word stays.
const AUTHORIZATION = /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)((?:bearer|basic|digest|token)\s+)?[^\s"',;&}]+/gi
// What follows "Bearer" is a token when it is long and not a plain lower-case word ("bearer tokens").
// (Case-sensitive but for the word itself, so that "lower-case" means lower case.)
const BEARER = /\b[Bb][Ee][Aa][Rr][Ee][Rr](\s+)(?!\[redacted\])(?![a-z]+\b)[A-Za-z0-9\-._~+/%]{8,}=*/g
// scheme://userinfo@ — the user-info holds no "/", "?", "#" or "@" and no white space.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>\\]+@/gi
// The value ends before white space or a quote, and punctuation that ends a sentence is not part of it.
const PARAMETER = /([?&;#])([^=&#;\s"'<>?]+)=(\[redacted\]|[^&#;\s"'<>]*?)(?=[.,:!?)\]]*(?:[&#;\s"'<>]|$))/g
const JSON_FIELD = /("([^"\\]{1,64})"\s*:\s*)"(?:[^"\\]|\\.)*"/g

/**
 * `text` without any secret. `env` is where the credential variables are
 * read (the run's environment); registered secrets are always removed.
 */
export function redact(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text
  for (const value of secretForms(env)) if (out.includes(value)) out = out.split(value).join(REDACTED)
  out = out.replace(AUTHORIZATION, (_, name: string, between: string, scheme: string | undefined) => `${name}${between}${scheme ?? ''}${REDACTED}`)
  out = out.replace(BEARER, (match, space: string) => `${match.slice(0, 6)}${space}${REDACTED}`)
  out = out.replace(USERINFO, (_, scheme: string) => `${scheme}${REDACTED}@`)
  out = out.replace(PARAMETER, (match, separator: string, name: string) => (isSecretParameter(name) ? `${separator}${name}=${REDACTED}` : match))
  out = out.replace(JSON_FIELD, (match, head: string, name: string) => (isSecretParameter(name) ? `${head}"${REDACTED}"` : match))
  return out
}

/** `value` with every string in it (object fields, array items, nested) redacted; the shape is unchanged. */
export function redactDeep<T>(value: T, env: NodeJS.ProcessEnv = process.env): T {
  if (typeof value === 'string') return redact(value, env) as T
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, env)) as T
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, env)
    return out as T
  }
  return value
}

/** True when `text` holds something `redact` removes. */
export function holdsSecret(text: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return redact(text, env) !== text
}

/**
 * Every form in which a secret value may show up, longest first: the value,
 * the pieces a control character or white space cuts it into (an error
 * message often quotes one line of it), and its escaped forms.
 */
function secretForms(env: NodeJS.ProcessEnv): string[] {
  const forms = new Set<string>()
  for (const value of [...credentialValues(env), ...registered]) {
    if (value.length < MIN_SECRET_LENGTH) continue
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
      forms.add(form)
      for (const piece of form.split(/[\s\u0000-\u001f\u007f-\u009f]+|\\[nrt0]|\\u00[01][0-9a-f]|%0[0-9a-f]|%1[0-9a-f]/i)) {
        if (piece.length >= MIN_SECRET_LENGTH) forms.add(piece)
      }
    }
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
