// The JSON Schema that editors use must say what the loader enforces.
//
// Comparing schema/*.json with jsonSchemas() only catches a stale file: a
// mapping bug in json-schema.ts is written into the file by `npm run schema`
// and passes. So every workspace file we have (the bad-input corpus of
// validation.test.ts, the example workspace, the built-in topics) also goes
// through the loader's own validation (zod) and through an independent JSON
// Schema validator (ajv) loaded with the shipped file, and the two must agree.
// The few checks JSON Schema cannot express are listed below by hand.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import { topicSchema } from '../../src/topics/schema.js'
import { jsonSchemas } from '../../src/workspace/json-schema.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { parseYamlSource, validateYaml, type YamlSource } from '../../src/workspace/yaml-file.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { MINIMAL_CONFIG } from '../helpers/workspace.js'

type Json = Record<string, any>

describe('schema/showtell.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', async () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const shipped = JSON.parse(await readFile(join(REPO_ROOT, 'schema', name), 'utf8'))
      expect(shipped, name).toEqual(schema)
    }
  })

  it('requires company and meeting, lists the platforms and owners, and bounds the duration', async () => {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schema', 'showtell.schema.json'), 'utf8')) as Json
    expect(schema.required).toEqual(expect.arrayContaining(['company', 'meeting']))
    const account = schema.properties.accounts.items as Json
    expect(account.properties.platform.enum).toEqual([
      'bluesky', 'mastodon', 'youtube', 'linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'x', 'blog', 'website',
    ])
    expect(account.properties.owner.enum).toEqual(['official', 'executive', 'unofficial'])
    expect(account.additionalProperties).toBe(false)
    const duration = schema.properties.meeting.properties.duration as Json
    expect([duration.minimum, duration.maximum]).toEqual([30, 60])
    expect(schema.properties.meeting.properties.weekday.enum).toContain('tuesday')
  })

  it('is referenced by the example workspace and the built-in topics', async () => {
    expect(await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/showtell\.schema\.json/)
    expect(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/topic\.schema\.json/)
  })
})

// ── the same files through zod and through ajv ──────────────────────────────

type Kind = 'config' | 'topic'
type Verdict = 'accept' | 'reject'

interface Sample {
  /** The fixture's name, then the file: "<case name> › topics/custom.yaml". */
  readonly name: string
  readonly kind: Kind
  readonly text: string
}

/**
 * Fixtures that zod rejects and the shipped JSON Schema accepts, on purpose:
 * each needs a check that JSON Schema cannot express. Written by hand; every
 * other fixture must get the same verdict from both.
 */
const ZOD_ONLY: Record<string, string> = {
  'showtell.yaml: duplicate account ids › showtell.yaml':
    'ids must be unique across the whole file; `uniqueItems` compares whole items, not one field',
  'showtell.yaml: duplicate id between accounts and competitors › showtell.yaml':
    'ids must be unique across two different lists, which no JSON Schema keyword relates',
  'showtell.yaml: meeting.timezone "Mars/Olympus" › showtell.yaml':
    'the IANA zone list is whatever the runtime\'s Intl accepts (aliases included); the schema cannot list it',
}

/** Fixtures that are not YAML at all: the parser refuses them before either schema sees a value. */
const NOT_YAML = [
  'showtell.yaml: bad indentation › showtell.yaml',
  'showtell.yaml: unclosed quote › showtell.yaml',
  'showtell.yaml: unclosed bracket › showtell.yaml',
  'showtell.yaml: duplicate key › showtell.yaml',
  'topics/custom.yaml: malformed YAML (colon in a plain title) › topics/custom.yaml',
  'topics/custom.yaml: malformed YAML (bad indentation) › topics/custom.yaml',
]

/**
 * A few fixtures of our own, for mapping rules the bad-input corpus does not
 * reach (it tests the error messages, one mistake per file). `loader` is the
 * verdict written by hand, so a wrong fixture cannot pass by both validators
 * accepting it.
 */
