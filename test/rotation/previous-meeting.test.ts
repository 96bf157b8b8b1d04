// previousMeetingDate (calendar.ts): the last scheduled meeting strictly
// before a date, walked back by hand on the November 2026 calendar
// (Tuesdays: 3, 10, 17, 24; Monday the 23rd; Thursday the 26th).
import { describe, expect, it } from 'vitest'
import { previousMeetingDate } from '../../src/rotation/calendar.js'

const tuesdays = { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2026-09-01', skip: [] as string[] } as const

describe('previousMeetingDate', () => {
  it('walks back to the meeting weekday before the date', () => {
    expect(previousMeetingDate(tuesdays, '2026-11-23')).toBe('2026-11-17') // a Monday
    expect(previousMeetingDate(tuesdays, '2026-11-26')).toBe('2026-11-24') // a Thursday
    expect(previousMeetingDate(tuesdays, '2026-11-18')).toBe('2026-11-17') // the day after a meeting
  })

  it('on a meeting day itself, gives the meeting a week before (strictly before)', () => {
    expect(previousMeetingDate(tuesdays, '2026-11-24')).toBe('2026-11-17')
    expect(previousMeetingDate({ ...tuesdays, weekday: 'monday' }, '2026-11-23')).toBe('2026-11-16')
  })

  it('passes over a skipped date, and several in a row', () => {
    expect(previousMeetingDate({ ...tuesdays, skip: ['2026-11-17'] }, '2026-11-24')).toBe('2026-11-10')
    expect(previousMeetingDate({ ...tuesdays, skip: ['2026-11-17', '2026-11-10', '2026-12-25'] }, '2026-11-24')).toBe('2026-11-03')
  })

  it('is undefined before the start, and on the first meeting', () => {
    expect(previousMeetingDate({ ...tuesdays, start: '2026-11-24' }, '2026-11-24')).toBeUndefined()
    expect(previousMeetingDate({ ...tuesdays, start: '2026-11-20' }, '2026-11-24')).toBeUndefined() // the 17th is before the start
    expect(previousMeetingDate({ ...tuesdays, start: '2026-11-17' }, '2026-11-24')).toBe('2026-11-17') // the start is a meeting
    expect(previousMeetingDate({ ...tuesdays, start: '2026-12-01' }, '2026-11-24')).toBeUndefined()
    expect(previousMeetingDate({ ...tuesdays, start: '2026-11-10', skip: ['2026-11-17', '2026-11-10'] }, '2026-11-24')).toBeUndefined()
  })
})
