// `showtell present` as a user runs it (dist/cli.js), and in-process where a
// test must stand in for the browser opener or the machine's addresses: which
// deck it picks, its refusals (exit 2 with a hint), the URL it prints, --no-open,
// --lan's token and QR code, and a stop by SIGINT/SIGTERM ending with exit 0.
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPresent, type PresentDeps } from '../../src/commands/present.js'
import type { CommandContext } from '../../src/commands/context.js'
import { UserError } from '../../src/errors.js'
import { redact } from '../../src/secrets/redact.js'
import { deckFolderFor } from '../../src/present/pick.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { CLI, runCli } from '../helpers/cli.js'
import { eventually } from '../helpers/eventually.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'
import { deckFixture, rawRequest } from './fixture.js'

/** A build folder in `workspace`'s out/ (only what present reads). */
async function fakeBuild(workspace: string, date: string, topic = 'policy'): Promise<string> {
  const folder = join(workspace, 'out', `${date}-${topic}`)
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'deck.html'), `<!DOCTYPE html><title>${date}</title><h1>deck of ${date}</h1>`)
  await writeFile(join(folder, 'build.json'), JSON.stringify({ topic: { id: topic, title: 'Policy' }, date, duration: 45, slideCount: 1, builtAt: `${date}T08:00:00Z`, files: [] }))
  return folder
}

/** Runs the command in-process with stand-ins; returns its output so far, a stop, and its exit. */
function startInProcess(args: { values?: CommandContext['values']; positionals?: string[] }, deps: Omit<PresentDeps, 'signal'>) {
  let stdout = ''
  let stderr = ''
  const stop = new AbortController()
  const ctx: CommandContext = {
    values: args.values ?? {},
    positionals: args.positionals ?? [],
    io: { stdout: { write: (chunk: string) => ((stdout += chunk), true) } as never, stderr: { write: (chunk: string) => ((stderr += chunk), true) } as never },
  }
  const exit = runPresent(ctx, { ...deps, signal: stop.signal })
  return { out: () => stdout, err: () => stderr, stop: () => stop.abort(), exit }
}

const urlIn = (text: string) => /Deck: +(http:\/\/\S+)/.exec(text)?.[1]

