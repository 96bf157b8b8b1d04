// The calendar export read back by a real RFC 5545 parser (ical.js): events,
// UIDs, summaries, descriptions, UTC start and end across a daylight-saving
// switch, and SEQUENCE raised when a date's topic changes on re-export.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildIcs } from '../../src/rotation/ics.js'
import { planSchedule } from '../../src/rotation/schedule.js'
import { loadWorkspace } from '../../src/workspace/load.js'
import { makeWorkspace } from '../helpers/workspace.js'
import { runAt } from './support.js'

interface ParsedEvent {
  uid: string
  summary: string
  description: string
  sequence: number
  start: string
  end: string
  startZone: string
  endZone: string
}

function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text))
  expect(calendar.name).toBe('vcalendar')
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startZone: event.startDate.zone?.tzid ?? 'floating',
      endZone: event.endDate.zone?.tzid ?? 'floating',
    }
  })
}

// The 45-minute agenda, worked out by hand from the segment bounds and weights.
const AGENDA_45 = [
  'Agenda (45 minutes):',
  '- Opening: 2 min',
  '- Here and now: our accounts live: 6 min',
  '- Loss of control: accounts we do not run: 4 min',
  '- Key points: 8 min',
  '- Case studies: 6 min',
  '- Worst cases and mitigations: 5 min',
  '- Hands-on exercise: 5 min',
  '- Discussion and decisions: 5 min',
  '- ROI: what changed: 3 min',
  '- Next meeting: 1 min',
].join('\n')

// A workspace topic whose text needs every kind of escaping and folding.
const KRISE_SUMMARY = 'Når det smeller: hvem svarer, på hvilken kanal; og hvor fort? Vi øver på «verste fall» 🚨 – med C:\\beredskap\\plan.pdf som fasit.\nAndre linje, med komma, semikolon; og emoji 👩‍💻.'
const KRISE_YAML = `id: krise
title: "Krise; 24/7, «alltid» på vakt 🚨"
summary: ${JSON.stringify(KRISE_SUMMARY)}
why: [Fordi det skjer.]
keyPoints:
  - title: Ha en plan
    detail: Skriv den ned.
    notes: Snakk om planen.
demo:
  focus: Våre kontoer
exercise:
  title: Øvelse
  steps: [Les planen]
`

