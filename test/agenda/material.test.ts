// The one plan (agenda/material.ts): planned from the history and the latest
// audit as they are before the build, so a preview and the build agree. The
// expected agendas are written out by hand for the example workspace
// (showtell.yaml, demo/history.jsonl: four meetings, the last on 2026-11-17),
// never read back from the code under test.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { followMaterial, materialWords, planFromMaterial } from '../../src/agenda/material.js'
import type { StoredAudit } from '../../src/audit/store.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { Topic } from '../../src/topics/schema.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import type { WorkspaceConfig } from '../../src/workspace/schema.js'
import { REPO_ROOT } from '../helpers/cli.js'

let config: WorkspaceConfig
let policy: Topic
let history: HistoryEntry[]

beforeAll(async () => {
  const workspace = await loadWorkspace(REPO_ROOT)
  config = workspace.config
  policy = workspace.topics.get('policy')!.topic
  history = (await readFile(join(REPO_ROOT, 'demo', 'history.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as HistoryEntry)
})

const AUDIT: StoredAudit = {
  ranAt: '2026-12-01T09:30:00.000Z',
  generated: 10,
  candidates: 10,
  checked: 10,
  platforms: ['instagram'],
  budget: 100,
  findings: [{ platform: 'instagram', handle: 'nordlys.official', result: 'exists-unlisted', displayName: 'Nordlys Official', followers: 310, url: 'https://www.instagram.com/nordlys.official/' }],
} as StoredAudit

/** "id minutes" per segment, P for a placeholder: short enough to write out by hand. */
const agenda = (plan: { segments: readonly { id: string; minutes: number; placeholder: boolean }[] }) => plan.segments.map((s) => `${s.id} ${s.minutes}${s.placeholder ? ' P' : ''}`)

describe('planFromMaterial', () => {
  it('plans the example workspace with its snapshots in the history: here-and-now 6 and ROI 3 minutes, not 1-minute placeholders', () => {
    const { plan, material, words } = planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history, audit: AUDIT })
    expect(agenda(plan)).toEqual([
      'opening 2',
      'here-and-now 6',
      'loss-of-control 4',
      'key-points 8',
      'case-studies 6',
      'worst-cases 5',
      'exercise 5',
      'discussion 5',
      'roi 3',
      'next-meeting 1',
    ])
    expect(material).toEqual({ snapshots: true, accounts: 13, snapshotDate: '2026-11-17', auditDate: '2026-12-01' })
    expect(words).toBe('Planned with the snapshots of 2026-11-17 and the audit of 2026-12-01.')
  })

  it('with --no-snapshots, plans from the history alone: no here-and-now (no figures by hand), ROI from the four meetings', () => {
    const { plan, words } = planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history, snapshots: false })
    expect(agenda(plan)).toEqual([
      'opening 2',
      'here-and-now 1 P',
      'loss-of-control 4',
      'key-points 8',
      'case-studies 6',
      'worst-cases 6',
      'exercise 6',
      'discussion 6',
      'roi 4',
      'next-meeting 2',
    ])
    expect(words).toBe('Planned with no new snapshots (--no-snapshots), the history up to 2026-11-17 and no audit yet.')
  })

  it('with no history, the build’s own snapshots fill the here-and-now, and ROI (one measurement) is a placeholder', () => {
    const { plan, words } = planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history: [] })
    // No history: every account is expected to answer with no numbers yet, so the segment is what to
    // look for, the overview and the executive scorecard, no spotlight (nothing changed yet): 3 slides,
    // at most ceil(3 × 1.5) = 5 minutes. The minutes it gives up go by weight to worst cases,
    // exercise and discussion.
    expect(agenda(plan)).toEqual([
      'opening 2',
      'here-and-now 5',
      'loss-of-control 4',
      'key-points 8',
      'case-studies 6',
      'worst-cases 6',
      'exercise 6',
      'discussion 6',
      'roi 1 P',
      'next-meeting 1',
    ])
    expect(words).toBe('Planned with no snapshots in the history yet and no audit yet.')
  })

  it('with no accounts there is nothing to snapshot (nor an unofficial account to watch), and it says so', () => {
    const bare = { ...config, accounts: [] }
    const { plan, words } = planFromMaterial({ config: bare, topic: policy, date: '2026-12-08', duration: 45, history: [] })
    expect(plan.segments.filter((s) => s.placeholder).map((s) => s.id)).toEqual(['here-and-now', 'loss-of-control', 'roi'])
    expect(words).toBe('Planned with no accounts to snapshot and no audit yet.')
  })

  it('a history after the meeting date is not used; the last meeting before it is', () => {
    const { plan, material } = planFromMaterial({ config, topic: policy, date: '2026-11-10', duration: 45, history })
    // Two earlier meetings (10-27, 11-03) and today's expected snapshot: a trend.
    expect(material.snapshotDate).toBe('2026-11-10')
    expect(plan.segments.find((s) => s.id === 'roi')).toMatchObject({ placeholder: false })
    const first = planFromMaterial({ config, topic: policy, date: '2026-10-20', duration: 45, history })
    expect(first.material.snapshotDate).toBeUndefined()
    expect(first.plan.segments.find((s) => s.id === 'roi')).toMatchObject({ minutes: 1, placeholder: true })
  })

  it('a figure entered by hand is no snapshot: it does not date the plan, nor make a failed account look answered', () => {
    const account = config.accounts[0]!.id
    const hand: HistoryEntry = {
      date: '2026-11-30',
      capturedAt: '2026-11-30T12:00:00.000Z',
      account,
      platform: config.accounts[0]!.platform,
      status: 'ok',
      metrics: { followers: { value: 12000, source: 'manual', note: 'from the analytics page' } },
    } as HistoryEntry
    const { material } = planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history: [...history, hand] })
    expect(material.snapshotDate).toBe('2026-11-17')
  })

  it('the here-and-now is counted from the accounts as they answered last time: those that failed share one table', () => {
    // What to look for, the overview of all eleven, and three spotlights: the seeded history's largest
    // relative changes from 2026-11-10 to 2026-11-17 of 3% or more: TikTok +4.6%, Bluesky +4.0%, Threads +3.5%
    // (the CEO's +3.2% is a fourth, over the cap of three), and the executive scorecard. The per-account
    // slides are in the appendix.
    expect(planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history }).input.slides?.get('here-and-now')).toBe(6)
    const failed = history.map((e) => (e.date === '2026-11-17' ? { ...e, status: 'blocked' as const, reason: 'login wall', metrics: {} } : e))
    const { input } = planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history: failed })
    // What to look for, the overview, one slide for the nine not read and the executive scorecard; a
    // blocked account is never a spotlight.
    expect(input.slides?.get('here-and-now')).toBe(4)
  })
})

