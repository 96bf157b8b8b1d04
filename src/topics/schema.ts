// Owns the shape of a topic file (`topics/<id>.yaml`). The built-in library and
// a workspace's own topics are validated by the same schema.
import { z } from 'zod'
import { slugSchema } from '../workspace/slug.js'

const text = z.string().trim().min(1, { message: 'must not be empty' })

export const PLATFORMS = [
  'bluesky',
  'mastodon',
  'youtube',
  'linkedin',
  'instagram',
  'facebook',
  'threads',
  'tiktok',
  'x',
  'blog',
  'website',
] as const
export type Platform = (typeof PLATFORMS)[number]
export const platformSchema = z.enum(PLATFORMS, {
  error: (issue) => `unknown platform ${JSON.stringify(issue.input)} (known: ${PLATFORMS.join(', ')})`,
})

export const keyPointSchema = z.strictObject({
  title: text.describe('A statement, shown as the slide title (about 10 words at most).'),
  detail: text.describe('One or two short sentences shown on the slide.'),
  notes: text.describe('The talk track for the presenter.'),
})

export const caseStudySchema = z.strictObject({
  title: text,
  story: text.describe('What happened, in two or three sentences.'),
  lesson: text.describe('What the executives should take from it, in one sentence.'),
  source: text.describe('Where the fact comes from.'),
})

export const worstCaseSchema = z.strictObject({
  scenario: text,
  mitigation: text,
})

export const actionSchema = z.union([
  text.transform((decision) => ({ decision, owner: 'to be agreed' })),
  z.strictObject({ decision: text, owner: text }),
])

export const sourceSchema = z.strictObject({
  title: text,
  url: z.url().optional(),
})

export const topicSchema = z.strictObject({
  id: slugSchema,
  title: text,
  summary: text,
  why: z.array(text).min(1),
  keyPoints: z.array(keyPointSchema).min(1),
  caseStudies: z.array(caseStudySchema).default([]),
  worstCases: z.array(worstCaseSchema).default([]),
  demo: z.strictObject({
    focus: text,
    platforms: z.array(platformSchema).default([]),
    lookFor: z.array(text).default([]),
  }),
  exercise: z.strictObject({
    title: text,
    minutes: z.number().int().min(1).max(30).optional(),
    steps: z.array(text).min(1),
  }),
  questions: z.array(text).default([]),
  actions: z.array(actionSchema).default([]),
  sources: z.array(sourceSchema).default([]),
})

export type Topic = z.output<typeof topicSchema>
export type TopicInput = z.input<typeof topicSchema>
