// Owns the command surface: each subcommand's flags and the function that runs it.
// Its synopsis and summary come from help.ts, which makes `showtell --help` from them.
import type { ParseArgsConfig } from 'node:util'
import type { CommandContext } from './context.js'
import { COMMAND_HELP, type CommandName } from './help.js'

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
    ...COMMAND_HELP.home,
    options: {},
    run: async (ctx) => (await import('./home.js')).runHome(ctx),
  },
  init: {
    ...COMMAND_HELP.init,
    options: { name: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'DIR',
    run: async (ctx) => (await import('./init.js')).runInit(ctx),
  },
  topics: {
    ...COMMAND_HELP.topics,
    options: { json: { type: 'boolean' } },
    positionals: 'show ID',
    run: async (ctx) => (await import('./topics.js')).runTopics(ctx),
  },
  build: {
    ...COMMAND_HELP.build,
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
    ...COMMAND_HELP.snapshot,
    options: { account: { type: 'string', multiple: true }, competitors: { type: 'boolean' }, 'no-competitors': { type: 'boolean' }, json: { type: 'boolean' } },
    run: async (ctx) => (await import('./snapshot.js')).runSnapshot(ctx),
  },
  record: {
    ...COMMAND_HELP.record,
    options: { date: { type: 'string' }, note: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'ACCOUNT METRIC=VALUE ...',
    run: async (ctx) => (await import('./record.js')).runRecord(ctx),
  },
  import: {
    ...COMMAND_HELP.import,
    options: { json: { type: 'boolean' } },
    positionals: 'FILE.csv',
    run: async (ctx) => (await import('./record.js')).runImport(ctx),
  },
  present: {
    ...COMMAND_HELP.present,
    options: { date: { type: 'string' }, refresh: { type: 'boolean' }, port: { type: 'string' }, lan: { type: 'boolean' }, 'no-open': { type: 'boolean' } },
    positionals: 'FOLDER',
    run: async (ctx) => (await import('./present.js')).runPresent(ctx),
  },
  schedule: {
    ...COMMAND_HELP.schedule,
    options: { weeks: { type: 'string' }, ics: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'pin|unpin|skip|unskip|held …',
    run: async (ctx) => (await import('./schedule.js')).runSchedule(ctx),
  },
  audit: {
    ...COMMAND_HELP.audit,
    options: { budget: { type: 'string' }, 'no-screenshots': { type: 'boolean' }, json: { type: 'boolean' } },
    run: async (ctx) => (await import('./audit.js')).runAuditCommand(ctx),
  },
  doctor: {
    ...COMMAND_HELP.doctor,
    options: { json: { type: 'boolean' } },
    run: async (ctx) => (await import('./doctor.js')).runDoctor(ctx),
  },
  login: {
    ...COMMAND_HELP.login,
    options: {},
    positionals: 'PLATFORM',
    run: async (ctx) => (await import('./login.js')).runLogin(ctx),
  },
} satisfies Record<CommandName, Command>
