// `showtell login PLATFORM`: signs the browser profile of `snapshot.profile`
// in to a platform. It opens a visible Chromium on that profile at the
// platform's sign-in page, and waits until the user has signed in and closed
// the window; the session then lives in the profile, and snapshots run with
// it. Nothing is read from the page and nothing is written to the workspace.
// `signIn` is the same path; tests run it headless and fill the form.
import type { Page } from 'puppeteer-core'
import { BrowserManager, type BrowserOptions } from '../browser/manager.js'
import { EXIT, RuntimeError, UserError } from '../errors.js'
import { DEFAULT_ENDPOINTS, type EndpointKey } from '../platforms/endpoints.js'
import { ADAPTERS, PLATFORMS, type Platform } from '../platforms/index.js'
import { interruptedOr, interruptSignal } from '../process/signals.js'
import { loadWorkspace, locateConfigField } from '../workspace/load.js'
import { snapshotProfile } from '../workspace/profile.js'
import { browserSetting } from './browser-setting.js'
import { workspaceDir, type CommandContext } from './context.js'

/** The sign-in page of `platform`, on the endpoint of showtell.yaml where one is set. */
export function signInUrl(platform: Platform, endpoints: Readonly<Partial<Record<EndpointKey, string>>>): string | undefined {
  const page = ADAPTERS[platform].signIn
  if (!page) return undefined
  const replaced = endpoints[page.key]
  if (!replaced && page.real) return page.real
  return `${(replaced || DEFAULT_ENDPOINTS[page.key]).replace(/\/+$/, '')}${page.path}`
}

export interface SignInOptions {
  readonly url: string
  readonly browser: BrowserOptions
  /** Called once the sign-in page is open. Tests fill the form here, then close the page as a user closes the window. */
  readonly onOpen?: (page: Page) => Promise<void>
  readonly signal?: AbortSignal
}

/**
 * Opens `url` in a browser on the profile and waits until its window is
 * closed (the browser exits, or, where closing the last window leaves the
 * browser running as on macOS, no page is left). The browser is then closed
 * the ordinary way, so the session's cookies reach the disk.
 */
export async function signIn(options: SignInOptions): Promise<void> {
  const manager = new BrowserManager(options.browser)
  const cancel = () => void manager.close()
  options.signal?.addEventListener('abort', cancel, { once: true })
  try {
    const browser = await manager.get()
    const page = await manager.newPage()
    const closed = new Promise<void>((resolve) => {
      browser.once('disconnected', () => resolve())
      browser.on('targetdestroyed', () => {
        browser.pages().then((pages) => pages.length === 0 && resolve(), () => resolve())
      })
    })
    // The window shows only the sign-in page, not the blank tab it started with.
    for (const other of await browser.pages()) if (other !== page) await other.close().catch(() => {})
    await page.goto(options.url, { waitUntil: 'domcontentloaded' }).catch((error: unknown) => {
      throw new RuntimeError(`cannot open ${options.url}: ${String((error as Error).message).split('\n')[0]}`, { hint: 'check the address and your connection, then run showtell login again' })
    })
    await options.onOpen?.(page)
    await closed
  } finally {
    options.signal?.removeEventListener('abort', cancel)
    await manager.close()
  }
}

/** True where a window can be shown: always on macOS and Windows; on Linux and the BSDs with X11 or Wayland. */
export function canShowWindow(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

export async function runLogin(ctx: CommandContext): Promise<number> {
  const [name, ...extra] = ctx.positionals
  const signable = PLATFORMS.filter((id) => ADAPTERS[id].signIn).join(', ')
  if (!name || extra.length > 0) throw new UserError(`showtell login takes one platform${name ? ` (got ${ctx.positionals.join(' ')})` : ''}`, { hint: `e.g. showtell login linkedin (one of ${signable})` })
  if (!(PLATFORMS as readonly string[]).includes(name)) throw new UserError(`unknown platform "${name}"`, { hint: `one of ${signable}` })
  const platform = name as Platform
  const workspace = await loadWorkspace(workspaceDir(ctx))
  const url = signInUrl(platform, workspace.config.snapshot.endpoints)
  if (!url) {
    throw new UserError(`there is nothing to sign in to for ${platform}`, { hint: ADAPTERS[platform].signInHint ?? `one of ${signable}` })
  }
  const profileDir = await snapshotProfile(workspace)
  if (!profileDir) {
    throw new UserError('no browser profile to sign in: snapshot.profile is not set', {
      location: { file: (await locateConfigField(workspace, ['snapshot'])).file, field: 'snapshot.profile' },
      hint: 'add `profile: ~/.showtell/browser-profile` under snapshot: in showtell.yaml (a folder outside the workspace)',
    })
  }
  const setting = await browserSetting(ctx, workspace)
  if (setting.options.browserWs) {
    throw new UserError('showtell login needs a browser it starts itself, not one it connects to', {
      location: setting.origin?.location ?? { field: '--browser-ws' },
      hint: 'run it without --browser-ws (or browser.ws), on a machine with a screen',
    })
  }
  if (!canShowWindow()) {
    throw new RuntimeError('showtell login needs a screen: no DISPLAY or WAYLAND_DISPLAY is set', { hint: 'run it on your desktop, then copy the profile folder to this machine' })
  }
  ctx.io.stderr.write(`Opening ${url} in a browser window on the profile ${profileDir}.\nSign in to ${platform}, then close the window. Snapshots will then run signed in.\n`)
  try {
    await signIn({ url, browser: { browserPath: setting.options.browserPath, profileDir, headless: false, popups: true }, signal: interruptSignal })
  } catch (error) {
    throw interruptedOr(error)
  }
  ctx.io.stderr.write(`Done: the profile keeps the session. Run showtell snapshot to read the walled accounts.\n`)
  return EXIT.ok
}

