// Owns the words of the command surface: each subcommand's synopsis and one-line
// summary, the global flags, and the `showtell --help` text made from them. The flags
// and the functions that run the commands stay in registry.ts; this module is apart
// from it so that `showtell` (home.ts), itself a command the registry loads, can print
// the usage without importing the registry back (review B.5).
import { EXIT } from '../errors.js'

export interface CommandHelp {
  readonly summary: string
  readonly synopsis: string
}

export const COMMAND_HELP = {
  home: {
    summary: 'the dashboard (interactive in a terminal; a summary otherwise)',
    synopsis: 'showtell',
  },
  init: {
    summary: 'scaffold a commented showtell.yaml',
    synopsis: 'showtell init [DIR] [--name "Company name"] [--json]',
  },
  topics: {
    summary: 'list the topic library, or preview one topic',
    synopsis: 'showtell topics [show ID] [--json]',
  },
  build: {
    summary: 'build the deck for one meeting into out/<date>-<topic>/',
    synopsis:
      'showtell build [--topic ID | --next] [--date YYYY-MM-DD] [--duration MIN]\n               [--format html,pdf,handout,md,share,png,pptx] [--no-snapshots] [--json]',
  },
  snapshot: {
    summary: 'capture every account now: screenshot, metrics, status; adds to the history',
    synopsis: 'showtell snapshot [--account ID ...] [--competitors | --no-competitors] [--json]',
  },
  record: {
    summary: "enter a figure by hand (from the platform's own analytics); adds to the history",
    synopsis: 'showtell record ACCOUNT METRIC=VALUE ... [--date YYYY-MM-DD] [--note TEXT] [--json]',
  },
  import: {
    summary: 'enter figures by hand from a CSV file (date,account,metric,value[,note]); all or none',
    synopsis: 'showtell import FILE.csv [--json]',
  },
  present: {
    summary: 'serve a built deck on 127.0.0.1 (or the local network with --lan) with a phone remote, and open it',
    synopsis: 'showtell present [FOLDER | --date YYYY-MM-DD] [--refresh] [--port N] [--lan] [--no-open]',
  },
  schedule: {
    summary: 'the next meetings and their topics; pin, unpin, skip, unskip, mark held; .ics export',
    synopsis:
      'showtell schedule [--weeks N] [--ics FILE] [--json]\n       showtell schedule pin DATE TOPIC | unpin DATE | skip DATE | unskip DATE | held DATE [TOPIC]',
  },
  audit: {
    summary: 'find accounts that carry the company name but are not in showtell.yaml',
    synopsis: 'showtell audit [--budget N] [--no-screenshots] [--json]',
  },
  doctor: {
    summary: 'check Node, the browser and the workspace, with a fix for each problem',
    synopsis: 'showtell doctor [--json]',
  },
  login: {
    summary: 'sign the browser profile of snapshot.profile in to a platform (a window opens)',
    synopsis: 'showtell login PLATFORM',
  },
} as const satisfies Record<string, CommandHelp>

export type CommandName = keyof typeof COMMAND_HELP

export function usage(name?: CommandName): string {
  if (name && name in COMMAND_HELP && name !== 'home') {
    const command: CommandHelp = COMMAND_HELP[name]
    return `${command.synopsis}\n\n${command.summary}\n\n${GLOBALS}\n`
  }
  const lines = Object.entries(COMMAND_HELP).map(([key, command]) => `  ${(key === 'home' ? 'showtell' : `showtell ${key}`).padEnd(18)} ${command.summary}`)
  return `showtell: the weekly executive social-media briefing\n\nUsage:\n${lines.join('\n')}\n\n${GLOBALS}\n\nExit status: ${EXIT.ok} done, ${EXIT.runtime} failed at run time, ${EXIT.usage} bad input or usage.\n`
}

const GLOBALS = `Global flags:
  --workspace DIR      the workspace folder (default: the current folder)
  --browser-path PATH  the Chrome/Chromium to use
  --browser-ws URL     connect to a running browser (DevTools WebSocket) instead
  --help, --version`
