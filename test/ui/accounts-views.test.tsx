// The Accounts screen's three views (ours, executives, competitors), driven
// through stdin: Tab and Shift+Tab, each view's rows and its line above the
// table, the dashboard's one line of comparison, `e` and Enter where they
// cannot act, and, in real Chromium against the demo site (127.0.0.1),
// Enter and A on the competitors' rows writing history/competitors.jsonl only.
// Every expected value is worked out by hand from the numbers in fixtures.ts
// (makeViewsWorkspace), with today 2026-11-20 (APP_NOW).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { START } from '../../src/ui/state.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'
import { makeViewsWorkspace } from './fixtures.js'

const SHIFT_TAB = '\u001B[Z'
const TAB = '\t'

let site: DemoSite
let app: AppHarness | undefined

beforeAll(async () => {
  site = await startDemoSite()
  expect(new URL(site.url).hostname).toBe('127.0.0.1')
})
afterAll(async () => {
  await site.close()
})
afterEach(async () => {
  await app?.close()
  app = undefined
})

const accountsScreen = { ...START, stack: [...START.stack, { name: 'accounts' as const }] }
const WIDE = { columns: 200, rows: 40 }
const lines = (frame: string) => frame.split('\n')
/** The selected row (the one with ›). */
const selectedRow = (frame: string) => lines(frame).find((l) => l.trimStart().startsWith('›')) ?? ''
/** Which view is on, read from the table's header. */
const header = (frame: string) => (/^\s+(ACCOUNT|PERSON|COMPETITOR)\s+PLATFORM/m.exec(frame)?.[1] ?? '')

