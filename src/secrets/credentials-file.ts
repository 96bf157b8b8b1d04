// Owns the credentials file: where it is ($SHOWTELL_CREDENTIALS, else
// $XDG_CONFIG_HOME/showtell/credentials, else ~/.config/showtell/credentials),
// the checks that it is private to the user and outside the workspace, and
// its `NAME=value` lines. main.ts loads it at the start of a command and hands
// its values to credentials.ts, where `credential()` and the redactor read
// them after the environment; `doctor` inspects it without failing.
// Every message names the file, the line and the variable, never a value: a
// line that does not parse may be a token pasted on its own.
import { constants, realpathSync } from 'node:fs'
import { lstat, open, realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { CREDENTIAL_VARIABLES, controlCharacter, useFileCredentials } from './credentials.js'

/** A credentials file is a few lines; anything bigger is not one (and is not read into memory). */
const MAX_BYTES = 64 * 1024

/** The workspace's config file: a folder that holds it is a workspace, committed and shared. */
const WORKSPACE_MARKER = 'showtell.yaml'

export interface CredentialsFile {
  /** Absolute path. */
  readonly path: string
  /** The path as messages show it: `~/...` under the home folder. */
  readonly shown: string
  readonly state: 'absent' | 'ok' | 'refused'
  /** Why it is refused (exit 2 when a command loads it). */
  readonly error?: UserError
  /** Variable name → value; empty unless `state` is ok. */
  readonly values: ReadonlyMap<string, string>
}

export interface CredentialsFileOptions {
  readonly env?: NodeJS.ProcessEnv
  /** The workspace folder (--workspace, else the current folder): the file must not lie in it. */
  readonly workspace?: string
  readonly home?: string
}

/** Where the credentials file is, whether or not it exists. */
export function credentialsFilePath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const explicit = env.SHOWTELL_CREDENTIALS
  if (explicit) return resolve(expandHome(explicit, home))
  const xdg = env.XDG_CONFIG_HOME
  // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
  const config = xdg && isAbsolute(xdg) ? xdg : join(home, '.config')
  return join(config, 'showtell', 'credentials')
}

/** The credentials file's state, without failing: what `doctor` shows. */
export async function inspectCredentialsFile(options: CredentialsFileOptions = {}): Promise<CredentialsFile> {
  const home = options.home ?? homedir()
  const path = credentialsFilePath(options.env ?? process.env, home)
  const shown = shownPath(path, home)
  try {
    const values = await readCredentialsFile(path, shown, options.workspace)
    if (values === undefined) return { path, shown, state: 'absent', values: new Map() }
    return { path, shown, state: 'ok', values }
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { path, shown, state: 'refused', error, values: new Map() }
  }
}

/**
 * Reads the credentials file and puts its values in use (credentials.ts).
 * An absent file is no credentials; a refused one is exit 2.
 */
export async function loadCredentialsFile(options: CredentialsFileOptions = {}): Promise<CredentialsFile> {
  const file = await inspectCredentialsFile(options)
  if (file.error) throw file.error
  useFileCredentials(file.values)
  return file
}

/** The file's values, or undefined when there is no file. Throws a UserError when it is refused. */
async function readCredentialsFile(path: string, shown: string, workspace: string | undefined): Promise<Map<string, string> | undefined> {
  const refuse = (what: string, hint: string): never => {
    throw new UserError(what, { location: { file: shown }, hint })
  }
  const chmod = `chmod 600 ${shellWord(shown)}`
  const moveOut = `move it out of the workspace, e.g. to ~/.config/showtell/credentials, and ${chmod.replace(shellWord(shown), 'it')}`
  try {
    await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, `make it a file of your own: ${chmod}`)
  }
  let target: string
  try {
    target = await realpath(path)
  } catch {
    // A link whose target is gone: no credentials, as with no file.
    return undefined
  }
  if (workspace !== undefined && (await isWorkspace(workspace))) {
    if (within(workspace, path)) refuse(`lies inside the workspace ${shownPath(resolve(workspace))}, which is committed and shared`, moveOut)
    if (within(workspace, target)) refuse(`is a link to ${shownPath(target)}, inside the workspace, which is committed and shared`, moveOut)
  }
  // Opened without blocking (a FIFO would wait for a writer) and checked on the open file, so what is checked is what is read.
  let handle
  try {
    handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0))
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, `make it a file of your own: ${chmod}`)
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) refuse('is not a regular file', `make it a file of NAME=value lines, then ${chmod}`)
    const uid = process.getuid?.()
    // Windows has neither owners nor mode bits of this kind: there the checks do not apply.
    if (uid !== undefined && process.platform !== 'win32') {
      if (info.uid !== uid) refuse(`belongs to another user (uid ${info.uid}), who can change your credentials`, `make it your own: chown "$(id -un)" ${shellWord(shown)} && ${chmod}`)
      const open = info.mode & 0o077
      if (open !== 0) refuse(`is not private to you: mode ${(info.mode & 0o777).toString(8).padStart(4, '0')} lets ${openTo(open)} read or change it`, chmod)
    }
    if (info.size > MAX_BYTES) refuse(`is ${info.size} bytes, too large for a credentials file`, `keep only NAME=value lines in it (at most ${MAX_BYTES} bytes)`)
    const text = await handle.readFile({ encoding: 'utf8' })
    return parseCredentials(text, shown)
  } finally {
    await handle.close()
  }
}

