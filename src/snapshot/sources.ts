// Owns calling an account's API sources in the adapter's order of
// preference: the first that answers with numbers ends the walk, a source
// whose credential is not set is skipped without a request, and a source
// that throws is that source's `error`, never the run's. The HTTP client is
// the caller's (the run's guarded fetch), so this is tested with any `get`.
import type { PlatformAdapter } from '../platforms/adapter.js'
import { baseOf, type Endpoints } from '../platforms/index.js'
import type { AccountRef, ApiSource, HttpAnswer, SourceOutcome } from '../platforms/source.js'
import { credential, credentialVariable } from '../secrets/credentials.js'

export interface SourceRun {
  readonly source: ApiSource
  readonly outcome: SourceOutcome
}

export interface SourceWalkOptions {
  readonly endpoints: Endpoints
  readonly env: NodeJS.ProcessEnv
  readonly get: (url: string, headers?: Readonly<Record<string, string>>) => Promise<HttpAnswer>
  readonly now: Date
  /** Sources of these ids are left out (a competitor's account never uses the owner's credentials). */
  readonly withoutCredentials?: boolean
}

/** Each source tried, in order, up to and including the first that answered `ok`. */
export async function walkSources(adapter: PlatformAdapter, account: AccountRef, options: SourceWalkOptions): Promise<SourceRun[]> {
  const runs: SourceRun[] = []
  const base = baseOf(options.endpoints)
  for (const source of adapter.sources) {
    let secret: string | undefined
    if (source.credential) {
      if (options.withoutCredentials) {
        runs.push({ source, outcome: { status: 'skipped', reason: 'not with our credentials: this account is not ours' } })
        continue
      }
      secret = credential(source.credential, options.env)
      if (!secret) {
        runs.push({ source, outcome: { status: 'skipped', reason: `no credential: set ${credentialVariable(source.credential)}` } })
        continue
      }
    }
    let outcome: SourceOutcome
    try {
      outcome = await source.read({ account, base, ...(secret !== undefined ? { credential: secret } : {}), get: options.get, now: options.now })
    } catch (error) {
      // A source's own bug is its failure, not the account's or the run's. Only the first line, never a stack.
      outcome = { status: 'error', reason: `${source.name} failed: ${String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 160)}` }
    }
    runs.push({ source, outcome })
    if (outcome.status === 'ok') break
  }
  return runs
}
