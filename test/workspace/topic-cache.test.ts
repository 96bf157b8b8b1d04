// Given the built-in library cached at build time, when a topic file changes
// afterwards, then the change is what users see (the cache is never stale).
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltinTopics, writeBuiltinTopicCache } from '../../src/workspace/load.js'
import { REPO_ROOT } from '../helpers/cli.js'

describe('built-in topic cache', () => {
  it('serves the cached library while the files are unchanged, and re-reads an edited file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-cache-'))
    const folder = join(dir, 'topics')
    const cache = join(dir, 'cache.json')
    await cp(join(REPO_ROOT, 'topics'), folder, { recursive: true })
    expect(await writeBuiltinTopicCache(folder, cache)).toBe(14)

    // Prove the cache is what gets served: plant a marker in it.
    const stored = JSON.parse(await readFile(cache, 'utf8'))
    const policyIndex = stored.files.indexOf('policy.yaml')
    stored.topics[policyIndex].title = 'Served from the cache'
    await writeFile(cache, JSON.stringify(stored))
    const fromCache = await loadBuiltinTopics(folder, cache)
    expect(fromCache.find((e) => e.topic.id === 'policy')!.topic.title).toBe('Served from the cache')

    // Edit the file: the digest no longer matches, so the file is parsed again.
    const file = join(folder, 'policy.yaml')
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Social media policy', 'title: Edited policy'))
    const fresh = await loadBuiltinTopics(folder, cache)
    expect(fresh.find((e) => e.topic.id === 'policy')!.topic.title).toBe('Edited policy')
    expect(fresh).toHaveLength(14)
  })

  it('without a cache, parses and validates the files', async () => {
    const entries = await loadBuiltinTopics(join(REPO_ROOT, 'topics'), join(tmpdir(), 'no-such-cache.json'))
    expect(entries.map((e) => e.topic.id)).toContain('crisis')
    expect(entries.every((e) => e.origin === 'builtin')).toBe(true)
  })
})
