// Owns the credentials showtell reads from the environment: the one list of
// variables that may hold an API token, how a service's token is read, the
// start-of-command check of their values, and the environment a child
// process (Chromium) gets with every secret taken out. A new service's key is
// one more line in CREDENTIAL_VARIABLES; the redactor and the browser's
// environment pick it up from here.
import { UserError } from '../errors.js'

/** The services whose API showtell calls with the owner's own credential. */
export type CredentialService = 'x' | 'youtube' | 'facebook' | 'instagram' | 'threads' | 'linkedin' | 'tiktok'

export interface CredentialVariable {
  readonly name: string
  readonly service: CredentialService
  /** Shown in the hint when the value is unusable. */
  readonly what: string
}

/** Every environment variable that holds a credential. For one service, the first set one wins. */
export const CREDENTIAL_VARIABLES: readonly CredentialVariable[] = [
  { name: 'SHOWTELL_X_BEARER_TOKEN', service: 'x', what: 'the X API bearer token' },
  { name: 'X_BEARER_TOKEN', service: 'x', what: 'the X API bearer token' },
  { name: 'SHOWTELL_YOUTUBE_API_KEY', service: 'youtube', what: 'a YouTube Data API v3 key' },
  { name: 'SHOWTELL_FACEBOOK_TOKEN', service: 'facebook', what: 'a Facebook Page access token (Meta Graph API)' },
  { name: 'SHOWTELL_INSTAGRAM_TOKEN', service: 'instagram', what: 'an access token for the Instagram professional account (Meta Graph API)' },
  { name: 'SHOWTELL_THREADS_TOKEN', service: 'threads', what: 'a Threads API access token' },
  { name: 'SHOWTELL_LINKEDIN_TOKEN', service: 'linkedin', what: 'a LinkedIn access token of an organization admin (r_organization_social)' },
  { name: 'SHOWTELL_TIKTOK_TOKEN', service: 'tiktok', what: 'a TikTok Display API user access token (user.info.basic, user.info.stats)' },
]

/** The user's credential for `service`, or undefined when none is set. */
export function credential(service: CredentialService, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const variable of CREDENTIAL_VARIABLES) {
    if (variable.service !== service) continue
    const value = env[variable.name]
    if (value) return value
  }
  return undefined
}

/** The variable to set for `service` (the first one listed): what a reason or a hint names, never the value. */
export function credentialVariable(service: CredentialService): string {
  return CREDENTIAL_VARIABLES.find((variable) => variable.service === service)!.name
}

/** Every credential value set in `env` (for the redactor). */
export function credentialValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return CREDENTIAL_VARIABLES.map((variable) => env[variable.name]).filter((value): value is string => !!value)
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Refuses a credential that holds a control character (a pasted newline, a
 * NUL): sent in a header it would fail in a way whose error message carries
 * the value. The message names the variable and the kind of character, never
 * the value or where in it the character is.
 */
export function checkCredentials(env: NodeJS.ProcessEnv = process.env): void {
  for (const variable of CREDENTIAL_VARIABLES) {
    const value = env[variable.name]
    if (!value) continue
    const found = CONTROL.exec(value)
    if (!found) continue
    throw new UserError(`holds ${controlName(found[0])}, which no token contains`, {
      location: { field: variable.name },
      hint: `set it to ${variable.what} alone, on one line, e.g. export ${variable.name}="$(tr -d '\\r\\n' < token-file)"`,
    })
  }
}

function controlName(char: string): string {
  const code = char.charCodeAt(0)
  if (code === 0x0a) return 'a newline'
  if (code === 0x0d) return 'a carriage return'
  if (code === 0x09) return 'a tab'
  if (code === 0x00) return 'a NUL character'
  return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`
}

/**
 * Names that look like they hold a secret, whatever program they are for:
 * GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, PGPASSWORD, OPENAI_API_KEY, NPM_AUTH_TOKEN...
 */
const SECRET_NAME = /TOKEN|SECRET|PASSW(?:OR)?D|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|(?:^|_)AUTH(?:$|_)|COOKIE/i

/** True for a credential variable of ours, or a name that looks secret. */
export function isSecretVariable(name: string): boolean {
  return CREDENTIAL_VARIABLES.some((variable) => variable.name === name) || SECRET_NAME.test(name)
}

/**
 * `env` without any secret variable: what a child process such as Chromium
 * starts with. A page that finds a way to read its browser's environment
 * finds no token there.
 */
export function withoutSecrets(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isSecretVariable(name)) out[name] = value
  }
  return out
}
