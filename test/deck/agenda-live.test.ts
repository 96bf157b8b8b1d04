// Given one account on the demo site, when `showtell build` runs with snapshots
// at 45 minutes, then the here-and-now's minutes follow its slide count, and the
// agenda (in build.json and on the deck's agenda slide) is the one worked out by
// hand below, not one read back from the same build (review A.2).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { makeDemoWorkspace } from '../helpers/demo-workspace.js'

/**
 * The 45-minute agenda for the listening topic with one live account, worked out by
 * hand from src/agenda/segments.ts and src/agenda/plan.ts: [segment title, minutes, slides].
 * - Loss of control (no audit) and ROI (one meeting of history, no trend) are empty:
 *   one-minute placeholders.
 * - Here-and-now has 2 slides (what to look for, and the overview of the one account; its own
 *   slide is in the appendix, and a first measurement is no spotlight), so it takes at most
 *   ceil(2 × 1.5) = 3 minutes: its minimum, not the 6 it gets with many slides
 *   (src/agenda/segments.ts, minutesPerSlide 1.5).
 * - Minimums: 1 + 3 + 1 + 5 + 3 + 3 + 5 + 4 + 1 + 1 = 27, so 18 minutes are spare. Each goes
 *   to the lowest (minutes + 1) / weight, ties to the earlier segment, here-and-now never:
 *   case studies, worst cases (4 each), key points 6, case studies 5, worst cases 5,
 *   discussion 5, key points 7, opening 2, key points 8, case studies, worst cases,
 *   exercise and discussion 6 each, next meeting 2 (its maximum), key points 9 (score
 *   2.25), case studies 7 (2.33, the earliest of four at 2.33), worst cases 7 and exercise
 *   7 (2.33 each, before discussion).
 * - 2 + 3 + 1 + 9 + 7 + 7 + 7 + 6 + 1 + 2 = 45.
 * Slides: opening 3 (title, agenda, why), the topic's 4 key points, 2 case studies, 2
 * worst-case tables (6 rows at 4 a slide), 1 exercise, 2 discussion slides (questions,
 * decisions), 2 next-meeting slides.
 */
const AGENDA_45_ONE_ACCOUNT: readonly (readonly [string, number, number])[] = [
  ['Opening', 2, 3],
  ['Here and now: our accounts live', 3, 2],
  ['Loss of control: accounts we do not run', 1, 1],
  ['Key points', 9, 4],
  ['Case studies', 7, 2],
  ['Worst cases and mitigations', 7, 2],
  ['Hands-on exercise', 7, 1],
  ['Discussion and decisions', 6, 2],
  ['ROI: what changed', 1, 1],
  ['Next meeting', 2, 2],
]

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await site.close()
})

describe('the agenda of a live build', () => {
  it('one account: here-and-now gets 3 minutes for its 2 slides, and the spare minutes go to worst cases and the exercise', async () => {
    const workspace = await makeDemoWorkspace(site.url, [{ id: 'nordlys-linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/nordlys-outdoor`, label: 'Nordlys on LinkedIn' }], { timeout: 8 })
    const result = await runCli(['build', '--topic', 'listening', '--date', '2026-11-24', '--duration', '45', '--format', 'md', '--json', '--workspace', workspace])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const manifest = JSON.parse(result.stdout) as { slideCount: number; agenda: { title: string; minutes: number; slideCount: number; placeholder: boolean }[] }
    expect(manifest.agenda.map((s) => [s.title, s.minutes, s.slideCount])).toEqual(AGENDA_45_ONE_ACCOUNT)
    expect(manifest.agenda.filter((s) => s.placeholder).map((s) => s.title)).toEqual(['Loss of control: accounts we do not run', 'ROI: what changed'])
    expect(manifest.slideCount).toBe(21)

    // The agenda slide the room sees says the same.
    const md = await readFile(join(workspace, 'out', '2026-11-24-listening', 'deck.md'), 'utf8')
    const agendaSlide = md.split(/\n---\n/).find((slide) => slide.includes('<!-- _class: agenda -->'))!
    const rows = [...agendaSlide.matchAll(/^\| (.+?) \| (\d+) \|$/gm)].map((m) => [m[1]!.replace(/\\(.)/g, '$1'), Number(m[2])])
    expect(rows).toEqual(AGENDA_45_ONE_ACCOUNT.map(([title, minutes]) => [title, minutes]))
  })
})
