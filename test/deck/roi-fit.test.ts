// The ROI segment fits its minutes (segments/roi.ts): every slide keeps at
// least 40 seconds, and what does not fit moves to the appendix by rank
// (goals, the first chart, what changed, engagement). Expected slides are
// worked out by hand from the history below.
import { describe, expect, it } from 'vitest'
import { english, langFor } from '../../src/deck/lang.js'
import { SEGMENT_DEFINITIONS } from '../../src/deck/segments/index.js'
import type { Slide } from '../../src/deck/slide.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import { topicSchema } from '../../src/topics/schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const config = workspaceConfigSchema.parse({
  company: { name: 'Nordlys Outdoor' },
  accounts: [
    { id: 'a', platform: 'linkedin', url: 'https://www.linkedin.com/company/a', label: 'A on LinkedIn' },
    { id: 'b', platform: 'bluesky', handle: 'b.bsky.social', label: 'B on Bluesky' },
  ],
  meeting: { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-11-03' },
  // On track: 1,400 now, +75 a week over the last 4 weeks, (2,000 − 1,400) / 8 weeks = 75 needed.
  goals: [{ account: 'a', metric: 'followers', target: 2000, by: '2027-01-12' }],
})
const topic = topicSchema.parse({
  id: 't',
  title: 'T',
  summary: 'S.',
  why: ['W.'],
  keyPoints: [{ title: 'K', detail: 'D.', notes: 'N.' }],
  demo: { focus: 'F' },
  exercise: { title: 'E', steps: ['One.'] },
})

function entry(date: string, account: string, followers: number, interactions: number): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00.000Z`, account, platform: account === 'a' ? 'linkedin' : 'bluesky', status: 'ok', metrics: { followers: { value: followers, source: 'meta' }, interactionsPerPost: { value: interactions, source: 'api' } } }
}
const history = [entry('2026-10-20', 'a', 1100, 10), entry('2026-11-03', 'a', 1250, 12), entry('2026-11-17', 'a', 1400, 15), entry('2026-10-20', 'b', 300, 4), entry('2026-11-03', 'b', 320, 5), entry('2026-11-17', 'b', 350, 6)]

/** As a measured split might: the table of what changed on two slides, one row each. */
function split(slide: Slide): Slide[] {
  if (!slide.table || !/^What changed|^Hva som endret/.test(slide.title)) return [slide]
  return slide.table.rows.map((row, i) => ({ ...slide, title: i === 0 ? slide.title : `${slide.title} (continued)`, table: { header: slide.table!.header, rows: [row] } }))
}

function roi(minutes: number, lang = english()) {
  const title = lang.w.segments.roi
  return SEGMENT_DEFINITIONS.roi.slides({ config, topic, date: '2026-11-17', own: { history }, live: { history }, split, lang, title, minutes })
}

const titles = (slides: readonly Slide[] | undefined) => (slides ?? []).map((s) => s.title)

describe('the ROI segment in its minutes', () => {
  it('4 minutes carry all 5 slides (48 s each): nothing moves', () => {
    const part = roi(4)
    expect(titles(part.slides)).toEqual(['Our goal: on track', 'A on LinkedIn: on track for 2,000', 'What changed, account by account', 'What changed, account by account (continued)', 'Engagement: interactions per post'])
    expect(part.appendix).toEqual([])
  })

  it('3 minutes carry 4: engagement, the least important, moves to the appendix, bookmarked, with no time', () => {
    const part = roi(3)
    expect(titles(part.slides)).toEqual(['Our goal: on track', 'A on LinkedIn: on track for 2,000', 'What changed, account by account', 'What changed, account by account (continued)'])
    expect(part.appendix!.map((s) => [s.title, s.kicker, s.bookmark])).toEqual([['Engagement: interactions per post', 'Appendix · ROI: what changed', 'Engagement: interactions per post']])
  })

  it('2 minutes carry 3: the two-slide table of what changed moves whole, engagement takes its place; one bookmark for the table', () => {
    const part = roi(2)
    expect(titles(part.slides)).toEqual(['Our goal: on track', 'A on LinkedIn: on track for 2,000', 'Engagement: interactions per post'])
    expect(part.appendix!.map((s) => [s.title, s.bookmark])).toEqual([
      ['What changed, account by account', 'What changed, account by account'],
      ['What changed, account by account (continued)', undefined],
    ])
  })

  it('says "Appendix" in the deck’s language', () => {
    expect(roi(3, langFor('nb')).appendix!.map((s) => s.kicker)).toEqual(['Vedlegg · Avkastning: hva endret seg'])
  })
})
