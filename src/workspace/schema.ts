// Owns the shape of `showtell.yaml`. The JSON Schema shipped in `schema/` is
// generated from this file (`npm run schema`), so editors and the loader agree.
import { z } from 'zod'
import { platformSchema } from '../topics/schema.js'
import { ENDPOINT_KEYS, type EndpointKey } from '../platforms/endpoints.js'
import { acceptLanguage, DEFAULT_LOCALE, LOCALE_TAG } from '../net/accept-language.js'
import { slugSchema as anySlug } from './slug.js'
import { DURATION, formatPath, isRealDate, WEEKDAYS } from './config-values.js'
import { LIMITS } from './limits.js'
import { DEFAULT_LANGUAGE, hasLanguage } from '../deck/lang.js'

// Every string and list has a ceiling (limits.ts): names and labels reach
// slides, ids name files, and a file that is mostly one field should fail
// here, with the field named, rather than later in the browser or the disk.
const text = z.string().trim().min(1, { message: 'must not be empty' }).max(LIMITS.title)
const slugSchema = anySlug.max(LIMITS.id)
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max)

export { companyNames, DURATION, formatPath, isRealDate, WEEKDAYS, type Weekday } from './config-values.js'

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'not a date: use YYYY-MM-DD', abort: true })
  .refine((value) => isRealDate(value), { message: 'not a real calendar date' })

export const durationSchema = z
  .number({ error: (issue) => `must be a number of minutes from ${DURATION.min} to ${DURATION.max} (got ${JSON.stringify(issue.input)})` })
  .int({ message: 'must be a whole number of minutes' })
  .min(DURATION.min, { message: `must be between ${DURATION.min} and ${DURATION.max} minutes` })
  .max(DURATION.max, { message: `must be between ${DURATION.min} and ${DURATION.max} minutes` })

const timeZoneSchema = z.string().max(LIMITS.title).refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  },
  { message: 'not an IANA time zone (e.g. "Europe/Oslo")' },
)

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(LIMITS.url)

export const OWNERS = ['official', 'executive', 'unofficial'] as const

export const accountSchema = z
  .strictObject({
    id: slugSchema.describe('Unique id (a safe slug); names the snapshot files.'),
    platform: platformSchema.describe('The platform; decides how the account is captured.'),
    url: httpUrl.optional().describe('The public profile URL. Captured as is, whatever its host.'),
    handle: text.optional().describe('The handle, used to build the URL when there is no `url`.'),
    platformId: text
      .optional()
      .describe("The platform's own id for the account, for its official API: a YouTube channel id (UC…), a LinkedIn organization id, a Facebook Page id."),
    owner: z.enum(OWNERS).default('official').describe('official, executive (a leader\'s own account) or unofficial (carries our name, not run by us).'),
    label: text.optional().describe('How the account is named on slides.'),
    person: text
      .optional()
      .describe("For `owner: executive`: the person the account belongs to, which groups one person's accounts on the executive scorecard; default: the label."),
    hideSelectors: list(text).optional().describe('Extra CSS selectors to hide before the screenshot (banners, pop-overs).'),
    waitFor: text.optional().describe('A CSS selector that must appear before the page counts as loaded.'),
  })
  .refine((account) => account.url !== undefined || account.handle !== undefined, {
    message: 'needs a `url` or a `handle`',
  })

export type Account = z.output<typeof accountSchema>

// An executive with no account at all is named in `executives`: the scorecard
// lists them as "no account on any platform we follow" (an account entry needs
// a url or handle to be captured, so a name alone cannot be one).
const executivesSchema = list(text)
  .default([])
  .describe('Leaders the executive scorecard lists even with no account: each is a `person:` of an `owner: executive` account, or has none.')

const competitorSchema = z.strictObject({
  name: text,
  accounts: list(accountSchema, LIMITS.accounts).default([]),
  executives: executivesSchema,
})

const meetingSchema = z.strictObject({
  weekday: z.enum(WEEKDAYS),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'not a time: use HH:MM, 24-hour' }).default('09:00'),
  timezone: timeZoneSchema.default('UTC'),
  duration: durationSchema.default(45).describe('Default meeting length in minutes, 30-60.'),
  start: isoDateSchema.describe('The first meeting date, YYYY-MM-DD.'),
  skip: list(isoDateSchema).default([]),
})

const rotationSchema = z.strictObject({
  policy: z.enum(['least-recent', 'in-order']).default('least-recent'),
  order: list(slugSchema).default([]),
  pins: z.record(isoDateSchema, slugSchema).default({}),
})

const snapshotSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(16).default(4).describe('Pages captured at once.'),
  timeout: z.number().min(1).max(300).default(30).describe('Seconds per page.'),
  deadline: z.number().min(10).max(3600).optional().describe('Seconds for the whole run; accounts not done by then get `timeout`.'),
  endpoints: z
    .partialRecord(
      z.enum(ENDPOINT_KEYS as [EndpointKey, ...EndpointKey[]], {
        error: (issue) => `unknown endpoint ${JSON.stringify(issue.input)} (known: ${ENDPOINT_KEYS.join(', ')})`,
      }),
      httpUrl,
    )
    .default({})
    .describe('Base URLs that replace the real platforms (APIs and pages), e.g. for a local demo site.'),
  allowPrivateNetwork: z.boolean().default(false).describe('Allow loopback and private addresses; only for the local demo site and tests.'),
  // Optional with no default in the file: the capture code fills in DEFAULT_LOCALE.
  locale: z
    .string()
    .regex(LOCALE_TAG, { message: 'not a language tag: use a language and an optional region, e.g. "en-US", "nb-NO" or "de"' })
    .optional()
    .describe(`The language pages and APIs are asked for (Accept-Language and navigator.language), e.g. "nb-NO". Default ${DEFAULT_LOCALE}, sent as "${acceptLanguage(DEFAULT_LOCALE)}".`),
  profile: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(LIMITS.url)
    .optional()
    .describe('A browser profile folder OUTSIDE the workspace (`~` is your home folder): `showtell login PLATFORM` signs it in, and snapshots run with it.'),
})

/** Bounds of the audit's request budget, shared by `audit.budget` and `--budget`. */
export const AUDIT_BUDGET = { min: 1, max: 10_000, default: 300 } as const
export const AUDIT_DELAY_MS = { min: 0, max: 60_000, default: 250 } as const

const wholeNumber = (what: string, bounds: { readonly min: number; readonly max: number }) =>
  z
    .number({ error: (issue) => `must be a whole number of ${what} from ${bounds.min} to ${bounds.max} (got ${JSON.stringify(issue.input)})` })
    .int({ message: `must be a whole number of ${what}` })
    .min(bounds.min, { message: `must be from ${bounds.min} to ${bounds.max} ${what}` })
    .max(bounds.max, { message: `must be from ${bounds.min} to ${bounds.max} ${what}` })

const auditSchema = z.strictObject({
  budget: wholeNumber('requests', AUDIT_BUDGET)
    .default(AUDIT_BUDGET.default)
    .describe('Most requests one `showtell audit` run makes; the likeliest handles of every platform go first.'),
  delayMs: wholeNumber('milliseconds', AUDIT_DELAY_MS)
    .default(AUDIT_DELAY_MS.default)
    .describe('Pause after each request to the same host, in milliseconds (at most 2 requests per host run at once).'),
  rules: z
    .union([z.string().trim().min(1, { message: 'must not be empty' }).max(LIMITS.url), list(z.string().trim().min(1, { message: 'must not be empty' }).max(LIMITS.url), 10)])
    .optional()
    .describe(
      'More detection rules, read at every run, relative to the workspace: a YAML file like rules/audit.yaml, or a JSON file in the WhatsMyName format (wmn-data.json, whose entries named like a platform replace its rule). Later files win.',
    ),
})

