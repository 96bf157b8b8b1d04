// Start-up (issue 6): the non-interactive commands must not load Ink or React.
// `npm run build` bundles the CLI into dist/cli.js and chunks in dist/chunks/,
// and writes dist/chunks/manifest.json: which chunk holds which of our
// modules and which packages. Each command runs as a user would run it (the
// built CLI, stdin from /dev/null, output to a pipe) under a loader hook that
// records every module the process resolves; the record must hold the chunks
// of the modules the command needs, and no chunk with Ink or React in it.
// The control runs the app in a real terminal with the same hook.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI, REPO_ROOT } from '../helpers/cli.js'

const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty')
const HOOK = pathToFileURL(join(REPO_ROOT, 'test', 'fixtures', 'trace-imports.mjs')).href

/** dist/chunks/manifest.json: chunk file (relative to dist/) → our modules and the packages in it. */
let manifest: Record<string, string[]>

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(REPO_ROOT, 'dist', 'chunks', 'manifest.json'), 'utf8')) as Record<string, string[]>
})

/** The URLs of the chunks that hold `part` (a package name, or one of our modules as dist/…). */
function chunksWith(part: string): string[] {
  const files = Object.entries(manifest).filter(([, inputs]) => inputs.includes(part)).map(([file]) => file)
  if (files.length === 0) throw new Error(`no chunk holds ${part}: is the manifest stale? run npm run build`)
  return files.map((file) => pathToFileURL(join(REPO_ROOT, 'dist', file)).href)
}

const UI = ['ink', 'react', 'react-reconciler', 'dist/ui/App.js']

/**
 * Text that only Ink's and React's code holds, checked in the bytes of every file the
 * process loaded: the manifest above is written by our own bundler script, and a wrong
 * manifest must not make "Ink not loaded" pass. React (and its reconciler) link each
 * production error to react.dev; Ink refuses a terminal without raw mode in these words.
 */
const UI_MARKERS = ['react.dev/errors', 'Raw mode is not supported']

/** The markers found in the files under dist/ that the process loaded. */
async function uiMarkersLoaded(modules: string[]): Promise<string[]> {
  const dist = pathToFileURL(join(REPO_ROOT, 'dist')).href
  const found = new Set<string>()
  for (const url of modules.filter((m) => m.startsWith(`${dist}/`))) {
    const text = await readFile(fileURLToPath(url), 'utf8')
    for (const marker of UI_MARKERS) if (text.includes(marker)) found.add(marker)
  }
  return [...found].sort()
}

interface Traced {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** Every URL the process resolved, in order. */
  readonly modules: string[]
}

async function traceFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'showtell-imports-')), 'modules.txt')
}

async function readTrace(trace: string): Promise<string[]> {
  return (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter(Boolean)
}

function baseEnv(trace: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SHOWTELL_IMPORT_TRACE: trace, NO_COLOR: '1' }
  delete env.CI
  delete env.CONTINUOUS_INTEGRATION
  return env
}

/** Runs `node --import <hook> …args` in the example workspace (the repository root) and returns what it resolved. */
async function traced(args: string[]): Promise<Traced> {
  const trace = await traceFile()
  const result = await new Promise<Omit<Traced, 'modules'>>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, ...args], { cwd: REPO_ROOT, env: baseEnv(trace), stdio: ['ignore', 'pipe', 'pipe'] })
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
  return { ...result, modules: await readTrace(trace) }
}

/** Which of `chunks` the process loaded. */
const loaded = (modules: string[], chunks: string[]) => chunks.filter((chunk) => modules.includes(chunk))

describe('the non-interactive commands never load Ink or React', () => {
  it.each([
    ['showtell topics --json', ['topics', '--json'], ['dist/commands/topics.js', 'dist/workspace/load.js']],
    ['showtell schedule --json', ['schedule', '--json'], ['dist/commands/schedule.js', 'dist/workspace/load.js']],
    ['showtell --help', ['--help'], ['dist/main.js', 'dist/commands/registry.js']],
    ['showtell without a terminal (stdin /dev/null)', [], ['dist/commands/home.js', 'dist/overview/overview.js']],
  ])('%s', async (_name, args, needed) => {
    const result = await traced([CLI, ...args])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    // The hook saw the command load what it needs: an empty or broken trace cannot pass.
    for (const part of needed) expect(loaded(result.modules, chunksWith(part)), `${part} in the trace`).not.toEqual([])
    for (const part of UI) expect(loaded(result.modules, chunksWith(part)), `${part} in the trace`).toEqual([])
    expect(await uiMarkersLoaded(result.modules)).toEqual([])
  })

  it('Ink, React and the app are in chunks of their own, which hold no module a command needs', () => {
    const ui = new Set(UI.flatMap(chunksWith))
    for (const part of ['dist/main.js', 'dist/commands/registry.js', 'dist/workspace/load.js', 'dist/commands/topics.js', 'dist/commands/home.js', 'zod', 'yaml']) {
      expect(chunksWith(part).filter((chunk) => ui.has(chunk)), part).toEqual([])
    }
  })

  it('the same hook sees the chunks of Ink and React when showtell opens the app in a terminal (the control)', async () => {
    const modules = await appInTerminal()
    for (const part of UI) expect(loaded(modules, chunksWith(part)), part).not.toEqual([])
    // The markers are in what the app loads: their absence above means something.
    expect(await uiMarkersLoaded(modules)).toEqual([...UI_MARKERS].sort())
    // And nothing of Ink's or React's from node_modules: the bundle holds them.
    expect(modules.filter((url) => /\/node_modules\/(ink|react|react-reconciler|es-toolkit)\//.test(url))).toEqual([])
  })

  it('the app\'s first frame, once the workspace has been validated, loads neither the YAML parser nor zod', async () => {
    await appInTerminal()
    const modules = await appInTerminal()
    expect(loaded(modules, chunksWith('yaml'))).toEqual([])
    expect(loaded(modules, chunksWith('zod'))).toEqual([])
    expect(loaded(modules, chunksWith('dist/overview/overview.js'))).not.toEqual([])
  })
})

/** Runs `showtell` in an 80×24 terminal until the dashboard shows, then q; returns what it resolved. */
async function appInTerminal(): Promise<string[]> {
  const trace = await traceFile()
  const child = pty.spawn(process.execPath, ['--import', HOOK, CLI], { cols: 80, rows: 24, cwd: REPO_ROOT, env: baseEnv(trace) as Record<string, string> })
  let screen = ''
  child.onData((data) => (screen += data))
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)))
  try {
    for (const until = Date.now() + 20_000; !screen.includes('Next meeting') && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen).toContain('Next meeting')
    child.write('q')
    expect(await exited).toBe(0)
  } finally {
    child.kill()
  }
  return readTrace(trace)
}
