// Given a login wall that shows a teaser number, as real walls do ("Sign Up |
// LinkedIn", "12,345 followers" in og:description and in the text), served on
// 127.0.0.1, when captureAccount opens it in real Chromium, then the account
// is `blocked`, with no numbers and no screenshot: a wall never yields data,
// even when it shows some. (Review A.6 M1d: with both checks in capture.ts
// removed, no test failed, because no wall in the suite showed a number.)
import { createServer, type Server } from 'node:http'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureAccount } from '../../src/snapshot/capture.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig } from '../helpers/demo-workspace.js'

const WALL = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Sign Up | LinkedIn</title>
<meta property="og:title" content="Acme Outdoor | LinkedIn">
<meta property="og:description" content="Acme Outdoor | 12,345 followers on LinkedIn. Outdoor gear from the north.">
</head><body>
<main>
  <h1>Join LinkedIn</h1>
  <p>Acme Outdoor · 12,345 followers</p>
  <p>Join to see who you already know at Acme Outdoor.</p>
  <form><label>Email or phone <input name="session_key"></label><label>Password <input type="password" name="session_password"></label><button>Agree &amp; Join</button></form>
</main>
</body></html>`

// The same teaser on a real company page: the control that shows the numbers are readable.
const PAGE = WALL.replace('<title>Sign Up | LinkedIn</title>', '<title>Acme Outdoor | LinkedIn</title>').replace(
  /<main>[\s\S]*<\/main>/,
  `<main><h1>Acme Outdoor</h1><p>Acme Outdoor · 12,345 followers</p><p>${'We make outdoor gear in the north and write about the trips we test it on. '.repeat(30)}</p></main>`,
)

let server: Server
let origin: string
const manager = testBrowser()

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url?.startsWith('/wall') ? WALL : PAGE)
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

async function capture(path: string) {
  const config = demoConfig(origin, [{ id: 'acme-linkedin', platform: 'linkedin', url: `${origin}${path}` }])
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-wall-numbers-'))
  const result = await captureAccount(manager, config.accounts[0]!, { endpoints: config.snapshot.endpoints, timeoutMs: 10_000, allowPrivateNetwork: true, outDir, env: {} })
  return { result, written: await readdir(outDir) }
}

describe('a login wall that shows numbers', () => {
  it('is blocked, with no metrics and no screenshot', async () => {
    const { result, written } = await capture('/wall/company/acme-outdoor')
    expect(result.status).toBe('blocked')
    expect(result.reason).toBe('login wall')
    expect(result.metrics).toEqual({})
    expect(result.screenshot).toBeUndefined()
    expect(written).toEqual([])
  })

  it('the control: the same teaser on a real page is read as 12,345 followers', async () => {
    const { result, written } = await capture('/company/acme-outdoor')
    expect(result.status, result.reason).toBe('ok')
    expect(result.metrics.followers).toEqual({ value: 12_345, source: 'meta', via: 'page' })
    expect(written).toEqual(['acme-linkedin.png'])
  })
})
