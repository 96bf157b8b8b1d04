// `showtell init [DIR]`: a commented showtell.yaml to start from.
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { EXIT, UserError } from '../errors.js'
import { meetingDates, todayIn } from '../rotation/calendar.js'
import { BUILTIN, workspacePaths } from '../workspace/paths.js'
import { workspaceConfigSchema } from '../workspace/schema.js'
import { exists, writeFileAtomic } from '../workspace/store.js'
import { parseYamlSource, validateYaml } from '../workspace/yaml-file.js'
import { printJson, workspaceDir, type CommandContext } from './context.js'

export async function runInit(ctx: CommandContext): Promise<number> {
  const [dirArg, ...extra] = ctx.positionals
  if (extra.length > 0) throw new UserError('usage: showtell init [DIR]')
  const paths = workspacePaths(dirArg ?? workspaceDir(ctx))
  if (await exists(paths.config)) {
    throw new UserError(`${relative(process.cwd(), paths.config) || paths.config} already exists`, {
      hint: 'edit it, or pick another folder: showtell init DIR',
    })
  }
  const name = typeof ctx.values.name === 'string' ? ctx.values.name.trim() : 'Example Company'
  if (!name || /[\n"\\]/.test(name)) throw new UserError('the company name must be one line without quotes or backslashes', { location: { field: '--name' } })
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  const start = meetingDates({ weekday: 'tuesday', time: '09:00', timezone, duration: 45, start: '1970-01-01', skip: [] }, todayIn(timezone), 1)[0]!
  const template = await readFile(join(BUILTIN.templates, 'init', 'showtell.yaml'), 'utf8')
  const text = template
    .replace('__COMPANY__', JSON.stringify(name))
    .replace('__WEEKDAY__', 'tuesday')
    .replace('__TIMEZONE__', timezone)
    .replace('__START__', start)
    .replace('__SCHEMA__', join(BUILTIN.schema, 'showtell.schema.json'))
  // The scaffold must itself be a valid workspace.
  validateYaml(parseYamlSource(text, 'showtell.yaml'), workspaceConfigSchema)
  await writeFileAtomic(paths.config, text)
  if (ctx.values.json === true) {
    printJson(ctx, { created: paths.config })
  } else {
    ctx.io.stdout.write(
      `Created ${relative(process.cwd(), paths.config) || paths.config}\n\nNext:\n  1. Add your accounts to it.\n  2. showtell doctor\n  3. showtell build --topic policy\n`,
    )
  }
  return EXIT.ok
}
