// The browser showtell launches starts with an environment that holds no
// secret, and with a profile folder of showtell's own
// (<tmp>/showtell-profiles/<pid>-<random>) that is removed when the browser
// closes, when an interrupt runs the registered cleanups, and, when a
// process was killed before it could clean up, by the next launch.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BrowserManager } from '../../src/browser/manager.js'
import { pendingCleanups, runCleanups } from '../../src/process/cleanup.js'
import { installedBrowser } from '../helpers/browser.js'

const TOKEN = 'env-token-7c1e9f'
let manager: BrowserManager | undefined
let tmp: string
const saved = { ...process.env }

beforeEach(async () => {
  // A fresh temp folder for this test: os.tmpdir() follows TMPDIR.
  tmp = await mkdtemp(join(tmpdir(), 'showtell-profile-test-'))
  process.env.TMPDIR = tmp
  process.env.SHOWTELL_X_BEARER_TOKEN = TOKEN
  process.env.SOME_SERVICE_API_KEY = `${TOKEN}-api-key`
  process.env.SHOWTELL_TEST_PLAIN = 'plain-value-visible'
})

afterEach(async () => {
  await manager?.close()
  manager = undefined
  for (const name of ['TMPDIR', 'SHOWTELL_X_BEARER_TOKEN', 'SOME_SERVICE_API_KEY', 'SHOWTELL_TEST_PLAIN']) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
  await rm(tmp, { recursive: true, force: true })
})

const profiles = () => readdir(join(tmp, 'showtell-profiles'))

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) if (await condition()) return true
  return condition()
}

/** True while a process runs with `dir` as its --user-data-dir. */
async function browsersUsing(dir: string): Promise<boolean> {
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const args = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (args.split('\0').includes(`--user-data-dir=${dir}`)) return true
  }
  return false
}

/** A process id that is surely not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid!
}

describe('the browser a run launches', () => {
  it('starts without any secret variable in its environment', async () => {
    manager = new BrowserManager({ browserPath: installedBrowser('headless shell') })
    const browser = await manager.get()
    const pid = browser.process()!.pid!
    const environ = (await readFile(`/proc/${pid}/environ`)).toString('utf8').split('\0')
    // The environment is there (a plain variable came through), without the secrets.
    expect(environ).toContain('SHOWTELL_TEST_PLAIN=plain-value-visible')
    expect(environ.join('\n')).not.toContain(TOKEN)
    expect(environ.filter((line) => /TOKEN|API_KEY/.test(line.split('=')[0]!))).toEqual([])
  })

  it('uses a profile under <tmp>/showtell-profiles named <pid>-<random>, and removes it when it closes', async () => {
    manager = new BrowserManager({ browserPath: installedBrowser('headless shell') })
    await manager.get()
    const [profile, ...more] = await profiles()
    expect(more).toEqual([])
    expect(profile).toMatch(new RegExp(`^${process.pid}-[A-Za-z0-9]{6}$`))
    // Chromium writes its profile there, and nothing of puppeteer's own in the temp folder.
    expect(await until(async () => (await readdir(join(tmp, 'showtell-profiles', profile!))).length > 0)).toBe(true)
    expect((await readdir(tmp)).filter((name) => name.startsWith('puppeteer'))).toEqual([])
    await manager.close()
    expect(await profiles()).toEqual([])
  })

  it('on an interrupt, the registered cleanup kills the browser and removes its profile', async () => {
    const before = pendingCleanups()
    manager = new BrowserManager({ browserPath: installedBrowser('headless shell') })
    const pid = (await manager.get()).process()!.pid!
    expect(pendingCleanups()).toBe(before + 1)
    expect(await profiles()).toHaveLength(1)
    // What the SIGINT/SIGTERM handler does.
    await runCleanups()
    expect(isRunning(pid)).toBe(false)
    expect(await profiles()).toEqual([])
  })

  it('removes, at launch, the profiles of processes that are gone, and keeps those of running ones', async () => {
    const root = join(tmp, 'showtell-profiles')
    const dead = `${await deadPid()}-a1b2c3`
    const alive = `${process.ppid}-d4e5f6`
    for (const name of [dead, alive]) {
      await mkdir(join(root, name, 'Default'), { recursive: true })
      await writeFile(join(root, name, 'Default', 'Cookies'), 'x')
    }
    manager = new BrowserManager({ browserPath: installedBrowser('headless shell') })
    await manager.get()
    const left = await profiles()
    expect(left).not.toContain(dead)
    expect(left).toContain(alive)
    expect(left).toHaveLength(2)
    await manager.close()
    expect(await profiles()).toEqual([alive])
  })

  it('a process killed with its browser running leaves a profile that the next launch removes', async () => {
    // Given a showtell process that is killed (kill -9) while its browser runs
    const script = `
      import { BrowserManager } from ${JSON.stringify(new URL('../../src/browser/manager.ts', import.meta.url).href)}
      const manager = new BrowserManager({ browserPath: ${JSON.stringify(installedBrowser('headless shell'))} })
      await manager.get()
      process.stdout.write('up\\n')
      setInterval(() => {}, 1000)
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    expect(await until(() => out.includes('up'), 60_000)).toBe(true)
    const [left] = await profiles()
    expect(left).toMatch(new RegExp(`^${child.pid}-`))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.on('exit', resolve))
    expect(existsSync(join(tmp, 'showtell-profiles', left!))).toBe(true)
    // Its browser exits once its pipe closes; until then the profile is in use.
    const dir = join(tmp, 'showtell-profiles', left!)
    expect(await until(async () => !(await browsersUsing(dir)))).toBe(true)
    // When the next run launches its browser, then the left-over profile is gone
    manager = new BrowserManager({ browserPath: installedBrowser('headless shell') })
    await manager.get()
    expect(await profiles()).not.toContain(left)
    expect(await profiles()).toHaveLength(1)
  })
})
