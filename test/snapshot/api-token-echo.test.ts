// Given an X API that answers badly (an HTML page, a 500 in plain text, a 404 in
// JSON, a 429), each answer echoing the request's Authorization header back as
// a careless or hostile server does, when an account is captured with a token,
// then each gets its own status and reason, and the token appears nowhere in
// the result. The token tests covered only the good and the 401 answers, so a
// reason that quoted a non-JSON answer's request survived (review A.6, M3).
import { createServer, type Server } from 'node:http'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import type { SnapshotStatus } from '../../src/snapshot/types.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

const TOKEN = 'tok-3f9a1c77e2b84d05'

/** handle → [status, content type, body]; `%AUTH%` becomes the request's Authorization header. */
const ANSWERS: Record<string, readonly [number, string, string]> = {
  'html-200': [200, 'text/html', '<html><body><h1>Maintenance</h1><p>Your request: %AUTH%</p></body></html>'],
  'text-500': [500, 'text/plain', 'internal error while serving %AUTH%'],
  'json-404': [404, 'application/json', '{"title":"Not Found Error","detail":"no user for %AUTH%"}'],
  'json-429': [429, 'application/json', '{"title":"Too Many Requests","detail":"slow down, %AUTH%"}'],
}

/** [handle, status, the reason must match] */
const EXPECTED: readonly (readonly [string, SnapshotStatus, RegExp])[] = [
  ['html-200', 'error', /not JSON/],
  ['text-500', 'error', /500/],
  ['json-404', 'not-found', /404/],
  ['json-429', 'blocked', /429/],
]

const manager = testBrowser()
let site: DemoSite
let api: Server
let apiUrl: string
const seen: string[] = []

beforeAll(async () => {
  site = await startDemoSite()
  api = createServer((request, response) => {
    const handle = /\/2\/users\/by\/username\/([^?]+)/.exec(request.url ?? '')?.[1] ?? ''
    seen.push(request.headers.authorization ?? '')
    const [status, type, body] = ANSWERS[handle] ?? [400, 'text/plain', 'unknown']
    response.writeHead(status, { 'content-type': type })
    response.end(body.replace('%AUTH%', request.headers.authorization ?? ''))
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  const address = api.address()
  apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  await manager.close()
  await site?.close()
  await new Promise((resolve) => api?.close(resolve))
})

describe('an X API that answers badly, echoing the token', () => {
  it('gives each answer its own status, and writes the token nowhere', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'showtell-api-answers-'))
    const config = demoConfig(
      site.url,
      EXPECTED.map(([handle]) => ({ id: handle, platform: 'x', handle })),
      { timeout: 10, concurrency: 2, endpoints: { x: apiUrl } },
    )
    const results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: { SHOWTELL_X_BEARER_TOKEN: TOKEN } })
    // The API really was asked with the token, so there was a token to leak.
    expect(seen.filter((header) => header === `Bearer ${TOKEN}`)).toHaveLength(EXPECTED.length)
    expect(results.map((r) => [r.account, r.status])).toEqual(EXPECTED.map(([handle, status]) => [handle, status]))
    for (const [handle, , why] of EXPECTED) {
      const r = results.find((result) => result.account === handle)!
      expect(r.reason, handle).toMatch(why)
      expect(r.metrics, handle).toEqual({})
    }
    expect(JSON.stringify(results)).not.toContain(TOKEN)
    for (const name of await readdir(outDir)) expect((await readFile(join(outDir, name))).includes(TOKEN), name).toBe(false)
  })
})
