// writeFileAtomic replaces a file in one step: a reader that opened the old
// file before the write still reads all of the old content afterwards, and the
// path names a new file (a new inode), never the old one truncated and
// rewritten. Deterministic, unlike killing a process at a measured moment: a
// write done in place survived that test in 3 runs out of 3 (review A.6 M5).
import { mkdtemp, open, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/workspace/store.js'

const OLD = `${'old line of the history\n'.repeat(2_000)}`
const NEW = 'new content\n'

describe('writeFileAtomic', () => {
  it('leaves a reader of the old file its whole old content, and puts a new file at the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-atomic-'))
    const path = join(dir, 'snapshots.jsonl')
    await writeFile(path, OLD)
    const before = await stat(path)
    // Given a reader that has the old file open (as a build reading the history would)
    const reader = await open(path, 'r')
    try {
      // When the file is replaced
      await writeFileAtomic(path, NEW)
      // Then the reader still reads every byte of the old content
      expect((await reader.readFile('utf8')) === OLD).toBe(true)
    } finally {
      await reader.close()
    }
    // And the path holds the new content, in a different file
    expect(await readFile(path, 'utf8')).toBe(NEW)
    expect((await stat(path)).ino).not.toBe(before.ino)
    // And no temp file is left beside it
    expect(await readdir(dir)).toEqual(['snapshots.jsonl'])
  })

  it('creates the folder and the file when neither exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-atomic-'))
    const path = join(dir, 'history', 'meetings.jsonl')
    await writeFileAtomic(path, NEW)
    expect(await readFile(path, 'utf8')).toBe(NEW)
    expect(await readdir(join(dir, 'history'))).toEqual(['meetings.jsonl'])
  })
})
