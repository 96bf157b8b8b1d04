// Owns the here-and-now segment's place in the deck: it has material when an
// account of ours has a snapshot for this meeting (or a figure entered by
// hand); its slides are what to look for, then here-and-now.ts's overview,
// spotlights and accounts not read, then the executive scorecard
// (scorecard.ts: the people behind the accounts, beside the competitors'
// leaders, from the same snapshots), and every account's own slide goes to
// the appendix. Its minutes follow its slides (minutesPerSlide).
import { goalMarks } from '../goal-slides.js'
import { hereAndNow as shape } from '../here-and-now.js'
import { MIN_SECONDS_PER_SLIDE, slidesThatFit } from '../here-and-now.js'
import { hasLiveMaterial, withToday } from '../live.js'
import { scorecardSlide } from '../scorecard.js'
import type { Slide } from '../slide.js'
import { accountLabels, officialIds, splitTables } from './common.js'
import type { SegmentDefinition } from './types.js'

const spec = {
  id: 'here-and-now',
  title: 'Here and now: our accounts live',
  // An account slide is a minute and a half of talk; a deck where every
  // account failed (one shared table) should not hold the room for ten minutes.
  min: 3,
  max: 10,
  weight: 3,
  fillHint: 'showtell snapshot',
  minutesPerSlide: 1.5,
} as const

/** One slide's share of the segment's minutes (MIN_SECONDS_PER_SLIDE), for the scorecard's room. */
const MIN_SLIDE_MINUTES = MIN_SECONDS_PER_SLIDE / 60

export const hereAndNow: SegmentDefinition = {
  spec,
  isEmpty: ({ own, date }) => !hasLiveMaterial(own, date),
  slides({ config, topic, own, date, title, split, minutes, lang }) {
    const material = own ?? { history: [] }
    const lookFor: Slide = {
      kind: 'bullets',
      segment: 'here-and-now',
      kicker: title,
      title: topic.demo.focus,
      bullets: topic.demo.lookFor,
      notes: [lang.w.compose.lookForNote],
    }
    // A goal of one account reached or missed at this meeting puts that account in the spotlight.
    const goals = goalMarks(config.goals, { entries: withToday(material, date), date, official: officialIds(config), lang })
    // While planning (no minutes yet), as at the segment's usual maximum: the
    // planner then gives it at most minutesPerSlide per slide.
    const budget = minutes ?? spec.max
    // ---- the executive scorecard (issue 16) ----
    // Fit rule: the scorecard (all its slides, when a long one splits) takes
    // its room ahead of what to look for and the spotlights (here-and-now.ts
    // is asked for that many slides less), behind the overview and the
    // accounts not read, which always stay. When the minutes cannot carry it
    // beside those, all of it goes to the appendix, where it costs no time.
    // No executives: no slide.
    const board = scorecardSlide({ ...config, results: [...(material.results ?? []), ...(material.competitors ?? [])], history: material.history, date, kicker: title, lang })
    const scorecard = board ? splitTables([board], split) : []
    const shaped = (m: number) => shape({ live: material, date, kicker: title, accountLabel: accountLabels(config), minutes: m, lookFor, goals, lang })
    const beside = shaped(Math.max(0, budget - scorecard.length * MIN_SLIDE_MINUTES))
    const boardFits = scorecard.length > 0 && beside.slides.length + scorecard.length <= slidesThatFit(budget)
    // Moved to the appendix, the scorecard gives its room back.
    const part = boardFits || scorecard.length === 0 ? beside : shaped(budget)
    // ---- end of the executive scorecard ----
    // A split slide is bookmarked once, at its first part.
    return {
      slides: [...splitTables(part.slides, split), ...(boardFits ? scorecard : [])],
      appendix: [
        ...part.appendix.flatMap((slide) => splitTables([slide], split).map((piece, i) => (i === 0 ? piece : { ...piece, bookmark: undefined }))),
        ...(board && !boardFits ? scorecard.map((piece, i) => ({ ...piece, appendix: true, ...(i === 0 ? { bookmark: lang.w.scorecard.bookmark } : {}) })) : []),
      ],
    }
  },
}
