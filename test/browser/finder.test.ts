// The browser search order: --browser-path, CHROME_PATH,
// PUPPETEER_EXECUTABLE_PATH, the system (the headless shell before the full
// browser), then puppeteer's cache (again the headless shell first).
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { findBrowser, isHeadlessShell } from '../../src/browser/finder.js'

let root: string

/** A stand-in executable (or a plain file when `executable` is false). */
async function fake(path: string, executable = true): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, '#!/bin/sh\n')
  await chmod(path, executable ? 0o755 : 0o644)
  return path
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'showtell-finder-'))
})

// 'aix' has no built-in system paths, so only what a test puts on PATH is found.
const platform = 'aix' as const

describe('findBrowser', () => {
  it('prefers the headless shell to the full browser on PATH', async () => {
    const bin = join(root, 'bin')
    await fake(join(bin, 'chromium'))
    const shell = await fake(join(bin, 'chromium-headless-shell'))
    expect(findBrowser({ platform, env: { PATH: bin } }).found).toEqual({ path: shell, source: 'system' })
  })

  it('takes the full browser when there is no headless shell', async () => {
    const bin = join(root, 'bin')
    const full = await fake(join(bin, 'chromium'))
    await fake(join(bin, 'chromium-headless-shell'), false)
    expect(findBrowser({ platform, env: { PATH: bin } }).found).toEqual({ path: full, source: 'system' })
  })

  it('puts an explicit choice before the system: flag, then CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const bin = join(root, 'bin')
    await fake(join(bin, 'chromium-headless-shell'))
    const flag = await fake(join(root, 'flag', 'chrome'))
    const chromePath = await fake(join(root, 'chrome-path', 'chrome'))
    const pptr = await fake(join(root, 'pptr', 'chrome'))
    const env = { PATH: bin, CHROME_PATH: chromePath, PUPPETEER_EXECUTABLE_PATH: pptr }
    expect(findBrowser({ platform, env, browserPath: flag }).found).toEqual({ path: flag, source: '--browser-path' })
    expect(findBrowser({ platform, env }).found).toEqual({ path: chromePath, source: 'CHROME_PATH' })
    expect(findBrowser({ platform, env: { PATH: bin, PUPPETEER_EXECUTABLE_PATH: pptr } }).found).toEqual({ path: pptr, source: 'PUPPETEER_EXECUTABLE_PATH' })
  })

  it('never falls back past an explicit choice that is not executable', async () => {
    const bin = join(root, 'bin')
    await fake(join(bin, 'chromium-headless-shell'))
    const broken = await fake(join(root, 'broken', 'chrome'), false)
    const result = findBrowser({ platform, env: { PATH: bin, CHROME_PATH: broken } })
    expect(result.found).toBeUndefined()
    expect(result.badExplicit).toEqual({ path: broken, source: 'CHROME_PATH' })
  })

  it("looks in puppeteer's cache last, the headless shell and the newest version first", async () => {
    const cache = join(root, 'cache')
    await fake(join(cache, 'chrome', '131.0.0', 'chrome-linux64', 'chrome'))
    await fake(join(cache, 'chrome-headless-shell', '130.0.0', 'chrome-headless-shell-linux64', 'chrome-headless-shell'))
    const newest = await fake(join(cache, 'chrome-headless-shell', '131.0.0', 'chrome-headless-shell-linux64', 'chrome-headless-shell'))
    const result = findBrowser({ platform, env: { PATH: join(root, 'empty'), PUPPETEER_CACHE_DIR: cache } })
    expect(result.found).toEqual({ path: newest, source: 'puppeteer cache' })
  })

  it('for a window (showtell login) skips the headless shells, on PATH and in the cache, but keeps an explicit choice', async () => {
    const bin = join(root, 'bin')
    const full = await fake(join(bin, 'chromium'))
    await fake(join(bin, 'chromium-headless-shell'))
    expect(findBrowser({ platform, env: { PATH: bin }, windowed: true }).found).toEqual({ path: full, source: 'system' })
    const cache = join(root, 'cache')
    const chrome = await fake(join(cache, 'chrome', '131.0.0', 'chrome-linux64', 'chrome'))
    await fake(join(cache, 'chrome-headless-shell', '131.0.0', 'chrome-headless-shell-linux64', 'chrome-headless-shell'))
    expect(findBrowser({ platform, env: { PATH: join(root, 'empty'), PUPPETEER_CACHE_DIR: cache }, windowed: true }).found).toEqual({ path: chrome, source: 'puppeteer cache' })
    const shell = join(bin, 'chromium-headless-shell')
    expect(findBrowser({ platform, env: { PATH: bin }, windowed: true, browserPath: shell }).found).toEqual({ path: shell, source: '--browser-path' })
  })

  it('lists what it tried when it finds nothing', () => {
    const result = findBrowser({ platform, env: { PATH: join(root, 'empty'), PUPPETEER_CACHE_DIR: join(root, 'none') } })
    expect(result.found).toBeUndefined()
    expect(result.tried).toContain(join(root, 'empty', 'chromium-headless-shell'))
    expect(result.tried).toContain(join(root, 'empty', 'chromium'))
  })
})

describe('isHeadlessShell', () => {
  it.each([
    ['/usr/bin/chromium-headless-shell', true],
    ['/home/me/.cache/puppeteer/chrome-headless-shell/131.0.0/chrome-headless-shell-linux64/chrome-headless-shell', true],
    ['C:\\chrome-headless-shell-win64\\chrome-headless-shell.exe', true],
    ['/opt/headless_shell/headless_shell', true],
    ['/usr/bin/chromium', false],
    ['/usr/bin/google-chrome-stable', false],
    ['/opt/google/chrome/chrome', false],
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', false],
    ['/home/me/headless-shell-notes/chrome', false],
  ])('%s → %s', (path, expected) => {
    expect(isHeadlessShell(path)).toBe(expected)
  })
})