describe('buildIcs read back by ical.js', () => {
  it('one event per meeting with stable UIDs, summaries, descriptions and UTC times across the Oslo switch', async () => {
    const dir = await makeWorkspace({
      'showtell.yaml': `company:
  name: Nordlys Outdoor AS
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2026-03-17
rotation:
  pins: { 2026-03-24: krise }
`,
      'topics/krise.yaml': KRISE_YAML,
    })
    const workspace = await loadWorkspace(dir)
    const { meeting, rotation } = workspace.config
    const topics = [...workspace.topics.keys()]
    const plan = planSchedule({ meeting, rotation, topics, log: [], from: '2026-03-10', count: 3 })

    const first = buildIcs(workspace, plan, {})
    expect(first.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(first.text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true)
    const events = parseIcs(first.text)
    expect(events.map(({ description: _d, ...rest }) => rest)).toEqual([
      {
        uid: 'showtell-nordlys-outdoor-as-2026-03-17@showtell',
        summary: 'Executive briefing: Account security',
        sequence: 0,
        start: '2026-03-17T08:00:00.000Z',
        end: '2026-03-17T08:45:00.000Z',
        startZone: 'UTC',
        endZone: 'UTC',
      },
      {
        uid: 'showtell-nordlys-outdoor-as-2026-03-24@showtell',
        summary: 'Executive briefing: Krise; 24/7, «alltid» på vakt 🚨',
        sequence: 0,
        start: '2026-03-24T08:00:00.000Z',
        end: '2026-03-24T08:45:00.000Z',
        startZone: 'UTC',
        endZone: 'UTC',
      },
      {
        // After the switch on 2026-03-29: 09:00 in Oslo is 07:00 UTC.
        uid: 'showtell-nordlys-outdoor-as-2026-03-31@showtell',
        summary: 'Executive briefing: Blogging',
        sequence: 0,
        start: '2026-03-31T07:00:00.000Z',
        end: '2026-03-31T07:45:00.000Z',
        startZone: 'UTC',
        endZone: 'UTC',
      },
    ])
    expect(events[0]!.description).toBe(
      'A brand account is a public microphone, and whoever takes it over speaks in our name. Burger King and Jeep both lost control of their Twitter feeds to hackers. This briefing covers who holds the keys to our accounts and how we would get them back.\n\n' +
        AGENDA_45,
    )
    expect(events[1]!.description).toBe(`${KRISE_SUMMARY}\n\n${AGENDA_45}`)
    expect(first.state).toEqual({
      '2026-03-17': { topic: 'account-security', sequence: 0 },
      '2026-03-24': { topic: 'krise', sequence: 0 },
      '2026-03-31': { topic: 'blogging', sequence: 0 },
    })
    expect(first.updated).toBe(0)

    // Another topic on 2026-03-24: same UID, SEQUENCE 1 for that event only.
    const repinned = planSchedule({ meeting, rotation: { ...rotation, pins: { '2026-03-24': 'talent' } }, topics, log: [], from: '2026-03-10', count: 3 })
    const second = buildIcs(workspace, repinned, first.state)
    expect(second.updated).toBe(1)
    expect(parseIcs(second.text).map((e) => [e.uid, e.summary, e.sequence])).toEqual([
      ['showtell-nordlys-outdoor-as-2026-03-17@showtell', 'Executive briefing: Account security', 0],
      ['showtell-nordlys-outdoor-as-2026-03-24@showtell', 'Executive briefing: Talent', 1],
      ['showtell-nordlys-outdoor-as-2026-03-31@showtell', 'Executive briefing: Blogging', 0],
    ])

    // The same plan again: nothing changes, nothing is raised.
    const third = buildIcs(workspace, repinned, second.state)
    expect(third.updated).toBe(0)
    expect(parseIcs(third.text).map((e) => e.sequence)).toEqual([0, 1, 0])
    expect(third.state).toEqual(second.state)
  })
})

describe('showtell schedule --ics, re-exported after a pin', () => {
  const CONFIG = `# Fjord & Co: weekly briefing.
company:
  name: Fjord & Co
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2027-03-02
`
  // Monday 2027-03-01, 13:00 in Oslo: six weeks ahead runs to 2027-04-11.
  const NOW = '2027-03-01T12:00:00Z'
  const uid = (date: string) => `showtell-fjord-co-${date}@showtell`

  it('round-trips through ical.js; the re-export keeps every UID and raises SEQUENCE only where the topic changed', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG })
    const file = join(dir, 'briefings.ics')
    const first = await runAt(NOW, ['schedule', '--weeks', '6', '--ics', file], dir)
    expect(first.code).toBe(0)
    expect(first.stderr).toBe(`Wrote 6 events to ${file} (0 updated since the last export)\n`)
    const events = parseIcs(await readFile(file, 'utf8'))
    expect(events.map((e) => [e.uid, e.summary, e.sequence, e.start, e.end, e.startZone])).toEqual([
      [uid('2027-03-02'), 'Executive briefing: Account security', 0, '2027-03-02T08:00:00.000Z', '2027-03-02T08:45:00.000Z', 'UTC'],
      [uid('2027-03-09'), 'Executive briefing: Blogging', 0, '2027-03-09T08:00:00.000Z', '2027-03-09T08:45:00.000Z', 'UTC'],
      [uid('2027-03-16'), 'Executive briefing: Competitive signals', 0, '2027-03-16T08:00:00.000Z', '2027-03-16T08:45:00.000Z', 'UTC'],
      [uid('2027-03-23'), 'Executive briefing: Crisis and worst cases', 0, '2027-03-23T08:00:00.000Z', '2027-03-23T08:45:00.000Z', 'UTC'],
      // Oslo moves to summer time on 2027-03-28.
      [uid('2027-03-30'), 'Executive briefing: Customer care and social CRM', 0, '2027-03-30T07:00:00.000Z', '2027-03-30T07:45:00.000Z', 'UTC'],
      [uid('2027-04-06'), 'Executive briefing: Executive presence on social media', 0, '2027-04-06T07:00:00.000Z', '2027-04-06T07:45:00.000Z', 'UTC'],
    ])
    expect(events[1]!.description).toBe(
      'A blog lets a leader talk at length with customers and employees, in their own voice and on their own schedule. Few executives do it, so those who write well stand out. This briefing covers what makes an executive blog worth reading and worth the time.\n\n' +
        AGENDA_45,
    )
    for (const event of events) expect(event.description).toContain(AGENDA_45)

    // Pin a topic that is not in the plan on the last date: only that date changes.
    const pin = await runAt(NOW, ['schedule', 'pin', '2027-04-06', 'talent'], dir)
    expect(pin.code).toBe(0)
    const second = await runAt(NOW, ['schedule', '--weeks', '6', '--ics', file], dir)
    expect(second.code).toBe(0)
    expect(second.stderr).toBe(`Wrote 6 events to ${file} (1 updated since the last export)\n`)
    const after = parseIcs(await readFile(file, 'utf8'))
    expect(after.map((e) => e.uid)).toEqual(events.map((e) => e.uid))
    expect(after.map((e) => e.sequence)).toEqual([0, 0, 0, 0, 0, 1])
    expect(after[5]).toMatchObject({ summary: 'Executive briefing: Talent', start: '2027-04-06T07:00:00.000Z', end: '2027-04-06T07:45:00.000Z' })
    expect(after[5]!.description.startsWith('Social media is where leaders can spot and attract strong people')).toBe(true)
    // Every other event is exactly as before.
    expect(after.slice(0, 5)).toEqual(events.slice(0, 5))

    // Unpinning changes the topic back: a third version of that event.
    expect((await runAt(NOW, ['schedule', 'unpin', '2027-04-06'], dir)).code).toBe(0)
    const third = await runAt(NOW, ['schedule', '--weeks', '6', '--ics', file], dir)
    expect(third.stderr).toContain('(1 updated since the last export)')
    const last = parseIcs(await readFile(file, 'utf8'))
    expect(last.map((e) => e.sequence)).toEqual([0, 0, 0, 0, 0, 2])
    expect(last[5]!.summary).toBe('Executive briefing: Executive presence on social media')
  })
})

