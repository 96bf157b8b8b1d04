// Owns what the end of a presented talk leaves behind: the minutes really spent
// per segment, written into the meeting log of the workspace the deck was
// built in (recordActualMinutes, which takes the workspace lock only while it
// writes), and the one line the terminal shows about it. A deck's workspace is
// the folder above its `out/` that holds showtell.yaml (a build always writes
// to <workspace>/out/<date>-<topic>/); a folder anywhere else is presented,
// but its minutes belong to no meeting log.
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { z } from 'zod'
import { SEGMENT_IDS, type SegmentId } from '../agenda/segments.js'
import { hasLanguage, langFor, english, type Lang } from '../deck/lang.js'
import { MEETING_LOG_FILE, recordActualMinutes } from '../rotation/log.js'
import { CONFIG_FILE } from '../workspace/paths.js'
import type { EndAnswer, LiveEnded } from './live.js'

/** What the live session reads of build.json; the rest is the build's business. */
const manifestShape = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  topic: z.object({ id: z.string().min(1), title: z.string().optional() }),
  agenda: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
})

export interface DeckFacts {
  /** The meeting date and topic id, when build.json gives them. */
  readonly meeting?: { readonly date: string; readonly topic: string }
  /** Segment titles by id, in the deck's agenda order. */
  readonly segmentTitles: ReadonlyMap<string, string>
  /** The deck's language: its `<html lang>`, when a catalogue has it. */
  readonly lang: Lang
  /** The workspace the folder was built in, or undefined. */
  readonly workspaceRoot?: string
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** The workspace whose out/ holds `folder`, or undefined. */
export async function workspaceOfDeck(folder: string): Promise<string | undefined> {
  const out = dirname(folder)
  if (basename(out) !== 'out') return undefined
  const root = dirname(out)
  return (await exists(join(root, CONFIG_FILE))) ? root : undefined
}

/** The language of a built deck.html (its `<html lang>`), falling back to English. */
export function deckLanguage(html: string): Lang {
  const code = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z0-9-]+)/i.exec(html.slice(0, 4096))?.[1]
  if (code !== undefined && hasLanguage(code)) return langFor(code)
  const base = code?.split('-')[0]
  return base !== undefined && hasLanguage(base) ? langFor(base) : english()
}

/** Reads what the session needs from the folder; nothing here refuses to present. */
export async function readDeckFacts(folder: string): Promise<DeckFacts> {
  const [manifestText, html, workspaceRoot] = await Promise.all([
    readFile(join(folder, 'build.json'), 'utf8').catch(() => ''),
    readFile(join(folder, 'deck.html'), 'utf8').catch(() => ''),
    workspaceOfDeck(folder),
  ])
  let manifest: z.infer<typeof manifestShape> | undefined
  try {
    const parsed = manifestShape.safeParse(JSON.parse(manifestText))
    if (parsed.success) manifest = parsed.data
  } catch {
    manifest = undefined
  }
  return {
    ...(manifest ? { meeting: { date: manifest.date, topic: manifest.topic.id } } : {}),
    segmentTitles: new Map((manifest?.agenda ?? []).map((segment) => [segment.id, segment.title])),
    lang: deckLanguage(html),
    ...(workspaceRoot ? { workspaceRoot } : {}),
  }
}

/** 41.2 → "41.2", 6 → "6": minutes as the log keeps them (one decimal). */
function minutes(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** "Recorded 41.2 minutes in history/meetings.jsonl (Here and now 6.5, …)" */
export function recordedLine(ended: LiveEnded, titles: ReadonlyMap<string, string>): string {
  const ids = SEGMENT_IDS.filter((id) => ended.actual[id] !== undefined)
  const total = ids.reduce((sum, id) => sum + Math.round(ended.actual[id]! * 10) / 10, 0)
  // A segment's title up to its colon ("Here and now: our accounts live" → "Here and now"): one line holds ten of them.
  const short = (id: SegmentId) => (titles.get(id) ?? id).split(': ')[0]!
  const parts = ids.map((id: SegmentId) => `${short(id)} ${minutes(ended.actual[id]!)}`)
  return `Recorded ${minutes(total)} minutes in ${MEETING_LOG_FILE}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`
}

/**
 * Writes the end of the talk into the deck's meeting log and says so in one
 * line; answers live/end as LIVE.md says.
 */
export async function recordEnd(folder: string, facts: DeckFacts, ended: LiveEnded, say: (line: string) => void): Promise<EndAnswer> {
  const notRecorded = (reason: string): EndAnswer => {
    say(`The talk ended; presented from ${reason}: not recorded`)
    return { recorded: 'not-recorded', reason: `presented from ${reason}` }
  }
  if (facts.workspaceRoot === undefined) return notRecorded('a folder outside a workspace')
  if (facts.meeting === undefined) return notRecorded('a folder whose build.json names no meeting date and topic')
  const { date, topic } = facts.meeting
  const result = await recordActualMinutes(facts.workspaceRoot, {
    date,
    topic,
    deck: relative(facts.workspaceRoot, folder),
    actual: ended.actual,
    planned: ended.planned,
    endedAt: ended.endedAt,
  })
  if (result === 'already') say(`The minutes of the ${date} meeting were already recorded in ${MEETING_LOG_FILE}: kept as they are`)
  else say(recordedLine(ended, facts.segmentTitles))
  return { recorded: result }
}
