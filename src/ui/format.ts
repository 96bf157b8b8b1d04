// How numbers, dates and paths read in the app (plain functions, tested).
import { formatBytes, formatChange, formatCount } from '../snapshot/format.js'
import type { AccountLine } from '../overview/overview.js'

export { formatBytes, formatChange, formatCount }

/** 1234 → "1.2 s", 340 → "340 ms" */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** "12,345 followers", "approx. 4,500 followers", or the last good value of a blocked account. */
export function accountNumber(line: AccountLine): string {
  if (line.metric) return `${line.metric.approximate ? '~' : ''}${formatCount(line.metric.value)} ${line.metric.name}`
  if (line.lastGood) return `${formatCount(line.lastGood.value)} on ${line.lastGood.date}`
  if (line.lastPostAt) return `last post ${line.lastPostAt}`
  return ''
}

/** "▲ 312" or "" when nothing to compare with. */
export function accountChange(line: AccountLine): string {
  return line.change ? formatChange(line.change.delta) : ''
}

/** Cuts to `width` characters with an ellipsis. */
export function fit(text: string, width: number): string {
  const chars = [...text]
  if (chars.length <= width) return text.padEnd(width)
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`
}

/**
 * "Nordlys Outdoor on LinkedIn" → "LinkedIn" where the company's name is
 * understood: on a narrow grid the platform is the part that tells accounts apart.
 */
export function shortLabel(label: string, companyNames: readonly string[]): string {
  for (const name of [...companyNames].sort((a, b) => b.length - a.length)) {
    const prefix = `${name} on `
    if (label.toLowerCase().startsWith(prefix.toLowerCase()) && label.length > prefix.length) return label.slice(prefix.length)
  }
  return label
}
