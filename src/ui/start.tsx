// Owns starting and stopping the interactive app: Ink renders <App>, one
// browser is shared by every build and snapshot of the session and closed at
// the end, and the terminal is given back as it was found.
import { render } from 'ink'
import { BrowserManager, type BrowserOptions } from '../browser/manager.js'
import type { Overview } from '../overview/overview.js'
import type { Workspace } from '../workspace/load.js'
import App from './App.js'
import { realServices } from './services.js'

export interface StartOptions {
  readonly workspaceDir: string
  readonly workspace: Workspace
  readonly overview: Overview
  /** The browser options, or the manager built from them (one that names the setting it came from). */
  readonly browser: BrowserOptions | BrowserManager
  readonly stdin?: NodeJS.ReadStream
  readonly stdout?: NodeJS.WriteStream
}

/** Runs the app until the user quits. */
export async function startApp(options: StartOptions): Promise<void> {
  const browser = options.browser instanceof BrowserManager ? options.browser : new BrowserManager(options.browser)
  const services = realServices(options.workspaceDir, browser)
  // The whole screen is ours while the app runs; the shell's screen comes back after.
  const stdout = options.stdout ?? process.stdout
  stdout.write('\x1b[?1049h')
  const instance = render(<App services={services} workspace={options.workspace} overview={options.overview} />, {
    stdin: options.stdin ?? process.stdin,
    stdout,
    // Ctrl+C is a key like any other: it cancels a build before it quits.
    exitOnCtrlC: false,
    patchConsole: true,
  })
  try {
    await instance.waitUntilExit()
  } finally {
    instance.cleanup()
    stdout.write('\x1b[?1049l')
    await browser.close()
  }
}
