// The rotation as a user drives it from the command line, with the clock
// pinned: builds record meetings in history/meetings.jsonl, the log moves the
// rotation on, `build --next` follows the schedule, `schedule held` records a
// meeting without a build, and `topics` shows when each topic was last
// covered and when it is due.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeWorkspace } from '../helpers/workspace.js'
import { readLogLines, runAt } from './support.js'

// No accounts, so no browser; --format md keeps the builds quick.
const CONFIG = `# Nextco: weekly briefing, no accounts yet.
company:
  name: Nextco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2027-03-02
rotation:
  order: [policy, governance]
`
// The rotation: policy, governance, then the other built-in topics by id.
const MONDAY_BEFORE = '2027-03-01T12:00:00Z' // the day before the first meeting
const WEDNESDAY_AFTER = '2027-03-03T12:00:00Z' // the day after it

interface Planned {
  date: string
  topic: string
  title: string
  reason: { kind: string; source?: string; lastCovered?: string }
  reasonText: string
  start: string
  end: string
  startUtc: string
  endUtc: string
  timezone: string
  duration: number
}

async function scheduleJson(now: string, dir: string, weeks = 3): Promise<Planned[]> {
  const result = await runAt(now, ['schedule', '--json', '--weeks', String(weeks)], dir)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as Planned[]
}

const brief = (plan: Planned[]) => plan.map((m) => [m.date, m.topic, m.reasonText])

async function buildNext(now: string, dir: string, date?: string): Promise<{ topic: { id: string; title: string }; date: string; outDir: string }> {
  const result = await runAt(now, ['build', '--next', '--format', 'md', '--json', ...(date ? ['--date', date] : [])], dir)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout)
}

