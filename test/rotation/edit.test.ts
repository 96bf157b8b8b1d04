// `showtell schedule pin/unpin/skip/unskip` edit showtell.yaml in place: every
// line but the edited ones stays byte for byte (comments, blank lines, key
// order, quoting), in both flow and block styles. Rejected edits exit 2 and
// leave the file alone.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addSkip, removePin, removeSkip, setPin } from '../../src/workspace/edit.js'
import { runCli } from '../helpers/cli.js'
import { runAt } from './support.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

/**
 * The changed lines between two texts, in order: `- line` removed, `+ line` added
 * (a longest-common-subsequence diff on lines split at \n, so \r stays visible).
 */
function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++
      j++
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`- ${a[i++]}`)
    } else {
      out.push(`+ ${b[j++]}`)
    }
  }
  return out
}

// Flow map for pins, block list for skip, comments and blank lines everywhere.
const FLOW_PINS = `# yaml-language-server: $schema=./schema/showtell.schema.json
#
# Fjord & Co's weekly executive briefing.
# Edited by hand and by \`showtell schedule\`: keep the comments!

company:
  name: Fjord & Co      # as it appears on slides
  aliases: [Fjord, "Fjord and Company"]

# When we meet.
meeting:
  weekday: tuesday        # every week
  time: "09:00"           # local time
  timezone: Europe/Oslo
  duration: 45            # minutes, 30-60
  start: 2026-11-24
  # Weeks we do not meet:
  skip:
    - 2026-12-22   # Christmas
    - 2026-12-29   # between the years

rotation:
  policy: least-recent    # or in-order
  order: [policy, governance, crisis]
  # The board asked for these:
  pins: { 2026-12-08: crisis, 2027-01-12: policy }   # keep short

deck:
  presenter: Communications team
  footer: "Fjord & Co · executive briefing"
`

// Block map for pins, flow list for skip.
const BLOCK_PINS = `# Fjord & Co — briefing settings
company:
  name: 'Fjord & Co'

meeting:
  weekday: tuesday
  time: '09:00'
  timezone: Europe/Oslo   # Oslo office
  duration: 45
  start: 2026-11-24
  skip: [2026-12-29]   # holidays

rotation:
  policy: in-order
  order:
    - policy
    - governance   # second
  pins:
    # agreed with the CEO
    2026-12-08: crisis    # after the incident
    2027-01-12: policy
  # more pins will come

deck:
  footer: Fjord & Co
`

async function edit(dir: string, args: string[]): Promise<{ before: string; after: string; stdout: string }> {
  const file = join(dir, 'showtell.yaml')
  const before = await readFile(file, 'utf8')
  const result = await runCli(['schedule', ...args], { cwd: dir })
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return { before, after: await readFile(file, 'utf8'), stdout: result.stdout }
}

