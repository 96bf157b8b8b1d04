// Build, end to end in the app against the demo site (real Chromium, pages on
// 127.0.0.1): the setup screen chooses duration and formats, the run screen
// shows every account's final status and each step, the result screen lists
// the files and the slides per segment, and o / p open them. Ctrl+C in the
// middle closes the browser and leaves nothing behind.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { START } from '../../src/ui/state.js'
import { makeDemoWorkspace } from '../helpers/demo-workspace.js'
import { listTree } from '../helpers/workspace.js'
import { makeAppWorkspace } from './fixtures.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'

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

const accounts = (url: string) => [
  { id: 'nordlys-linkedin', platform: 'linkedin', url: `${url}/linkedin/company/nordlys-outdoor`, label: 'Nordlys on LinkedIn' },
  { id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social', label: 'Nordlys on Bluesky' },
  { id: 'walled-page', platform: 'linkedin', url: `${url}/nasty/login-wall`, label: 'A walled page' },
  { id: 'missing-page', platform: 'website', url: `${url}/nasty/not-found`, label: 'A missing page' },
]

/**
 * The 43-minute agenda of the build below, worked out by hand from src/agenda/segments.ts
 * and src/agenda/plan.ts: [segment title, minutes, slides].
 * - Empty: loss-of-control (no audit) and ROI (one meeting of history, no trend) are
 *   one-minute placeholders.
 * - Here-and-now is planned (from the history, before the build's snapshots) as 2 slides: what
 *   to look for and the overview, no spotlight in one meeting of history. So it takes at most
 *   ceil(2 × 1.5) = 3 minutes, its minimum. Built, it has 3: the two failures today add the
 *   shared slide of accounts not read, within the planned minutes.
 * - Minimums: 1 + 3 + 1 + 5 + 3 + 3 + 5 + 4 + 1 + 1 = 27, so 16 minutes are spare. Each goes
 *   to the lowest (minutes + 1) / weight, ties to the earlier segment, here-and-now never:
 *   case studies, worst cases (4 each), key points 6, case studies 5, worst cases 5,
 *   discussion 5, key points 7, opening 2, key points 8, then case studies, worst cases,
 *   exercise and discussion 6 each, next meeting 2, key points 9, case studies 7.
 * - 2 + 3 + 1 + 9 + 7 + 6 + 6 + 6 + 1 + 2 = 43.
 * Slides: opening 3 (title, agenda, why), the listening topic's 4 key points, 2 case studies,
 * 2 worst cases, 1 exercise, 2 discussion slides (questions, decisions), 2 next-meeting slides.
 * Appendix (no minutes): the LinkedIn and Bluesky slides and the table of the two not read: 21 + 3 = 24.
 */
const AGENDA_43: readonly (readonly [string, number, number])[] = [
  ['Opening', 2, 3],
  ['Here and now: our accounts live', 3, 3],
  ['Loss of control: accounts we do not run', 1, 1],
  ['Key points', 9, 4],
  ['Case studies', 7, 2],
  ['Worst cases and mitigations', 6, 2],
  ['Hands-on exercise', 6, 1],
  ['Discussion and decisions', 6, 2],
  ['ROI: what changed', 1, 1],
  ['Next meeting', 2, 2],
]

const setup = (topicId: string, date: string) => ({ ...START, stack: [...START.stack, { name: 'build-setup' as const, topicId, date }] })

describe('Build in the app', () => {
  it('runs a build with live snapshots, shows each account’s final status, then the result', async () => {
    const dir = await makeDemoWorkspace(site.url, accounts(site.url), { timeout: 8 })
    app = await renderApp(dir, { initial: setup('listening', '2026-11-24') })
    await app.waitFor('‹ 45 min ›')
    // Two minutes shorter; the PDF and the handout off (the export tests cover them).
    await app.press(KEY.left, KEY.left)
    await app.waitFor('‹ 43 min ›')
    await app.press(KEY.down, KEY.down, KEY.space, KEY.down, KEY.space)
    const ready = await app.waitFor((f) => /handout.pdf.*\[ \]/.test(f) && /deck.pdf.*\[ \]/.test(f) && f.includes('Agenda for 43 min'))
    await app.press(KEY.enter)
    await app.waitFor('showtell · building')
    const result = await app.waitFor('showtell · deck ready', 90_000)

    // Some frame of the run screen showed all four accounts finished, with status and reason.
    const final = app.frames().filter((f) => f.includes('showtell · building') && f.includes('4/4')).at(-1)
    expect(final, 'a frame with every account done').toBeDefined()
    expect(lineWith(final!, 'LinkedIn')).toMatch(/✓ LinkedIn\s+ok/)
    expect(lineWith(final!, 'Bluesky')).toMatch(/✓ Bluesky\s+ok/)
    expect(lineWith(final!, 'A walled page')).toMatch(/✗ A walled page\s+blocked \(login/)
    expect(lineWith(final!, 'A missing page')).toMatch(/✗ A missing page\s+not-found/)
    // The steps with their times.
    const steps = app.frames().filter((f) => f.includes('showtell · building')).at(-1)!
    expect(lineWith(steps, 'Compose deck.md')).toMatch(/✓ Compose deck.md and render the slides\s+\d+(\.\d)? m?s/)
    expect(lineWith(steps, 'deck.html with')).toMatch(/✓ deck.html with the presenter view\s+\d/)
    expect(steps).not.toContain('Export deck.pdf')

    // The result: the files that exist, and the minutes and slides per segment.
    const out = join(dir, 'out', '2026-11-24-listening')
    const manifest = JSON.parse(await readFile(join(out, 'build.json'), 'utf8')) as { slideCount: number; agenda: { title: string; minutes: number; slideCount: number }[] }
    expect((await readdir(out)).filter((n) => n.endsWith('.md') || n.endsWith('.html')).sort()).toEqual(['deck.html', 'deck.md'])
    expect(result).toContain('43 min · 24 slides · snapshots 2/4 ok')
    expect(lineWith(result, 'Folder')).toContain(`${join('out', '2026-11-24-listening')}/`)
    expect(result).toMatch(/deck\.html\s+\d+(\.\d)? [KM]?B/)
    expect(result).toMatch(/deck\.md\s+\d+(\.\d)? [KM]?B/)
    expect(result).not.toContain('deck.pdf')
    // The agenda on screen, against the one worked out by hand (AGENDA_43), not the manifest.
    const shown = AGENDA_43.map(([title]) => /(\d+) min\s+(\d+) slides?/.exec(lineWith(result, title.slice(0, 20)))?.slice(1).map(Number))
    expect(shown).toEqual(AGENDA_43.map(([, minutes, slides]) => [minutes, slides]))
    expect(manifest.agenda.map((segment) => [segment.title, segment.minutes, segment.slideCount])).toEqual(AGENDA_43)
    // The agenda the setup screen showed before the build is the one built (the same plan, agenda/material.ts).
    const planned = AGENDA_43.map(([title]) => Number(new RegExp(`(\\d+) min  ${title.slice(0, 20)}`).exec(ready)?.[1]))
    expect(planned).toEqual(AGENDA_43.map(([, minutes]) => minutes))

    // o opens deck.html; p says there is no PDF in this build.
    await app.press('o')
    await app.waitFor('Opened')
    expect(app.opened).toEqual([join(out, 'deck.html')])
    await app.press('p')
    await app.waitFor('This build has no deck.pdf')
    // Esc goes back to the dashboard, which now lists the deck.
    await app.press(KEY.escape)
    const dashboard = await app.waitFor((f) => f.includes('showtell · dashboard') && f.includes('2026-11-24 Listening'))
    expect(dashboard).toContain('Recent decks')
  })

  it('the setup shows the agenda the build will have, and plans it again when snapshots are switched off', async () => {
    // The app's fixture workspace: three accounts, two meetings of history (2026-11-10 and 11-17), no audit.
    app = await renderApp(await makeAppWorkspace(), { initial: setup('policy', '2026-11-24'), size: { columns: 160, rows: 40 } })
    const on = await app.waitFor('Agenda for 45 min')
    const minutes = (frame: string, title: string) => new RegExp(`(\\d+) min  ${title}( \\(placeholder\\))?`).exec(frame)?.slice(1, 3)
    // Written out by hand: the here-and-now planned from the accounts as they answered on 11-17, ROI from two meetings and today's.
    expect(minutes(on, 'Here and now: our accounts live')).toEqual(['6', undefined])
    expect(minutes(on, 'Loss of control: accounts we do not run')).toEqual(['1', ' (placeholder)'])
    expect(minutes(on, 'ROI: what changed')).toEqual(['3', undefined])
    expect(on).toContain('Planned with the snapshots of 2026-11-17 and no audit yet.')
    // Down to "Live snapshots", Space switches them off: no here-and-now (no figures by hand), ROI from the history alone.
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.space)
    const off = await app.waitFor((f) => f.includes('--no-snapshots') && /snapshots.*\[ \]/.test(f))
    expect(minutes(off, 'Here and now: our accounts live')).toEqual(['1', ' (placeholder)'])
    expect(minutes(off, 'ROI: what changed')).toEqual(['4', undefined])
    expect(minutes(off, 'Key points')).toEqual(['9', undefined])
    expect(off).toContain('Planned with no new snapshots (--no-snapshots), the history up to 2026-11-17 and no audit yet.')
  })

  it('Ctrl+C cancels: the browser closes, and out/ and the history stay as they were', async () => {
    const slow = [
      ...accounts(site.url).slice(0, 1),
      { id: 'hanging-page', platform: 'website', url: `${site.url}/nasty/hang`, label: 'A hanging page' },
    ]
    const dir = await makeDemoWorkspace(site.url, slow, { timeout: 30 })
    const before = await listTree(dir)
    app = await renderApp(dir, { initial: setup('listening', '2026-11-24') })
    await app.waitFor('‹ 45 min ›')
    await app.press(KEY.enter)
    // The hanging page keeps the run in its snapshots until we cancel.
    await app.waitFor((f) => /✓ LinkedIn/.test(f) && f.includes('1/2'), 30_000)
    // The help opens and closes over the running build without stopping it.
    await app.press('?')
    await app.waitFor('Keys on this screen')
    await app.press('?')
    const still = await app.waitFor('showtell · building')
    expect(still).toContain('1/2')
    expect(still).not.toContain('Cancelled')
    await app.press(KEY.ctrlC)
    await app.waitFor('Cancelled: nothing was written', 15_000)
    expect(await listTree(dir)).toEqual(before)
    // Esc goes back; the browser can start again for the next build.
    await app.press(KEY.escape)
    await app.waitFor('showtell · dashboard')
    // The next build, from the dashboard's Enter: no snapshots (the hanging page would
    // hang again) and no handout, but deck.pdf, which needs the browser the cancel closed.
    await app.press(KEY.enter)
    await app.waitFor('Enter builds into')
    await app.press(KEY.down, KEY.down, KEY.down, KEY.space, KEY.down, KEY.down, KEY.space)
    await app.waitFor((f) => /handout.pdf.*\[ \]/.test(f) && /snapshots.*\[ \]/.test(f) && /deck.pdf.*\[x\]/.test(f))
    await app.press(KEY.enter)
    const result = await app.waitFor('showtell · deck ready', 90_000)
    expect(result).toContain('deck.pdf')
  })

  it('q pressed over the help during a build cancels the build instead of quitting under it', async () => {
    const slow = [{ id: 'hanging-page', platform: 'website', url: `${site.url}/nasty/hang`, label: 'A hanging page' }]
    const dir = await makeDemoWorkspace(site.url, slow, { timeout: 30 })
    const before = await listTree(dir)
    app = await renderApp(dir, { initial: setup('listening', '2026-11-24') })
    await app.waitFor('‹ 45 min ›')
    await app.press(KEY.enter)
    await app.waitFor('capturing…', 30_000)
    await app.press('?')
    await app.waitFor('Keys on this screen')
    await app.press('q')
    await app.waitFor('Cancelled: nothing was written', 15_000)
    expect(await listTree(dir)).toEqual(before)
  })
})
