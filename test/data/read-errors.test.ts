// Given files that showtell reads back (build manifests in out/, audit
// screenshots, the deck's pictures, the built-in topic cache, an API answer in
// the audit), when one is missing, then that is "nothing yet"; when one is
// there but unreadable or of the wrong shape, then it is an error that names
// it, or (for a cache, or an answer that only describes a found handle) it is
// ignored as a whole, never half-trusted. Expected values are written by hand.
// (Running as root: chmod cannot make EACCES, so a folder where a file
// should be, EISDIR/ENOTDIR, stands for "there but unreadable".)
import { createServer, type Server } from 'node:http'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRules } from '../../src/audit/rules.js'
import { checkCandidate } from '../../src/audit/run.js'
import { removeStaleScreenshots } from '../../src/audit/store.js'
import { listBuilds } from '../../src/build/recent.js'
import { inlineAssets } from '../../src/deck/render.js'
import { loadBuiltinTopics, writeBuiltinTopicCache } from '../../src/workspace/load.js'
import { workspacePaths } from '../../src/workspace/paths.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const MANIFEST = {
  generator: 'showtell',
  builtAt: '2026-11-24T07:58:00.000Z',
  topic: { id: 'policy', title: 'Social media policy' },
  date: '2026-11-24',
  duration: 45,
  slideCount: 23,
  files: [{ name: 'deck.html', bytes: 10 }, { name: 'deck.md', bytes: 5 }],
}

describe('listBuilds (out/)', () => {
  it('no out/ folder yet: no builds', async () => {
    const root = await makeWorkspace()
    expect(await listBuilds({ paths: workspacePaths(root) })).toEqual([])
  })

  it('reads a good manifest, and skips folders without one and plain files', async () => {
    const root = await makeWorkspace({
      'out/2026-11-24-policy/build.json': JSON.stringify(MANIFEST),
      'out/snapshots/2026-11-24/acme.png': 'png',
      'out/saved-by-hand.pdf': '%PDF',
    })
    expect(await listBuilds({ paths: workspacePaths(root) })).toEqual([
      {
        folder: '2026-11-24-policy',
        dir: join(root, 'out', '2026-11-24-policy'),
        topicId: 'policy',
        topicTitle: 'Social media policy',
        date: '2026-11-24',
        duration: 45,
        slideCount: 23,
        builtAt: '2026-11-24T07:58:00.000Z',
        files: ['deck.html', 'deck.md'],
      },
    ])
  })

  it.each([
    ['a duration that is a word', { ...MANIFEST, duration: 'lots' }, { field: 'duration', message: 'expected a whole number ≥ 0, got "lots"' }],
    ['null', null, { message: 'expected an object, got null' }],
    ['no topic id', { ...MANIFEST, topic: { title: 'x' } }, { field: 'topic.id', message: 'expected a non-empty string, got nothing' }],
  ])('a build.json with %s is an error naming the file and field', async (_name, manifest, expected) => {
    const root = await makeWorkspace({ 'out/2026-11-24-policy/build.json': JSON.stringify(manifest) })
    await expect(listBuilds({ paths: workspacePaths(root) })).rejects.toMatchObject({
      name: 'UserError',
      message: expected.message,
      location: { file: 'out/2026-11-24-policy/build.json', field: 'field' in expected ? expected.field : undefined },
      hint: 'fix it, or build that deck again (showtell build --date 2026-11-24)',
    })
  })

  it('a build.json that cannot be read is an error, not "no build"', async () => {
    const root = await makeWorkspace({ 'out/2026-11-24-policy/build.json/oops': '' })
    await expect(listBuilds({ paths: workspacePaths(root) })).rejects.toMatchObject({
      name: 'RuntimeError',
      message: 'cannot read the file (EISDIR)',
      location: { file: 'out/2026-11-24-policy/build.json' },
    })
  })

  it('an out/ that is not a folder is an error naming it', async () => {
    const root = await makeWorkspace({ out: 'a file' })
    await expect(listBuilds({ paths: workspacePaths(root) })).rejects.toMatchObject({ name: 'RuntimeError', message: 'cannot read the folder (ENOTDIR)', location: { file: 'out' } })
  })
})

