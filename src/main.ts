// Owns the command line: argv → one subcommand (or the interactive app in a
// TTY), and the one place where errors become a message and an exit status.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { diskError, EXIT, isShowtellError, UserError } from './errors.js'
import { checkCredentials } from './secrets/credentials.js'
import { loadCredentialsFile } from './secrets/credentials-file.js'
import { redact } from './secrets/redact.js'
import { usage, type CommandName } from './commands/help.js'
import type { Io } from './commands/io.js'
import { COMMANDS, GLOBAL_OPTIONS, type Command } from './commands/registry.js'
import { VERSION } from './version.js'

export async function main(argv: string[], io: Io = process): Promise<number> {
  try {
    const [first, ...rest] = argv
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${VERSION}\n`)
      return EXIT.ok
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(usage(rest[0] as CommandName | undefined))
      return EXIT.ok
    }
    const name = first === undefined || first.startsWith('-') ? undefined : first
    if (name !== undefined && !(name in COMMANDS)) {
      throw new UserError(`unknown command "${name}"`, { hint: `commands: ${Object.keys(COMMANDS).join(', ')}; see showtell --help` })
    }
    const command: Command = COMMANDS[(name ?? 'home') as CommandName]
    const args = name === undefined ? argv : rest
    const config: ParseArgsConfig = {
      args,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: command.positionals !== undefined,
      strict: true,
    }
    let parsed: ReturnType<typeof parseArgs>
    try {
      parsed = parseArgs(config)
    } catch (error) {
      throw usageError((error as Error).message, name)
    }
    if (parsed.values.help) {
      io.stdout.write(usage(name as CommandName | undefined))
      return EXIT.ok
    }
    if (parsed.values.version) {
      io.stdout.write(`${VERSION}\n`)
      return EXIT.ok
    }
    // The credentials file's values join the environment's (and the redactor's list) before anything
    // can print. A refused file is exit 2 here; doctor reads it itself, to report it as one of its checks.
    if (name !== 'doctor') {
      await loadCredentialsFile({ workspace: typeof parsed.values.workspace === 'string' ? parsed.values.workspace : process.cwd() })
    }
    // A token with a newline fails deep inside a request, in a message that quotes it.
    checkCredentials(process.env)
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io })
  } catch (error) {
    error = diskError(error) ?? error
    // Whatever failed may quote a URL or a header: the line passes the redactor.
    if (isShowtellError(error)) {
      io.stderr.write(redact(`showtell: ${error.format()}\n`))
      return error.exitCode
    }
    // A bug, not a user mistake: say so in one line, keep the detail for those who ask.
    const detail = process.env.SHOWTELL_DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : ''
    io.stderr.write(redact(`showtell: unexpected error: ${(error as Error)?.message ?? String(error)}${detail}\n(set SHOWTELL_DEBUG=1 for details)\n`))
    return EXIT.runtime
  }
}


/** Node's parseArgs messages, in our one-line form: `--colour: unknown option`. */
function usageError(message: string, command: string | undefined): UserError {
  const hint = `see showtell ${command ? `${command} ` : ''}--help`
  const unknown = /^Unknown option '([^']+)'/.exec(message)
  if (unknown) return new UserError('unknown option', { location: { field: unknown[1] }, hint })
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message)
  if (missing) return new UserError('needs a value', { location: { field: missing[1] }, hint })
  const positional = /^Unexpected argument '([^']+)'/.exec(message)
  if (positional) return new UserError(`unexpected argument "${positional[1]}"`, { hint })
  return new UserError(message.split('\n')[0]!, { hint })
}
