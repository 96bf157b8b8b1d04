// Owns the command surface: each subcommand's flags, its one-line summary and
// the function that runs it. `showtell --help` is generated from this table.
import type { ParseArgsConfig } from 'node:util'
import { EXIT } from '../errors.js'
import type { CommandContext } from './context.js'

type Options = NonNullable<ParseArgsConfig['options']>

export interface Command {
  readonly summary: string
  readonly synopsis: string
  readonly options: Options
  /** Present when the command takes positional arguments. */
  readonly positionals?: string
  readonly run: (ctx: CommandContext) => Promise<number>
}

export const GLOBAL_OPTIONS: Options = {
  workspace: { type: 'string' },
  'browser-path': { type: 'string' },
  'browser-ws': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
}

export const COMMANDS = {
  home: {
    summary: 'the dashboard (interactive in a terminal; a summary otherwise)',
    synopsis: 'showtell',
    options: {},
    run: async (ctx) => (await import('./home.js')).runHome(ctx),
  },
  init: {
    summary: 'scaffold a commented showtell.yaml',
    synopsis: 'showtell init [DIR] [--name "Company name"] [--json]',
    options: { name: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'DIR',
    run: async (ctx) => (await import('./init.js')).runInit(ctx),
  },
  topics: {
    summary: 'list the topic library, or preview one topic',
    synopsis: 'showtell topics [show ID] [--json]',
    options: { json: { type: 'boolean' } },
    positionals: 'show ID',
    run: async (ctx) => (await import('./topics.js')).runTopics(ctx),
  },
  build: {
    summary: 'build the deck for one meeting into out/<date>-<topic>/',
    synopsis:
      'showtell build [--topic ID | --next] [--date YYYY-MM-DD] [--duration MIN]\n               [--format html,pdf,handout,md] [--no-snapshots] [--json]',
    options: {
      topic: { type: 'string' },
      next: { type: 'boolean' },
      date: { type: 'string' },
      duration: { type: 'string' },
      format: { type: 'string' },
      'no-snapshots': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    run: async (ctx) => (await import('./build.js')).runBuild(ctx),
  },
  snapshot: {
    summary: 'capture every account now: screenshot, metrics, status; adds to the history',
    synopsis: 'showtell snapshot [--account ID ...] [--json]',
    options: { account: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    run: async (ctx) => (await import('./snapshot.js')).runSnapshot(ctx),
  },
  schedule: {
    summary: 'the next meetings and their topics; pin, unpin, skip, unskip, mark held; .ics export',
    synopsis:
      'showtell schedule [--weeks N] [--ics FILE] [--json]\n       showtell schedule pin DATE TOPIC | unpin DATE | skip DATE | unskip DATE | held DATE [TOPIC]',
    options: { weeks: { type: 'string' }, ics: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'pin|unpin|skip|unskip|held …',
    run: async (ctx) => (await import('./schedule.js')).runSchedule(ctx),
  },
  audit: {
    summary: 'find accounts that carry the company name but are not in showtell.yaml',
    synopsis: 'showtell audit [--budget N] [--no-screenshots] [--json]',
    options: { budget: { type: 'string' }, 'no-screenshots': { type: 'boolean' }, json: { type: 'boolean' } },
    run: async (ctx) => (await import('./audit.js')).runAuditCommand(ctx),
  },
  doctor: {
    summary: 'check Node, the browser and the workspace, with a fix for each problem',
    synopsis: 'showtell doctor [--json]',
    options: { json: { type: 'boolean' } },
    run: async (ctx) => (await import('./doctor.js')).runDoctor(ctx),
  },
} satisfies Record<string, Command>

export type CommandName = keyof typeof COMMANDS

export function usage(name?: CommandName): string {
  if (name && name in COMMANDS && name !== 'home') {
    const command: Command = COMMANDS[name]
    return `${command.synopsis}\n\n${command.summary}\n\n${GLOBALS}\n`
  }
  const lines = Object.entries(COMMANDS).map(([key, command]) => `  ${(key === 'home' ? 'showtell' : `showtell ${key}`).padEnd(18)} ${command.summary}`)
  return `showtell: the weekly executive social-media briefing\n\nUsage:\n${lines.join('\n')}\n\n${GLOBALS}\n\nExit status: ${EXIT.ok} done, ${EXIT.runtime} failed at run time, ${EXIT.usage} bad input or usage.\n`
}

const GLOBALS = `Global flags:
  --workspace DIR      the workspace folder (default: the current folder)
  --browser-path PATH  the Chrome/Chromium to use
  --browser-ws URL     connect to a running browser (DevTools WebSocket) instead
  --help, --version`
