// Start-up (issue 6): the non-interactive commands must not load Ink or React.
// Each command runs as a user would run it (the built CLI, stdin from
// /dev/null, output to a pipe) under a loader hook that records every module
// the process resolves; the record must hold the modules the command needs
// and none of Ink's or React's.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLI, REPO_ROOT } from '../helpers/cli.js'

const HOOK = join(REPO_ROOT, 'test', 'fixtures', 'trace-imports.mjs')
const INK = '/node_modules/ink/'
const REACT = '/node_modules/react/'

interface Traced {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** Every URL the process resolved, in order. */
  readonly modules: string[]
}

/** Runs `node --import <hook> …args` in the example workspace (the repository root) and returns what it resolved. */
async function traced(args: string[]): Promise<Traced> {
  const trace = join(await mkdtemp(join(tmpdir(), 'showtell-imports-')), 'modules.txt')
  const env: NodeJS.ProcessEnv = { ...process.env, SHOWTELL_IMPORT_TRACE: trace, NO_COLOR: '1' }
  delete env.CI
  delete env.CONTINUOUS_INTEGRATION
  const result = await new Promise<Omit<Traced, 'modules'>>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(HOOK).href, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
  const modules = (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter(Boolean)
  return { ...result, modules }
}

const loaded = (modules: string[], part: string) => modules.filter((url) => url.includes(part))

describe('the non-interactive commands never load Ink or React', () => {
  it.each([
    ['showtell topics --json', ['topics', '--json'], ['/dist/commands/topics.js', '/node_modules/yaml/', '/node_modules/zod/']],
    ['showtell schedule --json', ['schedule', '--json'], ['/dist/commands/schedule.js', '/node_modules/yaml/', '/node_modules/zod/']],
    ['showtell --help', ['--help'], ['/dist/main.js', '/dist/commands/registry.js']],
    ['showtell without a terminal (stdin /dev/null)', [], ['/dist/commands/home.js', '/dist/overview/overview.js', '/node_modules/yaml/']],
  ])('%s', async (_name, args, needed) => {
    const result = await traced([CLI, ...args])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    // The hook saw the command load what it needs: an empty or broken trace cannot pass.
    expect(result.modules.length).toBeGreaterThan(needed.length)
    for (const part of needed) expect(loaded(result.modules, part), `${part} in the trace`).not.toEqual([])
    expect(loaded(result.modules, INK)).toEqual([])
    expect(loaded(result.modules, REACT)).toEqual([])
    expect(loaded(result.modules, '/dist/ui/')).toEqual([])
  })

  it('the same hook does see Ink and React when the app is imported (the control)', async () => {
    const start = pathToFileURL(join(REPO_ROOT, 'dist', 'ui', 'start.js')).href
    const result = await traced(['--input-type=module', '-e', `await import(${JSON.stringify(start)})`])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(loaded(result.modules, '/dist/ui/start.js')).not.toEqual([])
    expect(loaded(result.modules, INK)).not.toEqual([])
    expect(loaded(result.modules, REACT)).not.toEqual([])
  })

  it('showtell in a terminal loads the app as one bundle, with Ink and React inside it', async () => {
    // The app is loaded by a real `showtell` in a pseudo-terminal only; here
    // the bundle is imported the way home.js imports it.
    const bundle = pathToFileURL(join(REPO_ROOT, 'dist', 'ui', 'app.bundle.js')).href
    const result = await traced(['--input-type=module', '-e', `const app = await import(${JSON.stringify(bundle)}); if (typeof app.startApp !== 'function') process.exit(3)`])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(loaded(result.modules, '/dist/ui/app.bundle.js')).not.toEqual([])
    // Our other modules stay shared with the commands: the build the app starts is the one `showtell build` runs.
    expect(loaded(result.modules, '/dist/build/build.js')).not.toEqual([])
    expect(loaded(result.modules, '/dist/ui/start.js')).toEqual([])
    expect(loaded(result.modules, INK)).toEqual([])
    expect(loaded(result.modules, REACT)).toEqual([])
    expect(loaded(result.modules, '/node_modules/es-toolkit/')).toEqual([])
  })
})
