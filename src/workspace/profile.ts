// Owns where the signed-in browser profile (`snapshot.profile`) is. `~` is
// the home folder and a relative path is read from the workspace folder. It
// must lie outside the workspace: the workspace is committed and shared, and
// a profile holds the user's sessions. It must not lie in the folder of
// showtell's temporary profiles either, which are swept after a crash.
import { realpathSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { profilesRoot } from '../browser/manager.js'
import { UserError } from '../errors.js'
import { locateConfigField, type Workspace } from './load.js'

/** The absolute profile folder, or undefined when `snapshot.profile` is not set. Bad input is exit 2. */
export async function snapshotProfile(workspace: Pick<Workspace, 'config' | 'paths'>): Promise<string | undefined> {
  const raw = workspace.config.snapshot.profile
  if (raw === undefined) return undefined
  const dir = expandProfile(raw, workspace.paths.root)
  const refuse = async (what: string, hint: string) => {
    throw new UserError(`the browser profile ${dir} is ${what}`, { location: await locateConfigField(workspace, ['snapshot', 'profile']), hint })
  }
  if (within(workspace.paths.root, dir)) {
    await refuse('inside the workspace, which is committed and shared', 'put it outside the workspace, e.g. snapshot.profile: ~/.showtell/browser-profile')
  }
  if (within(profilesRoot(), dir)) await refuse("inside showtell's temporary profiles, which are removed", 'put it in a folder of your own, e.g. ~/.showtell/browser-profile')
  return dir
}

export function expandProfile(raw: string, root: string): string {
  const home = raw === '~' ? homedir() : raw.startsWith('~/') ? join(homedir(), raw.slice(2)) : raw
  return isAbsolute(home) ? resolve(home) : resolve(root, home)
}

/** True when `path` is `folder` or inside it, also through symbolic links. */
function within(folder: string, path: string): boolean {
  const inside = (a: string, b: string) => {
    const rel = relative(a, b)
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  }
  return inside(resolve(folder), path) || inside(real(folder), real(path))
}

/** The real path of the nearest folder that exists, with the rest appended. */
function real(path: string): string {
  let head = resolve(path)
  let tail = ''
  for (;;) {
    try {
      return join(realpathSync(head), tail)
    } catch {
      const up = dirname(head)
      if (up === head) return resolve(path)
      tail = join(head.slice(up.length).replace(/^[/\\]/, ''), tail)
      head = up
    }
  }
}
