// Given a workspace whose deck.language is nb, when showtell loads its topics
// (showtell topics, topics show, the schedule, the build, the app: all through
// loadWorkspace), then the built-in library is the Norwegian one (topics/nb/,
// same ids), a workspace topic is used as written, and what the built CLI
// serves is the nb cache in dist/, not the English one. A language with no
// built-in topics of its own gets the English ones and says so.
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinLibraryFor, loadTopicLibrary, writeBuiltinTopicCaches } from '../../src/workspace/load.js'
import { builtinTopicsOf } from '../../src/workspace/paths.js'
import { REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'

const IDS = [
  'account-security', 'blogging', 'competitive-signals', 'crisis', 'customer-care', 'executive-presence', 'governance',
  'innovation', 'internal-network', 'listening', 'literacy', 'policy', 'roi', 'talent',
]

/** MINIMAL_CONFIG with `deck.language` added as its last line (line 19). */
const configIn = (language: string) => `${MINIMAL_CONFIG}  language: ${language}\n`

interface Row { id: string; title: string; origin: string }

async function listed(dir: string, env: NodeJS.ProcessEnv = {}, cli?: string): Promise<Row[]> {
  const result = await run(['topics', '--json', '--workspace', dir], env, cli)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as Row[]
}

/** Runs the built CLI, or the one of a copied package (`cli`), with its own validated cache. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}, cli?: string): Promise<CliResult> {
  const cache = await mkdtemp(join(tmpdir(), 'showtell-vcache-'))
  if (cli === undefined) return runCli(args, { env: { SHOWTELL_CACHE_DIR: cache, ...env } })
  const { spawn } = await import('node:child_process')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1', SHOWTELL_CACHE_DIR: cache, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * A copy of the installed package (what `files` in package.json ships, with
 * this build's dist/), so a test can change the package's own files: its
 * caches, its catalogues, its topic folders.
 */
async function copyPackage(): Promise<{ root: string; cli: string }> {
  const root = await mkdtemp(join(tmpdir(), 'showtell-package-'))
  copies.push(root)
  for (const entry of ['package.json', 'dist', 'topics', 'messages', 'templates', 'schema', 'rules']) {
    await cp(join(REPO_ROOT, entry), join(root, entry), { recursive: true })
  }
  await symlink(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'))
  return { root, cli: join(root, 'dist', 'cli.js') }
}

/** The package copies (9 MB each) go when the file is done. */
const copies: string[] = []
afterAll(async () => {
  for (const root of copies) await rm(root, { recursive: true, force: true })
})

describe('deck.language chooses the built-in topics', () => {
  it('an nb workspace lists the Norwegian built-ins, with the same ids as English', async () => {
    const rows = await listed(await makeWorkspace({ 'showtell.yaml': configIn('nb') }))
    expect(rows.map((r) => r.id)).toEqual(IDS)
    expect(rows.every((r) => r.origin === 'builtin')).toBe(true)
    const title = (id: string) => rows.find((r) => r.id === id)?.title
    // Written out from topics/nb/crisis.yaml, account-security.yaml and policy.yaml.
    expect(title('crisis')).toBe('Krise og verste tilfeller')
    expect(title('account-security')).toBe('Kontosikkerhet')
    expect(title('policy')).toBe('Sosiale medier-policy')
  })

  it('an English workspace (deck.language en, or none) keeps the English built-ins', async () => {
    for (const files of [{}, { 'showtell.yaml': configIn('en') }] as Array<Record<string, string>>) {
      const rows = await listed(await makeWorkspace(files))
      expect(rows.map((r) => r.id)).toEqual(IDS)
      expect(rows.find((r) => r.id === 'crisis')?.title).toBe('Crisis and worst cases')
      expect(rows.find((r) => r.id === 'policy')?.title).toBe('Social media policy')
    }
  })

  it('`topics show` previews the Norwegian topic in an nb workspace', async () => {
    const result = await run(['topics', 'show', 'account-security', '--workspace', await makeWorkspace({ 'showtell.yaml': configIn('nb') })])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('Kontosikkerhet (account-security)')
    // No note: nb has its own built-ins.
    expect(result.stdout).not.toContain('built-in topics are in English')
  })

  it('the schedule names the Norwegian titles', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': configIn('nb').replace('deck:', 'rotation:\n  order: [crisis]\ndeck:') })
    const result = await run(['schedule', '--workspace', dir])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Krise og verste tilfeller')
    expect(result.stdout).not.toContain('Crisis and worst cases')
  })

  it('a workspace topic is used as written in an nb workspace, and still overrides the built-in of its id', async () => {
    const english = await readFile(join(REPO_ROOT, 'topics', 'crisis.yaml'), 'utf8')
    expect(english).toContain('title: Crisis and worst cases')
    const dir = await makeWorkspace({
      'showtell.yaml': configIn('nb'),
      'topics/crisis.yaml': english.replace('title: Crisis and worst cases', 'title: Our own crisis drill'),
      'topics/town-hall.yaml': english.replace('id: crisis', 'id: town-hall').replace('title: Crisis and worst cases', 'title: Town hall on social'),
    })
    const rows = await listed(dir)
    expect(rows).toHaveLength(15)
    expect(rows.find((r) => r.id === 'crisis')).toEqual(expect.objectContaining({ title: 'Our own crisis drill', origin: 'workspace' }))
    expect(rows.find((r) => r.id === 'town-hall')).toEqual(expect.objectContaining({ title: 'Town hall on social', origin: 'workspace' }))
    // The others are still the Norwegian built-ins.
    expect(rows.find((r) => r.id === 'policy')).toEqual(expect.objectContaining({ title: 'Sosiale medier-policy', origin: 'builtin' }))
  })

  it('deck.language de is refused: exit 2 with the file, line, field and a hint', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': configIn('de') })
    const result = await run(['topics', '--workspace', dir])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `showtell: ${join(dir, 'showtell.yaml')}:19 deck.language: no deck language "de"` +
        ' (hint: write one of en, nb; a new language is messages/de.json, with its built-in topics in topics/de/ (English ones until then))\n',
    )
  })
})

