// Drives the real <App> through ink-testing-library: real services (the same
// functions the subcommands call) on a temp workspace, keys written to stdin,
// and frames read back. Only `open` is replaced, because it would start a
// desktop program; the paths it was asked to open are recorded instead.
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

export interface AppHarness {
  readonly frame: () => string
  readonly frames: () => readonly string[]
  /** Writes keys one at a time, letting the app render between them. */
  readonly press: (...keys: string[]) => Promise<void>
  /** Waits until the latest frame matches; fails with the frame when it does not. */
  readonly waitFor: (match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => Promise<string>
  readonly opened: string[]
  readonly services: AppServices
  readonly close: () => Promise<void>
}

export async function renderApp(dir: string, options: { initial?: Nav; browser?: BrowserManager; size?: { columns: number; rows: number } } = {}): Promise<AppHarness> {
  const browser = options.browser ?? new BrowserManager()
  const opened: string[] = []
  const services: AppServices = {
    ...realServices(dir, browser),
    open: async (path) => {
      opened.push(path)
    },
  }
  const workspace = await loadWorkspace(dir)
  const overview = await services.overview(workspace)
  const instance = render(<App services={services} workspace={workspace} overview={overview} theme={{}} initial={options.initial} />)
  if (options.size) {
    // The testing library's terminal is 100 columns with no height; give it a real size, as a resize would.
    Object.defineProperty(instance.stdout, 'columns', { value: options.size.columns, configurable: true })
    Object.defineProperty(instance.stdout, 'rows', { value: options.size.rows, configurable: true })
    instance.stdout.emit('resize')
  }
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
  // useInput subscribes in an effect: the first frame means the app listens.
  await waitFor((f) => f.length > 0)
  await new Promise((resolve) => setTimeout(resolve, 30))
  return {
    frame,
    frames: () => instance.frames,
    press: async (...keys) => {
      for (const key of keys) {
        instance.stdin.write(key)
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
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
