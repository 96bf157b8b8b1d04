// Owns "what has been built": the deck folders in out/, read from their
// build.json manifests. The dashboard, `showtell topics` and the home summary
// all ask here.
import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { array, describeFailure, matching, nonEmptyString, object, optional, parseJson, string, wholeCount } from '../data/decode.js'
import { ignoreMissing, readTextIfPresent, unreadable } from '../data/missing.js'
import { UserError } from '../errors.js'
import type { Workspace } from '../workspace/load.js'
import { displayPath } from '../workspace/paths.js'

export interface BuiltDeck {
  /** The folder under out/, e.g. `2026-11-24-policy`. */
  readonly folder: string
  readonly dir: string
  readonly topicId: string
  readonly topicTitle: string
  readonly date: string
  readonly duration: number
  readonly slideCount: number
  readonly builtAt: string
  readonly files: readonly string[]
}

/** What this module reads of a build.json; the rest of the manifest is the build's business. */
const manifestShape = object({
  topic: object({ id: nonEmptyString, title: optional(string) }),
  date: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  duration: optional(wholeCount),
  slideCount: optional(wholeCount),
  builtAt: optional(string),
  files: optional(array(object({ name: string }))),
})

/** Every finished build in out/, newest meeting date first (then newest build). */
export async function listBuilds(workspace: Pick<Workspace, 'paths'>): Promise<BuiltDeck[]> {
  const root = workspace.paths.root
  let entries: Dirent[] | undefined
  try {
    // No out/ yet: nothing has been built.
    entries = await ignoreMissing(readdir(workspace.paths.out, { withFileTypes: true }))
  } catch (error) {
    throw unreadable(error, displayPath(root, workspace.paths.out), 'the folder')
  }
  const decks = await Promise.all(
    (entries ?? [])
      // Staging folders start with a dot; a PDF someone saved in out/ is no build.
      .filter((entry) => !entry.name.startsWith('.') && entry.isDirectory())
      .map(({ name }) => name)
      .map(async (name): Promise<BuiltDeck | undefined> => {
        const file = join(workspace.paths.out, name, 'build.json')
        const shown = displayPath(root, file)
        const text = await readTextIfPresent(file, shown)
        if (text === undefined) return undefined // Not a build folder (snapshots/, a hand-made folder).
        const decoded = parseJson(text, manifestShape)
        if (!decoded.ok) {
          throw new UserError(describeFailure({ ...decoded.failure, field: '' }, { quote: true }), {
            location: { file: shown, field: decoded.failure.field || undefined },
            hint: `fix it, or build that deck again (showtell build --date ${/^\d{4}-\d{2}-\d{2}/.exec(name)?.[0] ?? 'YYYY-MM-DD'})`,
          })
        }
        const manifest = decoded.value
        return {
          folder: name,
          dir: join(workspace.paths.out, name),
          topicId: manifest.topic.id,
          topicTitle: manifest.topic.title ?? manifest.topic.id,
          date: manifest.date,
          duration: manifest.duration ?? 0,
          slideCount: manifest.slideCount ?? 0,
          builtAt: manifest.builtAt ?? '',
          files: (manifest.files ?? []).map((file) => file.name),
        }
      }),
  )
  return decks
    .filter((deck): deck is BuiltDeck => deck !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date) || b.builtAt.localeCompare(a.builtAt))
}

/** The most recent build date per topic. */
export async function lastBuiltByTopic(workspace: Pick<Workspace, 'paths'>): Promise<Map<string, string>> {
  const last = new Map<string, string>()
  for (const deck of await listBuilds(workspace)) {
    const previous = last.get(deck.topicId)
    if (!previous || previous < deck.date) last.set(deck.topicId, deck.date)
  }
  return last
}
