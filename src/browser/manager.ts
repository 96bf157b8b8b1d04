// Owns the one browser of a run. It is started (or connected to, with
// --browser-ws) on first use, shared by snapshots and exports, and closed in
// `finally` by whoever created the manager. Pages are opened through
// `newPage` (or `withPage`, which closes them, except that the exports, which
// load only our own HTML, hand one page on from one to the next).
//
// Every other page that appears while the manager holds the browser is a
// pop-up, and unless pop-ups are allowed it is closed as soon as it appears,
// for as long as the browser lives: a page can open one in the moment its own
// tab closes, after the run that opened the tab has finished. In a browser we
// connect to, our pages live in a browser context of our own, so the pages
// of its other users are never touched, and closing the context at the end
// closes everything we opened there. What the guard decided about each page
// (`decision`) is observable, so a test can wait for it instead of watching
// a page for a while and hoping nothing happens.
//
// A browser we launch gets an environment without any secret variable, and a
// profile folder of its own under <tmp>/showtell-profiles/<pid>-<random>,
// removed when it closes, on an interrupt (registered with process/cleanup),
// or, after a crash, by the next launch. The --browser-ws URL may carry a
// token: it is never printed unredacted.
//
// With `profileDir` (the user's signed-in profile, `snapshot.profile`) the
// browser runs on that folder as it is: it is the user's, so it is never
// removed, on close, on an interrupt or by the sweep of stale profiles.
// Chromium refuses a second browser on one profile; that is said up front.
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, LaunchOptions, Page, Target, Viewport } from 'puppeteer-core'
import { RuntimeError, UserError } from '../errors.js'
import { registerCleanup } from '../process/cleanup.js'
import { withoutSecrets } from '../secrets/credentials.js'
import { redact, registerUrlSecrets } from '../secrets/redact.js'
import { BROWSER_HINT, findBrowser, isHeadlessShell, type FoundBrowser } from './finder.js'
import { isProcessAlive } from '../process/alive.js'

export interface BrowserOptions {
  /** `--browser-path`: an explicit Chrome/Chromium executable. */
  readonly browserPath?: string
  /** `--browser-ws`: a DevTools WebSocket endpoint of a running browser (e.g. a pool). */
  readonly browserWs?: string
  /** @default 30000 */
  readonly launchTimeoutMs?: number
  /**
   * Let pages open new windows. Off by default: a snapshot must never spawn
   * pop-ups. Only a browser that shows the presenter view needs it.
   * @default false
   */
  readonly popups?: boolean
  /**
   * A persistent profile folder (the user's signed-in browser, from
   * `snapshot.profile`): used as it is, created if missing, never removed.
   * Only for a browser we launch; one we connect to keeps its own.
   */
  readonly profileDir?: string
  /** False shows a window (`showtell login`). @default true */
  readonly headless?: boolean
}

/** Flags that keep Chromium quiet on a closed network and usable as root. */
export function launchArgs(options: Pick<BrowserOptions, 'popups'> = {}): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-gpu',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--mute-audio',
    '--hide-scrollbars',
  ]
  // Blocks window.open and target=_blank at the source, for every page.
  if (!options.popups) args.push('--block-new-web-contents')
  // Chromium refuses to start as root with its sandbox on.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  return args
}

export function resolveBrowser(options: BrowserOptions): FoundBrowser {
  const { found, badExplicit, tried } = findBrowser({ browserPath: options.browserPath, windowed: options.headless === false })
  if (badExplicit) {
    throw new UserError(`no executable browser at ${badExplicit.path}`, {
      location: { field: badExplicit.source },
      hint: BROWSER_HINT,
    })
  }
  if (!found) {
    throw new RuntimeError(`no Chrome or Chromium found (looked at ${tried.length} places)`, { hint: BROWSER_HINT })
  }
  return found
}

/**
 * What the pop-up guard decided about a page that appeared: one of ours
 * (opened by `newPage`), closed as a pop-up, or left open because this
 * browser allows pop-ups.
 */
export type PageDecision = 'ours' | 'closed' | 'allowed'