const browserSchema = z.strictObject({
  path: z.string().trim().min(1, { message: 'must not be empty' }).max(LIMITS.url).optional().describe('The Chrome/Chromium executable (like --browser-path).'),
  ws: z
    .string()
    .max(LIMITS.url)
    .regex(/^wss?:\/\//, { message: 'must be a ws:// or wss:// DevTools endpoint' })
    .optional()
    .describe('A running browser to connect to (like --browser-ws), e.g. a browser pool.'),
})

/**
 * The numbers a goal can be set on, and why these: followers is the reach the
 * team reports; posts (the platform's count of all posts) and postsPerMonth
 * (posts in the last 30 days) are the effort it controls; interactionsPerPost
 * (the median per post over 30 days) is whether people respond. `following`,
 * likes and views are left out: following is not a result, and likes/views
 * exist on too few platforms to set a goal on.
 */
export const GOAL_METRICS = ['followers', 'posts', 'postsPerMonth', 'interactionsPerPost'] as const
export type GoalMetric = (typeof GOAL_METRICS)[number]
/** A goal on `all` sums the metric over our official accounts; a median per post does not add up. */
export const GOAL_METRICS_FOR_ALL: readonly GoalMetric[] = ['followers', 'posts', 'postsPerMonth']
/** `account: all`: the sum over our official accounts (src/deck/goals.ts says how a sum is made). */
export const ALL_ACCOUNTS = 'all'

const goalSchema = z.strictObject({
  account: slugSchema.describe('The id of one of our accounts, or `all`: the sum over our official accounts.'),
  metric: z
    .enum(GOAL_METRICS, { error: (issue) => `unknown metric ${JSON.stringify(issue.input)} (known: ${GOAL_METRICS.join(', ')})` })
    .describe('followers, posts, postsPerMonth (posts in the last 30 days) or interactionsPerPost (median per post).'),
  target: z
    .number({ error: (issue) => `must be a number (got ${JSON.stringify(issue.input)})` })
    .positive({ message: 'must be a positive number' })
    .max(1e12, { message: 'must be at most 1000000000000' })
    .describe('The value to reach (at least), e.g. 15000 followers.'),
  by: isoDateSchema.describe('The date to reach it by, YYYY-MM-DD. A date in the past shows as reached or missed.'),
  label: text.optional().describe('How the goal is named on slides; default: the account and the metric.'),
})

export type Goal = z.output<typeof goalSchema>

const deckSchema = z.strictObject({
  presenter: text.optional(),
  footer: text.optional(),
  theme: slugSchema.default('showtell'),
  language: z
    .string()
    .refine(hasLanguage, { error: (issue) => `no deck language ${JSON.stringify(issue.input)}` })
    .default(DEFAULT_LANGUAGE)
    .describe('The language of every fixed word in the deck, the handout, the presenter view and the notes: en (English) or nb (Norwegian Bokmål). Dates and numbers follow it. Built-in topics come in that language; a workspace topic is used as written.'),
})

const agendaSchema = z.strictObject({
  learn: z
    .boolean({ error: (issue) => `must be true or false (got ${JSON.stringify(issue.input)})` })
    .default(false)
    .describe('Plan from the minutes really spent in your last 4 presented meetings (history/meetings.jsonl): a segment that ran over gets more of the spare time, never less than without learning, always within its min and max.'),
})

export const workspaceConfigSchema = z
  .strictObject({
    $schema: z.string().max(LIMITS.url).optional(),
    company: z.strictObject({
      name: text,
      aliases: list(text).default([]),
    }),
    accounts: list(accountSchema, LIMITS.accounts).default([]),
    competitors: list(competitorSchema).default([]),
    executives: executivesSchema,
    meeting: meetingSchema,
    rotation: rotationSchema.prefault({}),
    snapshot: snapshotSchema.prefault({}),
    audit: auditSchema.prefault({}).describe('How politely `showtell audit` probes the platforms.'),
    deck: deckSchema.prefault({}),
    agenda: agendaSchema.prefault({}).describe('How the agenda is planned.'),
    browser: browserSchema.prefault({}),
    goals: list(goalSchema).default([]).describe('What the team set out to reach: the ROI segment shows each goal against its pace.'),
  })
  .superRefine((config, ctx) => {
    // Account ids name snapshot files, so they must be unique across the whole file.
    const seen = new Map<string, string>()
    const check = (id: string, path: (string | number)[]) => {
      const first = seen.get(id)
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `duplicate id "${id}" (first used at ${first})` })
      } else {
        seen.set(id, formatPath(path))
      }
    }
    config.accounts.forEach((account, i) => check(account.id, ['accounts', i, 'id']))
    config.competitors.forEach((competitor, c) =>
      competitor.accounts.forEach((account, i) => check(account.id, ['competitors', c, 'accounts', i, 'id'])),
    )
    checkGoals(config, ctx)
  })

/** A goal names one of our accounts (not an unofficial one, not a competitor's), and `all` only with a metric that adds up. */
function checkGoals(config: { accounts: readonly Account[]; goals: readonly Goal[] }, ctx: z.RefinementCtx): void {
  const ours = config.accounts.filter((account) => account.owner !== 'unofficial').map((account) => account.id)
  config.goals.forEach((goal, i) => {
    if (goal.account === ALL_ACCOUNTS) {
      if (!GOAL_METRICS_FOR_ALL.includes(goal.metric)) {
        ctx.addIssue({ code: 'custom', path: ['goals', i, 'metric'], message: `${goal.metric} cannot be summed over all accounts (a median per post does not add up): set it per account` })
      }
    } else if (!ours.includes(goal.account)) {
      const unofficial = config.accounts.some((account) => account.id === goal.account)
      ctx.addIssue({
        code: 'custom',
        path: ['goals', i, 'account'],
        message: `${unofficial ? `account "${goal.account}" is not ours (owner: unofficial)` : `unknown account "${goal.account}"`} (known: ${[ALL_ACCOUNTS, ...ours].join(', ')})`,
      })
    }
  })
}

export type WorkspaceConfig = z.output<typeof workspaceConfigSchema>

