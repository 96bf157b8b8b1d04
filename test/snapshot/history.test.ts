// The metrics history: the queries the deck uses (previous value, last good
// value, trend), a file that keeps what it cannot read, "▲ 100 since
// 2026-11-10" after two real `showtell snapshot` runs against the demo site
// with changed numbers, a history that stays whole when the CLI is killed
// with SIGKILL exactly between writing and renaming it (a test-only pause
// point, src/process/test-pause.ts), and the atomic write itself.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, open, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import {
  appendHistory,
  daysBetween,
  HISTORY_FILE,
  lastGoodValue,
  previousValue,
  readHistory,
  series,
  type HistoryEntry,
} from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { CLI, runCli } from '../helpers/cli.js'
import { makeDemoWorkspace, type DemoAccount } from '../helpers/demo-workspace.js'
import { writeFileAtomic } from '../../src/workspace/store.js'

// ---- the queries, on hand-written entries --------------------------------

const entry = (date: string, capturedAt: string, account: string, status: HistoryEntry['status'], followers?: number, posts?: number): HistoryEntry => ({
  date,
  capturedAt,
  account,
  platform: 'instagram',
  status,
  metrics: {
    ...(followers === undefined ? {} : { followers: { value: followers, source: 'meta' as const } }),
    ...(posts === undefined ? {} : { posts: { value: posts, source: 'meta' as const } }),
  },
})

// Out of order on purpose: the queries must not depend on the file's order.
const ENTRIES: readonly HistoryEntry[] = [
  entry('2026-11-24', '2026-11-24T08:00:00.000Z', 'acme', 'ok', 200, 50),
  entry('2026-11-03', '2026-11-03T08:00:00.000Z', 'acme', 'ok', 100, 40),
  entry('2026-11-10', '2026-11-10T09:30:00.000Z', 'acme', 'ok', 160), // re-run later that day: wins
  entry('2026-11-10', '2026-11-10T08:00:00.000Z', 'acme', 'ok', 150, 45),
  entry('2026-11-17', '2026-11-17T08:00:00.000Z', 'acme', 'blocked'), // a login wall: no numbers
  entry('2026-11-30', '2026-11-30T08:00:00.000Z', 'acme', 'ok', 230),
  entry('2026-11-17', '2026-11-17T08:00:00.000Z', 'other', 'ok', 9_999, 1),
  entry('2026-11-20', '2026-11-20T08:00:00.000Z', 'acme', 'timeout'),
]

describe('previousValue', () => {
  it('is the newest ok value from a date strictly before the meeting', () => {
    expect(previousValue(ENTRIES, 'acme', 'followers', '2026-11-24')).toEqual({ value: 160, date: '2026-11-10' })
    expect(previousValue(ENTRIES, 'acme', 'followers', '2026-11-10')).toEqual({ value: 100, date: '2026-11-03' })
    expect(previousValue(ENTRIES, 'acme', 'followers', '2026-11-25')).toEqual({ value: 200, date: '2026-11-24' })
  })

  it('skips entries without that metric, and other accounts', () => {
    // The later 2026-11-10 entry has no posts: the earlier one of that day answers.
    expect(previousValue(ENTRIES, 'acme', 'posts', '2026-11-24')).toEqual({ value: 45, date: '2026-11-10' })
    expect(previousValue(ENTRIES, 'other', 'followers', '2026-11-24')).toEqual({ value: 9_999, date: '2026-11-17' })
    expect(previousValue(ENTRIES, 'other', 'following', '2026-11-24')).toBeUndefined()
  })

  it('is undefined when there is nothing earlier', () => {
    expect(previousValue(ENTRIES, 'acme', 'followers', '2026-11-03')).toBeUndefined()
    expect(previousValue(ENTRIES, 'nobody', 'followers', '2030-01-01')).toBeUndefined()
    expect(previousValue([], 'acme', 'followers', '2026-11-24')).toBeUndefined()
  })
})

