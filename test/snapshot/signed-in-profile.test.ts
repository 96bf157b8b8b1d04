// Given a members-only page on the demo site (the LinkedIn login wall without
// the demo session cookie, the page and its 4,321 followers with it), when
// the accounts are snapshotted without `snapshot.profile`, with a profile
// that has not signed in, and after a sign-in through `showtell login`'s own
// path (signIn, headless, filling the demo login form), then only the
// signed-in run reads the number; the profile folder survives every run and
// nothing of it reaches out/ or history/; a walled page stays blocked even
// signed in; a profile inside the workspace, a login without a profile, a
// login without a screen and a profile in use are each refused, in one line.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'puppeteer-core'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserManager } from '../../src/browser/manager.js'
import { runCleanups } from '../../src/process/cleanup.js'
import { signIn, signInUrl } from '../../src/commands/login.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { expandProfile } from '../../src/workspace/profile.js'
import { installedBrowser } from '../helpers/browser.js'
import { runCli } from '../helpers/cli.js'
import { eventually } from '../helpers/eventually.js'
import { demoConfigObject, demoEndpoints } from '../helpers/demo-workspace.js'
import { makeWorkspace } from '../helpers/workspace.js'

const MEMBERS = '/members/polar-crew-club'
let site: DemoSite
let scratch: string

beforeAll(async () => {
  site = await startDemoSite()
  scratch = await mkdtemp(join(tmpdir(), 'showtell-profile-test-'))
})

afterAll(async () => {
  await site?.close()
  await rm(scratch, { recursive: true, force: true })
})

/** A demo workspace with the members-only account and a walled one; `profile` as written in showtell.yaml. */
async function workspaceWith(profile?: string): Promise<string> {
  const config = demoConfigObject(
    site.url,
    [
      { id: 'crew', platform: 'linkedin', url: `${site.url}${MEMBERS}`, label: 'Polar Crew on LinkedIn' },
      { id: 'teaser', platform: 'linkedin', url: `${site.url}/nasty/teaser-wall`, label: 'Teaser wall' },
    ],
    { timeout: 15, endpoints: { linkedin: `${site.url}/linkedin` } },
  ) as { snapshot: Record<string, unknown> }
  if (profile !== undefined) config.snapshot.profile = profile
  return makeWorkspace({ 'showtell.yaml': stringify(config) })
}

/** Gives the workspace one audit rule, LinkedIn's, whose base the workspace's endpoint replaces with the demo site. */
async function makeWorkspaceRules(workspace: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises')
  await mkdir(join(workspace, 'rules'), { recursive: true })
  await writeFile(
    join(workspace, 'rules', 'audit.yaml'),
    'linkedin:\n  base: https://www.linkedin.com\n  probe: "{base}/company/{handle}"\n  kind: page\n  status: { present: [200], absent: [404] }\n  present: ["on LinkedIn"]\n',
  )
}

interface Result {
  readonly account: string
  readonly status: string
  readonly reason?: string
  readonly metrics: { readonly followers?: { readonly value: number } }
}

