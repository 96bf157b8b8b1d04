// Owns the browser settings of `build`, `doctor`, `snapshot`, `audit` and the
// app as the user gave them: the flags, else `browser:` in showtell.yaml
// (through `browserOptions`), together with where they came from, so that an
// error names the flag or the file, line and field the user has to fix. The
// signed-in profile (`snapshot.profile`) joins them for the commands that
// snapshot; the audit, which probes guessed handles, stays signed out.
// Apart from context.ts so that commands without a browser do not load this.
import { BrowserManager, type BrowserOptions } from '../browser/manager.js'
import { BROWSER_HINT, findBrowser } from '../browser/finder.js'
import { isShowtellError, RuntimeError, UserError, type ErrorLocation } from '../errors.js'
import { locateConfigField, type Workspace } from '../workspace/load.js'
import { snapshotProfile } from '../workspace/profile.js'
import { browserOptions, type CommandContext } from './context.js'

/** Where the browser setting in use came from. */
export interface BrowserOrigin {
  /** How a person names it: `--browser-path`, `showtell.yaml browser.ws`. */
  readonly label: string
  /** The flag, or the file, line and field. */
  readonly location: ErrorLocation
  /** What to change. */
  readonly fix: string
  readonly fromConfig: boolean
}

export interface BrowserSetting {
  readonly options: BrowserOptions
  /** Undefined when showtell looks for a browser itself (CHROME_PATH, a system install, puppeteer's cache). */
  readonly origin: BrowserOrigin | undefined
}

/**
 * The browser settings with their origin. An explicit path is checked now: one
 * that is not an executable is bad input (exit 2), named as the user wrote it
 * (`showtell.yaml:14 browser.path` or `--browser-path`), before any progress
 * is printed or a browser is started.
 */
export async function browserSetting(
  ctx: CommandContext,
  workspace?: Pick<Workspace, 'config' | 'paths'>,
  { check = true, profile = true }: { check?: boolean; profile?: boolean } = {},
): Promise<BrowserSetting> {
  const profileDir = profile && workspace ? await snapshotProfile(workspace) : undefined
  const options = { ...browserOptions(ctx, workspace?.config), ...(profileDir ? { profileDir } : {}) }
  const fromFlags = typeof ctx.values['browser-path'] === 'string' || typeof ctx.values['browser-ws'] === 'string'
  const key = options.browserWs ? 'ws' : options.browserPath ? 'path' : undefined
  if (!key) return { options, origin: undefined }
  const origin: BrowserOrigin =
    fromFlags || !workspace
      ? { label: `--browser-${key}`, location: { field: `--browser-${key}` }, fix: `check the --browser-${key} value`, fromConfig: false }
      : {
          label: `showtell.yaml browser.${key}`,
          location: await locateConfigField(workspace, ['browser', key]),
          fix: key === 'path' ? 'point browser.path in showtell.yaml at a Chrome or Chromium executable, or remove it' : 'check browser.ws in showtell.yaml (ws://host:port/devtools/browser/…) and that the browser is running',
          fromConfig: true,
        }
  if (key === 'path' && check) {
    const { badExplicit } = findBrowser({ browserPath: options.browserPath })
    if (badExplicit?.source === '--browser-path') {
      throw new UserError(`no executable browser at ${badExplicit.path}`, { location: origin.location, hint: origin.fromConfig ? origin.fix : BROWSER_HINT })
    }
  }
  return { options, origin }
}

/**
 * A browser manager for `setting`. The manager knows only the flags' names,
 * so when the setting came from showtell.yaml its start-up failures are
 * located at the file, line and field instead.
 */
export function browserManagerFor(setting: BrowserSetting): BrowserManager {
  return setting.origin?.fromConfig ? new LabelledBrowserManager(setting.options, setting.origin) : new BrowserManager(setting.options)
}

class LabelledBrowserManager extends BrowserManager {
  constructor(
    options: BrowserOptions,
    private readonly origin: BrowserOrigin,
  ) {
    super(options)
  }

  override get(): ReturnType<BrowserManager['get']> {
    return super.get().catch((error: unknown) => {
      throw relabel(error, this.origin)
    })
  }
}

/** The same failure, located at the setting that caused it. */
function relabel(error: unknown, origin: BrowserOrigin): unknown {
  // A browser closed on purpose (a cancelled build) is not the setting's fault.
  // Nor is a signed-in profile that another browser holds.
  if (!isShowtellError(error) || error.location.file || /was closed|browser profile/.test(error.message)) return error
  const message = error.message.replace('(--browser-path)', `(${origin.label})`)
  const options = { location: origin.location, hint: origin.fix, cause: error }
  return error instanceof UserError ? new UserError(message, options) : new RuntimeError(message, options)
}
