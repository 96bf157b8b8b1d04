// Owns fitting a segment's slides to its minutes by importance: each slide
// gets at least MIN_SECONDS_PER_SLIDE (the deck-craft rule, here-and-now.ts),
// so when the segment's parts make more slides than its minutes carry, the
// least important parts move to the appendix after "Next meeting", where they
// cost no time and stay in the PDF and the handout. A part is one slide
// before splitting (a long table and its "(continued)" slides move together).
// Pure.
import { slidesThatFit } from './here-and-now.js'
import type { Slide } from './slide.js'

export interface RankedPart {
  /** The part's slides, already split. */
  readonly slides: readonly Slide[]
  /** Lower is more important; the first part in rank order always stays, whatever its size. */
  readonly rank: number
}

export interface Fitted {
  /** The parts that stay, in their original order. */
  readonly kept: Slide[]
  /** The parts that move to the appendix, in their original order, each its slides. */
  readonly moved: (readonly Slide[])[]
}

/**
 * Keeps parts in rank order (ties: the earlier part) while the slides kept
 * fit `minutes` at MIN_SECONDS_PER_SLIDE each; a part that does not fit is
 * passed over for a smaller one of lower rank that does.
 */
export function fitToMinutes(parts: readonly RankedPart[], minutes: number): Fitted {
  const room = Math.max(1, slidesThatFit(minutes))
  const order = parts.map((part, i) => ({ part, i })).sort((a, b) => a.part.rank - b.part.rank || a.i - b.i)
  const keep = new Set<number>()
  let used = 0
  for (const [n, { part, i }] of order.entries()) {
    if (n === 0 || used + part.slides.length <= room) {
      keep.add(i)
      used += part.slides.length
    }
  }
  return {
    kept: parts.flatMap((part, i) => (keep.has(i) ? part.slides : [])),
    moved: parts.filter((_, i) => !keep.has(i)).map((part) => part.slides),
  }
}