const EXTRA: (Sample & { readonly loader: Verdict })[] = [
  {
    name: 'extra: a title of spaces only (zod trims before counting)',
    loader: 'reject',
    kind: 'topic',
    text: `id: custom\ntitle: "   "\nsummary: S.\nwhy: [W.]\nkeyPoints:\n  - { title: T, detail: D., notes: N. }\ndemo: { focus: F. }\nexercise: { title: E, steps: [S.] }\n`,
  },
  {
    name: 'extra: an account with a handle and no url',
    loader: 'accept',
    kind: 'config',
    text: `company: { name: Testco }\naccounts:\n  - { id: testco-x, platform: x, handle: testco }\nmeeting: { weekday: tuesday, start: 2026-11-24 }\n`,
  },
  {
    name: 'extra: a skip date that is not a calendar date',
    loader: 'reject',
    kind: 'config',
    text: `company: { name: Testco }\nmeeting: { weekday: tuesday, start: 2026-11-24, skip: [2026-12-29, 2027-02-29] }\n`,
  },
  {
    name: 'extra: a rotation pin on 2026-04-31',
    loader: 'reject',
    kind: 'config',
    text: `company: { name: Testco }\nmeeting: { weekday: tuesday, start: 2026-11-24 }\nrotation:\n  pins:\n    2026-04-31: policy\n`,
  },
  {
    name: 'extra: a leap day is a real date',
    loader: 'accept',
    kind: 'config',
    text: `company: { name: Testco }\nmeeting: { weekday: tuesday, start: 2028-02-29 }\n`,
  },
  {
    name: 'extra: an endpoint that is not http(s)',
    loader: 'reject',
    kind: 'config',
    text: `company: { name: Testco }\nmeeting: { weekday: tuesday, start: 2026-11-24 }\nsnapshot:\n  endpoints:\n    linkedin: ftp://127.0.0.1/\n`,
  },
  {
    name: 'extra: a competitor account with neither url nor handle',
    loader: 'reject',
    kind: 'config',
    text: `company: { name: Testco }\ncompetitors:\n  - name: Globex\n    accounts:\n      - { id: globex-x, platform: x }\nmeeting: { weekday: tuesday, start: 2026-11-24 }\n`,
  },
]

interface CorpusCase {
  readonly name: string
  readonly files: Record<string, string>
}

/**
 * The bad-input corpus of validation.test.ts. That file runs the built CLI on
 * every case as soon as it is imported, so its top-level constants (plain
 * literals) are read from its source instead, and every case added there is
 * checked here too.
 */
async function badInputCorpus(): Promise<{ cases: CorpusCase[]; validTopic: string }> {
  const file = join(REPO_ROOT, 'test', 'workspace', 'validation.test.ts')
  const source = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.ES2022)
  const constants = source.statements.filter(ts.isVariableStatement).map((statement) => statement.getText(source))
  const js = ts.transpileModule(constants.join('\n'), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
  return new Function(`${js}\nreturn { cases, validTopic: VALID_TOPIC }`)() as { cases: CorpusCase[]; validTopic: string }
}

function kindOf(path: string): Kind | undefined {
  if (path === 'showtell.yaml') return 'config'
  if (/^topics\/[^/]+\.ya?ml$/.test(path)) return 'topic'
  return undefined
}

