// Owns the documented limits on what a workspace file may hold. Workspace files
// are input like any other: a shared folder, a pasted topic or a bad merge can
// hold a YAML bomb or a megabyte-long word. Each limit is far above what a real
// file needs (the built-in library uses a fraction of each) and low enough that
// parsing, validating and laying out the deck stay quick. The README lists them.
// On its own (no zod) so that the start-up path can read the numbers.

export const LIMITS = {
  /** Bytes in one showtell.yaml, topic file, template or theme, checked before anything is parsed. */
  fileBytes: 1024 * 1024,
  /** Alias expansions (`*name`) in one YAML file: stops "billion laughs". */
  aliases: 100,
  /** Levels of `[` / `{` nesting in one YAML file. */
  nesting: 64,
  /** Characters in a title, name, label, handle or other one-line field. */
  title: 200,
  /** Characters in a paragraph: a summary, a detail, a story, a step, a question. */
  paragraph: 2_000,
  /** Characters in a key point's speaker notes (a talk track, longer than a paragraph). */
  notes: 4_000,
  /** Characters in an id (a safe slug that names files). */
  id: 64,
  /** Characters in a URL. */
  url: 2_000,
  /** Items in a list (key points, steps, questions, aliases, dates…). */
  list: 50,
  /** Accounts in one list of accounts (ours, or one competitor's). */
  accounts: 100,
} as const

/** `1048576` → `1 MB` */
export function formatLimitBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`
}
