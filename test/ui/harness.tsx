// Drives the real <App> through ink-testing-library: real services (the same
// functions the subcommands call) on a temp workspace, keys written to stdin,
// and frames read back. Only `open` is replaced, because it would start a
// desktop program; the paths it was asked to open are recorded instead. The
// clock is fixed (APP_NOW unless a test gives another), so "today", the next
// meeting and the schedule are the same on any day the suite runs.
import { render } from 'ink-testing-library'
import { BrowserManager } from '../../src/browser/manager.js'
import App from '../../src/ui/App.js'
import { realServices, type AppServices } from '../../src/ui/services.js'
import type { Nav } from '../../src/ui/state.js'
import { loadWorkspace } from '../../src/workspace/load.js'

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  ctrlC: '\u0003',
} as const

/**
 * "Now" for the app under test: Friday 2026-11-20, so the next meeting of the
 * fixture workspaces is their first, Tuesday 2026-11-24 (meeting.start).
 */
export const APP_NOW = new Date('2026-11-20T12:00:00Z')

export interface AppHarness {
  readonly frame: () => string
  readonly frames: () => readonly string[]
  /** Writes keys one at a time; after each, waits until the app has drawn a new frame. */
  readonly press: (...keys: string[]) => Promise<void>
  /**
   * Writes a key that should change nothing, so no frame is awaited. Follow it with a
   * `press` whose frame shows the key had no effect: keys are handled in order.
   */
  readonly pressIgnored: (key: string) => void
  /** Waits until the latest frame matches; fails with the frame when it does not. */
  readonly waitFor: (match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => Promise<string>
  readonly opened: string[]
  readonly services: AppServices
  readonly close: () => Promise<void>
}

// The testing library's terminal is 100 columns with no height, read from its Stdout class.
// A test that gives a size gets it from the very first frame, instead of a resize after it
// and a wait for the frame that React draws once the app has seen the resize.
let terminalSize: { columns: number; rows: number } | undefined
{
  const probe = render(<></>)
  const stdoutClass = Object.getPrototypeOf(probe.stdout) as object
  probe.unmount()
  probe.cleanup()
  Object.defineProperty(stdoutClass, 'columns', { get: () => terminalSize?.columns ?? 100, configurable: true })
  Object.defineProperty(stdoutClass, 'rows', { get: () => terminalSize?.rows, configurable: true })
}

export async function renderApp(dir: string, options: { initial?: Nav; browser?: BrowserManager; size?: { columns: number; rows: number }; now?: Date } = {}): Promise<AppHarness> {
  const browser = options.browser ?? new BrowserManager()
  const opened: string[] = []
  const now = options.now ?? APP_NOW
  const services: AppServices = {
    ...realServices(dir, browser, { now: () => new Date(now) }),
    open: async (path) => {
      opened.push(path)
    },
  }
  const workspace = await loadWorkspace(dir)
  const overview = await services.overview(workspace)
  terminalSize = options.size
  const instance = render(<App services={services} workspace={workspace} overview={overview} theme={{}} initial={options.initial} />)
  const frame = () => instance.lastFrame() ?? ''
  const waitFor = async (match: string | RegExp | ((frame: string) => boolean), timeoutMs = 10_000) => {
    const test = typeof match === 'function' ? match : typeof match === 'string' ? (f: string) => f.includes(match) : (f: string) => match.test(f)
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      if (test(frame())) return frame()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`timed out waiting for ${String(match)}; the last frame was:\n${frame()}`)
  }
  await waitFor((f) => f.length > 0)
  // useInput subscribes in an effect after the first frame: keys written before that are lost.
  // Ink reads keys on stdin's 'readable' event, so a listener there means the app listens.
  await waitFor(() => instance.stdin.listenerCount('readable') > 0)
  return {
    frame,
    frames: () => instance.frames,
    press: async (...keys) => {
      for (const key of keys) {
        const drawn = instance.frames.length
        instance.stdin.write(key)
        await waitFor(() => instance.frames.length > drawn, 10_000).catch(() => {
          throw new Error(`no new frame after the key ${JSON.stringify(key)}; the last frame was:\n${frame()}`)
        })
      }
    },
    pressIgnored: (key) => {
      instance.stdin.write(key)
    },
    waitFor,
    opened,
    services,
    close: async () => {
      instance.unmount()
      instance.cleanup()
      await browser.close()
    },
  }
}

/** The row of a frame holding `text` (for asserting what is on the same line). */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((line) => line.includes(text)) ?? ''
}
