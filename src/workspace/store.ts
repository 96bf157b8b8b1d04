// Owns every write into a workspace. Files are written to a temporary name and
// renamed into place; a build folder is assembled aside and swapped in whole;
// one lock file keeps two processes from writing the same workspace at once,
// also across a crash. What a killed process leaves (temp files, a staged or
// retired folder, a stale lock) is recovered or removed by the next process
// that takes the lock.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { link, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { RuntimeError } from '../errors.js'
import { registerCleanup } from '../process/cleanup.js'
import { pauseAt } from '../process/test-pause.js'
import { isProcessAlive } from '../process/alive.js'

/** `.<name>.<pid>.<hex>.tmp`: the temp name of a file being written (the pid says whose). */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

export interface WriteOptions {
  /** File mode of a new file (e.g. 0o600 for caches). @default 0o666 minus the umask */
  readonly mode?: number
}

/**
 * Writes `data` to `path` so that readers see the old file or the new one,
 * never half of one: a new file (new inode) is written and synced beside it,
 * then renamed over it. A reader that opened the old file keeps reading the
 * old content. On failure the temp file is removed and the error names `path`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw withPath(error, dirname(path))
  })
  const tmp = tempPathFor(path)
  // An interrupt while this runs removes the temp file; a kill leaves it for the next start.
  const unregister = registerCleanup(() => unlink(tmp).catch(() => {}))
  try {
    const handle = await open(tmp, 'wx', options.mode ?? 0o666)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await pauseAt(`rename:${basename(path)}`)
    await rename(tmp, path)
  } catch (error) {
    await unlink(tmp).catch(() => {})
    throw withPath(error, path)
  } finally {
    unregister()
  }
}

/** A file-system error reports the file the user knows, not our temp name. */
function withPath(error: unknown, path: string): unknown {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') (error as NodeJS.ErrnoException).path = path
  return error
}

/** A folder being assembled next to its final place, swapped in by `commit()`. */
export interface StagedFolder {
  readonly path: string
  commit(): Promise<void>
  discard(): Promise<void>
}

const STAGING_PREFIX = '.staging-'
const RETIRED_PREFIX = '.retired-'

export async function stageFolder(target: string): Promise<StagedFolder> {
  const parent = dirname(target)
  await mkdir(parent, { recursive: true })
  await recoverInterrupted(parent)
  const tag = `${basename(target)}.${process.pid}.${randomBytes(3).toString('hex')}`
  const path = join(parent, `${STAGING_PREFIX}${tag}`)
  await mkdir(path)
  let committing: Promise<void> | undefined
  let discarded = false
  const discard = async () => {
    // A swap under way is two renames: let it finish rather than tear it.
    if (committing) return void (await committing.catch(() => {}))
    discarded = true
    await rm(path, { recursive: true, force: true })
  }
  const unregister = registerCleanup(discard)
  const swap = async () => {
    const retired = join(parent, `${RETIRED_PREFIX}${tag}`)
    const hadOld = await exists(target)
    if (hadOld) await rename(target, retired)
    try {
      await rename(path, target)
    } catch (error) {
      if (hadOld) await rename(retired, target).catch(() => {})
      throw error
    }
    if (hadOld) await rm(retired, { recursive: true, force: true })
  }
  return {
    path,
    async commit() {
      if (discarded) throw new RuntimeError('the staged build folder was discarded (interrupted)')
      committing = swap()
      try {
        await committing
      } finally {
        unregister()
      }
    },
    async discard() {
      unregister()
      await discard()
    },
  }
}

/**
 * Cleans up after a build that was killed: unfinished staging folders go, and
 * a previous result that was moved aside but not replaced is put back.
 */
export async function recoverInterrupted(parent: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(parent)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX) && !name.startsWith(RETIRED_PREFIX)) continue
    const owner = Number(/\.(\d+)\.[0-9a-f]+$/.exec(name)?.[1])
    if (Number.isFinite(owner) && owner !== process.pid && isProcessAlive(owner)) continue
    if (name.startsWith(STAGING_PREFIX)) {
      await rm(join(parent, name), { recursive: true, force: true })
    } else {
      const original = name.slice(RETIRED_PREFIX.length).replace(/\.\d+\.[0-9a-f]+$/, '')
      const target = join(parent, original)
      if (await exists(target)) await rm(join(parent, name), { recursive: true, force: true })
      else await rename(join(parent, name), target)
    }
  }
}

/**
 * Removes the temp files of writes whose process is gone, in `dir` and (down
 * to `depth` levels) its subfolders. A temp file of a live process (another
 * showtell writing a cache, an .ics export) is left alone.
 */
export async function removeLeftoverTempFiles(dir: string, depth: number): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (depth > 0) await removeLeftoverTempFiles(path, depth - 1)
      continue
    }
    const owner = Number(TEMP_NAME.exec(entry.name)?.[2])
    if (!Number.isFinite(owner) || owner === process.pid || isProcessAlive(owner)) continue
    await unlink(path).catch(() => {})
  }
}

