// One plan everywhere (issue 12): the app's Topics screen, `showtell topics
// show ID --json` and the built deck's manifest give the same agenda, because
// all three plan from the same material (the history and the latest audit on
// disk before the build). The example workspace (showtell.yaml, its history
// from demo/history.jsonl), its accounts sent to the demo site on 127.0.0.1.
// The expected agendas are written out by hand, not read from one of the three.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { START } from '../../src/ui/state.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'
import { stringify } from 'yaml'
import { renderApp, type AppHarness } from '../ui/harness.js'

let site: DemoSite
let app: AppHarness | undefined

beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site.close()
})
afterEach(async () => {
  await app?.close()
  app = undefined
})

const AUDIT = {
  ranAt: '2026-11-20T09:30:00.000Z',
  generated: 10,
  candidates: 10,
  checked: 10,
  platforms: ['instagram'],
  budget: 100,
  findings: [{ platform: 'instagram', handle: 'nordlys.official', result: 'exists-unlisted', displayName: 'Nordlys Official', followers: 310, url: 'http://127.0.0.1:9/instagram/nordlys.official/' }],
}

/** The example workspace, its accounts and endpoints on this test's demo site. */
async function exampleWorkspace(withHistory: boolean): Promise<string> {
  const config = (await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8')).replaceAll('http://127.0.0.1:4321', site.url)
  return makeWorkspace({
    'showtell.yaml': config,
    ...(withHistory
      ? { 'history/snapshots.jsonl': await readFile(join(REPO_ROOT, 'demo', 'history.jsonl'), 'utf8'), 'history/audit.json': JSON.stringify(AUDIT) }
      : {}),
  })
}

/** "minutes" per segment, " P" for a placeholder, in agenda order. */
type Agenda = string[]
const fromPlan = (segments: readonly { minutes: number; placeholder: boolean }[]): Agenda => segments.map((s) => `${s.minutes}${s.placeholder ? ' P' : ''}`)

/** The Topics screen's agenda for "Social media policy", as a person reads it off the screen. */
async function topicsScreen(dir: string): Promise<{ agenda: Agenda; words: string }> {
  app = await renderApp(dir, { initial: { ...START, stack: [...START.stack, { name: 'topics' }] }, size: { columns: 160, rows: 40 } })
  const selected = () => /›(.+?)\s{2,}/.exec(app!.frame())?.[1]?.trim() ?? ''
  await app.waitFor('Agenda for')
  for (let i = 0; i < 20 && selected() !== 'Social media policy'; i++) await app.press('j')
  expect(selected()).toBe('Social media policy')
  const frame = await app.waitFor((f) => f.includes('Agenda for 45 min') && f.includes('Planned with') && /›Social media policy/.test(f) && !f.includes('Planning'))
  const lines = frame.split('\n')
  const start = lines.findIndex((l) => l.includes('Agenda for 45 min'))
  const agenda = lines.slice(start + 1, start + 11).map((l) => {
    const m = /\s(\d+) min {2}(.*?)\s*$/.exec(l)
    return `${m?.[1]}${m?.[2]?.includes('(placeholder)') ? ' P' : ''}`
  })
  const words = /Planned with[^.]*\./.exec(frame)![0]
  await app.close()
  app = undefined
  return { agenda, words }
}

async function topicsJson(dir: string): Promise<{ agenda: Agenda; date: string; words: string }> {
  const result = await runCli(['topics', 'show', 'policy', '--json', '--workspace', dir])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  const json = JSON.parse(result.stdout) as { date: string; agenda: { duration: number; segments: { minutes: number; placeholder: boolean }[] }; material: { words: string } }
  expect(json.agenda.duration).toBe(45)
  return { agenda: fromPlan(json.agenda.segments), date: json.date, words: json.material.words }
}

async function built(dir: string, date: string): Promise<{ agenda: Agenda; warnings: string[]; ok: number }> {
  const result = await runCli(['build', '--topic', 'policy', '--date', date, '--format', 'md', '--json', '--workspace', dir], { timeoutMs: 240_000 })
  expect(result.code, result.stderr).toBe(0)
  const manifest = JSON.parse(result.stdout) as { agenda: { minutes: number; placeholder: boolean }[]; warnings: string[]; snapshots: { status: string }[] }
  const onDisk = JSON.parse(await readFile(join(dir, 'out', `${date}-policy`, 'build.json'), 'utf8')) as { agenda: unknown }
  expect(onDisk.agenda).toEqual(manifest.agenda)
  return { agenda: fromPlan(manifest.agenda), warnings: manifest.warnings, ok: manifest.snapshots.filter((s) => s.status === 'ok').length }
}

describe('one plan everywhere', () => {
  it('with history and an audit: the Topics screen, topics show --json and the build give the same minutes, here-and-now 6 and ROI 3', async () => {
    const dir = await exampleWorkspace(true)
    // Opening, here and now, loss of control, key points, case studies, worst cases, exercise, discussion, ROI, next meeting.
    const expected = ['2', '6', '4', '8', '6', '5', '5', '5', '3', '1']
    const screen = await topicsScreen(dir)
    expect(screen.agenda).toEqual(expected)
    expect(screen.words).toBe('Planned with the snapshots of 2026-11-17 and the audit of 2026-11-20.')
    const json = await topicsJson(dir)
    expect(json.agenda).toEqual(expected)
    expect(json.words).toBe('Planned with the snapshots of 2026-11-17 and the audit of 2026-11-20.')
    // The text preview says what it assumed, so a user knows why a segment is short.
    const text = await runCli(['topics', 'show', 'policy', '--workspace', dir])
    expect(text.stdout).toContain(`\nFor ${json.date}, as \`showtell build --topic policy\` plans it. Planned with the snapshots of 2026-11-17 and the audit of 2026-11-20.\n`)
    expect(text.stdout).toMatch(/ROI: what changed\s+3 min\n/)
    const deck = await built(dir, json.date)
    expect(deck.ok).toBeGreaterThan(0)
    expect(deck.agenda).toEqual(expected)
    expect(deck.warnings.filter((w) => w.includes('was planned'))).toEqual([])
  }, 300_000)

  it('with no history and no audit: all three agree on the placeholders (ROI, one measurement), the build’s snapshots planned for', async () => {
    const dir = await exampleWorkspace(false)
    // Every account expected to answer with no numbers yet: what to look for, the overview and the
    // executive scorecard (the example lists two leaders), no spotlight (nothing has changed yet).
    // 3 slides, at most ceil(3 × 1.5) = 5 minutes; its 2 more minutes than before come from key points
    // and next meeting (9 → 8, 2 → 1), as the planner gives spare minutes by weight.
    // 2 + 5 + 4 + 8 + 6 + 6 + 6 + 6 + 1 + 1 = 45.
    const expected = ['2', '5', '4', '8', '6', '6', '6', '6', '1 P', '1']
    const screen = await topicsScreen(dir)
    expect(screen.agenda).toEqual(expected)
    expect(screen.words).toBe('Planned with no snapshots in the history yet and no audit yet.')
    const json = await topicsJson(dir)
    expect(json.agenda).toEqual(expected)
    const deck = await built(dir, json.date)
    expect(deck.agenda).toEqual(expected)
    expect(deck.warnings.filter((w) => w.includes('was planned'))).toEqual([])
  }, 300_000)

  it('today’s snapshots failing do not change the minutes shown: the build keeps the plan, the failed accounts share one table within it', async () => {
    // Three pages that answered at the last two meetings and are gone today.
    const accounts = ['one', 'two', 'three'].map((id) => ({ id, platform: 'website', url: `${site.url}/nasty/not-found`, label: `Page ${id}` }))
    const line = (date: string, account: string, value: number) =>
      JSON.stringify({ date, capturedAt: `${date}T08:00:00.000Z`, account, platform: 'website', status: 'ok', metrics: { followers: { value, source: 'meta' } } })
    const dir = await makeWorkspace({
      'showtell.yaml': stringify(demoConfigObject(site.url, accounts)),
      'history/snapshots.jsonl': `${['2026-11-10', '2026-11-17'].flatMap((date, i) => accounts.map((a) => line(date, a.id, 100 + i))).join('\n')}\n`,
    })
    // Planned from the history: what to look for and the overview (100 → 101 is a 1% change, no spotlight):
    // 2 slides, at most ceil(2 × 1.5) = 3 minutes; the minutes it gives up go by weight to key points, ROI
    // and next meeting. No audit and no unofficial account: loss of control is a placeholder.
    const expected = ['2', '3', '1 P', '9', '6', '6', '6', '6', '4', '2']
    const json = await topicsJson(dir)
    expect(json.agenda).toEqual(expected)
    const deck = await built(dir, json.date)
    expect(deck.ok).toBe(0)
    // Planned from today's failures it would have had a third slide (the accounts not read) and 5 minutes.
    expect(deck.agenda).toEqual(expected)
  }, 300_000)
})