describe('removeStaleScreenshots (history/audit/)', () => {
  const report = { ranAt: '2026-11-21T14:02:11.512Z', generated: 0, candidates: 0, checked: 0, platforms: [], budget: 0, findings: [] }

  it('no screenshots folder: nothing to do', async () => {
    const root = await makeWorkspace()
    await expect(removeStaleScreenshots(workspacePaths(root), report)).resolves.toBeUndefined()
  })

  it('a screenshots "folder" that is a file is an error, not "no folder"', async () => {
    const root = await makeWorkspace({ 'history/audit': 'a file' })
    await expect(removeStaleScreenshots(workspacePaths(root), report)).rejects.toMatchObject({ code: 'ENOTDIR' })
  })
})

describe('inlineAssets (the deck\'s own pictures)', () => {
  it('a picture that is there becomes a data URI; a missing one stays a relative link', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'showtell-inline-'))
    await mkdir(join(folder, 'snapshots'))
    await writeFile(join(folder, 'snapshots', 'acme.png'), 'PNG')
    const html = await inlineAssets('<img src="snapshots/acme.png"><img src="snapshots/gone.png">', folder)
    expect(html).toBe(`<img src="data:image/png;base64,${Buffer.from('PNG').toString('base64')}"><img src="snapshots/gone.png">`)
  })

  it('a picture that is there but cannot be read fails the build, naming it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'showtell-inline-'))
    await mkdir(join(folder, 'charts', 'trend.svg'), { recursive: true })
    await expect(inlineAssets('<img src="charts/trend.svg">', folder)).rejects.toMatchObject({
      name: 'RuntimeError',
      message: 'cannot read the picture (EISDIR)',
      location: { file: 'charts/trend.svg' },
    })
  })
})

describe('the built-in topic cache', () => {
  it.each([
    ['null', 'null'],
    ['a list', '[]'],
    ['counts that do not match', JSON.stringify({ digest: 'x', files: ['a.yaml'], topics: [] })],
    ['text that is not JSON', '{"digest":'],
  ])('a cache that is %s is ignored and the library validated again', async (_name, text) => {
    const cache = join(await mkdtemp(join(tmpdir(), 'showtell-cache-')), 'builtin-topics.json')
    await writeFile(cache, text)
    const entries = await loadBuiltinTopics(join(REPO_ROOT, 'topics'), cache)
    expect(entries).toHaveLength(14)
    expect(entries[0]!.topic.title).toBe('Account security')
  })

  it('a cache with the right digest but no list of topics is ignored, not a crash', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'showtell-cache-')), 'builtin-topics.json')
    await writeBuiltinTopicCache(join(REPO_ROOT, 'topics'), cache)
    const written = JSON.parse(await readFile(cache, 'utf8')) as Record<string, unknown>
    await writeFile(cache, JSON.stringify({ ...written, topics: null }))
    const entries = await loadBuiltinTopics(join(REPO_ROOT, 'topics'), cache)
    expect(entries).toHaveLength(14)
    expect(entries[0]!.topic.title).toBe('Account security')
  })

  it('a cache that cannot be read is an error, not a silent fallback', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'showtell-cache-')), 'builtin-topics.json')
    await mkdir(cache)
    await expect(loadBuiltinTopics(join(REPO_ROOT, 'topics'), cache)).rejects.toMatchObject({ code: 'EISDIR' })
  })
})

describe('the audit reads a found handle\'s profile from the API answer', () => {
  let server: Server
  let origin: string
  let answer = ''

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(answer))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  })

  async function check() {
    const rules = await loadRules()
    const config = workspaceConfigSchema.parse({
      company: { name: 'Acme' },
      meeting: { weekday: 'tuesday', start: '2026-11-24' },
      snapshot: { timeout: 5, allowPrivateNetwork: true, endpoints: { bluesky: origin } },
    })
    return checkCandidate(config, rules.bluesky!, { platform: 'bluesky', handle: 'acme.bsky.social' })
  }

  it('a good answer gives the name, the bio and the followers', async () => {
    answer = JSON.stringify({ handle: 'acme.bsky.social', displayName: 'Acme', description: 'Hiking <b>gear</b>', followersCount: 12 })
    expect(await check()).toMatchObject({ result: 'exists-unlisted', displayName: 'Acme', bio: 'Hiking gear', followers: 12 })
  })

  it('a name that is an object is no name (not "[object Object]"), and the answer describes nothing', async () => {
    answer = JSON.stringify({ handle: 'acme.bsky.social', displayName: { text: 'Acme' }, followersCount: 12 })
    const finding = await check()
    expect(finding.result).toBe('exists-unlisted')
    expect(finding.displayName).toBeUndefined()
    expect(finding.followers).toBeUndefined()
  })
})
