// One real Chromium for a test file, found the same way the CLI finds it.
import { BrowserManager } from '../../src/browser/manager.js'

export function testBrowser(): BrowserManager {
  return new BrowserManager({})
}
