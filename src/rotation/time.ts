// Owns wall-clock time in a meeting's IANA time zone: "09:00 in Europe/Oslo on
// 2026-03-31" as an instant, right across daylight-saving changes. Uses the
// platform's own time-zone data (Intl); no library needed.

const formatters = new Map<string, Intl.DateTimeFormat>()

// "longOffset" formats as "2026, GMT+01:00": one short string per call, about
// three times faster than formatToParts, which a ten-year plan calls thousands of times.
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset', year: 'numeric' })
    formatters.set(zone, f)
  }
  return f
}

/** The zone's offset from UTC at `instant`, in minutes (Oslo in winter: 60). */
export function offsetMinutes(zone: string, instant: number): number {
  const match = /GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(formatter(zone).format(instant))
  if (!match?.[1]) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

/** The instant of local `date` `time` in `zone`. */
export function zonedTimeToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  // Two passes settle the offset, also on the day the clocks change.
  let guess = wall - offsetMinutes(zone, wall) * 60_000
  guess = wall - offsetMinutes(zone, guess) * 60_000
  return new Date(guess)
}

/** `2026-11-24T09:00:00+01:00`: the local time with its offset. */
export function localIso(instant: Date, zone: string): string {
  const offset = offsetMinutes(zone, instant.getTime())
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