describe('Accounts: the three views', () => {
  it('names each view with its count; Tab goes ours → executives → competitors → ours, Shift+Tab back, each at its first row', async () => {
    app = await renderApp(await makeViewsWorkspace(), { initial: accountsScreen, size: WIDE })
    const ours = await app.waitFor('ACCOUNT')
    // Ours: the two official accounts; the four executive accounts are not ours here.
    expect(ours).toMatch(/ Ours \(2\)\s+Executives \(6\)\s+Competitors \(4\)\s+Tab switches/)
    expect(lineWith(ours, 'Instagram')).toMatch(/› ✓ Instagram\s+instagram\s+2,020 followers\s+▲ 20 since 2026-11-10/)
    expect(lineWith(ours, 'LinkedIn')).toMatch(/ ✓ LinkedIn\s+linkedin\s+5,100 followers\s+▲ 100 since 2026-11-10/)
    for (const leader of ['Kari', 'Ola Hansen', 'Per Berg', 'Lise Dahl', 'Fjellkraft', 'Villmark']) expect(ours).not.toContain(leader)

    await app.press(KEY.down)
    expect(selectedRow(app.frame())).toContain('LinkedIn')
    await app.press(TAB)
    expect(header(app.frame())).toBe('PERSON')
    expect(selectedRow(app.frame())).toContain('Kari Nordmann')
    await app.press(KEY.down, TAB)
    expect(header(app.frame())).toBe('COMPETITOR')
    expect(selectedRow(app.frame())).toMatch(/› ✓ Fjellkraft\s+instagram/)
    await app.press(KEY.down, TAB)
    expect(header(app.frame())).toBe('ACCOUNT')
    expect(selectedRow(app.frame())).toContain('Instagram')

    // Shift+Tab goes the other way round.
    await app.press(SHIFT_TAB)
    expect(header(app.frame())).toBe('COMPETITOR')
    expect(selectedRow(app.frame())).toContain('Fjellkraft')
    await app.press(KEY.down, KEY.down, SHIFT_TAB)
    expect(header(app.frame())).toBe('PERSON')
    expect(selectedRow(app.frame())).toContain('Kari Nordmann')
    await app.press(SHIFT_TAB)
    expect(header(app.frame())).toBe('ACCOUNT')
    expect(selectedRow(app.frame())).toContain('Instagram')
    // The counts stay the same whichever view is on.
    expect(app.frame()).toMatch(/ Ours \(2\)\s+Executives \(6\)\s+Competitors \(4\)/)
  })

  it('executives: one person’s two accounts under one name, silence at 30 days, a recent post, not known, and leaders with no account', async () => {
    app = await renderApp(await makeViewsWorkspace(), { initial: accountsScreen, size: WIDE })
    await app.waitFor('ACCOUNT')
    await app.press(TAB)
    const frame = await app.waitFor('PERSON')
    // 1 of our 4 posted in 30 days (Kari); Per's source gives no post date; Ola 2026-10-21 → 30 days,
    // Siri 2026-08-22 → 90 days (10 + 30 + 31 + 19); Lise and Fjellkraft's Erik have no account.
    expect(frame).toContain(
      'Posted in the last 30 days: 1 of our 4 (1 not known) · silent: Ola Hansen (30 days), Siri Dal (Villmark Gear) (90 days) · no account: Lise Dahl, Erik Fjell (Fjellkraft)',
    )
    expect(frame).toContain('LAST POST · CHANGE')
    const rows = lines(frame).filter((l) => /^[ ›] [✓✗·] /.test(l))
    expect(rows).toHaveLength(7)
    // Kari: her name once, on her first account's row; her X row is hers (29 days: not silence).
    expect(rows[0]).toMatch(/› ✓ Kari Nordmann\s+linkedin\s+3,000 followers\s+last post 2026-11-12$/)
    expect(rows[1]).toMatch(/^ {2}✓ {26}x\s+400 followers\s+last post 2026-10-22$/)
    expect(frame.match(/Kari/g)).toHaveLength(1)
    // Ola is grouped by his label (no `person:`), and named once though `executives:` lists him too.
    expect(rows[2]).toMatch(/ ✓ Ola Hansen\s+x\s+150 followers\s+no post in 30 days$/)
    expect(rows[3]).toMatch(/ ✓ Per Berg\s+linkedin\s+900 followers$/)
    expect(rows[4]).toMatch(/ · Lise Dahl\s+—\s+no account on any platform we follow$/)
    // A competitor's leaders come after ours, marked with the competitor.
    expect(rows[5]).toMatch(/ · Erik Fjell \(Fjellkraft\)\s+—\s+no account on any platform we follow$/)
    expect(rows[6]).toMatch(/ ✓ Siri Dal \(Villmark Gear\)\s+x\s+700 followers\s+no post in 90 days$/)
  })

  it('competitors: each named once, a blocked one with its last good value and no 0, and how we compare by growth, not size', async () => {
    app = await renderApp(await makeViewsWorkspace(), { initial: accountsScreen, size: WIDE })
    await app.waitFor('ACCOUNT')
    await app.press(SHIFT_TAB)
    const frame = await app.waitFor('COMPETITOR')
    // Instagram on 2026-11-17 against 2026-11-10: Villmark 800 → 832 = 4.0%, us 2,000 → 2,020 = 1.0%,
    // Fjellkraft 50,000 → 50,250 = 0.5%. The smallest grows fastest and leads. Our LinkedIn is larger
    // (5,100) but its one competitor was blocked that day, so there is nothing to compare there.
    expect(frame).toContain('How we compare · Instagram, growth since 2026-11-10: ★ Villmark Gear ▲ 4.0% · us ▲ 1.0% · Fjellkraft ▲ 0.5%')
    const rows = lines(frame).filter((l) => /^[ ›] [✓✗·] /.test(l))
    expect(rows).toHaveLength(4)
    expect(rows[0]).toMatch(/› ✓ Fjellkraft\s+instagram\s+50,250 followers\s+▲ 250 since 2026-11-10$/)
    expect(rows[1]).toMatch(/^ {2}✗ {26}linkedin\s+blocked\s+login wall; was 15,900 on 2026-11-10$/)
    expect(rows[1]).not.toMatch(/(^|\s)0(\s|$)|0 followers/)
    expect(rows[2]).toMatch(/ ✓ Villmark Gear\s+instagram\s+832 followers\s+▲ 32 since 2026-11-10$/)
    // The leader's account is the competitor's too; its label tells it apart from the platform.
    expect(rows[3]).toMatch(/^ {2}✓ Siri Dal\s+x\s+700 followers$/)
    expect(rows.filter((r) => r.includes('Fjellkraft'))).toHaveLength(1)
  })

  it('the dashboard shows how we compare on one line, for our largest platform with a competitor read', async () => {
    app = await renderApp(await makeViewsWorkspace(), { size: { columns: 100, rows: 30 } })
    const frame = await app.waitFor('How we compare')
    const compare = lines(frame).filter((l) => l.includes('How we compare'))
    expect(compare).toHaveLength(1)
    expect(compare[0]!.trim()).toBe('How we compare Instagram: ★ Villmark Gear ▲ 4.0% · us ▲ 1.0% · Fjellkraft ▲ 0.5%')
  })

  it('e on a competitor’s row opens no form; Enter and e on a leader with no account say where to add one, and snapshot nothing', async () => {
    const dir = await makeViewsWorkspace()
    const before = await readFile(join(dir, 'history', 'competitors.jsonl'), 'utf8')
    app = await renderApp(dir, { initial: accountsScreen, size: WIDE })
    await app.waitFor('ACCOUNT')
    await app.press(SHIFT_TAB)
    await app.waitFor('COMPETITOR')
    await app.press('e')
    let frame = await app.waitFor('By hand is for')
    expect(lineWith(frame, 'By hand is for')).toContain("By hand is for our own accounts: a competitor's figures come from public sources only")
    expect(frame).not.toContain('✎ By hand for')
    expect(frame).not.toContain('Snapshots')

    await app.press(SHIFT_TAB)
    await app.waitFor('PERSON')
    // Kari, her X, Ola, Per, then Lise (no account).
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down)
    expect(selectedRow(app.frame())).toContain('Lise Dahl')
    await app.press(KEY.enter)
    frame = await app.waitFor('has no account listed')
    expect(frame).toContain('Lise Dahl has no account listed: add one under accounts with owner: executive and person: Lise Dahl')
    expect(frame).not.toContain('Snapshots')
    await app.press(KEY.down)
    expect(selectedRow(app.frame())).toContain('Erik Fjell (Fjellkraft)')
    await app.press('e')
    frame = await app.waitFor('Erik Fjell (Fjellkraft) has no account')
    expect(frame).toContain("Erik Fjell (Fjellkraft) has no account listed: add one under that competitor's accounts with owner: executive and person: Erik Fjell")
    expect(frame).not.toContain('✎ By hand for')
    expect(await readFile(join(dir, 'history', 'competitors.jsonl'), 'utf8')).toBe(before)
  })
})

