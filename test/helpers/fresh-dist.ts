// Owns keeping dist/ in step with src/ for the tests that run the built CLI.
//
// Why: `npm test` builds first (`pretest`), but `npx vitest run FILE`, the
// everyday loop, does not. Nineteen test files run dist/cli.js, so after an
// edit to src/ they silently tested the previous build (review A.5 #1). This
// is vitest's globalSetup: it compares the marker that `npm run build` writes
// last (scripts/after-build.mjs) with the newest of the build's inputs, and
// rebuilds when the marker is older. Right after `npm run build` the marker is
// newer than every input, so `npm test` builds once, not twice.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Written at the very end of a successful `npm run build`; removed when one starts bundling. */
export const BUILD_FINISHED_FILE = join('dist', 'build-finished.txt')

/** What `npm run build` reads: a change to any of them makes dist/ stale. */
export const BUILD_INPUTS = [
  'src',
  'templates',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/after-build.mjs',
  'scripts/bundle-cli.mjs',
  'scripts/no-devtools.mjs',
] as const

export interface NewestFile {
  readonly path: string
  readonly mtimeMs: number
}

/** The most recently modified file under `entries` (files or folders, relative to `root`). */
export function newestInput(root: string, entries: readonly string[] = BUILD_INPUTS): NewestFile | undefined {
  let newest: NewestFile | undefined
  const visit = (path: string) => {
    let info
    try {
      info = statSync(path)
    } catch (error) {
      // An input that does not exist (an optional script) cannot be newer than the build.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name))
    } else if (newest === undefined || info.mtimeMs > newest.mtimeMs) {
      newest = { path: relative(root, path), mtimeMs: info.mtimeMs }
    }
  }
  for (const entry of entries) visit(join(root, entry))
  return newest
}

/**
 * Why dist/ cannot be trusted, or undefined when it can. `builtAtMs` is the
 * mtime of the build's finish marker (undefined: no finished build).
 */
export function distStaleness(builtAtMs: number | undefined, newest: NewestFile | undefined): string | undefined {
  if (builtAtMs === undefined) return 'dist/ has no finished build'
  if (newest !== undefined && newest.mtimeMs > builtAtMs) return `${newest.path} is newer than dist/`
  return undefined
}

function builtAt(root: string): number | undefined {
  try {
    return statSync(join(root, BUILD_FINISHED_FILE)).mtimeMs
  } catch {
    return undefined
  }
}

/** The reason dist/ under `root` is stale, or undefined when it is fresh. */
export function checkDist(root: string = REPO_ROOT): string | undefined {
  return distStaleness(builtAt(root), newestInput(root))
}

// Two vitest processes started together in one checkout must not both run tsc
// and esbuild into the same dist/: the second waits for the first, then looks again.
function withBuildLock<T>(root: string, fn: () => T): T {
  // In the temp folder, one per checkout: node_modules may be shared between checkouts.
  const lock = join(tmpdir(), `showtell-test-build-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.lock`)
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // A lock older than any build is left by a killed run.
      if (Date.now() - statSync(lock).mtimeMs > 180_000) {
        rmdirSync(lock)
        continue
      }
      if (Date.now() > deadline) throw new Error(`another test run has been building dist/ for 3 minutes (lock ${lock}); remove the lock if no build is running`)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    }
  }
  try {
    return fn()
  } finally {
    rmdirSync(lock)
  }
}

/** Rebuilds dist/ when it is older than its inputs; throws with the build's output when the build fails. */
export function ensureFreshDist(root: string = REPO_ROOT, log: (line: string) => void = (line) => console.log(line)): void {
  if (checkDist(root) === undefined) return
  withBuildLock(root, () => {
    const reason = checkDist(root)
    if (reason === undefined) return
    log(`[tests] ${reason}: running npm run build`)
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    if (build.status !== 0) {
      throw new Error(`dist/ is stale (${reason}) and \`npm run build\` failed, so the tests of the built CLI cannot run:\n${build.stdout}${build.stderr}`)
    }
    const after = checkDist(root)
    if (after !== undefined) throw new Error(`dist/ is still stale after \`npm run build\` (${after}); does a file have a modification time in the future?`)
  })
}

/** vitest globalSetup entry. */
export default function setup(): void {
  ensureFreshDist()
}
