// Owns the JSON Schemas generated from our zod schemas (one source of truth):
// schema/showtell.schema.json and schema/topic.schema.json.
import { z } from 'zod'
import { topicSchema } from '../topics/schema.js'
import { workspaceConfigSchema } from './schema.js'

export function jsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any' } as const
  return {
    'showtell.schema.json': {
      ...z.toJSONSchema(workspaceConfigSchema, options),
      title: 'showtell workspace (showtell.yaml)',
    },
    'topic.schema.json': {
      ...z.toJSONSchema(topicSchema, options),
      title: 'showtell topic (topics/<id>.yaml)',
    },
  }
}
