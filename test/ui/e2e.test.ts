// The app as a person uses it, in a real pseudo-terminal at 80×24: start
// `showtell` in (a copy of) the example workspace, open Topics, pick one,
// build it against the demo site, see the result screen with the deck's
// folder, quit with q; the files are there. Colours follow NO_COLOR.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { CLI, REPO_ROOT } from '../helpers/cli.js'

const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty')

let site: DemoSite
beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site.close()
})

/** The example workspace (showtell.yaml only: no history, no decks), pointed at this run's demo site. */
async function exampleWorkspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'showtell-e2e-'))
  const yaml = (await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8')).replaceAll('http://127.0.0.1:4321', site.url)
  await writeFile(join(dir, 'showtell.yaml'), yaml)
  return dir
}

/** A terminal session: what the screen shows now (ANSI codes removed), keys, and the exit. */
function terminal(cwd: string, env: Record<string, string> = {}) {
  // Not CI, whatever runs the tests: under CI, showtell prints text instead of opening the app.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && key !== 'NO_COLOR'))
  const child = pty.spawn(process.execPath, [CLI], { cols: 80, rows: 24, cwd, env: { ...base, ...env } as Record<string, string> })
  let raw = ''
  child.onData((data) => (raw += data))
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)))
  // The screen is redrawn in place; the newest complete frame starts at the newest title line.
  const screen = () => {
    const plain = raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    return plain.slice(plain.lastIndexOf('showtell · '))
  }
  const waitFor = async (text: string | RegExp, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      const now = screen()
      if (typeof text === 'string' ? now.includes(text) : text.test(now)) return now
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${screen()}`)
  }
  /** Types keys and waits until the app has drawn something in answer. */
  const press = async (keys: string) => {
    const drawn = raw.length
    child.write(keys)
    for (const until = Date.now() + 20_000; raw.length === drawn; ) {
      if (Date.now() > until) throw new Error(`nothing was drawn after the keys ${JSON.stringify(keys)}; the screen was:\n${screen()}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  /** Types keys after which the app may draw nothing (q: it exits). */
  const type = (keys: string) => child.write(keys)
  return { raw: () => raw, screen, waitFor, press, type, exited, kill: () => child.kill() }
}

describe('showtell in a terminal', () => {
  it('goes from the dashboard through Topics to a finished deck, without a flag', async () => {
    const dir = await exampleWorkspace()
    const term = terminal(dir)
    try {
      await term.waitFor('Next meeting')
      await term.press('t')
      const list = (await term.waitFor('Agenda for 45 min')).split('\n')
      // Pick the third topic in the list.
      const third = list[list.findIndex((line) => line.startsWith(' TOPIC')) + 3]!.slice(1, 24).trim()
      await term.press('j')
      await term.press('j')
      const picked = /›(.+?) {2,}/.exec(await term.waitFor(`›${third}`))![1]!.trim()
      await term.press('\r')
      const setup = await term.waitFor('Enter builds into')
      const folder = /Enter builds into (out\/[\w-]+)\//.exec(setup)![1]!
      expect(setup).toContain(picked.replace(/…$/, ''))
      await term.press('\r')
      await term.waitFor('showtell · building')
      const result = await term.waitFor('showtell · deck ready', 150_000)
      expect(result).toContain(`Folder ${folder}/`)
      for (const name of ['deck.html', 'deck.pdf', 'handout.pdf', 'deck.md', 'build.json']) {
        expect(result).toContain(name)
        expect(existsSync(join(dir, folder, name)), `${folder}/${name} exists`).toBe(true)
      }
      term.type('q')
      expect(await term.exited).toBe(0)
    } finally {
      term.kill()
    }
  })

  it('uses colour in a terminal, and none at all with NO_COLOR', async () => {
    const dir = await exampleWorkspace()
    const colourCodes = /\x1b\[(?:3[0-7]|9[0-7]|38;[25];[\d;]+|4[0-7]|10[0-7])m/
    for (const [noColor, expectColour] of [['', true], ['1', false]] as const) {
      const term = terminal(dir, noColor ? { NO_COLOR: noColor } : {})
      try {
        await term.waitFor('Next meeting')
        await term.press('?')
        await term.waitFor('Keys on this screen')
        term.type('q')
        expect(await term.exited).toBe(0)
        expect(colourCodes.test(term.raw()), `NO_COLOR=${noColor}`).toBe(expectColour)
      } finally {
        term.kill()
      }
    }
  })
})
