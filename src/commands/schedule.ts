// `showtell schedule`: the next meetings and their topics, and the edits
// that shape them: pin, unpin, skip, unskip, held.
import { EXIT, UserError } from '../errors.js'
import { weekdayOf } from '../rotation/calendar.js'
import { changeSchedule, markHeld, type ScheduleChange } from '../rotation/changes.js'
import { scheduleFor } from '../rotation/for-workspace.js'
import { describeUnreadable, readMeetingLogFile } from '../rotation/log.js'
import { describeReason } from '../rotation/schedule.js'
import { loadWorkspace, type Workspace } from '../workspace/load.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'

export async function runSchedule(ctx: CommandContext): Promise<number> {
  const [sub, ...args] = ctx.positionals
  const workspace = await loadWorkspace(workspaceDir(ctx))
  switch (sub) {
    case undefined:
      return showSchedule(ctx, workspace)
    case 'pin':
      return editConfig(ctx, workspace, 'pin', args)
    case 'unpin':
      return editConfig(ctx, workspace, 'unpin', args)
    case 'skip':
      return editConfig(ctx, workspace, 'skip', args)
    case 'unskip':
      return editConfig(ctx, workspace, 'unskip', args)
    case 'held':
      return runHeld(ctx, workspace, args)
    default:
      throw new UserError(`unknown schedule subcommand "${sub}"`, { hint: 'use pin, unpin, skip, unskip or held; see showtell schedule --help' })
  }
}

async function showSchedule(ctx: CommandContext, workspace: Workspace): Promise<number> {
  const weeks = parseWeeks(ctx.values.weeks)
  const plan = await scheduleFor(workspace, { weeks })
  const title = (id: string) => workspace.topics.get(id)?.topic.title ?? id
  if (typeof ctx.values.ics === 'string') {
    const { exportIcs } = await import('../rotation/ics.js')
    const written = await exportIcs(workspace, plan, ctx.values.ics)
    ctx.io.stderr.write(`Wrote ${written.events} events to ${ctx.values.ics} (${written.updated} updated since the last export)\n`)
  }
  if (ctx.values.json === true) {
    printJson(ctx, plan.map((m) => ({ ...m, title: title(m.topic), reasonText: describeReason(m.reason) })))
    return EXIT.ok
  }
  const { meeting } = workspace.config
  ctx.io.stdout.write(
    `${table([
      ['DATE', 'TIME', 'TOPIC', 'WHY'],
      ...plan.map((m) => [`${m.date} ${weekdayOf(m.date).slice(0, 3)}`, `${m.start.slice(11, 16)}–${m.end.slice(11, 16)}`, title(m.topic), describeReason(m.reason)]),
    ])}\n\n${plan.length} meetings in the next ${weeks} weeks · ${meeting.weekday}s ${meeting.time} ${meeting.timezone}, ${meeting.duration} min · policy ${workspace.config.rotation.policy}${meeting.skip.length ? ` · skipping ${meeting.skip.join(', ')}` : ''}\n`,
  )
  return EXIT.ok
}

function parseWeeks(value: unknown): number {
  if (value === undefined) return 8
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 520) {
    throw new UserError(`not a number of weeks: "${String(value)}"`, { location: { field: '--weeks' }, hint: 'use a whole number from 1 to 520' })
  }
  return Number(value)
}

async function editConfig(ctx: CommandContext, workspace: Workspace, action: 'pin' | 'unpin' | 'skip' | 'unskip', args: string[]): Promise<number> {
  const usage = action === 'pin' ? 'showtell schedule pin DATE TOPIC' : `showtell schedule ${action} DATE`
  if (args.length !== (action === 'pin' ? 2 : 1)) throw new UserError(`usage: ${usage}`)
  const change: ScheduleChange = action === 'pin' ? { action, date: args[0]!, topic: args[1]! } : { action, date: args[0]! }
  ctx.io.stdout.write(`${await changeSchedule(workspace, change)} (showtell.yaml)\n`)
  return EXIT.ok
}

async function runHeld(ctx: CommandContext, workspace: Workspace, args: string[]): Promise<number> {
  if (args.length < 1 || args.length > 2) throw new UserError('usage: showtell schedule held DATE [TOPIC]')
  ctx.io.stdout.write(`${await markHeld(workspace, args[0]!, args[1])} (history/meetings.jsonl)\n`)
  // Lines that are not meetings were kept as they are; say where they are.
  for (const unreadable of (await readMeetingLogFile(workspace.paths.root)).unreadable) ctx.io.stderr.write(`  ! ${describeUnreadable(unreadable)}\n`)
  return EXIT.ok
}
