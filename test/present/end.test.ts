// The end of a presented talk (POST live/end) over raw HTTP: the minutes go
// into the meeting log of the workspace the deck was built in, once (a second
// end, in the same run or the next, is 'already' and changes nothing), with one
// line in the terminal; a folder outside a workspace is presented but not
// recorded, and says why.
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startPresenting } from '../../src/present/session.js'
import { acquireLock } from '../../src/workspace/store.js'
import { workspacePaths } from '../../src/workspace/paths.js'
import { deckFixture } from './fixture.js'
import { postJson } from './live-client.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const ENDED = { actual: { opening: 2.46, 'here-and-now': 6.5, roi: 31.04 }, planned: { opening: 3, 'here-and-now': 6, roi: 30 }, endedAt: '2026-11-24T08:41:12.000Z' }

/** A build folder in a workspace's out/, with what build.json says of the meeting and its agenda. */
async function builtDeck(): Promise<{ workspace: string; folder: string }> {
  const workspace = await makeWorkspace()
  const folder = join(workspace, 'out', '2026-11-24-policy')
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'deck.html'), '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>deck</body></html>')
  await writeFile(
    join(folder, 'build.json'),
    JSON.stringify({
      topic: { id: 'policy', title: 'Social media policy' },
      date: '2026-11-24',
      duration: 45,
      agenda: [
        { id: 'opening', title: 'Opening', minutes: 3, slideCount: 1, placeholder: false },
        { id: 'here-and-now', title: 'Here and now', minutes: 6, slideCount: 3, placeholder: false },
        { id: 'roi', title: 'ROI: what changed', minutes: 30, slideCount: 2, placeholder: false },
      ],
      slideCount: 6,
      files: [],
    }),
  )
  return { workspace, folder }
}

async function presenting(folder: string) {
  const lines: string[] = []
  const session = await startPresenting({ folder, hosts: ['127.0.0.1'] })
  session.events.on('line', (line) => lines.push(line))
  return { session, lines, end: (body: unknown = ENDED) => postJson(session.server.port, '/live/end', body) }
}

describe('POST live/end', () => {
  it('writes the minutes into the deck\'s meeting log once, and says so in one line', async () => {
    const { workspace, folder } = await builtDeck()
    const first = await presenting(folder)
    try {
      const answer = await first.end()
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.body)).toEqual({ recorded: 'written' })
      expect(first.lines).toEqual(['Recorded 40 minutes in history/meetings.jsonl (Opening 2.5, Here and now 6.5, ROI 31)'])
      const log = await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')
      const entries = log.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        date: '2026-11-24',
        topic: 'policy',
        source: 'held',
        deck: 'out/2026-11-24-policy',
        actual: { opening: 2.5, 'here-and-now': 6.5, roi: 31 },
        planned: { opening: 3, 'here-and-now': 6, roi: 30 },
        endedAt: '2026-11-24T08:41:12.000Z',
      })

      // The page ends twice (or two windows do): the second is not acted on.
      const again = await first.end({ ...ENDED, actual: { opening: 9 } })
      expect(JSON.parse(again.body)).toEqual({ recorded: 'already' })
      expect(await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')).toBe(log)
      expect(first.lines).toHaveLength(1)
    } finally {
      await first.session.close()
    }

    // The next run of present: the log already has this meeting's minutes.
    const second = await presenting(folder)
    try {
      const log = await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')
      expect(JSON.parse((await second.end({ ...ENDED, actual: { opening: 9 } })).body)).toEqual({ recorded: 'already' })
      expect(second.lines).toEqual(['The minutes of the 2026-11-24 meeting were already recorded in history/meetings.jsonl: kept as they are'])
      expect(await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')).toBe(log)
    } finally {
      await second.session.close()
    }
  })

  it('answers not-recorded while a build holds the workspace, and records a later end', async () => {
    const { workspace, folder } = await builtDeck()
    const { session, lines, end } = await presenting(folder)
    const lock = await acquireLock(workspacePaths(workspace).lock, 'a build in the test')
    try {
      const busy = JSON.parse((await end()).body) as { recorded: string; reason?: string }
      expect(busy.recorded).toBe('not-recorded')
      expect(busy.reason).toMatch(/a build in the test/)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^The talk ended, but its minutes were not recorded: .*a build in the test/)
      await lock.release()
      expect(JSON.parse((await end()).body)).toEqual({ recorded: 'written' })
      expect(lines[1]).toMatch(/^Recorded 40 minutes in history\/meetings\.jsonl/)
    } finally {
      await lock.release()
      await session.close()
    }
  })

  it('records nothing for a folder outside a workspace, and says why', async () => {
    const fixture = await deckFixture()
    const before = await listTree(fixture.root)
    const { session, lines, end } = await presenting(fixture.folder)
    try {
      const answer = await end()
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.body)).toEqual({ recorded: 'not-recorded', reason: 'presented from a folder outside a workspace' })
      expect(lines).toEqual(['The talk ended; presented from a folder outside a workspace: not recorded'])
      expect(await listTree(fixture.root)).toEqual(before)
    } finally {
      await session.close()
    }
  })
})
