// Owns the ROI segment's place in the deck: it has material when our
// accounts have at least two meetings of history; its slides (the goals, the
// trend, engagement) are live.ts's and goal-slides.ts's.
import { hasTrend, roiSlides } from '../live.js'
import { accountLabels, officialIds, splitTables } from './common.js'
import type { SegmentDefinition } from './types.js'

export const roi: SegmentDefinition = {
  spec: { id: 'roi', title: 'ROI: what changed', min: 2, max: 6, weight: 2, fillHint: 'showtell snapshot' },
  isEmpty: ({ own, date }) => !hasTrend(own, date),
  slides: ({ config, own, date, title, split, lang }) => ({
    slides: splitTables(roiSlides(own ?? { history: [] }, date, title, accountLabels(config), { goals: config.goals, official: officialIds(config) }, lang), split),
  }),
}
