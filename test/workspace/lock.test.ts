// The workspace lock (src/workspace/store.ts): exclusive even across a crash.
// A stale lock is recognised by its owner's pid, start time, boot id and host,
// not by the pid alone; contenders that find the same stale lock never both
// win; holding the lock, a process removes what killed runs left behind.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pendingCleanups, runCleanups } from '../../src/process/cleanup.js'
import { acquireLock, decodeLockRecord, lockInternals, startTimeOf, type Lock } from '../../src/workspace/store.js'
import { listTree } from '../helpers/workspace.js'

/** A workspace folder with out/ (where the lock lives) and history/. */
async function workspace(): Promise<{ root: string; lock: string }> {
  const root = await mkdtemp(join(tmpdir(), 'showtell-lock-'))
  await mkdir(join(root, 'out'))
  await mkdir(join(root, 'history'))
  return { root, lock: join(root, 'out', '.build.lock') }
}

/** The pid of a process that has ended (a child that ran `true`). */
async function deadPid(): Promise<number> {
  const child = spawn('true')
  await new Promise((resolve) => child.on('close', resolve))
  return child.pid!
}

const BOOT = existsSync('/proc/sys/kernel/random/boot_id') ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : undefined

describe('the lock file', () => {
  it('is decoded field by field, never cast', () => {
    expect(decodeLockRecord('{"pid":12,"purpose":"building","since":"2026-11-24T09:00:00Z"}')).toMatchObject({ pid: 12, purpose: 'building' })
    expect(decodeLockRecord('{"pid":"12","purpose":"building","since":"x"}')).toBeUndefined()
    expect(decodeLockRecord('{"pid":-1,"purpose":"building","since":"x"}')).toBeUndefined()
    expect(decodeLockRecord('{"pid":1.5,"purpose":"building","since":"x"}')).toBeUndefined()
    expect(decodeLockRecord('{"pid":12,"since":"x"}')).toBeUndefined()
    expect(decodeLockRecord('{"pid":12,"purpose":"b","since":"x","start":42}')).toBeUndefined()
    expect(decodeLockRecord('[12]')).toBeUndefined()
    expect(decodeLockRecord('')).toBeUndefined()
  })

  it('records who holds it: pid, start time, boot id, host; and is gone after release', async () => {
    const { lock } = await workspace()
    const held = await acquireLock(lock, 'building 2026-11-24-policy')
    const record = JSON.parse(await readFile(lock, 'utf8'))
    expect(record).toMatchObject({ pid: process.pid, purpose: 'building 2026-11-24-policy', host: hostname() })
    // On Linux: the start time is /proc/<pid>/stat field 22, the boot id the kernel's.
    if (existsSync('/proc/self/stat')) {
      expect(record.start).toMatch(/^\d+$/)
      expect(record.start).toBe(startTimeOf(process.pid))
      expect(record.boot).toBe(BOOT)
    }
    await held.release()
    expect(existsSync(lock)).toBe(false)
  })

  it('refuses while a live process holds it, naming the process', async () => {
    const { lock } = await workspace()
    const held = await acquireLock(lock, 'building 2026-11-24-policy')
    await expect(acquireLock(lock, 'building again')).rejects.toThrow(`another showtell process (pid ${process.pid}, building 2026-11-24-policy since `)
    await held.release()
  })

  it('takes over a lock whose pid is gone', async () => {
    const { lock } = await workspace()
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), purpose: 'building', since: '2026-11-21T09:00:00Z', host: hostname(), start: '1' }))
    const held = await acquireLock(lock, 'mine')
    expect(JSON.parse(await readFile(lock, 'utf8')).purpose).toBe('mine')
    await held.release()
  })

  it('takes over a lock whose pid now belongs to a live process that started at another time', async () => {
    // The test runner's own pid is alive, but it did not start at tick 1.
    const { lock } = await workspace()
    await writeFile(lock, JSON.stringify({ pid: process.pid, purpose: 'a build that crashed', since: '2026-11-21T09:00:00Z', host: hostname(), start: '1', boot: BOOT }))
    const held = await acquireLock(lock, 'mine')
    expect(JSON.parse(await readFile(lock, 'utf8')).purpose).toBe('mine')
    await held.release()
  })

  it('takes over a lock from before a reboot (another boot id), even if its pid runs now', async () => {
    const { lock } = await workspace()
    await writeFile(lock, JSON.stringify({ pid: process.pid, purpose: 'before the reboot', since: '2026-11-21T09:00:00Z', host: hostname(), start: startTimeOf(process.pid), boot: 'another-boot' }))
    const held = await acquireLock(lock, 'mine')
    await held.release()
  })

  it('never calls a lock from another host stale: it cannot see that host’s processes', async () => {
    const { lock } = await workspace()
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), purpose: 'building', since: '2026-11-21T09:00:00Z', host: 'laptop-of-someone-else' }))
    await expect(acquireLock(lock, 'mine')).rejects.toThrow('another showtell process on host laptop-of-someone-else (pid ')
  })

  it('leaves an unreadable lock alone while it is new, and takes it over once it is old', async () => {
    const { lock } = await workspace()
    await writeFile(lock, 'not json')
    await expect(acquireLock(lock, 'mine')).rejects.toThrow('is not a showtell lock')
    const old = new Date(Date.now() - 60_000)
    await utimes(lock, old, old)
    const held = await acquireLock(lock, 'mine')
    await held.release()
  })

  it('takes over a stale lock whose takeover was itself abandoned (its taker died), and leaves no takeover file', async () => {
    const { lock } = await workspace()
    const stale = JSON.stringify({ pid: await deadPid(), purpose: 'crashed', since: '2026-11-21T09:00:00Z', host: hostname() })
    await writeFile(lock, stale)
    // The file a contender claims to take over exactly this lock; its claimer is gone too.
    const { createHash } = await import('node:crypto')
    const generation = createHash('sha256').update(stale).digest('hex').slice(0, 16)
    await writeFile(`${lock}.takeover-${generation}`, JSON.stringify({ pid: await deadPid(), purpose: 'taking over a stale lock', since: '2026-11-21T09:00:01Z', host: hostname() }))
    const held = await acquireLock(lock, 'mine')
    expect(JSON.parse(await readFile(lock, 'utf8')).purpose).toBe('mine')
    expect(await readdir(join(lock, '..'))).toEqual(['.build.lock'])
    await held.release()
  })

  it('is removed by the interrupt cleanups (registered while held)', async () => {
    const { lock } = await workspace()
    const before = pendingCleanups()
    await acquireLock(lock, 'mine')
    expect(pendingCleanups()).toBe(before + 1)
    await runCleanups()
    expect(existsSync(lock)).toBe(false)
  })

  it('once held, removes the temp files and staged folders of processes that are gone, puts back a deck moved aside, and touches nothing of a live one', async () => {
    const { root, lock } = await workspace()
    const dead = await deadPid()
    const alive = process.ppid
    await mkdir(join(root, 'out', 'snapshots', '2026-11-24'), { recursive: true })
    await mkdir(join(root, 'out', `.staging-2026-11-24-policy.${dead}.abcdef`))
    await writeFile(join(root, 'out', `.staging-2026-11-24-policy.${dead}.abcdef`, 'deck.md'), 'half a deck')
    await writeFile(join(root, 'history', `.snapshots.jsonl.${dead}.0badc0de.tmp`), 'half a history')
    await writeFile(join(root, `.showtell.yaml.${dead}.0badc0de.tmp`), 'half a config')
    await writeFile(join(root, 'out', 'snapshots', '2026-11-24', `.a.png.${dead}.0badc0de.tmp`), 'half a picture')
    await writeFile(join(root, 'history', `.audit.json.${alive}.0badc0de.tmp`), 'someone is writing this now')
    await writeFile(join(root, 'history', 'meetings.jsonl'), '{}\n')
    // A deck moved aside by a swap that was killed before the new one took its place.
    await mkdir(join(root, 'out', `.retired-2026-11-17-crisis.${dead}.abcdef`))
    await writeFile(join(root, 'out', `.retired-2026-11-17-crisis.${dead}.abcdef`, 'deck.md'), 'the earlier deck')
    const held = await acquireLock(lock, 'mine')
    expect(await listTree(root)).toEqual([
      'history/.audit.json.' + alive + '.0badc0de.tmp',
      'history/meetings.jsonl',
      'out/.build.lock',
      'out/2026-11-17-crisis/deck.md',
    ])
    expect(await readFile(join(root, 'out', '2026-11-17-crisis', 'deck.md'), 'utf8')).toBe('the earlier deck')
    await held.release()
  })
})