describe('the meeting log drives the rotation', () => {
  it('two builds advance the rotation, --next follows it, and topics shows last covered and due', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG })

    const before = await scheduleJson(MONDAY_BEFORE, dir)
    expect(brief(before)).toEqual([
      ['2027-03-02', 'policy', 'never covered'],
      ['2027-03-09', 'governance', 'never covered'],
      ['2027-03-16', 'account-security', 'never covered'],
    ])
    expect(before[0]).toEqual({
      date: '2027-03-02',
      start: '2027-03-02T09:00:00+01:00',
      end: '2027-03-02T09:45:00+01:00',
      startUtc: '2027-03-02T08:00:00.000Z',
      endUtc: '2027-03-02T08:45:00.000Z',
      timezone: 'Europe/Oslo',
      duration: 45,
      topic: 'policy',
      title: 'Social media policy',
      reason: { kind: 'never-covered' },
      reasonText: 'never covered',
    })

    // First build: the scheduled topic, recorded in the log.
    const first = await buildNext(MONDAY_BEFORE, dir, '2027-03-02')
    expect(first.topic).toEqual({ id: 'policy', title: 'Social media policy' })
    expect(first.date).toBe('2027-03-02')
    await readFile(join(dir, 'out', '2027-03-02-policy', 'deck.md'), 'utf8')
    expect(await readLogLines(dir)).toEqual([
      { date: '2027-03-02', topic: 'policy', source: 'build', deck: 'out/2027-03-02-policy', recordedAt: '2027-03-01T12:00:00.000Z' },
    ])

    // The schedule now shows that meeting as held.
    expect(brief(await scheduleJson(MONDAY_BEFORE, dir))).toEqual([
      ['2027-03-02', 'policy', 'held (deck built)'],
      ['2027-03-09', 'governance', 'never covered'],
      ['2027-03-16', 'account-security', 'never covered'],
    ])
    // After the meeting, policy goes to the back of the queue: every other topic first.
    const later = await scheduleJson(WEDNESDAY_AFTER, dir, 14)
    expect(later).toHaveLength(14)
    expect(later[0]).toMatchObject({ date: '2027-03-09', topic: 'governance', reason: { kind: 'never-covered' } })
    expect(later.at(-1)).toMatchObject({
      date: '2027-06-08',
      topic: 'policy',
      reason: { kind: 'least-recent', lastCovered: '2027-03-02' },
      reasonText: 'least recently covered (last on 2027-03-02)',
    })
    expect(new Set(later.slice(0, 13).map((m) => m.topic)).size).toBe(13)
    expect(later.slice(0, 13).map((m) => m.topic)).not.toContain('policy')

    // Topics: last covered and next due.
    const topics = await runAt(WEDNESDAY_AFTER, ['topics', '--json'], dir)
    expect(topics.code).toBe(0)
    const rows = new Map((JSON.parse(topics.stdout) as { id: string; lastCovered: string | null; due: string | null; lastBuilt: string | null }[]).map((r) => [r.id, r]))
    expect(rows.size).toBe(14)
    expect(rows.get('policy')).toMatchObject({ lastCovered: '2027-03-02', due: '2027-06-08', lastBuilt: '2027-03-02' })
    expect(rows.get('governance')).toMatchObject({ lastCovered: null, due: '2027-03-09', lastBuilt: null })
    expect(rows.get('account-security')).toMatchObject({ lastCovered: null, due: '2027-03-16' })
    expect(rows.get('talent')).toMatchObject({ lastCovered: null, due: '2027-06-01' })

    // Second build: --next takes the next scheduled topic.
    const second = await buildNext(WEDNESDAY_AFTER, dir, '2027-03-09')
    expect(second.topic.id).toBe('governance')
    expect(second.date).toBe('2027-03-09')
    expect((await readLogLines(dir)).map((e) => [e.date, e.topic, e.source, e.deck])).toEqual([
      ['2027-03-02', 'policy', 'build', 'out/2027-03-02-policy'],
      ['2027-03-09', 'governance', 'build', 'out/2027-03-09-governance'],
    ])
    expect(brief(await scheduleJson(WEDNESDAY_AFTER, dir))).toEqual([
      ['2027-03-09', 'governance', 'held (deck built)'],
      ['2027-03-16', 'account-security', 'never covered'],
      ['2027-03-23', 'blogging', 'never covered'],
    ])

    // The human-readable table says the same.
    const table = await runAt(WEDNESDAY_AFTER, ['schedule', '--weeks', '2'], dir)
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/2027-03-09 tue\s+09:00–09:45\s+Governance and roles\s+held \(deck built\)/)
    expect(table.stdout).toMatch(/2027-03-16 tue\s+09:00–09:45\s+Account security\s+never covered/)
    expect(table.stdout).toContain('2 meetings in the next 2 weeks · tuesdays 09:00 Europe/Oslo, 45 min · policy least-recent')
  })

  it('build --next without --date takes the next meeting day and the topic the schedule shows for it, pins counted', async () => {
    // policy is pinned for the second meeting, so the schedule gives the first one to governance.
    const dir = await makeWorkspace({ 'showtell.yaml': `${CONFIG}  pins: { 2027-03-09: policy }\n` })
    expect(brief(await scheduleJson(MONDAY_BEFORE, dir))).toEqual([
      ['2027-03-02', 'governance', 'never covered'],
      ['2027-03-09', 'policy', 'pinned'],
      ['2027-03-16', 'account-security', 'never covered'],
    ])
    const built = await buildNext(MONDAY_BEFORE, dir)
    expect(built.date).toBe('2027-03-02')
    expect(built.topic.id).toBe('governance')
  })

  it("the deck's next-meeting slide names the next topic, counting the meeting being built", async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG })
    const built = await buildNext(MONDAY_BEFORE, dir, '2027-03-02')
    expect(built.topic.id).toBe('policy')
    const deck = await readFile(join(dir, 'out', '2027-03-02-policy', 'deck.md'), 'utf8')
    // What `showtell schedule` shows for 2027-03-09 after this build (see above): governance.
    expect(deck).toContain('# Next briefing: Tuesday 9 March 2027\n\nTopic: Governance and roles\n')
  })

  it("the deck's next-meeting slide names the topic the schedule has for the next meeting, pins counted", async () => {
    // governance is pinned for the third meeting, so the second one goes to account-security.
    const dir = await makeWorkspace({ 'showtell.yaml': `${CONFIG}  pins: { 2027-03-16: governance }\n` })
    expect(brief(await scheduleJson(MONDAY_BEFORE, dir))).toEqual([
      ['2027-03-02', 'policy', 'never covered'],
      ['2027-03-09', 'account-security', 'never covered'],
      ['2027-03-16', 'governance', 'pinned'],
    ])
    const built = await buildNext(MONDAY_BEFORE, dir, '2027-03-02')
    expect(built.topic.id).toBe('policy')
    const deck = await readFile(join(dir, 'out', '2027-03-02-policy', 'deck.md'), 'utf8')
    expect(deck).toContain('# Next briefing: Tuesday 9 March 2027\n\nTopic: Account security\n')
  })
})

