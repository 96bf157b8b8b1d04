// Owns who the leaders are: every person with `owner: executive` accounts,
// ours and each competitor's, grouped by `person:` (default: the account's
// label, then its id), and each name in `executives:` with no account, so
// that silence can be named. The deck's scorecard (deck/scorecard.ts) and the
// app's Executives view (overview/overview.ts) list the same people in the
// same order: ours first, then each competitor's in the workspace's order;
// within each, in file order, `executives:` names without accounts last.
import type { Account } from './schema.js'

/** No post in this many days or more is silence, named as such (also the spotlight's "new activity" rule, deck/here-and-now.ts). */
export const SILENCE_DAYS = 30

export interface ExecutiveGroup {
  readonly person: string
  /** The competitor's name; absent for ours. */
  readonly competitor?: string
  /** Their `owner: executive` accounts, in file order; empty for a leader with none. */
  readonly accounts: readonly Account[]
}

export interface ExecutiveSource {
  readonly accounts: readonly Account[]
  readonly executives?: readonly string[]
  readonly competitors?: readonly { readonly name: string; readonly accounts: readonly Account[]; readonly executives?: readonly string[] }[]
}

export function executiveGroups(source: ExecutiveSource): ExecutiveGroup[] {
  const out: ExecutiveGroup[] = []
  const add = (accounts: readonly Account[], executives: readonly string[], competitor?: string) => {
    const mine = new Map<string, { person: string; competitor?: string; accounts: Account[] }>()
    for (const account of accounts) {
      if (account.owner !== 'executive') continue
      const person = account.person ?? account.label ?? account.id
      const group = mine.get(person) ?? { person, ...(competitor ? { competitor } : {}), accounts: [] }
      group.accounts.push(account)
      mine.set(person, group)
    }
    for (const person of executives) if (!mine.has(person)) mine.set(person, { person, ...(competitor ? { competitor } : {}), accounts: [] })
    out.push(...mine.values())
  }
  add(source.accounts, source.executives ?? [])
  for (const c of source.competitors ?? []) add(c.accounts, c.executives ?? [], c.name)
  return out
}
