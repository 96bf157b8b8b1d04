// Owns the shape of a topic file (`topics/<id>.yaml`). The built-in library and
// a workspace's own topics are validated by the same schema.
import { z } from 'zod'
import { LIMITS } from '../workspace/limits.js'
import { slugSchema } from '../workspace/slug.js'
import { PLATFORMS, type Platform } from '../platforms/index.js'

// Every field and list has a ceiling (limits.ts): a topic is read by a
// browser that lays out every character, and a megabyte-long word would
// stall the PDF export instead of failing here with the field named.
const limited = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max)
/** A one-line field: a title, a name, an owner. */
const title = limited(LIMITS.title)
/** A paragraph: a summary, a detail, a story, a step. */
const text = limited(LIMITS.paragraph)
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.list)

// The platforms are the registry's (platforms/index.ts): a platform with an adapter, and no other.
export { PLATFORMS, type Platform }
export const platformSchema = z.enum(PLATFORMS, {
  error: (issue) => `unknown platform ${JSON.stringify(issue.input)} (known: ${PLATFORMS.join(', ')})`,
})

export const keyPointSchema = z.strictObject({
  title: title.describe('A statement, shown as the slide title (about 10 words at most).'),
  detail: text.describe('One or two short sentences shown on the slide.'),
  notes: limited(LIMITS.notes).describe('The talk track for the presenter.'),
})

export const caseStudySchema = z.strictObject({
  title: title,
  story: text.describe('What happened, in two or three sentences.'),
  lesson: text.describe('What the executives should take from it, in one sentence.'),
  // Optional from the start (product.md): an internal story has no published source, and the slide then shows no source line.
  source: text.optional().describe('Where the fact comes from (optional: an internal story has no published source).'),
})

export const worstCaseSchema = z.strictObject({
  scenario: text,
  mitigation: text,
})

export const actionSchema = z.union([
  text.transform((decision) => ({ decision, owner: 'to be agreed' })),
  z.strictObject({ decision: text, owner: title }),
])

export const sourceSchema = z.strictObject({
  title: text,
  url: z.url().max(LIMITS.url).optional(),
})

export const topicSchema = z.strictObject({
  id: slugSchema,
  title: title,
  summary: text,
  why: list(text).min(1),
  keyPoints: list(keyPointSchema).min(1),
  caseStudies: list(caseStudySchema).default([]),
  worstCases: list(worstCaseSchema).default([]),
  demo: z.strictObject({
    focus: text,
    platforms: list(platformSchema).default([]),
    lookFor: list(text).default([]),
  }),
  exercise: z.strictObject({
    title: title,
    minutes: z.number().int().min(1).max(30).optional(),
    steps: list(text).min(1),
  }),
  questions: list(text).default([]),
  actions: list(actionSchema).default([]),
  sources: list(sourceSchema).default([]),
})

export type Topic = z.output<typeof topicSchema>
export type TopicInput = z.input<typeof topicSchema>
