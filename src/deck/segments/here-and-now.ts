// Owns the here-and-now segment's place in the deck: it has material when an
// account of ours has a snapshot for this meeting (or a figure entered by
// hand); its slides are what to look for, then here-and-now.ts's overview,
// spotlights and accounts not read, then the executive scorecard
// (scorecard.ts: the people behind the accounts, beside the competitors'
// leaders, from the same snapshots), and every account's own slide goes to
// the appendix. Its minutes follow its slides (minutesPerSlide).
import { comparisonFor } from '../compare.js'
import { goalMarks } from '../goal-slides.js'
import { hereAndNow as shape, MIN_SECONDS_PER_SLIDE, slidesThatFit } from '../here-and-now.js'
import { hasLiveMaterial, historyWithCompetitors, withToday } from '../live.js'
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
  slides({ config, topic, own, live, date, lastMeeting, title, split, minutes, lang }) {
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
    // ---- how we compare and the executive scorecard (issue 16): the fit rule ----
    // Our own overview and the table of accounts not read come first and
    // always stay. Then the comparison (one slide), then the scorecard (all
    // its slides, when a long one splits): each takes its room ahead of what
    // to look for and the spotlights (here-and-now.ts is asked for that many
    // slides' time less). When the minutes cannot carry both, the scorecard
    // goes to the appendix first; when they cannot carry the comparison
    // either, it follows, before the per-competitor slides, bookmarked like
    // them. In the appendix they cost no time and give their room back.
    // Neither has a slide (nor a placeholder) with no competitor read on a
    // platform of ours, or no executives.
    const capacity = slidesThatFit(budget)
    const comparison = comparisonFor(config, live, date, title, lang, lastMeeting)
    // Ours and the competitors' leaders alike: each one's trend from its own history (ids are unique across the workspace).
    const board = scorecardSlide({ ...config, results: [...(material.results ?? []), ...(material.competitors ?? [])], history: historyWithCompetitors(material), date, ...(lastMeeting !== undefined ? { lastMeeting } : {}), kicker: title, lang })
    const scorecard = board ? splitTables([board], split) : []
    const shaped = (reserved: number) =>
      shape({ live: material, date, kicker: title, accountLabel: accountLabels(config), minutes: Math.max(0, budget - reserved * MIN_SLIDE_MINUTES), lookFor, goals, lang, ...(lastMeeting !== undefined ? { lastMeeting } : {}) })
    const compareSlots = comparison.slide ? 1 : 0
    const both = shaped(compareSlots + scorecard.length)
    const bothFit = both.slides.length + compareSlots + scorecard.length <= capacity
    const onlyCompare = bothFit ? both : shaped(compareSlots)
    const compareFits = compareSlots > 0 && onlyCompare.slides.length + compareSlots <= capacity
    const boardFits = scorecard.length > 0 && bothFit
    const part = bothFit ? both : compareFits ? onlyCompare : shaped(0)
    const moved = comparison.slide && !compareFits ? [{ ...comparison.slide, kicker: `${lang.w.common.appendix} · ${title}`, appendix: true, bookmark: comparison.slide.title }] : []
    // ---- end of how we compare and the scorecard ----
    // A split slide is bookmarked once, at its first part.
    const bookmarkedOnce = (slide: Slide) => splitTables([slide], split).map((piece, i) => (i === 0 ? piece : { ...piece, bookmark: undefined }))
    return {
      slides: [...splitTables([...part.slides, ...(compareFits ? [comparison.slide!] : [])], split), ...(boardFits ? scorecard : [])],
      appendix: [
        ...[...part.appendix, ...moved, ...comparison.appendix].flatMap(bookmarkedOnce),
        ...(board && !boardFits ? scorecard.map((piece, i) => ({ ...piece, appendix: true, ...(i === 0 ? { bookmark: lang.w.scorecard.bookmark } : {}) })) : []),
      ],
    }
  },
}
