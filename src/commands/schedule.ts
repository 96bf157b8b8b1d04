// `showtell schedule`: the next meetings and their topics, and the edits
// that shape them: pin, unpin, skip, unskip, held.
import { readFile } from 'node:fs/promises'
import { EXIT, UserError } from '../errors.js'
import { meetingDates, weekdayOf } from '../rotation/calendar.js'
import { nextMeeting, scheduleFor } from '../rotation/for-workspace.js'
import { recordMeeting } from '../rotation/log.js'
import { describeReason } from '../rotation/schedule.js'
import { addSkip, removePin, removeSkip, setPin } from '../workspace/edit.js'
import { loadWorkspace, requireTopic, type Workspace } from '../workspace/load.js'
import { isRealDate, workspaceConfigSchema } from '../workspace/schema.js'
import { writeFileAtomic } from '../workspace/store.js'
import { parseYamlSource, validateYaml } from '../workspace/yaml-file.js'
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
      return markHeld(ctx, workspace, args)
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

function requireDate(value: string | undefined, field: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) {
    throw new UserError(`not a date: "${value ?? ''}"`, { location: { field }, hint: 'use YYYY-MM-DD, e.g. 2026-12-08' })
  }
  return value
}

/** A date the weekly meeting falls on (its weekday, on or after the start). */
function requireMeetingDay(workspace: Workspace, date: string, field: string): void {
  const { meeting } = workspace.config
  if (weekdayOf(date) !== meeting.weekday || date < meeting.start) {
    throw new UserError(`${date} is not a meeting day`, {
      location: { field },
      hint: `meetings are on ${meeting.weekday}s from ${meeting.start}; the next ones are ${meetingDates(meeting, date, 2).join(', ')}`,
    })
  }
}

async function editConfig(ctx: CommandContext, workspace: Workspace, action: 'pin' | 'unpin' | 'skip' | 'unskip', args: string[]): Promise<number> {
  const usage = action === 'pin' ? 'showtell schedule pin DATE TOPIC' : `showtell schedule ${action} DATE`
  if (args.length !== (action === 'pin' ? 2 : 1)) throw new UserError(`usage: ${usage}`)
  const date = requireDate(args[0], 'DATE')
  requireMeetingDay(workspace, date, 'DATE')
  const { config } = workspace
  const text = await readFile(workspace.paths.config, 'utf8')
  let updated: string
  let message: string
  switch (action) {
    case 'pin': {
      const topic = requireTopic(workspace, args[1]!, 'TOPIC')
      if (config.meeting.skip.includes(date)) throw new UserError(`${date} is skipped`, { location: { field: 'DATE' }, hint: `run showtell schedule unskip ${date} first` })
      updated = setPin(text, date, topic.id)
      message = `Pinned ${topic.title} to ${date}`
      break
    }
    case 'unpin':
      if (!config.rotation.pins[date]) throw new UserError(`nothing is pinned on ${date}`, { location: { field: 'DATE' } })
      updated = removePin(text, date)
      message = `Unpinned ${date}`
      break
    case 'skip':
      updated = addSkip(text, date)
      message = `Skipping ${date}`
      break
    case 'unskip':
      if (!config.meeting.skip.includes(date)) throw new UserError(`${date} is not skipped`, { location: { field: 'DATE' } })
      updated = removeSkip(text, date)
      message = `No longer skipping ${date}`
      break
  }
  // The edited file must still be a valid workspace before it replaces the old one.
  validateYaml(parseYamlSource(updated, 'showtell.yaml'), workspaceConfigSchema)
  if (updated !== text) await writeFileAtomic(workspace.paths.config, updated)
  ctx.io.stdout.write(`${message} (showtell.yaml)\n`)
  return EXIT.ok
}

async function markHeld(ctx: CommandContext, workspace: Workspace, args: string[]): Promise<number> {
  if (args.length < 1 || args.length > 2) throw new UserError('usage: showtell schedule held DATE [TOPIC]')
  const date = requireDate(args[0], 'DATE')
  let topic = args[1]
  if (topic === undefined) {
    const planned = await nextMeeting(workspace, date)
    if (!planned || planned.date !== date) {
      throw new UserError(`${date} is not a scheduled meeting`, { location: { field: 'DATE' }, hint: 'name the topic: showtell schedule held DATE TOPIC' })
    }
    topic = planned.topic
  }
  const entry = requireTopic(workspace, topic, 'TOPIC')
  await recordMeeting(workspace.paths.root, { date, topic: entry.id, source: 'held' })
  ctx.io.stdout.write(`Recorded ${entry.title} as held on ${date} (history/meetings.jsonl)\n`)
  return EXIT.ok
}
