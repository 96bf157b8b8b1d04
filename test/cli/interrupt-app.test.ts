// The interactive app and the interrupt handlers: in the app's raw-mode
// terminal, Ctrl+C is a key the app reads (it quits, exit 0), not a SIGINT;
// a SIGTERM sent to the app ends it with exit 143 (after the grace period the
// app is given to stop on its own).
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI } from '../helpers/cli.js'
import { MINIMAL_CONFIG } from '../helpers/workspace.js'

const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty')

async function app() {
  const dir = await mkdtemp(join(tmpdir(), 'showtell-app-'))
  await writeFile(join(dir, 'showtell.yaml'), MINIMAL_CONFIG)
  // Not CI, whatever runs the tests: under CI, showtell prints text instead of opening the app.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION')) as Record<string, string>
  const child = pty.spawn(process.execPath, [CLI], { cols: 80, rows: 24, cwd: dir, env: { ...env, NO_COLOR: '1' } })
  let raw = ''
  child.onData((data) => (raw += data))
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)))
  const waitFor = async (text: string) => {
    const until = Date.now() + 30_000
    while (!raw.includes(text)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${text}; the screen was:\n${raw}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return { dir, child, exited, waitFor }
}

describe('the app and the interrupt handlers', () => {
  it('Ctrl+C is still the app’s own key: it quits with exit 0', async () => {
    const { child, exited, waitFor } = await app()
    try {
      await waitFor('Next meeting')
      child.write('\x03')
      expect(await exited).toBe(0)
    } finally {
      child.kill()
    }
  })

  it('SIGTERM ends the app with exit 143', async () => {
    const { child, exited, waitFor } = await app()
    try {
      await waitFor('Next meeting')
      process.kill(child.pid, 'SIGTERM')
      expect(await exited).toBe(143)
    } finally {
      child.kill()
    }
  })
})
