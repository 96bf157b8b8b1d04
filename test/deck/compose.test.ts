// Unit tests for composeDeck: which slides a topic and workspace give, how the
// agenda's minutes become per-slide budgets, how long lists split, and that
// the real templates + marp-core keep one rendered slide per planned slide.
import { beforeAll, describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import type { SegmentId } from '../../src/agenda/segments.js'
import { chunk, composeDeck, emptySegments, MAX_BULLETS, MAX_TABLE_ROWS, type DeckModel, type TimedSlide } from '../../src/deck/compose.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown, type TemplateSet } from '../../src/deck/templates.js'
import { topicSchema, type Topic, type TopicInput } from '../../src/topics/schema.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'

// ---- fixtures ----

const BASE_CONFIG = {
  company: { name: 'Fjordvik Seafood', aliases: ['Fjordvik'] },
  accounts: [
    { id: 'fjordvik-linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/fjordvik', label: 'Fjordvik on LinkedIn' },
    { id: 'fjordvik-ceo-bluesky', platform: 'bluesky', handle: 'ceo.fjordvik.example', owner: 'executive', label: 'CEO on Bluesky' },
  ],
  meeting: { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-11-24' },
  deck: { presenter: 'Communications team', footer: 'Executive briefing' },
}

function makeConfig(extraAccounts: object[] = []): WorkspaceConfig {
  return workspaceConfigSchema.parse({ ...BASE_CONFIG, accounts: [...BASE_CONFIG.accounts, ...extraAccounts] })
}

const UNOFFICIAL = [
  { id: 'fjordvik-fans-facebook', platform: 'facebook', url: 'https://www.facebook.com/fjordvikfans', owner: 'unofficial', label: 'Fjordvik Fans (about 1000 friends)' },
  { id: 'fjordvik-jobs-x', platform: 'x', handle: 'fjordvikjobs', owner: 'unofficial', label: 'Fjordvik Jobs on X' },
]

const BASE_TOPIC: TopicInput = {
  id: 'crisis-drill',
  title: 'Crisis readiness',
  summary: 'Social media never sleeps, so a crisis can start at any hour. We prepare before it happens.',
  why: [
    'Trouble on social media ignores office hours.',
    'Prepared companies reassure people while events unfold.',
    'Our response is what people remember.',
  ],
  keyPoints: [
    { title: 'Name the worst cases before they happen', detail: 'A written list turns fear into plans.', notes: 'Talk track for the first key point about naming worst cases.' },
    { title: 'Decide who speaks for us', detail: 'One voice, agreed in advance.', notes: 'Talk track for the second key point about a single voice.' },
    { title: 'Practise the first hour', detail: 'Drills make the first hour calm.', notes: 'Talk track for the third key point about drills.' },
  ],
  caseStudies: [
    { title: 'A hotel CEO blog in a crisis', story: 'The CEO blog kept guests informed during a disaster.', lesson: 'A channel built in calm times carries us through storms.', source: 'Seed article on executive blogging' },
    { title: 'A hacked brand account', story: 'A fast-food brand account was hijacked and posted nonsense for an hour.', lesson: 'Account security is crisis prevention.', source: 'Seed article on account security' },
  ],
  worstCases: [
    { scenario: 'Our main account is hijacked.', mitigation: 'Two-factor login and a recovery owner.' },
    { scenario: 'An executive posts something offensive.', mitigation: 'A review habit and an apology plan.' },
    { scenario: 'A product recall trends overnight.', mitigation: 'An on-call rota with posting rights.' },
  ],
  demo: { focus: 'What our accounts say right now', platforms: ['linkedin', 'bluesky'], lookFor: ['Last post date', 'Unanswered questions'] },
  exercise: {
    title: 'Post a holding statement yourself',
    minutes: 8,
    steps: ['Open the company account on your phone.', 'Write a two-sentence holding statement.', 'Ask a colleague to review it.'],
  },
  questions: ['Who may speak for us at night?', 'Which worst case worries us most?'],
  actions: [{ decision: 'Appoint an on-call owner for nights', owner: 'Head of Communications' }, 'Run a crisis drill before summer'],
  sources: [{ title: 'Open Leadership', url: 'https://example.org/open-leadership' }, { title: 'Seed article: the must-haves of social media' }],
}

function makeTopic(overrides: Partial<TopicInput> = {}): Topic {
  return topicSchema.parse({ ...BASE_TOPIC, ...overrides })
}

function build(duration: number, config = makeConfig(), topic = makeTopic(), next?: { date: string; topicTitle?: string }): DeckModel {
  const plan = planAgenda({ duration, empty: emptySegments(config, topic) })
  return composeDeck({ config, topic, date: '2026-11-24', plan, ...(next ? { next } : {}) })
}

const DURATIONS = Array.from({ length: 31 }, (_, i) => 30 + i) // 30..60
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
/** m:ss, written out here so the test does not lean on formatSeconds. */
const mss = (seconds: number) => `${Math.floor(seconds / 60)}:${seconds % 60 < 10 ? '0' : ''}${seconds % 60}`
const slidesOf = (deck: DeckModel, segment: SegmentId) => deck.slides.filter((s) => s.segment === segment)

// ---- budgets ----

describe('composeDeck: time budgets', () => {
  it.each(DURATIONS)('%i minutes: slide budgets add up to the meeting, per segment and overall', (duration) => {
    const deck = build(duration)
    expect(deck.duration).toBe(duration)
    expect(sum(deck.slides.map((s) => s.budgetSeconds))).toBe(duration * 60)
    for (const segment of deck.agenda) {
      const slides = slidesOf(deck, segment.id)
      expect(slides.length, segment.id).toBeGreaterThanOrEqual(1)
      expect(segment.slideCount, segment.id).toBe(slides.length)
      expect(sum(slides.map((s) => s.budgetSeconds)), segment.id).toBe(segment.minutes * 60)
      for (const slide of slides) {
        expect(slide.segmentMinutes, segment.id).toBe(segment.minutes)
        expect(slide.segmentSlides, segment.id).toBe(slides.length)
        expect(slide.segmentTitle, segment.id).toBe(segment.title)
        expect(Number.isInteger(slide.budgetSeconds) && slide.budgetSeconds > 0, segment.id).toBe(true)
      }
      expect(slides.map((s) => s.positionInSegment), segment.id).toEqual(range(1, slides.length))
    }
  })

  it.each(DURATIONS)('%i minutes: index runs 1..n and slides follow the agenda order', (duration) => {
    const deck = build(duration)
    expect(deck.slides.map((s) => s.index)).toEqual(range(1, deck.slides.length))
    const order = deck.agenda.map((s) => s.id)
    const seen = deck.slides.map((s) => order.indexOf(s.segment))
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('the first slide of each segment states the segment budget; the others do not', () => {
    for (const duration of [30, 45, 60]) {
      const deck = build(duration)
      for (const segment of deck.agenda) {
        slidesOf(deck, segment.id).forEach((slide, i) => {
          if (i === 0) expect(slide.budgetLine, slide.title).toContain(`Segment budget ${segment.minutes} min`)
          else expect(slide.budgetLine, slide.title).not.toContain('Segment budget')
        })
      }
    }
  })

  it('every budget line opens with the budget marker and gives the slide its own time in m:ss', () => {
    const deck = build(45)
    for (const slide of deck.slides) {
      expect(slide.budgetLine, slide.title).toMatch(/^Budget \d+:\d\d for this slide /)
      expect(slide.budgetLine, slide.title).toContain(`${mss(slide.budgetSeconds)} for this slide`)
    }
  })
})

// ---- segments and their material ----

describe('composeDeck: content', () => {
  it('opens with the title slide and closes with the next briefing', () => {
    const deck = build(45, makeConfig(), makeTopic(), { date: '2026-12-01', topicTitle: 'Social media policy' })
    const first = deck.slides[0]!
    expect(first.segment).toBe('opening')
    expect(first.kind).toBe('title')
    expect(first.title).toBe('Crisis readiness')
    expect(first.lead).toBe('Tuesday 24 November 2026')
    expect(deck.company).toBe('Fjordvik Seafood')
    expect(deck.theme).toBe('showtell')
    const closing = slidesOf(deck, 'next-meeting')[0]!
    expect(closing.title).toBe('Next briefing: Tuesday 1 December 2026')
    expect(closing.lead).toContain('Social media policy')
  })

  it('the agenda slide lists every segment with minutes that add up to the meeting', () => {
    const deck = build(45)
    const agenda = deck.slides.find((s) => s.kind === 'agenda')
    expect(agenda?.table?.rows.map((r) => r[0])).toEqual(deck.agenda.map((s) => s.title))
    expect(sum(agenda!.table!.rows.map((r) => Number(r[1])))).toBe(45)
  })

  it('emptySegments: live material is a placeholder until snapshots and the audit run', () => {
    expect([...emptySegments(makeConfig(), makeTopic())].sort()).toEqual(['here-and-now', 'loss-of-control', 'roi'])
    const thin = makeTopic({ caseStudies: [], worstCases: [], questions: [], actions: [] })
    expect([...emptySegments(makeConfig(), thin)].sort()).toEqual(
      ['case-studies', 'discussion', 'here-and-now', 'loss-of-control', 'roi', 'worst-cases'],
    )
    // Questions alone (or actions alone) are enough for a discussion.
    expect(emptySegments(makeConfig(), makeTopic({ actions: [] })).has('discussion')).toBe(false)
    expect(emptySegments(makeConfig(), makeTopic({ questions: [] })).has('discussion')).toBe(false)
  })

  it('an empty segment shows one placeholder slide naming the command that fills it', () => {
    const deck = build(45)
    for (const [id, command] of [['here-and-now', 'showtell snapshot'], ['loss-of-control', 'showtell audit'], ['roi', 'showtell snapshot']] as const) {
      const slides = slidesOf(deck, id)
      expect(slides, id).toHaveLength(1)
      expect(slides[0]!.kind, id).toBe('placeholder')
      expect(slides[0]!.command, id).toBe(command)
      expect(slides[0]!.budgetSeconds, id).toBe(60)
    }
  })

  it('unofficial accounts fill the loss-of-control segment, watched, with the command that looks for more', () => {
    const config = makeConfig(UNOFFICIAL)
    const topic = makeTopic()
    expect(emptySegments(config, topic).has('loss-of-control')).toBe(false)
    const deck = build(45, config, topic)
    const slides = slidesOf(deck, 'loss-of-control')
    // No audit has run: the first slide says which command looks for accounts in our name.
    expect(slides[0]).toMatchObject({ kind: 'placeholder', title: 'No account audit has run yet', command: 'showtell audit' })
    const tables = slides.slice(1)
    expect(tables.every((s) => s.kind === 'table')).toBe(true)
    expect(tables[0]!.title).toBe('We watch 2 unofficial accounts that carry our name')
    const rows = tables.flatMap((s) => s.table?.rows ?? [])
    expect(rows.map((r) => r[0])).toEqual(['Fjordvik Fans (about 1000 friends) (Facebook)', 'Fjordvik Jobs on X (X)'])
    // Without snapshots or history there is no number yet, and the slide says how to get one.
    expect(rows.map((r) => r[1])).toEqual(['not measured yet: run showtell snapshot', 'not measured yet: run showtell snapshot'])
    // Official and executive accounts are ours: never listed as out of control.
    expect(rows.map((r) => r[0]).join(' ')).not.toContain('Fjordvik on LinkedIn')
    expect(rows.map((r) => r[0]).join(' ')).not.toContain('CEO on Bluesky')
  })

  it('without unofficial accounts the loss-of-control segment is empty', () => {
    const config = makeConfig()
    expect(emptySegments(config, makeTopic()).has('loss-of-control')).toBe(true)
    const segment = planAgenda({ duration: 45, empty: emptySegments(config, makeTopic()) }).segments.find((s) => s.id === 'loss-of-control')
    expect(segment?.placeholder).toBe(true)
    expect(segment?.minutes).toBe(1)
  })
})

// ---- splitting long lists ----

describe('composeDeck: long lists split into "(continued)" slides', () => {
  it('13 worst cases become balanced tables of at most MAX_TABLE_ROWS rows', () => {
    const worstCases = range(1, 13).map((n) => ({ scenario: `Scenario ${n}`, mitigation: `Mitigation ${n}` }))
    const deck = build(45, makeConfig(), makeTopic({ worstCases }))
    const slides = slidesOf(deck, 'worst-cases')
    const sizes = slides.map((s) => s.table?.rows.length ?? 0)
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_TABLE_ROWS)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(slides).toHaveLength(Math.ceil(13 / MAX_TABLE_ROWS))
    expect(sizes).toEqual([4, 3, 3, 3]) // with MAX_TABLE_ROWS = 4
    // Every row, in order, exactly once.
    expect(slides.flatMap((s) => s.table!.rows)).toEqual(worstCases.map((w) => [w.scenario, w.mitigation]))
    expect(slides[0]!.title).not.toMatch(/\(continued\)$/)
    for (const slide of slides.slice(1)) expect(slide.title).toBe(`${slides[0]!.title} (continued)`)
    for (const slide of slides) expect(slide.table!.header).toEqual(slides[0]!.table!.header)
    // All worst cases stay in the talk track, and the segment keeps its minutes.
    expect(sum(slides.map((s) => s.budgetSeconds))).toBe(deck.agenda.find((s) => s.id === 'worst-cases')!.minutes * 60)
  })

  it('14 exercise steps split at MAX_BULLETS with "(continued)" titles', () => {
    const steps = range(1, 14).map((n) => `Step number ${n}`)
    const deck = build(45, makeConfig(), makeTopic({ exercise: { title: 'Try it yourself', steps } }))
    const slides = slidesOf(deck, 'exercise')
    const sizes = slides.map((s) => s.bullets?.length ?? 0)
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_BULLETS)
    expect(sizes).toEqual([5, 5, 4]) // with MAX_BULLETS = 6: three slides, balanced
    expect(slides.flatMap((s) => s.bullets ?? [])).toEqual(steps)
    expect(slides.map((s) => s.title)).toEqual(['Try it yourself', 'Try it yourself (continued)', 'Try it yourself (continued)'])
    expect(slides.every((s) => s.numbered === true)).toBe(true)
  })

  it('6 bullets stay on one slide, 7 split 4 + 3', () => {
    const six = slidesOf(build(45, makeConfig(), makeTopic({ why: range(1, 6).map((n) => `Reason ${n}`) })), 'opening').filter((s) => s.kind === 'bullets')
    expect(six.map((s) => s.bullets?.length)).toEqual([6])
    const seven = slidesOf(build(45, makeConfig(), makeTopic({ why: range(1, 7).map((n) => `Reason ${n}`) })), 'opening').filter((s) => s.kind === 'bullets')
    expect(seven.map((s) => s.bullets?.length)).toEqual([4, 3])
    expect(seven[1]!.title).toBe('Why this matters now (continued)')
  })
})

describe('chunk', () => {
  it('splits into as few, balanced parts as the size allows', () => {
    expect(chunk([1, 2, 3, 4, 5, 6], 4)).toEqual([[1, 2, 3], [4, 5, 6]])
    expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]])
    expect(chunk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 4)).toEqual([[1, 2, 3, 4], [5, 6, 7], [8, 9, 10], [11, 12, 13]])
    expect(chunk([1, 2, 3, 4], 4)).toEqual([[1, 2, 3, 4]])
    expect(chunk([1, 2, 3, 4, 5], 4)).toEqual([[1, 2, 3], [4, 5]])
    expect(chunk(['a', 'b', 'c'], 1)).toEqual([['a'], ['b'], ['c']])
  })

  it('keeps a short list whole', () => {
    expect(chunk([1, 2, 3, 4, 5], 6)).toEqual([[1, 2, 3, 4, 5]])
  })

  it('gives one empty part for an empty list', () => {
    expect(chunk([], 4)).toEqual([[]])
  })

  it('does not change its input', () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7])
    chunk(items, 3)
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