const NAME_SHOWN = /^[A-Z][A-Z0-9_]{0,63}$/
const KNOWN = CREDENTIAL_VARIABLES.map((variable) => variable.name).join(', ')

/**
 * The `NAME=value` lines of a credentials file: `#` comments and blank lines
 * are skipped, `export ` before a name is allowed (lines copied from a shell
 * profile), and a value may be in single or double quotes (taken as is, no
 * escapes). An empty value is not set, as in the environment. Throws a
 * UserError naming `shown`, the line and the variable, never the value.
 */
export function parseCredentials(text: string, shown: string): Map<string, string> {
  const values = new Map<string, string>()
  const firstLine = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  lines.forEach((raw, index) => {
    const line = index + 1
    const body = raw.replace(/\r$/, '').trim()
    if (body === '' || body.startsWith('#')) return
    const assignment = body.replace(/^export\s+/, '')
    const equals = assignment.indexOf('=')
    const at = (field?: string) => ({ file: shown, line, field })
    if (equals < 0) {
      throw new UserError('is not a NAME=value line', { location: at(), hint: 'write e.g. SHOWTELL_YOUTUBE_API_KEY=your-key; a line starting with # is a comment' })
    }
    const name = assignment.slice(0, equals).trim()
    const variable = CREDENTIAL_VARIABLES.find((known) => known.name === name)
    if (!variable) {
      // A name is shown only when it looks like one: the text before "=" may be a token with "=" in it.
      if (NAME_SHOWN.test(name)) throw new UserError('is not a credential variable of showtell', { location: at(name), hint: `the names are ${KNOWN}` })
      throw new UserError('the text before "=" is not a credential variable of showtell', { location: at(), hint: `the names are ${KNOWN}` })
    }
    let value = assignment.slice(equals + 1).trim()
    const quote = value[0]
    if (quote === '"' || quote === "'") {
      if (value.length < 2 || !value.endsWith(quote)) {
        throw new UserError(`the value opens a quote (${quote}) that it does not close`, { location: at(name), hint: `write ${name}=${quote}value${quote} on one line, or leave out the quotes` })
      }
      value = value.slice(1, -1)
    }
    const control = controlCharacter(value)
    if (control) throw new UserError(`holds ${control}, which no token contains`, { location: at(name), hint: `write ${variable.what} alone after ${name}=` })
    if (/\s/.test(value)) {
      throw new UserError('holds a space, which no token contains', { location: at(name), hint: `write ${variable.what} alone after ${name}=, and a comment on a line of its own` })
    }
    const first = firstLine.get(name)
    if (first !== undefined) throw new UserError(`is set again (first on line ${first})`, { location: at(name), hint: 'keep one line for it' })
    firstLine.set(name, line)
    if (value !== '') values.set(name, value)
  })
  return values
}

/** `~/...` for a path under the home folder, else the path. */
export function shownPath(path: string, home: string = homedir()): string {
  const rel = relative(home, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? `~/${rel}` : path
}

function expandHome(path: string, home: string): string {
  if (path === '~') return home
  return path.startsWith('~/') ? join(home, path.slice(2)) : path
}

async function isWorkspace(folder: string): Promise<boolean> {
  try {
    return (await stat(join(folder, WORKSPACE_MARKER))).isFile()
  } catch {
    return false
  }
}

/** True when `path` is `folder` or inside it, also through the folder's own links. */
function within(folder: string, path: string): boolean {
  const inside = (a: string, b: string) => {
    const rel = relative(a, b)
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  }
  return inside(resolve(folder), path) || inside(realFolder(folder), path)
}

function realFolder(folder: string): string {
  try {
    return realpathSync(resolve(folder))
  } catch {
    return resolve(folder)
  }
}

function openTo(bits: number): string {
  const group = (bits & 0o070) !== 0
  const others = (bits & 0o007) !== 0
  return group && others ? 'your group and other users' : group ? 'your group' : 'other users'
}

/** `path` as one shell word: `~/` stays unquoted so the shell expands it. */
function shellWord(path: string): string {
  if (/^[\w@%+=:,./~-]+$/.test(path)) return path
  const tilde = path.startsWith('~/') ? '~/' : ''
  return `${tilde}'${path.slice(tilde.length).replace(/'/g, `'\\''`)}'`
}
