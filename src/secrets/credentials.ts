// Owns the credentials showtell reads from the environment and from the
// credentials file: the one list of variables that may hold an API token, how
// a service's token is read, the start-of-command check of their values, and
// the environment a child process (Chromium) gets with every secret taken
// out. A new service's key is one more line in CREDENTIAL_VARIABLES; the
// credentials file, the redactor and the browser's environment pick it up
// from here. The file's values (read by credentials-file.ts at the start of a
// command) are kept in this module, never copied into process.env, so no
// child process inherits them.
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
  { name: 'SHOWTELL_LINKEDIN_TOKEN', service: 'linkedin', what: 'a LinkedIn access token of an organization admin (rw_organization_admin)' },
  { name: 'SHOWTELL_TIKTOK_TOKEN', service: 'tiktok', what: 'a TikTok Display API user access token (user.info.basic, user.info.stats)' },
]

/** Where a credential was found: the environment, or the credentials file. */
export type CredentialOrigin = 'environment' | 'file'

export interface FoundCredential {
  readonly variable: CredentialVariable
  readonly origin: CredentialOrigin
  readonly value: string
}

/** The values of the credentials file, by variable name (see useFileCredentials). */
let fileValues: ReadonlyMap<string, string> = new Map()

/**
 * Sets the credentials read from the credentials file: from now on
 * `credential`, `credentialValues` (so the redactor) and `checkCredentials`
 * read them after the environment. credentials-file.ts calls it at the start
 * of a command; a test passes its own (and an empty map to reset).
 */
export function useFileCredentials(values: ReadonlyMap<string, string>): void {
  fileValues = new Map(values)
}

/** The credentials file's values in use. */
export function fileCredentials(): ReadonlyMap<string, string> {
  return fileValues
}

/**
 * The credential for `service` and where it came from, or undefined when none
 * is set. For one service the first variable listed that is set wins; for one
 * variable the environment wins over the file, so that
 * `SHOWTELL_X_BEARER_TOKEN=... showtell snapshot` overrides the file for one run.
 */
export function findCredential(service: CredentialService, env: NodeJS.ProcessEnv = process.env, file: ReadonlyMap<string, string> = fileValues): FoundCredential | undefined {
  for (const variable of CREDENTIAL_VARIABLES) {
    if (variable.service !== service) continue
    const fromEnv = env[variable.name]
    if (fromEnv) return { variable, origin: 'environment', value: fromEnv }
    const fromFile = file.get(variable.name)
    if (fromFile) return { variable, origin: 'file', value: fromFile }
  }
  return undefined
}

/** Each service's API as people name it, in doctor's list. */
export const CREDENTIAL_SERVICE_NAMES: Readonly<Record<CredentialService, string>> = {
  x: 'X API v2',
  youtube: 'YouTube Data API',
  facebook: 'Meta Graph API (Facebook Page)',
  instagram: 'Meta Graph API (Instagram)',
  threads: 'Threads API',
  linkedin: 'LinkedIn organization API',
  tiktok: 'TikTok Display API',
}

/** The user's credential for `service`, or undefined when none is set. */
export function credential(service: CredentialService, env: NodeJS.ProcessEnv = process.env, file: ReadonlyMap<string, string> = fileValues): string | undefined {
  return findCredential(service, env, file)?.value
}

/** The variable to set for `service` (the first one listed): what a reason or a hint names, never the value. */
export function credentialVariable(service: CredentialService): string {
  return CREDENTIAL_VARIABLES.find((variable) => variable.service === service)!.name
}

/** Every credential value set in `env` or in the file, also those another one shadows (for the redactor). */
export function credentialValues(env: NodeJS.ProcessEnv = process.env, file: ReadonlyMap<string, string> = fileValues): string[] {
  return CREDENTIAL_VARIABLES.flatMap((variable) => [env[variable.name], file.get(variable.name)]).filter((value): value is string => !!value)
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Refuses a credential that holds a control character (a pasted newline, a
 * NUL): sent in a header it would fail in a way whose error message carries
 * the value. The message names the variable and the kind of character, never
 * the value or where in it the character is.
 */
export function checkCredentials(env: NodeJS.ProcessEnv = process.env, file: ReadonlyMap<string, string> = fileValues): void {
  for (const variable of CREDENTIAL_VARIABLES) {
    const value = env[variable.name]
    if (!value) continue
    const found = controlCharacter(value)
    if (!found) continue
    throw new UserError(`holds ${found}, which no token contains`, {
      location: { field: variable.name },
      hint: `set it to ${variable.what} alone, on one line, e.g. export ${variable.name}="$(tr -d '\\r\\n' < token-file)"`,
    })
  }
  // The file's reader refuses these with the line; this catches values a caller passed in itself.
  for (const variable of CREDENTIAL_VARIABLES) {
    const value = file.get(variable.name)
    const found = value ? controlCharacter(value) : undefined
    if (!found) continue
    throw new UserError(`holds ${found}, which no token contains`, {
      location: { file: 'the credentials file', field: variable.name },
      hint: `write ${variable.what} alone after ${variable.name}=, on one line`,
    })
  }
}

/** The name of the first control character in `value` ("a newline"), or undefined: never where it is or what is around it. */
export function controlCharacter(value: string): string | undefined {
  const found = CONTROL.exec(value)
  return found ? controlName(found[0]) : undefined
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
