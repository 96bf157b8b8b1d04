// Given an X API on 127.0.0.1 that answers badly in every way it can (a page
// that is not JSON and quotes the token, a 500 in plain text, a 404 and a 429
// that echo it, and the JSON `null`), when the snapshot run captures one X
// account per answer next to a page that works, then every account gets its
// own result, the working one is ok, and no result anywhere holds the token
// (review A.6 M3, A.7).
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

const TOKEN = 'x-bearer-4f9d2c7e81'
const manager = testBrowser()
let site: DemoSite
let api: Server
let apiUrl: string
let outDir: string
let results: SnapshotResult[]
const seen: string[] = []

/** What the X API answers for each handle; every answer quotes the Authorization header it got. */
function answer(handle: string, authorization: string): { status: number; type: string; body: string } {
  switch (handle) {
    case 'echo-html':
      return { status: 200, type: 'text/html', body: `<html><body>Invalid request. You sent: ${authorization}</body></html>` }
    case 'text-500':
      return { status: 500, type: 'text/plain', body: `internal error while checking ${authorization}` }
    case 'json-404':
      return { status: 404, type: 'application/json', body: JSON.stringify({ title: 'Not Found Error', detail: `user not found (token ${authorization.slice(7)})` }) }
    case 'limited-429':
      return { status: 429, type: 'application/json', body: JSON.stringify({ title: 'Too Many Requests', detail: authorization }) }
    case 'null-answer':
      return { status: 200, type: 'application/json', body: 'null' }
    default:
      return { status: 404, type: 'text/plain', body: 'no such route' }
  }
}

beforeAll(async () => {
  site = await startDemoSite()
  api = createServer((request, response) => {
    if (request.url?.startsWith('/page')) {
      // A page that shows the address it was opened with, key and all.
      const key = new URL(request.url, 'http://h').searchParams.get('token') ?? ''
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end(`<!doctype html><html><head><title>Welcome, holder of ${key}</title><meta name="description" content="Your key ${key} is active"></head><body><h1>Nordlys Outdoor</h1><p>${'Outdoor gear from Tromsø. '.repeat(40)}</p></body></html>`)
      return
    }
    const handle = /\/x\/2\/users\/by\/username\/([^/?]+)/.exec(request.url ?? '')?.[1] ?? ''
    seen.push(`${handle} ${request.headers.authorization ?? ''}`)
    const { status, type, body } = answer(handle, request.headers.authorization ?? '')
    response.writeHead(status, { 'content-type': type }).end(body)
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}`
  outDir = await mkdtemp(join(tmpdir(), 'showtell-api-answers-'))
  const handles = ['echo-html', 'text-500', 'json-404', 'limited-429', 'null-answer']
  const config = demoConfig(
    site.url,
    [
      ...handles.map((handle) => ({ id: handle, platform: 'x', handle })),
      { id: 'facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor` },
    ],
    { timeout: 8, endpoints: { x: `${apiUrl}/x` } },
  )
  results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: { SHOWTELL_X_BEARER_TOKEN: TOKEN } })
})

afterAll(async () => {
  await manager.close()
  await site?.close()
  await new Promise((resolve) => api?.close(resolve))
})

describe('an X API that answers badly', () => {
  it('was asked with the token, once per X account', () => {
    expect(seen.sort()).toEqual(['echo-html', 'json-404', 'limited-429', 'null-answer', 'text-500'].map((handle) => `${handle} Bearer ${TOKEN}`))
  })

  it('gives each account its own result; the JSON null is that account\'s error, and the other accounts are still captured', () => {
    expect(results.map((r) => [r.account, r.status])).toEqual([
      ['echo-html', 'error'],
      ['text-500', 'error'],
      ['json-404', 'not-found'],
      ['limited-429', 'blocked'],
      ['null-answer', expect.stringMatching(/^(error|not-found)$/)],
      ['facebook', 'ok'],
    ])
    expect(results.find((r) => r.account === 'facebook')?.metrics.followers?.value).toBe(44_150)
    for (const r of results.slice(0, 5)) expect(r.reason, r.account).toBeTruthy()
  })

  it('never holds the token: not in a reason, not in any field, not in a file', async () => {
    for (const r of results) {
      expect(r.reason ?? '', r.account).not.toContain(TOKEN)
      expect(JSON.stringify(r), r.account).not.toContain(TOKEN)
      expect(JSON.stringify(r), r.account).not.toContain(TOKEN.slice(0, 12))
    }
    for (const name of await readdir(outDir)) expect((await readFile(join(outDir, name))).includes(TOKEN), name).toBe(false)
  })
})

describe('a token with a newline that reaches the run (a library caller, past the CLI\'s check)', () => {
  it('the request fails as that account\'s error, and the reason holds no line of the token', async () => {
    const token = 'first-line-abcdef\nsecond-line-ghijkl'
    const dir = await mkdtemp(join(tmpdir(), 'showtell-api-answers-'))
    const config = demoConfig(site.url, [{ id: 'x', platform: 'x', handle: 'nordlysoutdoor' }], { timeout: 8, endpoints: { x: `${apiUrl}/x` } })
    const [r] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: dir, env: { SHOWTELL_X_BEARER_TOKEN: token } })
    expect(r!.status).toBe('error')
    expect(r!.reason).toMatch(/^X API v2 could not be reached/)
    for (const part of ['first-line', 'abcdef', 'second-line', 'ghijkl']) expect(JSON.stringify(r), part).not.toContain(part)
  })
})

describe('a page that quotes the key in its own address', () => {
  it('its title and description reach the result without the key', async () => {
    const key = 'page-key-0e1d2c3b4a'
    const dir = await mkdtemp(join(tmpdir(), 'showtell-api-answers-'))
    const config = demoConfig(site.url, [{ id: 'site', platform: 'website', url: `${apiUrl}/page?token=${key}` }], { timeout: 8 })
    const [r] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir: dir, env: {} })
    expect(r!.title).toBe('Welcome, holder of [redacted]')
    expect(r!.description).toBe('Your key [redacted] is active')
    expect(r!.url).toBe(`${apiUrl}/page?token=[redacted]`)
    expect(JSON.stringify(r)).not.toContain(key)
  })
})
