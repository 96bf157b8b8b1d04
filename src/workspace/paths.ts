// Owns where things live: the package's own data (built-in topics, templates,
// schema) and the files of a workspace.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path'

/**
 * The installed package root: the nearest folder above this module with a
 * package.json. Searched for, not counted, because the module sits at a
 * different depth in src/, in dist/ and in the bundled CLI's chunks.
 */
export const PACKAGE_ROOT = packageRoot(fileURLToPath(new URL('.', import.meta.url)))

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`showtell's package.json was not found above ${from}`)
  }
}

export const BUILTIN = {
  /** The English built-in topics; another language's are in topics/<code>/ (builtinTopicsOf). */
  topics: join(PACKAGE_ROOT, 'topics'),
  templates: join(PACKAGE_ROOT, 'templates'),
  schema: join(PACKAGE_ROOT, 'schema'),
  /** The validated built-in library, written by `npm run build`. */
  topicCache: join(PACKAGE_ROOT, 'dist', 'builtin-topics.json'),
} as const

/** The language of the built-in topics at topics/*.yaml. */
export const BUILTIN_TOPICS_LANGUAGE = 'en'

/** A deck language's code as a folder name: nothing that could climb out of topics/. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i

/**
 * Where the built-in topics of `language` would be, and their validated
 * cache: English at topics/*.yaml (dist/builtin-topics.json), another
 * language at topics/<code>/*.yaml (dist/builtin-topics.<code>.json). Whether
 * that folder exists is for the loader to find out.
 */
export function builtinTopicsOf(
  language: string,
  where: { readonly topics: string; readonly dist: string } = { topics: BUILTIN.topics, dist: dirname(BUILTIN.topicCache) },
): { readonly language: string; readonly folder: string; readonly cache: string } {
  if (language === BUILTIN_TOPICS_LANGUAGE || !LANGUAGE_CODE.test(language)) {
    return { language: BUILTIN_TOPICS_LANGUAGE, folder: where.topics, cache: join(where.dist, basename(BUILTIN.topicCache)) }
  }
  return { language, folder: join(where.topics, language), cache: join(where.dist, `builtin-topics.${language}.json`) }
}

export const CONFIG_FILE = 'showtell.yaml'

export interface WorkspacePaths {
  readonly root: string
  readonly config: string
  readonly topics: string
  readonly templates: string
  readonly out: string
  /** The team's state: meeting log, metrics history, the latest audit. */
  readonly history: string
  readonly lock: string
}

export function workspacePaths(dir: string): WorkspacePaths {
  const root = resolve(dir)
  return {
    root,
    config: join(root, CONFIG_FILE),
    topics: join(root, 'topics'),
    templates: join(root, 'templates'),
    out: join(root, 'out'),
    history: join(root, 'history'),
    lock: join(root, 'out', '.build.lock'),
  }
}

/** A path as the user should see it: relative to the workspace when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}
