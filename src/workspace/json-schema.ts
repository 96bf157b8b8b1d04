// Owns the JSON Schemas generated from our zod schemas (one source of truth):
// schema/showtell.schema.json and schema/topic.schema.json.
//
// zod writes the shapes, bounds and patterns itself, but not the rules it runs
// as code: a `.trim()` before counting, the protocols a `z.url` allows, and the
// `.refine` checks. The ones JSON Schema can say are added here, so an editor
// refuses what the loader refuses; test/workspace/json-schema.test.ts runs
// every fixture through both and lists, by hand, the few it cannot say
// (duplicate ids, the IANA time zones).
import { z } from 'zod'
import { topicSchema } from '../topics/schema.js'
import { accountSchema, isoDateSchema, workspaceConfigSchema } from './schema.js'

type JsonSchema = z.core.JSONSchema.BaseSchema

/**
 * `.refine` checks by identity, with what each adds to the JSON Schema. A
 * check keeps its identity through `.describe()`, `.optional()` and further
 * checks, so every use of the schema is found.
 */
const REFINES = new Map<unknown, JsonSchema>([
  // isRealDate: ajv-formats' "date" knows month lengths and leap years.
  [customCheckOf(isoDateSchema), { format: 'date' }],
  // An account needs a `url` or a `handle`.
  [customCheckOf(accountSchema), { anyOf: [{ required: ['url'] }, { required: ['handle'] }] }],
])

function customCheckOf(schema: z.ZodType): unknown {
  const checks = schema._zod.def.checks ?? []
  const custom = checks.filter((check) => check._zod.def.check === 'custom')
  if (custom.length !== 1) throw new Error(`json-schema.ts expected one .refine on this schema, found ${custom.length}`)
  return custom[0]
}

export function jsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any', override: addCodeRules } as const
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

function addCodeRules({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  const def = zodSchema._zod.def as z.core.$ZodTypeDef & { format?: string; protocol?: RegExp; hostname?: RegExp }
  const checks = def.checks ?? []

  // `.trim().min(1)`: zod counts after trimming, so "   " is empty. JavaScript's
  // trim() and \S agree on what white space is. (`maxLength` still counts the
  // untrimmed text: only a quoted value padded with spaces up to the limit differs.)
  const trims = checks.some((check) => check._zod.def.check === 'overwrite' && (check._zod.def as { tx?: (v: string) => unknown }).tx?.(' \t') === '')
  if (trims && jsonSchema.minLength !== undefined && jsonSchema.minLength > 0) {
    if (jsonSchema.minLength > 1) throw new Error('json-schema.ts cannot express a trimmed minimum length above 1')
    addPattern(jsonSchema, '\\S')
  }

  // `z.url({ protocol })`: zod tests the scheme that URL parsing lower-cased.
  if (def.format === 'url') {
    if (def.hostname !== undefined) throw new Error('json-schema.ts cannot express a z.url hostname rule')
    if (def.protocol !== undefined) addPattern(jsonSchema, `^${schemePattern(def.protocol)}:`)
  }

  for (const check of checks) {
    const extra = REFINES.get(check)
    if (extra !== undefined) Object.assign(jsonSchema, extra)
  }
}

/** `/^https?$/` → `(?:[Hh][Tt][Tt][Pp][Ss]?)`: JSON Schema patterns have no `i` flag. */
function schemePattern(protocol: RegExp): string {
  const inner = /^\^([a-z?|()]+)\$$/.exec(protocol.source)?.[1]
  if (inner === undefined || protocol.flags !== '') throw new Error(`json-schema.ts cannot express the z.url protocol rule ${String(protocol)}`)
  return `(?:${inner.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`)})`
}

/** A second `pattern` goes in `allOf`: a schema object holds only one. */
function addPattern(jsonSchema: JsonSchema, pattern: string): void {
  if (jsonSchema.pattern === undefined) jsonSchema.pattern = pattern
  else jsonSchema.allOf = [...(jsonSchema.allOf ?? []), { pattern }]
}
