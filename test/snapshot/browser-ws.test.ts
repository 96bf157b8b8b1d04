// Given a Chromium that someone else started with --remote-debugging-port,
// when `showtell snapshot --browser-ws` (or the workspace's `browser.ws`)
// points at it, then the snapshots are taken in that browser, and showtell
// only disconnects: the browser keeps running, with no tab left behind.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../src/browser/finder.js'
import { BrowserManager } from '../../src/browser/manager.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { demoConfigObject, makeDemoWorkspace, type DemoAccount } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'

let site: DemoSite
let chromium: ChildProcess
let profile: string
let wsEndpoint: string

function accounts(url: string): DemoAccount[] {
  return [
    { id: 'nordlys-tiktok', platform: 'tiktok', url: `${url}/tiktok/@nordlysoutdoor` },
    { id: 'nordlys-mastodon', platform: 'mastodon', handle: 'nordlys@mastodon.social' },
  ]
}

/** Starts Chromium the way a team's own browser (or a pool) would run, and reads its DevTools endpoint. */
async function startChromium(): Promise<{ child: ChildProcess; ws: string }> {
  const { found } = findBrowser()
  if (!found) throw new Error('no Chromium found: install chromium or set CHROME_PATH')
  const args = [
    '--headless=new',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    'about:blank',
  ]
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  // A process group of its own, so that the end of the test can stop Chromium's helpers too.
  const child = spawn(found.path, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
  const ws = await new Promise<string>((resolve, reject) => {
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint within 20 s:\n${stderr}`)), 20_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code}) before listening:\n${stderr}`))
    })
  })
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr!.resume()
  return { child, ws }
}

function isRunning(child: ChildProcess): boolean {
  if (child.exitCode !== null || child.signalCode !== null) return false
  try {
    process.kill(child.pid!, 0)
    return true
  } catch {
    return false
  }
}

/** The URLs of the external browser's open tabs, seen from a separate connection. */
async function openTabs(): Promise<string[]> {
  const browser = await puppeteer.connect({ browserWSEndpoint: wsEndpoint })
  try {
    return (await browser.pages()).map((page) => page.url())
  } finally {
    await browser.disconnect()
  }
}

beforeAll(async () => {
  site = await startDemoSite()
  profile = await mkdtemp(join(tmpdir(), 'showtell-external-chromium-'))
  const started = await startChromium()
  chromium = started.child
  wsEndpoint = started.ws
})

afterAll(async () => {
  if (chromium && isRunning(chromium)) {
    const exited = new Promise((resolve) => chromium.once('exit', resolve))
    // The whole group: a helper process left behind would still be writing into the profile.
    process.kill(-chromium.pid!, 'SIGKILL')
    await exited
  }
  // Chromium's helpers may still be going for a moment after the browser process.
  if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
  await site?.close()
})

type JsonResult = { account: string; status: string; reason?: string; metrics: Record<string, { value: number; source: string }> }

describe('--browser-ws', () => {
  it('snapshots in the running browser, then leaves it running with no tab of ours open', async () => {
    // Given a workspace on the demo site and an external Chromium
    expect(wsEndpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//)
    const tabsBefore = await openTabs()
    const workspace = await makeDemoWorkspace(site.url, accounts(site.url), { timeout: 8 })

    // When showtell snapshots through it
    const result = await runCli(['snapshot', '--json', '--browser-ws', wsEndpoint, '--workspace', workspace])

    // Then the numbers are read
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const results = JSON.parse(result.stdout) as JsonResult[]
    expect(results.map((r) => [r.account, r.status])).toEqual([
      ['nordlys-tiktok', 'ok'],
      ['nordlys-mastodon', 'ok'],
    ])
    expect(results[0]!.metrics.followers).toEqual({ value: 15_400, source: 'embedded-json', via: 'page' })
    expect(results[1]!.metrics.followers).toEqual({ value: 876, source: 'api' })

    // And the external browser was only disconnected from, not closed
    expect(isRunning(chromium)).toBe(true)
    expect((await openTabs()).sort()).toEqual([...tabsBefore].sort())
  })

  it('also connects through the workspace setting browser.ws', async () => {
    const config = { ...demoConfigObject(site.url, accounts(site.url).slice(0, 1), { timeout: 8 }), browser: { ws: wsEndpoint } }
    const workspace = await makeWorkspace({ 'showtell.yaml': stringify(config) })
    const result = await runCli(['snapshot', '--json', '--workspace', workspace])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const [r] = JSON.parse(result.stdout) as JsonResult[]
    expect(r!.status).toBe('ok')
    expect(r!.metrics.posts?.value).toBe(87)
    expect(isRunning(chromium)).toBe(true)
  })

  it('fails clearly when nothing listens at the endpoint', async () => {
    const workspace = await makeDemoWorkspace(site.url, accounts(site.url).slice(0, 1), { timeout: 8 })
    // A port on 127.0.0.1 that nobody listens on: the demo site's, once closed.
    const spare = await startDemoSite()
    const deadUrl = `ws://127.0.0.1:${spare.port}/devtools/browser/00000000-0000-0000-0000-000000000000`
    await spare.close()
    const result = await runCli(['snapshot', '--json', '--browser-ws', deadUrl, '--workspace', workspace])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`cannot connect to the browser at ${deadUrl}`)
    expect(isRunning(chromium)).toBe(true)
  })

  it('closes the pop-ups of its own pages, never the tabs of the browser\'s other users', async () => {
    // Given another user of the same browser, with a tab of their own
    const other = await puppeteer.connect({ browserWSEndpoint: wsEndpoint })
    const manager = new BrowserManager({ browserWs: wsEndpoint })
    try {
      const theirs = await other.newPage()
      // When a page of ours opens a pop-up (this browser does not block them)
      const ours = await manager.newPage()
      await ours.goto(`${site.url}/`)
      const popup = new Promise<unknown>((resolve) => ours.once('popup', resolve))
      await ours.evaluate(`window.open('${site.url}/nasty/popup', '_blank')`)
      await popup
      // Then the pop-up is closed, and their tab stays open
      // (Targets, not pages: a page half torn down cannot say its URL.)
      const urls = async () => other.targets().filter((target) => target.type() === 'page').map((target) => target.url())
      let open = await urls()
      for (const until = Date.now() + 10_000; open.includes(`${site.url}/nasty/popup`) && Date.now() < until; open = await urls()) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(open).not.toContain(`${site.url}/nasty/popup`)
      expect(theirs.isClosed()).toBe(false)
      // And once we let go, none of our pages is left, while theirs still is
      await manager.close()
      expect(await urls()).not.toContain(`${site.url}/`)
      expect(theirs.isClosed()).toBe(false)
      await theirs.close()
    } finally {
      await manager.close()
      await other.disconnect()
    }
  })
})
