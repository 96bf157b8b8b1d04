// Given a workspace that does not allow private networks, when its accounts
// point at loopback or private addresses, then nothing is visited (no page, no
// API call), and each account gets `error` with a reason that names the
// address and the setting. Only http(s) URLs get into showtell.yaml at all.
import { mkdtemp, readdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { runCli } from '../helpers/cli.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfig, demoConfigObject } from '../helpers/demo-workspace.js'
import { makeWorkspace, listTree } from '../helpers/workspace.js'
import { stringify } from 'yaml'

/** A server on 127.0.0.1 that only counts what reaches it. */
let server: Server
let origin: string
const hits: string[] = []
const manager = testBrowser()

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '')
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Reached</title><p>12,345 followers</p>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  await manager.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('allowPrivateNetwork: false', () => {
  it('refuses loopback and private addresses before visiting them, and says which setting allows them', async () => {
    const port = new URL(origin).port
    const config = demoConfig(
      origin,
      [
        { id: 'loopback', platform: 'instagram', url: `${origin}/instagram/nordlysoutdoor/` },
        { id: 'localhost', platform: 'website', url: `http://localhost:${port}/` },
        { id: 'ipv6-loopback', platform: 'website', url: `http://[::1]:${port}/` },
        // The form the URL parser gives [::ffff:127.0.0.1], and a name with a trailing dot.
        { id: 'ipv4-mapped', platform: 'website', url: `http://[::ffff:127.0.0.1]:${port}/` },
        { id: 'localhost-dot', platform: 'website', url: `http://localhost.:${port}/` },
        { id: 'short-ipv4', platform: 'website', url: `http://127.1:${port}/` },
        { id: 'private-10', platform: 'website', url: 'http://10.1.2.3/' },
        { id: 'private-192', platform: 'website', url: 'http://192.168.1.1/admin' },
        // Built from the handle; both the page and the API are on 127.0.0.1.
        { id: 'bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
        { id: 'mastodon', platform: 'mastodon', handle: 'nordlys@mastodon.social' },
      ],
      { allowPrivateNetwork: false, timeout: 5 },
    )
    expect(config.snapshot.allowPrivateNetwork).toBe(false)
    const outDir = await mkdtemp(join(tmpdir(), 'showtell-guard-'))
    const results = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })

    const expectedHost: Record<string, string> = {
      loopback: '127.0.0.1',
      localhost: 'localhost',
      'ipv6-loopback': '::1',
      'ipv4-mapped': '::ffff:7f00:1',
      'localhost-dot': 'refused localhost:',
      'short-ipv4': '127.0.0.1',
      'private-10': '10.1.2.3',
      'private-192': '192.168.1.1',
      bluesky: '127.0.0.1',
      mastodon: '127.0.0.1',
    }
    for (const r of results) {
      expect(r.status, r.account).toBe('error')
      expect(r.reason, r.account).toContain(expectedHost[r.account])
      expect(r.reason, r.account).toMatch(/private/)
      expect(r.reason, r.account).toContain('snapshot.allowPrivateNetwork')
      expect(r.metrics, r.account).toEqual({})
      expect(r.screenshot, r.account).toBeUndefined()
    }
    expect(results.map((r) => r.account)).toEqual(Object.keys(expectedHost))
    // Refused means not visited at all.
    expect(hits).toEqual([])
    expect(await readdir(outDir)).toEqual([])
  })

  it('visits the same loopback page once the workspace allows it', async () => {
    const config = demoConfig(origin, [{ id: 'loopback', platform: 'website', url: `${origin}/` }], { allowPrivateNetwork: true, timeout: 5 })
    const outDir = await mkdtemp(join(tmpdir(), 'showtell-guard-allowed-'))
    const [r] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })
    expect(r!.status, r!.reason).toBe('ok')
    expect(r!.metrics.followers?.value).toBe(12_345)
    expect(hits.length).toBeGreaterThan(0)
  })
})

describe('only http(s) URLs', () => {
  const base = (url: string) => demoConfigObject('http://127.0.0.1:9', [{ id: 'acct', platform: 'website', url }])

  it.each(['ftp://127.0.0.1/pub/profile.html', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<h1>hi</h1>', 'chrome://settings'])(
    'the schema refuses an account url %s',
    (url) => {
      const parsed = workspaceConfigSchema.safeParse(base(url))
      expect(parsed.success).toBe(false)
      const issue = parsed.error!.issues.find((i) => i.path.join('.') === 'accounts.0.url')
      expect(issue?.message).toBe('must be an http(s) URL')
    },
  )

  it('the schema refuses an ftp: endpoint', () => {
    const config = demoConfigObject('http://127.0.0.1:9', [{ id: 'acct', platform: 'bluesky', handle: 'nordlys.bsky.social' }])
    ;(config.snapshot as { endpoints: Record<string, string> }).endpoints.bluesky = 'ftp://127.0.0.1/bsky'
    const parsed = workspaceConfigSchema.safeParse(config)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.some((i) => i.path.join('.') === 'snapshot.endpoints.bluesky' && i.message === 'must be an http(s) URL')).toBe(true)
  })

  it('the schema accepts http and https', () => {
    expect(workspaceConfigSchema.safeParse(base('http://127.0.0.1:9/x')).success).toBe(true)
    expect(workspaceConfigSchema.safeParse(base('https://www.linkedin.com/company/x')).success).toBe(true)
  })

  it('`showtell snapshot` stops on an ftp: url with a usage error that points at the line, and writes nothing', async () => {
    const workspace = await makeWorkspace({ 'showtell.yaml': stringify(base('ftp://127.0.0.1/pub/profile.html')) })
    const result = await runCli(['snapshot', '--json', '--workspace', workspace])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^showtell: .*showtell\.yaml:\d+ accounts\[0\]\.url: must be an http\(s\) URL\n$/)
    expect(await listTree(workspace)).toEqual(['showtell.yaml'])
  })
})