async function allSamples(): Promise<{ corpus: Sample[]; good: Sample[] }> {
  const { cases, validTopic } = await badInputCorpus()
  const corpus: Sample[] = []
  for (const c of cases) {
    // makeWorkspace adds the minimal showtell.yaml unless the case brings its own.
    for (const [path, text] of Object.entries({ 'showtell.yaml': MINIMAL_CONFIG, ...c.files })) {
      const kind = kindOf(path)
      if (kind !== undefined) corpus.push({ name: `${c.name} › ${path}`, kind, text })
    }
  }
  const good: Sample[] = [
    { name: 'test/helpers MINIMAL_CONFIG', kind: 'config', text: MINIMAL_CONFIG },
    { name: 'validation.test.ts VALID_TOPIC', kind: 'topic', text: validTopic },
    { name: 'the example workspace showtell.yaml', kind: 'config', text: await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8') },
  ]
  for (const name of (await readdir(join(REPO_ROOT, 'topics'))).filter((n) => n.endsWith('.yaml')).sort()) {
    good.push({ name: `built-in topics/${name}`, kind: 'topic', text: await readFile(join(REPO_ROOT, 'topics', name), 'utf8') })
  }
  return { corpus, good }
}

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default
// Strict: an unknown keyword or format in the shipped file is an error, not ignored.
// (`strictRequired` would refuse the standard `anyOf: [{ required: [url] }, …]` idiom.)
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false })
addFormats(ajv)
const shippedSchema = async (file: string) => ajv.compile(JSON.parse(await readFile(join(REPO_ROOT, 'schema', file), 'utf8')) as Json)
const validators = {
  config: await shippedSchema('showtell.schema.json'),
  topic: await shippedSchema('topic.schema.json'),
}
const zodSchemas = { config: workspaceConfigSchema, topic: topicSchema }

/** The verdicts of the loader (zod) and of ajv, or undefined when the text is not YAML. */
function verdicts(sample: Sample): { zod: Verdict; ajv: Verdict; ajvErrors: string } | undefined {
  let source: YamlSource
  try {
    source = parseYamlSource(sample.text, sample.name)
  } catch (error) {
    if (error instanceof UserError) return undefined
    throw error
  }
  let zod: Verdict = 'accept'
  try {
    validateYaml(source, zodSchemas[sample.kind])
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    zod = 'reject'
  }
  // The same value the loader validates (an empty document counts as {}).
  const value: unknown = source.doc.toJS() ?? {}
  const validate = validators[sample.kind]
  const ok = validate(value)
  return { zod, ajv: ok ? 'accept' : 'reject', ajvErrors: ajv.errorsText(validate.errors) }
}

const { corpus, good } = await allSamples()

describe('the shipped JSON Schema and the loader give the same verdict', () => {
  it('covers the whole bad-input corpus, the example workspace and every built-in topic', () => {
    expect(corpus.filter((s) => s.kind === 'config').length).toBeGreaterThanOrEqual(40)
    expect(corpus.filter((s) => s.kind === 'topic').length).toBeGreaterThanOrEqual(7)
    expect(good.filter((s) => s.name.startsWith('built-in topics/')).length).toBeGreaterThanOrEqual(14)
    // A stale name in the hand-written lists would silently check nothing.
    const names = new Set(corpus.map((s) => s.name))
    for (const name of [...Object.keys(ZOD_ONLY), ...NOT_YAML]) expect(names, name).toContain(name)
  })

  it('lists by hand exactly the fixtures that are not YAML', () => {
    const notYaml = corpus.filter((s) => verdicts(s) === undefined).map((s) => s.name)
    expect(notYaml.sort()).toEqual([...NOT_YAML].sort())
  })

  it.for(good)('$name: both accept it', (sample, { expect }) => {
    const result = verdicts(sample)
    expect(result, 'parses as YAML').toBeDefined()
    expect(result!.zod, 'zod').toBe('accept')
    expect(result!.ajv, `ajv: ${result!.ajvErrors}`).toBe('accept')
  })

  it.for([...corpus, ...EXTRA].filter((s) => !NOT_YAML.includes(s.name)))('$name', (sample, { expect }) => {
    const result = verdicts(sample)!
    const reason = ZOD_ONLY[sample.name]
    if (reason !== undefined) {
      // Rejected by the loader only, for the reason given in ZOD_ONLY.
      expect(result.zod, 'zod').toBe('reject')
      expect(result.ajv, 'ajv').toBe('accept')
    } else {
      expect(result.ajv, `zod says ${result.zod}; ajv: ${result.ajvErrors}`).toBe(result.zod)
    }
  })

  it.for(EXTRA)('$name: the loader says what was written by hand', (sample, { expect }) => {
    expect(verdicts(sample)!.zod).toBe(sample.loader)
  })
})