describe('lastGoodValue', () => {
  it('for a blocked account: the newest good value on or before that date, and its age', () => {
    const last = lastGoodValue(ENTRIES, 'acme', 'followers', '2026-11-17')
    expect(last).toEqual({ value: 160, date: '2026-11-10' })
    expect(daysBetween(last!.date, '2026-11-17')).toBe(7)
    // Blocked again on 2026-11-20 (a timeout): still the 2026-11-10 value, now 10 days old.
    const later = lastGoodValue(ENTRIES, 'acme', 'followers', '2026-11-20')
    expect(later).toEqual({ value: 160, date: '2026-11-10' })
    expect(daysBetween(later!.date, '2026-11-20')).toBe(10)
  })

  it('includes the day itself, also on the last day of a month', () => {
    expect(lastGoodValue(ENTRIES, 'acme', 'followers', '2026-11-24')).toEqual({ value: 200, date: '2026-11-24' })
    expect(lastGoodValue(ENTRIES, 'acme', 'followers', '2026-11-30')).toEqual({ value: 230, date: '2026-11-30' })
    expect(lastGoodValue(ENTRIES, 'acme', 'followers', '2026-11-02')).toBeUndefined()
  })
})

describe('series', () => {
  it('gives one value per date, the last good one of that day, oldest first', () => {
    expect(series(ENTRIES, 'acme', 'followers', '2026-11-30')).toEqual([
      { date: '2026-11-03', value: 100 },
      { date: '2026-11-10', value: 160 },
      { date: '2026-11-24', value: 200 },
      { date: '2026-11-30', value: 230 },
    ])
  })

  it('stops at the given date and only uses entries that have the metric', () => {
    expect(series(ENTRIES, 'acme', 'followers', '2026-11-24')).toEqual([
      { date: '2026-11-03', value: 100 },
      { date: '2026-11-10', value: 160 },
      { date: '2026-11-24', value: 200 },
    ])
    expect(series(ENTRIES, 'acme', 'posts', '2026-11-30')).toEqual([
      { date: '2026-11-03', value: 40 },
      { date: '2026-11-10', value: 45 },
      { date: '2026-11-24', value: 50 },
    ])
    expect(series(ENTRIES, 'acme', 'following', '2026-11-30')).toEqual([])
  })
})

describe('daysBetween', () => {
  it('counts whole days, across months and years', () => {
    expect(daysBetween('2026-11-10', '2026-11-24')).toBe(14)
    expect(daysBetween('2026-11-24', '2026-12-01')).toBe(7)
    expect(daysBetween('2026-12-29', '2027-01-05')).toBe(7)
    expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0)
  })
})

// ---- the file ------------------------------------------------------------

const result = (account: string, followers: number): SnapshotResult => ({
  account,
  platform: 'instagram',
  label: account,
  url: `https://example.com/${account}`,
  status: 'ok',
  metrics: { followers: { value: followers, source: 'meta' } },
  capturedAt: '2026-11-24T08:00:00.000Z',
  durationMs: 1234,
})

describe('history/snapshots.jsonl', () => {
  it('is empty, not an error, before the first snapshot', async () => {
    const root = await mkdtemp(join(tmpdir(), 'showtell-history-'))
    expect(await readHistory(root)).toEqual({ entries: [], unreadable: [] })
  })

  it('appends one JSON line per account, and keeps lines it cannot read (a merge conflict) on rewrite', async () => {
    const root = await mkdtemp(join(tmpdir(), 'showtell-history-'))
    await mkdir(join(root, 'history'))
    const good = JSON.stringify(entry('2026-11-17', '2026-11-17T08:00:00.000Z', 'acme', 'ok', 150))
    await writeFile(join(root, HISTORY_FILE), `<<<<<<< HEAD\n${good}\n{"date": "2026-11-17"\n`)
    const before = await readHistory(root)
    expect(before.entries).toHaveLength(1)
    expect(before.unreadable).toEqual(['<<<<<<< HEAD', '{"date": "2026-11-17"'])

    const after = await appendHistory(root, '2026-11-24', [result('acme', 200), result('beta', 7)])
    expect(after.entries.map((e) => [e.date, e.account, e.metrics.followers?.value])).toEqual([
      ['2026-11-17', 'acme', 150],
      ['2026-11-24', 'acme', 200],
      ['2026-11-24', 'beta', 7],
    ])
    const text = await readFile(join(root, HISTORY_FILE), 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    expect(text).toContain('<<<<<<< HEAD\n')
    const reread = await readHistory(root)
    expect(reread.entries).toEqual(after.entries)
    expect(reread.unreadable).toEqual(before.unreadable)
    // No temp file is left next to it.
    expect(readdirSync(join(root, 'history'))).toEqual(['snapshots.jsonl'])
  })
})

// ---- the CLI against the demo site -----------------------------------------

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await site?.close()
})

