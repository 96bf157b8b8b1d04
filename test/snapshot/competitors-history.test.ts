// Given history files as they are on disk, when they are read and written,
// then: a history written before competitors were snapshotted (no marker, a
// line without metrics) still reads as ours; a competitor's result never
// becomes a row of ours, and lands in history/competitors.jsonl marked with
// its competitor; a row marked as a competitor's in our file is not read as
// ours (it is kept verbatim and named); and a row without its competitor in
// the competitors' file is not read either.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendCompetitorHistory, appendHistory, readCompetitorHistory, readHistory } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const OLD_LINES = [
  // As showtell wrote it before metrics were recorded.
  '{"date":"2026-10-27","capturedAt":"2026-10-27T08:00:00.000Z","account":"nordlys-instagram","platform":"instagram","status":"ok"}',
  '{"date":"2026-11-17","capturedAt":"2026-11-17T08:00:00.000Z","account":"nordlys-instagram","platform":"instagram","status":"ok","metrics":{"followers":{"value":87800,"source":"page-text"}}}',
]

function result(account: string, followers: number, competitor?: string): SnapshotResult {
  return {
    account,
    platform: 'instagram',
    label: account,
    url: 'https://example.test/',
    status: 'ok',
    metrics: { followers: { value: followers, source: 'page-text' } },
    capturedAt: '2026-11-24T08:00:00.000Z',
    durationMs: 1,
    ...(competitor ? { competitor } : {}),
  }
}

async function lines(root: string, file: string): Promise<string[]> {
  return (await readFile(join(root, 'history', file), 'utf8')).trim().split('\n')
}

describe('the competitors history, apart from ours', () => {
  it('a history from before competitors reads as ours, every line', async () => {
    const root = await makeWorkspace({ 'history/snapshots.jsonl': `${OLD_LINES.join('\n')}\n` })
    const history = await readHistory(root)
    expect(history.problems).toBeUndefined()
    expect(history.entries.map((e) => [e.date, e.account, e.metrics.followers?.value ?? null])).toEqual([
      ['2026-10-27', 'nordlys-instagram', null],
      ['2026-11-17', 'nordlys-instagram', 87800],
    ])
    expect((await readCompetitorHistory(root)).entries).toEqual([])
  })

  it("a run's results go to two files: ours unmarked, the competitor's marked, and never the other way", async () => {
    const root = await makeWorkspace({ 'history/snapshots.jsonl': `${OLD_LINES.join('\n')}\n` })
    const run = [result('nordlys-instagram', 88700), result('fjellkraft-instagram', 41200, 'Fjellkraft')]
    // Even given every result, the writer of our history keeps ours only.
    await appendHistory(root, '2026-11-24', run)
    await appendCompetitorHistory(root, '2026-11-24', run)
    const ours = await lines(root, 'snapshots.jsonl')
    // The old lines stay (rewritten as showtell writes them: the one without metrics gets an empty set).
    expect(ours.slice(0, 2).map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([{ ...JSON.parse(OLD_LINES[0]!), metrics: {} }, JSON.parse(OLD_LINES[1]!)])
    expect(ours.slice(2).map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      { date: '2026-11-24', capturedAt: '2026-11-24T08:00:00.000Z', account: 'nordlys-instagram', platform: 'instagram', status: 'ok', metrics: { followers: { value: 88700, source: 'page-text' } } },
    ])
    const theirs = (await lines(root, 'competitors.jsonl')).map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(theirs).toEqual([
      { date: '2026-11-24', capturedAt: '2026-11-24T08:00:00.000Z', account: 'fjellkraft-instagram', platform: 'instagram', status: 'ok', metrics: { followers: { value: 41200, source: 'page-text' } }, competitor: 'Fjellkraft' },
    ])
    expect((await readHistory(root)).entries.map((e) => e.account)).toEqual(['nordlys-instagram', 'nordlys-instagram', 'nordlys-instagram'])
    expect((await readCompetitorHistory(root)).entries.map((e) => [e.competitor, e.account, e.metrics.followers?.value])).toEqual([['Fjellkraft', 'fjellkraft-instagram', 41200]])
  })

  it("a competitor's row moved into our file is not ours: left out of the numbers, named, and kept verbatim on the next write", async () => {
    const moved = '{"date":"2026-11-17","capturedAt":"2026-11-17T08:00:00.000Z","account":"fjellkraft-instagram","platform":"instagram","status":"ok","metrics":{"followers":{"value":900000,"source":"page-text"}},"competitor":"Fjellkraft"}'
    const root = await makeWorkspace({ 'history/snapshots.jsonl': `${OLD_LINES[1]}\n${moved}\n` })
    const history = await readHistory(root)
    expect(history.entries.map((e) => e.account)).toEqual(['nordlys-instagram'])
    expect(history.problems).toEqual([
      'history/snapshots.jsonl:2 competitor: expected a row of ours (a competitor\'s row belongs in history/competitors.jsonl), got the competitor "Fjellkraft"',
    ])
    await appendHistory(root, '2026-11-24', [result('nordlys-instagram', 88700)], history)
    expect((await lines(root, 'snapshots.jsonl'))[0]).toBe(moved)
  })

  it("a row without its competitor in the competitors' file is not read", async () => {
    const root = await makeWorkspace({ 'history/competitors.jsonl': `${OLD_LINES[1]}\n` })
    const history = await readCompetitorHistory(root)
    expect(history.entries).toEqual([])
    expect(history.problems).toEqual(["history/competitors.jsonl:1 competitor: expected the competitor's name, got nothing"])
  })

  it("the demo's seed of the competitors' history reads whole: every row marked, for the example's competitors only", async () => {
    const seed = await readFile(join(REPO_ROOT, 'demo', 'competitors.jsonl'), 'utf8')
    const root = await makeWorkspace({ 'history/competitors.jsonl': seed })
    const history = await readCompetitorHistory(root)
    expect(history.problems).toBeUndefined()
    expect(history.entries).toHaveLength(20)
    expect([...new Set(history.entries.map((e) => `${e.competitor}/${e.account}`))].sort()).toEqual(['Fjellkraft/fjellkraft-bluesky', 'Fjellkraft/fjellkraft-instagram', 'Fjellkraft/fjellkraft-linkedin', 'Villmark Gear/villmark-bluesky', 'Villmark Gear/villmark-instagram'])
  })
})
