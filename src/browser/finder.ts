// Owns finding a Chrome or Chromium to drive. The order is fixed and shown by
// `showtell doctor`: --browser-path, then CHROME_PATH / PUPPETEER_EXECUTABLE_PATH,
// then a system install, then puppeteer's own cache. No download is attempted.
//
// Among system installs, Chromium's headless shell comes first (Debian:
// `chromium-headless-shell`; puppeteer calls it chrome-headless-shell). It is
// the build of Chromium made for automation: it spends about half the CPU of
// the full browser per page, and every tab paints, so snapshots can take their
// screenshots side by side instead of taking turns at the front tab.
import { accessSync, constants, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'

export type BrowserSource = '--browser-path' | 'CHROME_PATH' | 'PUPPETEER_EXECUTABLE_PATH' | 'system' | 'puppeteer cache'

export interface FoundBrowser {
  readonly path: string
  readonly source: BrowserSource
}

/** True for Chromium's headless shell, which puppeteer drives with `headless: 'shell'`. */
export function isHeadlessShell(path: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(path)
}

export interface FindBrowserOptions {
  /** An explicit path from `--browser-path`. */
  readonly browserPath?: string
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv
  /** @default process.platform */
  readonly platform?: NodeJS.Platform
  /**
   * A browser that can show a window (`showtell login`): the search skips
   * headless shells, which it otherwise prefers. An explicit path is still
   * taken as it is. @default false
   */
  readonly windowed?: boolean
}

/** The fix printed wherever a browser is missing. */
export const BROWSER_HINT =
  'install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium-headless-shell`), or pass --browser-path /path/to/chrome, or set CHROME_PATH'

const SYSTEM_NAMES = ['chromium-headless-shell', 'chrome-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']
const SYSTEM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  // Debian's /usr/bin/chromium-headless-shell is a shell script that runs the
  // binary without exec: killing the script would leave the browser running.
  linux: ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
}

/**
 * Returns the first usable browser, or a list of what was tried when none is.
 * An explicit choice (flag or variable) that is not executable is an error of
 * its own: we never fall back silently past what the user asked for.
 */
export function findBrowser(options: FindBrowserOptions = {}): { found?: FoundBrowser; tried: string[]; badExplicit?: FoundBrowser } {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  const tried: string[] = []
  const explicit: [BrowserSource, string | undefined][] = [
    ['--browser-path', options.browserPath],
    ['CHROME_PATH', env.CHROME_PATH],
    ['PUPPETEER_EXECUTABLE_PATH', env.PUPPETEER_EXECUTABLE_PATH],
  ]
  for (const [source, path] of explicit) {
    if (!path) continue
    tried.push(`${source}=${path}`)
    if (isExecutable(path)) return { found: { path, source }, tried }
    return { tried, badExplicit: { path, source } }
  }
  const candidates = [...(SYSTEM_PATHS[platform] ?? []), ...onPath(SYSTEM_NAMES, env.PATH ?? '', platform)]
  const fits = (path: string) => !(options.windowed && isHeadlessShell(path))
  for (const path of candidates.filter(fits)) {
    tried.push(path)
    if (isExecutable(path)) return { found: { path, source: 'system' }, tried }
  }
  for (const path of puppeteerCache(env).filter(fits)) {
    tried.push(path)
    if (isExecutable(path)) return { found: { path, source: 'puppeteer cache' }, tried }
  }
  return { tried }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(names: string[], path: string, platform: NodeJS.Platform): string[] {
  const dirs = path.split(delimiter).filter(Boolean)
  const suffix = platform === 'win32' ? '.exe' : ''
  return dirs.flatMap((dir) => names.map((name) => join(dir, name + suffix)))
}

/** Executables in puppeteer's cache (`~/.cache/puppeteer`), newest version first. */
function puppeteerCache(env: NodeJS.ProcessEnv): string[] {
  const root = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer')
  const found: string[] = []
  for (const [browser, exe] of [
    ['chrome-headless-shell', ['chrome-headless-shell-linux64/chrome-headless-shell']],
    ['chrome', ['chrome-linux64/chrome', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-win64/chrome.exe']],
  ] as const) {
    let versions: string[] = []
    try {
      versions = readdirSync(join(root, browser)).sort().reverse()
    } catch {
      continue
    }
    for (const version of versions) for (const rel of exe) found.push(join(root, browser, version, rel))
  }
  return found
}
