// The staged build folder and the interrupt cleanups: an interrupt that comes
// while the new folder is being swapped in waits for the swap (two renames)
// instead of tearing it; one that comes before the swap discards the folder,
// and the swap then refuses, leaving the earlier folder as it was.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCleanups } from '../../src/process/cleanup.js'
import { stageFolder } from '../../src/workspace/store.js'

async function outWithEarlierDeck(): Promise<{ out: string; target: string }> {
  const out = await mkdtemp(join(tmpdir(), 'showtell-staging-'))
  const target = join(out, '2026-11-24-policy')
  await mkdir(target)
  await writeFile(join(target, 'deck.md'), 'the earlier deck')
  return { out, target }
}

describe('an interrupt and the staged folder', () => {
  it('during the swap: the cleanup waits, and the new deck is in place whole', async () => {
    const { out, target } = await outWithEarlierDeck()
    const staged = await stageFolder(target)
    await writeFile(join(staged.path, 'deck.md'), 'the new deck')
    // Enough files that removing the folder would still be under way while it is renamed.
    await mkdir(join(staged.path, 'snapshots'))
    for (let i = 0; i < 300; i++) await writeFile(join(staged.path, 'snapshots', `${i}.png`), 'x')
    const swap = staged.commit()
    await runCleanups()
    await swap
    expect(await readFile(join(target, 'deck.md'), 'utf8')).toBe('the new deck')
    expect(await readdir(join(target, 'snapshots'))).toHaveLength(300)
    expect(await readdir(out)).toEqual(['2026-11-24-policy'])
  })

  it('before the swap: the folder is discarded, the swap refuses, the earlier deck stays', async () => {
    const { out, target } = await outWithEarlierDeck()
    const staged = await stageFolder(target)
    await writeFile(join(staged.path, 'deck.md'), 'the new deck')
    await runCleanups()
    await expect(staged.commit()).rejects.toThrow('the staged build folder was discarded (interrupted)')
    expect(await readFile(join(target, 'deck.md'), 'utf8')).toBe('the earlier deck')
    expect(await readdir(out)).toEqual(['2026-11-24-policy'])
  })

  it('after an ordinary discard or commit, nothing is left registered to undo', async () => {
    const { out, target } = await outWithEarlierDeck()
    const first = await stageFolder(target)
    await first.discard()
    const second = await stageFolder(target)
    await writeFile(join(second.path, 'deck.md'), 'the new deck')
    await second.commit()
    // An interrupt now must not touch the committed deck.
    await runCleanups()
    expect(await readFile(join(target, 'deck.md'), 'utf8')).toBe('the new deck')
    expect(await readdir(out)).toEqual(['2026-11-24-policy'])
  })
})
