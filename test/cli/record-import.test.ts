// Given a workspace, when figures are entered by hand with `showtell record`
// or `showtell import`, then good figures reach the history with source
// `manual` and the note, a bad figure or row is exit 2 naming the field (and
// the file and line) with nothing written, the workspace lock is respected,
// and the deck shows the figure as data captioned "entered by hand on DATE"
// until a newer automatic value exists.
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const HISTORY = join('history', 'snapshots.jsonl')

async function historyLines(workspace: string): Promise<unknown[]> {
  const text = await readFile(join(workspace, HISTORY), 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown)
}

describe('showtell record', () => {
  it('adds one entry with each metric by hand, the note on each, and says what it recorded', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli(['record', 'testco-linkedin', 'followers=12500', 'lastPostAt=2026-11-18', '--date', '2026-11-20', '--note', 'from LinkedIn analytics, Visitors'], { cwd: workspace })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('Recorded by hand for testco-linkedin on 2026-11-20: followers 12,500, lastPostAt 2026-11-18 · history in history/snapshots.jsonl\n')
    const [entry, ...more] = await historyLines(workspace)
    expect(more).toEqual([])
    expect(entry).toEqual({
      date: '2026-11-20',
      capturedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      account: 'testco-linkedin',
      platform: 'linkedin',
      status: 'ok',
      metrics: {
        followers: { value: 12500, source: 'manual', note: 'from LinkedIn analytics, Visitors' },
        lastPostAt: { value: '2026-11-18T00:00:00.000Z', source: 'manual', note: 'from LinkedIn analytics, Visitors' },
      },
    })
  })

  it.each([
    ['an unknown account', ['record', 'testco-tiktok', 'followers=1'], 'showtell: ACCOUNT: unknown account "testco-tiktok" (hint: use an account id from showtell.yaml: testco-linkedin)\n'],
    ['an unknown metric', ['record', 'testco-linkedin', 'likes=1'], 'showtell: likes: unknown metric "likes" (hint: use one of followers, following, posts, lastPostAt, postsPerMonth)\n'],
    ['a number with a separator', ['record', 'testco-linkedin', 'followers=12,500'], 'showtell: followers: not a whole number ≥ 0: "12,500" (hint: write the number with digits only, e.g. 12500 (no separators, no K))\n'],
    ['a negative number', ['record', 'testco-linkedin', 'posts=-1'], 'showtell: posts: not a whole number ≥ 0: "-1" (hint: write the number with digits only, e.g. 12500 (no separators, no K))\n'],
    ['a count that is not a number', ['record', 'testco-linkedin', 'followers=12k'], 'showtell: followers: not a whole number ≥ 0: "12k" (hint: write the number with digits only, e.g. 12500 (no separators, no K))\n'],
    ['a last post that is not a date', ['record', 'testco-linkedin', 'lastPostAt=yesterday'], 'showtell: lastPostAt: not a real date: "yesterday" (hint: lastPostAt is the day of the latest post, as YYYY-MM-DD)\n'],
    ['a date that is not real', ['record', 'testco-linkedin', 'followers=1', '--date', '2026-02-30'], 'showtell: --date: not a real date: "2026-02-30" (hint: write the day the figure is for as YYYY-MM-DD, e.g. 2026-12-04)\n'],
    ['a date to come', ['record', 'testco-linkedin', 'followers=1', '--date', '2999-01-01'], /^showtell: --date: 2999-01-01 is after today \(\d{4}-\d\d-\d\d\) \(hint: a figure by hand is what the platform showed on a day that has come\)\n$/],
    ['one good figure and one bad', ['record', 'testco-linkedin', 'followers=10', 'posts=many'], 'showtell: posts: not a whole number ≥ 0: "many" (hint: write the number with digits only, e.g. 12500 (no separators, no K))\n'],
    ['no METRIC=VALUE', ['record', 'testco-linkedin'], /^showtell: usage: showtell record ACCOUNT METRIC=VALUE/],
  ])('refuses %s with exit 2, naming the field, and writes nothing', async (_name, args, message) => {
    const workspace = await makeWorkspace()
    const result = await runCli(args, { cwd: workspace })
    expect(result.code).toBe(2)
    if (typeof message === 'string') expect(result.stderr).toBe(message)
    else expect(result.stderr).toMatch(message)
    expect(result.stdout).toBe('')
    expect(existsSync(join(workspace, 'history'))).toBe(false)
  })
})

