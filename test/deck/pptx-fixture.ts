// A demo-like deck for the deck.pptx tests: composed by composeDeck from a
// workspace and topic like the example's, with the here-and-now placeholder
// replaced by what a live build puts there (an overview of accounts, an account
// slide with its screenshot, the trend chart) and an appendix slide, and the
// pictures written into a build folder as the build writes them. The
// screenshots are real PNGs made here (zlib), the chart the real chart.ts SVG.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { planAgenda } from '../../src/agenda/plan.js'
import { renderLineChart } from '../../src/deck/chart.js'
import { composeDeck, emptySegments, type DeckModel, type TimedSlide } from '../../src/deck/compose.js'
import { langFor } from '../../src/deck/lang.js'
import { topicSchema, type Topic } from '../../src/topics/schema.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'

export function fixtureConfig(language = 'en', extra: { company?: string; presenter?: string; footer?: string } = {}): WorkspaceConfig {
  return workspaceConfigSchema.parse({
    company: { name: extra.company ?? 'Nordlys Outdoor', aliases: ['Nordlys'] },
    accounts: [
      { id: 'nordlys-linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/nordlys', label: 'Nordlys on LinkedIn' },
      { id: 'nordlys-ceo-bluesky', platform: 'bluesky', handle: 'ceo.nordlys.example', owner: 'executive', label: 'CEO on Bluesky' },
    ],
    meeting: { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-11-24' },
    deck: { presenter: extra.presenter ?? 'Communications team', footer: extra.footer ?? 'Executive briefing', language },
  })
}

export const FIXTURE_TOPIC: Topic = topicSchema.parse({
  id: 'crisis-drill',
  title: 'Crisis readiness',
  summary: 'Social media never sleeps, so a crisis can start at any hour. We prepare before it happens.',
  why: ['Trouble on social media ignores office hours.', 'Prepared companies reassure people while events unfold.', 'Our response is what people remember.'],
  keyPoints: [
    { title: 'Name the worst cases before they happen', detail: 'A written list turns fear into plans.', notes: 'Talk track for naming worst cases.' },
    { title: 'Decide who speaks for us', detail: 'One voice, agreed in advance.', notes: 'Talk track for a single voice.' },
  ],
  caseStudies: [{ title: 'A hacked brand account', story: 'A fast-food brand account was hijacked and posted nonsense for an hour.', lesson: 'Account security is crisis prevention.', source: 'Seed article on account security' }],
  worstCases: [
    { scenario: 'Our main account is hijacked.', mitigation: 'Two-factor login and a recovery owner.' },
    { scenario: 'An executive posts something offensive.', mitigation: 'A review habit and an apology plan.' },
  ],
  demo: { focus: 'What our accounts say right now', platforms: ['linkedin', 'bluesky'], lookFor: ['Last post date'] },
  exercise: { title: 'Post a holding statement yourself', minutes: 8, steps: ['Open the company account on your phone.', 'Write a two-sentence holding statement.'] },
  questions: ['Who may speak for us at night?'],
  actions: [{ decision: 'Appoint an on-call owner for nights', owner: 'Head of Communications' }],
  sources: [{ title: 'Open Leadership', url: 'https://example.org/open-leadership' }],
})

/** The deck composed as the build would without live data: its here-and-now and loss-of-control are placeholders. */
export function composedDeck(config: WorkspaceConfig = fixtureConfig(), topic: Topic = FIXTURE_TOPIC): DeckModel {
  const plan = planAgenda({ duration: 45, empty: emptySegments(config, topic) })
  return composeDeck({ config, topic, date: '2026-12-08', plan, next: { date: '2026-12-15', topicTitle: 'Listening' } })
}

/** Live slides put in place of the here-and-now placeholder, and one appendix slide; indexes and budget lines as composeDeck writes them. */
export function demoLikeDeck(config: WorkspaceConfig = fixtureConfig()): DeckModel {
  const deck = composedDeck(config)
  const lang = langFor(config.deck.language)
  const at = deck.slides.findIndex((slide) => slide.segment === 'here-and-now')
  if (at < 0) throw new Error('the fixture deck has no here-and-now slide')
  const base = deck.slides[at]!
  const live: Omit<TimedSlide, 'index'>[] = [
    {
      ...base,
      kind: 'overview',
      title: 'Our accounts right now',
      lead: undefined,
      command: undefined,
      tiles: [
        { name: 'Nordlys on LinkedIn', image: 'snapshots/nordlys-linkedin.png', figure: '12,400 followers', change: '▲ 312', status: 'posted 2 days ago' },
        { name: 'CEO on Bluesky', image: 'snapshots/nordlys-ceo-bluesky.png', figure: '2,150 followers', change: '▼ 12', status: 'quiet for 3 weeks' },
        { name: 'Nordlys on Instagram', figure: 'No number', change: '', status: 'login wall' },
      ],
      notes: ['The overview first.'],
    },
    {
      ...base,
      kind: 'account',
      title: 'Nordlys on LinkedIn',
      kicker: base.kicker,
      lead: undefined,
      command: undefined,
      figure: '12,400',
      change: '▲ 312 since 2026-11-24',
      bullets: ['Last post 2 days ago', 'Pinned post is from March'],
      image: 'snapshots/nordlys-linkedin.png',
      caption: 'Screenshot 2026-12-08 09:12 · followers from the public page',
      notes: ['Point at the pinned post.'],
    },
    {
      ...base,
      kind: 'chart',
      title: 'Followers across meetings',
      lead: undefined,
      command: undefined,
      image: 'charts/followers.svg',
      caption: 'Followers of all accounts at each meeting',
      chart: { points: CHART_POINTS },
      notes: ['The trend since the autumn.'],
    },
  ]
  const appendix: Omit<TimedSlide, 'index'> = {
    ...live[1]!,
    title: 'CEO on Bluesky',
    figure: '2,150',
    change: '▼ 12 since 2026-11-24',
    bullets: ['Last post 3 weeks ago'],
    image: 'snapshots/nordlys-ceo-bluesky.png',
    appendix: true,
    bookmark: 'CEO on Bluesky',
    budgetSeconds: 0,
    positionInSegment: 1,
    segmentSlides: 1,
    segmentMinutes: 0,
    segmentTitle: lang.w.common.appendix,
    budgetLine: '',
    notes: ['For reference.'],
  }
  const segmentSlides = live.length
  const budget = Math.floor((base.segmentMinutes * 60) / segmentSlides)
  const liveTimed = live.map((slide, i) => ({
    ...slide,
    positionInSegment: i + 1,
    segmentSlides,
    budgetSeconds: budget,
    budgetLine: `${slide.segmentTitle}: slide ${i + 1} of ${segmentSlides}, ${budget} s.`,
  }))
  const slides = [...deck.slides.slice(0, at), ...liveTimed, ...deck.slides.slice(at + 1), appendix].map((slide, i) => ({ ...slide, index: i + 1 }) as TimedSlide)
  return {
    ...deck,
    agenda: deck.agenda.map((segment) => (segment.id === 'here-and-now' ? { ...segment, slideCount: segmentSlides, placeholder: false } : segment)),
    slides,
  }
}

const CHART_POINTS = [
  { label: '2026-09-15', value: 13900 },
  { label: '2026-10-13', value: 14120 },
  { label: '2026-11-10', value: 14380 },
  { label: '2026-11-24', value: 14238 },
  { label: '2026-12-08', value: 14550 },
]

/** Writes the deck's pictures into `folder` as the build does: screenshots as PNG, the chart as SVG. */
export async function writeFixturePictures(folder: string): Promise<void> {
  await mkdir(join(folder, 'snapshots'), { recursive: true })
  await mkdir(join(folder, 'charts'), { recursive: true })
  await writeFile(join(folder, 'snapshots', 'nordlys-linkedin.png'), makePng(640, 960, [10, 79, 153]))
  await writeFile(join(folder, 'snapshots', 'nordlys-ceo-bluesky.png'), makePng(640, 960, [11, 107, 47]))
  await writeFile(join(folder, 'charts', 'followers.svg'), renderLineChart(CHART_POINTS))
}

/** A PNG that looks like a page: a coloured top bar, then grey lines of "text" on white. */
export function makePng(width: number, height: number, bar: readonly [number, number, number]): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const inBar = y < height * 0.12
      const textLine = !inBar && y % 40 < 14 && x > 40 && x < width - 40 - ((y * 7) % 200)
      const [r, g, b] = inBar ? bar : textLine ? [200, 204, 210] : [255, 255, 255]
      row[1 + x * 3] = r
      row[2 + x * 3] = g
      row[3 + x * 3] = b
    }
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 2
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}
