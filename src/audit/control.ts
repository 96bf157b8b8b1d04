// Owns the audit's control: before a platform's candidates are believed, its
// rule must tell a handle that cannot exist from an account that does, this
// run. A platform that changes its pages can break a rule silently; then it
// says "present" to everything (hundreds of impostors) or "absent" to
// everything (false comfort). The rule, as judgeControl applies it:
//
//   1. broken: the made-up handle came back present, or a real account came
//      back absent. The rule cannot tell present from absent today: none of
//      its answers become finds or "absent" (its candidates are not probed).
//      Broken wins over everything below: one wrong answer is enough.
//   2. unverified: a control came back unknown (a login wall, a challenge, a
//      timeout), or there is no real account to check against (we list none
//      there and the rules file names no `known` one). The made-up handle
//      coming back absent rules out "present to everything" but not "absent
//      to everything": finds are reported, and the report says the platform's
//      answers are unverified, so an "absent" there is no comfort.
//   3. ok: the made-up handle absent and the real account present.
import { randomBytes } from 'node:crypto'
import { ADAPTERS, handleOf } from '../platforms/index.js'
import type { Platform } from '../topics/schema.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { isValidHandle } from './candidates.js'
import type { AuditRule } from './rules.js'
import type { ControlKind, ControlProbe, ControlVerdict } from './types.js'

/** What the report says when a rule is broken: the words, kept in one place. */
export const CANNOT_TELL = 'cannot tell present from absent today'

/** The reason every candidate of a broken platform carries instead of an answer. */
export const BROKEN_REASON = `rule broken this run: ${CANNOT_TELL}`

/** The reason for a platform with no real account to check against. */
export const NO_OWN_ACCOUNT = 'no own account to check against'

/** A probe the control makes: which kind, which handle, and the account it is. */
export interface PlannedControl {
  readonly kind: ControlKind
  readonly handle: string
  readonly account?: string
}

/**
 * A handle nobody has: "zq" and ten random letters and digits (about 52 bits),
 * new every run, so no one can register it ahead of the audit and no cache
 * can answer it. Letters and digits only fit every platform's handle syntax;
 * the adapter gives it its shape (`….bsky.social`, `…@server`).
 */
export function randomControlHandle(platform: Platform, servers: readonly string[] = [], bytes: (n: number) => Uint8Array = randomBytes): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  const stem = `zq${[...bytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`
  if (!isValidHandle(platform, stem)) throw new Error(`the control handle ${stem} does not fit ${platform}'s handle rule`)
  const shapes = ADAPTERS[platform].handles?.candidates
  return shapes ? shapes(stem, { servers })[0] ?? stem : stem
}

/** An account's handle as the rule probes it: its `handle`, else the last part of its address (`/instagram/nordlysoutdoor/` → `nordlysoutdoor`). */
function probeHandleOf(account: WorkspaceConfig['accounts'][number]): string | undefined {
  if (account.handle) return account.handle.replace(/^@/, '')
  if (!account.url) return undefined
  try {
    return handleOf(account).replace(/^@/, '') || undefined
  } catch {
    return undefined
  }
}

/**
 * The controls for one platform: one made-up handle, and one account that
 * must exist: our first official account there (an executive's profile or a
 * fan page may not be what the rule probes, e.g. LinkedIn's rule reads
 * company pages), else the first of the rules file's `known` accounts.
 */
export function planControls(config: WorkspaceConfig, platform: Platform, rule: AuditRule, servers: readonly string[] = [], random?: (n: number) => Uint8Array): PlannedControl[] {
  const planned: PlannedControl[] = [{ kind: 'random', handle: randomControlHandle(platform, servers, random) }]
  for (const account of config.accounts) {
    if (account.platform !== platform || account.owner !== 'official') continue
    const handle = probeHandleOf(account)
    if (handle) return [...planned, { kind: 'own', handle, account: account.id }]
  }
  const known = rule.known?.[0]
  return known ? [...planned, { kind: 'known', handle: known }] : planned
}

/** The verdict on a rule from its control probes (the rule is in this module's header). */
export function judgeControl(probes: readonly ControlProbe[]): { readonly verdict: ControlVerdict; readonly why?: string } {
  const phantom = probes.find((p) => p.kind === 'random' && p.answer === 'present')
  if (phantom) return { verdict: 'broken', why: `${CANNOT_TELL}: ${phantom.handle}, a handle that cannot exist, came back present` }
  const missing = probes.find((p) => p.kind !== 'random' && p.answer === 'absent')
  if (missing) return { verdict: 'broken', why: `${CANNOT_TELL}: ${missing.kind === 'own' ? 'our own account' : 'the known account'} ${missing.handle} came back absent` }
  const unknown = probes.find((p) => p.answer === 'unknown')
  if (unknown) return { verdict: 'unverified', why: `the control ${unknown.handle} could not be read (${unknown.reason ?? 'no reason given'})` }
  if (!probes.some((p) => p.kind !== 'random')) return { verdict: 'unverified', why: NO_OWN_ACCOUNT }
  return { verdict: 'ok' }
}
