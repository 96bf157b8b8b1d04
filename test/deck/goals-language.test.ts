// The goal slides, the trend chart and the loss-of-control segment in the
// deck's language. With Norwegian Bokmål (langFor('nb')) every fixed word is
// Norwegian, numbers have a no-break space between thousands and a decimal
// comma, dates are Norwegian ("12. januar 2027"); nothing of the English words
// is left. Every expected text is written out by hand (the arithmetic is in
// the comments), not read back from the code under test.
import { describe, expect, it } from 'vitest'
import type { AuditFinding } from '../../src/audit/run.js'
import type { StoredAudit } from '../../src/audit/store.js'
import { renderLineChart } from '../../src/deck/chart.js'
import { axisDay, dayWords } from '../../src/deck/day-words.js'
import { goalMarks, goalSlides } from '../../src/deck/goal-slides.js'
import { goalProgress, type GoalContext } from '../../src/deck/goals.js'
import { english, langFor } from '../../src/deck/lang.js'
import { lossOfControlSlides } from '../../src/deck/loss-of-control.js'
import type { Slide } from '../../src/deck/slide.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { RecordedMetrics, SnapshotResult } from '../../src/snapshot/types.js'
import { workspaceConfigSchema, type Goal } from '../../src/workspace/schema.js'

const nb = langFor('nb')
/** A no-break space, as Norwegian writes thousands: "15 000". */
const NBSP = '\u00a0'

