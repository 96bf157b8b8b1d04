// Topics: browse the library with ↑/↓ and j/k, see when each was last
// covered, preview its agenda at a duration changed with ←/→, and Enter
// starts a build of it; Esc comes back.
import { afterEach, describe, expect, it } from 'vitest'
import { START } from '../../src/ui/state.js'
import { KEY, lineWith, renderApp, type AppHarness } from './harness.js'
import { makeAppWorkspace } from './fixtures.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const openTopics = async () => {
  const dir = await makeAppWorkspace({
    'history/meetings.jsonl': `${JSON.stringify({ date: '2026-11-17', topic: 'crisis', source: 'held', recordedAt: '2026-11-17T10:00:00.000Z' })}\n`,
  })
  app = await renderApp(dir, { initial: { ...START, stack: [...START.stack, { name: 'topics' }] } })
  return app.waitFor('Agenda for')
}

/** The title on the selected row (marked ›). */
const selected = (frame: string) => /›(.+?)\s{2,}/.exec(frame)?.[1]?.trim()

describe('Topics', () => {
  it('lists the library with when each topic was last covered', async () => {
    const frame = await openTopics()
    expect(lineWith(frame, 'Crisis')).toMatch(/Crisis.*2026-11-17/)
    expect(lineWith(frame, 'Social media policy')).toContain('never')
  })

  it('moves with ↓, j, k and ↑, and the preview follows the selection', async () => {
    const first = await openTopics()
    const one = selected(first)!
    await app!.press(KEY.down)
    const two = selected(app!.frame())!
    expect(two).not.toBe(one)
    await app!.press('j')
    const three = selected(app!.frame())!
    expect(three).not.toBe(two)
    // The preview's heading is the selected topic's title.
    expect(app!.frame().split('\n').filter((l) => l.includes(three.replace(/…$/, ''))).length).toBeGreaterThanOrEqual(2)
    await app!.press('k', KEY.up)
    expect(selected(app!.frame())).toBe(one)
  })

  it('previews the agenda at 45 minutes, and → / ← change it by 5', async () => {
    const frame = await openTopics()
    const minutes = (f: string) => [...f.matchAll(/^.*?\s(\d+) min {2}\S/gm)].reduce((sum, m) => sum + Number(m[1]), 0)
    expect(frame).toContain('Agenda for 45 min')
    expect(minutes(frame)).toBe(45)
    await app!.press(KEY.right)
    await app!.waitFor('Agenda for 50 min')
    expect(minutes(app!.frame())).toBe(50)
    await app!.press(KEY.left, KEY.left, KEY.left, KEY.left)
    await app!.waitFor('Agenda for 30 min')
    expect(minutes(app!.frame())).toBe(30)
    // 30 is the shortest meeting: ← changes nothing, so the → after it gives 35, not 30.
    app!.pressIgnored(KEY.left)
    await app!.press(KEY.right)
    await app!.waitFor('Agenda for 35 min')
    expect(minutes(app!.frame())).toBe(35)
  })

  it('Enter opens the build of the selected topic at the previewed duration; Esc comes back', async () => {
    await openTopics()
    await app!.press(KEY.down, KEY.right)
    // The preview reads the history and the audit from disk: it is planned a moment after the key.
    const title = (await app!.waitFor('Agenda for 50 min')).split('\n').find((l) => l.includes('min (← →'))!
    expect(title).toContain('50 min')
    const topic = selected(app!.frame())!.replace(/…$/, '')
    await app!.press(KEY.enter)
    const build = await app!.waitFor('showtell · build')
    expect(lineWith(build, 'Topic')).toContain(topic)
    expect(build).toContain('‹ 50 min ›')
    await app!.press(KEY.escape)
    await app!.waitFor('Agenda for')
  })

  it('? lists the keys of the topics screen', async () => {
    await openTopics()
    await app!.press('?')
    const help = await app!.waitFor('Keys on this screen')
    expect(help).toContain('build the selected topic')
    expect(help).toContain('preview at 5 minutes less or more')
    await app!.press('?')
    await app!.waitFor('Agenda for')
  })
})
