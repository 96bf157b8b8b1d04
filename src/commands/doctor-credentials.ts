// Owns what `doctor` says about credentials and the signed-in profile, as
// pure functions of facts gathered by doctor.ts: per service, whether its
// credential is set and where (the environment or the credentials file),
// the credentials file's state, per account which source a run would use and
// the credentials that would let it use a better one, and the profile.
// Values are read to see whether they are set, never put in a line or a field.
import type { CredentialsFile } from '../secrets/credentials-file.js'
import {
  CREDENTIAL_SERVICE_NAMES,
  CREDENTIAL_VARIABLES,
  findCredential,
  type CredentialOrigin,
  type CredentialService,
} from '../secrets/credentials.js'

/** One of doctor's checks: a line, and under it the details, a warning and the fix. */
export interface Check {
  readonly name: 'node' | 'browser' | 'workspace' | 'credentials' | 'profile'
  readonly ok: boolean
  readonly detail: string
  /** Lines shown under the detail. */
  readonly lines?: readonly string[]
  /** Worth knowing, but not a failure. */
  readonly warning?: string
  readonly fix?: string
}

/** An account's sources in order of preference (from the platform registry). */
export interface AccountSources {
  readonly account: string
  readonly platform: string
  readonly sources: readonly { readonly id: string; readonly name: string; readonly credential?: CredentialService }[]
  /** What the latest snapshot did, in words: `last snapshot 2026-12-04: ok, followers via page`. */
  readonly last?: string
}

export interface ServiceCredential {
  readonly service: CredentialService
  readonly name: string
  /** The variable that is set, else the one to set. */
  readonly variable: string
  readonly set: boolean
  /** Where it is set. */
  readonly origin?: CredentialOrigin
}

export interface AccountPlan {
  readonly account: string
  readonly platform: string
  /** The source a run would try first: the best one that needs no missing credential (undefined when every one does). */
  readonly source?: string
  /** The better sources skipped for want of a credential, and the variable that would let the run use each. */
  readonly needs: readonly { readonly source: string; readonly variable: string }[]
  readonly last?: string
}

export interface CredentialsCheck extends Check {
  readonly name: 'credentials'
  readonly file: { readonly path: string; readonly shown: string; readonly state: CredentialsFile['state']; readonly reason?: string }
  readonly services: readonly ServiceCredential[]
  readonly accounts?: readonly AccountPlan[]
}

export interface CredentialsFacts {
  readonly file: Pick<CredentialsFile, 'path' | 'shown' | 'state' | 'error' | 'values'>
  readonly env: NodeJS.ProcessEnv
  /** Per account, its sources in order of preference, when the registry gives them. */
  readonly accounts?: readonly AccountSources[]
}

const SERVICES = [...new Set(CREDENTIAL_VARIABLES.map((variable) => variable.service))]

/**
 * The credentials check. It fails only for a refused credentials file (bad
 * input: doctor exits 2); a credential that is not set is a fact, not a fault.
 */
export function credentialsCheck({ file, env, accounts }: CredentialsFacts): CredentialsCheck {
  const services: ServiceCredential[] = SERVICES.map((service) => {
    const found = findCredential(service, env, file.values)
    const variable = found?.variable.name ?? CREDENTIAL_VARIABLES.find((v) => v.service === service)!.name
    return { service, name: CREDENTIAL_SERVICE_NAMES[service], variable, set: found !== undefined, ...(found ? { origin: found.origin } : {}) }
  })
  const where = (origin: CredentialOrigin | undefined) => (origin === 'file' ? `credentials file ${file.shown}` : 'environment')
  const lines = services.map((s) => `${s.name}: ${s.variable} ${s.set ? `set (${where(s.origin)})` : 'not set'}`)
  const plans = accounts?.map((account) => planAccount(account, services))
  if (plans) lines.push(...plans.map(accountLine))
  const count = services.filter((s) => s.set).length
  const fileState = file.state === 'ok' ? `ok, ${file.values.size} credential${file.values.size === 1 ? '' : 's'}` : file.state
  const reason = file.error ? file.error.message : undefined
  return {
    name: 'credentials',
    ok: file.state !== 'refused',
    detail: `${count} of ${services.length} services have a credential; credentials file ${file.shown}: ${fileState}${reason ? ` (${reason})` : ''}`,
    lines,
    ...(file.error?.hint ? { fix: file.error.hint } : {}),
    file: { path: file.path, shown: file.shown, state: file.state, ...(reason ? { reason } : {}) },
    services,
    ...(plans ? { accounts: plans } : {}),
  }
}