describe('followMaterial', () => {
  it('keeps every planned minute and switches only the segments whose material came or went, naming each', () => {
    const { plan } = planFromMaterial({ config, topic: policy, date: '2026-12-08', duration: 45, history })
    const followed = followMaterial(plan, new Set(['roi', 'opening']))
    expect(followed.plan.segments.map((s) => s.minutes)).toEqual(plan.segments.map((s) => s.minutes))
    // The opening has no fill hint: it always has material.
    expect(followed.plan.segments.filter((s) => s.placeholder).map((s) => s.id)).toEqual(['roi'])
    expect(followed.changes).toEqual([`"ROI: what changed" was planned with material, but this build's snapshots have none for it: it shows its placeholder in its planned minutes`])
    const back = followMaterial(followed.plan, new Set())
    expect(back.plan.segments.some((s) => s.placeholder)).toBe(false)
    expect(back.changes).toHaveLength(1)
    expect(followMaterial(plan, new Set()).changes).toEqual([])
  })
})

describe('materialWords', () => {
  it('names the snapshots and the audit it assumed', () => {
    expect(materialWords({ snapshots: true, accounts: 3, snapshotDate: '2026-12-04', auditDate: '2026-12-01' })).toBe('Planned with the snapshots of 2026-12-04 and the audit of 2026-12-01.')
    expect(materialWords({ snapshots: false, accounts: 3 })).toBe('Planned with no new snapshots (--no-snapshots) and no audit yet.')
  })
})
