// Given a workspace that does not allow private networks and a page on a host
// the resolver calls public, when Chromium loads it and the page (or its
// server) points at a private host in any notation (a redirect of the page
// itself, images, a frame, a script, fetch(), a WebSocket, a feed link, an
// API that redirects), then the private host is reached zero times, and an
// account whose page redirects there is an error that says why.
//
// Chromium is started here with --host-resolver-rules, so `allowed.test`
// (public by the tests' resolver stub) is served from 127.0.0.1 and no name is
// ever looked up in real DNS.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BrowserManager } from '../../src/browser/manager.js'
import { RequestGuard } from '../../src/net/guard.js'
import { captureAccount, type CaptureOptions } from '../../src/snapshot/capture.js'
import type { Account } from '../../src/workspace/schema.js'
import { installedBrowser } from '../helpers/browser.js'
import { connectToLoopback, startSite, startTarget, stubResolver, type Served } from './support.js'

let site: Served
let target: Served
let chromium: ChildProcess
let profile: string
let manager: BrowserManager
let outDir: string

/**
 * Starts the full Chromium with the test's host mapping, and reads its
 * DevTools endpoint. The full browser with one process per site, because
 * there a frame from another site is a DevTools target of its own, which the
 * guard must attach to as well (the headless shell keeps it in the page).
 */
