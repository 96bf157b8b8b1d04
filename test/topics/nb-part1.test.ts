// Checks the first half of the Norwegian Bokmål topic library (topics/nb/) against
// its English originals: the same topic with the same substance, in Norwegian,
// short enough for the slides the English already fills. The shared library
// test checks both languages for every topic; this one holds the pairing rules
// (lengths, counts, names kept) that only make sense side by side.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { topicSchema, type Topic } from '../../src/topics/schema.js'

const ROOT = join(import.meta.dirname, '..', '..')
const IDS = ['account-security', 'blogging', 'competitive-signals', 'crisis', 'customer-care', 'executive-presence', 'governance']

function load(path: string): { raw: string; topic: Topic } {
  const raw = readFileSync(join(ROOT, path), 'utf8')
  const result = topicSchema.safeParse(parse(raw))
  if (!result.success) throw new Error(`${path}: ${JSON.stringify(result.error.issues.slice(0, 3))}`)
  return { raw, topic: result.data }
}

/** Every slide-facing string, paired with its English counterpart by position. */
function slideFields(t: Topic): Array<[string, string]> {
  return [
    ['title', t.title],
    ['summary', t.summary],
    ...t.why.map((s, i): [string, string] => [`why[${i}]`, s]),
    ...t.keyPoints.flatMap((k, i): Array<[string, string]> => [[`keyPoints[${i}].title`, k.title], [`keyPoints[${i}].detail`, k.detail]]),
    ...t.caseStudies.flatMap((c, i): Array<[string, string]> => [
      [`caseStudies[${i}].title`, c.title],
      [`caseStudies[${i}].story`, c.story],
      [`caseStudies[${i}].lesson`, c.lesson],
    ]),
    ...t.worstCases.flatMap((w, i): Array<[string, string]> => [[`worstCases[${i}].scenario`, w.scenario], [`worstCases[${i}].mitigation`, w.mitigation]]),
    ['demo.focus', t.demo.focus],
    ...t.demo.lookFor.map((s, i): [string, string] => [`demo.lookFor[${i}]`, s]),
    ['exercise.title', t.exercise.title],
    ...t.exercise.steps.map((s, i): [string, string] => [`exercise.steps[${i}]`, s]),
    ...t.questions.map((s, i): [string, string] => [`questions[${i}]`, s]),
    ...t.actions.flatMap((a, i): Array<[string, string]> => [[`actions[${i}].decision`, a.decision], [`actions[${i}].owner`, a.owner]]),
  ]
}

// Words that give away an English sentence left behind. Names and source titles
// stay English on purpose: quoted titles («…») and The Onion are taken out first.
const ENGLISH_WORDS = 'the a an and with which should would will must could our we you your they their this that these is are was were been not have has of it but from after every only when what who how why into about'.split(' ')
// Lower case or capitalised only: upper-case "IT" is the Norwegian IT department. ("be" is Norwegian for "ask".)
const ENGLISH = new RegExp(`(?<!\\p{L})(${ENGLISH_WORDS.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|')})(?!\\p{L})`, 'u')
// Words almost every Norwegian paragraph holds: a field with none of them is suspect.
const NORWEGIAN = /(?<!\p{L})(og|i|på|er|det|som|en|et|til|av|for|med|vi|vår|våre|ikke|har|skal|kan)(?!\p{L})/iu

describe.each(IDS)('topics/nb/%s.yaml', (id) => {
  let en!: { raw: string; topic: Topic }
  let nb!: { raw: string; topic: Topic }
  beforeAll(() => {
    en = load(`topics/${id}.yaml`)
    nb = load(`topics/nb/${id}.yaml`)
  })

  it('points its editor at the schema and keeps the id', () => {
    expect(nb.raw.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/topic.schema.json')
    expect(nb.topic.id).toBe(id)
  })

  it('has as many entries in every list as the English', () => {
    const counts = (t: Topic) => ({
      why: t.why.length,
      keyPoints: t.keyPoints.length,
      caseStudies: t.caseStudies.length,
      worstCases: t.worstCases.length,
      platforms: t.demo.platforms.length,
      lookFor: t.demo.lookFor.length,
      steps: t.exercise.steps.length,
      questions: t.questions.length,
      actions: t.actions.length,
      sources: t.sources.length,
    })
    expect(counts(nb.topic)).toEqual(counts(en.topic))
    expect(nb.topic.demo.platforms).toEqual(en.topic.demo.platforms)
    expect(nb.topic.exercise.minutes).toBe(en.topic.exercise.minutes)
  })

  it('gives every case study a source and every worst case a mitigation', () => {
    for (const c of nb.topic.caseStudies) expect(c.source?.trim() ?? '').not.toBe('')
    for (const w of nb.topic.worstCases) expect(w.mitigation.trim()).not.toBe('')
  })

  it('keeps the sources’ URLs', () => {
    expect(nb.topic.sources.map((s) => s.url)).toEqual(en.topic.sources.map((s) => s.url))
  })

  it('fits the slides: no slide field more than 15 % longer than the English (roles up to 24 characters)', () => {
    const english = new Map(slideFields(en.topic))
    // An owner is a role ("CEO" is «Administrerende direktør»): it gets a column of its own, so it is held to a fixed width.
    const tooLong = slideFields(nb.topic)
      .map(([field, text]) => ({ field, nb: text.length, en: english.get(field)?.length ?? 0 }))
      .filter((f) => (f.field.endsWith('.owner') ? f.nb > Math.max(f.en, 24) : f.nb > Math.ceil(f.en * 1.15)))
    expect(tooLong).toEqual([])
  })

  it('keeps the talk tracks as long as the English ones', () => {
    const short = nb.topic.keyPoints
      .map((k, i) => ({ i, nb: k.notes.length, en: en.topic.keyPoints[i]!.notes.length }))
      .filter((f) => f.nb < f.en * 0.85)
    expect(short).toEqual([])
  })

  it('is written in Norwegian: no English sentence left in the prose fields', () => {
    const prose = [
      ...slideFields(nb.topic).filter(([field]) => !field.endsWith('.owner')),
      ...nb.topic.keyPoints.map((k, i): [string, string] => [`keyPoints[${i}].notes`, k.notes]),
    ]
    // Quoted titles and names (The Onion) stay English; the rest must read as Norwegian.
    const english = prose.filter(([, text]) => ENGLISH.test(text.replace(/«[^»]*»|"[^"]*"|The Onion/g, '')))
    expect(english).toEqual([])
    const notNorwegian = prose.filter(([field, text]) => text.length > 120 && !field.endsWith('title') && !NORWEGIAN.test(text))
    expect(notNorwegian).toEqual([])
  })

  it('uses Norwegian quotation marks, not English ones, in its own text', () => {
    const own = [
      ...slideFields(nb.topic).map(([, text]) => text),
      ...nb.topic.keyPoints.map((k) => k.notes),
      ...nb.topic.caseStudies.flatMap((c) => (c.source ? [c.source] : [])),
      ...nb.topic.sources.map((s) => s.title),
    ]
    expect(own.filter((text) => /["“”]/.test(text))).toEqual([])
  })
})
