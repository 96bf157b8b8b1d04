// `showtell` with no subcommand. Without a TTY (or with CI set) it prints a
// short summary and the usage and exits; it never waits for input.
import { EXIT } from '../errors.js'
import { meetingDates, todayIn } from '../rotation/calendar.js'
import { loadWorkspace } from '../workspace/load.js'
import { usage } from './registry.js'
import { workspaceDir, type CommandContext } from './context.js'
import { lastBuiltByTopic } from './topics.js'

export async function runHome(ctx: CommandContext): Promise<number> {
  const workspace = await loadWorkspace(workspaceDir(ctx))
  const { config } = workspace
  const next = meetingDates(config.meeting, todayIn(config.meeting.timezone), 1)[0]
  const built = await lastBuiltByTopic(workspace)
  ctx.io.stdout.write(
    [
      `${config.company.name}`,
      `  next meeting  ${next ?? 'none scheduled'} ${config.meeting.time} ${config.meeting.timezone}, ${config.meeting.duration} min`,
      `  accounts      ${config.accounts.length}`,
      `  topics        ${workspace.topics.size} (${built.size} built so far)`,
      '',
      usage(),
    ].join('\n'),
  )
  return EXIT.ok
}
