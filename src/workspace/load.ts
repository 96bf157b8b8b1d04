// Owns loading a workspace: `showtell.yaml`, then the topic library (built-in
// topics overridden by the workspace's own `topics/<id>.yaml`), then the checks
// that span files (rotation pins and order must name known topics).
import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { UserError } from '../errors.js'
import { topicSchema, type Topic } from '../topics/schema.js'
import { BUILTIN, displayPath, workspacePaths, type WorkspacePaths } from './paths.js'
import { workspaceConfigSchema, type WorkspaceConfig } from './schema.js'
import { SLUG_PATTERN } from './slug.js'
import { lineOf, readYamlSource, validateYaml, type YamlSource } from './yaml-file.js'

export interface TopicEntry {
  readonly topic: Topic
  /** Where it was loaded from: the package's library or the workspace. */
  readonly origin: 'builtin' | 'workspace'
  readonly file: string
}

export interface Workspace {
  readonly paths: WorkspacePaths
  readonly config: WorkspaceConfig
  /** Topics by id, in id order. */
  readonly topics: ReadonlyMap<string, TopicEntry>
  readonly source: YamlSource
}

export async function loadWorkspace(dir: string): Promise<Workspace> {
  const paths = workspacePaths(dir)
  const source = await readYamlSource(paths.config, displayPath(process.cwd(), paths.config))
  const config = validateYaml(source, workspaceConfigSchema)
  const topics = await loadTopicLibrary(paths)
  checkTopicReferences(source, config, topics)
  return { paths, config, topics, source }
}

export async function loadTopicLibrary(paths: Pick<WorkspacePaths, 'root' | 'topics'>): Promise<Map<string, TopicEntry>> {
  const topics = new Map<string, TopicEntry>()
  for (const [origin, folder] of [
    ['builtin', BUILTIN.topics],
    ['workspace', paths.topics],
  ] as const) {
    if (origin === 'workspace' && folder === BUILTIN.topics) continue
    for (const file of await yamlFiles(folder)) {
      const entry = await loadTopicFile(file, origin, paths.root)
      topics.set(entry.topic.id, entry)
    }
  }
  return new Map([...topics.entries()].sort(([a], [b]) => a.localeCompare(b)))
}

export async function loadTopicFile(file: string, origin: TopicEntry['origin'], root: string): Promise<TopicEntry> {
  const shown = origin === 'builtin' ? `(built-in) topics/${basename(file)}` : displayPath(process.cwd(), file)
  const id = basename(file).replace(/\.ya?ml$/, '')
  if (!SLUG_PATTERN.test(id)) {
    throw new UserError(`topic file name "${basename(file)}" is not a safe id`, {
      location: { file: shown },
      hint: 'name topic files with lowercase letters, digits and hyphens, e.g. topics/crisis.yaml',
    })
  }
  const source = await readYamlSource(file, shown)
  const topic = validateYaml(source, topicSchema)
  if (topic.id !== id) {
    throw new UserError(`id "${topic.id}" does not match the file name "${basename(file)}"`, {
      location: { file: shown, line: lineOf(source, ['id']), field: 'id' },
      hint: `set \`id: ${id}\` or rename the file`,
    })
  }
  void root
  return { topic, origin, file }
}

async function yamlFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder)
    return names.filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.')).sort().map((name) => join(folder, name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function checkTopicReferences(source: YamlSource, config: WorkspaceConfig, topics: ReadonlyMap<string, TopicEntry>): void {
  const known = () => `known: ${[...topics.keys()].join(', ')}`
  config.rotation.order.forEach((id, i) => {
    if (!topics.has(id)) {
      throw new UserError(`unknown topic "${id}"`, {
        location: { file: source.displayPath, line: lineOf(source, ['rotation', 'order', i]), field: `rotation.order[${i}]` },
        hint: known(),
      })
    }
  })
  for (const [date, id] of Object.entries(config.rotation.pins)) {
    if (!topics.has(id)) {
      throw new UserError(`unknown topic "${id}"`, {
        location: { file: source.displayPath, line: lineOf(source, ['rotation', 'pins', date]), field: `rotation.pins.${date}` },
        hint: known(),
      })
    }
  }
}

/** Looks up a topic by id, or fails with the list of known ids. */
export function requireTopic(workspace: Workspace, id: string, flag = '--topic'): Topic {
  const entry = workspace.topics.get(id)
  if (!entry) {
    throw new UserError(`unknown topic "${id}"`, {
      location: { field: flag },
      hint: `run \`showtell topics\` to list them (known: ${[...workspace.topics.keys()].join(', ')})`,
    })
  }
  return entry.topic
}
