// Owns the deck templates: the built-in `templates/` folder, overridden file by
// file by the workspace's own `templates/`, rendered with Eta. Every `<%= %>`
// goes through the Markdown escaper, so data can never become slide structure.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { Eta } from 'eta'
import { RuntimeError, UserError } from '../errors.js'
import { BUILTIN } from '../workspace/paths.js'
import type { DeckModel } from './compose.js'
import { escapeMarkdown, escapeNote } from './escape.js'

export interface TemplateSet {
  /** Template name (path under templates/ without `.md.eta`) → source. */
  readonly templates: ReadonlyMap<string, { readonly text: string; readonly file: string }>
  /** Theme CSS files by theme name (`@theme` in the CSS). */
  readonly themes: ReadonlyMap<string, { readonly css: string; readonly file: string }>
}

export async function loadTemplates(workspaceTemplates?: string): Promise<TemplateSet> {
  const templates = new Map<string, { text: string; file: string }>()
  const themes = new Map<string, { css: string; file: string }>()
  for (const folder of [BUILTIN.templates, workspaceTemplates]) {
    if (!folder) continue
    for (const file of await listFiles(folder)) {
      const rel = relative(folder, file).split('\\').join('/')
      if (rel.endsWith('.md.eta')) {
        templates.set(rel.slice(0, -'.md.eta'.length), { text: await readFile(file, 'utf8'), file })
      } else if (rel.endsWith('.css') && !rel.includes('/')) {
        const css = await readFile(file, 'utf8')
        const name = /@theme\s+([\w-]+)/.exec(css)?.[1]
        if (!name) {
          throw new UserError('theme CSS has no `@theme NAME` comment', {
            location: { file },
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

async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true, recursive: true })
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
