// How numbers, dates and paths read in the app (plain functions, tested).
import { formatBytes, formatChange, formatCount } from '../snapshot/format.js'
import type { AccountLine } from '../overview/overview.js'

export { formatBytes, formatChange, formatCount }

/** 1234 → "1.2 s", 340 → "340 ms" */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** "12,345 followers", "~24,100 subscribers" (rounded by the platform), or the last good value of a blocked account: the headline model (snapshot/headline.ts) in the app's words. */
export function accountNumber(line: AccountLine): string {
  if (line.metric) return `${line.metric.approximate ? '~' : ''}${formatCount(line.metric.value)} ${line.metric.word}`
  if (line.lastGood) return `${lastGoodCount(line.lastGood)} on ${line.lastGood.date}`
  if (line.lastPostAt) return `last post ${line.lastPostAt}`
  return ''
}

/** A last good value where space is short: the bare number for the platform's followers (the usual case), with its word for anything else ("4,200 Page likes"). */
export function lastGoodCount(good: NonNullable<AccountLine['lastGood']>): string {
  return good.name === 'followers' ? formatCount(good.value) : `${formatCount(good.value)} ${good.word}`
}

/** The dashboard's grid has room for the number only: "12,345", "~88,700", "12,500✎" (entered by hand), "4.2K likes" (a page with likes and no follower count), or a blog's last post date. */
export function gridNumber(line: AccountLine): string {
  if (line.metric?.name === 'likes') {
    // A page's likes are never shown as if they were followers, even where only a number fits.
    return `${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(line.metric.value)} likes${line.metric.byHand ? '✎' : ''}`
  }
  if (line.metric) return `${line.metric.approximate ? '~' : ''}${formatCount(line.metric.value)}${line.metric.byHand ? '✎' : ''}`
  return line.lastPostAt ?? ''
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
