// Owns "what has been built": the deck folders in out/, read from their
// build.json manifests. The dashboard, `showtell topics` and the home summary
// all ask here.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Workspace } from '../workspace/load.js'

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

/** Every finished build in out/, newest meeting date first (then newest build). */
export async function listBuilds(workspace: Pick<Workspace, 'paths'>): Promise<BuiltDeck[]> {
  let names: string[]
  try {
    names = await readdir(workspace.paths.out)
  } catch {
    return []
  }
  const decks = await Promise.all(
    names
      .filter((name) => !name.startsWith('.'))
      .map(async (name): Promise<BuiltDeck | undefined> => {
        try {
          const manifest = JSON.parse(await readFile(join(workspace.paths.out, name, 'build.json'), 'utf8')) as {
            topic?: { id?: string; title?: string }
            date?: string
            duration?: number
            slideCount?: number
            builtAt?: string
            files?: { name: string }[]
          }
          if (!manifest.topic?.id || !manifest.date) return undefined
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
        } catch {
          return undefined // Not a build folder (snapshots/, a hand-made folder).
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
