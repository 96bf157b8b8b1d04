// Disks that refuse a write: a read-only history/ (a read-only bind mount) and
// a full one (a tiny tmpfs, filled). The build exits 1 with one line that
// names the file and what to do, the earlier deck stays byte for byte, and no
// temp file, staged folder or lock is left. The mounts need root (the test
// machine and CI run as root); `chmod` would not do, since root writes anyway.
import { execFileSync } from 'node:child_process'
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diskError } from '../../src/errors.js'
import { runCli } from '../helpers/cli.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const BUILD = ['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'md']

const mounted: string[] = []
function mount(...args: string[]): void {
  execFileSync('mount', args, { stdio: 'pipe' })
}
afterEach(() => {
  for (const dir of mounted.splice(0).reverse()) execFileSync('umount', [dir], { stdio: 'pipe' })
})

/** A workspace with a deck built for 2026-11-24 (45 minutes), and that deck's files. */
async function withEarlierDeck(): Promise<{ workspace: string; deck: string; before: Map<string, Buffer> }> {
  const workspace = await makeWorkspace()
  const first = await runCli([...BUILD, '--duration', '45'], { cwd: workspace })
  expect(first.code, first.stderr).toBe(0)
  const deck = join(workspace, 'out', '2026-11-24-policy')
  const before = new Map<string, Buffer>()
  for (const name of await listTree(deck)) before.set(name, await readFile(join(deck, name)))
  return { workspace, deck, before }
}

async function expectDeckUnchanged(deck: string, before: Map<string, Buffer>): Promise<void> {
  expect(await listTree(deck)).toEqual([...before.keys()])
  for (const [name, bytes] of before) expect((await readFile(join(deck, name))).equals(bytes), name).toBe(true)
}

describe('a disk that refuses the write', () => {
  it('read-only history/: exit 1, one line naming the file, the earlier deck byte for byte', async () => {
    const { workspace, deck, before } = await withEarlierDeck()
    const history = join(workspace, 'history')
    const log = await readFile(join(history, 'meetings.jsonl'))
    mount('--bind', history, history)
    mounted.push(history)
    mount('-o', 'remount,bind,ro', history)

    const result = await runCli([...BUILD, '--duration', '60'], { cwd: workspace })
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines.at(-1)).toBe(
      `showtell: cannot write ${join(history, 'meetings.jsonl')}: the file system is read-only (EROFS) (hint: make it writable, or run showtell on a copy of the workspace on a writable disk)`,
    )
    expect(lines.filter((line) => line.startsWith('showtell:'))).toHaveLength(1)
    await expectDeckUnchanged(deck, before)
    expect((await readFile(join(history, 'meetings.jsonl'))).equals(log)).toBe(true)
    expect((await readdir(join(workspace, 'out'))).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('full history/: exit 1, one line naming the file, no temp file left, the earlier deck byte for byte', async () => {
    const { workspace, deck, before } = await withEarlierDeck()
    const history = join(workspace, 'history')
    const log = await readFile(join(history, 'meetings.jsonl'))
    mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', history)
    mounted.push(history)
    await writeFile(join(history, 'meetings.jsonl'), log)
    // Fill the rest of it.
    await mkdir(join(history, 'filler'))
    for (let i = 0; ; i++) {
      try {
        await writeFile(join(history, 'filler', String(i)), Buffer.alloc(4096, 1))
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
        break
      }
    }

    const result = await runCli([...BUILD, '--duration', '60'], { cwd: workspace })
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines.at(-1)).toBe(`showtell: cannot write ${join(history, 'meetings.jsonl')}: the disk is full (ENOSPC) (hint: free some space and run the command again)`)
    expect(lines.filter((line) => line.startsWith('showtell:'))).toHaveLength(1)
    await expectDeckUnchanged(deck, before)
    expect((await readFile(join(history, 'meetings.jsonl'))).equals(log)).toBe(true)
    expect((await readdir(history)).sort()).toEqual(['filler', 'meetings.jsonl'])
    expect((await readdir(join(workspace, 'out'))).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('full out/: the new deck does not fit; exit 1, the message names the deck file, the earlier deck byte for byte', async () => {
    const { workspace, deck, before } = await withEarlierDeck()
    const out = join(workspace, 'out')
    const saved = join(workspace, 'saved-out')
    execFileSync('cp', ['-a', out, saved])
    mount('-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', out)
    mounted.push(out)
    execFileSync('cp', ['-a', `${saved}/.`, out])
    await mkdir(join(out, 'filler'))
    for (let i = 0; ; i++) {
      try {
        await writeFile(join(out, 'filler', String(i)), Buffer.alloc(4096, 1))
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
        break
      }
    }
    const log = await readFile(join(workspace, 'history', 'meetings.jsonl'))

    // Not even the lock fits: the message names it.
    const noLock = await runCli([...BUILD, '--duration', '60'], { cwd: workspace })
    expect(noLock.code).toBe(1)
    expect(noLock.stderr).toBe(`showtell: cannot write ${join(out, '.build.lock')}: the disk is full (ENOSPC) (hint: free some space and run the command again)\n`)
    expect((await readdir(out)).sort()).toEqual(['2026-11-24-policy', 'filler'])

    // Room for the lock (one page), not for the deck.
    await rm(join(out, 'filler', '0'))
    const result = await runCli([...BUILD, '--duration', '60'], { cwd: workspace })
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines.at(-1)).toMatch(new RegExp(`^showtell: cannot write ${deck.replaceAll('.', '\\.')}/[\\w./-]+: the disk is full \\(ENOSPC\\) \\(hint: free some space and run the command again\\)$`))
    expect(lines.filter((line) => line.startsWith('showtell:'))).toHaveLength(1)
    await expectDeckUnchanged(deck, before)
    expect((await readFile(join(workspace, 'history', 'meetings.jsonl'))).equals(log)).toBe(true)
    expect((await readdir(out)).sort()).toEqual(['2026-11-24-policy', 'filler'])
  })
})

describe('diskError', () => {
  const fsError = (code: string, path?: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path })

  it('names the path and what to do for each disk failure', () => {
    expect(diskError(fsError('EACCES', '/w/history/snapshots.jsonl'))?.format()).toBe(
      'cannot write /w/history/snapshots.jsonl: permission denied (EACCES) (hint: give your user write access to it (or run showtell as its owner))',
    )
    expect(diskError(fsError('EPERM', '/w/out'))?.format()).toMatch(/^cannot write \/w\/out: the operation is not permitted \(EPERM\) \(hint: /)
    expect(diskError(fsError('EDQUOT', '/w/out'))?.format()).toMatch(/^cannot write \/w\/out: the disk quota is used up \(EDQUOT\) \(hint: /)
    expect(diskError(fsError('ENOSPC', '/w/out'))?.exitCode).toBe(1)
  })

  it('leaves other errors alone, and errors without a path (process.kill’s EPERM)', () => {
    expect(diskError(fsError('ENOENT', '/w/x'))).toBeUndefined()
    expect(diskError(fsError('EPERM'))).toBeUndefined()
    expect(diskError(new Error('plain'))).toBeUndefined()
    expect(diskError('EROFS')).toBeUndefined()
  })
})
