// Owns the ROI segment's place in the deck: it has material when our
// accounts have at least two meetings of history; its slides (the goals, the
// trend, what changed, engagement) are live.ts's and goal-slides.ts's. Like
// the here-and-now, it never holds more slides than its minutes carry at 40
// seconds each: the least important move to the appendix (fit.ts, ranks in
// live.ts roiParts), each bookmarked there under its own title.
import { fitToMinutes } from '../fit.js'
import { hasTrend, roiParts } from '../live.js'
import type { Slide } from '../slide.js'
import { accountLabels, officialIds, splitTables } from './common.js'
import type { SegmentDefinition } from './types.js'

const spec = { id: 'roi', title: 'ROI: what changed', min: 2, max: 6, weight: 2, fillHint: 'showtell snapshot' } as const

export const roi: SegmentDefinition = {
  spec,
  isEmpty: ({ own, date }) => !hasTrend(own, date),
  slides({ config, own, date, title, split, lang, minutes }) {
    const parts = roiParts(own ?? { history: [] }, date, title, accountLabels(config), { goals: config.goals, official: officialIds(config) }, lang)
    // A moved slide says where it came from in its kicker; a split one is bookmarked once, at its first piece.
    const inAppendix = (slide: Slide): Slide => ({ ...slide, kicker: `${lang.w.common.appendix} · ${title}`, bookmark: slide.title })
    const fitted = fitToMinutes(
      parts.map((part) => ({ rank: part.rank, slides: splitTables([part.slide], split) })),
      minutes ?? spec.max,
    )
    const moved = fitted.moved.flatMap((pieces) => pieces.map((slide, i) => (i === 0 ? inAppendix(slide) : { ...inAppendix(slide), bookmark: undefined })))
    return { slides: fitted.kept, appendix: moved }
  },
}