describe('showtell schedule --ics with a calendar state it cannot trust', () => {
  const CONFIG = `company:
  name: Fjord & Co
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2027-03-02
`
  const NOW = '2027-03-01T12:00:00Z'
  // What an earlier export left: the 2027-03-02 meeting already at SEQUENCE 3.
  const STATE = '{\n  "2027-03-02": { "topic": "security", "sequence": 3 }\n}\n'

  it.each([
    ['text that is not JSON', '{ "2027-03-02": { "topic": "security", "sequence": 3 }', /^showtell: history\/calendar\.json: expected JSON, got text that is not JSON \(.+\) \(hint: fix it by hand, or delete it to start over/],
    ['a SEQUENCE that is a word', '{ "2027-03-02": { "topic": "security", "sequence": "three" } }', /^showtell: history\/calendar\.json 2027-03-02\.sequence: expected a whole number ≥ 0, got "three" \(hint: fix it by hand/],
    ['null', 'null', /^showtell: history\/calendar\.json: expected an object, got null \(hint: /],
    ['a list', '[]', /^showtell: history\/calendar\.json: expected an object, got \[\] \(hint: /],
    ['a key that is not a date', '{ "next week": { "topic": "security", "sequence": 1 } }', /^showtell: history\/calendar\.json: expected keys that are meeting dates YYYY-MM-DD, got "next week"/],
  ])('%s: exit 2 naming the file, and neither the state nor the .ics is touched', async (_name, corrupt, message) => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG, 'history/calendar.json': corrupt })
    const file = join(dir, 'briefings.ics')
    const result = await runAt(NOW, ['schedule', '--weeks', '2', '--ics', file], dir)
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(message)
    expect(await readFile(join(dir, 'history', 'calendar.json'), 'utf8')).toBe(corrupt)
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('the control: a good state is read, and SEQUENCE goes on from 3 where the topic changed', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG, 'history/calendar.json': STATE })
    const file = join(dir, 'briefings.ics')
    const result = await runAt(NOW, ['schedule', '--weeks', '2', '--ics', file], dir)
    expect(result.code, result.stderr).toBe(0)
    // The built-in rotation puts "Account security" first, not "security": the topic changed.
    expect(parseIcs(await readFile(file, 'utf8')).map((e) => [e.uid, e.sequence])).toEqual([
      ['showtell-fjord-co-2027-03-02@showtell', 4],
      ['showtell-fjord-co-2027-03-09@showtell', 0],
    ])
  })

  it('a state that cannot be read (a folder in its place) is exit 1 naming the file, not a silent reset', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': CONFIG, 'history/calendar.json/keep': '' })
    const result = await runAt(NOW, ['schedule', '--weeks', '2', '--ics', join(dir, 'briefings.ics')], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^showtell: history\/calendar\.json: cannot read the file \(EISDIR\) \(hint: a folder is where this file should be/)
  })
})
