// Accounts, `e`: a figure entered by hand through the same checks and write
// as `showtell record`. Saved, it is in history/snapshots.jsonl with source
// `manual` and the row shows it marked ✎; a bad value or Esc writes nothing.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { START } from '../../src/ui/state.js'
import { HISTORY, makeAppWorkspace } from './fixtures.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const accountsScreen = { ...START, stack: [...START.stack, { name: 'accounts' as const }] }
const historyText = (dir: string) => readFile(join(dir, 'history', 'snapshots.jsonl'), 'utf8')

describe('Accounts: e enters a figure by hand', () => {
  it('e, 12500, Enter: a manual followers entry for the selected account, and the row shows it by hand', async () => {
    const dir = await makeAppWorkspace()
    app = await renderApp(dir, { initial: accountsScreen, size: { columns: 80, rows: 24 } })
    await app.waitFor('Testco blog')
    // The first row (LinkedIn) is selected.
    await app.press('e')
    expect(app.frame()).toContain('By hand for LinkedIn (testco-linkedin) on 2026-11-20')
    expect(app.frame()).toContain('Enter save · ← → metric · Tab value/note · Esc cancel')
    // q and ? are text while the form is open, not quit and help; Backspace takes them out.
    await app.press('1', '2', 'q', '?', '\u007f', '\u007f', '5', '0', '0', '\t', 'f', 'r', 'o', 'm', ' ', 'a', 'n', 'a', 'l', 'y', 't', 'i', 'c', 's')
    expect(lineWith(app.frame(), 'value')).toMatch(/value\s+12500$/)
    await app.press(KEY.enter)
    const frame = await app.waitFor((f) => /LinkedIn\s+linkedin\s+12,500 followers ✎/.test(f))
    expect(frame).toContain('✎ Recorded by hand on 2026-11-20: testco-linkedin followers 12,500')
    expect(frame).toContain('Enter snapshot · A all · e by hand · Esc back')
    expect(frame).not.toContain('› value')
    expect(frame.split('\n').length).toBeLessThanOrEqual(24)
    expect(Math.max(...frame.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80)

    const lines = (await historyText(dir)).trim().split('\n')
    expect(lines.slice(0, -1).join('\n')).toBe(HISTORY)
    const added = JSON.parse(lines.at(-1)!) as Record<string, unknown>
    expect(added).toMatchObject({
      date: '2026-11-20',
      capturedAt: '2026-11-20T12:00:00.000Z',
      account: 'testco-linkedin',
      platform: 'linkedin',
      status: 'ok',
      metrics: { followers: { value: 12500, source: 'manual', note: 'from analytics' } },
    })
  })

  it('a figure entered earlier (showtell record) is marked ✎ when the screen opens, and an automatic one is not', async () => {
    const manual = JSON.stringify({ date: '2026-11-18', capturedAt: '2026-11-18T12:00:00.000Z', account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 1400, source: 'manual', note: 'from analytics' } } })
    const dir = await makeAppWorkspace({ 'history/snapshots.jsonl': `${HISTORY}\n${manual}\n` })
    app = await renderApp(dir, { initial: accountsScreen })
    const frame = await app.waitFor('Testco blog')
    expect(lineWith(frame, 'LinkedIn')).toMatch(/1,400 followers ✎/)
    expect(lineWith(frame, 'X ')).not.toContain('✎')
  })

  it('keys that arrive together (typed fast, or pasted) are taken one by one', async () => {
    const dir = await makeAppWorkspace()
    app = await renderApp(dir, { initial: accountsScreen })
    await app.waitFor('Testco blog')
    await app.press('e', '12500\tfrom LinkedIn analytics')
    expect(app.frame()).toMatch(/note\s+from LinkedIn analytics▏/)
    await app.press(KEY.enter)
    await app.waitFor('Recorded by hand on 2026-11-20: testco-linkedin followers 12,500')
    const added = JSON.parse((await historyText(dir)).trim().split('\n').at(-1)!) as Record<string, unknown>
    expect(added).toMatchObject({ account: 'testco-linkedin', metrics: { followers: { value: 12500, source: 'manual', note: 'from LinkedIn analytics' } } })
  })

  it('→ picks another metric', async () => {
    const dir = await makeAppWorkspace()
    app = await renderApp(dir, { initial: accountsScreen })
    await app.waitFor('Testco blog')
    await app.press(KEY.down, 'e', KEY.right, KEY.right, '4', '2', KEY.enter)
    await app.waitFor('Recorded by hand on 2026-11-20: testco-x posts 42')
    const added = JSON.parse((await historyText(dir)).trim().split('\n').at(-1)!) as Record<string, unknown>
    expect(added).toMatchObject({ account: 'testco-x', metrics: { posts: { value: 42, source: 'manual' } } })
    expect(Object.keys(added.metrics as object)).toEqual(['posts'])
  })

  it('a bad value shows the check’s error in one line, keeps the form, and writes nothing', async () => {
    const dir = await makeAppWorkspace()
    const before = await historyText(dir)
    app = await renderApp(dir, { initial: accountsScreen, size: { columns: 80, rows: 24 } })
    await app.waitFor('Testco blog')
    await app.press('e', '1', '2', 'k', KEY.enter)
    const frame = await app.waitFor('not a whole number')
    expect(lineWith(frame, 'not a whole number')).toMatch(/^value: not a whole number ≥ 0: "12k"/)
    expect(frame).toMatch(/› value\s+12k/)
    // The form, the table and the error line fit 80×24 with the footer.
    expect(frame.split('\n').length).toBeLessThanOrEqual(24)
    expect(Math.max(...frame.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80)
    expect(frame).toContain('Tab value/note · Esc cancel')
    expect(await historyText(dir)).toBe(before)
    // Esc then leaves the form, still on the Accounts screen, and writes nothing.
    await app.press(KEY.escape)
    expect(app.frame()).toContain('Nothing recorded')
    expect(app.frame()).toContain('showtell · accounts')
    expect(await historyText(dir)).toBe(before)
  })

  it('a held lock is an error line, and the form stays', async () => {
    const dir = await makeAppWorkspace()
    const before = await historyText(dir)
    app = await renderApp(dir, { initial: accountsScreen })
    await app.waitFor('Testco blog')
    const { acquireLock } = await import('../../src/workspace/store.js')
    const workspace = await app.services.loadWorkspace()
    const lock = await acquireLock(workspace.paths.lock, 'a test holding the workspace')
    try {
      await app.press('e', '7', KEY.enter)
      const frame = await app.waitFor('a test holding the workspace')
      expect(lineWith(frame, 'a test holding the workspace')).toMatch(/^another showtell process \(pid \d+, a test holding the workspace since/)
      expect(frame).toContain('› value   7')
      expect(await historyText(dir)).toBe(before)
    } finally {
      await lock.release()
    }
  })

  it('Esc cancels: nothing is written', async () => {
    const dir = await makeAppWorkspace()
    const before = await historyText(dir)
    app = await renderApp(dir, { initial: accountsScreen })
    await app.waitFor('Testco blog')
    await app.press('e', '9', '9', KEY.escape)
    expect(app.frame()).toContain('Nothing recorded')
    expect(app.frame()).not.toContain('› value')
    expect(app.frame()).toContain('showtell · accounts')
    expect(await historyText(dir)).toBe(before)
    // The help lists the key.
    await app.press('?')
    expect(lineWith(app.frame(), 'by hand')).toMatch(/e\s+enter a figure by hand for the selected account/)
  })
})
