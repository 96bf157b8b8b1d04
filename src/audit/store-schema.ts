// The shape of history/audit.json, as store.ts reads it back. On its own so
// that zod loads only when a file has to be validated; store.ts imports only its
// types, and this module imports nothing of store.ts (review B.5).
import { z } from 'zod'
import { platformSchema } from '../topics/schema.js'
import { AUDIT_RESULTS, CONTROL_ANSWERS, CONTROL_KINDS, CONTROL_VERDICTS, EVIDENCE_KINDS, EVIDENCE_LEVELS, FOUND_BY, SEARCH_OUTCOMES, type AuditReport } from './types.js'

/** The report of the last `showtell audit` as stored: the report and when it ran. */
export type StoredAudit = AuditReport & { readonly ranAt: string }

/** What a finding's screenshot path may be: our own file names only, never a path a hand edit made up. */
export const SCREENSHOT_PATH = /^history\/audit\/[a-z0-9][a-z0-9-]*\.png$/

const count = z.number().int().nonnegative()
const text = z.string().min(1)

// Not strict: fields may be added to the report later, and an older showtell
// must still read a newer file.
const findingSchema = z.object({
  platform: platformSchema,
  handle: text,
  result: z.enum(AUDIT_RESULTS),
  reason: z.string().optional(),
  url: z.string().optional(),
  profileUrl: z.string().optional(),
  account: z.string().optional(),
  displayName: z.string().optional(),
  bio: z.string().optional(),
  followers: count.optional(),
  screenshot: z.string().regex(SCREENSHOT_PATH, { message: 'must be a file in history/audit/ named by showtell audit' }).optional(),
  capturedAt: z.iso.datetime().optional(),
  screenshotNote: z.string().optional(),
  // Reports written before name search have neither: they still read.
  foundBy: z.enum(FOUND_BY).optional(),
  searchQuery: z.string().optional(),
  // Reports from before the evidence have none; a reason code a newer showtell
  // added is a problem only for its words, so the code is any text here and
  // the deck falls back to the reason's English `says`.
  evidence: z
    .object({
      score: z.number().min(0).max(100),
      level: z.enum(EVIDENCE_LEVELS),
      reasons: z.array(
        z.object({
          kind: z.enum(EVIDENCE_KINDS),
          weight: z.number(),
          says: z.string(),
          code: z.string().optional(),
          values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      ),
    })
    .optional(),
})

const searchSchema = z.object({
  platform: platformSchema,
  instance: z.string().optional(),
  query: z.string(),
  url: z.string(),
  outcome: z.enum(SEARCH_OUTCOMES),
  results: count.optional(),
  finds: count.optional(),
  reason: z.string().optional(),
})

const controlSchema = z.object({
  platform: platformSchema,
  verdict: z.enum(CONTROL_VERDICTS),
  why: z.string().optional(),
  rule: z.string().optional(),
  probes: z.array(
    z.object({
      kind: z.enum(CONTROL_KINDS),
      handle: text,
      account: z.string().optional(),
      url: z.string().optional(),
      answer: z.enum(CONTROL_ANSWERS),
      reason: z.string().optional(),
    }),
  ),
})

export const storedAuditSchema = z.object({
  ranAt: z.iso.datetime({ message: 'must be an ISO date and time' }),
  generated: count,
  candidates: count,
  checked: count,
  // Reports written before it counted only requests: the deck then falls back to `checked`.
  handlesChecked: count.optional(),
  platforms: z.array(platformSchema),
  budget: count,
  findings: z.array(findingSchema),
  // Reports written before the controls existed have none: they still read.
  controls: z.array(controlSchema).optional(),
  searches: z.array(searchSchema).optional(),
})

