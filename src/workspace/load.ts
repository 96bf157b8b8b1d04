// Owns loading a workspace: `showtell.yaml`, then the topic library (built-in
// topics overridden by the workspace's own `topics/<id>.yaml`), then the checks
// that span files (rotation pins and order must name known topics).
//
// The built-in topics come in the deck's language (`deck.language`): English
// at topics/*.yaml, another language at topics/<code>/*.yaml with the same
// ids. A language with no folder of its own gets the English ones, and the
// workspace says so (`topicLanguage`). A workspace topic is used as written.
//
// The YAML parser and zod load only when a file has to be validated: a file
// whose exact text this build validated before comes from the validated
// cache (validated-cache.ts), and the commands that only read start faster.
import { createHash } from 'node:crypto'
import { readdir, readFile, realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import { array, nonEmptyString, object, parseJson, type Decoder } from '../data/decode.js'
import { ignoreMissing } from '../data/missing.js'
import { languages } from '../deck/lang.js'
import { UserError } from '../errors.js'
import type { Topic } from '../topics/schema.js'
import { BUILTIN, BUILTIN_TOPICS_LANGUAGE, builtinTopicsOf, displayPath, LANGUAGE_CODE, workspacePaths, type WorkspacePaths } from './paths.js'
import type { WorkspaceConfig } from './schema.js'
import { formatPath } from './config-values.js'
import { SLUG_PATTERN } from './slug-pattern.js'
import { writeFileAtomic } from './store.js'
import { checkWithin, readInputText } from './read-input.js'
import { validatedOnce } from './validated-cache.js'

export interface TopicEntry {
  readonly topic: Topic
  /** Where it was loaded from: the package's library or the workspace. */
  readonly origin: 'builtin' | 'workspace'
  readonly file: string
}

export interface Workspace {
  readonly paths: WorkspacePaths
  readonly config: WorkspaceConfig
  /** Topics by id, in id order. */
  readonly topics: ReadonlyMap<string, TopicEntry>
  /**
   * The language of the built-in topics in `topics`: the deck's, or English
   * when that language has no built-in topics of its own.
   */
  readonly topicLanguage: string
}

export async function loadWorkspace(dir: string): Promise<Workspace> {
  const paths = workspacePaths(dir)
  const shown = displayPath(process.cwd(), paths.config)
  const text = await readInputText(paths.config, { shown, hintWhenMissing: 'run `showtell init` to create one, or pass --workspace DIR' })
  // deck.language is checked against the catalogues in messages/, which a user can add or
  // remove without a new build: a config validated with messages/de.json present is not
  // valid once it is gone.
  const catalogues = languages()
  const config = await validatedOnce(
    'config',
    paths.config,
    text,
    async () => {
      const [{ defaultHint, parseYamlSource, validateYaml }, { workspaceConfigSchema }] = await Promise.all([import('./yaml-file.js'), import('./schema.js')])
      return validateYaml(parseYamlSource(text, shown), workspaceConfigSchema, (issue) => {
        if (issue.path.join('.') !== 'deck.language' || typeof issue.input !== 'string') return defaultHint(issue)
        const code = LANGUAGE_CODE.test(issue.input) ? issue.input : 'CODE'
        return `write one of ${catalogues.join(', ')}; a new language is messages/${code}.json, with its built-in topics in topics/${code}/ (English ones until then)`
      })
    },
    `languages: ${catalogues.join(',')}`,
  )
  const library = await builtinLibraryFor(config.deck.language)
  const topics = await loadTopicLibrary(paths, library)
  await checkTopicReferences(text, shown, config, topics)
  return { paths, config, topics, topicLanguage: library.language }
}

/** Where one language's built-in topics are, and their validated cache in dist/. */
export interface BuiltinLibrary {
  /** The language the topics are written in. */
  readonly language: string
  readonly folder: string
  readonly cache: string
}

/**
 * The built-in library for a deck in `language`: its own topics/<code>/ when
 * that folder holds topics, else the English one (a third catalogue in
 * messages/ does not need its topics translated before it can be used).
 */
export async function builtinLibraryFor(language: string): Promise<BuiltinLibrary> {
  const own = builtinTopicsOf(language)
  if (own.language === BUILTIN_TOPICS_LANGUAGE || (await yamlFiles(own.folder)).length > 0) return own
  return builtinTopicsOf(BUILTIN_TOPICS_LANGUAGE)
}

/**
 * Said where a user looks (`showtell topics`, `showtell doctor`) when the deck's
 * language has no built-in topics of its own and the English ones stand in.
 */
export function topicLanguageNote(workspace: Pick<Workspace, 'config' | 'topicLanguage'>): string | undefined {
  const asked = workspace.config.deck.language
  if (asked === workspace.topicLanguage) return undefined
  return `the built-in topics are in English: showtell has none in "${asked}" (deck.language) yet; a topic in the workspace's topics/ folder is used as written`
}

export async function loadTopicLibrary(
  paths: Pick<WorkspacePaths, 'root' | 'topics'>,
  library: Pick<BuiltinLibrary, 'folder' | 'cache'> = builtinTopicsOf(BUILTIN_TOPICS_LANGUAGE),
): Promise<Map<string, TopicEntry>> {
  const topics = new Map<string, TopicEntry>()
  for (const entry of await loadBuiltinTopics(library.folder, library.cache)) topics.set(entry.topic.id, entry)
  if (paths.topics !== BUILTIN.topics) {
    for (const file of await yamlFiles(paths.topics)) {
      const entry = await loadTopicFile(file, 'workspace', paths.root)
      topics.set(entry.topic.id, entry)
    }
  }
  return new Map([...topics.entries()].sort(([a], [b]) => a.localeCompare(b)))
}

interface BuiltinCache {
  readonly digest: string
  readonly files: string[]
  readonly topics: Topic[]
}

/**
 * The built-in library of one language, validated. Parsing 14 YAML files costs
 * more than the rest of `showtell topics`, so `npm run build` stores the
 * validated topics in dist/ with a digest of the files, one cache per language
 * (a deck in English reads no other language's); the cache is used only while
 * the digest still matches what is on disk, so an edited topic file is always
 * re-read.
 */
export async function loadBuiltinTopics(folder: string = BUILTIN.topics, cachePath: string = BUILTIN.topicCache): Promise<TopicEntry[]> {
  const files = await yamlFiles(folder)
  // The digest reads every file, so the rule that loadTopicFile applies must hold first.
  for (const file of files) await checkBuiltinWithin(file, folder)
  const digest = await libraryDigest(files)
  const cached = await readBuiltinCache(cachePath)
  if (cached?.digest === digest && cached.files.length === cached.topics.length) {
    return cached.topics.map((topic, i) => ({ topic, origin: 'builtin' as const, file: join(folder, cached.files[i]!) }))
  }
  return Promise.all(files.map((file) => loadTopicFile(file, 'builtin', folder)))
}

async function checkBuiltinWithin(file: string, folder: string): Promise<void> {
  const real = await realpath(file).catch(() => file)
  await checkWithin(real, { root: folder, name: 'the built-in topics folder' }, builtinShown(file))
}

async function libraryDigest(files: string[]): Promise<string> {
  const hash = createHash('sha256')
  for (const [i, text] of (await Promise.all(files.map((file) => readFile(file)))).entries()) {
    hash.update(basename(files[i]!)).update('\0').update(text).update('\0')
  }
  return hash.digest('hex')
}

/**
 * The cache's envelope is decoded; a cache that does not fit is ignored and
 * the library validated again. The topics themselves are the ones zod
 * accepted when `npm run build` wrote them, and the digest ties them to the
 * exact files on disk, so they are not decoded a second time.
 */
async function readBuiltinCache(path: string): Promise<BuiltinCache | undefined> {
  // From src/ there is no cache; any other read error is real.
  const text = await ignoreMissing(readFile(path, 'utf8'))
  if (text === undefined) return undefined
  const decoded = parseJson(text, BUILTIN_CACHE)
  if (!decoded.ok || decoded.value.files.length !== decoded.value.topics.length) return undefined
  const { digest, files, topics } = decoded.value
  if (topics.some((topic, i) => files[i]?.replace(/\.ya?ml$/, '') !== topic.id)) return undefined
  return { digest, files, topics }
}

/** A cached topic: an object with its id; the rest is as `npm run build` validated it. */
const cachedTopic: Decoder<Topic> = (value, field) => {
  const decoded = object({ id: nonEmptyString })(value, field)
  return decoded.ok ? { ok: true, value: value as Topic } : decoded
}

const BUILTIN_CACHE = object({ digest: nonEmptyString, files: array(nonEmptyString), topics: array(cachedTopic) })

/** Validates one language's built-in library and stores it for fast loading (run by `npm run build`). */
export async function writeBuiltinTopicCache(folder: string = BUILTIN.topics, cachePath: string = BUILTIN.topicCache): Promise<number> {
  return (await validateAndCache(folder, cachePath)).length
}

async function validateAndCache(folder: string, cachePath: string): Promise<Topic[]> {
  const files = await yamlFiles(folder)
  const entries = await Promise.all(files.map((file) => loadTopicFile(file, 'builtin', folder)))
  const cache: BuiltinCache = { digest: await libraryDigest(files), files: files.map((file) => basename(file)), topics: entries.map((e) => e.topic) }
  await writeFileAtomic(cachePath, `${JSON.stringify(cache)}\n`)
  return cache.topics
}

/**
 * Validates and caches the built-in library of every language: English
 * (topics/*.yaml) and each topics/<code>/ folder, all at once. A language
 * must carry exactly English's ids, or the build fails: a workspace that
 * switches language keeps its rotation order, pins and log.
 */
export async function writeBuiltinTopicCaches(
  where: { readonly topics: string; readonly dist: string } = { topics: BUILTIN.topics, dist: dirname(BUILTIN.topicCache) },
): Promise<Array<{ language: string; count: number; cache: string }>> {
  const folders = (await readdir(where.topics, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && builtinTopicsOf(entry.name).language === entry.name)
    .map((entry) => entry.name)
    .sort()
  const libraries = [BUILTIN_TOPICS_LANGUAGE, ...folders].map((code) => builtinTopicsOf(code, where))
  const written = await Promise.all(libraries.map(async (library) => ({ library, ids: (await validateAndCache(library.folder, library.cache)).map((t) => t.id) })))
  const english = written[0]!.ids
  for (const { library, ids } of written.slice(1)) {
    const missing = english.filter((id) => !ids.includes(id))
    const extra = ids.filter((id) => !english.includes(id))
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(
        `built-in topics: topics/${library.language}/ must hold the same ids as topics/ (${[missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `not in English: ${extra.join(', ')}` : ''].filter(Boolean).join('; ')})`,
      )
    }
  }
  return written.map(({ library, ids }) => ({ language: library.language, count: ids.length, cache: library.cache }))
}

/**
 * Reads and validates one topic file. It must resolve inside `root` (the
 * workspace, or the built-in folder): a topic that links elsewhere is refused
 * before it is read, so no message can quote what it points at.
 */
export async function loadTopicFile(file: string, origin: TopicEntry['origin'], root: string): Promise<TopicEntry> {
  const shown = origin === 'builtin' ? builtinShown(file) : displayPath(process.cwd(), file)
  const id = basename(file).replace(/\.ya?ml$/, '')
  if (!SLUG_PATTERN.test(id)) {
    throw new UserError(`topic file name "${basename(file)}" is not a safe id`, {
      location: { file: shown },
      hint: 'name topic files with lowercase letters, digits and hyphens, e.g. topics/crisis.yaml',
    })
  }
  const text = await readInputText(file, { shown, within: { root, name: origin === 'builtin' ? 'the built-in topics folder' : 'the workspace' } })
  const topic = await validatedOnce('topic', file, text, async () => {
    const [{ lineOf, parseYamlSource, validateYaml }, { topicSchema }] = await Promise.all([import('./yaml-file.js'), import('../topics/schema.js')])
    const source = parseYamlSource(text, shown)
    const valid = validateYaml(source, topicSchema)
    if (valid.id !== id) {
      throw new UserError(`id "${valid.id}" does not match the file name "${basename(file)}"`, {
        location: { file: shown, line: lineOf(source, ['id']), field: 'id' },
        hint: `set \`id: ${id}\` or rename the file`,
      })
    }
    return valid
  })
  return { topic, origin, file }
}

/** A built-in file as messages name it: `(built-in) topics/nb/crisis.yaml`. */
function builtinShown(file: string): string {
  const rel = relative(BUILTIN.topics, file)
  const inside = rel && !rel.startsWith('..') && !isAbsolute(rel)
  return `(built-in) topics/${inside ? rel.split(sep).join('/') : basename(file)}`
}

async function yamlFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder)
    return names.filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.')).sort().map((name) => join(folder, name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Rotation order and pins must name known topics (the library can change while showtell.yaml does not). */
