// One real Chromium for a test file, found the same way the CLI finds it.
import { BrowserManager, type BrowserOptions } from '../../src/browser/manager.js'

export function testBrowser(options: BrowserOptions = {}): BrowserManager {
  return new BrowserManager(options)
}
