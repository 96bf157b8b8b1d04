// Owns what every subcommand receives, and the global flags they share.
import type { BrowserOptions } from '../browser/manager.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import type { Io } from './io.js'

export interface CommandContext {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>
  readonly positionals: string[]
  readonly io: Io
}

export function workspaceDir(ctx: CommandContext): string {
  return typeof ctx.values.workspace === 'string' ? ctx.values.workspace : process.cwd()
}

/** The browser to use: the flags first, then the workspace's `browser:` settings. */
export function browserOptions(ctx: CommandContext, config?: WorkspaceConfig): BrowserOptions {
  const path = typeof ctx.values['browser-path'] === 'string' ? ctx.values['browser-path'] : undefined
  const ws = typeof ctx.values['browser-ws'] === 'string' ? ctx.values['browser-ws'] : undefined
  if (path || ws) return { browserPath: path, browserWs: ws }
  return { browserPath: config?.browser.path, browserWs: config?.browser.ws }
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** Left-aligned columns; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)))
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('  ').trimEnd())
    .join('\n')
}