const GOOD_CSV = `date,account,metric,value,note
2026-11-17,testco-linkedin,followers,12000,"from analytics, export ""Q4"""
2026-11-17,testco-linkedin,posts,300,
2026-11-20,testco-linkedin,followers,12500,typed in
`

describe('showtell import', () => {
  it('imports every row, keeping a quoted note that holds a comma and quotes', async () => {
    const workspace = await makeWorkspace({ 'figures.csv': GOOD_CSV })
    const result = await runCli(['import', 'figures.csv'], { cwd: workspace })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('Imported 3 figures by hand for 1 account from figures.csv · history in history/snapshots.jsonl\n')
    const lines = await historyLines(workspace)
    expect(lines).toEqual([
      expect.objectContaining({
        date: '2026-11-17',
        account: 'testco-linkedin',
        status: 'ok',
        metrics: { followers: { value: 12000, source: 'manual', note: 'from analytics, export "Q4"' }, posts: { value: 300, source: 'manual' } },
      }),
      expect.objectContaining({ date: '2026-11-20', account: 'testco-linkedin', status: 'ok', metrics: { followers: { value: 12500, source: 'manual', note: 'typed in' } } }),
    ])
  })

  it.each([
    ['a bad value', `${GOOD_CSV}2026-11-21,testco-linkedin,followers,12.5k,\n`, 'showtell: figures.csv:5 value: not a whole number ≥ 0: "12.5k" (hint: write the number with digits only, e.g. 12500 (no separators, no K))\n'],
    ['an unknown account', `${GOOD_CSV}2026-11-21,testco-x,followers,1,\n`, 'showtell: figures.csv:5 account: unknown account "testco-x" (hint: use an account id from showtell.yaml: testco-linkedin)\n'],
    ['a date that is not real', `${GOOD_CSV}2026-11-31,testco-linkedin,followers,1,\n`, 'showtell: figures.csv:5 date: not a real date: "2026-11-31" (hint: write the day the figure is for as YYYY-MM-DD, e.g. 2026-12-04)\n'],
    ['a comma in an unquoted note', `${GOOD_CSV}2026-11-21,testco-linkedin,followers,1,from analytics, page 2\n`, 'showtell: figures.csv:5: the row has 6 fields; the header has 5 (hint: put a field holding a comma in double quotes: "from analytics, page 2")\n'],
    ['a quote never closed', `${GOOD_CSV}2026-11-21,testco-linkedin,followers,1,"from analytics\n`, 'showtell: figures.csv:5: a quote that is never closed (hint: fix the quoting on that line)\n'],
    ['the same figure twice', `${GOOD_CSV}2026-11-20,testco-linkedin,followers,12600,\n`, 'showtell: figures.csv:5 metric: testco-linkedin followers on 2026-11-20 is already on line 4 (hint: keep one figure per account, metric and date)\n'],
    ['a misspelt column', GOOD_CSV.replace('note', 'notes'), 'showtell: figures.csv:1: unknown column "notes" (hint: the columns are date, account, metric, value, note (note is optional))\n'],
    ['a note on two lines', `${GOOD_CSV}2026-11-21,testco-linkedin,followers,1,"from analytics\npage 2"\n`, 'showtell: figures.csv:5 note: the note holds a line break or another control character (hint: write the note on one line)\n'],
    ['semicolons between the fields', 'date;account;metric;value\n2026-11-20;testco-linkedin;followers;1\n', 'showtell: figures.csv:1: the header is one column holding semicolons (hint: save the file as CSV with commas between the fields)\n'],
    ['no value column', 'date,account,metric\n2026-11-20,testco-linkedin,followers\n', 'showtell: figures.csv:1: the header has no value column (hint: the header row is date,account,metric,value and optionally note)\n'],
  ])('refuses a file with %s: exit 2 naming the line and field, and the history byte for byte as it was', async (_name, csv, message) => {
    const workspace = await makeWorkspace({ 'figures.csv': csv })
    // Given a history that already holds a figure.
    expect((await runCli(['record', 'testco-linkedin', 'followers=11000', '--date', '2026-11-10'], { cwd: workspace })).code).toBe(0)
    const before = await readFile(join(workspace, HISTORY))
    const result = await runCli(['import', 'figures.csv'], { cwd: workspace })
    expect(result.stderr).toBe(message)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect((await readFile(join(workspace, HISTORY))).equals(before)).toBe(true)
  })

  it('reads a file saved with a byte-order mark and CRLF line ends (a spreadsheet\'s "CSV UTF-8")', async () => {
    const workspace = await makeWorkspace()
    await writeFile(join(workspace, 'excel.csv'), `\ufeff${GOOD_CSV.replaceAll('\n', '\r\n')}`)
    const result = await runCli(['import', 'excel.csv'], { cwd: workspace })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(await historyLines(workspace)).toEqual([
      expect.objectContaining({ date: '2026-11-17', metrics: { followers: { value: 12000, source: 'manual', note: 'from analytics, export "Q4"' }, posts: { value: 300, source: 'manual' } } }),
      expect.objectContaining({ date: '2026-11-20', metrics: { followers: { value: 12500, source: 'manual', note: 'typed in' } } }),
    ])
  })

  it('keeps a token pasted into a note out of the history', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli(['record', 'testco-linkedin', 'followers=1', '--date', '2026-11-20', '--note', 'read with Authorization: Bearer abc123secretvalue'], { cwd: workspace })
    expect(result.code).toBe(0)
    const text = await readFile(join(workspace, HISTORY), 'utf8')
    expect(text).not.toContain('abc123secretvalue')
    expect(text).toContain('read with Authorization: ')
  })

  it('refuses a file over 1 MB and a file that is not UTF-8, like the workspace files', async () => {
    const workspace = await makeWorkspace()
    const big = `date,account,metric,value,note\n${`2026-11-20,testco-linkedin,followers,1,${'x'.repeat(200)}\n`.repeat(6000)}`
    await writeFile(join(workspace, 'big.csv'), big)
    const tooBig = await runCli(['import', 'big.csv'], { cwd: workspace })
    expect(tooBig.code).toBe(2)
    expect(tooBig.stderr).toMatch(/^showtell: big\.csv: the file is 1\.\d MB; the limit is 1 MB \(hint: /)
    await writeFile(join(workspace, 'latin1.csv'), Buffer.concat([Buffer.from('date,account,metric,value,note\n2026-11-20,testco-linkedin,followers,1,'), Buffer.from([0xe6, 0x72, 0x0a])]))
    const latin1 = await runCli(['import', 'latin1.csv'], { cwd: workspace })
    expect(latin1.code).toBe(2)
    expect(latin1.stderr).toBe('showtell: latin1.csv:2: the file is not valid UTF-8 (hint: save it as UTF-8: most editors offer "Save with Encoding")\n')
    expect(existsSync(join(workspace, 'history'))).toBe(false)
  })
})