describe('showtell present: which deck', () => {
  it('picks the next meeting\'s build, else the latest one, and --date picks that meeting', async () => {
    const workspace = await makeWorkspace()
    await fakeBuild(workspace, '2026-11-24')
    const next = await fakeBuild(workspace, '2026-12-01')
    const latest = await fakeBuild(workspace, '2026-12-08')
    const loaded = await loadWorkspace(workspace)
    // Monday 30 November: the next meeting is Tuesday 1 December.
    expect(await deckFolderFor(loaded, { now: new Date('2026-11-30T10:00:00Z') })).toEqual({ folder: next, reason: 'next meeting' })
    // Monday 14 December: nothing built for the 15th, so the latest build.
    expect(await deckFolderFor(loaded, { now: new Date('2026-12-14T10:00:00Z') })).toEqual({ folder: latest, reason: 'latest build' })
    expect((await deckFolderFor(loaded, { date: '2026-11-24' })).folder).toBe(join(workspace, 'out', '2026-11-24-policy'))
    await expect(deckFolderFor(loaded, { date: '2026-11-17' })).rejects.toThrow(/no deck for 2026-11-17/)
  })

  it('refuses with exit 2 and a hint when nothing is built, for a date without a build, and for a folder without deck.html', async () => {
    const workspace = await makeWorkspace()
    const none = await runCli(['present', '--no-open'], { cwd: workspace })
    expect(none.code).toBe(2)
    expect(none.stderr).toBe('showtell: no deck has been built yet (hint: run showtell build first)\n')
    expect(none.stdout).toBe('')

    await fakeBuild(workspace, '2026-11-24')
    const noDate = await runCli(['present', '--date', '2026-12-01'], { cwd: workspace })
    expect(noDate.code).toBe(2)
    expect(noDate.stderr).toContain('run showtell build --date 2026-12-01 first')

    const folder = join(workspace, 'half')
    await mkdir(folder)
    await writeFile(join(folder, 'build.json'), '{}')
    const half = await runCli(['present', folder], { cwd: workspace })
    expect(half.code).toBe(2)
    expect(half.stderr).toMatch(/^showtell: .*half: no deck\.html in .*half \(hint: .*run showtell build first\)\n$/)

    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const taken = await runCli(['present', join(workspace, 'out', '2026-11-24-policy'), '--port', String((busy.address() as AddressInfo).port)], { cwd: workspace })
    busy.close()
    expect(taken.code).toBe(2)
    expect(taken.stderr).toMatch(/^showtell: --port: cannot listen on port \d+ \(EADDRINUSE\) \(hint: pick another port/)

    const badPort = await runCli(['present', '--port', '70000'], { cwd: workspace })
    expect(badPort.code).toBe(2)
    expect(badPort.stderr).toContain('--port')
  })
})

describe('showtell present: serving', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints the URL, serves the deck there, and ends with exit 0 on ${signal}`, async () => {
      const { folder } = await deckFixture()
      const child = spawn(process.execPath, [CLI, 'present', folder, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
      const url = await eventually(() => urlIn(stdout), (value) => value !== undefined)
      expect(url, stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const port = Number(new URL(url!).port)
      const response = await rawRequest(port, '/')
      expect(response.status).toBe(200)
      expect(response.body).toContain('<h1>deck</h1>')
      child.kill(signal)
      expect(await exited).toBe(0)
      expect(stdout).toContain('Stopped.')
      expect(stderr).toBe('')
      await expect(rawRequest(port, '/')).rejects.toThrow(/ECONNREFUSED/)
    })
  }

  it('opens the browser at the URL only when a person is at the terminal and --no-open is not given', async () => {
    const { folder } = await deckFixture()
    for (const [values, interactive, expectOpen] of [
      [{}, true, true],
      [{ 'no-open': true }, true, false],
      [{}, false, false],
    ] as const) {
      const opened: string[] = []
      const run = startInProcess({ values, positionals: [folder] }, { interactive, open: async (url) => (opened.push(url), undefined) })
      const url = await eventually(() => urlIn(run.out()), (value) => value !== undefined)
      // The opener, when it runs, runs before the command waits for its stop: after the exit, it has run or never will.
      run.stop()
      expect(await run.exit).toBe(0)
      expect(opened).toEqual(expectOpen ? [url] : [])
    }
  })

  it('warns, and keeps serving, when the browser does not open', async () => {
    const { folder } = await deckFixture()
    const run = startInProcess({ positionals: [folder] }, { interactive: true, open: async () => 'xdg-open: spawn xdg-open ENOENT' })
    const url = await eventually(() => urlIn(run.out()), (value) => value !== undefined)
    await eventually(() => run.err(), (text) => text.length > 0)
    expect(run.err()).toBe('  ! could not open the browser (xdg-open: spawn xdg-open ENOENT); open the address above by hand\n')
    expect((await rawRequest(Number(new URL(url!).port), '/')).status).toBe(200)
    run.stop()
    expect(await run.exit).toBe(0)
  })
})

describe('showtell present --lan', () => {
  it('serves behind a token, prints the remote address and its QR code, and writes the token to no file', async () => {
    const workspace = await makeWorkspace()
    await fakeBuild(workspace, '2026-11-24')
    const run = startInProcess({ values: { lan: true, workspace, date: '2026-11-24' } }, { interactive: false, lanAddresses: () => ['127.0.0.1'] })
    const url = await eventually(() => urlIn(run.out()), (value) => value !== undefined)
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/t\/([A-Za-z0-9_-]{22})\/$/.exec(url ?? '')
    expect(match, run.out()).not.toBeNull()
    const [, port, token] = match as unknown as [string, string, string]
    expect(run.out()).toContain(`Remote:  ${url}remote`)
    // The QR code: half-block characters, several rows of them.
    expect(run.out().split('\n').filter((line) => /^[█▀▄ ]{20,}$/.test(line)).length).toBeGreaterThan(10)
    expect((await rawRequest(Number(port), '/deck.html')).status).toBe(403)
    const ok = await rawRequest(Number(port), `/t/${token}/`)
    expect(ok.status).toBe(200)
    expect(ok.body).toContain('deck of 2026-11-24')
    run.stop()
    expect(await run.exit).toBe(0)
    for (const file of await listTree(workspace)) expect(await readFile(join(workspace, file), 'utf8'), file).not.toContain(token)
    // An error line or a warning that quoted the address would lose the token.
    expect(redact(`could not open http://127.0.0.1:${port}/t/${token}/`)).toBe(`could not open http://127.0.0.1:${port}/t/[redacted]/`)
  })

  it('refuses with exit 2 when the machine has no private address', async () => {
    const workspace = await makeWorkspace()
    await fakeBuild(workspace, '2026-11-24')
    const run = startInProcess({ values: { lan: true, workspace } }, { lanAddresses: () => [] })
    const error = await run.exit.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).exitCode).toBe(2)
    expect((error as UserError).format()).toMatch(/^--lan: this machine has no private network address to serve on \(hint: join the Wi-Fi/)
    expect(run.out()).toBe('')
  })
})
