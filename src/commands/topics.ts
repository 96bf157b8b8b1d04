// `showtell topics` and `showtell topics show ID`: the topic library.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { planAgenda } from '../agenda/plan.js'
import { emptySegments } from '../deck/compose.js'
import { scheduleFor } from '../rotation/for-workspace.js'
import { readMeetingLog } from '../rotation/log.js'
import { EXIT, UserError } from '../errors.js'
import { loadWorkspace, requireTopic, type Workspace } from '../workspace/load.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'

export async function runTopics(ctx: CommandContext): Promise<number> {
  const [sub, id, ...extra] = ctx.positionals
  const workspace = await loadWorkspace(workspaceDir(ctx))
  if (sub === 'show') {
    if (!id || extra.length > 0) throw new UserError('usage: showtell topics show ID', { hint: 'run `showtell topics` for the ids' })
    return showTopic(ctx, workspace, id)
  }
  if (sub !== undefined) throw new UserError(`unknown topics subcommand "${sub}"`, { hint: 'use `showtell topics` or `showtell topics show ID`' })

  const lastBuilt = await lastBuiltByTopic(workspace)
  const lastCovered = new Map<string, string>()
  for (const entry of await readMeetingLog(workspace.paths.root)) lastCovered.set(entry.topic, entry.date)
  const due = new Map<string, string>()
  for (const meeting of await scheduleFor(workspace, { weeks: 104 })) if (!due.has(meeting.topic)) due.set(meeting.topic, meeting.date)
  const rows = [...workspace.topics.values()].map(({ topic, origin }) => ({
    id: topic.id,
    title: topic.title,
    origin,
    lastCovered: lastCovered.get(topic.id) ?? null,
    due: due.get(topic.id) ?? null,
    lastBuilt: lastBuilt.get(topic.id) ?? null,
  }))
  if (ctx.values.json === true) {
    printJson(ctx, rows)
    return EXIT.ok
  }
  ctx.io.stdout.write(
    `${table([
      ['ID', 'TITLE', 'LAST COVERED', 'DUE', 'SOURCE'],
      ...rows.map((row) => [row.id, row.title, row.lastCovered ?? 'never', row.due ?? '-', row.origin === 'workspace' ? 'workspace' : 'built-in']),
    ])}\n\n${rows.length} topics. Preview one with: showtell topics show ID\n`,
  )
  return EXIT.ok
}

function showTopic(ctx: CommandContext, workspace: Workspace, id: string): number {
  const topic = requireTopic(workspace, id, 'ID')
  const plan = planAgenda({ duration: workspace.config.meeting.duration, empty: emptySegments(workspace.config, topic) })
  if (ctx.values.json === true) {
    printJson(ctx, { topic, agenda: plan })
    return EXIT.ok
  }
  const lines = [
    `${topic.title} (${topic.id})`,
    '',
    topic.summary,
    '',
    'Why now:',
    ...topic.why.map((w) => `  - ${w}`),
    '',
    'Key points:',
    ...topic.keyPoints.map((k) => `  - ${k.title}`),
    '',
    `Case studies: ${topic.caseStudies.map((c) => c.title).join('; ') || 'none'}`,
    `Worst cases: ${topic.worstCases.length}`,
    `Exercise: ${topic.exercise.title} (${topic.exercise.steps.length} steps)`,
    `Decisions: ${topic.actions.length}`,
    '',
    `Agenda for ${plan.duration} minutes:`,
    table(plan.segments.map((s) => [`  ${s.title}`, `${s.minutes} min`, s.placeholder ? `(placeholder: run ${s.fillHint})` : ''])),
    '',
  ]
  ctx.io.stdout.write(lines.join('\n'))
  return EXIT.ok
}

/** The most recent build date per topic, read from out/<date>-<topic>/build.json. */
export async function lastBuiltByTopic(workspace: Workspace): Promise<Map<string, string>> {
  const last = new Map<string, string>()
  let names: string[] = []
  try {
    names = await readdir(workspace.paths.out)
  } catch {
    return last
  }
  for (const name of names.sort()) {
    try {
      const manifest = JSON.parse(await readFile(join(workspace.paths.out, name, 'build.json'), 'utf8')) as { topic?: { id?: string }; date?: string }
      if (manifest.topic?.id && manifest.date) {
        const previous = last.get(manifest.topic.id)
        if (!previous || previous < manifest.date) last.set(manifest.topic.id, manifest.date)
      }
    } catch {
      // Not a build folder.
    }
  }
  return last
}
