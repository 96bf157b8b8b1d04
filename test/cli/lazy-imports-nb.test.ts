// Start-up in a workspace whose deck.language is nb (issue 12): the Norwegian
// built-in topics come from their own validated cache in dist/, so once the
// workspace has been validated, `showtell topics` and the app's first frame
// load neither the YAML parser nor zod, as they do not in English
// (lazy-imports.test.ts). Same hook, same manifest as that test.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI, REPO_ROOT } from '../helpers/cli.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'

const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty')
const HOOK = pathToFileURL(join(REPO_ROOT, 'test', 'fixtures', 'trace-imports.mjs')).href

let manifest: Record<string, string[]>
let workspace: string
let env: Record<string, string>

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(REPO_ROOT, 'dist', 'chunks', 'manifest.json'), 'utf8')) as Record<string, string[]>
  workspace = await makeWorkspace({ 'showtell.yaml': `${MINIMAL_CONFIG}  language: nb\n` })
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SHOWTELL_CACHE_DIR: await mkdtemp(join(tmpdir(), 'showtell-vcache-')) }
  delete base.CI
  delete base.CONTINUOUS_INTEGRATION
  env = base as Record<string, string>
})

function chunksWith(part: string): string[] {
  const files = Object.entries(manifest).filter(([, inputs]) => inputs.includes(part)).map(([file]) => file)
  if (files.length === 0) throw new Error(`no chunk holds ${part}: is the manifest stale? run npm run build`)
  return files.map((file) => pathToFileURL(join(REPO_ROOT, 'dist', file)).href)
}

const loaded = (modules: string[], chunks: string[]) => chunks.filter((chunk) => modules.includes(chunk))

async function traceFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'showtell-imports-')), 'modules.txt')
}

async function readTrace(trace: string): Promise<string[]> {
  return (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter(Boolean)
}

async function topicsTraced(): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const trace = await traceFile()
  const child = spawn(process.execPath, ['--import', HOOK, CLI, 'topics', '--json', '--workspace', workspace], { env: { ...env, SHOWTELL_IMPORT_TRACE: trace }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  return { code, stdout, modules: await readTrace(trace) }
}

describe('start-up in an nb workspace', () => {
  it('`showtell topics`, once the workspace has been validated, lists the Norwegian topics without the YAML parser or zod', async () => {
    // The first run validates showtell.yaml (a miss in a fresh validated cache).
    expect((await topicsTraced()).code).toBe(0)
    const second = await topicsTraced()
    expect(second.code).toBe(0)
    expect((JSON.parse(second.stdout) as Array<{ id: string; title: string }>).find((t) => t.id === 'crisis')?.title).toBe('Krise og verste tilfeller')
    expect(loaded(second.modules, chunksWith('dist/workspace/load.js'))).not.toEqual([])
    expect(loaded(second.modules, chunksWith('yaml'))).toEqual([])
    expect(loaded(second.modules, chunksWith('zod'))).toEqual([])
  })

  it('the app\'s first frame, once the workspace has been validated, loads neither the YAML parser nor zod', async () => {
    await appInTerminal()
    const modules = await appInTerminal()
    expect(loaded(modules, chunksWith('dist/overview/overview.js'))).not.toEqual([])
    expect(loaded(modules, chunksWith('yaml'))).toEqual([])
    expect(loaded(modules, chunksWith('zod'))).toEqual([])
  })
})

/** Runs `showtell` in the nb workspace in an 80×24 terminal until the dashboard shows, then q. */
async function appInTerminal(): Promise<string[]> {
  const trace = await traceFile()
  const child = pty.spawn(process.execPath, ['--import', HOOK, CLI], { cols: 80, rows: 24, cwd: workspace, env: { ...env, SHOWTELL_IMPORT_TRACE: trace } })
  let screen = ''
  child.onData((data) => (screen += data))
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)))
  try {
    // Polls the terminal's output, as lazy-imports.test.ts does: the frame comes when it comes.
    for (const until = Date.now() + 20_000; !screen.includes('Next meeting') && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen).toContain('Next meeting')
    child.write('q')
    expect(await exited).toBe(0)
  } finally {
    child.kill()
  }
  return readTrace(trace)
}