describe('the built-in topic cache, one per language', () => {
  it('the built CLI serves an nb workspace from dist/builtin-topics.nb.json, not from the English cache', async () => {
    const { root, cli } = await copyPackage()
    // Plant a marker in each cache: the digests still match the files, so each cache is what is served.
    const plant = async (file: string, title: string) => {
      const stored = JSON.parse(await readFile(join(root, 'dist', file), 'utf8'))
      stored.topics[stored.files.indexOf('crisis.yaml')].title = title
      await writeFile(join(root, 'dist', file), JSON.stringify(stored))
    }
    await plant('builtin-topics.json', 'From the English cache')
    await plant('builtin-topics.nb.json', 'Fra den norske cachen')
    const nb = await listed(await makeWorkspace({ 'showtell.yaml': configIn('nb') }), {}, cli)
    expect(nb.find((r) => r.id === 'crisis')?.title).toBe('Fra den norske cachen')
    expect(nb.find((r) => r.id === 'policy')?.title).toBe('Sosiale medier-policy')
    const en = await listed(await makeWorkspace(), {}, cli)
    expect(en.find((r) => r.id === 'crisis')?.title).toBe('From the English cache')
  })

  it('an edited nb file is read again (the nb cache is never stale), and its errors name topics/nb/', async () => {
    const { root, cli } = await copyPackage()
    const file = join(root, 'topics', 'nb', 'policy.yaml')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('title: Sosiale medier-policy', 'title: Retningslinjer for sosiale medier'))
    const dir = await makeWorkspace({ 'showtell.yaml': configIn('nb') })
    expect((await listed(dir, {}, cli)).find((r) => r.id === 'policy')?.title).toBe('Retningslinjer for sosiale medier')

    await writeFile(file, text.replace(/^title: .*$/m, 'title: [not, a, title]'))
    const broken = await run(['topics', '--workspace', dir], {}, cli)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^showtell: \(built-in\) topics\/nb\/policy\.yaml:\d+ title: /)
  })

  it('writes one cache per language folder, in-process, and each loads its own language', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-caches-'))
    const where = { topics: join(dir, 'topics'), dist: join(dir, 'dist') }
    await cp(join(REPO_ROOT, 'topics'), where.topics, { recursive: true })
    await mkdir(where.dist)
    const written = await writeBuiltinTopicCaches(where)
    expect(written.map((w) => [w.language, w.count, w.cache])).toEqual([
      ['en', 14, join(where.dist, 'builtin-topics.json')],
      ['nb', 14, join(where.dist, 'builtin-topics.nb.json')],
    ])
    const nbCache = join(where.dist, 'builtin-topics.nb.json')
    const stored = JSON.parse(await readFile(nbCache, 'utf8'))
    stored.topics[stored.files.indexOf('roi.yaml')].title = 'Planted in the nb cache'
    await writeFile(nbCache, JSON.stringify(stored))
    const workspace = { root: dir, topics: join(dir, 'no-workspace-topics') }
    const nb = await loadTopicLibrary(workspace, builtinTopicsOf('nb', where))
    expect(nb.get('roi')?.topic.title).toBe('Planted in the nb cache')
    expect(nb.get('crisis')?.topic.title).toBe('Krise og verste tilfeller')
    const en = await loadTopicLibrary(workspace, builtinTopicsOf('en', where))
    expect(en.get('roi')?.topic.title).toBe('ROI and measurement')
  })

  it('the build refuses a language folder whose ids differ from English', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-caches-'))
    const where = { topics: join(dir, 'topics'), dist: join(dir, 'dist') }
    await cp(join(REPO_ROOT, 'topics'), where.topics, { recursive: true })
    await mkdir(where.dist)
    await rm(join(where.topics, 'nb', 'talent.yaml'))
    await expect(writeBuiltinTopicCaches(where)).rejects.toThrow('built-in topics: topics/nb/ must hold the same ids as topics/ (missing talent)')
  })
})

