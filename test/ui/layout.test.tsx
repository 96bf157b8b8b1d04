// Every screen fits an 80×24 terminal (no line longer than 80 columns, no
// more than 24 lines), and uses the room of a wider one.
import { afterEach, describe, expect, it } from 'vitest'
import type { BuildManifest } from '../../src/build/build.js'
import { START, type Screen } from '../../src/ui/state.js'
import { renderApp, type AppHarness } from './harness.js'
import { makeAppWorkspace, makeViewsWorkspace } from './fixtures.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const manifest: BuildManifest = {
  generator: 'showtell',
  builtAt: '2026-11-24T08:00:00.000Z',
  topic: { id: 'crisis', title: 'Crisis and worst cases' },
  date: '2026-11-24',
  duration: 45,
  agenda: ['Opening', 'Here and now: our accounts live', 'Loss of control: accounts we do not run', 'Key points', 'Case studies', 'Worst cases and mitigations', 'Hands-on exercise', 'Discussion and decisions', 'ROI: what changed', 'Next meeting'].map((title, i) => ({ id: `s${i}`, title, minutes: 4, slideCount: i + 1, placeholder: false })),
  slideCount: 55,
  snapshots: [],
  outDir: '/tmp/a/rather/long/folder/name/that/goes/on/out/2026-11-24-crisis',
  files: ['deck.md', 'deck.html', 'deck.pdf', 'handout.pdf', 'showtell.css'].map((name) => ({ name, bytes: 123_456 })),
  warnings: ['slide 12 ("Key point 4", Key points) runs 210px past the bottom of the slide: shorten its text'],
}

const SCREENS: [string, Screen, string][] = [
  ['dashboard', { name: 'dashboard' }, 'Next meeting'],
  ['topics', { name: 'topics' }, 'Agenda for'],
  ['schedule', { name: 'schedule' }, 'Tue '],
  ['accounts', { name: 'accounts' }, 'Testco blog'],
  ['build setup', { name: 'build-setup', topicId: 'policy', date: '2026-11-24' }, 'Enter builds into'],
  ['result', { name: 'result', manifest }, 'Slides per segment'],
]

const widest = (frame: string) => Math.max(...frame.split('\n').map((line) => [...line].length))

describe('layout', () => {
  it.each(SCREENS)('%s fits 80×24', async (_name, screen, ready) => {
    app = await renderApp(await makeAppWorkspace(), { initial: { ...START, stack: screen.name === 'dashboard' ? START.stack : [...START.stack, screen] }, size: { columns: 80, rows: 24 } })
    const frame = await app.waitFor(ready)
    expect(widest(frame)).toBeLessThanOrEqual(80)
    expect(frame.split('\n').length).toBeLessThanOrEqual(24)
    // The footer with the keys is still on screen.
    expect(frame).toContain('? help · q quit')
  })

  // Ours, our leaders and two competitors (fixtures.ts makeViewsWorkspace): the executives'
  // line wraps at 80 columns, and the table still leaves the footer on screen.
  it.each([
    ['ours', [], 'ACCOUNT', 'LinkedIn'],
    ['executives', ['\t'], 'PERSON', 'Siri Dal'],
    ['competitors', ['\t', '\t'], 'COMPETITOR', 'Siri Dal'],
  ] as const)('the Accounts screen’s %s view fits 80×24', async (_name, keys, ready, lastRow) => {
    app = await renderApp(await makeViewsWorkspace(), { initial: { ...START, stack: [...START.stack, { name: 'accounts' }] }, size: { columns: 80, rows: 24 } })
    await app.waitFor('ACCOUNT')
    await app.press(...keys)
    const frame = await app.waitFor(ready)
    expect(widest(frame)).toBeLessThanOrEqual(80)
    expect(frame.split('\n').length).toBeLessThanOrEqual(24)
    expect(frame).toContain('? help · q quit')
    expect(frame).toContain('Tab switches')
    // Every row of the view is on screen, the last one too.
    expect(frame).toContain(lastRow)
  })

  it('the dashboard with a comparison fits 80×24', async () => {
    app = await renderApp(await makeViewsWorkspace(), { size: { columns: 80, rows: 24 } })
    const frame = await app.waitFor('How we compare')
    expect(widest(frame)).toBeLessThanOrEqual(80)
    expect(frame.split('\n').length).toBeLessThanOrEqual(24)
    expect(frame).toContain('? help · q quit')
  })

  it('a wider terminal shows the result’s files beside the agenda, and more accounts per row', async () => {
    app = await renderApp(await makeAppWorkspace(), { initial: { ...START, stack: [...START.stack, { name: 'result', manifest }] }, size: { columns: 120, rows: 40 } })
    const wide = await app.waitFor('Slides per segment')
    expect(wide.split('\n').find((line) => line.includes('Files'))).toContain('Slides per segment')
    await app.close()
    app = await renderApp(await makeAppWorkspace(), { size: { columns: 120, rows: 40 } })
    const dashboard = await app.waitFor('Next meeting')
    // Three accounts (LinkedIn, X, the blog) on one row at 120 columns.
    expect(dashboard.split('\n').filter((line) => line.includes('LinkedIn') && line.includes(' X ') && line.includes('blog'))).toHaveLength(1)
  })
})