async function startChromium(): Promise<{ child: ChildProcess; ws: string }> {
  const args = [
    '--headless=new',
    '--site-per-process',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    // The only names Chromium may resolve; every other one fails without asking DNS.
    '--host-resolver-rules=MAP allowed.test 127.0.0.1, MAP other.test 127.0.0.1, MAP private.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    'about:blank',
  ]
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  const child = spawn(installedBrowser('full browser'), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
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
  child.stderr!.resume()
  return { child, ws }
}

function pages(targetPort: number, sitePort: number): Record<string, string> {
  const t = (host: string, path: string) => `http://${host}:${targetPort}/${path}`
  const viaSite = (to: string) => `http://allowed.test:${sitePort}/redirect?to=${encodeURIComponent(to)}`
  return {
    '/loaded': '<title>Nordlys Outdoor</title><p>Nordlys Outdoor: 12,345 followers</p>',
    '/everything': `<!doctype html><title>Nordlys Outdoor</title>
      <link rel="alternate" type="application/rss+xml" href="${t('127.0.0.1', 'feed.xml')}">
      <link rel="stylesheet" href="${t('127.0.0.1', 'style.css')}">
      <p>Nordlys Outdoor: 12,345 followers</p>
      <img src="${t('127.0.0.1', 'img.png')}">
      <img src="${t('[::ffff:7f00:1]', 'mapped.png')}">
      <img src="${t('[::ffff:127.0.0.1]', 'mapped-dotted.png')}">
      <img src="${t('localhost.', 'dot.png')}">
      <img src="${t('foo.localhost', 'sub.png')}">
      <img src="${t('0x7f.1', 'hex.png')}">
      <img src="${t('2130706433', 'decimal.png')}">
      <img src="${t('127.1', 'short.png')}">
      <img src="${t('private.test', 'name.png')}">
      <img src="${viaSite(t('127.0.0.1', 'redirected.png'))}">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <iframe src="${t('127.0.0.1', 'frame')}"></iframe>
      <script src="${viaSite(t('127.0.0.1', 'script.js'))}"></script>
      <script>
        // Each attempt settles (fails, when the guard works); #all-done appears
        // when all have, and the capture waits for it: a positive end, no sleep.
        const settled = (promise) => promise.then(() => 'sent', () => 'failed')
        const socket = (url) => new Promise((resolve) => {
          try {
            const ws = new WebSocket(url)
            ws.onerror = ws.onclose = resolve
          } catch {
            resolve('no WebSocket')
          }
        })
        const worker = new Promise((resolve) => {
          const code = "const s = (u) => new Promise((r) => { try { const w = new WebSocket(u); w.onerror = w.onclose = r } catch { r() } });" +
            "Promise.allSettled([fetch('${t('127.0.0.1', 'worker')}'), s('ws://127.0.0.1:${targetPort}/worker-ws')]).then(() => postMessage('done'))"
          const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })))
          w.onmessage = resolve
          w.onerror = resolve
        })
        const prefetch = new Promise((resolve) => {
          const link = Object.assign(document.createElement('link'), { rel: 'prefetch', href: '${t('127.0.0.1', 'prefetch')}', onload: resolve, onerror: resolve })
          document.head.append(link)
        })
        const loaded = new Promise((resolve) => addEventListener('load', resolve))
        Promise.all([
          settled(fetch('${t('127.0.0.1', 'fetch')}', { mode: 'no-cors' })),
          settled(fetch('${t('127.0.0.1', 'keepalive')}', { mode: 'no-cors', keepalive: true, method: 'POST', body: 'x' })),
          socket('ws://127.0.0.1:${targetPort}/ws'),
          worker,
          prefetch,
          loaded,
        ]).then(() => document.body.insertAdjacentHTML('beforeend', '<div id="all-done"></div>'))
      </script>`,
    '/feed-redirect': `<title>Nordlys Outdoor</title><link rel="alternate" type="application/atom+xml" href="${viaSite(t('127.0.0.1', 'feed.xml'))}"><p>Nordlys Outdoor: 12,345 followers</p>`,
    // A frame from another site (its own process, its own DevTools target) tries the same.
    '/outer': `<title>Nordlys Outdoor</title><p>Nordlys Outdoor: 12,345 followers</p>
      <iframe src="http://other.test:${sitePort}/inner"></iframe>
      <script>addEventListener('message', (event) => { if (event.data === 'inner-done') document.body.insertAdjacentHTML('beforeend', '<div id="all-done"></div>') })</script>`,
    '/inner': `<title>inner</title><img src="${t('127.0.0.1', 'inner-img.png')}"><script>
      const socket = (url) => new Promise((resolve) => { try { const ws = new WebSocket(url); ws.onerror = ws.onclose = resolve } catch { resolve() } })
      const worker = new Promise((resolve) => {
        const w = new Worker(URL.createObjectURL(new Blob(["fetch('${t('127.0.0.1', 'inner-worker')}').finally(() => postMessage('done'))"], { type: 'text/javascript' })))
        w.onmessage = w.onerror = resolve
      })
      const loaded = new Promise((resolve) => addEventListener('load', resolve))
      Promise.allSettled([fetch('${t('127.0.0.1', 'inner-fetch')}', { mode: 'no-cors' }), socket('ws://127.0.0.1:${targetPort}/inner-ws'), worker, loaded]).then(() => parent.postMessage('inner-done', '*'))
    </script>`,
    '/navigates-away': `<title>Nordlys Outdoor</title><p>Nordlys Outdoor: 12,345 followers</p><script>setTimeout(() => { location.href = '${t('127.0.0.1', 'js-nav')}' }, 0)</script>`,
  }
}

beforeAll(async () => {
  target = await startTarget()
  // The site's pages name the target's port, so the site is given a handler that reads them late.
  const html: Record<string, string> = {}
  site = await startSite(html, target.port)
  Object.assign(html, pages(target.port, site.port))
  profile = await mkdtemp(join(tmpdir(), 'showtell-guard-chromium-'))
  outDir = await mkdtemp(join(tmpdir(), 'showtell-guard-shots-'))
  const started = await startChromium()
  chromium = started.child
  manager = new BrowserManager({ browserWs: started.ws })
}, 60_000)

afterAll(async () => {
  await manager?.close()
  if (chromium?.pid) {
    try {
      process.kill(-chromium.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  await site?.close()
  await target?.close()
  await rm(profile, { recursive: true, force: true })
  await rm(outDir, { recursive: true, force: true })
})

beforeEach(() => {
  site.hits.length = 0
  target.hits.length = 0
})

const options = (): CaptureOptions => ({
  endpoints: {},
  timeoutMs: 8_000,
  allowPrivateNetwork: false,
  outDir,
  env: {},
  guard: new RequestGuard({ allowPrivateNetwork: false, resolve: stubResolver(), testConnectTo: connectToLoopback }),
})
const website = (id: string, url: string): Account => ({ id, platform: 'website', url, owner: 'official' }) as Account
const sitePath = (path: string) => `http://allowed.test:${site.port}${path}`
// The full browser asks for a favicon on its own; it says nothing about the guard.
const siteHits = () => site.hits.map((hit) => hit.url).filter((url) => url !== '/favicon.ico')

describe('Chromium, allowPrivateNetwork: false', () => {
  it('loads a page from an allowed host (the control: the mapping and the stub work)', async () => {
    const result = await captureAccount(manager, website('control', sitePath('/loaded')), options())
    expect(result.status, result.reason).toBe('ok')
    expect(result.metrics.followers?.value).toBe(12_345)
    expect(siteHits()).toEqual(['/loaded'])
  })

  it('lets no sub-resource, frame, fetch, socket, worker, prefetch or feed of the page reach the private host', async () => {
    const result = await captureAccount(manager, { ...website('everything', sitePath('/everything')), waitFor: '#all-done' } as Account, options())
    expect(result.status, result.reason).toBe('ok')
    // The redirect hops were sent to the allowed host, then their target refused.
    expect(siteHits()).toEqual(expect.arrayContaining(['/everything', `/redirect?to=${encodeURIComponent(`http://127.0.0.1:${target.port}/redirected.png`)}`, `/redirect?to=${encodeURIComponent(`http://127.0.0.1:${target.port}/script.js`)}`]))
    expect(target.hits.map((hit) => hit.url)).toEqual([])
  })

  it('lets nothing of a frame from another site reach the private host either', async () => {
    const result = await captureAccount(manager, { ...website('outer', sitePath('/outer')), waitFor: '#all-done' } as Account, options())
    expect(result.status, result.reason).toBe('ok')
    expect(siteHits()).toEqual(expect.arrayContaining(['/outer', '/inner']))
    expect(target.hits.map((hit) => hit.url)).toEqual([])
  })

  it('fetches no feed whose link redirects to the private host', async () => {
    const result = await captureAccount(manager, website('feed-redirect', sitePath('/feed-redirect')), options())
    expect(result.status, result.reason).toBe('ok')
    expect(result.metrics.lastPostAt).toBeUndefined()
    // Node asked the allowed host for the feed, and stopped at its redirect.
    expect(siteHits()).toEqual(['/feed-redirect', `/redirect?to=${encodeURIComponent(`http://127.0.0.1:${target.port}/feed.xml`)}`])
    expect(target.hits).toEqual([])
  })

  it.each([
    ['127.0.0.1', /^refused 127\.0\.0\.1: a private address \(loopback\); set snapshot\.allowPrivateNetwork/],
    ['[::ffff:7f00:1]', /^refused ::ffff:7f00:1: a private address \(loopback\)/],
    ['localhost.', /^refused localhost: a private address \(loopback\)/],
    ['private.test', /^refused private\.test \(127\.0\.0\.1\): a private address \(loopback\)/],
    ['nowhere.test', /^refused nowhere\.test: its address could not be looked up \(ENOTFOUND\)/],
  ])('refuses a page that redirects to %s, with the reason, and never reaches it', async (host, reason) => {
    const to = `http://${host}:${target.port}/landing`
    const result = await captureAccount(manager, website('redirects', sitePath(`/redirect?to=${encodeURIComponent(to)}`)), options())
    expect(result.status).toBe('error')
    expect(result.reason).toMatch(reason)
    expect(result.metrics).toEqual({})
    expect(siteHits()).toEqual([`/redirect?to=${encodeURIComponent(to)}`])
    expect(target.hits).toEqual([])
  })

  it('never reaches the private host when the page navigates there by script', async () => {
    const result = await captureAccount(manager, website('navigates', sitePath('/navigates-away')), options())
    expect(siteHits()[0]).toBe('/navigates-away')
    expect(result.url).toBe(sitePath('/navigates-away'))
    expect(target.hits).toEqual([])
  })

  it('refuses the private host named directly, before the browser is asked', async () => {
    const result = await captureAccount(manager, website('direct', `http://0x7f.1:${target.port}/`), options())
    expect(result).toMatchObject({ status: 'error', reason: expect.stringMatching(/^refused 127\.0\.0\.1: a private address \(loopback\)/) })
    expect(target.hits).toEqual([])
  })

  it('sends no API request on to the private host when the API redirects there', async () => {
    const account = { id: 'bsky', platform: 'bluesky', handle: 'nordlys.bsky.social', owner: 'official' } as Account
    const result = await captureAccount(manager, account, { ...options(), endpoints: { bluesky: sitePath('/to-target/api'), 'bluesky-web': sitePath('/bsky-web') } })
    expect(result.status).toBe('error')
    expect(result.reason).toBe('Bluesky public API could not be reached (redirected to a refused address: refused 127.0.0.1: a private address (loopback); set snapshot.allowPrivateNetwork: true only for a local demo or test site)')
    expect(siteHits()).toEqual(expect.arrayContaining(['/to-target/api/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social']))
    expect(target.hits).toEqual([])
  })
})
