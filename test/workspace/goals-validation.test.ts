// Given a showtell.yaml whose goals name something that does not exist, when
// `showtell build` loads it through the real loader (the built CLI), then it
// exits 2 with one line naming the file, the line and the field, and writes
// nothing. A goal whose date has passed is valid (it shows as reached or
// missed). Every expected line was counted by hand in the fixture below.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const BUILD = ['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'md']

// Lines: 14 goals:, 15-18 a valid goal, 19 account, 20 metric, 21 target, 22 by of the goal under test.
function config(goal: { account: string; metric: string; target: string; by: string }): string {
  return `company:
  name: Testco
accounts:
  - id: testco-linkedin
    platform: linkedin
    handle: testco
  - id: fan-page
    platform: instagram
    handle: testco_fans
    owner: unofficial
meeting:
  weekday: tuesday
  start: 2026-11-24
goals:
  - account: testco-linkedin
    metric: followers
    target: 5000
    by: 2027-03-30
  - account: ${goal.account}
    metric: ${goal.metric}
    target: ${goal.target}
    by: ${goal.by}
`
}

const good = { account: 'testco-linkedin', metric: 'followers', target: '5000', by: '2027-03-30' }

const cases = [
  {
    name: 'an unknown account',
    goal: { ...good, account: 'nosuch' },
    line: 'showtell: showtell.yaml:19 goals[1].account: unknown account "nosuch" (known: all, testco-linkedin)',
  },
  {
    name: 'an unofficial account (not ours)',
    goal: { ...good, account: 'fan-page' },
    line: 'showtell: showtell.yaml:19 goals[1].account: account "fan-page" is not ours (owner: unofficial) (known: all, testco-linkedin)',
  },
  {
    name: 'an unknown metric',
    goal: { ...good, metric: 'likes' },
    line: 'showtell: showtell.yaml:20 goals[1].metric: unknown metric "likes" (known: followers, posts, postsPerMonth, interactionsPerPost)',
  },
  {
    name: 'a median summed over all accounts',
    goal: { ...good, account: 'all', metric: 'interactionsPerPost' },
    line: 'showtell: showtell.yaml:20 goals[1].metric: interactionsPerPost cannot be summed over all accounts (a median per post does not add up): set it per account',
  },
  {
    name: 'a date that is not in the calendar',
    goal: { ...good, by: '2027-02-30' },
    line: 'showtell: showtell.yaml:22 goals[1].by: not a real calendar date',
  },
  {
    name: 'a date that is not YYYY-MM-DD',
    goal: { ...good, by: '2027-3-30' },
    line: 'showtell: showtell.yaml:22 goals[1].by: not a date: use YYYY-MM-DD',
  },
  {
    name: 'a target that is not positive',
    goal: { ...good, target: '-5' },
    line: 'showtell: showtell.yaml:21 goals[1].target: must be a positive number',
  },
] as const

describe('goals in showtell.yaml: bad input is exit 2 with file, line and field', () => {
  it.concurrent.for(cases)('$name', async (c, { expect }) => {
    const dir = await makeWorkspace({ 'showtell.yaml': config(c.goal) })
    try {
      const result = await runCli(BUILD, { cwd: dir, timeoutMs: 30_000 })
      const context = `stderr: ${result.stderr}\nstdout: ${result.stdout}`
      expect(result.code, context).toBe(2)
      expect(result.stdout, context).toBe('')
      expect(result.stderr.trim(), context).toBe(c.line)
      expect(existsSync(join(dir, 'out')), 'out/ must not be created').toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a goal whose date has passed is valid: the build runs', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': config({ ...good, by: '2020-01-07' }) })
    try {
      const result = await runCli(BUILD, { cwd: dir, timeoutMs: 30_000 })
      expect(result.code, result.stderr).toBe(0)
      expect(existsSync(join(dir, 'out', '2026-11-24-policy', 'deck.md'))).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
