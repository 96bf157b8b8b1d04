// `showtell doctor`: is this machine ready to build? Node, browser, workspace,
// credentials and the signed-in profile, each with the fix when it is not.
// What it says about credentials and the profile is built by the pure
// functions of doctor-credentials.ts; this file gathers the facts.
import { stat } from 'node:fs/promises'
import { BROWSER_HINT, findBrowser } from '../browser/finder.js'
import { EXIT, isShowtellError, UserError } from '../errors.js'
import { adapterOf } from '../platforms/index.js'
import { readHistory } from '../snapshot/history.js'
import { PAGE_SOURCE } from '../snapshot/outcome.js'
import { inspectCredentialsFile, shownPath } from '../secrets/credentials-file.js'
import { useFileCredentials } from '../secrets/credentials.js'
import { redact, redactDeep } from '../secrets/redact.js'
import { loadWorkspace, topicLanguageNote, type Workspace } from '../workspace/load.js'
import { displayPath } from '../workspace/paths.js'
import { snapshotProfile } from '../workspace/profile.js'
import { browserManagerFor, browserSetting } from './browser-setting.js'
import { browserOptions, printJson, workspaceDir, type CommandContext } from './context.js'
import { credentialsCheck, profileCheck, type AccountSources, type Check, type ProfileFacts } from './doctor-credentials.js'

export type { Check } from './doctor-credentials.js'

/** The width of the check names, so the details line up under each other. */
const NAME_WIDTH = 'credentials'.length

/** A check that failed on bad input (a browser setting that names no browser): doctor exits 2. */
const badInput = new WeakSet<Check>()

const MIN_NODE = [20, 19] as const

export async function runDoctor(ctx: CommandContext, accounts?: readonly AccountSources[]): Promise<number> {
  // The workspace first: its `browser:` settings choose the browser to check.
  const { check: workspaceCheck, workspace } = await checkWorkspace(ctx)
  // main.ts leaves the credentials file to doctor, which reports a refused one rather than stopping at it.
  const credentials = await checkCredentials(ctx, accounts ?? (workspace ? await accountSources(workspace) : undefined))
  // Before the browser check, which starts Chromium on the profile and so creates it.
  const facts = await profileFacts(ctx, workspace)
  const profile = profileCheck(facts)
  if (facts.error) badInput.add(profile)
  // A refused profile is the profile check's failure: the browser is checked without it rather than failing twice.
  const checks: Check[] = [checkNode(), await checkBrowser(ctx, workspace, !facts.error), workspaceCheck, credentials, profile]
  // Nothing here holds a credential's value; the redactor is the second line of defence, as for every output.
  if (ctx.values.json === true) {
    printJson(ctx, redactDeep({ ok: checks.every((c) => c.ok), checks }))
  } else {
    for (const check of checks) {
      ctx.io.stdout.write(redact(`${check.ok ? '✓' : '✗'} ${check.name.padEnd(NAME_WIDTH)} ${check.detail}\n`))
      for (const line of check.lines ?? []) ctx.io.stdout.write(redact(`    ${line}\n`))
      if (check.warning) ctx.io.stdout.write(redact(`  warning: ${check.warning}\n`))
      if (check.fix) ctx.io.stdout.write(redact(`  fix: ${check.fix}\n`))
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

async function checkBrowser(ctx: CommandContext, workspace: Workspace | undefined, profile: boolean): Promise<Check> {
  let setting
  try {
    setting = await browserSetting(ctx, workspace, { profile })
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
    const note = topicLanguageNote(workspace)
    return {
      workspace,
      check: {
        name: 'workspace',
        ok: true,
        detail: `${displayPath(process.cwd(), workspace.paths.config)}: ${config.company.name}, ${config.accounts.length} accounts, ${workspace.topics.size} topics`,
        // A deck language without built-in topics of its own gets the English ones.
        ...(note ? { warning: note } : {}),
      },
    }
  } catch (error) {
    if (!isShowtellError(error)) throw error
    return { check: { name: 'workspace', ok: false, detail: error.format(), fix: error.hint ?? 'fix the file named above' } }
  }
}

/** Each account's sources in its adapter's order of preference (the page comes after them). */
async function accountSources(workspace: Workspace): Promise<AccountSources[]> {
  const history = await readHistory(workspace.paths.root).catch(() => undefined)
  return workspace.config.accounts.map((account) => {
    const latest = history?.entries.filter((entry) => entry.account === account.id).at(-1)
    const via = latest ? Object.entries(latest.metrics).find(([, metric]) => metric?.via)?.[1]?.via : undefined
    const last = latest ? `last snapshot ${latest.date}: ${latest.status}${via ? `, numbers via ${via}` : ''}` : undefined
    return {
      account: account.id,
      platform: account.platform,
      sources: [
        ...(adapterOf(account.platform)?.sources ?? []).map((source) => ({ id: source.id, name: source.name, ...(source.credential ? { credential: source.credential } : {}) })),
        // The page is read in every run: the last source.
        { id: PAGE_SOURCE.id, name: PAGE_SOURCE.name },
      ],
      ...(last ? { last } : {}),
    }
  })
}

async function checkCredentials(ctx: CommandContext, accounts: readonly AccountSources[] | undefined): Promise<Check> {
  const file = await inspectCredentialsFile({ workspace: workspaceDir(ctx) })
  // Its values join the redactor's list, as for any other command.
  useFileCredentials(file.values)
  const check = credentialsCheck({ file, env: process.env, accounts })
  if (file.state === 'refused') badInput.add(check)
  return check
}

async function profileFacts(ctx: CommandContext, workspace: Workspace | undefined): Promise<ProfileFacts> {
  if (!workspace) return { exists: false, workspace: false }
  const setting = workspace.config.snapshot.profile
  const ws = browserOptions(ctx, workspace.config).browserWs
  const remote = ws ? (typeof ctx.values['browser-ws'] === 'string' ? '--browser-ws' : 'browser.ws in showtell.yaml') : undefined
  let path: string | undefined
  try {
    path = await snapshotProfile(workspace)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { setting, exists: false, workspace: true, remote, error: { message: new UserError(error.message, { location: error.location }).format(), hint: error.hint } }
  }
  const exists = path !== undefined && (await stat(path).then((info) => info.isDirectory(), () => false))
  return { setting, path, shown: path && shownPath(path), exists, workspace: true, remote }
}