/** The best source a run would use, and the better ones that wait for a credential. */
export function planAccount(account: AccountSources, services: readonly ServiceCredential[]): AccountPlan {
  const needs: { source: string; variable: string }[] = []
  for (const source of account.sources) {
    const service = source.credential && services.find((s) => s.service === source.credential)
    const last = account.last ? { last: account.last } : {}
    if (!source.credential || service?.set) return { account: account.account, platform: account.platform, source: source.id, needs, ...last }
    needs.push({ source: source.id, variable: service?.variable ?? source.credential })
  }
  return { account: account.account, platform: account.platform, needs, ...(account.last ? { last: account.last } : {}) }
}

/** `nordlys-youtube: youtube-data-api needs SHOWTELL_YOUTUBE_API_KEY → page` */
function accountLine(plan: AccountPlan): string {
  const skipped = plan.needs.map((need) => `${need.source} needs ${need.variable}`)
  const used = plan.source ?? 'no source without a credential: set one, or showtell record the figures by hand'
  const last = plan.last ? `; ${plan.last}` : ''
  if (skipped.length === 0) return `${plan.account}: ${used}${last}`
  return `${plan.account}: ${skipped.join(', ')} → ${used}${last}`
}

export interface ProfileFacts {
  /** `snapshot.profile` as written, undefined when not set. */
  readonly setting?: string
  /** The absolute profile folder, when the setting is valid. */
  readonly path?: string
  /** The path as shown (`~/...`). */
  readonly shown?: string
  readonly exists: boolean
  /** Why the setting is refused (inside the workspace...), as one line with the file and field. */
  readonly error?: { readonly message: string; readonly hint?: string }
  /** Where a remote browser (browser.ws / --browser-ws) is set, when one is. */
  readonly remote?: string
  /** False when there is no workspace to read the setting from. */
  readonly workspace: boolean
}

export interface ProfileCheck extends Check {
  readonly name: 'profile'
  readonly profile: { readonly setting?: string; readonly path?: string; readonly exists: boolean; readonly remote: boolean }
}

/** The signed-in browser profile (`snapshot.profile`). Only a refused setting fails (bad input). */
export function profileCheck(facts: ProfileFacts): ProfileCheck {
  const profile = { ...(facts.setting !== undefined ? { setting: facts.setting } : {}), ...(facts.path ? { path: facts.path } : {}), exists: facts.exists, remote: facts.remote !== undefined }
  if (!facts.workspace) return { name: 'profile', ok: true, detail: 'not checked: no workspace', profile }
  if (facts.error) return { name: 'profile', ok: false, detail: facts.error.message, ...(facts.error.hint ? { fix: facts.error.hint } : {}), profile }
  if (facts.setting === undefined) {
    return { name: 'profile', ok: true, detail: 'snapshot.profile not set: snapshots run signed out (showtell login PLATFORM signs a profile in)', profile }
  }
  const shown = facts.shown ?? facts.path ?? facts.setting
  const warnings = [
    ...(facts.exists ? [] : ['snapshots run signed out until `showtell login PLATFORM` signs it in']),
    ...(facts.remote ? [`${facts.remote} is set: snapshots use the remote browser's own profile, not snapshot.profile`] : []),
  ]
  return {
    name: 'profile',
    ok: true,
    detail: `${shown}${facts.exists ? '' : ': does not exist yet'} (signed-in browser profile, snapshot.profile)`,
    ...(warnings.length > 0 ? { warning: warnings.join('; ') } : {}),
    profile,
  }
}