async function snapshot(workspace: string, ...flags: string[]): Promise<Result[]> {
  const run = await runCli(['snapshot', '--json', '--workspace', workspace, ...flags])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as Result[]
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

describe('the demo wall that lets a signed-in session through', () => {
  it('without the cookie the members page is the LinkedIn login wall; /demo-login sets the cookie; with it the page has its number', async () => {
    const walled = await fetch(`${site.url}${MEMBERS}`, { redirect: 'manual' })
    expect(walled.status).toBe(302)
    expect(walled.headers.get('location')).toBe(`/linkedin/login?next=${encodeURIComponent(MEMBERS)}`)
    const login = await fetch(`${site.url}/demo-login`)
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^showtell_demo_session=signed-in;.*Max-Age=\d+/)
    const through = await fetch(`${site.url}${MEMBERS}`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(through.status).toBe(200)
    expect(await through.text()).toContain('4,321 followers')
  })
})

describe('snapshots with a signed-in profile (real Chromium, built CLI)', () => {
  it('blocked without a profile, blocked with one not signed in, ok with the number after showtell login; the profile survives and stays out of out/ and history/', async () => {
    const signedOut = await snapshot(await workspaceWith())
    expect(signedOut.find((r) => r.account === 'crew')).toMatchObject({ status: 'blocked' })

    const profile = join(scratch, 'browser-profile')
    const workspace = await workspaceWith(profile)
    const before = await snapshot(workspace)
    expect(before.find((r) => r.account === 'crew')).toMatchObject({ status: 'blocked' })
    expect((await stat(profile)).isDirectory()).toBe(true)

    // The sign-in page `showtell login linkedin` opens, on this workspace's endpoint.
    const url = signInUrl('linkedin', demoEndpointsWithLinkedin())!
    expect(url).toBe(`${site.url}/linkedin/login`)
    // In the full Chromium, as the visible window of `showtell login` (here headless).
    await signIn({
      url,
      browser: { profileDir: profile, browserPath: installedBrowser('full browser') },
      onOpen: async (page) => {
        await page.type('#username', 'crew@example.com')
        await page.type('#password', 'not-a-real-password')
        await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type=submit]')])
        expect(await page.title()).toBe('Signed in • showtell demo site')
        // As the user closes the window: signIn waits for it.
        await page.close()
      },
    })
    // The browser is gone and the profile is still there, with the session in it.
    expect(existsSync(join(profile, 'SingletonLock'))).toBe(false)
    expect((await stat(profile)).isDirectory()).toBe(true)

    // The snapshot in the headless shell reads the session the full browser stored.
    const after = await snapshot(workspace, '--browser-path', installedBrowser('headless shell'))
    const crew = after.find((r) => r.account === 'crew')
    expect(crew).toMatchObject({ status: 'ok' })
    expect(crew!.metrics.followers?.value).toBe(4321)
    // The classifier has the last word: a wall stays a wall, signed in or not.
    expect(after.find((r) => r.account === 'teaser')).toMatchObject({ status: 'blocked', reason: 'login wall' })

    // A build snapshots with the same profile.
    const build = await runCli(['build', '--topic', 'listening', '--date', '2026-11-24', '--format', 'md', '--json', '--workspace', workspace])
    expect(build.code, build.stderr).toBe(0)
    const manifest = JSON.parse(build.stdout) as { snapshots: { account: string; status: string }[] }
    expect(manifest.snapshots).toContainEqual(expect.objectContaining({ account: 'crew', status: 'ok' }))

    // The runs never removed the profile, and nothing of it is in the workspace.
    expect((await readdir(profile)).length).toBeGreaterThan(0)
    const profileFiles = new Set((await filesUnder(profile)).map((file) => file.slice(profile.length + 1).split('/').pop()))
    expect(profileFiles.has('Cookies')).toBe(true)
    for (const file of [...(await filesUnder(join(workspace, 'out'))), ...(await filesUnder(join(workspace, 'history')))]) {
      const name = file.split('/').pop()!
      expect(['Cookies', 'Preferences', 'Local State', 'SingletonLock'], file).not.toContain(name)
      expect(await readFile(file, 'utf8'), file).not.toContain(profile)
    }
    expect(await filesUnder(join(workspace, 'out'))).not.toHaveLength(0)
  })

  it('the audit stays signed out: it runs while another browser holds the profile', async () => {
    const profile = join(scratch, 'audit-profile')
    const holder = new BrowserManager({ profileDir: profile })
    try {
      await holder.get()
      const workspace = await workspaceWith(profile)
      // LinkedIn only, on the demo site: the audit's controls probe every platform with a rule whatever the budget (issue 15).
      await makeWorkspaceRules(workspace)
      const run = await runCli(['audit', '--budget', '2', '--json', '--workspace', workspace])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).not.toContain('in use')
      const report = JSON.parse(run.stdout) as { platforms: string[]; controls: { probes: { url: string }[] }[] }
      expect(report.platforms).toEqual(['linkedin'])
      for (const probe of report.controls.flatMap((c) => c.probes)) expect(probe.url.startsWith(site.url)).toBe(true)
    } finally {
      await holder.close()
    }
  })

  it('a profile that another browser holds: exit 1, one line that says so', async () => {
    const profile = join(scratch, 'held-profile')
    const holder = new BrowserManager({ profileDir: profile })
    try {
      await holder.get()
      const run = await runCli(['snapshot', '--workspace', await workspaceWith(profile)])
      expect(run.code, run.stderr).toBe(1)
      expect(run.stderr).toContain(`the browser profile ${profile} is in use by another Chromium (pid `)
      expect(run.stderr).toMatch(/^showtell: the browser profile \S+ is in use by another Chromium \(pid \d+\) \(hint: [^\n]+\)\n$/)
    } finally {
      await holder.close()
    }
    expect((await stat(profile)).isDirectory()).toBe(true)
  })
})

describe('the browser manager on a profile of the user', () => {
  it('an interrupt kills the browser and keeps the profile', async () => {
    const profile = join(scratch, 'interrupted-profile')
    const manager = new BrowserManager({ profileDir: profile })
    const child = (await manager.get()).process()!
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // What the SIGINT/SIGTERM handler does.
    await runCleanups()
    await exited
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true)
    expect((await stat(profile)).isDirectory()).toBe(true)
    expect((await readdir(profile)).length).toBeGreaterThan(0)
    await manager.close()
    expect((await stat(profile)).isDirectory()).toBe(true)
  })
})

