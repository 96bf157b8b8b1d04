// Owns the here-and-now segment's place in the deck: it has material when an
// account of ours has a snapshot for this meeting (or a figure entered by
// hand); its slides are what to look for, then here-and-now.ts's overview,
// spotlights and accounts not read, and every account's own slide goes to
// the appendix. Its minutes follow its slides (minutesPerSlide).
import { comparisonFor } from '../compare.js'
import { goalMarks } from '../goal-slides.js'
import { hereAndNow as shape, MIN_SECONDS_PER_SLIDE, slidesThatFit } from '../here-and-now.js'
import { hasLiveMaterial, withToday } from '../live.js'
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

export const hereAndNow: SegmentDefinition = {
  spec,
  isEmpty: ({ own, date }) => !hasLiveMaterial(own, date),
  slides({ config, topic, own, live, date, title, split, minutes, lang }) {
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
    // --- How we compare (issue 16): the fit rule. Our own overview and the
    // table of accounts not read come first and always stay; the comparison
    // comes next, ahead of the spotlights and what to look for: it takes one
    // slide's time from them (shape gets 40 seconds less), and when even then
    // the minutes carry no slide for it, it moves to the appendix before the
    // per-competitor slides, bookmarked like them. Absent (no slide, no
    // placeholder) when no competitor was read on a platform of ours.
    const budget = minutes ?? spec.max
    const comparison = comparisonFor(config, live, date, title, lang)
    const spare = comparison.slide ? MIN_SECONDS_PER_SLIDE / 60 : 0
    const part = shape({ live: material, date, kicker: title, accountLabel: accountLabels(config), minutes: budget - spare, lookFor, goals, lang })
    const fits = comparison.slide !== undefined && part.slides.length < slidesThatFit(budget)
    const moved = comparison.slide && !fits ? [{ ...comparison.slide, kicker: `${lang.w.common.appendix} · ${title}`, appendix: true, bookmark: comparison.slide.title }] : []
    const compared = { slides: fits ? [comparison.slide!] : [], appendix: [...moved, ...comparison.appendix] }
    // --- end of how we compare.
    // A split slide is bookmarked once, at its first part.
    return {
      slides: splitTables([...part.slides, ...compared.slides], split),
      appendix: [...part.appendix, ...compared.appendix].flatMap((slide) => splitTables([slide], split).map((piece, i) => (i === 0 ? piece : { ...piece, bookmark: undefined }))),
    }
  },
}
