// A deck composed with deck.language: nb: the segments' own fixed words
// (titles, agenda, budget lines, placeholders, counted words, dates) come
// from messages/nb.json. Expected Norwegian is written out by hand.
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments, type DeckModel } from '../../src/deck/compose.js'
import { topicSchema, type Topic } from '../../src/topics/schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const CONFIG = workspaceConfigSchema.parse({
  company: { name: 'Nordlys Energi' },
  meeting: { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-12-08' },
  deck: { presenter: 'Kommunikasjonsavdelingen', language: 'nb' },
})

const TOPIC: Topic = topicSchema.parse({
  id: 'beredskap',
  title: 'Beredskap i sosiale medier',
  summary: 'En krise kan starte når som helst.',
  why: ['Kriser følger ikke kontortid.'],
  keyPoints: [{ title: 'Navngi de verste tilfellene', detail: 'En skrevet liste gjør frykt til planer.', notes: 'Snakk om listen.' }],
  caseStudies: [{ title: 'En intern hendelse', story: 'En ansatt delte et internt notat.', lesson: 'Retningslinjer før hendelsen.' }],
  worstCases: [
    { scenario: 'Hovedkontoen kapres.', mitigation: 'Tofaktor og en gjenopprettingsansvarlig.' },
    { scenario: 'En leder poster noe støtende.', mitigation: 'En vane med gjennomlesing.' },
  ],
  demo: { focus: 'Hva kontoene våre sier nå', lookFor: ['Siste innlegg'] },
  exercise: { title: 'Skriv en holdningsmelding', minutes: 5, steps: ['Åpne kontoen.', 'Skriv to setninger.'] },
  questions: ['Hvem kan uttale seg om natten?'],
  actions: [{ decision: 'Utnevn en vaktansvarlig', owner: 'Kommunikasjonsdirektør' }],
  sources: [{ title: 'Open Leadership' }],
})

function build(): DeckModel {
  const plan = planAgenda({ duration: 45, empty: emptySegments(CONFIG, TOPIC) })
  return composeDeck({ config: CONFIG, topic: TOPIC, date: '2026-12-08', plan, next: { date: '2026-12-15', topicTitle: 'Lederes nærvær' } })
}

describe('a Norwegian deck’s own words', () => {
  const deck = build()
  const kind = (k: string) => deck.slides.filter((s) => s.kind === k)

  it('says which language it is in', () => {
    expect(deck.language).toBe('nb')
  })

  it('dates the title slide and the next briefing in Norwegian', () => {
    const title = kind('title')[0]!
    expect(title.kicker).toBe('Nordlys Energi · ledermøte')
    expect(title.lead).toBe('tirsdag 8. desember 2026')
    expect(title.bullets).toEqual(['Kommunikasjonsavdelingen', '45 minutter'])
    const closing = kind('closing')[0]!
    expect(closing.title).toBe('Neste møte: tirsdag 15. desember 2026')
    expect(closing.lead).toBe('Tema: Lederes nærvær')
  })

  it('names the segments in Norwegian on the agenda and in every slide’s segment', () => {
    const agenda = kind('agenda')[0]!
    expect(agenda.title).toBe('45 minutter om beredskap i sosiale medier')
    expect(agenda.table!.header).toEqual(['Del', 'Minutter'])
    expect(agenda.table!.rows.map((r) => r[0])).toEqual([
      'Åpning',
      'Her og nå: kontoene våre direkte',
      'Tap av kontroll: kontoer vi ikke styrer',
      'Hovedpunkter',
      'Eksempler fra virkeligheten',
      'Verste tilfeller og tiltak',
      'Praktisk øvelse',
      'Diskusjon og beslutninger',
      'Avkastning: hva endret seg',
      'Neste møte',
    ])
    expect(deck.agenda.map((s) => s.title)).toEqual(agenda.table!.rows.map((r) => r[0]))
  })

  it('counts in Norwegian', () => {
    expect(deck.slides.find((s) => s.segment === 'worst-cases')!.title).toBe('Våre 2 verste tilfeller, hvert med en plan')
    expect(deck.slides.filter((s) => s.segment === 'discussion').map((s) => s.title)).toEqual(['Spørsmål til rommet', '1 beslutning å ta i dag'])
    expect(deck.slides.find((s) => s.segment === 'exercise')!.kicker).toBe('Praktisk øvelse · 5 minutter')
  })

  it('writes the budget line of the speaker notes in Norwegian', () => {
    const first = deck.slides.find((s) => s.segment === 'key-points')!
    expect(first.budgetLine).toMatch(/^\d+:\d\d til dette lysbildet \(1 av 1 i Hovedpunkter\)\. Delen har \d+ min\.$/)
  })

  it('shows a placeholder in Norwegian, its command unchanged', () => {
    const here = deck.slides.find((s) => s.segment === 'here-and-now')!
    expect(here.kind).toBe('placeholder')
    expect(here.title).toBe('Ingenting å vise her ennå')
    expect(here.command).toBe('showtell snapshot')
    expect(here.notes).toEqual(['Denne delen av møtet har ikke noe innhold ennå. Kjør dette for å fylle den: showtell snapshot'])
  })

  it('leaves a case study without a source without a source line', () => {
    const study = kind('case')[0]!
    expect(study.source).toBeUndefined()
    expect(study.notes).toEqual(['En ansatt delte et internt notat. Lærdommen: Retningslinjer før hendelsen.'])
  })

  it('contains none of the English words these segments used to write', () => {
    const text = JSON.stringify(deck.slides.map(({ title, kicker, lead, bullets, table, notes, budgetLine, segmentTitle, command }) => ({ title, kicker, lead, bullets, table, notes, budgetLine, segmentTitle, command })))
    for (const english of ['Opening', 'Agenda ', 'Segment', 'Minutes', 'minutes', 'Budget', 'for this slide', 'decision', 'Questions', 'Next briefing', 'Topic:', 'Why this matters', 'worst case', 'Tuesday', 'December', 'Nothing to show', 'The lesson', 'executive briefing']) {
      expect(text, english).not.toContain(english)
    }
  })
})