export class BrowserManager {
  private browser: Promise<Browser> | undefined
  private connected = false
  /** Our own context in a browser we connected to; undefined in one we launched. */
  private context: BrowserContext | undefined
  /** The pages opened through `newPage`; any other page is a pop-up. */
  private readonly own = new WeakSet<Target>()
  /** `newPage` calls in flight: their targets appear before they resolve. */
  private readonly creating = new Set<Promise<unknown>>()
  /** The guard's decision on each page target it has seen. */
  private readonly decisions = new WeakMap<Target, Promise<PageDecision>>()
  private stopGuard: (() => void) | undefined
  /** Every tab paints (the headless shell): screenshots need not take turns. */
  private everyTabPaints = false
  /** Set by close(): work still in flight must not start a new browser (see reopen). */
  private closed = false
  /** The close in flight: a second close() waits for it instead of returning at once. */
  private closing: Promise<void> | undefined
  /**
   * A page kept for the next `withPage(…, { reuse: true })`: opened while the
   * browser warms up, or handed back by the export that used it last. A new
   * tab costs Chromium a renderer process (150–200 ms on a busy machine), and
   * the exports load only our own HTML, so one tab serves them in turn.
   */
  private idle: Promise<Page | undefined> | undefined
  /** Settles once the browser's process has been asked for (or the start failed first). */
  private spawned: Promise<void> | undefined
  private markSpawned: (() => void) | undefined
  /** Each page's viewport as it was opened: a page is handed back as it came. */
  private readonly viewports = new WeakMap<Page, Viewport>()
  /** The profile folder of the browser we launched, and its interrupt cleanup. */
  private profile: { readonly dir: string; readonly unregister: () => void; readonly temporary: boolean } | undefined

  constructor(private readonly options: BrowserOptions = {}) {
    registerUrlSecrets(options.browserWs)
  }

  /** True when this browser runs on the user's signed-in profile (`snapshot.profile`). */
  get signedIn(): boolean {
    return this.options.profileDir !== undefined
  }

  /** This browser's settings without the signed-in profile: for pages that must never see the user's sessions (a competitor's). */
  optionsWithoutProfile(): BrowserOptions {
    const { profileDir: _profile, ...rest } = this.options
    return rest
  }

  /** True once `get()` has been called (the browser is starting or started). */
  get started(): boolean {
    return this.browser !== undefined
  }

  /**
   * Starts the browser in the background so its start-up overlaps other work.
   * A failure is not lost: the next `get()` or `withPage()` reports it.
   */
  warmUp(): void {
    this.get().catch(() => {})
    // The first export's page opens while the deck is still being composed and rendered.
    this.idle ??= this.newPage().catch(() => undefined)
  }

  /**
   * Starts or connects on first call; later calls share the same browser.
   * After close() it fails, until reopen(): a cancelled run closes the
   * browser to end its pages at once, and a page of that run that was about
   * to open must not start a new browser and wait there for its timeout.
   */
  /**
   * Settles once a start under way has asked for the browser's process (at
   * once when none is under way, or when it connects to a running one). A run
   * waits for it before long synchronous work (Marp), which would otherwise
   * hold the start's last steps back, and Chromium boots meanwhile.
   */
  untilSpawned(): Promise<void> {
    return this.browser ? (this.spawned ?? Promise.resolve()) : Promise.resolve()
  }

  get(): Promise<Browser> {
    if (this.closed) return Promise.reject(new RuntimeError('the browser was closed'))
    // After reopen(), a new browser starts only once the old one is gone: the
    // two would otherwise share this manager's context, guard and profile.
    const closing = this.closing
    if (!this.browser) {
      this.spawned = new Promise<void>((resolve) => (this.markSpawned = resolve))
      const started = closing ? closing.then(() => this.start()) : this.start()
      // A failed start counts as spawned: nothing is left to wait for.
      started.then(this.markSpawned, this.markSpawned)
      this.browser = started
    }
    return this.browser
  }

  /** Lets the next get() start a browser again after close(), for a new run (the app's next build). */
  reopen(): void {
    this.closed = false
  }

