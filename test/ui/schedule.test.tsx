// Schedule: the next meetings with their topics and why; s skips the
// selected date (and un-skips it), p pins a topic to it, u unpins, h marks it
// held. Each change goes through the same code as `showtell schedule …` and
// lands in showtell.yaml or history/meetings.jsonl.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { START } from '../../src/ui/state.js'
import { KEY, renderApp, type AppHarness } from './harness.js'
import { makeAppWorkspace } from './fixtures.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const ROW = /^› \w{3} (\d{4}-\d{2}-\d{2}) {2}(.+?)\s{2,}(.+)$/m

async function openSchedule() {
  const dir = await makeAppWorkspace()
  app = await renderApp(dir, { initial: { ...START, stack: [...START.stack, { name: 'schedule' }] } })
  const frame = await app.waitFor(ROW)
  return { dir, frame }
}

/** Waits until the selected row reads `why` (the list reloads just after the change is written). */
const waitForWhy = (why: string) => app!.waitFor((frame) => ROW.exec(frame)?.[3]?.trim() === why)

const selectedRow = () => {
  const m = ROW.exec(app!.frame())!
  return { date: m[1]!, topic: m[2]!.trim(), why: m[3]!.trim() }
}

describe('Schedule', () => {
  it('lists the next 8 weeks of Tuesdays with a topic and a reason each', async () => {
    const { frame } = await openSchedule()
    const rows = frame.split('\n').filter((line) => /^[› ] \w{3} \d{4}-\d{2}-\d{2}/.test(line))
    // "Now" is Friday 2026-11-20 (the harness): eight Tuesdays from the first meeting on.
    expect(rows.map((row) => /\d{4}-\d{2}-\d{2}/.exec(row)![0])).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29', '2027-01-05', '2027-01-12'])
    for (const row of rows) expect(row).toMatch(/Tue \d{4}-\d{2}-\d{2} {2}\S.*\s{2,}(never covered|least recently covered.*)$/)
    await app!.press('+')
    await app!.waitFor('next 12 weeks')
  })

  it('s skips the selected date in showtell.yaml, and s again un-skips it', async () => {
    const { dir } = await openSchedule()
    // React says so on the console when one date is listed twice, even for one frame.
    const warnings = vi.spyOn(console, 'error')
    await app!.press('j')
    const { date, topic } = selectedRow()
    await app!.press('s')
    await app!.waitFor(`Skipping ${date} (showtell.yaml)`)
    await app!.waitFor((frame) => ROW.exec(frame)?.[2]?.trim() === '(skipped)')
    expect(await readFile(join(dir, 'showtell.yaml'), 'utf8')).toMatch(new RegExp(`skip:[\\s\\S]*${date}`))
    // The skipped date stays listed, so it can be un-skipped; the topic moves on.
    expect(selectedRow()).toMatchObject({ date, topic: '(skipped)' })
    await app!.press('s')
    await app!.waitFor(`No longer skipping ${date}`)
    await app!.waitFor((frame) => ROW.exec(frame)?.[2]?.trim() === topic)
    expect(await readFile(join(dir, 'showtell.yaml'), 'utf8')).not.toContain(date)
    expect(selectedRow()).toMatchObject({ date, topic })
    expect(warnings.mock.calls.map((call) => String(call[0])).filter((text) => text.includes('same key'))).toEqual([])
    warnings.mockRestore()
  })

  it('the nearest meeting, once skipped, stays listed and can be un-skipped', async () => {
    const { dir } = await openSchedule()
    const { date, topic } = selectedRow()
    expect(date).toBe('2026-11-24')
    await app!.press('s')
    await app!.waitFor(`Skipping ${date} (showtell.yaml)`)
    // Once the plan is worked out again, the skipped date's topic moves on to the next week.
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
    await app!.waitFor((frame) => frame.split('\n').some((line) => line.includes(`${next}  ${topic}`)))
    expect(selectedRow()).toMatchObject({ date, topic: '(skipped)' })
    await app!.press('s')
    await app!.waitFor(`No longer skipping ${date}`)
    await app!.waitFor((frame) => ROW.exec(frame)?.[2]?.trim() === topic)
    // (The date is also meeting.start in this workspace, so only the skip list is checked.)
    const meeting = (parse(await readFile(join(dir, 'showtell.yaml'), 'utf8')) as { meeting: { skip?: string[] } }).meeting
    expect(meeting.skip ?? []).not.toContain(date)
  })

  it('p pins the topic picked from the list, and u unpins it', async () => {
    const { dir } = await openSchedule()
    const { date, topic: before } = selectedRow()
    await app!.press('p')
    await app!.waitFor(`Pin a topic to ${date}`)
    // The picker starts at the first topic id; pick the third.
    await app!.press(KEY.down, KEY.down)
    const picked = /^│\s*›(.+?)\s*│$/m.exec(app!.frame())![1]!.trim()
    await app!.press(KEY.enter)
    await app!.waitFor(`Pinned ${picked} to ${date}`)
    await waitForWhy('pinned')
    expect(selectedRow()).toMatchObject({ date, topic: picked, why: 'pinned' })
    const yaml = await readFile(join(dir, 'showtell.yaml'), 'utf8')
    expect(yaml).toMatch(new RegExp(`pins:[\\s\\S]*["']?${date}["']?: [a-z-]+`))
    await app!.press('u')
    await app!.waitFor(`Unpinned ${date}`)
    await app!.waitFor((frame) => ROW.exec(frame)?.[3]?.trim() !== 'pinned')
    expect(selectedRow()).toMatchObject({ date, topic: before })
  })

  it('Esc closes the topic picker without pinning', async () => {
    const { dir } = await openSchedule()
    const before = await readFile(join(dir, 'showtell.yaml'), 'utf8')
    await app!.press('p')
    await app!.waitFor('Pin a topic to')
    await app!.press(KEY.escape)
    await app!.waitFor(ROW)
    expect(app!.frame()).toContain('showtell · schedule')
    expect(await readFile(join(dir, 'showtell.yaml'), 'utf8')).toBe(before)
  })

  it('h records the selected meeting as held in the meeting log', async () => {
    const { dir } = await openSchedule()
    const { date, topic } = selectedRow()
    await app!.press('h')
    await app!.waitFor(`Recorded ${topic} as held on ${date}`)
    const log = (await readFile(join(dir, 'history', 'meetings.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
    expect(log).toEqual([expect.objectContaining({ date, source: 'held' })])
    await waitForWhy('held')
  })

  it('a bad change shows the reason and leaves showtell.yaml alone', async () => {
    const { dir } = await openSchedule()
    const before = await readFile(join(dir, 'showtell.yaml'), 'utf8')
    await app!.press('u')
    await app!.waitFor(/nothing is pinned on \d{4}-\d{2}-\d{2}/)
    expect(await readFile(join(dir, 'showtell.yaml'), 'utf8')).toBe(before)
  })
})
