// The dashboard: given a team's history and a finished build, it shows the
// next meeting with its topic and why, each account's number and change (a
// blocked one without data), and the recent deck; single keys lead on, Esc
// comes back, and ? shows this screen's keys.
import { afterEach, describe, expect, it } from 'vitest'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'
import { APP_CONFIG, AUDIT, HISTORY, makeAppWorkspace } from './fixtures.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('Dashboard', () => {
  it('shows the next meeting, each account with its change, and the recent deck', async () => {
    app = await renderApp(await makeAppWorkspace())
    const frame = await app.waitFor('Next meeting')
    expect(frame).toContain('Testco')
    // "Now" is Friday 2026-11-20 (the harness): the next meeting is the first one.
    expect(frame).toMatch(/Next meeting Tue 2026-11-24 09:00 Europe\/Oslo · 45 min/)
    // 1000 → 1312 between the two meetings.
    expect(lineWith(frame, 'LinkedIn')).toMatch(/✓ LinkedIn\s+1,312\s+▲ 312/)
    // The blocked X account shows its status, never a number from the blocked page.
    expect(lineWith(frame, ' X ')).toMatch(/✗ X\s+blocked/)
    expect(lineWith(frame, 'blog')).toMatch(/· Testco blog/)
    expect(lineWith(frame, '2026-11-17')).toMatch(/2026-11-17 Crisis and worst cases\s+31 slides · 45 min/)
    expect(frame).toContain('no audit yet')
  })

  it('marks a number entered by hand with ✎, and only that one', async () => {
    const manual = JSON.stringify({ date: '2026-11-18', capturedAt: '2026-11-18T12:00:00.000Z', account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 1400, source: 'manual' } } })
    app = await renderApp(await makeAppWorkspace({ 'history/snapshots.jsonl': `${HISTORY}\n${manual}\n` }))
    const frame = await app.waitFor('Next meeting')
    expect(lineWith(frame, 'LinkedIn')).toMatch(/✓ LinkedIn\s+1,400✎\s+▲ 88/)
    // The grid puts several accounts on a line: the mark is there once, after LinkedIn's number.
    expect(frame.match(/✎/g)).toHaveLength(1)
  })

  it('lists what the latest audit found, with the suggested action, and the platforms it could not check', async () => {
    app = await renderApp(await makeAppWorkspace({ 'history/audit.json': AUDIT }))
    const frame = await app.waitFor('Needs attention')
    expect(frame).toContain('Needs attention: 2 accounts in our name, not in showtell.yaml (audit 2026-11-20)')
    // An official-looking affix is impersonation; the bare name with no word on who runs it is ours to claim.
    expect(lineWith(frame, 'testco.official')).toMatch(/instagram\s+testco\.official\s+1,020\s+→ report as impersonation/)
    expect(lineWith(frame, 'facebook  testco')).toMatch(/987\s+→ claim it/)
    expect(frame).toContain('not checked: x (login wall)')
    expect(frame).not.toContain('testcohq')
  })

  it('says how many finds it shows when the terminal has rows for fewer than were found', async () => {
    // 18 rows: 13 fixed lines, the accounts' 2 rows and the not-checked line leave 1 for the 2 finds (and 1 for a deck).
    app = await renderApp(await makeAppWorkspace({ 'history/audit.json': AUDIT }), { size: { columns: 80, rows: 18 } })
    const frame = await app.waitFor('Needs attention')
    expect(frame).toContain('Needs attention: 2 accounts in our name, not in showtell.yaml (1 shown)')
    expect(frame.split('\n').filter((line) => /→ (report as impersonation|claim it)/.test(line))).toHaveLength(1)
  })

  it('leads to topics, schedule and accounts with single keys, and Esc comes back', async () => {
    app = await renderApp(await makeAppWorkspace())
    for (const [key, title] of [['t', 'showtell · topics'], ['s', 'showtell · schedule'], ['a', 'showtell · accounts']] as const) {
      await app.press(key)
      await app.waitFor(title)
      await app.press(KEY.escape)
      await app.waitFor('showtell · dashboard')
    }
  })

  it('Enter opens the build of the next meeting’s scheduled topic', async () => {
    // Given the next meeting (2026-11-24) has a topic pinned to it
    app = await renderApp(await makeAppWorkspace({ 'showtell.yaml': `${APP_CONFIG}rotation:\n  pins:\n    2026-11-24: talent\n` }))
    const dashboard = await app.waitFor('Topic')
    expect(lineWith(dashboard, 'Topic')).toMatch(/Topic\s+Talent\b/)
    await app.press(KEY.enter)
    const frame = await app.waitFor('showtell · build')
    expect(lineWith(frame, 'Topic')).toMatch(/Topic\s+Talent\b/)
    expect(lineWith(frame, 'Date')).toMatch(/Date\s+2026-11-24\b/)
  })

  it('? shows the keys of this screen, and Esc closes the help', async () => {
    app = await renderApp(await makeAppWorkspace())
    await app.press('?')
    const help = await app.waitFor('Keys on this screen')
    expect(help).toContain('topics: browse, preview, build')
    expect(help).toContain('open the latest deck.html')
    expect(help).not.toContain('Next meeting')
    await app.press(KEY.escape)
    await app.waitFor('Next meeting')
  })

  it('o opens the latest deck.html', async () => {
    app = await renderApp(await makeAppWorkspace())
    await app.press('o')
    await app.waitFor('Opened')
    expect(app.opened).toHaveLength(1)
    expect(app.opened[0]).toMatch(/out\/2026-11-17-crisis\/deck\.html$/)
  })
})
