// Owns what makes two slides "the same slide" apart from their numbers: the
// build records each slide's identity in build.json, and `present --refresh`
// (src/present/refresh.ts) swaps a slide in place only when the freshly
// composed slide at that position has the same identity. The deck page keeps
// the build's titles, notes and budgets per position; a slide that moved or
// changed what it is about must never land at a position that describes
// another one.
//
// An identity is the slide's kind, segment and place (appendix or not), its
// title and kicker with every number masked (an account slide's title carries
// its headline, "LinkedIn: 12,345 followers"), what its screenshot or chart
// is, the names on its tiles and in its table's first column, and the
// accounts it shows (every account whose name is in its text). A sign or a
// word that changes with the numbers ("grew"/"fell", "▲"/"▼") changes the
// identity: such a slide is kept from the build rather than guessed at.
import type { Slide } from '../deck/slide.js'

export interface SlideIdentity {
  readonly kind: string
  readonly segment: string
  readonly appendix: boolean
  /** As on the slide, numbers included; compared with the numbers masked. */
  readonly title: string
  readonly kicker?: string
  readonly image?: string
  readonly tiles?: readonly string[]
  readonly rows?: readonly string[]
  /** Ids of the accounts the slide shows, in the workspace's order. */
  readonly accounts: readonly string[]
}

/** An account as a slide names it: its id and its label (accountLabels in segments/common.ts). */
export interface NamedAccount {
  readonly id: string
  readonly label: string
}

/** The identity of one composed slide; `accounts` are every account the deck may show (ours and competitors'). */
export function slideIdentity(slide: Slide, accounts: readonly NamedAccount[]): SlideIdentity {
  const text = [
    slide.title,
    slide.kicker,
    slide.lead,
    slide.caption,
    slide.callout,
    ...(slide.bullets ?? []),
    ...(slide.table?.rows.flat() ?? []),
    ...(slide.tiles?.map((tile) => tile.name) ?? []),
    ...slide.notes,
  ]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
  const pictures = [slide.image, ...(slide.tiles?.map((tile) => tile.image) ?? [])]
  const shown = accounts.filter((account) => (account.label !== '' && text.includes(account.label)) || pictures.includes(`snapshots/${account.id}.png`))
  return {
    kind: slide.kind,
    segment: slide.segment,
    appendix: slide.appendix === true,
    title: slide.title,
    ...(slide.kicker !== undefined ? { kicker: slide.kicker } : {}),
    ...(slide.image !== undefined ? { image: slide.image } : {}),
    ...(slide.tiles ? { tiles: slide.tiles.map((tile) => tile.name) } : {}),
    ...(slide.table ? { rows: slide.table.rows.map((row) => row[0]) } : {}),
    accounts: shown.map((account) => account.id),
  }
}

/**
 * Digits, with the separators Intl puts inside a number ("12,345", "12 345",
 * "4.4", "4,4"), become one `#`: the identity outlives a changed number.
 */
export function maskNumbers(text: string): string {
  return text.replace(/\d+(?:[.,\u00a0\u202f ]\d+)*/g, '#')
}

/** Whether two slides are the same slide, their numbers aside. */
export function sameSlide(a: SlideIdentity, b: SlideIdentity): boolean {
  const masked = (identity: SlideIdentity) =>
    JSON.stringify([
      identity.kind,
      identity.segment,
      identity.appendix,
      maskNumbers(identity.title),
      maskNumbers(identity.kicker ?? ''),
      identity.image ?? '',
      (identity.tiles ?? []).map(maskNumbers),
      (identity.rows ?? []).map(maskNumbers),
      identity.accounts,
    ])
  return masked(a) === masked(b)
}
