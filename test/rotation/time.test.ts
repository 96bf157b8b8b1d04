// Wall-clock time in a meeting's zone (time.ts) and the meeting calendar
// (calendar.ts), against hand-worked examples around the daylight-saving
// switches: Europe/Oslo 2026-03-29, 2026-10-25, 2027-03-28 and
// America/New_York 2026-03-08, 2026-11-01.
import { describe, expect, it } from 'vitest'
import { addDays, meetingDates, todayIn, weekdayOf } from '../../src/rotation/calendar.js'
import { localIso, offsetMinutes, zonedTimeToUtc } from '../../src/rotation/time.js'
import { config } from './support.js'

describe('zonedTimeToUtc and localIso', () => {
  // [date, time, zone, UTC instant, local ISO with offset]
  const cases: [string, string, string, string, string][] = [
    // Oslo, Tuesdays 09:00 on either side of each switch.
    ['2026-03-24', '09:00', 'Europe/Oslo', '2026-03-24T08:00:00.000Z', '2026-03-24T09:00:00+01:00'],
    ['2026-03-31', '09:00', 'Europe/Oslo', '2026-03-31T07:00:00.000Z', '2026-03-31T09:00:00+02:00'],
    ['2026-10-20', '09:00', 'Europe/Oslo', '2026-10-20T07:00:00.000Z', '2026-10-20T09:00:00+02:00'],
    ['2026-10-27', '09:00', 'Europe/Oslo', '2026-10-27T08:00:00.000Z', '2026-10-27T09:00:00+01:00'],
    ['2027-03-23', '09:00', 'Europe/Oslo', '2027-03-23T08:00:00.000Z', '2027-03-23T09:00:00+01:00'],
    ['2027-03-30', '09:00', 'Europe/Oslo', '2027-03-30T07:00:00.000Z', '2027-03-30T09:00:00+02:00'],
    // On the switch days themselves, after the change.
    ['2026-03-29', '09:00', 'Europe/Oslo', '2026-03-29T07:00:00.000Z', '2026-03-29T09:00:00+02:00'],
    ['2026-10-25', '09:00', 'Europe/Oslo', '2026-10-25T08:00:00.000Z', '2026-10-25T09:00:00+01:00'],
    ['2027-03-28', '09:00', 'Europe/Oslo', '2027-03-28T07:00:00.000Z', '2027-03-28T09:00:00+02:00'],
    // On the switch days, before the change (01:00 UTC in the EU).
    ['2026-03-29', '01:30', 'Europe/Oslo', '2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00+01:00'],
    ['2026-10-25', '01:30', 'Europe/Oslo', '2026-10-24T23:30:00.000Z', '2026-10-25T01:30:00+02:00'],
    ['2026-10-25', '03:30', 'Europe/Oslo', '2026-10-25T02:30:00.000Z', '2026-10-25T03:30:00+01:00'],
    // A local date whose UTC instant falls on the day before.
    ['2026-03-30', '00:30', 'Europe/Oslo', '2026-03-29T22:30:00.000Z', '2026-03-30T00:30:00+02:00'],
    // New York, Tuesdays 09:00 either side of each switch, and the switch Sundays.
    ['2026-03-03', '09:00', 'America/New_York', '2026-03-03T14:00:00.000Z', '2026-03-03T09:00:00-05:00'],
    ['2026-03-10', '09:00', 'America/New_York', '2026-03-10T13:00:00.000Z', '2026-03-10T09:00:00-04:00'],
    ['2026-10-27', '09:00', 'America/New_York', '2026-10-27T13:00:00.000Z', '2026-10-27T09:00:00-04:00'],
    ['2026-11-03', '09:00', 'America/New_York', '2026-11-03T14:00:00.000Z', '2026-11-03T09:00:00-05:00'],
    ['2026-03-08', '09:00', 'America/New_York', '2026-03-08T13:00:00.000Z', '2026-03-08T09:00:00-04:00'],
    ['2026-11-01', '09:00', 'America/New_York', '2026-11-01T14:00:00.000Z', '2026-11-01T09:00:00-05:00'],
    ['2026-03-08', '01:30', 'America/New_York', '2026-03-08T06:30:00.000Z', '2026-03-08T01:30:00-05:00'],
    // A local date whose UTC instant falls on the day after.
    ['2026-11-01', '23:30', 'America/New_York', '2026-11-02T04:30:00.000Z', '2026-11-01T23:30:00-05:00'],
    // No daylight saving, a half-hour offset, and UTC itself.
    ['2026-03-29', '09:00', 'Asia/Kolkata', '2026-03-29T03:30:00.000Z', '2026-03-29T09:00:00+05:30'],
    ['2026-07-14', '09:00', 'UTC', '2026-07-14T09:00:00.000Z', '2026-07-14T09:00:00+00:00'],
  ]

  it.each(cases)('%s %s in %s is %s', (date, time, zone, utc, local) => {
    const instant = zonedTimeToUtc(date, time, zone)
    expect(instant.toISOString()).toBe(utc)
    expect(localIso(instant, zone)).toBe(local)
  })

  it('offsetMinutes gives the zone offset at an instant, either side of a switch', () => {
    // Oslo switches at 2026-03-29T01:00Z; New York at 2026-11-01T06:00Z.
    expect(offsetMinutes('Europe/Oslo', Date.parse('2026-03-29T00:59:00Z'))).toBe(60)
    expect(offsetMinutes('Europe/Oslo', Date.parse('2026-03-29T01:00:00Z'))).toBe(120)
    expect(offsetMinutes('America/New_York', Date.parse('2026-11-01T05:59:00Z'))).toBe(-240)
    expect(offsetMinutes('America/New_York', Date.parse('2026-11-01T06:00:00Z'))).toBe(-300)
    expect(offsetMinutes('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'))).toBe(330)
  })

  it('localIso shows the offset in force at the instant (an hour-long meeting across the spring switch)', () => {
    // 01:30 CET + 60 minutes is 03:30 CEST: the wall clock jumps, the meeting does not.
    expect(localIso(new Date('2026-03-29T01:30:00.000Z'), 'Europe/Oslo')).toBe('2026-03-29T03:30:00+02:00')
    expect(localIso(new Date('2026-03-08T07:15:00.000Z'), 'America/New_York')).toBe('2026-03-08T03:15:00-04:00')
  })
})

