// Given the demo site's login wall that shows a teaser ("Sign Up | LinkedIn",
// "Nordlys Outdoor | 12,345 followers on LinkedIn. Join to see ..." in its
// og:description and its text), when it is snapshotted, then the blocked
// result keeps none of the wall's words: no title, no description, so the
// teaser number reaches neither the result, `--json`, build.json nor the deck.
// A blocked page is never presented as data, not even as a description.
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import { testBrowser } from '../helpers/browser.js'
import { runCli } from '../helpers/cli.js'
import { demoConfig, makeDemoWorkspace } from '../helpers/demo-workspace.js'

// The teaser as the wall writes it, and as any later formatting could (grouped or not, escaped for Markdown).
const TEASER = /12\\?[,.\u00a0\u202f ]?345/

const manager = testBrowser()
let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await manager.close()
  await site?.close()
})

describe('a blocked page keeps none of the wall’s text', () => {
  it('the wall does carry the teaser in its title and description (the control)', async () => {
    const page = await (await fetch(`${site.url}/nasty/teaser-wall`)).text()
    expect(page).toMatch(/<meta property="og:description" content="[^"]*12,345 followers/)
    expect(page).toContain('<title>Sign Up | LinkedIn</title>')
  })

  it('snapshotAccounts: blocked, with no title, no description and no teaser number anywhere in the result', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'showtell-teaser-text-'))
    const config = demoConfig(site.url, [{ id: 'walled', platform: 'linkedin', url: `${site.url}/nasty/teaser-wall`, label: 'Nordlys on LinkedIn' }], { timeout: 15 })
    const [result] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })
    expect(result).toMatchObject({ account: 'walled', status: 'blocked', reason: 'login wall', label: 'Nordlys on LinkedIn' })
    expect(result!.title).toBeUndefined()
    expect(result!.description).toBeUndefined()
    expect(JSON.stringify(result)).not.toMatch(TEASER)
    expect(JSON.stringify(result)).not.toContain('Sign Up')
  })

  it('a walled page whose numbers came from the API: the title and description are the API’s, never the wall’s', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'showtell-teaser-text-'))
    const config = demoConfig(site.url, [{ id: 'bsky', platform: 'bluesky', handle: 'nordlys.bsky.social', url: `${site.url}/nasty/teaser-wall` }], { timeout: 15 })
    const [result] = await snapshotAccounts(config, config.accounts, { browser: manager, outDir, env: {} })
    expect(result).toMatchObject({ account: 'bsky', status: 'ok', reason: 'page blocked: login wall; numbers from Bluesky public API' })
    expect(result!.metrics.followers?.source).toBe('api')
    expect(result!.title).not.toBe('Sign Up | LinkedIn')
    expect(JSON.stringify(result)).not.toMatch(TEASER)
    expect(JSON.stringify(result)).not.toContain('Sign Up')
    expect(JSON.stringify(result)).not.toContain('Join to see')
  })

  it('the built CLI: neither `build --json`, build.json, deck.md, the history nor `snapshot --json` shows the teaser', async () => {
    const workspace = await makeDemoWorkspace(site.url, [{ id: 'walled', platform: 'linkedin', url: `${site.url}/nasty/teaser-wall`, label: 'Nordlys on LinkedIn' }], { timeout: 15 })
    const build = await runCli(['build', '--topic', 'listening', '--date', '2026-11-24', '--format', 'md', '--json', '--workspace', workspace])
    expect(build.code, build.stderr).toBe(0)
    const manifest = JSON.parse(build.stdout) as { snapshots: { account: string; status: string }[] }
    expect(manifest.snapshots).toEqual([expect.objectContaining({ account: 'walled', status: 'blocked' })])
    expect(build.stdout).not.toMatch(TEASER)
    const dir = join(workspace, 'out', '2026-11-24-listening')
    const deck = await readFile(join(dir, 'deck.md'), 'utf8')
    // The deck does show the account, by its own label, as walled.
    expect(deck).toContain('login wall')
    expect(deck).toContain('Nordlys on LinkedIn')
    expect(deck).not.toMatch(TEASER)
    expect(deck).not.toContain('Sign Up')
    for (const file of await readdir(dir)) {
      if (file.endsWith('.json') || file.endsWith('.md')) expect(await readFile(join(dir, file), 'utf8'), file).not.toMatch(TEASER)
    }
    expect(await readFile(join(workspace, 'history', 'snapshots.jsonl'), 'utf8')).not.toMatch(TEASER)

    const snapshot = await runCli(['snapshot', '--json', '--workspace', workspace])
    expect(snapshot.code, snapshot.stderr).toBe(0)
    expect(JSON.parse(snapshot.stdout)).toEqual([expect.objectContaining({ account: 'walled', status: 'blocked' })])
    expect(snapshot.stdout).not.toMatch(TEASER)
    expect(snapshot.stdout).not.toContain('Sign Up')
  })
})
