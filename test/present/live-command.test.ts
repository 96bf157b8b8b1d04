// `showtell present --refresh` and the end of the talk as the command runs them
// (in-process, with a stand-in for the refresh producer): the deck is served
// before the fresh numbers exist, the fresh slides reach every page that
// listens and every page that connects later, the terminal says what came
// back, a producer that fails leaves the built deck up, and the end of the
// talk prints its minutes line.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CommandContext } from '../../src/commands/context.js'
import { runPresent, type PresentDeps } from '../../src/commands/present.js'
import type { LiveSlides } from '../../src/present/live.js'
import type { PresentingSession } from '../../src/present/session.js'
import { eventually } from '../helpers/eventually.js'
import { makeWorkspace } from '../helpers/workspace.js'
import { deckFixture, rawRequest } from './fixture.js'
import { listen, postJson } from './live-client.js'

function startInProcess(args: { values?: CommandContext['values']; positionals?: string[] }, deps: Omit<PresentDeps, 'signal' | 'onListening'>) {
  let stdout = ''
  const stop = new AbortController()
  let session: PresentingSession | undefined
  const ctx: CommandContext = {
    values: args.values ?? {},
    positionals: args.positionals ?? [],
    io: { stdout: { write: (chunk: string) => ((stdout += chunk), true) } as never, stderr: { write: () => true } as never },
  }
  const exit = runPresent(ctx, { interactive: false, ...deps, signal: stop.signal, onListening: (_server, started) => (session = started) })
  const listening = eventually(() => session, (value) => value !== undefined).then((value) => value!)
  return { out: () => stdout, stop: () => stop.abort(), exit, listening }
}

/** 09:01 today, local time: what the terminal shows for the snapshots' instant. */
const AT = new Date(2026, 10, 24, 9, 1, 30).toISOString()
const SLIDES: LiveSlides = { at: AT, slides: [{ index: 3, html: '<svg><text>4,321 followers</text></svg>' }, { index: 9, html: '<svg><text>ROI</text></svg>' }], failed: ['Nordlys on LinkedIn: kept from the build (login wall)'] }

describe('showtell present --refresh', () => {
  it('serves the built deck at once, then sends the fresh slides to the pages listening and to any that connect later', async () => {
    const { folder } = await deckFixture()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const asked: string[] = []
    const run = startInProcess({ values: { refresh: true }, positionals: [folder] }, {
      refresh: async (choice) => {
        asked.push(choice.folder)
        await gate
        return SLIDES
      },
    })
    const session = await run.listening
    // The deck is up while the producer still works.
    expect((await rawRequest(session.server.port, '/deck.html')).status).toBe(200)
    const early = await listen(`${session.urls[0]}live/events`)
    await eventually(() => run.out(), (text) => text.includes('Refreshing the numbers…'))
    expect(early.events).toEqual([])
    release()
    await eventually(() => early.events.length, (n) => n >= 1)
    expect(early.events).toEqual([{ event: 'slides', data: SLIDES }])
    const late = await listen(`${session.urls[0]}live/events`)
    await eventually(() => late.events.length, (n) => n >= 1)
    expect(late.events).toEqual([{ event: 'slides', data: SLIDES }])
    await eventually(() => run.out(), (text) => text.includes('Fresh numbers'))
    expect(asked).toEqual([folder])
    const tail = run.out().slice(run.out().indexOf('Press Ctrl+C to stop.'))
    expect(tail).toBe('Press Ctrl+C to stop.\nRefreshing the numbers…\nFresh numbers from 09:01 (2 slides replaced; Nordlys on LinkedIn: kept from the build (login wall))\n')
    early.close()
    late.close()
    run.stop()
    expect(await run.exit).toBe(0)
  })

  it('keeps presenting the built deck when the producer fails, and says so in one line', async () => {
    const { folder } = await deckFixture()
    const run = startInProcess({ values: { refresh: true }, positionals: [folder] }, {
      refresh: async () => {
        throw new Error('the browser did not start')
      },
    })
    const session = await run.listening
    await eventually(() => run.out(), (text) => text.includes('Could not refresh'))
    expect(run.out()).toContain('Refreshing the numbers…\nCould not refresh the numbers (the browser did not start): presenting the numbers from the build\n')
    expect((await rawRequest(session.server.port, '/deck.html')).status).toBe(200)
    const listener = await listen(`${session.urls[0]}live/events`)
    expect(listener.status).toBe(200)
    listener.close()
    run.stop()
    expect(await run.exit).toBe(0)
  })

  it('--refresh on a deck outside a workspace says why nothing is refreshed and presents the built deck', async () => {
    const { folder } = await deckFixture()
    const run = startInProcess({ values: { refresh: true }, positionals: [folder] }, {})
    const session = await run.listening
    await session.refreshed
    expect(run.out()).toContain("Could not refresh the numbers (this deck is not in a workspace's out/ folder, so there is no account list to refresh from): presenting the numbers from the build\n")
    expect((await rawRequest(session.server.port, '/')).status).toBe(200)
    run.stop()
    expect(await run.exit).toBe(0)
  })

  it('tells a refresh still running to stop when presenting stops', async () => {
    const { folder } = await deckFixture()
    let seen: AbortSignal | undefined
    const run = startInProcess({ values: { refresh: true }, positionals: [folder] }, {
      refresh: (_choice, signal) => {
        seen = signal
        return new Promise<LiveSlides>(() => {})
      },
    })
    await run.listening
    await eventually(() => seen, (signal) => signal !== undefined)
    expect(seen!.aborted).toBe(false)
    run.stop()
    expect(await run.exit).toBe(0)
    expect(seen!.aborted).toBe(true)
    expect(run.out()).not.toContain('Could not refresh')
  })

  it('does not refresh without --refresh', async () => {
    const { folder } = await deckFixture()
    let called = 0
    const run = startInProcess({ positionals: [folder] }, { refresh: async () => (called++, SLIDES) })
    const session = await run.listening
    await session.refreshed
    run.stop()
    expect(await run.exit).toBe(0)
    expect(called).toBe(0)
    expect(run.out()).not.toContain('Refresh')
  })
})

describe('showtell present: the end of the talk', () => {
  it('prints the remote address, and the minutes line when the deck page ends the talk', async () => {
    const workspace = await makeWorkspace()
    const folder = join(workspace, 'out', '2026-11-24-policy')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'deck.html'), '<!DOCTYPE html><html lang="en"><head></head><body>deck</body></html>')
    await writeFile(join(folder, 'build.json'), JSON.stringify({ topic: { id: 'policy' }, date: '2026-11-24', agenda: [{ id: 'here-and-now', title: 'Here and now' }] }))
    const run = startInProcess({ values: { workspace, date: '2026-11-24' } }, {})
    const session = await run.listening
    expect(run.out()).toContain(`  Remote:  ${session.urls[0]}remote\n`)
    const answer = await postJson(session.server.port, '/live/end', { actual: { 'here-and-now': 6.54 }, planned: { 'here-and-now': 6 }, endedAt: '2026-11-24T08:41:00Z' })
    expect(JSON.parse(answer.body)).toEqual({ recorded: 'written' })
    await eventually(() => run.out(), (text) => text.includes('Recorded'))
    expect(run.out()).toContain('Press Ctrl+C to stop.\nRecorded 6.5 minutes in history/meetings.jsonl (Here and now 6.5)\n')
    run.stop()
    expect(await run.exit).toBe(0)
  })
})
