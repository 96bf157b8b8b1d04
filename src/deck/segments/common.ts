// Owns what several segments share: the placeholder slide, our accounts'
// names and ids, and "our own" material. Pure.
import type { SegmentId } from '../../agenda/segments.js'
import { redact } from '../../secrets/redact.js'
import type { Account, WorkspaceConfig } from '../../workspace/schema.js'
import type { Lang } from '../lang.js'
import type { LiveMaterial } from '../live.js'
import { unofficialAccounts } from '../loss-of-control.js'
import type { Slide } from '../slide.js'

/** A segment without material: the command (or topic field) that fills it, in the deck's language. */
export function placeholderSlide(id: SegmentId, title: string, lang: Lang): Slide {
  const { compose, fill } = lang.w
  const command = (fill as Record<string, string>)[id] ?? ''
  return {
    kind: 'placeholder',
    segment: id,
    kicker: title,
    title: compose.placeholderTitle,
    lead: compose.placeholderLead,
    command,
    notes: [lang.say(compose.placeholderNote, { command })],
  }
}

/**
 * Our own accounts' material (official and executive): an unofficial account
 * is not "ours", so it stays out of here-and-now and ROI and is watched in
 * the loss-of-control segment instead.
 */
export function ownMaterial(config: WorkspaceConfig, live: LiveMaterial | undefined): LiveMaterial | undefined {
  if (!live) return undefined
  const theirs = new Set(unofficialAccounts(config).map((account) => account.id))
  if (theirs.size === 0) return live
  return { ...live, results: live.results?.filter((r) => !theirs.has(r.account)), history: live.history.filter((e) => !theirs.has(e.account)) }
}

/** Our official accounts' ids, in file order: what a goal of `all` sums. */
export function officialIds(config: WorkspaceConfig): string[] {
  return config.accounts.filter((account) => account.owner === 'official').map((account) => account.id)
}

/** Every account's name as a slide shows it, by id (ours and competitors'). */
export function accountLabels(config: WorkspaceConfig): (id: string) => string {
  const byId = new Map([...config.accounts, ...config.competitors.flatMap((c) => c.accounts)].map((a) => [a.id, accountName(a)]))
  return (id) => byId.get(id) ?? id
}

function accountName(account: Account): string {
  // An account's URL may carry a key or a password: a slide shows it redacted.
  return account.label ?? account.handle ?? (account.url === undefined ? undefined : redact(account.url)) ?? account.id
}

/** A split slide that is not a table or list stays one slide. */
export function splitTables(slides: readonly Slide[], split: (slide: Slide) => Slide[]): Slide[] {
  return slides.flatMap((slide) => (slide.table ? split(slide) : [slide]))
}
