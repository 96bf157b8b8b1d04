// One real Chromium for a test file, found the same way the CLI finds it.
import { accessSync, constants } from 'node:fs'
import { BrowserManager, type BrowserOptions } from '../../src/browser/manager.js'

export function testBrowser(options: BrowserOptions = {}): BrowserManager {
  return new BrowserManager(options)
}

function firstExecutable(paths: string[]): string | undefined {
  return paths.find((path) => {
    try {
      accessSync(path, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/**
 * The two builds of Chromium the suite drives, each by its path. Both are
 * installed by `scripts/find-or-install-chromium.sh` (setup and CI); a test
 * that needs one that is missing fails and says which.
 */
export function installedBrowser(kind: 'headless shell' | 'full browser'): string {
  const path =
    kind === 'headless shell'
      ? firstExecutable([process.env.SHOWTELL_TEST_SHELL ?? '', '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'])
      : firstExecutable([process.env.SHOWTELL_TEST_FULL_BROWSER ?? '', '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'])
  if (!path) {
    throw new Error(
      `this test needs Chromium's ${kind}: run scripts/find-or-install-chromium.sh (Debian: apt-get install -y ${kind === 'headless shell' ? 'chromium-headless-shell' : 'chromium'}), or set ${kind === 'headless shell' ? 'SHOWTELL_TEST_SHELL' : 'SHOWTELL_TEST_FULL_BROWSER'}`,
    )
  }
  return path
}