describe('showtell schedule held', () => {
  it('records a meeting without a build; the topic defaults to the scheduled one', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG })
    const held = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-02'], dir)
    expect(held.stderr).toBe('')
    expect(held.code).toBe(0)
    expect(held.stdout).toBe('Recorded Social media policy as held on 2027-03-02 (history/meetings.jsonl)\n')

    const named = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-09', 'crisis'], dir)
    expect(named.code).toBe(0)
    expect(named.stdout).toBe('Recorded Crisis and worst cases as held on 2027-03-09 (history/meetings.jsonl)\n')

    expect(await readLogLines(dir)).toEqual([
      { date: '2027-03-02', topic: 'policy', source: 'held', recordedAt: '2027-03-01T12:00:00.000Z' },
      { date: '2027-03-09', topic: 'crisis', source: 'held', recordedAt: '2027-03-01T12:00:00.000Z' },
    ])
    expect(brief(await scheduleJson(MONDAY_BEFORE, dir, 4))).toEqual([
      ['2027-03-02', 'policy', 'held'],
      ['2027-03-09', 'crisis', 'held'],
      ['2027-03-16', 'governance', 'never covered'],
      ['2027-03-23', 'account-security', 'never covered'],
    ])
  })

  it('without a topic, records what the schedule shows for that date, pins counted', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': `${CONFIG}  pins: { 2027-03-09: policy }\n` })
    const held = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-02'], dir)
    expect(held.code).toBe(0)
    expect((await readLogLines(dir)).map((e) => e.topic)).toEqual(['governance'])
  })

  it('waits its turn: while a build holds the workspace lock it fails and writes nothing, and works once the lock is gone', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG })
    // A live process (this test's) holds the lock, as a running build would.
    await mkdir(join(dir, 'out'), { recursive: true })
    await writeFile(join(dir, 'out', '.build.lock'), JSON.stringify({ pid: process.pid, purpose: 'building 2027-03-02-policy', since: '2027-03-01T11:59:00.000Z' }))
    const locked = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-02'], dir)
    expect(locked.code).toBe(1)
    expect(locked.stderr).toMatch(/^showtell: another showtell process \(pid \d+, building 2027-03-02-policy since .*\) holds the lock/)
    await expect(readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
    await rm(join(dir, 'out', '.build.lock'))
    const held = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-02'], dir)
    expect(held.code).toBe(0)
    expect((await readLogLines(dir)).map((e) => e.date)).toEqual(['2027-03-02'])
  })

  it('rejects a date that is not a meeting (without a topic) and an unknown topic, writing nothing', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG })
    const wednesday = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-03'], dir)
    expect(wednesday.code).toBe(2)
    expect(wednesday.stderr).toMatch(/^showtell: DATE: 2027-03-03 is not a scheduled meeting/)
    const unknown = await runAt(MONDAY_BEFORE, ['schedule', 'held', '2027-03-02', 'no-such-topic'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown topic "no-such-topic"')
    await expect(readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
