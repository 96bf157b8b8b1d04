// Owns how a calendar date reads inside a sentence of the goal, trend-chart
// and loss-of-control slides. The catalogue's `goals.dateStyle` picks the
// style: "iso" keeps the date as the history and showtell.yaml write it
// (2027-03-30, what the English deck has always shown); any other value is an
// Intl `dateStyle` ("medium": "30. mars 2027"), formatted for the locale, so
// the words of a date never come from the catalogue.
import type { Lang } from './lang.js'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

const STYLES = ['full', 'long', 'medium', 'short'] as const

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(locale: string, style: Intl.DateTimeFormatOptions['dateStyle']): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' })))
  return format
}

/** Whether the language writes dates as YYYY-MM-DD. */
export function isoDays(lang: Lang): boolean {
  return lang.w.goals.dateStyle === 'iso'
}

/** 2027-03-30 → "2027-03-30" (en) or "30. mars 2027" (nb); anything but a calendar date is left as it is. */
export function dayWords(date: string, lang: Lang): string {
  if (isoDays(lang) || !ISO_DAY.test(date)) return date
  // A style Intl does not know (a typo in a new catalogue) reads as "medium" rather than failing the build.
  const style = STYLES.find((s) => s === lang.w.goals.dateStyle) ?? 'medium'
  return formatFor(lang.locale, style).format(new Date(`${date}T00:00:00Z`))
}

/** A chart axis's date: the ISO date (en) or the locale's short day and month ("30. mars"). */
export function axisDay(date: string, lang: Lang): string {
  if (isoDays(lang) || !ISO_DAY.test(date)) return date
  return lang.shortDate(date)
}