  private async start(): Promise<Browser> {
    const timeout = this.options.launchTimeoutMs ?? 30_000
    // Loaded on first use: commands that never open a browser do not pay for it.
    const { default: puppeteer } = await import('puppeteer-core')
    if (this.options.browserWs) {
      this.connected = true
      try {
        const browser = await puppeteer.connect({ browserWSEndpoint: this.options.browserWs, protocolTimeout: 120_000, downloadBehavior: { policy: 'deny' } })
        try {
          this.context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } })
        } catch (error) {
          await browser.disconnect().catch(() => {})
          throw error
        }
        this.guard(this.context)
        return browser
      } catch (error) {
        throw new RuntimeError(redact(`cannot connect to the browser at ${this.options.browserWs}: ${(error as Error).message}`), {
          hint: 'check the --browser-ws URL (ws://host:port/devtools/browser/…) and that the browser is running',
          cause: error,
        })
      }
    }
    const found = resolveBrowser(this.options)
    const shell = isHeadlessShell(found.path)
    const visible = this.options.headless === false
    if (visible && shell) throw new RuntimeError(`${found.path} is the headless shell: it cannot show a window`, { hint: 'point --browser-path (or browser.path) at Chrome or Chromium' })
    const persistent = this.options.profileDir
    let userDataDir: string
    try {
      userDataDir = persistent ?? (await newProfile())
      if (persistent) {
        await mkdir(persistent, { recursive: true, mode: 0o700 })
        await refuseProfileInUse(persistent)
      }
    } catch (error) {
      if (error instanceof RuntimeError) throw error
      const where = persistent ?? profilesRoot()
      throw new RuntimeError(`cannot make a browser profile in ${where}: ${(error as NodeJS.ErrnoException).code ?? firstLine(error)}`, {
        hint: persistent ? 'check snapshot.profile in showtell.yaml: a folder you can write to' : 'point TMPDIR at a folder you can write to',
        cause: error,
      })
    }
    let child: ChildProcess | undefined
    // An interrupt kills the browser (its profile is in use until it is gone),
    // then removes the profile, unless it is the user's own.
    const unregister = registerCleanup(async () => {
      if (child) await endProcess(child)
      if (!persistent) await removeProfile(userDataDir)
    })
    this.profile = { dir: userDataDir, unregister, temporary: !persistent }
    const launch: LaunchOptions = {
      executablePath: found.path,
      userDataDir,
      // No token variable reaches the browser or the pages it runs.
      env: withoutSecrets(process.env),
      headless: visible ? false : shell ? 'shell' : true,
      args: launchArgs(this.options),
      // A sign-in window without the "controlled by automated test software" bar, which some platforms refuse.
      // The page fills the window the person resizes, instead of a fixed 800×600 inside it.
      ...(visible ? { ignoreDefaultArgs: ['--enable-automation'], defaultViewport: null } : {}),
      timeout,
      protocolTimeout: 120_000,
      // A pipe instead of a port: Chromium exits with us even when we are killed.
      pipe: true,
      // No page may ever write a file on this machine.
      downloadBehavior: { policy: 'deny' },
      // Leave Ctrl+C to us: we close the browser in `finally`.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }
    try {
      const launching = puppeteer.launch(launch)
      // puppeteer spawns the process a few ticks into launch(), before any of its waits on Chromium.
      setImmediate(() => this.markSpawned?.())
      const browser = await launching
      child = browser.process() ?? undefined
      this.everyTabPaints = shell
      this.guard(browser)
      return browser
    } catch (error) {
      await this.dropProfile()
      // Chromium hands a launch on a profile in use to the browser that holds it, and exits.
      if (persistent) await refuseProfileInUse(persistent)
      throw new RuntimeError(redact(`the browser at ${found.path} (${found.source}) did not start: ${firstLine(error)}`), {
        hint: BROWSER_HINT,
        cause: error,
      })
    }
  }

  /**
   * Closes, from now until the browser is closed, every page that `newPage`
   * did not open (unless pop-ups are allowed), and records each decision.
   */
  private guard(where: Browser | BrowserContext): void {
    const decide = async (target: Target): Promise<PageDecision> => {
      if (this.options.popups) return 'allowed'
      // A page of ours shows up while its `newPage` call is still pending.
      await Promise.allSettled([...this.creating])
      if (this.own.has(target)) return 'ours'
      const page = await target.page()
      await page?.close()
      return 'closed'
    }
    const onCreated = (target: Target) => {
      if (target.type() !== 'page') return
      const decision = decide(target)
      // A page that cannot be closed any more (the browser is going) is no one's error.
      decision.catch(() => {})
      this.decisions.set(target, decision)
    }
    where.on('targetcreated', onCreated)
    this.stopGuard = () => where.off('targetcreated', onCreated)
  }

  /**
   * What the guard decided about a page, once it has: undefined for a page
   * it has not seen (one that appeared in another browser, or before this
   * manager held the browser). A page's target is seen before the call that
   * opened it returns.
   */
  decision(target: Target): Promise<PageDecision> | undefined {
    return this.decisions.get(target)
  }

  /** Opens a page of ours. Whoever opens it closes it. */
  async newPage(): Promise<Page> {
    const browser = await this.get()
    const creation = (this.context ?? browser).newPage()
    this.creating.add(creation)
    try {
      const page = await creation
      this.own.add(page.target())
      const viewport = page.viewport()
      if (viewport) this.viewports.set(page, viewport)
      return page
    } finally {
      this.creating.delete(creation)
    }
  }

  /**
   * Runs `fn` with a fresh page that is closed afterwards, whatever happens.
   * With `reuse`, for work that only loads our own HTML (measuring, printing),
   * `fn` may get the page kept from an earlier such call, and a page it
   * finished with is kept for the next one, its viewport and media type put
   * back as they were when it opened. A page whose work failed is closed. A
   * page that ever showed a site (a snapshot) never asks for reuse.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>, { reuse = false }: { readonly reuse?: boolean } = {}): Promise<T> {
    const page = (reuse ? await this.takeIdle() : undefined) ?? (await this.newPage())
    let kept = false
    try {
      const result = await fn(page)
      kept = reuse && this.keep(page)
      return result
    } finally {
      if (!kept) await page.close().catch(() => {})
    }
  }

  private async takeIdle(): Promise<Page | undefined> {
    const idle = this.idle
    this.idle = undefined
    const page = await idle
    return page && !page.isClosed() ? page : undefined
  }

  /** Keeps `page` for the next reuse, unless one is kept already or the browser is closing. */
  private keep(page: Page): boolean {
    const viewport = this.viewports.get(page)
    if (this.idle || this.closed || !viewport || page.isClosed()) return false
    this.idle = Promise.all([page.setViewport(viewport), page.emulateMediaType()]).then(
      () => page,
      () => {
        void page.close().catch(() => {})
        return undefined
      },
    )
    return true
  }

  private queue: Promise<unknown> = Promise.resolve()

  /**
   * A PNG of what `page` shows in its viewport. The full headless Chrome
   * paints only the tab in front, so there screenshots take turns, each
   * bringing its tab forward first (a window per page would avoid the turns,
   * but costs twice the time per page). In the headless shell every tab
   * paints, and screenshots run side by side. A browser we connect to may be
   * either, so it gets the careful way.
   */
  screenshot(page: Page): Promise<Uint8Array> {
    const take = () => page.screenshot({ type: 'png', captureBeyondViewport: false })
    if (this.everyTabPaints) return take()
    const run = this.queue.then(async () => {
      await page.bringToFront()
      return take()
    })
    this.queue = run.catch(() => {})
    return run
  }

  /**
   * Closes the browser (or disconnects from a remote one), and removes its
   * profile. A second call while the first is still closing returns the same
   * promise, so every caller that awaits it knows the browser is gone: an
   * interrupt closes it from one place and the command's `finally` from another.
   */
  close(): Promise<void> {
    this.closed = true
    const pending = this.browser
    this.browser = undefined
    // A kept page goes with its browser.
    this.idle = undefined
    if (pending) {
      // A browser started after reopen() while the last close was running is closed after it.
      const closing = (this.closing ?? Promise.resolve()).then(() => this.shutdown(pending))
      this.closing = closing
      closing.finally(() => {
        if (this.closing === closing) this.closing = undefined
      }).catch(() => {})
    }
    return this.closing ?? Promise.resolve()
  }

  private async shutdown(pending: Promise<Browser>): Promise<void> {
    const browser = await pending.catch(() => undefined)
    this.stopGuard?.()
    this.stopGuard = undefined
    if (!browser) return
    if (this.connected) {
      // Closing our context closes every page we opened in it, pop-ups included.
      await this.context?.close().catch(() => {})
      this.context = undefined
      await browser.disconnect().catch(() => {})
    } else {
      const child = browser.process()
      if (this.profile?.temporary && child) {
        // A throwaway profile has nothing to save: ending the process is the
        // whole of closing, and a graceful close (Chromium writing a profile
        // we remove next) added about 50 ms to every build. The renderers
        // and the zygote end with the browser process. The user's own
        // profile (snapshot.profile, a login's cookies) is closed gracefully.
        await endProcess(child)
      } else {
        await browser.close().catch(() => {})
        // A browser that does not close in time must not keep its profile in use.
        if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
    }
    await this.dropProfile()
  }

  private async dropProfile(): Promise<void> {
    const profile = this.profile
    this.profile = undefined
    if (!profile) return
    profile.unregister()
    if (profile.temporary) await removeProfile(profile.dir)
  }
}

