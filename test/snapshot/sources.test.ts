// Calling an account's API sources in order: a source without its
// credential is skipped before any request, the first that answers ends the
// walk, a source that throws is that source's error, and an account that is
// not ours never gets the owner's credential.
import { describe, expect, it } from 'vitest'
import type { PlatformAdapter } from '../../src/platforms/adapter.js'
import type { ApiSource, SourceContext, SourceOutcome } from '../../src/platforms/source.js'
import { walkSources } from '../../src/snapshot/sources.js'

const ok: SourceOutcome = { status: 'ok', metrics: { followers: { value: 7, source: 'api', via: 'x' } } }

function source(id: string, answer: SourceOutcome | Error, credential?: ApiSource['credential']): ApiSource & { seen: SourceContext[] } {
  const seen: SourceContext[] = []
  return {
    id,
    name: id.toUpperCase(),
    ...(credential ? { credential } : {}),
    seen,
    read: async (context) => {
      seen.push(context)
      if (answer instanceof Error) throw answer
      return answer
    },
  }
}

const adapterWith = (...sources: ApiSource[]): PlatformAdapter => ({ id: 'demo', name: 'Demo', words: { followers: 'followers', posts: 'posts', likes: 'likes' }, pageUrl: () => '', sources })
const account = { id: 'acme', platform: 'youtube', handle: 'acme' }
const get = async () => ({ status: 200, body: '{}' })
const now = new Date('2026-12-01T09:00:00Z')

describe('walkSources', () => {
  it('skips a source whose credential is not set, without calling it, and names the variable', async () => {
    const owners = source('owners', ok, 'youtube')
    const open = source('open', ok)
    const runs = await walkSources(adapterWith(owners, open), account, { endpoints: {}, env: {}, get, now })
    expect(runs.map((r) => [r.source.id, r.outcome.status])).toEqual([['owners', 'skipped'], ['open', 'ok']])
    expect(runs[0]!.outcome).toEqual({ status: 'skipped', reason: 'no credential: set SHOWTELL_YOUTUBE_API_KEY' })
    expect(owners.seen).toHaveLength(0)
  })

  it('gives the credential to the source that declared it, and stops at the first source that answers', async () => {
    const owners = source('owners', ok, 'youtube')
    const open = source('open', ok)
    const runs = await walkSources(adapterWith(owners, open), account, { endpoints: { 'youtube-api': 'http://127.0.0.1:9/yt/' }, env: { SHOWTELL_YOUTUBE_API_KEY: 'k-123' }, get, now })
    expect(runs.map((r) => r.source.id)).toEqual(['owners'])
    expect(owners.seen[0]!.credential).toBe('k-123')
    expect(owners.seen[0]!.base('youtube-api')).toBe('http://127.0.0.1:9/yt')
    expect(owners.seen[0]!.now).toBe(now)
    expect(open.seen).toHaveLength(0)
  })

  it('a source without a credential never sees one', async () => {
    const open = source('open', ok)
    await walkSources(adapterWith(open), account, { endpoints: {}, env: { SHOWTELL_YOUTUBE_API_KEY: 'k-123' }, get, now })
    expect(open.seen[0]!.credential).toBeUndefined()
  })

  it('a failure goes on to the next source; a throw is that source\'s error with its first line only', async () => {
    const refused = source('refused', { status: 'blocked', reason: 'rate limited' })
    const broken = source('broken', new Error('boom\n    at secret stack'))
    const open = source('open', ok)
    const runs = await walkSources(adapterWith(refused, broken, open), account, { endpoints: {}, env: {}, get, now })
    expect(runs.map((r) => r.outcome)).toEqual([{ status: 'blocked', reason: 'rate limited' }, { status: 'error', reason: 'BROKEN failed: boom' }, ok])
  })

  it('an account that is not ours skips every credentialed source, even with the credential set', async () => {
    const owners = source('owners', ok, 'youtube')
    const runs = await walkSources(adapterWith(owners), account, { endpoints: {}, env: { SHOWTELL_YOUTUBE_API_KEY: 'k-123' }, get, now, withoutCredentials: true })
    expect(runs[0]!.outcome.status).toBe('skipped')
    expect(owners.seen).toHaveLength(0)
  })
})
