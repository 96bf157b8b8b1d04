// `showtell topics` and `showtell topics show ID`: the topic library.
import { listTopicStatus } from '../rotation/topic-status.js'
import { EXIT, UserError } from '../errors.js'
import { loadWorkspace, requireTopic, topicLanguageNote, type Workspace } from '../workspace/load.js'
import { printJson, table, workspaceDir, type CommandContext } from './context.js'

export async function runTopics(ctx: CommandContext): Promise<number> {
  const [sub, id, ...extra] = ctx.positionals
  const workspace = await loadWorkspace(workspaceDir(ctx))
  if (sub === 'show') {
    if (!id || extra.length > 0) throw new UserError('usage: showtell topics show ID', { hint: 'run `showtell topics` for the ids' })
    return await showTopic(ctx, workspace, id)
  }
  if (sub !== undefined) throw new UserError(`unknown topics subcommand "${sub}"`, { hint: 'use `showtell topics` or `showtell topics show ID`' })

  const rows = await listTopicStatus(workspace)
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
  const note = topicLanguageNote(workspace)
  if (note) ctx.io.stdout.write(`Note: ${note}.\n`)
  return EXIT.ok
}

async function showTopic(ctx: CommandContext, workspace: Workspace, id: string): Promise<number> {
  const topic = requireTopic(workspace, id, 'ID')
  // Only the preview needs the agenda planner and the deck's segments: the
  // listing (`showtell topics --json`) does not load them. The preview plans
  // as `showtell build --topic ID` will for the next meeting (agenda/material.ts).
  const { planPreview } = await import('../agenda/material.js')
  const { plan, material, words, date } = await planPreview(workspace, topic)
  if (ctx.values.json === true) {
    printJson(ctx, { topic, date, agenda: plan, material: { ...material, words } })
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
    `For ${date}, as \`showtell build --topic ${topic.id}\` plans it. ${words}`,
    '',
  ]
  ctx.io.stdout.write(lines.join('\n'))
  return EXIT.ok
}