// ---- through the real templates and marp-core ----

describe('renderMarkdown + renderSlides with the built-in templates', () => {
  let set: TemplateSet
  beforeAll(async () => {
    set = await loadTemplates()
  })

  const stripZw = (text: string) => text.replace(/\u200b/g, '')

  function expectNotesCarryBudgetAndTalkTrack(deck: DeckModel, notes: readonly string[]) {
    deck.slides.forEach((slide: TimedSlide, i) => {
      const note = stripZw(notes[i] ?? '')
      expect(note, `slide ${slide.index}`).toContain(slide.budgetLine)
      for (const paragraph of slide.notes) expect(note, `slide ${slide.index}`).toContain(paragraph.trim())
    })
  }

  it.each([30, 45, 60])('%i minutes: one rendered slide per planned slide, notes carry budget and talk track', (duration) => {
    const deck = build(duration, makeConfig(UNOFFICIAL), makeTopic(), { date: '2026-12-01' })
    const rendered = renderSlides(renderMarkdown(deck, set), set)
    expect(rendered.slideCount).toBe(deck.slides.length)
    expect(rendered.notes).toHaveLength(deck.slides.length)
    expectNotesCarryBudgetAndTalkTrack(deck, rendered.notes)
  })

  it('long lists render on their own slides too', () => {
    const deck = build(
      60,
      makeConfig(),
      makeTopic({
        worstCases: range(1, 13).map((n) => ({ scenario: `Scenario ${n}`, mitigation: `Mitigation ${n}` })),
        exercise: { title: 'Try it yourself', steps: range(1, 14).map((n) => `Step number ${n}`) },
      }),
    )
    const rendered = renderSlides(renderMarkdown(deck, set), set)
    expect(rendered.slideCount).toBe(deck.slides.length)
    expectNotesCarryBudgetAndTalkTrack(deck, rendered.notes)
    // Each worst-case table slide renders exactly its own rows.
    const sections = [...rendered.html.matchAll(/<section\b[^>]*>([\s\S]*?)<\/section>/g)].map((m) => m[1]!)
    deck.slides.forEach((slide, i) => {
      if (slide.segment !== 'worst-cases') return
      const bodyRows = (sections[i]!.split('<tbody>')[1] ?? '').match(/<tr\b/g) ?? []
      expect(bodyRows.length, slide.title).toBe(slide.table!.rows.length)
    })
  })

  it('numbered steps keep counting on "(continued)" slides', () => {
    const deck = build(45, makeConfig(), makeTopic({ exercise: { title: 'Try it yourself', steps: range(1, 14).map((n) => `Step number ${n}`) } }))
    const rendered = renderSlides(renderMarkdown(deck, set), set)
    const sections = [...rendered.html.matchAll(/<section\b[^>]*>([\s\S]*?)<\/section>/g)].map((m) => m[1]!)
    const exercise = deck.slides.map((slide, i) => ({ slide, html: sections[i]! })).filter(({ slide }) => slide.segment === 'exercise')
    expect(exercise).toHaveLength(3)
    // Steps 1–5, 6–10, 11–14: an executive told "do step 6" must find a 6 on the slide.
    expect(exercise[0]!.html).toMatch(/<ol>/)
    expect(exercise[1]!.html).toMatch(/<ol start="6">/)
    expect(exercise[2]!.html).toMatch(/<ol start="11">/)
  })

  it('hostile topic text keeps the slide count and the talk tracks intact', () => {
    const hostile = makeTopic({
      title: 'Crisis <!-- _class: x --> --- readiness',
      keyPoints: [
        { title: '---', detail: '<script>alert(1)</script>', notes: 'Point at the chart --> then pause.' },
        { title: '# Not a heading', detail: '[link](https://evil.example)', notes: 'From panic ---> to plan, in three steps.' },
      ],
      why: ['<!-- theme: gaia -->', '---\nmarp: true\n---', 'www.evil.example'],
    })
    const deck = build(45, makeConfig(), hostile)
    const rendered = renderSlides(renderMarkdown(deck, set), set)
    expect(rendered.slideCount).toBe(deck.slides.length)
    const sections = [...rendered.html.matchAll(/<section\b([^>]*)>([\s\S]*?)<\/section>/g)]
    expect(sections).toHaveLength(deck.slides.length)
    for (const [, attrs, inner] of sections) {
      expect(inner).not.toMatch(/<(a|img|script|h2|em|strong)\b/)
      expect(attrs).not.toMatch(/class="x"|data-theme="gaia"/)
    }
    expectNotesCarryBudgetAndTalkTrack(deck, rendered.notes)
  })
})