describe('contenders for one stale lock', () => {
  it('a contender that judged the lock stale, and claims the takeover file only after another took the lock over, backs off', async () => {
    const { lock } = await workspace()
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), purpose: 'crashed', since: '2026-11-21T09:00:00Z', host: hostname() }))
    // The late contender reads the stale lock...
    const seen = (await lockInternals.readLockFile(lock))!
    // ...then another process takes it over and releases the takeover file...
    const winner = await acquireLock(lock, 'the winner')
    const held = await readFile(lock, 'utf8')
    // ...and only now the late one gets the takeover file: it re-checks, and does not replace the winner's lock.
    const late = await lockInternals.takeOver(lock, seen, JSON.stringify({ pid: process.pid, purpose: 'late', since: 'now' }), 0)
    expect(late).toBe('retry')
    expect(await readFile(lock, 'utf8')).toBe(held)
    expect(await readdir(join(lock, '..'))).toEqual(['.build.lock'])
    await winner.release()
  })

  it('exactly one of four wins, 100 times over, in one process', async () => {
    const { lock } = await workspace()
    const dead = await deadPid()
    for (let round = 0; round < 100; round++) {
      await writeFile(lock, JSON.stringify({ pid: dead, purpose: `crashed ${round}`, since: new Date().toISOString(), host: hostname() }))
      const tries = await Promise.allSettled([0, 1, 2, 3].map((i) => acquireLock(lock, `contender ${i}`)))
      const won = tries.filter((t): t is PromiseFulfilledResult<Lock> => t.status === 'fulfilled')
      expect(won, `round ${round}`).toHaveLength(1)
      for (const t of tries) if (t.status === 'rejected') expect(String(t.reason)).toContain('holds the lock')
      await won[0]!.value.release()
    }
  })

  it('exactly one process at a time holds it, over 20 rounds of 3 processes that all start on a stale lock', async () => {
    const { root, lock } = await workspace()
    const dead = await deadPid()
    const script = join(root, 'contender.mts')
    // Each contender, each round: wait for the round's go file, try the lock; the
    // winner marks itself inside (exclusively) and bumps a counter by read-then-write.
    await writeFile(
      script,
      `import { existsSync, readFileSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { acquireLock } from ${JSON.stringify(join(process.cwd(), 'src/workspace/store.ts'))}
const [root, rounds, me] = process.argv.slice(2)
for (let round = 0; round < Number(rounds); round++) {
  while (!existsSync(root + '/go-' + round)) await new Promise((r) => setTimeout(r, 5))
  let outcome = 'busy'
  try {
    const lock = await acquireLock(root + '/out/.build.lock', 'contender ' + me)
    await writeFile(root + '/inside', me, { flag: 'wx' })
    const count = Number(await readFile(root + '/counter', 'utf8'))
    await writeFile(root + '/counter', String(count + 1))
    await rm(root + '/inside')
    await lock.release()
    outcome = 'won'
  } catch (error) {
    if (!String(error).includes('holds the lock')) outcome = 'error ' + String(error)
  }
  await writeFile(root + '/result-' + round + '-' + me, outcome)
}
`,
    )
    await writeFile(join(root, 'counter'), '0')
    const ROUNDS = 20
    const children = [0, 1, 2].map((me) =>
      spawn(process.execPath, ['--import', 'tsx', script, root, String(ROUNDS), String(me)], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] }),
    )
    const errors: string[] = []
    for (const child of children) child.stderr!.on('data', (chunk) => errors.push(String(chunk)))
    let failed = false
    const ended = Promise.all(children.map((child) => new Promise((resolve) => child.on('close', (code) => resolve((failed ||= code !== 0))))))
    let wins = 0
    for (let round = 0; round < ROUNDS; round++) {
      await writeFile(lock, JSON.stringify({ pid: dead, purpose: `crashed ${round}`, since: new Date().toISOString(), host: hostname() }))
      await writeFile(join(root, `go-${round}`), '')
      const results = await eventually(async () => {
        // A result file read between its creation and its write is empty: not written yet.
        const found = await Promise.all([0, 1, 2].map((me) => readFile(join(root, `result-${round}-${me}`), 'utf8').then((text) => text || undefined, () => undefined)))
        return found.every((r) => r !== undefined) ? (found as string[]) : undefined
      }, errors, () => failed)
      // Nobody failed other than by "another process holds the lock"; at least one got through.
      for (const r of results) expect(['won', 'busy'], `round ${round}`).toContain(r)
      expect(results.filter((r) => r === 'won').length, `round ${round}`).toBeGreaterThanOrEqual(1)
      wins += results.filter((r) => r === 'won').length
      // Everyone of this round is done: the lock is free again.
      expect(existsSync(lock), `round ${round}`).toBe(false)
    }
    await ended
    // No two were ever inside at once: no lost update, and no "inside" collision (that would be an error).
    expect(Number(await readFile(join(root, 'counter'), 'utf8'))).toBe(wins)
  }, 300_000)
})

/** Polls `probe` until it returns a value (every 20 ms, up to 120 s). */
async function eventually<T>(probe: () => Promise<T | undefined>, errors: string[], failed: () => boolean): Promise<T> {
  const until = Date.now() + 120_000
  while (Date.now() < until && !failed()) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${failed() ? 'a contender failed' : 'timed out'}; the contenders said: ${errors.join('')}`)
}