describe('Accounts: snapshotting competitors in real Chromium (demo site)', () => {
  interface Row {
    readonly account: string
    readonly status: string
    readonly competitor?: string
    readonly metrics: { readonly followers?: { readonly value: number } }
  }
  const historyOf = async (dir: string, file: string): Promise<Row[]> =>
    (await readFile(join(dir, 'history', file), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row)

  it('Enter on a competitor’s row reads just that account into history/competitors.jsonl; A reads every competitor under their own heading', async () => {
    const url = site.url
    const config = demoConfigObject(url, [{ id: 'nordlys-instagram', platform: 'instagram', url: `${url}/instagram/nordlysoutdoor/`, label: 'Nordlys on Instagram' }], {
      timeout: 15,
      endpoints: { linkedin: `${url}/linkedin` },
    })
    config.competitors = [
      {
        name: 'Fjellkraft',
        accounts: [
          { id: 'fjellkraft-instagram', platform: 'instagram', url: `${url}/instagram/fjellkraft/`, label: 'Fjellkraft on Instagram' },
          { id: 'fjellkraft-linkedin', platform: 'linkedin', url: `${url}/linkedin/company/fjellkraft`, label: 'Fjellkraft on LinkedIn' },
        ],
      },
      { name: 'Villmark Gear', accounts: [{ id: 'villmark-instagram', platform: 'instagram', url: `${url}/instagram/villmarkgear/`, label: 'Villmark Gear on Instagram' }] },
    ]
    const dir = await makeWorkspace({ 'showtell.yaml': stringify(config) })
    app = await renderApp(dir, { initial: accountsScreen, size: WIDE })
    await app.waitFor('ACCOUNT')
    await app.press(SHIFT_TAB)
    let frame = await app.waitFor('COMPETITOR')
    expect(frame).toMatch(/ Ours \(1\)\s+Executives \(0\)\s+Competitors \(3\)/)
    expect(selectedRow(frame)).toMatch(/Fjellkraft\s+instagram\s+no snapshot yet/)

    await app.press(KEY.enter)
    frame = await app.waitFor(/\d+ of \d+ ok/, 60_000)
    expect(frame).toContain('1 of 1 ok · added to history/competitors.jsonl')
    expect(frame).not.toContain('snapshots.jsonl')
    expect((await historyOf(dir, 'competitors.jsonl')).map((r) => `${r.competitor}:${r.account}:${r.status}:${r.metrics.followers?.value}`)).toEqual(['Fjellkraft:fjellkraft-instagram:ok:41200'])
    // Nothing of ours was read: our history does not exist yet.
    await expect(readFile(join(dir, 'history', 'snapshots.jsonl'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })

    // Esc leaves the run's rows; the competitors view opens again with the number read.
    await app.press(KEY.escape)
    frame = await app.waitFor((f) => /✓ Fjellkraft\s+instagram\s+~?41,200 followers/.test(f))
    expect(header(frame)).toBe('COMPETITOR')

    await app.press('A')
    const done = await app.waitFor(/\d+ of 3 ok/, 90_000)
    expect(done).toContain('2 of 3 ok · added to history/competitors.jsonl')
    expect(done).toMatch(/Snapshots .* 3\/3/)
    const all = lines(done)
    const heading = all.findIndex((l) => l.includes('Competitors · public sources only, never counted as ours'))
    expect(heading).toBeGreaterThan(-1)
    const at = (text: string) => all.findIndex((l) => l.includes(text))
    // A competitor's row is named by the competitor and the platform, whole in the 24-column label.
    for (const label of ['Fjellkraft Instagram', 'Fjellkraft LinkedIn', 'Villmark Gear Instagram']) expect(at(label)).toBeGreaterThan(heading)
    expect(lineWith(done, 'Fjellkraft Instagram')).toMatch(/✓ Fjellkraft Instagram\s+ok/)
    expect(lineWith(done, 'Fjellkraft LinkedIn')).toMatch(/✗ Fjellkraft LinkedIn\s+blocked/)
    expect(lineWith(done, 'Villmark Gear Instagram')).toMatch(/✓ Villmark Gear Instagram\s+ok/)
    // Our own account is not in the run: three rows, all theirs.
    expect(all.filter((l) => /^ {2}[✓✗] /.test(l))).toHaveLength(3)
    expect((await historyOf(dir, 'competitors.jsonl')).map((r) => `${r.competitor}:${r.account}:${r.status}`).sort()).toEqual([
      'Fjellkraft:fjellkraft-instagram:ok',
      'Fjellkraft:fjellkraft-instagram:ok',
      'Fjellkraft:fjellkraft-linkedin:blocked',
      'Villmark Gear:villmark-instagram:ok',
    ])
    await expect(readFile(join(dir, 'history', 'snapshots.jsonl'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