describe('showtell schedule pin/unpin/skip/unskip keep every other line byte for byte', () => {
  it('flow map of pins, block list of skips', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': FLOW_PINS })

    let step = await edit(dir, ['pin', '2026-12-15', 'talent'])
    expect(step.stdout).toBe('Pinned Talent to 2026-12-15 (showtell.yaml)\n')
    expect(lineDiff(step.before, step.after)).toEqual([
      '-   pins: { 2026-12-08: crisis, 2027-01-12: policy }   # keep short',
      '+   pins: { 2026-12-08: crisis, 2027-01-12: policy, 2026-12-15: talent }   # keep short',
    ])

    step = await edit(dir, ['pin', '2026-12-08', 'listening'])
    expect(lineDiff(step.before, step.after)).toEqual([
      '-   pins: { 2026-12-08: crisis, 2027-01-12: policy, 2026-12-15: talent }   # keep short',
      '+   pins: { 2026-12-08: listening, 2027-01-12: policy, 2026-12-15: talent }   # keep short',
    ])

    step = await edit(dir, ['unpin', '2027-01-12'])
    expect(step.stdout).toBe('Unpinned 2027-01-12 (showtell.yaml)\n')
    expect(lineDiff(step.before, step.after)).toEqual([
      '-   pins: { 2026-12-08: listening, 2027-01-12: policy, 2026-12-15: talent }   # keep short',
      '+   pins: { 2026-12-08: listening, 2026-12-15: talent }   # keep short',
    ])

    step = await edit(dir, ['skip', '2027-01-05'])
    expect(step.stdout).toBe('Skipping 2027-01-05 (showtell.yaml)\n')
    expect(lineDiff(step.before, step.after)).toEqual(['+     - 2027-01-05'])
    // In place: right after the last item, before the blank line.
    expect(step.after).toContain('    - 2026-12-29   # between the years\n    - 2027-01-05\n\nrotation:\n')

    step = await edit(dir, ['unskip', '2026-12-22'])
    expect(step.stdout).toBe('No longer skipping 2026-12-22 (showtell.yaml)\n')
    expect(lineDiff(step.before, step.after)).toEqual(['-     - 2026-12-22   # Christmas'])

    step = await edit(dir, ['unpin', '2026-12-08'])
    step = await edit(dir, ['unpin', '2026-12-15'])
    expect(lineDiff(step.before, step.after)).toEqual([
      '-   pins: { 2026-12-15: talent }   # keep short',
      '+   pins: {}   # keep short',
    ])

    // Net effect of the whole session on the original file.
    expect(lineDiff(FLOW_PINS, step.after)).toEqual([
      '-     - 2026-12-22   # Christmas',
      '+     - 2027-01-05',
      '-   pins: { 2026-12-08: crisis, 2027-01-12: policy }   # keep short',
      '+   pins: {}   # keep short',
    ])
  })

  it('block map of pins, flow list of skips', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': BLOCK_PINS })

    let step = await edit(dir, ['pin', '2026-12-15', 'talent'])
    expect(lineDiff(step.before, step.after)).toEqual(['+     2026-12-15: talent'])
    expect(step.after).toContain('    2027-01-12: policy\n    2026-12-15: talent\n  # more pins will come\n')

    step = await edit(dir, ['pin', '2026-12-08', 'listening'])
    expect(lineDiff(step.before, step.after)).toEqual(['-     2026-12-08: crisis    # after the incident', '+     2026-12-08: listening    # after the incident'])

    step = await edit(dir, ['unpin', '2027-01-12'])
    expect(lineDiff(step.before, step.after)).toEqual(['-     2027-01-12: policy'])

    step = await edit(dir, ['skip', '2027-01-05'])
    expect(lineDiff(step.before, step.after)).toEqual(['-   skip: [2026-12-29]   # holidays', '+   skip: [2026-12-29, 2027-01-05]   # holidays'])

    step = await edit(dir, ['unskip', '2026-12-29'])
    expect(lineDiff(step.before, step.after)).toEqual(['-   skip: [2026-12-29, 2027-01-05]   # holidays', '+   skip: [2027-01-05]   # holidays'])

    step = await edit(dir, ['unskip', '2027-01-05'])
    expect(lineDiff(step.before, step.after)).toEqual(['-   skip: [2027-01-05]   # holidays', '+   skip: []   # holidays'])

    // Removing the last block entry leaves an empty map, not a null.
    step = await edit(dir, ['unpin', '2026-12-08'])
    step = await edit(dir, ['unpin', '2026-12-15'])
    expect(lineDiff(step.before, step.after)).toEqual(['-   pins:', '+   pins: {}', '-     2026-12-15: talent'])
    // The file still loads: the schedule runs on it.
    expect((await runCli(['schedule', '--json'], { cwd: dir })).code).toBe(0)
  })

  it('adds the key when the file has none yet, under the right parent', async () => {
    const text = `company:
  name: Fjord & Co
meeting:
  weekday: tuesday   # every week
  start: 2026-11-24

# The deck.
deck:
  footer: x
`
    const dir = await makeWorkspace({ 'showtell.yaml': text })
    let step = await edit(dir, ['skip', '2026-12-29'])
    expect(lineDiff(step.before, step.after)).toEqual(['+   skip: [2026-12-29]'])
    expect(step.after).toContain('  start: 2026-11-24\n  skip: [2026-12-29]\n\n# The deck.\n')
    step = await edit(dir, ['pin', '2026-12-08', 'crisis'])
    expect(lineDiff(step.before, step.after)).toEqual(['+ rotation:', '+   pins: { 2026-12-08: crisis }'])
    // And both edits take effect: on a fixed "today" before the first meeting, the pinned
    // date has its topic, and the skipped date is no meeting at all.
    const json = await runAt('2026-11-20T12:00:00Z', ['schedule', '--json', '--weeks', '8'], dir)
    expect(json.code, json.stderr).toBe(0)
    const meetings = JSON.parse(json.stdout) as { date: string; topic: string; reason: { kind: string } }[]
    expect(meetings.find((m) => m.date === '2026-12-08')).toMatchObject({ topic: 'crisis', reason: { kind: 'pinned' } })
    expect(meetings.map((m) => m.date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2027-01-05', '2027-01-12'])
  })
})

