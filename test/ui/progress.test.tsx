// A snapshot run's rows as the app shows them (src/ui/progress.ts): ours
// first, then the competitors', each marked with its competitor and named
// the short way (ours) or by its label; and AccountProgress, which puts the
// competitors under a heading of their own when every row fits, and marks
// each one "competitor" when they do not.
import { render } from 'ink-testing-library'
import { parse } from 'yaml'
import { afterEach, describe, expect, it } from 'vitest'
import AccountProgress from '../../src/ui/components/AccountProgress.js'
import { allAccountIds, applySnapshotEvent, waitingRows, type AccountState } from '../../src/ui/progress.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { VIEWS_CONFIG } from './fixtures.js'

const config = workspaceConfigSchema.parse(parse(VIEWS_CONFIG))
const HEADING = 'Competitors · public sources only, never counted as ours'

describe('waitingRows', () => {
  it('lists every account of a full run: ours in file order, then each competitor’s, all waiting', () => {
    expect(allAccountIds(config)).toEqual(['testco-instagram', 'testco-linkedin', 'kari-linkedin', 'kari-x', 'ola-x', 'per-linkedin', 'fjellkraft-instagram', 'fjellkraft-linkedin', 'villmark-instagram', 'siri-x'])
    expect(waitingRows(config).map((r) => [r.id, r.label, r.competitor ?? null, r.state])).toEqual([
      // Ours without the company's name ("Testco on Instagram" → "Instagram"); a leader's label as it is.
      ['testco-instagram', 'Instagram', null, 'waiting'],
      ['testco-linkedin', 'LinkedIn', null, 'waiting'],
      ['kari-linkedin', 'Kari on LinkedIn', null, 'waiting'],
      ['kari-x', 'Kari on X', null, 'waiting'],
      ['ola-x', 'Ola Hansen', null, 'waiting'],
      ['per-linkedin', 'Per Berg', null, 'waiting'],
      // A competitor's label keeps its name: "Instagram" alone would read as ours.
      ['fjellkraft-instagram', 'Fjellkraft Instagram', 'Fjellkraft', 'waiting'],
      ['fjellkraft-linkedin', 'Fjellkraft LinkedIn', 'Fjellkraft', 'waiting'],
      ['villmark-instagram', 'Villmark Gear Instagram', 'Villmark Gear', 'waiting'],
      ['siri-x', 'Siri Dal', 'Villmark Gear', 'waiting'],
    ])
  })

  it('puts ours before the competitors’ whatever order it is given, keeping each side’s order; an unknown id is its own label', () => {
    const rows = waitingRows(config, ['villmark-instagram', 'testco-linkedin', 'fjellkraft-linkedin', 'not-in-config', 'testco-instagram'])
    expect(rows.map((r) => `${r.id}|${r.label}|${r.competitor ?? ''}`)).toEqual([
      'testco-linkedin|LinkedIn|',
      'not-in-config|not-in-config|',
      'testco-instagram|Instagram|',
      'villmark-instagram|Villmark Gear Instagram|Villmark Gear',
      'fjellkraft-linkedin|Fjellkraft LinkedIn|Fjellkraft',
    ])
  })

  it('names a competitor’s account without a label by the competitor and platform', () => {
    const bare = workspaceConfigSchema.parse(
      parse(VIEWS_CONFIG.replace('        url: https://www.instagram.com/villmarkgear/\n        label: Villmark Gear on Instagram\n', '        url: https://www.instagram.com/villmarkgear/\n')),
    )
    expect(waitingRows(bare, ['villmark-instagram'])).toEqual([{ id: 'villmark-instagram', label: 'Villmark Gear Instagram', competitor: 'Villmark Gear', state: 'waiting' }])
  })
})

const result = (account: string, status: SnapshotResult['status'], reason?: string): SnapshotResult => ({
  account,
  platform: 'instagram',
  label: account,
  url: 'http://127.0.0.1/',
  status,
  ...(reason ? { reason } : {}),
  metrics: {},
  capturedAt: '2026-11-20T12:00:00.000Z',
  durationMs: 1500,
})

describe('AccountProgress', () => {
  let unmount: (() => void) | undefined
  afterEach(() => {
    unmount?.()
    unmount = undefined
  })
  const draw = (accounts: readonly AccountState[], height: number) => {
    const instance = render(<AccountProgress accounts={accounts} height={height} />)
    unmount = instance.unmount
    return (instance.lastFrame() ?? '').split('\n')
  }
  let rows = waitingRows(config, ['testco-instagram', 'testco-linkedin', 'fjellkraft-linkedin', 'villmark-instagram'])
  rows = applySnapshotEvent(rows, { type: 'account-done', result: result('testco-instagram', 'ok'), done: 1, total: 4 })
  rows = applySnapshotEvent(rows, { type: 'account-done', result: result('fjellkraft-linkedin', 'blocked', 'login wall'), done: 2, total: 4 })

  it('shows the competitors under their own heading, after ours, when every row fits (4 rows and the heading in 5)', () => {
    const lines = draw(rows, 5)
    expect(lines[0]).toMatch(/^Snapshots .* 2\/4$/)
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}✓ Instagram\s+ok 1\.5 s$/),
      expect.stringMatching(/^ {2}· LinkedIn\s+waiting$/),
      `  ${HEADING}`,
      expect.stringMatching(/^ {2}✗ Fjellkraft LinkedIn +blocked \(login wall\) 1\.5 s$/),
      expect.stringMatching(/^ {2}· Villmark Gear Instagram +waiting$/),
    ])
    expect(lines.join('\n')).not.toContain('competitor ')
  })

  it('without room for the heading, marks each competitor’s row instead', () => {
    const lines = draw(rows, 4)
    expect(lines).not.toContain(`  ${HEADING}`)
    expect(lines.find((l) => l.includes('Fjellkraft LinkedIn'))).toMatch(/competitor blocked \(login wall\)/)
    expect(lines.find((l) => l.includes('Villmark Gear'))).toMatch(/competitor waiting/)
    expect(lines.find((l) => l.includes('Instagram') && !l.includes('Villmark'))).not.toContain('competitor')
  })

  it('has no heading in a run of ours only', () => {
    const lines = draw(waitingRows(config, ['testco-instagram', 'testco-linkedin']), 10)
    expect(lines.join('\n')).not.toContain('Competitors')
  })
})