describe('a deck language without built-in topics of its own', () => {
  let pkg: { root: string; cli: string }
  beforeAll(async () => {
    // A third catalogue, as someone would add one: messages/de.json (English words stand in) and no topics/de/.
    pkg = await copyPackage()
    await cp(join(pkg.root, 'messages', 'en.json'), join(pkg.root, 'messages', 'de.json'))
  })

  it('gets the English built-ins, and `showtell topics` says so', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': configIn('de') })
    const result = await run(['topics', '--workspace', dir], {}, pkg.cli)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('crisis               Crisis and worst cases')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Note: the built-in topics are in English: showtell has none in "de" (deck.language) yet; a topic in the workspace\'s topics/ folder is used as written.',
    )
    // The listing for scripts keeps its shape.
    expect((await listed(dir, {}, pkg.cli)).find((r) => r.id === 'crisis')?.title).toBe('Crisis and worst cases')
  })

  it('`showtell doctor` warns about it on the workspace check', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': configIn('de') })
    const result = await run(['doctor', '--json', '--browser-path', '/nonexistent/chromium', '--workspace', dir], {}, pkg.cli)
    const workspace = (JSON.parse(result.stdout) as { checks: Array<{ name: string; ok: boolean; warning?: string }> }).checks.find((c) => c.name === 'workspace')
    expect(workspace).toEqual(expect.objectContaining({
      ok: true,
      warning: 'the built-in topics are in English: showtell has none in "de" (deck.language) yet; a topic in the workspace\'s topics/ folder is used as written',
    }))
  })

  it('a config validated while messages/de.json existed is refused once it is gone (the validated cache knows the catalogues)', async () => {
    const { root, cli } = await copyPackage()
    const catalogue = join(root, 'messages', 'de.json')
    await cp(join(root, 'messages', 'en.json'), catalogue)
    const dir = await makeWorkspace({ 'showtell.yaml': configIn('de') })
    const env = { SHOWTELL_CACHE_DIR: await mkdtemp(join(tmpdir(), 'showtell-vcache-')) }
    expect((await run(['topics', '--workspace', dir], env, cli)).code).toBe(0)
    await rm(catalogue)
    const gone = await run(['topics', '--workspace', dir], env, cli)
    expect(gone.code).toBe(2)
    expect(gone.stderr).toContain(`showtell.yaml:19 deck.language: no deck language "de" (hint: write one of en, nb;`)
  })

  it('builtinLibraryFor falls back to English for a code with no folder, and keeps nb', async () => {
    expect((await builtinLibraryFor('de')).language).toBe('en')
    expect((await builtinLibraryFor('nb')).language).toBe('nb')
    expect((await builtinLibraryFor('nb')).folder).toBe(join(REPO_ROOT, 'topics', 'nb'))
  })
})
