// The topic contract (product.md): optional fields stay optional. A case study
// without `source` is a workspace's own story (an internal one has no published
// source): it loads, builds, and its slide shows no source line. The built-in
// library still names a source for every case study.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import { composeDeck, emptySegments } from '../../src/deck/compose.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown } from '../../src/deck/templates.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

/** Every topic file of the built-in library, English and Norwegian (topics/nb/ when it exists). */
async function builtinTopicFiles(): Promise<string[]> {
  const files: string[] = []
  for (const folder of ['topics', join('topics', 'nb')]) {
    const names = await readdir(join(REPO_ROOT, folder)).catch(() => [] as string[])
    files.push(...names.filter((n) => n.endsWith('.yaml')).map((n) => join(folder, n)))
  }
  return files.sort()
}

describe('the built-in library', () => {
  it('names a source for every case study (read from the YAML, not through the schema that allows none)', async () => {
    const files = await builtinTopicFiles()
    expect(files.length).toBeGreaterThanOrEqual(14)
    const missing: string[] = []
    let studies = 0
    for (const file of files) {
      const topic = parse(await readFile(join(REPO_ROOT, file), 'utf8')) as { caseStudies?: { title: string; source?: unknown }[] }
      for (const study of topic.caseStudies ?? []) {
        studies += 1
        if (typeof study.source !== 'string' || study.source.trim() === '') missing.push(`${file}: ${study.title}`)
      }
    }
    expect(studies).toBeGreaterThan(14)
    expect(missing).toEqual([])
  })
})

async function workspaceWithInternalStory(): Promise<string> {
  const base = parse(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')) as Record<string, unknown>
  const topic = {
    ...base,
    id: 'internal-story',
    title: 'What our own launch taught us',
    caseStudies: [
      { title: 'The launch post we pulled', story: 'A draft went out from the wrong account on a Friday night and stayed up for an hour.', lesson: 'Two people sign off a post before it leaves a personal account.' },
      { title: 'A published case', story: 'A brand account answered a complaint with a joke and the joke travelled.', lesson: 'Answer the person, not the crowd.', source: 'Trade press, 2019' },
    ],
  }
  return makeWorkspace({ 'topics/internal-story.yaml': stringify(topic) })
}

describe('a workspace case study without a source', () => {
  it('loads through the real loader, and its slide shows no source line', async () => {
    const dir = await workspaceWithInternalStory()
    const workspace = await loadWorkspace(dir)
    const topic = workspace.topics.get('internal-story')!.topic
    expect(topic.caseStudies[0]!.source).toBeUndefined()
    const templates = await loadTemplates()
    const plan = planAgenda({ duration: 45, empty: emptySegments(workspace.config, topic) })
    const deck = composeDeck({ config: workspace.config, topic, date: '2026-11-24', plan })
    const cases = deck.slides.filter((s) => s.kind === 'case')
    expect(cases.map((s) => s.title)).toEqual(['The launch post we pulled', 'A published case'])
    expect(cases[0]!.notes.join('\n')).not.toMatch(/Source/)
    const markdown = renderMarkdown(deck, templates)
    expect(markdown).not.toMatch(/undefined/)
    const { html } = renderSlides(markdown, templates)
    const sections = html.split('<section').slice(1)
    const internal = sections.find((s) => s.includes('The launch post we pulled'))!
    const published = sections.find((s) => s.includes('A published case'))!
    // No "Source:" line and no empty footer: the deck's own footer, as on any slide.
    expect(internal).not.toMatch(/Source/)
    expect(internal).toMatch(/<footer>Testco briefing<\/footer>/)
    expect(published).toMatch(/<footer>Source: Trade press, 2019<\/footer>/)
  })

  it('builds with showtell build (exit 0, no "Source: undefined" anywhere)', async () => {
    const dir = await workspaceWithInternalStory()
    const result = await runCli(['build', '--topic', 'internal-story', '--date', '2026-11-24', '--no-snapshots', '--format', 'md,html'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/error|warning/i)
    const md = await readFile(join(dir, 'out', '2026-11-24-internal-story', 'deck.md'), 'utf8')
    expect(md).toMatch(/The launch post we pulled/)
    expect(md).not.toMatch(/undefined/)
    expect(md).toMatch(/Source: Trade press, 2019/)
  })
})