describe('rejected edits exit 2 and leave showtell.yaml untouched', () => {
  const cases: [string, string[], RegExp][] = [
    ['a Wednesday', ['pin', '2026-12-09', 'talent'], /2026-12-09 is not a meeting day/],
    ['a Tuesday before meeting.start', ['skip', '2026-11-17'], /2026-11-17 is not a meeting day/],
    ['a Sunday, to skip', ['skip', '2026-12-13'], /2026-12-13 is not a meeting day/],
    ['a Wednesday, to unpin', ['unpin', '2026-12-09'], /2026-12-09 is not a meeting day/],
    ['an unknown topic', ['pin', '2026-12-15', 'no-such-topic'], /unknown topic "no-such-topic"/],
    ['not a real date', ['skip', '2026-02-30'], /not a date: "2026-02-30"/],
    ['a pin on a skipped date', ['pin', '2026-12-29', 'talent'], /2026-12-29 is skipped/],
    ['unpin where nothing is pinned', ['unpin', '2026-12-15'], /nothing is pinned on 2026-12-15/],
    ['unskip of a date not skipped', ['unskip', '2026-12-15'], /2026-12-15 is not skipped/],
    ['pin without a topic', ['pin', '2026-12-15'], /usage: showtell schedule pin DATE TOPIC/],
  ]

  it.each(cases)('%s', async (_label, args, message) => {
    const dir = await makeWorkspace({ 'showtell.yaml': FLOW_PINS })
    const files = await listTree(dir)
    const result = await runCli(['schedule', ...args], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.startsWith('showtell: ')).toBe(true)
    expect(result.stdout).toBe('')
    expect(await readFile(join(dir, 'showtell.yaml'), 'utf8')).toBe(FLOW_PINS)
    expect(await listTree(dir)).toEqual(files)
  })

  it('the hint names the next meeting days', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': FLOW_PINS })
    const result = await runCli(['schedule', 'pin', '2026-12-09', 'talent'], { cwd: dir })
    expect(result.stderr).toContain('meetings are on tuesdays from 2026-11-24')
    expect(result.stderr).toContain('2026-12-15')
  })
})

