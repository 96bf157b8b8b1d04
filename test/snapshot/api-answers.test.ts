// Given what a platform's JSON API may answer (the real shape, null, a list,
// a string, a word where a count belongs, a missing count), when showtell
// reads it, then a good answer gives the account's numbers and anything else
// gives that account an `error` with the reason, never a crash of the run.
// The last part serves the answers on 127.0.0.1 to `captureAccount` in real
// Chromium. Expected values are written by hand.
import { createServer, type Server } from 'node:http'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readApiAnswer, type ApiKind } from '../../src/snapshot/api-answers.js'
import { captureAccount } from '../../src/snapshot/capture.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

const read = (kind: ApiKind, body: unknown, status = 200) => readApiAnswer(kind, status, JSON.stringify(body))

describe('Bluesky app.bsky.actor.getProfile', () => {
  it('the real shape gives followers, following, posts, name and bio', () => {
    expect(
      read('bluesky', { did: 'did:plc:x', handle: 'acme.bsky.social', displayName: 'Acme', description: 'Hiking gear', followersCount: 1_870, followsCount: 120, postsCount: 342, labels: [] }),
    ).toEqual({
      status: 'ok',
      metrics: { followers: { value: 1_870, source: 'api' }, following: { value: 120, source: 'api' }, posts: { value: 342, source: 'api' } },
      title: 'Acme',
      description: 'Hiking gear',
    })
  })

  it('only the follower count is required; a blank name is no name', () => {
    expect(read('bluesky', { followersCount: 0, displayName: '  ' })).toEqual({ status: 'ok', metrics: { followers: { value: 0, source: 'api' } } })
  })

  it.each([
    ['null', null, 'expected an object, got null'],
    ['a list', [{ followersCount: 1 }], 'expected an object, got an array'],
    ['a string', 'followers: 12', 'expected an object, got a string'],
    ['a number', 12, 'expected an object, got a number'],
    ['no counts at all', { handle: 'acme.bsky.social' }, 'followersCount: expected a count, got nothing'],
    ['"lots"', { followersCount: 'lots' }, 'followersCount: expected a count, got a string'],
    ['a count as a string', { followersCount: '1870' }, 'followersCount: expected a count, got a string'],
    ['a negative count', { followersCount: -4 }, 'followersCount: expected a count, got a negative number'],
    ['a wrong optional count', { followersCount: 4, postsCount: 'NaN' }, 'postsCount: expected a count, got a string'],
    ['a name that is not text', { followersCount: 4, displayName: 42 }, 'displayName: expected a string, got a number'],
  ])('%s is an error that says what was wrong', (_name, body, why) => {
    expect(read('bluesky', body)).toEqual({ status: 'error', reason: `the bluesky API answered 200 with an unexpected answer (${why})` })
  })

  it('"Profile not found" with 400 is a missing account, and so is a 404; other statuses are errors', () => {
    expect(read('bluesky', { error: 'InvalidRequest', message: 'Profile not found' }, 400)).toEqual({ status: 'not-found', reason: 'no such account (bluesky API 400)' })
    expect(read('bluesky', null, 404)).toEqual({ status: 'not-found', reason: 'no such account (bluesky API 404)' })
    expect(read('bluesky', null, 400)).toEqual({ status: 'error', reason: 'the bluesky API answered 400' })
    expect(read('bluesky', [], 500)).toEqual({ status: 'error', reason: 'the bluesky API answered 500' })
  })

  it('text that is not JSON is an error that does not quote it (it may hold a token)', () => {
    const reason = readApiAnswer('bluesky', 200, '<html>secret-token-123</html>')
    expect(reason).toEqual({ status: 'error', reason: 'the bluesky API answered 200 with something that is not JSON' })
  })
})

describe('Mastodon accounts/lookup', () => {
  it('the real shape: counts, the last post date, and the note without its HTML', () => {
    expect(
      read('mastodon', {
        id: '1',
        display_name: 'Acme',
        note: '<p>Hiking <a href="#">gear</a></p>',
        followers_count: 1_230,
        following_count: 45,
        statuses_count: 678,
        last_status_at: '2026-11-18',
      }),
    ).toEqual({
      status: 'ok',
      metrics: {
        followers: { value: 1_230, source: 'api' },
        following: { value: 45, source: 'api' },
        posts: { value: 678, source: 'api' },
        lastPostAt: { value: '2026-11-18', source: 'api' },
      },
      title: 'Acme',
      description: 'Hiking gear',
    })
  })

  it('an account that never posted has last_status_at null, and an empty note is no description', () => {
    expect(read('mastodon', { followers_count: 3, last_status_at: null, note: '<p></p>' })).toEqual({ status: 'ok', metrics: { followers: { value: 3, source: 'api' } } })
  })

  it.each([
    [null, 'expected an object, got null'],
    [{ followers_count: 'lots' }, 'followers_count: expected a count, got a string'],
    [{ followers_count: 3, last_status_at: 'last week' }, 'last_status_at: expected a date and time, got a string'],
    [{ followers_count: 3, note: ['<p>'] }, 'note: expected a string, got an array'],
  ])('%j is an error', (body, why) => {
    expect(read('mastodon', body)).toEqual({ status: 'error', reason: `the mastodon API answered 200 with an unexpected answer (${why})` })
  })
})

describe('X API v2 users/by/username', () => {
  it('the real shape gives the public metrics and the name', () => {
    expect(read('x', { data: { id: '9', name: 'Acme', username: 'acme', public_metrics: { followers_count: 5_120, following_count: 77, tweet_count: 2_210, listed_count: 3 } } })).toEqual({
      status: 'ok',
      metrics: { followers: { value: 5_120, source: 'api' }, following: { value: 77, source: 'api' }, posts: { value: 2_210, source: 'api' } },
      title: 'Acme',
    })
  })

  it('only `errors` (how X says "no such user" with a 200) is a missing account', () => {
    expect(read('x', { errors: [{ title: 'Not Found Error' }] })).toEqual({ status: 'not-found', reason: 'no such account (X API)' })
  })

  it.each([
    [null, 'the x API answered 200 with an unexpected answer (expected an object, got null)'],
    [{}, 'the x API answered 200 without the account'],
    [{ data: null }, 'the x API answered 200 without the account'],
    [{ data: { name: 'Acme' } }, 'the x API answered 200 with an unexpected answer (data.public_metrics: expected an object, got nothing)'],
    [{ data: { public_metrics: { followers_count: 'lots' } } }, 'the x API answered 200 with an unexpected answer (data.public_metrics.followers_count: expected a count, got a string)'],
    [{ data: [] }, 'the x API answered 200 with an unexpected answer (data: expected an object, got an array)'],
  ])('%j is an error', (body, reason) => {
    expect(read('x', body)).toEqual({ status: 'error', reason })
  })
})

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
