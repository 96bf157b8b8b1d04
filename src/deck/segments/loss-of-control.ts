// Owns the loss-of-control segment's place in the deck: it has material when
// an audit has run or the workspace names accounts we do not run; its slides
// are loss-of-control.ts's, tables split like any table.
import { hasLossOfControlMaterial, lossOfControlSlides } from '../loss-of-control.js'
import { splitTables } from './common.js'
import type { SegmentDefinition } from './types.js'

export const lossOfControl: SegmentDefinition = {
  spec: { id: 'loss-of-control', title: 'Loss of control: accounts we do not run', min: 2, max: 6, weight: 2, fillHint: 'showtell audit' },
  isEmpty: ({ config, live }) => !hasLossOfControlMaterial(config, live?.audit),
  slides: ({ config, live, date, lastMeeting, title, split, lang }) => ({
    slides: splitTables(lossOfControlSlides({ config, audit: live?.audit, results: live?.results, history: live?.history ?? [], date, ...(lastMeeting !== undefined ? { lastMeeting } : {}), kicker: title, lang }), split),
  }),
}