/**
 * The folder that holds the profiles of the browsers showtell launches. It
 * must be ours: in a temp folder shared with other users, one of them may
 * have made it first, and then we use one with our user id in its name.
 */
export function profilesRoot(): string {
  return join(tmpdir(), 'showtell-profiles')
}

async function ownFolder(path: string): Promise<boolean> {
  // Not recursive: the temp folder exists, and Node's recursive mkdir never returns under /proc.
  await mkdir(path, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
  const stat = await lstat(path)
  return stat.isDirectory() && (typeof process.getuid !== 'function' || stat.uid === process.getuid())
}

/** A new, empty profile folder named `<pid>-<random>`, after removing those whose process is gone. */
async function newProfile(): Promise<string> {
  let root = profilesRoot()
  if (!(await ownFolder(root))) {
    root = `${root}-${process.getuid?.() ?? 'user'}`
    if (!(await ownFolder(root))) throw new RuntimeError(`${root} is not a folder of this user`, { hint: 'remove it, or set TMPDIR to a folder of your own' })
  }
  await removeStaleProfiles(root)
  return mkdtemp(join(root, `${process.pid}-`))
}

/** Removes the profiles left by showtell processes that no longer run (a crash, kill -9). */
export async function removeStaleProfiles(root: string = profilesRoot()): Promise<void> {
  let names: string[]
  try {
    names = await readdir(root)
  } catch {
    return
  }
  const stale = names.filter((name) => {
    const pid = Number(/^(\d+)-/.exec(name)?.[1])
    return Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid)
  })
  if (stale.length === 0) return
  // The browser of a killed showtell outlives it for a moment: its profile is removed at a later launch.
  const inUse = await profilesInUse()
  await Promise.all(stale.filter((name) => !inUse.has(join(root, name))).map((name) => removeProfile(join(root, name))))
}

