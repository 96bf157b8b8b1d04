// Owns remembering that a file's text has already been validated, so the
// commands that only read a workspace (`showtell topics`, the dashboard) do
// not load the YAML parser and zod at every start. Together they cost about a
// third of such a command's start-up.
//
// An entry holds the validated value of one file, under a key made of the
// exact text, the kind of file, this build of showtell and this Node. Any
// change to one of them is a miss, and a miss validates the text as if there
// were no cache, with the same errors. Only a value that passed is stored.
// The cache lives outside the workspace (nothing to commit or to ignore):
// $SHOWTELL_CACHE_DIR, else $XDG_CACHE_HOME/showtell, else ~/.cache/showtell.
// It is used only by the built showtell (`npm run build` stamps each build);
// code running from src/ always validates.
//
// A showtell.yaml may hold an account URL with a password or a key in it:
// a value that holds anything the redactor would remove is never stored, and
// every entry is readable by its owner only (file 0600, folder 0700).
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { holdsSecret } from '../secrets/redact.js'
import { PACKAGE_ROOT } from './paths.js'

/** Written by `npm run build`: a new one for every build, so no entry outlives the code that validated it. */
export const BUILD_STAMP_FILE = join(PACKAGE_ROOT, 'dist', 'build-stamp.txt')

export type ValidatedKind = 'config' | 'topic' | 'audit'

let stamp: string | null | undefined

function buildStamp(): string | null {
  if (stamp !== undefined) return stamp
  // From src/ (tests, tsx) the schemas may be newer than the last build's.
  const fromBuild = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist'))
  try {
    stamp = fromBuild ? readFileSync(BUILD_STAMP_FILE, 'utf8').trim() || null : null
  } catch {
    stamp = null
  }
  return stamp
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHOWTELL_CACHE_DIR) return env.SHOWTELL_CACHE_DIR
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'showtell')
}

const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex')

/**
 * The value `validate` gives for `text`, from the cache when this exact text
 * of this file was validated by this build before. `validate` must depend on
 * nothing but the text (no clock, no other file) and `dependsOn`: what else it
 * reads that can change without a new build (the catalogues in messages/).
 */
export async function validatedOnce<T>(kind: ValidatedKind, file: string, text: string, validate: () => Promise<T>, dependsOn = ''): Promise<T> {
  const build = buildStamp()
  if (build === null) return validate()
  // One entry per file, replaced when the file changes: the cache cannot grow without bound.
  const entry = join(cacheDir(), 'validated', `${sha256(kind, file).slice(0, 40)}.json`)
  const key = sha256(build, process.version, kind, dependsOn, text)
  try {
    const cached = JSON.parse(await readFile(entry, 'utf8')) as { key?: string; value?: T }
    if (cached.key === key && cached.value !== undefined) return cached.value
  } catch {
    // No entry yet, or one that cannot be read: validate.
  }
  const value = await validate()
  // A secret must not be copied out of the workspace: such a file is validated every
  // time, and the entry of its earlier text (or of an older showtell, which stored it) goes.
  if (holdsSecret(JSON.stringify(value))) {
    await rm(entry, { force: true }).catch(() => {})
    return value
  }
  // A cache that cannot be written (a read-only home) only costs speed.
  await writePrivate(entry, JSON.stringify({ key, value })).catch(() => {})
  return value
}

/** Writes `path` atomically, readable by this user only; its folder too. */
async function writePrivate(path: string, data: string): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, { recursive: true, mode: 0o700 })
  // A folder made by an earlier showtell may be open to everyone.
  await chmod(folder, 0o700)
  const tmp = join(folder, `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(tmp, data, { mode: 0o600, flag: 'wx' })
    await rename(tmp, path)
  } catch (error) {
    await rm(tmp, { force: true })
    throw error
  }
}
