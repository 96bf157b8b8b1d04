// Owns "what would let showtell read this account next time", from the
// trail of its sources: the owner's credential that is not set or was
// refused, a sign-in for a walled page, or the figure by hand. One answer for
// the deck's table of accounts not read, the snapshot command and doctor.
// It names a credential by its variable, never its value.
import { adapterOf } from '../platforms/index.js'
import type { SnapshotResult } from './types.js'

type Fixable = Pick<SnapshotResult, 'account' | 'platform' | 'status'> & Partial<Pick<SnapshotResult, 'reason' | 'sources'>>

/** The best source this account did not use for want of its credential (not set, or refused), if any. */
export function missingCredential(result: Fixable): { readonly name: string; readonly credential: string; readonly refused: boolean } | undefined {
  for (const source of result.sources ?? []) {
    if (!source.credential) continue
    if (source.state === 'used' || source.state === 'answered') return undefined
    if (source.state === 'skipped' && source.reason?.includes(`set ${source.credential}`)) return { name: source.name, credential: source.credential, refused: false }
    if (source.state === 'blocked') return { name: source.name, credential: source.credential, refused: true }
  }
  return undefined
}

/** One sentence, ending with a full stop, that a presenter can act on. */
export function fixFor(result: Fixable): string {
  const better = missingCredential(result)
  if (better) return better.refused ? `renew ${better.credential} (${better.name}).` : `set ${better.credential} (${better.name}).`
  if (result.status === 'not-found') return "check the account's url or handle in showtell.yaml."
  if (result.status === 'blocked') {
    const record = `showtell record ${result.account} followers=N`
    return adapterOf(result.platform)?.signIn
      ? `sign in once with showtell login ${result.platform}, or enter today's figure from the platform's own analytics: ${record}.`
      : `enter today's figure from the platform's own analytics: ${record}.`
  }
  return 'run showtell snapshot again; if it keeps failing, enter the figure by hand with showtell record.'
}
