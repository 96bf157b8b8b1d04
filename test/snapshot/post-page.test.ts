// Given an account whose url points at a single post (an Instagram /p/ page
// whose description carries the post's likes and its author's followers),
// served on 127.0.0.1, when captureAccount opens it in real Chromium, then the
// page is shown as it is but reports no numbers, and its reason says why and
// what to change: a post is not the account's profile.
import { createServer, type Server } from 'node:http'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { captureAccount } from '../../src/snapshot/capture.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

const POST = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Acme Outdoor on Instagram: "Winter test trip"</title>
<meta property="og:type" content="instapp:photo">
<meta property="og:description" content="1,204 likes, 31 comments - acmeoutdoor: Winter test trip. 88.7K Followers">
</head><body><main><h1>Winter test trip</h1><p>${'A photo from the trip, with its comments. '.repeat(40)}</p></main></body></html>`

let server: Server
let origin: string
const manager = testBrowser()

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(POST))
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

it('a post page gives no numbers, and its reason says it is a post and what to change', async () => {
  const config = demoConfig(origin, [{ id: 'acme-instagram', platform: 'instagram', url: `${origin}/p/C0ffee123/` }])
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-post-page-'))
  const result = await captureAccount(manager, config.accounts[0]!, { endpoints: config.snapshot.endpoints, timeoutMs: 10_000, allowPrivateNetwork: true, outDir, env: {} })
  expect(result.status).toBe('ok')
  expect(result.metrics).toEqual({})
  expect(result.reason).toBe('the page is a post, not a profile (/p/C0ffee123/): no follower count; point the account at its profile')
})