/** The --user-data-dir of every running process that has one, with its pid (Linux; elsewhere none are known). */
async function profilesInUse(): Promise<Map<string, number>> {
  const dirs = new Map<string, number>()
  let pids: string[]
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  } catch {
    return dirs
  }
  await Promise.all(
    pids.map(async (pid) => {
      const args = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
      for (const arg of args.split('\0')) if (arg.startsWith('--user-data-dir=')) dirs.set(arg.slice('--user-data-dir='.length), Number(pid))
    }),
  )
  return dirs
}

/**
 * Fails (exit 1) when another browser runs on `dir`. Chromium's lock is a
 * symbolic link `SingletonLock` -> `<host>-<pid>` (a lock left by a browser
 * that is gone is Chromium's to take over); the headless shell takes no lock,
 * so the running processes' --user-data-dir is looked at as well.
 */
export async function refuseProfileInUse(dir: string): Promise<void> {
  const target = await readlink(join(dir, 'SingletonLock')).catch(() => undefined)
  const match = target === undefined ? null : /^(.*)-(\d+)$/.exec(target)
  const locked = match && (match[1] !== hostname() || isProcessAlive(Number(match[2]))) ? { host: match[1]!, pid: Number(match[2]) } : undefined
  const pid = (await profilesInUse()).get(resolve(dir))
  const holder = locked && locked.host !== hostname() ? `on ${locked.host}` : locked ? `pid ${locked.pid}` : pid !== undefined ? `pid ${pid}` : undefined
  if (!holder) return
  throw new RuntimeError(`the browser profile ${dir} is in use by another Chromium (${holder})`, {
    hint: 'close that browser window (or wait for the other showtell run), then try again',
  })
}

/** Kills a process and waits (at most 2 s) until it has exited. */
async function endProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGKILL')
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
}

async function removeProfile(dir: string): Promise<void> {
  // Chromium may still flush a file while it exits: retry a few times.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {})
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] ?? ''
}