function accounts(url: string): DemoAccount[] {
  return [
    { id: 'nordlys-instagram', platform: 'instagram', url: `${url}/instagram/nordlysoutdoor/` },
    { id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
  ]
}

type JsonResult = { account: string; status: string; capturedAt: string; metrics: Record<string, { value: number; approximate?: boolean }> }

describe('showtell snapshot: the change since the last meeting', () => {
  it('shows "▲ 100 since 2026-11-10" after the numbers grew by 100', async () => {
    // Given a first snapshot, dated back to the meeting of 2026-11-10
    site.state.followersBump = 0
    const workspace = await makeDemoWorkspace(site.url, accounts(site.url), { timeout: 8 })
    try {
      const first = await runCli(['snapshot', '--json', '--workspace', workspace])
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      const firstResults = JSON.parse(first.stdout) as JsonResult[]
      expect(firstResults.map((r) => [r.account, r.status, r.metrics.followers?.value])).toEqual([
        ['nordlys-instagram', 'ok', 88_700],
        ['nordlys-bluesky', 'ok', 2_301],
      ])
      const file = join(workspace, HISTORY_FILE)
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n')
      expect(lines).toHaveLength(2)
      await writeFile(file, `${lines.map((line) => JSON.stringify({ ...JSON.parse(line), date: '2026-11-10' })).join('\n')}\n`)

      // When the site gains 100 followers everywhere and we snapshot again
      site.state.followersBump = 100
      const second = await runCli(['snapshot', '--json', '--workspace', workspace])
      expect(second.code).toBe(0)
      const secondResults = JSON.parse(second.stdout) as JsonResult[]
      expect(secondResults.map((r) => [r.account, r.status, r.metrics.followers?.value])).toEqual([
        ['nordlys-instagram', 'ok', 88_800],
        ['nordlys-bluesky', 'ok', 2_401],
      ])
      const history = await readHistory(workspace)
      expect(history.unreadable).toEqual([])
      expect(history.entries.map((e) => [e.account, e.metrics.followers?.value])).toEqual([
        ['nordlys-instagram', 88_700],
        ['nordlys-bluesky', 2_301],
        ['nordlys-instagram', 88_800],
        ['nordlys-bluesky', 2_401],
      ])
      // The workspace's time zone is UTC: the new entries carry today's date.
      const today = secondResults[0]!.capturedAt.slice(0, 10)
      expect(history.entries.map((e) => e.date)).toEqual(['2026-11-10', '2026-11-10', today, today])

      // Then the table of a third run shows the change since the meeting of 2026-11-10
      const third = await runCli(['snapshot', '--workspace', workspace])
      expect(third.code).toBe(0)
      const row = (id: string) => third.stdout.split('\n').find((line) => line.startsWith(`${id} `)) ?? ''
      expect(row('nordlys-instagram')).toContain('88,800 (approx.)')
      expect(row('nordlys-instagram')).toContain('▲ 100 since 2026-11-10')
      expect(row('nordlys-bluesky')).toContain('2,401')
      expect(row('nordlys-bluesky')).toContain('▲ 100 since 2026-11-10')
      expect(third.stdout).toContain('2 of 2 accounts ok')
      // Progress goes to stderr, one line per account.
      expect(third.stderr).toMatch(/✓ nordlys-instagram ok/)
      expect(third.stderr).toMatch(/✓ nordlys-bluesky ok/)
      expect((await readHistory(workspace)).entries).toHaveLength(6)
    } finally {
      site.state.followersBump = 0
    }
  })
})

// ---- a killed write ---------------------------------------------------------

/** Direct children of `pid`, from /proc (Linux); [] elsewhere. */
function childrenOf(pid: number): number[] {
  if (!existsSync('/proc')) return []
  const found: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) found.push(Number(name))
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

function descendantsOf(pid: number): number[] {
  const direct = childrenOf(pid)
  return [...direct, ...direct.flatMap((child) => descendantsOf(child))]
}

function userDataDir(pid: number): string | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    return args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
  } catch {
    return undefined
  }
}