function entry(date: string, account: string, metrics: RecordedMetrics): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00.000Z`, account, platform: 'linkedin', status: 'ok', metrics }
}
const followers = (value: number) => ({ followers: { value, source: 'meta' as const } })
const postsPerMonth = (value: number) => ({ postsPerMonth: { value, source: 'api' as const } })

// Account a: followers 11,000 → 12,000 → 13,000 every two weeks; posts in 30 days 2 → 4.
const history: HistoryEntry[] = [
  entry('2026-10-20', 'a', { ...followers(11000), ...postsPerMonth(2) }),
  entry('2026-11-03', 'a', followers(12000)),
  entry('2026-11-17', 'a', { ...followers(13000), ...postsPerMonth(4) }),
]

// The meeting: 2026-11-17; to 2027-01-12 is 56 days, 8 weeks.
const context: GoalContext = { entries: history, date: '2026-11-17', official: ['a'], lang: nb }
const goal = (overrides: Partial<Goal>): Goal => ({ account: 'a', metric: 'followers', target: 15000, by: '2027-01-12', ...overrides })
const GOALS: Goal[] = [
  // Achieved (13,000 − 11,000) / 4 weeks = +500 a week; needed (15,000 − 13,000) / 8 = +250: on track.
  goal({}),
  // Reached: 4 ≥ 2.5, first on 2026-11-17.
  goal({ metric: 'postsPerMonth', target: 2.5 }),
  // Achieved (4 − 2) / 4 = +0.5 a week; needed (8.5 − 4) / 8 = 0.5625, +0.6: behind.
  goal({ metric: 'postsPerMonth', target: 8.5 }),
  // 2026-11-10 has passed at 13,000: 7,000 short.
  goal({ target: 20000, by: '2026-11-10', account: 'all' }),
]
/** Every text of a slide that reaches the screen or the speaker notes. */
const shown = (s: Slide) => [s.kicker, s.title, s.lead, s.callout, s.caption, ...(s.bullets ?? []), ...(s.table ? [...s.table.header, ...s.table.rows.flat()] : []), ...s.notes]

const label = (id: string) => (id === 'a' ? 'Nordlys' : id)

describe('the goal slides in Norwegian', () => {
  const { table, charts } = goalSlides(GOALS, context, 'Avkastning', label)
  const slide = table[0]!

  it('count the verdicts in the title in Norwegian words', () => {
    expect(slide.title).toBe('Våre 4 mål: 1 i rute, 1 nådd, 1 på etterskudd, 1 ikke nådd')
    expect(goalSlides([GOALS[2]!], context, 'Avkastning', label).table[0]!.title).toBe('Målet vårt: på etterskudd')
  })

  it('write each goal and where it stands with Norwegian numbers and dates', () => {
    expect(slide.table!.header).toEqual(['Mål', 'Der vi står'])
    expect(slide.table!.rows).toEqual([
      [`Nordlys: 15${NBSP}000 følgere innen 12. januar 2027`, `I rute: 13${NBSP}000 nå; +500 i uka, trenger +250`],
      ['Nordlys: 2,5 innlegg på 30 dager innen 12. januar 2027', 'Nådd: 4 nå'],
      ['Nordlys: 8,5 innlegg på 30 dager innen 12. januar 2027', 'På etterskudd: 4 nå; +0,5 i uka, trenger +0,6'],
      [`Våre offisielle kontoer: 20${NBSP}000 følgere innen 10. november 2026`, `Ikke nådd: 13${NBSP}000 per 17. november 2026, 7${NBSP}000 under målet`],
    ])
  })

  it('give the talk track in Norwegian, with the reason for the verdict', () => {
    expect(slide.notes[0]).toBe(
      `Nordlys: 15${NBSP}000 følgere innen 12. januar 2027. 13${NBSP}000 per 17. november 2026, fra 11${NBSP}000 per 20. oktober 2026. ` +
        'Trenger +250 i uka de neste 8 ukene. Oppnådd: +500 i uka fra 20. oktober 2026 til 17. november 2026. ' +
        'I rute: tempoet vi holder, er minst like høyt som tempoet som trengs.',
    )
    expect(slide.notes[3]).toBe(
      `Våre offisielle kontoer: 20${NBSP}000 følgere innen 10. november 2026. 13${NBSP}000 per 17. november 2026, fra 11${NBSP}000 per 20. oktober 2026. ` +
        'Oppnådd: +500 i uka fra 20. oktober 2026 til 17. november 2026. Summen av 1 offisiell konto. Ikke nådd: fristen 10. november 2026 har gått ut, og målet ble ikke nådd.',
    )
    expect(slide.notes.at(-1)).toBe('Spør for hvert mål vi er på etterskudd med: hva gjør vi annerledes for å være i rute igjen til neste møte?')
    expect(goalProgress(GOALS[1]!, context).reason).toBe('nådd 17. november 2026')
  })

  it('title the chart with the verdict and label its target in Norwegian', () => {
    expect(charts).toHaveLength(1)
    expect(charts[0]).toMatchObject({
      title: `Nordlys: i rute mot 15${NBSP}000`,
      caption: 'Nordlys, følgere siden 20. oktober 2026; stiplet linje: målet innen 12. januar 2027',
      chart: { target: { value: 15000, date: '2027-01-12', label: `Mål 15${NBSP}000 innen 12. januar 2027` } },
    })
  })

  it('say a goal reached at this meeting in Norwegian for the spotlight', () => {
    expect(goalMarks([GOALS[1]!], context)).toEqual([{ account: 'a', words: 'nådde målet om 2,5 innlegg på 30 dager innen 12. januar 2027' }])
  })

  it('carry none of the English words', () => {
    const text = [...table, ...charts].flatMap((s) => [...shown(s), s.chart?.target?.label]).join('\n')
    for (const word of ['On track', 'on track', 'Behind', 'behind', 'Reached', 'reached', 'Missed', 'missed', 'followers', 'posts', 'a week', 'needed', ' now', ' by ', 'Our ', 'goal', 'Goal', 'Where we are', 'Target', 'since', 'dashed', 'pace', 'Needed', 'Achieved', 'The sum', ' Oct', ' Nov', ' Jan', '2026-', '2027-']) {
      expect(text, word).not.toContain(word)
    }
  })

  it('stay as they were in English when no language is given', () => {
    const { table: english } = goalSlides(GOALS, { ...context, lang: undefined }, 'ROI', label)
    expect(english[0]!.title).toBe('Our 4 goals: 1 on track, 1 reached, 1 behind, 1 missed')
    expect(english[0]!.table!.rows[3]).toEqual(['Our official accounts: 20,000 followers by 2026-11-10', 'Missed: 13,000 on 2026-11-17, 7,000 short'])
  })
})

describe('the trend chart in Norwegian', () => {
  const points = [
    { label: '2026-10-20', value: 11000 },
    { label: '2026-11-03', value: 12000 },
    { label: '2026-11-17', value: 13000 },
  ]
  const target = { value: 15000, date: '2027-01-12', label: `Mål 15${NBSP}000 innen 12. januar 2027` }
  const svg = renderLineChart(points, { target, lang: nb })
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])

  it('labels its axes with Norwegian numbers and dates', () => {
    // The y-range 11,000 to 15,000 in steps of 1,000: ticks at 11,000, 13,000 and 15,000.
    expect(texts).toEqual([`11${NBSP}000`, `13${NBSP}000`, `15${NBSP}000`, target.label, '20. okt.', '17. nov.', '12. jan.'])
  })

  it('writes large numbers in the short Norwegian form', () => {
    const big = renderLineChart([{ label: '2026-10-20', value: 150000 }, { label: '2026-11-17', value: 250000 }], { lang: nb })
    // niceRange(150,000, 250,000) is 100,000 to 300,000: ticks 100k, 200k, 300k ("K" is English's).
    expect([...big.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['100k', '200k', '300k', '20. okt.', '17. nov.'])
  })

  it('keeps ISO dates and English numbers in English', () => {
    const en = renderLineChart(points, { target: { ...target, label: 'Target 15,000 by 2027-01-12' } })
    expect([...en.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['11,000', '13,000', '15,000', 'Target 15,000 by 2027-01-12', '2026-10-20', '2026-11-17', '2027-01-12'])
    expect(renderLineChart(points, { lang: english() })).toBe(renderLineChart(points))
  })

  it('leaves a label that is not a date as it is', () => {
    expect(axisDay('Uke 47', nb)).toBe('Uke 47')
    expect(axisDay('2026-11-17', nb)).toBe('17. nov.')
  })
})

describe('dates inside a sentence', () => {
  it('follow the catalogue’s dates: ISO in English, Intl’s day, full month and year in Norwegian', () => {
    expect(dayWords('2027-03-30', nb)).toBe('30. mars 2027')
    expect(dayWords('2027-03-30', english())).toBe('2027-03-30')
  })
})

const config = workspaceConfigSchema.parse({
  company: { name: 'Fjordvik Sjømat', aliases: ['Fjordvik'] },
  accounts: [
    { id: 'fjordvik-linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/fjordvik-sjomat', label: 'Fjordvik på LinkedIn' },
    { id: 'fjordvik-jobs-x', platform: 'x', handle: 'fjordvikjobb', owner: 'unofficial', label: 'Fjordvik Jobb' },
    { id: 'fjordvik-fans-x', platform: 'x', handle: 'fjordvikvenner', owner: 'unofficial', label: 'Fjordvik-venner' },
  ],
  meeting: { weekday: 'tuesday', start: '2026-11-24' },
})

const found = (finding: Partial<AuditFinding> & Pick<AuditFinding, 'platform' | 'handle'>): AuditFinding => ({ result: 'exists-unlisted', ...finding })
const unknown = (platform: AuditFinding['platform'], handle: string, reason: string): AuditFinding => ({ platform, handle, result: 'unknown', reason })

const AUDIT: StoredAudit = {
  ranAt: '2026-11-21T14:02:11.512Z',
  generated: 80,
  candidates: 1300,
  checked: 250,
  platforms: ['bluesky', 'mastodon', 'youtube', 'linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'x'],
  budget: 250,
  findings: [
    found({ platform: 'instagram', handle: 'fjordvik.official', displayName: 'Fjordvik Offisiell', followers: 1020, url: 'https://www.instagram.com/fjordvik.official/', screenshot: 'audit/ig.png', capturedAt: '2026-11-21T14:03:05.000Z', bio: 'Tilbud hver uke.' }),
    found({ platform: 'facebook', handle: 'fjordvik', displayName: 'Fjordvik Sjømat', followers: 1, url: 'https://www.facebook.com/fjordvik' }),
    found({ platform: 'x', handle: 'fjordvikfans', displayName: 'Fjordvik fans', bio: 'Uoffisiell fan-side.', followers: 40 }),
    ...['a', 'b', 'c'].map((suffix) => found({ platform: 'tiktok', handle: `fjordvik${suffix}`, displayName: `Fjordvik ${suffix}` })),
    found({ platform: 'threads', handle: 'fjordvikhelp', displayName: 'Fjordvik' }),
    { platform: 'linkedin', handle: 'fjordvik-sjomat', result: 'official', account: 'fjordvik-linkedin' },
    unknown('x', 'fjordvik', 'login wall'),
    unknown('threads', 'fjordvik.hq', 'not checked: the request budget of 250 was spent'),
  ],
}

describe('the loss-of-control segment in Norwegian', () => {
  const results = [{ account: 'fjordvik-jobs-x', platform: 'x', status: 'ok', capturedAt: '2026-11-24T08:00:00.000Z', metrics: followers(1500) }] as unknown as SnapshotResult[]
  const watchedHistory = [entry('2026-11-10', 'fjordvik-jobs-x', followers(1450)), entry('2026-11-10', 'fjordvik-fans-x', followers(12))]
  const slides = lossOfControlSlides({ config, audit: AUDIT, results, history: watchedHistory, date: '2026-11-24', kicker: 'Tap av kontroll', lang: nb })
  const placeholder = lossOfControlSlides({ config, history: [], date: '2026-11-24', kicker: 'Tap av kontroll', lang: nb })

  it('sums up the audit in Norwegian, with Norwegian numbers and dates', () => {
    expect(slides[0]).toMatchObject({
      title: '7 kontoer bruker navnet vårt, men drives ikke av oss',
      lead: 'Vi sjekket 250 mulige brukernavn på 9 plattformer, 21. november 2026 kl. 14:02 UTC.',
      bullets: [
        'Funnet: 2 å rapportere, 4 å ta tilbake, 1 å føre opp som uoffisielle',
        'Kjente igjen 1 konto vi allerede har i listen',
        '2 uoffisielle kontoer vi allerede følger med på',
        // The platform's reason is the audit's own words (rules/audit.yaml): kept as written.
        'Kunne ikke sjekke X: innloggingsvegg',
        '1 brukernavn ble ikke sjekket: forespørselsbudsjettet var brukt opp',
      ],
    })
    expect(slides[0]!.notes[0]).toBe(`showtell audit laget 1${NBSP}300 mulige brukernavn ut fra navnet vårt og aliasene og sjekket 250 av dem (budsjett 250) på Bluesky, Mastodon, YouTube, LinkedIn, Instagram, Facebook, Threads, TikTok, X. Den kjørte 21. november 2026 kl. 14:02 UTC.`)
  })

  it('gives each account found a Norwegian slide: title, action, reason, followers, caption, notes', () => {
    const impostor = slides[1]!
    expect(impostor.title.replace(/\u200b/g, '')).toBe('@fjordvik.official utgir seg for å være oss på Instagram')
    expect(impostor).toMatchObject({
      kicker: 'Tap av kontroll · Instagram',
      callout: 'Rapporter den til plattformen som etterligning',
      lead: 'Brukernavnet sier «official»: folk vil tro at det er oss.',
      caption: 'Skjermbilde 21. november 2026 kl. 14:03 UTC',
    })
    expect(impostor.bullets!.slice(0, 2)).toEqual(['Kaller seg «Fjordvik Offisiell»', `1${NBSP}020 følgere`])
    expect(impostor.notes).toEqual([
      `@fjordvik.official på Instagram, kaller seg «Fjordvik Offisiell», 1${NBSP}020 følgere. Den står ikke i showtell.yaml.`,
      'Profilteksten: Tilbud hver uke.',
      'Forslag: Rapporter den til plattformen som etterligning. Brukernavnet sier «official»: folk vil tro at det er oss.',
      'Åpne den direkte: https://www.instagram.com/fjordvik.official/',
      'Funnet av showtell audit, 21. november 2026 kl. 14:02 UTC.',
      'Bli enige om hvem som eier neste steg før møtet går videre.',
    ])
    const claim = slides.find((s) => s.title.replace(/\u200b/g, '') === 'fjordvik på Facebook ser ut som vår')!
    expect(claim).toMatchObject({ callout: 'Ta den tilbake: finn ut hvem som opprettet den, og overta den', lead: 'Den bruker navnet vårt og sier ikke hvem som driver den.', caption: 'Uten skjermbilde' })
    expect(claim.bullets![1]).toBe('1 følger')
  })

  it('lists the rest and the watched accounts in Norwegian tables', () => {
    const more = slides.find((s) => s.kind === 'table' && s.table!.header[1] === 'Forslag')!
    expect(more.title).toBe('3 kontoer til i vårt navn')
    expect(more.table!.rows.map((r) => r[1])).toEqual(['Ta den tilbake', 'Ta den tilbake', 'Før opp som uoffisiell'])
    const watched = slides.at(-1)!
    expect(watched.title).toBe('Vi følger med på 2 uoffisielle kontoer som bruker navnet vårt')
    expect(watched.table).toEqual({
      header: ['Konto', 'Siste tall'],
      rows: [
        [`Fjordvik Jobb (X)`, `1${NBSP}500 følgere, ▲ 50 siden 10. november 2026`],
        ['Fjordvik-venner (X)', 'sist målt: 12 følgere per 10. november 2026'],
      ],
    })
  })

  it('asks for an audit in Norwegian when none has run', () => {
    expect(placeholder[0]).toMatchObject({ title: 'Ingen kontogjennomgang er kjørt ennå', lead: 'Kjør dette før møtet for å lete etter kontoer i vårt navn:', command: 'showtell audit' })
  })

  it('carries none of its English fixed words', () => {
    // The audit's own words (handles, names, bios) are data and stay as written; a wall showtell named is said in Norwegian.
    const text = [...slides, ...placeholder].flatMap(shown).join('\n')
    const ENGLISH = [
      'login wall', 'account', 'carries our name', 'not run by us', 'We checked', 'possible handle', 'platforms', 'Found', 'to report', 'to claim', 'to add', 'Recognised',
      'we already', 'Could not check', 'left unchecked', 'request budget', 'poses as us', 'looks like ours', 'fan or partner', 'Calls itself', 'follower',
      'Screenshot', 'No screenshot', 'Its bio', 'Its handle', 'people will take', 'does not say', 'Suggested', 'Open it live', 'Agree who owns', 'Report it',
      'Claim it', 'Add it', 'Loss of control', 'more account', 'We watch', 'Latest', 'since', 'last seen', 'not measured', 'No audit', 'Run this', ' on ',
      'could not be checked', 'Unknown is not absent', 'Nov', '2026-',
    ]
    for (const word of ENGLISH) expect(text, word).not.toContain(word)
  })

  it('stays as it was in English when no language is given', () => {
    const english = lossOfControlSlides({ config, audit: AUDIT, results, history: watchedHistory, date: '2026-11-24', kicker: 'Loss of control' })
    expect(english[0]!.lead).toBe('We checked 250 possible handles on 9 platforms, 2026-11-21 14:02 UTC.')
    expect(english.at(-1)!.table!.rows[0]).toEqual(['Fjordvik Jobb (X)', '1,500 followers, ▲ 50 since 2026-11-10'])
  })
})
