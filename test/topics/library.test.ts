// The built-in topic library, in both languages, meets the substance bar the
// deck relies on (issue 12): a topic that validates but has two thin key points
// and no case study would still build, and the room would get a thin segment.
//
// The bar is written here by hand. It is what every one of the 14 English
// topics met when the Norwegian library was written (counted by hand from
// topics/*.yaml), so it is a floor the library keeps, not a copy of the files.
// A Norwegian file is also held to its English original: same id, same length
// of every list, no untranslated English sentence, Norwegian letters present,
// slide-facing text no longer than the English + 15 % (the slide layout was
// tuned on the English).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { type Topic } from '../../src/topics/schema.js'
import { loadTopicFile } from '../../src/workspace/load.js'
import { REPO_ROOT } from '../helpers/cli.js'

const EN_DIR = join(REPO_ROOT, 'topics')
const NB_DIR = join(REPO_ROOT, 'topics', 'nb')

/** The 14 built-in topics, written out so that a lost file fails here. */
const EN_IDS = [
  'account-security',
  'blogging',
  'competitive-signals',
  'crisis',
  'customer-care',
  'executive-presence',
  'governance',
  'innovation',
  'internal-network',
  'listening',
  'literacy',
  'policy',
  'roi',
  'talent',
]

const BAR = {
  why: 4,
  keyPoints: 4,
  // The thinnest English talk track has 76 words (competitive-signals). Norwegian
  // says the same in fewer words (compounds: «innholdsstrategi» for "content
  // strategy"), so the word floor is 70 for both, and a Norwegian track must
  // also keep 85 % of its English original's characters (below).
  noteWords: 70,
  caseStudies: 2,
  worstCases: 4,
  questions: 3,
  actions: 3,
  sources: 1,
  lookFor: 1,
  steps: 1,
}

/** Share of the English note's characters a Norwegian note keeps at least. */
const NB_NOTE_SHARE = 0.85
/** Slide-facing text may grow this much in Norwegian, no more. */
const NB_SLIDE_GROWTH = 1.15

