// Given a history holding figures entered by hand (source `manual`, with a
// note), when showtell reads it, then they are good entries with their note,
// a source showtell never writes is still refused, and `handFigure` returns a
// hand figure only while no automatic value is newer.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handFigure, HISTORY_FILE, readHistory, type HistoryEntry } from '../../src/snapshot/history.js'

const MANUAL = '{"date":"2026-11-20","capturedAt":"2026-11-20T12:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"followers":{"value":12500,"source":"manual","note":"from analytics, Visitors"},"lastPostAt":{"value":"2026-11-18T00:00:00.000Z","source":"manual"}}}'
const GUESS = '{"date":"2026-11-21","capturedAt":"2026-11-21T12:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"followers":{"value":1,"source":"guess"}}}'
const NOTE_NUMBER = '{"date":"2026-11-21","capturedAt":"2026-11-21T12:00:00.000Z","account":"acme","platform":"linkedin","status":"ok","metrics":{"followers":{"value":1,"source":"manual","note":5}}}'

describe('hand figures in the history', () => {
  it('reads a manual figure with its note, and refuses a source or a note showtell never writes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'showtell-history-manual-'))
    await mkdir(join(root, 'history'))
    await writeFile(join(root, HISTORY_FILE), `${[MANUAL, GUESS, NOTE_NUMBER].join('\n')}\n`)
    const history = await readHistory(root)
    expect(history.entries).toEqual([JSON.parse(MANUAL)])
    expect(history.problems).toEqual([
      'history/snapshots.jsonl:2 metrics.followers.source: expected one of api, feed, meta, embedded-json, page-text, manual, got "guess"',
      'history/snapshots.jsonl:3 metrics.followers.note: expected a string, got 5',
    ])
  })

  const hand = (date: string, capturedAt: string, value: number): HistoryEntry => ({ date, capturedAt, account: 'acme', platform: 'linkedin', status: 'ok', metrics: { followers: { value, source: 'manual', note: 'n' } } })
  const auto = (date: string, capturedAt: string, value: number, status: HistoryEntry['status'] = 'ok'): HistoryEntry => ({ date, capturedAt, account: 'acme', platform: 'linkedin', status, metrics: status === 'ok' ? { followers: { value, source: 'meta' } } : {} })

  it('handFigure: the newest good value when it was entered by hand, never one an automatic value is newer than', () => {
    const entries = [auto('2026-11-10', '2026-11-10T08:00:00.000Z', 100), hand('2026-11-17', '2026-11-20T09:00:00.000Z', 120), auto('2026-11-19', '2026-11-19T08:00:00.000Z', 0, 'blocked')]
    expect(handFigure(entries, 'acme', 'followers', '2026-11-24')).toEqual({ metric: { value: 120, source: 'manual', note: 'n' }, date: '2026-11-17' })
    // Before the hand figure's day, the automatic value is the newest.
    expect(handFigure(entries, 'acme', 'followers', '2026-11-16')).toBeUndefined()
    // A later automatic value wins, even one captured before the figure was typed in.
    expect(handFigure([...entries, auto('2026-11-18', '2026-11-18T08:00:00.000Z', 130)], 'acme', 'followers', '2026-11-24')).toBeUndefined()
    expect(handFigure(entries, 'acme', 'posts', '2026-11-24')).toBeUndefined()
    expect(handFigure(entries, 'other', 'followers', '2026-11-24')).toBeUndefined()
  })
})
