// Bad input, end to end: a corpus of broken workspaces, broken topic files and
// bad flags, each run through the built CLI as a user would run it. For every
// case: exit status 2, one line on stderr that names the file, the line and the
// field (or the flag), no stack trace, nothing on stdout, and nothing written.
//
// Every expected line number below was counted by hand in its fixture; none is
// computed by the code under test.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const BUILD = ['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'md']
const TOPICS = ['topics']
const TOPICS_JSON = ['topics', '--json']

interface Case {
  readonly name: string
  /** Workspace files (path → content); `showtell.yaml` defaults to the valid MINIMAL_CONFIG. */
  readonly files: Record<string, string>
  readonly args: readonly string[]
  /** File errors: the file as shown to the user (relative to the workspace). */
  readonly file?: string
  /** File errors: the 1-based line, counted by hand in the fixture. */
  readonly line?: number
  /** The field path (file errors) or the flag (flag errors). */
  readonly field?: string
  /** Parts of the message a user relies on. */
  readonly says?: readonly (string | RegExp)[]
}

// A small valid topic used as the base for the broken ones (16 lines):
//  1 id  2 title  3 summary  4 why  5 - item  6 keyPoints  7 - title  8 detail  9 notes
// 10 demo  11 focus  12 platforms  13 exercise  14 title  15 steps  16 - item
const VALID_TOPIC = `id: custom
title: A custom topic
summary: One paragraph about it.
why:
  - It matters now.
keyPoints:
  - title: A point
    detail: Some detail.
    notes: Speaker notes.
demo:
  focus: Look at the feeds.
  platforms: [linkedin, x]
exercise:
  title: Try it
  steps:
    - Do the thing.
`

