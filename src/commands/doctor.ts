// `showtell doctor`: is this machine ready to build? Node, browser, workspace,
// each with the fix when it is not.
import { BROWSER_HINT, findBrowser } from '../browser/finder.js'
import { EXIT, isShowtellError, UserError } from '../errors.js'
import { loadWorkspace, type Workspace } from '../workspace/load.js'
import { displayPath } from '../workspace/paths.js'
import { browserManagerFor, browserSetting } from './browser-setting.js'
import { printJson, workspaceDir, type CommandContext } from './context.js'

export interface Check {
  readonly name: 'node' | 'browser' | 'workspace'
  readonly ok: boolean
  readonly detail: string
  readonly fix?: string
}

/** A check that failed on bad input (a browser setting that names no browser): doctor exits 2. */
const badInput = new WeakSet<Check>()

const MIN_NODE = [20, 19] as const

export async function runDoctor(ctx: CommandContext): Promise<number> {
  // The workspace first: its `browser:` settings choose the browser to check.
  const { check: workspaceCheck, workspace } = await checkWorkspace(ctx)
  const checks: Check[] = [checkNode(), await checkBrowser(ctx, workspace), workspaceCheck]
  if (ctx.values.json === true) {
    printJson(ctx, { ok: checks.every((c) => c.ok), checks })
  } else {
    for (const check of checks) {
      ctx.io.stdout.write(`${check.ok ? '✓' : '✗'} ${check.name.padEnd(9)} ${check.detail}\n`)
      if (check.fix) ctx.io.stdout.write(`  fix: ${check.fix}\n`)
    }
  }
  if (checks.every((c) => c.ok)) return EXIT.ok
  return checks.some((c) => badInput.has(c)) ? EXIT.usage : EXIT.runtime
}

function checkNode(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])
  return {
    name: 'node',
    ok,
    detail: `Node ${process.versions.node}${ok ? '' : ` (showtell needs ${MIN_NODE.join('.')} or newer)`}`,
    fix: ok ? undefined : 'install Node 20.19+ (https://nodejs.org or your package manager)',
  }
}

async function checkBrowser(ctx: CommandContext, workspace: Workspace | undefined): Promise<Check> {
  let setting
  try {
    setting = await browserSetting(ctx, workspace)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    // The line without its hint: the hint is the fix.
    const check: Check = { name: 'browser', ok: false, detail: new UserError(error.message, { location: error.location }).format(), fix: error.hint ?? BROWSER_HINT }
    badInput.add(check)
    return check
  }
  const { options, origin } = setting
  let where = ''
  if (options.browserWs) {
    where = `remote browser at ${options.browserWs}${origin ? ` (from ${origin.label})` : ''}`
  } else {
    const { found, badExplicit } = findBrowser({ browserPath: options.browserPath })
    if (badExplicit) return { name: 'browser', ok: false, detail: `${badExplicit.source} points at ${badExplicit.path}, which is not an executable`, fix: BROWSER_HINT }
    if (!found) return { name: 'browser', ok: false, detail: 'no Chrome or Chromium found', fix: BROWSER_HINT }
    where = `${found.path} (from ${found.source === '--browser-path' && origin ? origin.label : found.source})`
  }
  const manager = browserManagerFor(setting)
  try {
    const browser = await manager.get()
    const version = await browser.version()
    return { name: 'browser', ok: true, detail: `${version} at ${where}` }
  } catch (error) {
    return {
      name: 'browser',
      ok: false,
      detail: `${where} does not start: ${isShowtellError(error) ? error.message : String(error)}`,
      fix: origin?.fromConfig ? origin.fix : BROWSER_HINT,
    }
  } finally {
    await manager.close()
  }
}

async function checkWorkspace(ctx: CommandContext): Promise<{ check: Check; workspace?: Workspace }> {
  const dir = workspaceDir(ctx)
  try {
    const workspace = await loadWorkspace(dir)
    const { config } = workspace
    return {
      workspace,
      check: {
        name: 'workspace',
        ok: true,
        detail: `${displayPath(process.cwd(), workspace.paths.config)}: ${config.company.name}, ${config.accounts.length} accounts, ${workspace.topics.size} topics`,
      },
    }
  } catch (error) {
    if (!isShowtellError(error)) throw error
    return { check: { name: 'workspace', ok: false, detail: error.format(), fix: error.hint ?? 'fix the file named above' } }
  }
}
