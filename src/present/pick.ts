// Owns which build folder `showtell present` shows: a folder named on the
// command line, the build of a given meeting date, the build of the next
// meeting, or else the latest build in out/. A folder without deck.html and
// build.json is no deck to present (exit 2).
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { defaultMeetingDate } from '../agenda/material.js'
import { listBuilds } from '../build/recent.js'
import { UserError } from '../errors.js'
import type { Workspace } from '../workspace/load.js'
import { displayPath } from '../workspace/paths.js'

export interface DeckChoice {
  readonly folder: string
  /** Why this folder: shown to the user. */
  readonly reason: 'folder' | 'date' | 'next meeting' | 'latest build'
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Refuses a folder that does not hold a built deck. */
export async function requireDeckFolder(folder: string, hint: string): Promise<void> {
  const shown = displayPath(process.cwd(), folder)
  for (const name of ['deck.html', 'build.json']) {
    if (!(await isFile(join(folder, name)))) {
      throw new UserError(`no ${name} in ${shown}`, { location: { file: shown }, hint })
    }
  }
}

export async function deckFolderFromArgument(folder: string): Promise<DeckChoice> {
  const dir = resolve(folder)
  await requireDeckFolder(dir, 'name a build folder under out/ (it holds deck.html and build.json), or run showtell build first')
  return { folder: dir, reason: 'folder' }
}

export async function deckFolderFor(workspace: Workspace, options: { readonly date?: string; readonly now?: Date } = {}): Promise<DeckChoice> {
  const { date } = options
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new UserError(`not a date: "${date}"`, { location: { field: '--date' }, hint: 'use YYYY-MM-DD, e.g. 2026-11-24' })
  }
  const builds = await listBuilds(workspace)
  const wanted = date ?? defaultMeetingDate(workspace.config, options.now)
  const match = builds.find((build) => build.date === wanted)
  const chosen = match ?? (date === undefined ? builds[0] : undefined)
  if (!chosen) {
    throw new UserError(date === undefined ? 'no deck has been built yet' : `no deck for ${date} in out/`, {
      location: date === undefined ? undefined : { field: '--date' },
      hint: `run showtell build${date === undefined ? '' : ` --date ${date}`} first`,
    })
  }
  await requireDeckFolder(chosen.dir, `run showtell build --date ${chosen.date} first (with html among its formats)`)
  return { folder: chosen.dir, reason: match ? (date === undefined ? 'next meeting' : 'date') : 'latest build' }
}
