// Owns how a calendar date reads inside a sentence of the goal, trend-chart
// and loss-of-control slides: the deck language's `day` (lang.ts), the same
// rule as every other slide, so a Norwegian deck writes "30. mars 2027"
// wherever a date appears and English keeps the ISO date it always showed.
import type { Lang } from './lang.js'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** Whether the language writes dates as YYYY-MM-DD. */
export function isoDays(lang: Lang): boolean {
  return lang.w.common.dates === 'iso'
}

// 2027-03-30 → "2027-03-30" (en) or "30. mars 2027" (nb): the one wrapper of lang.day, in headline.ts.
export { dayWords } from '../snapshot/headline.js'

/** A chart axis's date: the ISO date (en) or the locale's short day and month ("30. mars"). */
export function axisDay(date: string, lang: Lang): string {
  if (isoDays(lang) || !ISO_DAY.test(date)) return date
  return lang.shortDate(date)
}
