// Owns where things live: the package's own data (built-in topics, templates,
// schema) and the files of a workspace.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join, relative, resolve, isAbsolute } from 'node:path'

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
  topics: join(PACKAGE_ROOT, 'topics'),
  templates: join(PACKAGE_ROOT, 'templates'),
  schema: join(PACKAGE_ROOT, 'schema'),
  /** The validated built-in library, written by `npm run build`. */
  topicCache: join(PACKAGE_ROOT, 'dist', 'builtin-topics.json'),
} as const

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