// ---- the lock --------------------------------------------------------------
//
// Exclusive across crashes. The reasoning, step by step:
//
// 1. Creating: the lock's full content is written to a temp file and linked to
//    the lock's name. link() fails when the name exists, so exactly one of
//    two creators wins, and nobody ever reads a lock that is half written.
// 2. Stale: a lock is stale when its owner is gone. A pid alone cannot say
//    so (pids are reused), so the lock records the owner's pid, its start
//    time (/proc/<pid>/stat field 22), the boot id and the host name. Another
//    boot, a pid that no longer runs, or a pid that now belongs to a process
//    started at another time all mean "gone". Without /proc only the pid is
//    checked. A lock from another host is never called stale: we cannot see
//    its processes (the hint says to delete it by hand).
// 3. Taking over: nobody ever deletes a lock they do not own (deleting and
//    then creating is the window in which two contenders both win). Instead
//    a contender that found the stale lock G (G = a hash of its content)
//    claims the takeover file `<lock>.takeover-G` with the same link() as in
//    step 1. Only the one that holds it may replace the lock, and only after
//    re-reading the lock under it and finding G still there; it then renames
//    its own lock over G (atomic) and removes its takeover file. Everyone
//    else who had judged G stale either fails to claim the takeover file
//    (it waits and starts over) or claims it later and finds the lock is no
//    longer G (it starts over, and then sees a live owner). G never comes
//    back, since the content holds a fresh nonce, so no check can pass twice.
// 4. A stale takeover file (its claimer died inside those few steps) is taken
//    over the same way, one level down: `<lock>.takeover-G.takeover-H`.
// 5. Whoever holds the lock removes every takeover file: each names a lock
//    generation that is gone, so a contender still working under one can
//    only fail its re-check; deleting it lets no one through.
// 6. Releasing: the owner removes the lock only if it still holds its own
//    content (nobody replaces a lock whose owner is alive).

interface LockRecord {
  readonly pid: number
  readonly purpose: string
  readonly since: string
  readonly host?: string
  readonly boot?: string
  readonly start?: string
  readonly nonce?: string
}

/**
 * The lock's JSON, decoded field by field (by hand, not with zod: every
 * command that writes loads this module, the dashboard too); undefined when
 * it is not a lock we wrote.
 */
export function decodeLockRecord(text: string): LockRecord | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined
  const field = (key: string): unknown => (data as Record<string, unknown>)[key]
  const textField = (key: string): string | undefined => {
    const value = field(key)
    return typeof value === 'string' && value.length <= 300 ? value : undefined
  }
  const pid = field('pid')
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined
  const purpose = textField('purpose')
  const since = textField('since')
  if (purpose === undefined || since === undefined) return undefined
  for (const key of ['host', 'boot', 'start', 'nonce']) if (field(key) !== undefined && textField(key) === undefined) return undefined
  return { pid, purpose, since, host: textField('host'), boot: textField('boot'), start: textField('start'), nonce: textField('nonce') }
}

/** A lock file as read: its text (whose hash names its generation) and, when it decodes, its record. */
interface SeenLock {
  readonly text: string
  readonly generation: string
  readonly record: LockRecord | undefined
  readonly ageMs: number
}

/** An undecodable lock file younger than this is left alone (someone may be writing it by hand). */
const UNREADABLE_LOCK_GRACE_MS = 10_000
const MAX_ATTEMPTS = 200
const TAKEOVER = '.takeover-'

export interface Lock {
  release(): Promise<void>
}

/**
 * Takes the workspace's lock. A lock left by a process that is gone is taken
 * over; a live holder makes this fail with a message that names it. Holding
 * the lock, it removes what killed runs left in the workspace (the lock sits
 * in `<workspace>/out/`): temp files, staging folders, takeover files.
 */
export async function acquireLock(path: string, purpose: string): Promise<Lock> {
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw withPath(error, dirname(path))
  })
  const text = JSON.stringify({ ...ownIdentity(), purpose, since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') } satisfies LockRecord)
  let taken = false
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !taken; attempt++) {
    if (await createExclusive(path, text)) {
      taken = true
      break
    }
    const seen = await readLockFile(path)
    if (!seen) continue // released between our two steps: try again
    if (ownerState(seen) !== 'gone') throw busyError(path, seen)
    const outcome = await takeOver(path, seen, text, 0)
    if (outcome === 'taken') taken = true
    else if (outcome === 'wait') await delay(10)
  }
  if (!taken) throw new RuntimeError(`cannot take the lock ${path}`, { hint: 'delete the lock file if no showtell process is running' })

  const release = async () => {
    const now = await readFile(path, 'utf8').catch(() => undefined)
    if (now === text) await unlink(path).catch(() => {})
  }
  const unregister = registerCleanup(release)
  await recoverWorkspace(path)
  return {
    async release() {
      unregister()
      await release()
    },
  }
}