describe('calendar', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-11-24', 7)).toBe('2026-12-01')
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05')
    expect(addDays('2028-02-26', 3)).toBe('2028-02-29')
    expect(addDays('2027-02-26', 3)).toBe('2027-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    // The clocks change on 2026-03-29 in Oslo; plain dates must not notice.
    expect(addDays('2026-03-24', 7)).toBe('2026-03-31')
  })

  it('weekdayOf names the weekday of a date', () => {
    expect(weekdayOf('2026-11-24')).toBe('tuesday')
    expect(weekdayOf('2026-03-29')).toBe('sunday')
    expect(weekdayOf('2026-03-30')).toBe('monday')
    expect(weekdayOf('2027-01-01')).toBe('friday')
    expect(weekdayOf('2028-02-29')).toBe('tuesday')
  })

  it('todayIn is the date in the meeting zone, not in UTC', () => {
    const now = new Date('2026-11-21T23:30:00Z')
    expect(todayIn('Europe/Oslo', now)).toBe('2026-11-22')
    expect(todayIn('America/New_York', now)).toBe('2026-11-21')
    expect(todayIn('UTC', now)).toBe('2026-11-21')
  })

  it('meetingDates starts at the first meeting day on or after both `from` and `meeting.start`', () => {
    const { meeting } = config({ meeting: { weekday: 'tuesday', start: '2026-11-24' } })
    // From before the start: the start.
    expect(meetingDates(meeting, '2026-11-01', 3)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08'])
    // From a Wednesday after the start: the next Tuesday.
    expect(meetingDates(meeting, '2026-12-02', 2)).toEqual(['2026-12-08', '2026-12-15'])
    // From a meeting day: that day.
    expect(meetingDates(meeting, '2026-12-08', 1)).toEqual(['2026-12-08'])
    expect(meetingDates(meeting, '2026-12-08', 0)).toEqual([])
  })

  it('meetingDates leaves skipped dates out and still returns `count` dates', () => {
    const { meeting } = config({
      // 2026-12-30 is a Wednesday: a skip that is not a meeting day changes nothing.
      meeting: { weekday: 'tuesday', start: '2026-11-24', skip: ['2026-12-22', '2026-12-29', '2026-12-30', '2026-11-24'] },
    })
    expect(meetingDates(meeting, '2026-11-20', 6)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2027-01-05', '2027-01-12', '2027-01-19'])
  })

  it('meetingDates when the start itself is not on the weekday', () => {
    // 2026-11-24 is a Tuesday; meetings on Fridays begin on the Friday after.
    const { meeting } = config({ meeting: { weekday: 'friday', start: '2026-11-24' } })
    expect(meetingDates(meeting, '2026-01-01', 2)).toEqual(['2026-11-27', '2026-12-04'])
  })
})
