// Given a --browser-ws URL that carries a pool's token (in its query, or as
// user-info), when the browser cannot be reached, then the message says where
// it tried to connect without printing the token, both from the manager and
// on the terminal of the built CLI.
import { createServer } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { BrowserManager } from '../../src/browser/manager.js'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const WS_TOKEN = 'pool-token-31d8a9b2'
const WS_PASSWORD = 'pool-pass-77e0c4f1'
let deadPort: number

beforeAll(async () => {
  // A port on 127.0.0.1 that nobody listens on: one that was just free.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  deadPort = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
})

const wsUrl = () => `ws://pool:${WS_PASSWORD}@127.0.0.1:${deadPort}/devtools/browser/abc?token=${WS_TOKEN}`

describe('a --browser-ws URL with a token', () => {
  it('the manager\'s error names the endpoint, redacted', async () => {
    const manager = new BrowserManager({ browserWs: wsUrl() })
    let message = ''
    try {
      await manager.get()
    } catch (error) {
      message = (error as Error).message
    } finally {
      await manager.close()
    }
    expect(message).toBe(`cannot connect to the browser at ws://[redacted]@127.0.0.1:${deadPort}/devtools/browser/abc?token=[redacted]: connect ECONNREFUSED 127.0.0.1:${deadPort}`)
    expect(message).not.toContain(WS_TOKEN)
    expect(message).not.toContain(WS_PASSWORD)
  })

  it('showtell snapshot --browser-ws: exit 1, one line, and neither the token nor the password is printed', async () => {
    const workspace = await makeWorkspace({
      'showtell.yaml': [
        'company: { name: Nordlys Outdoor }',
        'accounts:',
        '  - { id: blog, platform: blog, url: "http://127.0.0.1:9/blog" }',
        'meeting: { weekday: tuesday, time: "09:00", timezone: UTC, duration: 45, start: "2026-11-24" }',
        'snapshot: { allowPrivateNetwork: true }',
        '',
      ].join('\n'),
    })
    const result = await runCli(['snapshot', '--browser-ws', wsUrl(), '--workspace', workspace], { env: { SHOWTELL_DEBUG: '1' } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`cannot connect to the browser at ws://[redacted]@127.0.0.1:${deadPort}/devtools/browser/abc?token=[redacted]`)
    for (const secret of [WS_TOKEN, WS_PASSWORD]) {
      expect(result.stdout).not.toContain(secret)
      expect(result.stderr).not.toContain(secret)
    }
  })
})
