// Owns "what would let showtell read this account next time", from the
// trail of its sources: the owner's credential that is not set or was
// refused, a sign-in for a walled page, or the figure by hand. One answer for
// the deck's table of accounts not read, the snapshot command and doctor.
// It names a credential by its variable, never its value. Its words are the
// catalogue's (messages/<lang>.json `live.fix`), English unless the deck
// passes its language; the commands in them stay commands. A competitor's
// account has no fix of ours: no credential of ours, no sign-in and no hand
// figure applies to it (`competitors.fix`).
import { english, type Lang } from '../deck/lang.js'
import { adapterOf } from '../platforms/index.js'
import type { SnapshotResult } from './types.js'

type Fixable = Pick<SnapshotResult, 'account' | 'platform' | 'status'> & Partial<Pick<SnapshotResult, 'reason' | 'sources' | 'competitor'>>

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
export function fixFor(result: Fixable, lang: Lang = english()): string {
  // Read signed out and without our credentials on purpose: naming either would be a wrong fix.
  if (result.competitor !== undefined) return lang.w.competitors.fix
  const words = lang.w.live.fix
  const better = missingCredential(result)
  if (better) return lang.say(better.refused ? words.renew : words.set, { credential: better.credential, name: better.name })
  if (result.status === 'not-found') return words.notFound
  if (result.status === 'blocked') {
    const record = `showtell record ${result.account} followers=N`
    return adapterOf(result.platform)?.signIn ? lang.say(words.signIn, { login: `showtell login ${result.platform}`, record }) : lang.say(words.byHand, { record })
  }
  return lang.say(words.again, { snapshot: 'showtell snapshot', record: 'showtell record' })
}
