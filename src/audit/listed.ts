// Whether a candidate handle is one of the workspace's own accounts. On its
// own, without the audit's probing code, because the deck and the dashboard
// ask it too.
import type { Account, WorkspaceConfig } from '../workspace/schema.js'
import type { Candidate } from './candidates.js'

/** The account in showtell.yaml (any owner) that is this candidate, if any. */
export function listedAccount(config: WorkspaceConfig, candidate: Candidate): Account | undefined {
  const handle = candidate.handle.toLowerCase()
  const user = handle.split('@')[0]!
  return config.accounts.find((account) => {
    if (account.platform !== candidate.platform) return false
    const own = (account.handle ?? '').replace(/^@/, '').toLowerCase()
    if (own && (own === handle || own === user || own.split('@')[0] === user)) return true
    if (!account.url) return false
    const segments = new URL(account.url).pathname.toLowerCase().split('/').filter(Boolean).map((s) => s.replace(/^@/, ''))
    return segments.includes(user) || segments.includes(handle)
  })
}
