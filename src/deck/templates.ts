// Owns the deck templates: the built-in `templates/` folder, overridden file by
// file by the workspace's own `templates/`, rendered with Eta. Every `<%= %>`
// goes through the Markdown escaper, so data can never become slide structure.
//
// A template or theme is workspace input like a topic file: it must resolve
// inside its own folder's workspace (or, for the built-ins, the package), is
// read under the same size and UTF-8 rules (read-input.ts), and a file that
// links elsewhere is refused before it is read.
import { readdir, realpath, stat } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { Eta } from 'eta'
import { RuntimeError, UserError } from '../errors.js'
import { BUILTIN, displayPath } from '../workspace/paths.js'
import { checkWithin, readInputText } from '../workspace/read-input.js'
import type { DeckModel } from './compose.js'
import { escapeMarkdown, escapeNote } from './escape.js'
import { langFor } from './lang.js'

export interface TemplateSet {
  /** Template name (path under templates/ without `.md.eta`) → source. */
  readonly templates: ReadonlyMap<string, { readonly text: string; readonly file: string }>
  /** Theme CSS files by theme name (`@theme` in the CSS). */
  readonly themes: ReadonlyMap<string, { readonly css: string; readonly file: string }>
}

/**
 * The built-in templates, then the workspace's own (`workspaceTemplates`, whose
 * parent folder is the workspace) file by file over them.
 */
export async function loadTemplates(workspaceTemplates?: string): Promise<TemplateSet> {
  const templates = new Map<string, { text: string; file: string }>()
  const themes = new Map<string, { css: string; file: string }>()
  const sources = [
    { folder: BUILTIN.templates, within: { root: BUILTIN.templates, name: "showtell's templates folder" } },
    ...(workspaceTemplates ? [{ folder: workspaceTemplates, within: { root: dirname(workspaceTemplates), name: 'the workspace' } }] : []),
  ]
  for (const { folder, within } of sources) {
    const shownOf = (file: string) => (folder === BUILTIN.templates ? `(built-in) templates/${relative(folder, file)}` : displayPath(process.cwd(), file))
    for (const file of await listFiles(folder, within, shownOf)) {
      const rel = relative(folder, file).split('\\').join('/')
      if (rel.endsWith('.md.eta')) {
        templates.set(rel.slice(0, -'.md.eta'.length), { text: await readInputText(file, { shown: shownOf(file), within }), file })
      } else if (rel.endsWith('.css') && !rel.includes('/')) {
        const css = await readInputText(file, { shown: shownOf(file), within })
        const name = /@theme\s+([\w-]+)/.exec(css)?.[1]
        if (!name) {
          throw new UserError('theme CSS has no `@theme NAME` comment', {
            location: { file: shownOf(file) },
            hint: 'start the file with /* @theme my-theme */',
          })
        }
        themes.set(name, { css, file })
      }
    }
  }
  return { templates, themes }
}

/** Renders the deck model to Marp Markdown (`deck.md`). */
export function renderMarkdown(deck: DeckModel, set: TemplateSet): string {
  const eta = new Eta({
    autoEscape: true,
    escapeFunction: (value: unknown) => escapeMarkdown(String(value ?? '')),
    autoTrim: false,
    cache: false,
  })
  for (const [name, { text }] of set.templates) eta.loadTemplate(`@${name}`, text)
  if (!set.templates.has('deck')) throw new RuntimeError('the deck template `templates/deck.md.eta` is missing')
  const missing = [...new Set(deck.slides.map((slide) => slide.kind))].filter((kind) => !set.templates.has(`slides/${kind}`))
  if (missing.length > 0) {
    throw new RuntimeError(`no template for slide kind${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      hint: `add templates/slides/${missing[0]}.md.eta`,
    })
  }
  try {
    return eta.render('@deck', {
      deck,
      // The deck language's words, for the few fixed words a slide template writes itself.
      w: langFor(deck.language || undefined).w,
      md: escapeMarkdown,
      note: escapeNote,
      // A directive value is YAML: quote it, after escaping the Markdown inside.
      attr: (value: unknown) => JSON.stringify(escapeMarkdown(String(value ?? ''))),
    })
  } catch (error) {
    throw new UserError(`a deck template failed: ${(error as Error).message.split('\n')[0]}`, {
      hint: 'check the templates in your workspace templates/ folder',
      cause: error,
    })
  }
}

/**
 * Every file below `folder`, sorted. Symbolic links are followed only where
 * they stay inside `within.root`; one that leads out is refused, whether it
 * is a file or a folder (a linked `slides/` would bring in every file in it).
 */
async function listFiles(folder: string, within: { readonly root: string; readonly name: string }, shownOf: (file: string) => string): Promise<string[]> {
  const found: string[] = []
  const seen = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    let real: string
    try {
      real = await realpath(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    await checkWithin(real, within, shownOf(dir))
    // A link back up the tree must not walk forever.
    if (seen.has(real)) return
    seen.add(real)
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        await walk(path)
      } else if (entry.isFile()) {
        found.push(path)
      } else if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => undefined)
        if (target === undefined) continue
        await checkWithin(target, within, shownOf(path))
        if ((await stat(target)).isDirectory()) await walk(path)
        else found.push(path)
      }
    }
  }
  await walk(folder)
  return found.sort()
}
