// Owns every write into a workspace. Files are written to a temporary name and
// renamed into place; a build folder is assembled aside and swapped in whole;
// one lock file keeps two builds from writing the same workspace at once.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { RuntimeError } from '../errors.js'

/** Writes `data` to `path` so that readers see the old file or the new one, never half of one. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tmp, path)
  } catch (error) {
    await unlink(tmp).catch(() => {})
    throw error
  }
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
  return {
    path,
    async commit() {
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
    },
    async discard() {
      await rm(path, { recursive: true, force: true })
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
    const owner = Number(/\.(\d+)\.[0-9a-f]+$/.exec(name)?.[1])
    if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) continue
    if (name.startsWith(STAGING_PREFIX)) {
      await rm(join(parent, name), { recursive: true, force: true })
    } else if (name.startsWith(RETIRED_PREFIX)) {
      const original = name.slice(RETIRED_PREFIX.length).replace(/\.\d+\.[0-9a-f]+$/, '')
      const target = join(parent, original)
      if (await exists(target)) await rm(join(parent, name), { recursive: true, force: true })
      else await rename(join(parent, name), target)
    }
  }
}

export interface Lock {
  release(): Promise<void>
}

/**
 * Takes the workspace's build lock. A lock left by a process that is gone is
 * taken over; a live holder makes this fail with a message that names it.
 */
export async function acquireLock(path: string, purpose: string): Promise<Lock> {
  await mkdir(dirname(path), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }))
      await handle.close()
      return {
        async release() {
          await unlink(path).catch(() => {})
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = await readLock(path)
      if (holder && isAlive(holder.pid)) {
        throw new RuntimeError(`another showtell process (pid ${holder.pid}, ${holder.purpose} since ${holder.since}) holds the lock ${path}`, {
          hint: 'wait for it to finish; if that process is gone, delete the lock file',
        })
      }
      await unlink(path).catch(() => {})
    }
  }
  throw new RuntimeError(`cannot take the lock ${path}`, { hint: 'delete the lock file if no showtell process is running' })
}

async function readLock(path: string): Promise<{ pid: number; purpose: string; since: string } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; purpose?: unknown; since?: unknown }
    if (typeof parsed.pid !== 'number') return undefined
    return { pid: parsed.pid, purpose: String(parsed.purpose ?? 'a build'), since: String(parsed.since ?? 'unknown') }
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
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