const cases: Case[] = [
  // ── malformed YAML ──────────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: bad indentation',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
   url: https://www.linkedin.com/company/testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 6,
    says: ['malformed YAML'],
  },
  {
    name: 'showtell.yaml: unclosed quote',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00
  timezone: Europe/Oslo
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 5, // where the quote opens, not the end of the file
    says: ['malformed YAML', /quote/i],
  },
  {
    name: 'showtell.yaml: unclosed bracket',
    files: {
      'showtell.yaml': `company:
  name: Testco
  aliases: [Acme, AcmeCorp
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 3, // where the bracket opens
    says: ['malformed YAML', /\]/],
  },
  {
    name: 'showtell.yaml: duplicate key',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
  weekday: friday
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 6,
    field: 'meeting.weekday',
    says: [/duplicate|unique/i],
  },

  // ── company ─────────────────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: company.name missing',
    files: {
      'showtell.yaml': `company:
  aliases: [Acme]
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 1,
    field: 'company.name',
    says: ['required'],
  },
  {
    name: 'showtell.yaml: company is not a map',
    files: {
      'showtell.yaml': `company: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 1,
    field: 'company',
    says: [/object|map/],
  },

  // ── accounts ────────────────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: unknown platform "myspace"',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
  - id: testco-space
    platform: myspace
    url: https://myspace.com/testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 8,
    field: 'accounts[1].platform',
    says: ['unknown platform "myspace"', /known: .*bluesky.*linkedin.*website/],
  },
  {
    name: 'showtell.yaml: account with neither url nor handle',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
    label: Testco on LinkedIn
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 4,
    field: 'accounts[0]',
    says: ['url', 'handle'],
  },
  {
    name: 'showtell.yaml: ftp:// url',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-feed
    platform: blog
    url: ftp://ftp.testco.example/feed
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 6,
    field: 'accounts[0].url',
    says: [/http/],
  },
  {
    name: 'showtell.yaml: javascript: url in a competitor account',
    files: {
      'showtell.yaml': `company:
  name: Testco
competitors:
  - name: Globex
    accounts:
      - id: globex-blog
        platform: blog
        url: "javascript:alert(1)"
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 8,
    field: 'competitors[0].accounts[0].url',
    says: [/http/],
  },
  {
    name: 'showtell.yaml: owner not official/executive/unofficial',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
    owner: ceo
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 7,
    field: 'accounts[0].owner',
    says: ['official', 'executive', 'unofficial', 'ceo'],
  },
  {
    name: 'showtell.yaml: duplicate account ids',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
  - id: testco-linkedin
    platform: x
    handle: testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 7,
    field: 'accounts[1].id',
    says: ['duplicate id "testco-linkedin"'],
  },
  {
    name: 'showtell.yaml: duplicate id between accounts and competitors',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: shared-id
    platform: linkedin
    url: https://www.linkedin.com/company/testco
competitors:
  - name: Globex
    accounts:
      - id: shared-id
        platform: x
        handle: globex
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: TOPICS_JSON,
    file: 'showtell.yaml',
    line: 10,
    field: 'competitors[0].accounts[0].id',
    says: ['duplicate id "shared-id"', 'accounts[0].id'],
  },
  {
    name: 'showtell.yaml: id "../x" is not a safe slug',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: ../x
    platform: linkedin
    url: https://www.linkedin.com/company/testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 4,
    field: 'accounts[0].id',
    says: ['safe id'],
  },
  {
    name: 'showtell.yaml: id "Acme_LinkedIn" is not a safe slug',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: Acme_LinkedIn
    platform: linkedin
    url: https://www.linkedin.com/company/testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 4,
    field: 'accounts[0].id',
    says: ['safe id'],
  },
  {
    name: 'showtell.yaml: empty id',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: ""
    platform: linkedin
    url: https://www.linkedin.com/company/testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 4,
    field: 'accounts[0].id',
    says: ['safe id'],
  },

  // ── meeting ─────────────────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: meeting.duration 25',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 25
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 7,
    field: 'meeting.duration',
    says: ['between 30 and 60'],
  },
  {
    name: 'showtell.yaml: meeting.duration 61',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 61
  start: 2026-11-24
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 7,
    field: 'meeting.duration',
    says: ['between 30 and 60'],
  },
  {
    name: 'showtell.yaml: meeting.duration "forty"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: forty
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 7,
    field: 'meeting.duration',
    says: [/number/, 'forty'],
  },
  {
    name: 'showtell.yaml: meeting.weekday "funday"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: funday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 4,
    field: 'meeting.weekday',
    says: ['funday', 'monday', 'sunday'],
  },
  {
    name: 'showtell.yaml: meeting.timezone "Mars/Olympus"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Mars/Olympus
  duration: 45
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 6,
    field: 'meeting.timezone',
    says: ['IANA'],
  },
  {
    name: 'showtell.yaml: meeting.time "9am"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: 9am
  timezone: Europe/Oslo
  duration: 45
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 5,
    field: 'meeting.time',
    says: ['HH:MM'],
  },
  {
    name: 'showtell.yaml: meeting.start 2026-02-30 is not a real date',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2026-02-30
`,
    },
    args: TOPICS_JSON,
    file: 'showtell.yaml',
    line: 8,
    field: 'meeting.start',
    says: [/date/],
  },
  {
    name: 'showtell.yaml: meeting.skip entry "next week"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2026-11-24
  skip:
    - 2026-12-29
    - next week
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 11,
    field: 'meeting.skip[1]',
    says: ['YYYY-MM-DD'],
  },

  // ── unknown fields ──────────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: unknown top-level field "acounts"',
    files: {
      'showtell.yaml': `company:
  name: Testco
acounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 3,
    field: 'acounts',
    says: ['unknown field "acounts"'],
  },
  {
    name: 'showtell.yaml: unknown nested field "handel"',
    files: {
      'showtell.yaml': `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
    handel: testco
meeting:
  weekday: tuesday
  start: 2026-11-24
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 7,
    field: 'accounts[0].handel',
    says: ['unknown field "handel"'],
  },

  // ── rotation ────────────────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: rotation.policy "random"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
rotation:
  policy: random
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 7,
    field: 'rotation.policy',
    says: ['random', 'least-recent', 'in-order'],
  },
  {
    name: 'showtell.yaml: rotation.pins names an unknown topic',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
rotation:
  pins:
    2026-12-08: nosuchtopic
`,
    },
    args: BUILD,
    file: 'showtell.yaml',
    line: 8,
    field: 'rotation.pins.2026-12-08',
    says: ['unknown topic "nosuchtopic"', /known: .*crisis.*policy/],
  },
  {
    name: 'showtell.yaml: rotation.order names an unknown topic',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
rotation:
  policy: in-order
  order:
    - policy
    - nosuchtopic
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 10,
    field: 'rotation.order[1]',
    says: ['unknown topic "nosuchtopic"', /known: .*crisis.*policy/],
  },

  // ── the audit section ───────────────────────────────────────────────────────
  {
    name: 'showtell.yaml: audit.budget 0',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
audit:
  budget: 0
`,
    },
    args: ['audit'],
    file: 'showtell.yaml',
    line: 7,
    field: 'audit.budget',
    says: ['from 1 to 10000 requests'],
  },
  {
    name: 'showtell.yaml: audit.budget "lots"',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
audit:
  delayMs: 250
  budget: lots
`,
    },
    args: ['audit', '--json'],
    file: 'showtell.yaml',
    line: 8,
    field: 'audit.budget',
    says: ['whole number of requests', '"lots"'],
  },
  {
    name: 'showtell.yaml: audit.delayMs 2.5',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
audit:
  delayMs: 2.5
`,
    },
    args: TOPICS,
    file: 'showtell.yaml',
    line: 7,
    field: 'audit.delayMs',
    says: ['whole number of milliseconds'],
  },
  {
    name: 'showtell.yaml: audit has an unknown key',
    files: {
      'showtell.yaml': `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
audit:
  budget: 100
  rate: 5
`,
    },
    args: ['audit'],
    file: 'showtell.yaml',
    line: 8,
    field: 'audit.rate',
    says: ['unknown field "rate"'],
  },

  // ── topic files in the workspace ────────────────────────────────────────────
  {
    name: 'topics/custom.yaml: malformed YAML (colon in a plain title)',
    files: { 'topics/custom.yaml': VALID_TOPIC.replace('title: A custom topic', 'title: Policy: the basics') },
    args: BUILD,
    file: 'topics/custom.yaml',
    line: 2,
    says: ['malformed YAML'],
  },
  {
    name: 'topics/custom.yaml: malformed YAML (bad indentation)',
    files: { 'topics/custom.yaml': VALID_TOPIC.replace('    notes: Speaker notes.', '   notes: Speaker notes.') },
    args: TOPICS,
    file: 'topics/custom.yaml',
    line: 9,
    says: ['malformed YAML'],
  },
  {
    name: 'topics/custom.yaml: keyPoints item without notes',
    files: { 'topics/custom.yaml': VALID_TOPIC.replace('    notes: Speaker notes.\n', '') },
    args: BUILD,
    file: 'topics/custom.yaml',
    line: 7,
    field: 'keyPoints[0].notes',
    says: ['required'],
  },
  {
    name: 'topics/custom.yaml: demo.platforms contains "myspace"',
    files: {
      'topics/custom.yaml': `id: custom
title: A custom topic
summary: One paragraph about it.
why:
  - It matters now.
keyPoints:
  - title: A point
    detail: Some detail.
    notes: Speaker notes.
demo:
  focus: Look at the feeds.
  platforms:
    - linkedin
    - myspace
exercise:
  title: Try it
  steps:
    - Do the thing.
`,
    },
    args: BUILD,
    file: 'topics/custom.yaml',
    line: 14,
    field: 'demo.platforms[1]',
    says: ['unknown platform "myspace"', /known: .*bluesky.*linkedin/],
  },
  {
    name: 'topics/policy.yaml (workspace override): empty title',
    files: { 'topics/policy.yaml': VALID_TOPIC.replace('id: custom', 'id: policy').replace('title: A custom topic', 'title: ""') },
    args: BUILD,
    file: 'topics/policy.yaml',
    line: 2,
    field: 'title',
    says: ['empty'],
  },
  {
    name: 'topics/custom.yaml: id does not match the file name',
    files: { 'topics/custom.yaml': VALID_TOPIC.replace('id: custom', 'id: other') },
    args: TOPICS_JSON,
    file: 'topics/custom.yaml',
    line: 1,
    field: 'id',
    says: ['"other"', 'custom.yaml'],
  },
  {
    name: 'topics/Bad_Name.yaml: file name is not a safe slug',
    files: { 'topics/Bad_Name.yaml': VALID_TOPIC.replace('id: custom', 'id: bad-name') },
    args: BUILD,
    file: 'topics/Bad_Name.yaml',
    says: ['Bad_Name.yaml', /safe/],
  },

  // ── flags ───────────────────────────────────────────────────────────────────
  {
    name: 'flag: --duration 25',
    files: {},
    args: ['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', '25', '--no-snapshots', '--format', 'md'],
    field: '--duration',
    says: ['25', /30\D{1,10}60/],
  },
  {
    name: 'flag: --duration abc',
    files: {},
    args: ['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', 'abc', '--no-snapshots', '--format', 'md'],
    field: '--duration',
    says: ['"abc"'],
  },
  {
    name: 'flag: --date 2026-13-01',
    files: {},
    args: ['build', '--topic', 'policy', '--date', '2026-13-01', '--no-snapshots', '--format', 'md'],
    field: '--date',
    says: ['2026-13-01', 'YYYY-MM-DD'],
  },
  {
    name: 'flag: --topic ../etc',
    files: {},
    args: ['build', '--topic', '../etc', '--date', '2026-11-24', '--no-snapshots', '--format', 'md'],
    field: '--topic',
    says: ['"../etc"'],
  },
  {
    name: 'flag: --topic nosuchtopic',
    files: {},
    args: ['build', '--topic', 'nosuchtopic', '--date', '2026-11-24', '--no-snapshots', '--format', 'md'],
    field: '--topic',
    says: ['unknown topic "nosuchtopic"', 'policy'],
  },
  {
    name: 'flag: --format html,docx',
    files: {},
    args: ['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'html,docx'],
    field: '--format',
    says: ['"docx"', /html.*pdf.*handout.*md/],
  },
  {
    name: 'flag: --budget 0',
    files: {},
    args: ['audit', '--budget', '0'],
    field: '--budget',
    says: ['"0"', /1 to 10000/],
  },
  {
    name: 'flag: --budget many',
    files: {},
    args: ['audit', '--budget', 'many', '--json'],
    field: '--budget',
    says: ['"many"'],
  },
  {
    name: 'history/audit.json: not JSON (a build reads the latest audit)',
    files: { 'history/audit.json': '{ "ranAt": "2026-11-21T14:02:11.512Z", "findings": [' },
    args: BUILD,
    file: 'history/audit.json',
    says: ['not valid JSON', 'showtell audit'],
  },
  {
    name: 'flag: unknown --colour',
    files: {},
    args: ['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'md', '--colour'],
    field: '--colour',
    says: [/unknown/i],
  },
]

describe('bad input: exit 2, one clear line, nothing written', () => {
  it('the corpus is large enough and its names are unique', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24)
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length)
    expect(cases.filter((c) => c.file !== undefined).length).toBeGreaterThanOrEqual(20)
  })

  it.concurrent.for(cases)('$name', async (c, { expect }) => {
    const dir = await makeWorkspace(c.files)
    try {
      const before = await listTree(dir)
      const result = await runCli([...c.args], { cwd: dir, timeoutMs: 30_000 })
      const after = await listTree(dir)
      const stderr = result.stderr.trim()
      const context = `stderr: ${result.stderr}\nstdout: ${result.stdout}`

      expect(result.code, context).toBe(2)
      expect(result.stdout, context).toBe('')

      // One line, in the agreed shape, without a stack trace.
      expect(stderr.split('\n'), context).toHaveLength(1)
      expect(stderr, context).toMatch(/^showtell: /)
      expect(stderr, context).not.toMatch(/\n\s+at /)
      expect(stderr, context).not.toMatch(/\.(?:[cm]?[jt]sx?):\d/)
      expect(stderr, context).not.toMatch(/unexpected error|SHOWTELL_DEBUG/)
      // Every fixture holds exactly one mistake: the message must not claim more.
      expect(stderr, context).not.toMatch(/more problem/)

      if (c.file !== undefined) {
        // `showtell: <file>:<line> <field>: <message>`
        const where = `${c.file}${c.line === undefined ? '' : `:${c.line}`}`
        expect(stderr, context).toMatch(new RegExp(`^showtell: ${escape(where)}[ :]`))
        if (c.field !== undefined) expect(stderr.startsWith(`showtell: ${where} ${c.field}: `), context).toBe(true)
        else expect(stderr.startsWith(`showtell: ${where}: `), context).toBe(true)
      } else {
        expect(stderr, context).toContain(c.field!)
      }
      for (const part of c.says ?? []) {
        if (typeof part === 'string') expect(stderr, context).toContain(part)
        else expect(stderr, context).toMatch(part)
      }

      // Nothing written: the same files, and no out/ folder at all.
      expect(after).toEqual(before)
      expect(existsSync(join(dir, 'out')), 'out/ must not be created').toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