// Words of running English prose that never occur in Norwegian prose. Short
// Norwegian words that look English are left out on purpose: "for", "to",
// "i", "man", "me", "bare", "hver", "under", "over".
const ENGLISH_WORDS = [
  'the', 'and', 'with', 'which', 'should', 'our', 'we', 'will', 'would', 'this',
  'that', 'these', 'from', 'have', 'has', 'they', 'their', 'what', 'when', 'your',
  'been', 'into', 'about', 'who', 'because', 'must', 'could', 'every', 'only',
  'are', 'is', 'was', 'were', 'it', 'of', 'not', 'but', 'than', 'why', 'how',
]
// Proper names that contain one of the words above and stay as written.
const NAMES = ['The Onion']
// Lower case or capitalised, not upper case: "IT" is the Norwegian IT department.
const ENGLISH_FORMS = ENGLISH_WORDS.flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1)])
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\p{N}'-])(${ENGLISH_FORMS.join('|')})(?![\\p{L}\\p{N}'-])`, 'u')

/**
 * The prose of a string with quoted titles and the known names taken out: a
 * source may be English, its sentence may not. Only Norwegian «…» count as
 * quotes (Norwegian typography), so an English sentence cannot hide in "…".
 */
function proseOf(text: string): string {
  let prose = text.replace(/«[^»]*»/g, ' ')
  for (const name of NAMES) prose = prose.split(name).join(' ')
  return prose
}

/** The first English word in a piece of Norwegian prose, or undefined. */
function englishWordIn(text: string): string | undefined {
  return ENGLISH_WORD.exec(proseOf(text))?.[1]
}

/** Every string in a topic with its path, except URLs. */
function strings(value: unknown, path = ''): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }]
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => key !== 'url')
      .flatMap(([key, item]) => strings(item, path === '' ? key : `${path}.${key}`))
  }
  return []
}

// The JSON Schema an editor applies through each file's first line: a
// Norwegian file must pass it as well as the loader (json-schema.test.ts holds
// the two together for the English files).
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false })
addFormats(ajv)
const editorSchema = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'topic.schema.json'), 'utf8')) as object)

/** A topic through the loader's own path (size, nesting, schema, id = file name), and its raw YAML. */
async function load(dir: string, file: string): Promise<{ raw: unknown; topic: Topic }> {
  const { topic } = await loadTopicFile(join(dir, file), 'workspace', dir)
  return { raw: parse(readFileSync(join(dir, file), 'utf8')), topic }
}

const words = (text: string) => text.trim().split(/\s+/).length
const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()

function checkSubstance(file: string, topic: Topic) {
  const where = (field: string) => `${file}: ${field}`
  expect.soft(topic.summary.trim().length, where('summary')).toBeGreaterThan(0)
  expect.soft(topic.why.length, where('why')).toBeGreaterThanOrEqual(BAR.why)
  expect.soft(topic.keyPoints.length, where('keyPoints')).toBeGreaterThanOrEqual(BAR.keyPoints)
  topic.keyPoints.forEach((point, i) => {
    expect.soft(words(point.notes), where(`keyPoints[${i}].notes (words)`)).toBeGreaterThanOrEqual(BAR.noteWords)
  })
  expect.soft(topic.caseStudies.length, where('caseStudies')).toBeGreaterThanOrEqual(BAR.caseStudies)
  topic.caseStudies.forEach((study, i) => {
    // The contract leaves `source` optional for workspace topics; the built-in
    // library still cites one on every case study.
    expect.soft(study.source?.trim() ?? '', where(`caseStudies[${i}].source`)).not.toBe('')
  })
  expect.soft(topic.worstCases.length, where('worstCases')).toBeGreaterThanOrEqual(BAR.worstCases)
  topic.worstCases.forEach((worst, i) => {
    expect.soft(worst.mitigation.trim(), where(`worstCases[${i}].mitigation`)).not.toBe('')
  })
  expect.soft(topic.questions.length, where('questions')).toBeGreaterThanOrEqual(BAR.questions)
  expect.soft(topic.actions.length, where('actions')).toBeGreaterThanOrEqual(BAR.actions)
  expect.soft(topic.sources.length, where('sources')).toBeGreaterThanOrEqual(BAR.sources)
  expect.soft(topic.demo.lookFor.length, where('demo.lookFor')).toBeGreaterThanOrEqual(BAR.lookFor)
  expect.soft(topic.exercise.steps.length, where('exercise.steps')).toBeGreaterThanOrEqual(BAR.steps)
}

describe('the English topic library', () => {
  it('holds the 14 built-in topics, each file named by its id', async () => {
    expect.soft(yamlFiles(EN_DIR)).toEqual(EN_IDS.map((id) => `${id}.yaml`))
    for (const file of yamlFiles(EN_DIR)) expect.soft((await load(EN_DIR, file)).topic.id, file).toBe(file.replace(/\.yaml$/, ''))
  })

  for (const id of EN_IDS) {
    it(`${id}: validates and meets the substance bar`, async () => {
      checkSubstance(`topics/${id}.yaml`, (await load(EN_DIR, `${id}.yaml`)).topic)
    })
  }
})

describe('the Norwegian topic library', () => {
  const nbFiles = yamlFiles(NB_DIR)

  it('has files, each one an English topic', () => {
    expect.soft(nbFiles.length).toBeGreaterThan(0)
    for (const file of nbFiles) expect.soft(EN_IDS, `topics/nb/${file}`).toContain(file.replace(/\.yaml$/, ''))
  })

  it('the English-word check finds an untranslated sentence and passes Norwegian with English titles', () => {
    expect.soft(englishWordIn('Vi må svare innen en time, også i helgene.')).toBeUndefined()
    expect.soft(englishWordIn('Saken står i «Leaders Must Lead Across Social-Media Landscape», 27. februar 2013.')).toBeUndefined()
    expect.soft(englishWordIn('Dodge og The Onion bommet på stemningen.')).toBeUndefined()
    expect.soft(englishWordIn('Marked, HR, juridisk og IT ser ulike risikoer.')).toBeUndefined()
    expect.soft(englishWordIn('Vi må svare raskt. We should answer within the hour.')).toBe('We')
    expect.soft(englishWordIn('Kunder deler ideer when asked.')).toBe('when')
    expect.soft(englishWordIn('Vi svarer. "We answer within the hour."')).toBe('We')
  })

  for (const file of nbFiles) {
    const id = file.replace(/\.yaml$/, '')
    const path = `topics/nb/${file}`

    it(`${id}: validates, meets the substance bar and matches its English original`, async () => {
      const text = readFileSync(join(NB_DIR, file), 'utf8')
      expect.soft(text.split('\n')[0], `${path}: first line`).toBe('# yaml-language-server: $schema=../../schema/topic.schema.json')
      const { raw, topic } = await load(NB_DIR, file)
      expect.soft(topic.id, `${path}: id`).toBe(id)
      expect.soft(editorSchema(raw) ? [] : editorSchema.errors, `${path}: schema/topic.schema.json`).toEqual([])
      checkSubstance(path, topic)

      const en = (await load(EN_DIR, file)).topic
      const lists: Array<[string, (t: Topic) => unknown[]]> = [
        ['why', (t) => t.why],
        ['keyPoints', (t) => t.keyPoints],
        ['caseStudies', (t) => t.caseStudies],
        ['worstCases', (t) => t.worstCases],
        ['demo.platforms', (t) => t.demo.platforms],
        ['demo.lookFor', (t) => t.demo.lookFor],
        ['exercise.steps', (t) => t.exercise.steps],
        ['questions', (t) => t.questions],
        ['actions', (t) => t.actions],
        ['sources', (t) => t.sources],
      ]
      for (const [name, of] of lists) expect.soft(of(topic).length, `${path}: ${name} length`).toBe(of(en).length)
      expect.soft(topic.demo.platforms, `${path}: demo.platforms`).toEqual(en.demo.platforms)
      expect.soft(topic.exercise.minutes, `${path}: exercise.minutes`).toBe(en.exercise.minutes)
      expect.soft(topic.sources.map((s) => s.url), `${path}: source URLs`).toEqual(en.sources.map((s) => s.url))

      topic.keyPoints.forEach((point, i) => {
        const original = en.keyPoints[i]!
        expect.soft(point.notes.length, `${path}: keyPoints[${i}].notes keeps the English substance`).toBeGreaterThanOrEqual(
          Math.floor(original.notes.length * NB_NOTE_SHARE),
        )
        expect.soft(point.title.length, `${path}: keyPoints[${i}].title`).toBeLessThanOrEqual(Math.ceil(original.title.length * NB_SLIDE_GROWTH))
        expect.soft(point.detail.length, `${path}: keyPoints[${i}].detail`).toBeLessThanOrEqual(Math.ceil(original.detail.length * NB_SLIDE_GROWTH))
      })
      const titles: Array<[string, string, string]> = [
        ['title', topic.title, en.title],
        ['exercise.title', topic.exercise.title, en.exercise.title],
        ...topic.caseStudies.map((study, i): [string, string, string] => [`caseStudies[${i}].title`, study.title, en.caseStudies[i]!.title]),
      ]
      for (const [field, nb, original] of titles) {
        expect.soft(nb.length, `${path}: ${field}`).toBeLessThanOrEqual(Math.ceil(original.length * NB_SLIDE_GROWTH))
      }

      for (const { path: field, text: value } of strings(raw)) {
        if (field === 'id') continue
        expect.soft(englishWordIn(value), `${path}: ${field} reads as English: ${JSON.stringify(value.slice(0, 80))}`).toBeUndefined()
      }
      expect.soft(text, `${path}: Norwegian letters`).toMatch(/[æøåÆØÅ]/)
    })
  }
})
