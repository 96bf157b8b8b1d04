// Given a Bluesky API on 127.0.0.1 that answers null, a list, a string or a
// word where a count belongs, when captureAccount reads the account in real
// Chromium, then the API gives no number and never crashes the run, and the
// page's own numbers stand in, saying why; a good answer gives the API's
// numbers. (Each source's own answers are tested in test/platforms/.)
// Expected values are written by hand.
import { createServer, type Server } from 'node:http'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureAccount } from '../../src/snapshot/capture.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

// ---- through captureAccount, in real Chromium ------------------------------

/** What the fake API answers next, per path prefix; the profile page is always a normal page. */
let apiBody = 'null'
let server: Server
let origin: string
const manager = testBrowser()

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/api/xrpc/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(apiBody)
      return
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Acme (@acme.bsky.social) — Bluesky</title><main><h1>Acme</h1><p>Hiking gear from the north. 1,870 followers · 342 posts</p></main>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  await manager.close()
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
})

async function capture() {
  const config = demoConfig(origin, [{ id: 'acme-bsky', platform: 'bluesky', handle: 'acme.bsky.social' }], {
    endpoints: { bluesky: `${origin}/api`, 'bluesky-web': `${origin}/web` },
  })
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-api-answers-'))
  return captureAccount(manager, config.accounts[0]!, { endpoints: config.snapshot.endpoints, timeoutMs: 10_000, allowPrivateNetwork: true, outDir, env: {} })
}

describe('captureAccount with an API on 127.0.0.1', () => {
  it.each([
    ['null', 'expected an object, got null'],
    ['[]', 'expected an object, got an array'],
    ['"lots"', 'expected an object, got a string'],
    ['{"followersCount":"lots"}', 'followersCount: expected a count, got a string'],
  ])('an answer of %s is the API\'s error: no number from it, no throw, and the page\'s own numbers stand in, saying why', async (body, why) => {
    apiBody = body
    const result = await capture()
    expect(result).toMatchObject({
      account: 'acme-bsky',
      status: 'ok',
      reason: `Bluesky public API answered 200 with an unexpected answer (${why}); numbers from the page`,
    })
    expect(result.metrics.followers).toEqual({ value: 1_870, source: 'page-text', via: 'page' })
    expect(result.sources?.[0]).toEqual({ id: 'bluesky-api', name: 'Bluesky public API', state: 'error', reason: `Bluesky public API answered 200 with an unexpected answer (${why})` })
  })

  it('the control: a good answer on the same server gives the API\'s numbers', async () => {
    apiBody = JSON.stringify({ did: 'did:plc:acme', handle: 'acme.bsky.social', displayName: 'Acme', followersCount: 1_900, followsCount: 10, postsCount: 350 })
    const result = await capture()
    expect(result.status, result.reason).toBe('ok')
    expect(result.metrics).toEqual({ followers: { value: 1_900, source: 'api', via: 'bluesky-api' }, following: { value: 10, source: 'api', via: 'bluesky-api' }, posts: { value: 350, source: 'api', via: 'bluesky-api' } })
  })
})