describe('the edit functions on their own', () => {
  it('fill an empty `pins:` / `skip:` and keep the comment after it', () => {
    const text = 'meeting:\n  weekday: tuesday\n  start: 2026-11-24\n  skip:    # none yet\nrotation:\n  pins:   # none yet\n'
    expect(lineDiff(text, addSkip(text, '2026-12-15'))).toEqual(['-   skip:    # none yet', '+   skip: [2026-12-15]    # none yet'])
    expect(lineDiff(text, setPin(text, '2026-12-15', 'talent'))).toEqual(['-   pins:   # none yet', '+   pins: { 2026-12-15: talent }   # none yet'])
  })

  it('add to a block list whose dashes sit at the key indent', () => {
    const text = 'meeting:\n  skip:\n  - 2026-12-22\n  - 2026-12-29\nrotation: {}\n'
    expect(lineDiff(text, addSkip(text, '2027-01-05'))).toEqual(['+   - 2027-01-05'])
  })

  it('do nothing when there is nothing to do', () => {
    expect(addSkip(FLOW_PINS, '2026-12-22')).toBe(FLOW_PINS)
    expect(removeSkip(FLOW_PINS, '2027-02-02')).toBe(FLOW_PINS)
    expect(removePin(FLOW_PINS, '2027-02-02')).toBe(FLOW_PINS)
    expect(removePin(BLOCK_PINS, '2027-02-02')).toBe(BLOCK_PINS)
  })

  it('keep the quoting of the other entries in a flow collection', () => {
    const text = `rotation:\n  pins: {"2026-12-08": crisis, '2026-12-15': 'policy'}\nmeeting: {weekday: tuesday, start: 2026-11-24, skip: ["2026-12-29"]}\n`
    expect(lineDiff(text, addSkip(text, '2027-01-05'))).toEqual([
      '- meeting: {weekday: tuesday, start: 2026-11-24, skip: ["2026-12-29"]}',
      '+ meeting: {weekday: tuesday, start: 2026-11-24, skip: ["2026-12-29", 2027-01-05]}',
    ])
    expect(lineDiff(text, setPin(text, '2026-12-22', 'talent'))).toEqual([
      `-   pins: {"2026-12-08": crisis, '2026-12-15': 'policy'}`,
      `+   pins: {"2026-12-08": crisis, '2026-12-15': 'policy', 2026-12-22: talent}`,
    ])
    expect(lineDiff(text, removePin(text, '2026-12-08'))).toEqual([
      `-   pins: {"2026-12-08": crisis, '2026-12-15': 'policy'}`,
      `+   pins: {'2026-12-15': 'policy'}`,
    ])
  })

  it('keep Windows (CRLF) line endings on the lines they add or edit', () => {
    const text = 'company:\r\n  name: F\r\nmeeting:\r\n  weekday: tuesday\r\n  start: 2026-11-24\r\n  skip:\r\n    - 2026-12-29\r\nrotation:\r\n  pins:\r\n    2026-12-08: crisis\r\n'
    for (const edited of [addSkip(text, '2027-01-05'), setPin(text, '2026-12-15', 'talent'), removeSkip(text, '2026-12-29'), removePin(text, '2026-12-08')]) {
      // Every line break is still \r\n.
      expect(edited.replace(/\r\n/g, '').includes('\n')).toBe(false)
    }
    expect(lineDiff(text, addSkip(text, '2027-01-05'))).toEqual(['+     - 2027-01-05\r'])
    // lineDiff lists a changed block's removals before its additions.
    expect(lineDiff(text, removeSkip(text, '2026-12-29'))).toEqual(['-   skip:\r', '-     - 2026-12-29\r', '+   skip: []\r'])
  })
})

describe('a workspace edited by hand in between', () => {
  it('an edit after a hand edit keeps the hand edit', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': FLOW_PINS })
    const file = join(dir, 'showtell.yaml')
    const handEdited = FLOW_PINS.replace('  duration: 45            # minutes, 30-60', '  duration: 60            # longer from now on')
    await writeFile(file, handEdited)
    const step = await edit(dir, ['skip', '2027-01-05'])
    expect(step.before).toBe(handEdited)
    expect(lineDiff(handEdited, step.after)).toEqual(['+     - 2027-01-05'])
  })
})