/**
 * SIGKILL for the CLI, as a crash or `kill -9` would do it. The CLI is frozen
 * first so that the browser it started (which SIGKILL would orphan) can be
 * found by its pid and ended too, with its temporary profile.
 */
async function killHard(child: ChildProcess): Promise<void> {
  const pid = child.pid!
  const closed = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('close', () => resolve())))
  try {
    process.kill(pid, 'SIGSTOP')
  } catch {
    // Already gone.
  }
  const tree = descendantsOf(pid)
  const profiles = tree.map(userDataDir).filter((dir): dir is string => dir !== undefined && dir.includes('puppeteer_dev_chrome_profile'))
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
  for (const descendant of tree) {
    try {
      process.kill(descendant, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  await closed
  for (const dir of new Set(profiles)) await rm(dir, { recursive: true, force: true })
}

describe('a killed snapshot', () => {
  it('killed between writing the new history and renaming it into place: the old history whole; the next run recovers', async () => {
    // Given a history of two earlier meetings
    const workspace = await makeDemoWorkspace(site.url, accounts(site.url), { timeout: 8 })
    const perRun = accounts(site.url).length
    const earlier = [
      entry('2026-11-03', '2026-11-03T08:00:00.000Z', 'nordlys-instagram', 'ok', 88_000),
      entry('2026-11-03', '2026-11-03T08:00:01.000Z', 'nordlys-bluesky', 'ok', 2_200),
      entry('2026-11-10', '2026-11-10T08:00:00.000Z', 'nordlys-instagram', 'ok', 88_300),
      entry('2026-11-10', '2026-11-10T08:00:01.000Z', 'nordlys-bluesky', 'ok', 2_250),
    ]
    await mkdir(join(workspace, 'history'))
    const before = `${earlier.map((e) => JSON.stringify(e)).join('\n')}\n`
    await writeFile(join(workspace, HISTORY_FILE), before)

    // When a snapshot is killed (SIGKILL) exactly after it wrote the new history to its temp file, before the rename
    const marker = join(await mkdtemp(join(tmpdir(), 'showtell-pause-')), 'paused')
    const child = spawn(process.execPath, [CLI, 'snapshot', '--json', '--workspace', workspace], {
      env: { ...process.env, NO_COLOR: '1', SHOWTELL_TEST_PAUSE: 'rename:snapshots.jsonl', SHOWTELL_TEST_PAUSE_FILE: marker },
      stdio: 'ignore',
    })
    await eventually(() => existsSync(marker), 'the snapshot to reach the rename')
    await killHard(child)

    // Then the history is the old file, byte for byte; the new one sits whole in its temp file (the kill landed inside the write)
    expect(await readFile(join(workspace, HISTORY_FILE), 'utf8')).toBe(before)
    const temps = readdirSync(join(workspace, 'history')).filter((name) => name.endsWith('.tmp'))
    expect(temps).toHaveLength(1)
    expect(temps[0]).toMatch(new RegExp(`^\\.snapshots\\.jsonl\\.${child.pid}\\.[0-9a-f]+\\.tmp$`))
    const written = await readFile(join(workspace, 'history', temps[0]!), 'utf8')
    expect(written.startsWith(before)).toBe(true)
    expect(written.trimEnd().split('\n')).toHaveLength(earlier.length + perRun)

    // And the next run takes over the stale lock, removes the dead run's temp file, and adds its lines
    const after = await runCli(['snapshot', '--json', '--workspace', workspace])
    expect(after.stderr).toBe('')
    expect(after.code).toBe(0)
    const final = await readHistory(workspace)
    expect(final.unreadable).toEqual([])
    expect(final.entries.slice(0, earlier.length)).toEqual(earlier)
    expect(final.entries).toHaveLength(earlier.length + perRun)
    expect(readdirSync(join(workspace, 'history'))).toEqual(['snapshots.jsonl'])
  })

  it('killed right after the history was renamed into place: the old history plus the whole run', async () => {
    const workspace = await makeDemoWorkspace(site.url, accounts(site.url), { timeout: 8 })
    await mkdir(join(workspace, 'history'))
    const before = `${JSON.stringify(entry('2026-11-03', '2026-11-03T08:00:00.000Z', 'nordlys-instagram', 'ok', 88_000))}\n`
    await writeFile(join(workspace, HISTORY_FILE), before)
    // The run's snapshots.json is written after the history: pause there.
    const marker = join(await mkdtemp(join(tmpdir(), 'showtell-pause-')), 'paused')
    const child = spawn(process.execPath, [CLI, 'snapshot', '--json', '--workspace', workspace], {
      env: { ...process.env, NO_COLOR: '1', SHOWTELL_TEST_PAUSE: 'rename:snapshots.json', SHOWTELL_TEST_PAUSE_FILE: marker },
      stdio: 'ignore',
    })
    await eventually(() => existsSync(marker), 'the snapshot to write snapshots.json')
    await killHard(child)
    const history = await readHistory(workspace)
    expect(history.unreadable).toEqual([])
    expect(history.entries.map((e) => [e.account, e.status])).toEqual([
      ['nordlys-instagram', 'ok'],
      ['nordlys-instagram', 'ok'],
      ['nordlys-bluesky', 'ok'],
    ])
    expect((await readFile(join(workspace, HISTORY_FILE), 'utf8')).startsWith(before)).toBe(true)
  })
})

describe('writeFileAtomic (the history, the log and every state file go through it)', () => {
  it('replaces the file with a new one: a reader that opened the old file still reads all of the old content, and the inode changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-atomic-'))
    const path = join(dir, 'snapshots.jsonl')
    const old = 'old line\n'.repeat(10_000)
    await writeFile(path, old)
    const inodeBefore = statSync(path).ino
    const reader = await open(path, 'r')
    try {
      await writeFileAtomic(path, 'new\n')
      // An in-place rewrite (truncate, then write) would show the reader the new bytes or nothing.
      expect((await reader.readFile('utf8')) === old).toBe(true)
    } finally {
      await reader.close()
    }
    expect(statSync(path).ino).not.toBe(inodeBefore)
    expect(await readFile(path, 'utf8')).toBe('new\n')
    expect(readdirSync(dir)).toEqual(['snapshots.jsonl'])
  })

  it('removes its temp file when the write fails, and the error names the file, not the temp name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-atomic-'))
    // Renaming a file over a folder fails (EISDIR) after the temp file was written.
    await mkdir(join(dir, 'busy'))
    await expect(writeFileAtomic(join(dir, 'busy'), 'x')).rejects.toMatchObject({ path: join(dir, 'busy') })
    expect(readdirSync(dir)).toEqual(['busy'])
  })
})

/** Polls `probe` every 20 ms until it is true (up to 90 s). */
async function eventually(probe: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 90_000
  while (!probe()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