describe('the workspace lock', () => {
  const REFUSED = /^showtell: another showtell process \(pid \d+, building 2026-11-24-policy since 2026-11-24T09:00:00\.000Z\) holds the lock .*\.build\.lock \(hint: wait for it to finish; if that process is gone, delete the lock file\)\n$/

  it.each([
    ['record', ['record', 'testco-linkedin', 'followers=12500', '--date', '2026-11-20']],
    ['import', ['import', 'figures.csv']],
  ])('%s is refused while another process holds it, and writes nothing', async (_name, args) => {
    const workspace = await makeWorkspace({ 'figures.csv': GOOD_CSV })
    await mkdir(join(workspace, 'out'))
    // This test process is alive: its lock is not stale.
    await writeFile(join(workspace, 'out', '.build.lock'), JSON.stringify({ pid: process.pid, purpose: 'building 2026-11-24-policy', since: '2026-11-24T09:00:00.000Z' }))
    const result = await runCli(args, { cwd: workspace })
    expect(result.stderr).toMatch(REFUSED)
    expect(result.code).toBe(1)
    expect(existsSync(join(workspace, 'history'))).toBe(false)
  })
})

describe('a figure by hand in the deck', () => {
  const BUILD = ['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', '45', '--format', 'md', '--no-snapshots']

  it('is shown as data, captioned "entered by hand on DATE" with the note, until a newer automatic value exists', async () => {
    const workspace = await makeWorkspace()
    expect((await runCli(['record', 'testco-linkedin', 'followers=12000', '--date', '2026-11-10'], { cwd: workspace })).code).toBe(0)
    const recorded = await runCli(['record', 'testco-linkedin', 'followers=12500', '--date', '2026-11-20', '--note', 'from LinkedIn analytics, Visitors tab'], { cwd: workspace })
    expect(recorded.code).toBe(0)

    const built = await runCli(BUILD, { cwd: workspace })
    expect(built.stderr).not.toMatch(/showtell:/)
    expect(built.code).toBe(0)
    const deck = await readFile(join(workspace, 'out', '2026-11-24-policy', 'deck.md'), 'utf8')
    expect(deck).toContain('# LinkedIn: 12,500 followers')
    // Its tile on the overview: the name, the hand figure, its change and that it was entered by hand.
    expect(deck).toContain('**Testco on LinkedIn**\n  12,500 followers\n  ▲ 500 · entered by hand')
    // The caption (Marp's footer on an account slide), escaped as every caption is.
    expect(deck).toContain('<!-- _footer: "entered by hand on 2026\\\\-11\\\\-20 · from LinkedIn analytics, Visitors tab" -->')

    // When an automatic value newer than the hand figure is in the history
    await appendFile(
      join(workspace, HISTORY),
      `${JSON.stringify({ date: '2026-11-22', capturedAt: '2026-11-22T08:00:00.000Z', account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 13100, source: 'api' } } })}\n`,
    )
    const again = await runCli(BUILD, { cwd: workspace })
    expect(again.code).toBe(0)
    const newer = await readFile(join(workspace, 'out', '2026-11-24-policy', 'deck.md'), 'utf8')
    // then the hand figure is no longer shown as today's number.
    expect(newer).not.toContain('entered by hand')
    expect(newer).not.toContain('# LinkedIn: 12,500 followers')
  })
})

describe('--json', () => {
  it('record and import print the history entries they added', async () => {
    const workspace = await makeWorkspace({ 'figures.csv': GOOD_CSV })
    const recorded = await runCli(['record', 'testco-linkedin', 'posts=310', '--date', '2026-11-21', '--note', 'typed in', '--json'], { cwd: workspace })
    expect(recorded.code).toBe(0)
    expect(JSON.parse(recorded.stdout)).toEqual([
      { date: '2026-11-21', capturedAt: expect.any(String), account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { posts: { value: 310, source: 'manual', note: 'typed in' } } },
    ])
    const imported = await runCli(['import', 'figures.csv', '--json'], { cwd: workspace })
    expect(imported.code).toBe(0)
    const added = JSON.parse(imported.stdout) as { date: string }[]
    expect(added.map((entry) => entry.date)).toEqual(['2026-11-17', '2026-11-20'])
    expect(await historyLines(workspace)).toEqual([...(JSON.parse(recorded.stdout) as unknown[]), ...added])
  })
})
