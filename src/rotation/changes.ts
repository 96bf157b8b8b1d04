// Owns the edits that shape the schedule: pin, unpin, skip and unskip (written
// into showtell.yaml, keeping its comments) and "held" (written to the
// meeting log). `showtell schedule` and the app's Schedule screen both call
// these, so a change made in either place is the same change.
import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.js'
import { addSkip, removePin, removeSkip, setPin } from '../workspace/edit.js'
import { requireTopic, type Workspace } from '../workspace/load.js'
import { isRealDate, workspaceConfigSchema } from '../workspace/schema.js'
import { acquireLock, writeFileAtomic } from '../workspace/store.js'
import { parseYamlSource, validateYaml } from '../workspace/yaml-file.js'
import { meetingDates, weekdayOf } from './calendar.js'
import { nextMeeting } from './for-workspace.js'
import { recordMeeting } from './log.js'

export type ScheduleChange =
  | { readonly action: 'pin'; readonly date: string; readonly topic: string }
  | { readonly action: 'unpin' | 'skip' | 'unskip'; readonly date: string }

export function requireDate(value: string | undefined, field: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) {
    throw new UserError(`not a date: "${value ?? ''}"`, { location: { field }, hint: 'use YYYY-MM-DD, e.g. 2026-12-08' })
  }
  return value
}

/** A date the weekly meeting falls on (its weekday, on or after the start). */
function requireMeetingDay(workspace: Workspace, date: string, field: string): void {
  const { meeting } = workspace.config
  if (weekdayOf(date) !== meeting.weekday || date < meeting.start) {
    throw new UserError(`${date} is not a meeting day`, {
      location: { field },
      hint: `meetings are on ${meeting.weekday}s from ${meeting.start}; the next ones are ${meetingDates(meeting, date, 2).join(', ')}`,
    })
  }
}

/** Applies one change to showtell.yaml and says what it did, e.g. "Pinned Policy to 2026-12-08". */
export async function changeSchedule(workspace: Workspace, change: ScheduleChange): Promise<string> {
  const date = requireDate(change.date, 'DATE')
  requireMeetingDay(workspace, date, 'DATE')
  // A build, a snapshot or another edit may be writing the workspace: take turns.
  const lock = await acquireLock(workspace.paths.lock, `changing the schedule (${change.action} ${date})`)
  try {
    return await editConfig(workspace, change, date)
  } finally {
    await lock.release()
  }
}

async function editConfig(workspace: Workspace, change: ScheduleChange, date: string): Promise<string> {
  // Read under the lock: the file as it is now, not as it was loaded.
  const { config } = workspace
  const text = await readFile(workspace.paths.config, 'utf8')
  let updated: string
  let message: string
  switch (change.action) {
    case 'pin': {
      const topic = requireTopic(workspace, change.topic, 'TOPIC')
      if (config.meeting.skip.includes(date)) throw new UserError(`${date} is skipped`, { location: { field: 'DATE' }, hint: `run showtell schedule unskip ${date} first` })
      updated = setPin(text, date, topic.id)
      message = `Pinned ${topic.title} to ${date}`
      break
    }
    case 'unpin':
      if (!config.rotation.pins[date]) throw new UserError(`nothing is pinned on ${date}`, { location: { field: 'DATE' } })
      updated = removePin(text, date)
      message = `Unpinned ${date}`
      break
    case 'skip':
      updated = addSkip(text, date)
      message = `Skipping ${date}`
      break
    case 'unskip':
      if (!config.meeting.skip.includes(date)) throw new UserError(`${date} is not skipped`, { location: { field: 'DATE' } })
      updated = removeSkip(text, date)
      message = `No longer skipping ${date}`
      break
  }
  // The edited file must still be a valid workspace before it replaces the old one.
  validateYaml(parseYamlSource(updated, 'showtell.yaml'), workspaceConfigSchema)
  if (updated !== text) await writeFileAtomic(workspace.paths.config, updated)
  return message
}

/** Records a meeting as held; without a topic, the one the schedule has on that date. */
export async function markHeld(workspace: Workspace, dateText: string, topicId?: string): Promise<string> {
  const date = requireDate(dateText, 'DATE')
  let topic = topicId
  if (topic === undefined) {
    const planned = await nextMeeting(workspace, date)
    if (!planned || planned.date !== date) {
      throw new UserError(`${date} is not a scheduled meeting`, { location: { field: 'DATE' }, hint: 'name the topic: showtell schedule held DATE TOPIC' })
    }
    topic = planned.topic
  }
  const entry = requireTopic(workspace, topic, 'TOPIC')
  // A build also rewrites the meeting log as it finishes: take turns, so neither line is lost.
  const lock = await acquireLock(workspace.paths.lock, `recording ${date} as held`)
  try {
    await recordMeeting(workspace.paths.root, { date, topic: entry.id, source: 'held' })
  } finally {
    await lock.release()
  }
  return `Recorded ${entry.title} as held on ${date}`
}