async function checkTopicReferences(text: string, shown: string, config: WorkspaceConfig, topics: ReadonlyMap<string, TopicEntry>): Promise<void> {
  const order = config.rotation.order.findIndex((id) => !topics.has(id))
  const pin = Object.entries(config.rotation.pins).find(([, id]) => !topics.has(id))
  if (order === -1 && !pin) return
  // Only an error needs the line, and so the YAML parser.
  const { lineOf, parseYamlSource } = await import('./yaml-file.js')
  const source = parseYamlSource(text, shown)
  const [id, path, field] =
    order !== -1
      ? [config.rotation.order[order]!, ['rotation', 'order', order], `rotation.order[${order}]`]
      : [pin![1], ['rotation', 'pins', pin![0]], `rotation.pins.${pin![0]}`]
  throw new UserError(`unknown topic "${id}"`, {
    location: { file: shown, line: lineOf(source, path), field },
    hint: `known: ${[...topics.keys()].join(', ')}`,
  })
}

/**
 * Where a field of showtell.yaml is, for an error about its value found after
 * loading (a browser path that does not exist). Reads and parses the file
 * again: only an error needs it.
 */
export async function locateConfigField(workspace: Pick<Workspace, 'paths'>, path: readonly (string | number)[]): Promise<{ file: string; line: number | undefined; field: string }> {
  const shown = displayPath(process.cwd(), workspace.paths.config)
  const field = formatPath(path)
  try {
    const { lineOf, readYamlSource } = await import('./yaml-file.js')
    return { file: shown, line: lineOf(await readYamlSource(workspace.paths.config, shown), path), field }
  } catch {
    // The file changed under us: the field still says what to fix.
    return { file: shown, line: undefined, field }
  }
}

/** Looks up a topic by id, or fails with the list of known ids. */
export function requireTopic(workspace: Workspace, id: string, flag = '--topic'): Topic {
  const entry = workspace.topics.get(id)
  if (!entry) {
    throw new UserError(`unknown topic "${id}"`, {
      location: { field: flag },
      hint: `run \`showtell topics\` to list them (known: ${[...workspace.topics.keys()].join(', ')})`,
    })
  }
  return entry.topic
}
