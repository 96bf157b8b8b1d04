// The built CLI remembers the files it has validated (showtell.yaml, topic
// files, history/audit.json), so that a command that only reads does not load
// the YAML parser and zod again. The cache must never change an answer: a
// changed file is validated again, errors still name the file and line, and a
// broken cache entry is only a miss.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI, REPO_ROOT } from '../helpers/cli.js'

const HOOK = pathToFileURL(join(REPO_ROOT, 'test', 'fixtures', 'trace-imports.mjs')).href
let manifest: Record<string, string[]>

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(REPO_ROOT, 'dist', 'chunks', 'manifest.json'), 'utf8')) as Record<string, string[]>
})

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** The packages bundled into the chunks the process loaded. */
  readonly packages: string[]
}

/** `showtell …args` in `cwd` with its own cache folder, under the import trace. */
async function run(cwd: string, cache: string, args: string[]): Promise<Run> {
  const trace = join(await mkdtemp(join(tmpdir(), 'showtell-trace-')), 'modules.txt')
  const env: NodeJS.ProcessEnv = { ...process.env, SHOWTELL_CACHE_DIR: cache, SHOWTELL_IMPORT_TRACE: trace, NO_COLOR: '1' }
  delete env.CI
  const result = await new Promise<Omit<Run, 'packages'>>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
  const chunks = (await readFile(trace, 'utf8')).split('\n').filter((url) => url.includes('/dist/chunks/')).map((url) => url.slice(url.indexOf('/dist/') + 6))
  const packages = [...new Set(chunks.flatMap((chunk) => (manifest[chunk] ?? []).filter((input) => !input.startsWith('dist/'))))].sort()
  return { ...result, packages }
}

async function workspaceCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'showtell-cache-ws-'))
  await writeFile(join(dir, 'showtell.yaml'), await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8'))
  return dir
}

describe('the validated cache', () => {
  it('validates a file once: the next run gives the same answer without loading the YAML parser or zod', async () => {
    const dir = await workspaceCopy()
    const cache = await mkdtemp(join(tmpdir(), 'showtell-cache-'))
    const first = await run(dir, cache, ['topics', '--json'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.packages).toEqual(expect.arrayContaining(['yaml', 'zod']))
    const second = await run(dir, cache, ['topics', '--json'])
    expect(second.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    expect(second.packages).not.toContain('yaml')
    expect(second.packages).not.toContain('zod')
  })

  it('validates a changed file again, with the same one-line error and exit 2', async () => {
    const dir = await workspaceCopy()
    const cache = await mkdtemp(join(tmpdir(), 'showtell-cache-'))
    const first = await run(dir, cache, ['topics', '--json'])
    expect(first.code).toBe(0)
    const file = join(dir, 'showtell.yaml')
    const good = await readFile(file, 'utf8')
    // Given a duration out of range where the example has 45
    expect(good).toMatch(/^ {2}duration: 45$/m)
    await writeFile(file, good.replace(/^ {2}duration: 45$/m, '  duration: 90'))
    const bad = await run(dir, cache, ['topics', '--json'])
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe('')
    const line = good.split('\n').findIndex((text) => text === '  duration: 45') + 1
    expect(bad.stderr).toBe(`showtell: showtell.yaml:${line} meeting.duration: must be between 30 and 60 minutes\n`)
    // And only a file that passed is remembered: the good text is still served from the cache.
    await writeFile(file, good)
    const again = await run(dir, cache, ['topics', '--json'])
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(first.stdout)
    expect(again.packages).not.toContain('zod')
  })

  it('treats a broken cache entry as a miss', async () => {
    const dir = await workspaceCopy()
    const cache = await mkdtemp(join(tmpdir(), 'showtell-cache-'))
    const first = await run(dir, cache, ['topics', '--json'])
    const entries = await readdir(join(cache, 'validated'))
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) await writeFile(join(cache, 'validated', entry), '{"key": "x", "val')
    const second = await run(dir, cache, ['topics', '--json'])
    expect(second.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    expect(second.packages).toContain('zod')
  })

  it('keeps one entry per file, however often the file changes', async () => {
    const dir = await workspaceCopy()
    const cache = await mkdtemp(join(tmpdir(), 'showtell-cache-'))
    const file = join(dir, 'showtell.yaml')
    const good = await readFile(file, 'utf8')
    for (const minutes of [40, 45, 50]) {
      await writeFile(file, good.replace(/^ {2}duration: 45$/m, `  duration: ${minutes}`))
      expect((await run(dir, cache, ['topics', '--json'])).code).toBe(0)
    }
    expect(await readdir(join(cache, 'validated'))).toHaveLength(1)
  })
})