describe('signIn, the path of showtell login', () => {
  it('waits while the sign-in page is open, and ends when it is closed', async () => {
    let opened: Page | undefined
    let finished = false
    const done = signIn({ url: `${site.url}/linkedin/login`, browser: { profileDir: join(scratch, 'waiting-profile') }, onOpen: async (page) => void (opened = page) }).then(() => (finished = true))
    const page = await eventually(() => opened, (value) => value !== undefined)
    // A round trip to the page, which signIn would have closed had it not waited.
    expect(await page!.evaluate(() => document.title)).toBe('Log in • LinkedIn')
    expect(finished).toBe(false)
    await page!.close()
    await done
    expect(finished).toBe(true)
  })
})

describe('snapshot.profile is refused where it must not be', () => {
  it('inside the workspace: exit 2 naming the file, line and snapshot.profile, and nothing is made there', async () => {
    const workspace = await workspaceWith('./browser-profile')
    const run = await runCli(['snapshot', '--workspace', workspace])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toMatch(/showtell\.yaml:\d+.*snapshot\.profile/)
    expect(run.stderr).toContain('inside the workspace')
    expect(existsSync(join(workspace, 'browser-profile'))).toBe(false)
  })

  it('inside the workspace through an absolute path: exit 2 for `showtell login` as well', async () => {
    const workspace = await workspaceWith()
    const config = await readFile(join(workspace, 'showtell.yaml'), 'utf8')
    await writeFile(join(workspace, 'showtell.yaml'), config.replace('snapshot:\n', `snapshot:\n  profile: ${join(workspace, 'state', 'profile')}\n`))
    const run = await runCli(['login', 'linkedin', '--workspace', workspace])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toMatch(/showtell\.yaml:\d+.*snapshot\.profile/)
  })

  it('`~` is the home folder', () => {
    expect(expandProfile('~/.showtell/profile', '/work/space')).toBe(join(homedir(), '.showtell', 'profile'))
    expect(expandProfile('../profile', '/work/space')).toBe('/work/profile')
  })
})

describe('showtell login', () => {
  it('without snapshot.profile: exit 2 with the line to add', async () => {
    const run = await runCli(['login', 'linkedin', '--workspace', await workspaceWith()])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toContain('snapshot.profile is not set')
    expect(run.stderr).toContain('profile: ~/.showtell/browser-profile')
  })

  it('without a screen: exit 1 with one line, and no browser started', async () => {
    const profile = join(scratch, 'no-screen-profile')
    const run = await runCli(['login', 'linkedin', '--workspace', await workspaceWith(profile)], { env: { DISPLAY: '', WAYLAND_DISPLAY: '' } })
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).toMatch(/^showtell: showtell login needs a screen: no DISPLAY or WAYLAND_DISPLAY is set \(hint: [^\n]+\)\n$/)
    expect(existsSync(profile)).toBe(false)
  })

  it('an unknown platform, or one with nothing to sign in to: exit 2', async () => {
    const workspace = await workspaceWith(join(scratch, 'unused'))
    expect((await runCli(['login', 'myspace', '--workspace', workspace])).code).toBe(2)
    expect((await runCli(['login', 'blog', '--workspace', workspace])).code).toBe(2)
  })

  it('each platform’s real sign-in page, and the endpoint of showtell.yaml where one is set', () => {
    expect(signInUrl('linkedin', {})).toBe('https://www.linkedin.com/login')
    expect(signInUrl('instagram', {})).toBe('https://www.instagram.com/accounts/login/')
    expect(signInUrl('facebook', {})).toBe('https://www.facebook.com/login')
    expect(signInUrl('x', {})).toBe('https://x.com/i/flow/login')
    expect(signInUrl('tiktok', {})).toBe('https://www.tiktok.com/login')
    expect(signInUrl('threads', {})).toBe('https://www.threads.net/login')
    expect(signInUrl('youtube', {})).toMatch(/^https:\/\/accounts\.google\.com\//)
    expect(signInUrl('x', { 'x-web': 'http://127.0.0.1:9/x-web/' })).toBe('http://127.0.0.1:9/x-web/i/flow/login')
    expect(signInUrl('blog', {})).toBeUndefined()
  })
})

function demoEndpointsWithLinkedin(): Record<string, string> {
  return { ...demoEndpoints(site.url), linkedin: `${site.url}/linkedin` }
}