/** Under the lock: what killed runs left in the workspace two levels above `lockPath`. */
async function recoverWorkspace(lockPath: string): Promise<void> {
  const out = dirname(lockPath)
  const root = dirname(out)
  const lockName = basename(lockPath)
  for (const name of await readdir(out).catch(() => [] as string[])) {
    if (name.startsWith(`${lockName}${TAKEOVER}`)) await unlink(join(out, name)).catch(() => {})
  }
  await recoverInterrupted(out)
  await removeLeftoverTempFiles(out, 2)
  await removeLeftoverTempFiles(join(root, 'history'), 2)
  await removeLeftoverTempFiles(root, 0)
}

/**
 * Replaces the stale lock (or takeover file) `seen` at `path` with `text`:
 * 'taken' when we now hold `path`; 'retry' when it changed under us; 'wait'
 * when another live process is taking it over right now.
 */
async function takeOver(path: string, seen: SeenLock, text: string, depth: number): Promise<'taken' | 'retry' | 'wait'> {
  const slot = `${path}${TAKEOVER}${seen.generation}`
  const mine = JSON.stringify({ ...ownIdentity(), purpose: 'taking over a stale lock', since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') } satisfies LockRecord)
  if (!(await createExclusive(slot, mine))) {
    const other = await readLockFile(slot)
    if (!other) return 'retry'
    if (ownerState(other) !== 'gone') return 'wait'
    if (depth >= 3) throw new RuntimeError(`cannot take over the stale lock ${path}`, { hint: `delete ${path} and the files next to it named ${basename(path)}${TAKEOVER}…` })
    const nested = await takeOver(slot, other, mine, depth + 1)
    if (nested !== 'taken') return nested
  }
  try {
    const now = await readLockFile(path)
    if (!now || now.generation !== seen.generation) return 'retry'
    const tmp = tempPathFor(path)
    try {
      await writeFile(tmp, text, { flag: 'wx' })
      await rename(tmp, path)
    } catch (error) {
      await unlink(tmp).catch(() => {})
      throw withPath(error, path)
    }
    return 'taken'
  } finally {
    const left = await readFile(slot, 'utf8').catch(() => undefined)
    if (left === mine) await unlink(slot).catch(() => {})
  }
}

/** Creates `path` holding `text` if nothing is there; false when something is. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const tmp = tempPathFor(path)
  try {
    await writeFile(tmp, text, { flag: 'wx' })
    await link(tmp, path)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // A file system without hard links: exclusive create, then write (a reader may briefly see it empty).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createWithoutLink(path, text)
    throw withPath(error, path)
  } finally {
    await unlink(tmp).catch(() => {})
  }
}

async function createWithoutLink(path: string, text: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx')
    try {
      await handle.writeFile(text)
    } finally {
      await handle.close()
    }
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw withPath(error, path)
  }
}

async function readLockFile(path: string): Promise<SeenLock | undefined> {
  let text: string
  let mtimeMs: number
  try {
    ;[text, { mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)])
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw withPath(error, path)
  }
  // A lock that does not decode is judged by its age (ownerState).
  return { text, generation: createHash('sha256').update(text).digest('hex').slice(0, 16), record: decodeLockRecord(text), ageMs: Date.now() - mtimeMs }
}

type OwnerState = 'alive' | 'gone' | 'elsewhere' | 'unreadable'

function ownerState(seen: SeenLock): OwnerState {
  const { record } = seen
  if (!record) return seen.ageMs > UNREADABLE_LOCK_GRACE_MS ? 'gone' : 'unreadable'
  if (record.host !== undefined && record.host !== hostname()) return 'elsewhere'
  const boot = bootId()
  if (record.boot !== undefined && boot !== undefined && record.boot !== boot) return 'gone'
  if (!isProcessAlive(record.pid)) return 'gone'
  if (record.start !== undefined) {
    const start = startTimeOf(record.pid)
    if (start !== undefined && start !== record.start) return 'gone' // the pid now belongs to another process
  }
  return 'alive'
}

function busyError(path: string, seen: SeenLock): RuntimeError {
  const { record } = seen
  if (!record) {
    return new RuntimeError(`the lock ${path} is not a showtell lock`, { hint: 'if no showtell process is running, delete it' })
  }
  const where = ownerState(seen) === 'elsewhere' ? ` on host ${record.host}` : ''
  return new RuntimeError(`another showtell process${where} (pid ${record.pid}, ${record.purpose} since ${record.since}) holds the lock ${path}`, {
    hint: 'wait for it to finish; if that process is gone, delete the lock file',
  })
}

function ownIdentity(): Pick<LockRecord, 'pid' | 'host' | 'boot' | 'start'> {
  return { pid: process.pid, host: hostname(), boot: bootId(), start: startTimeOf(process.pid) }
}

let cachedBootId: string | undefined | null = null
function bootId(): string | undefined {
  if (cachedBootId === null) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined
    } catch {
      cachedBootId = undefined // no /proc (macOS, Windows): the pid check alone
    }
  }
  return cachedBootId
}

/** The process's start time in clock ticks after boot (/proc/<pid>/stat field 22), or undefined without /proc. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}


function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** True when something exists at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** The takeover steps, for tests that replay a contender who arrives late (test/workspace/lock.test.ts). */
export const lockInternals = { readLockFile, takeOver } as const
