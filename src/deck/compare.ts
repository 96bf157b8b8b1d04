// Owns "how we compare" in the deck: one slide in the here-and-now segment
// (a growth chart, the numbers in the notes) and one appendix slide per
// competitor, from the rows of snapshot/comparison.ts, which owns the numbers
// and who leads. The slides' words are the catalogue's (`compare`).
import { byGrowth, compare, comparisonParties, hasComparison, shown, type Cell, type Missing, type Row } from '../snapshot/comparison.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { english, type Lang } from './lang.js'
import { historyWithCompetitors, percentWords, statusWord } from './live.js'
import { platformNameIn } from '../snapshot/headline.js'
import type { Slide } from './slide.js'
import { escapeXml } from './chart.js'
import type { LiveMaterial } from './live.js'
import type { WorkspaceConfig } from '../workspace/schema.js'

function signed(fraction: number, lang: Lang): string {
  const r = shown(fraction)
  return r > 0 ? `▲ ${percentWords(Math.abs(fraction), lang)}` : r < 0 ? `▼ ${percentWords(Math.abs(fraction), lang)}` : `± ${percentWords(0, lang)}`
}

/** A cell's numbers in words: "41,200 · ▲ 1.7%", or "15,900, last good 3 Nov". */
function cellWords(cell: Cell, lang: Lang, date: string, full: boolean): string {
  const w = lang.w.compare
  if (cell.followers === undefined) {
    return cell.lastGood ? lang.say(w.lastGood, { value: lang.count(cell.lastGood.value), date: lang.day(cell.lastGood.date, date) }) : w.none
  }
  const growth = cell.sinceLast ? signed(cell.sinceLast.fraction, lang) : w.dash
  if (!full) return `${lang.count(cell.followers)} (${growth})`
  const parts = [lang.count(cell.followers), growth]
  {
    parts.push(cell.over90 ? lang.say(w.over90, { change: signed(cell.over90.fraction, lang), date: lang.day(cell.over90.from, date) }) : w.over90None)
    parts.push(cell.posts30 === undefined ? w.posts30None : lang.say(w.posts30, { n: lang.count(cell.posts30) }))
    parts.push(cell.perPost === undefined ? w.perPostNone : lang.say(w.perPost, { n: lang.count(cell.perPost) }))
  }
  return parts.join(' · ')
}

/** Why a cell lacks numbers, for the notes; empty when it has them all. */
function missingNote(cell: Cell, platform: string, lang: Lang, date: string): string[] {
  const w = lang.w.compare
  if (cell.followers === undefined) {
    return [lang.say(cell.lastGood ? w.noteStale : w.noteNever, { party: cell.party, status: statusWord(cell.status ?? 'not-read', lang), value: cell.lastGood ? lang.count(cell.lastGood.value) : '', date: cell.lastGood ? lang.day(cell.lastGood.date, date) : '' })]
  }
  const reasons = Object.entries(cell.missing).map(([key, why]) => lang.say(w.missing[why as Missing], { what: w.what[key as keyof typeof w.what] }))
  return reasons.length > 0 ? [`${cell.party} (${platformNameIn(platform as SnapshotResult['platform'], lang)}): ${reasons.join('; ')}.`] : []
}

export interface ComparisonSlides {
  /** The one slide for the here-and-now segment; absent when there is nothing to compare. */
  readonly slide?: Slide
  /** One slide per competitor with an account on a platform of ours, for the appendix. */
  readonly appendix: Slide[]
}

/**
 * The slides: in the segment, a table with one row per platform, the parties
 * ordered by growth since the last meeting (leaders first, marked; a party
 * not read today last, with its last good value); in the appendix, each
 * competitor's accounts with every number.
 */
export function comparisonSlides(rows: readonly Row[], date: string, kicker: string, lang: Lang = english()): ComparisonSlides {
  if (!hasComparison(rows)) return { appendix: [] }
  const w = lang.w.compare
  const line = (c: Cell) => `${c.leads ? '★ ' : ''}${c.party} ${cellWords(c, lang, date, false)}`
  const slide: Slide = {
    kind: 'chart',
    segment: 'here-and-now',
    kicker,
    title: w.title,
    image: 'charts/compare.svg',
    chart: { points: [], svg: growthChart(rows, date, lang) },
    caption: w.caption,
    shows: rows.flatMap((row) => row.cells.map((c) => c.account)),
    notes: [
      w.note,
      ...rows.map((row) => `${platformNameIn(row.platform as SnapshotResult['platform'], lang)}: ${[...row.cells].sort(byGrowth).map(line).join(' · ')}.`),
      ...rows.map((row) => `${platformNameIn(row.platform as SnapshotResult['platform'], lang)}: ${row.leaders.length === 0 ? w.noLeader : row.leaders.length > 1 ? lang.say(w.tie, { parties: row.leaders.join(', ') }) : lang.say(w.leads, { party: row.leaders[0]! })}`),
      ...rows.flatMap((row) => row.cells.flatMap((c) => missingNote(c, row.platform, lang, date))),
    ],
  }
  const competitors = [...new Set(rows.flatMap((row) => row.cells.filter((c) => !c.ours).map((c) => c.party)))]
  const appendix = competitors.map((name): Slide => {
    const cells = rows.flatMap((row) => row.cells.filter((c) => c.party === name).map((c) => ({ row, c })))
    return {
      kind: 'table',
      segment: 'here-and-now',
      kicker: `${lang.w.common.appendix} · ${w.title}`,
      title: name,
      table: { header: [w.platform, w.numbers], rows: cells.map(({ row, c }) => [platformNameIn(row.platform as SnapshotResult['platform'], lang), cellWords(c, lang, date, true)] as const) },
      appendix: true,
      bookmark: name,
      shows: cells.map(({ c }) => c.account),
      notes: [w.appendixNote, ...cells.flatMap(({ row, c }) => missingNote(c, row.platform, lang, date))],
    }
  })
  return { slide, appendix }
}

/**
 * The comparison from a build's material: us (the company's official
 * accounts: an executive's or an unofficial account is not the company's
 * number) against each competitor in showtell.yaml, our numbers from our
 * results and history, theirs from `live.competitors` and history/competitors.jsonl.
 * `lastMeeting`: the previous scheduled meeting, what growth "since the last
 * meeting" is measured from (comparison.ts CompareInput).
 */
export function comparisonFor(config: WorkspaceConfig, live: LiveMaterial | undefined, date: string, kicker: string, lang: Lang = english(), lastMeeting?: string): ComparisonSlides {
  if (!live || config.competitors.length === 0) return { appendix: [] }
  const parties = comparisonParties(config)
  const results = live.results || live.competitors ? [...(live.results ?? []).filter((r) => r.competitor === undefined), ...(live.competitors ?? [])] : undefined
  const history = historyWithCompetitors(live)
  return comparisonSlides(compare({ date, parties, ...(results ? { results } : {}), history, ...(lastMeeting !== undefined ? { lastMeeting } : {}) }), date, kicker, lang)
}

/** Characters of a bar's label (name and followers) that fit the label column at 24 px. */
const LABEL_CHARS = 34

function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`
}

/** Rows of the growth chart: a platform's heading, then each party's bar. */
const CHART = { width: 1000, heading: 40, row: 40, label: 470, text: 24 } as const

/**
 * The slide's chart: per platform, one bar per party, its length the growth
 * since the last meeting (not the size), leaders marked ★, each labelled with
 * its followers and growth; a party not read today has no bar, only its last
 * good value. A standalone SVG like chart.ts's, labels escaped.
 */
export function growthChart(rows: readonly Row[], date: string, lang: Lang = english()): string {
  const w = lang.w.compare
  const fractions = rows.flatMap((row) => row.cells.flatMap((c) => (c.sinceLast ? [c.sinceLast.fraction] : [])))
  const top = Math.max(1e-9, ...fractions.map(Math.abs))
  const negative = fractions.some((f) => shown(f) < 0)
  const area = CHART.width - CHART.label - 150
  const zero = CHART.label + (negative ? area / 2 : 0)
  const scale = (negative ? area / 2 : area) / top
  const parts: string[] = []
  let y = 0
  for (const row of rows) {
    parts.push(`<text x="0" y="${y + 30}" font-size="${CHART.text}" font-weight="700" fill="#0b4f8a">${escapeXml(platformNameIn(row.platform as SnapshotResult['platform'], lang))}</text>`)
    y += CHART.heading
    const order = [...row.cells].sort(byGrowth)
    for (const c of order) {
      // The label column holds about LABEL_CHARS characters at 24 px: a longer name is cut with "…" (the notes have it whole).
      const number = c.followers !== undefined && c.sinceLast ? ` · ${lang.count(c.followers)}` : ''
      const name = clip(`${c.leads ? '★ ' : ''}${c.party}`, LABEL_CHARS - number.length)
      const mid = y + CHART.row / 2
      if (c.followers === undefined || !c.sinceLast) {
        const what = c.followers === undefined ? (c.lastGood ? lang.say(w.lastGood, { value: lang.count(c.lastGood.value), date: lang.day(c.lastGood.date, date) }) : w.none) : `${lang.count(c.followers)} (${w.dash})`
        parts.push(`<text x="24" y="${mid + 8}" font-size="${CHART.text}" fill="#1f2937">${escapeXml(name)}</text>`, `<text x="${CHART.label}" y="${mid + 8}" font-size="${CHART.text}" fill="#4b5563">${escapeXml(what)}</text>`)
      } else {
        const f = c.sinceLast.fraction
        const length = Math.abs(shown(f)) === 0 ? 2 : Math.max(2, Math.abs(f) * scale)
        const x = f < 0 ? zero - length : zero
        parts.push(
          `<text x="24" y="${mid + 8}" font-size="${CHART.text}" fill="#1f2937"${c.leads ? ' font-weight="700"' : ''}>${escapeXml(`${name}${number}`)}</text>`,
          `<rect x="${x.toFixed(1)}" y="${mid - 12}" width="${length.toFixed(1)}" height="24" fill="${c.ours ? '#0b4f8a' : '#6b7280'}"/>`,
          `<text x="${(f < 0 ? zero : zero + length) + 10}" y="${mid + 8}" font-size="${CHART.text}" fill="#1f2937">${escapeXml(signed(f, lang))}</text>`,
        )
      }
      y += CHART.row
    }
  }
  const height = Math.max(y + 10, 200)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${height}" viewBox="0 0 ${CHART.width} ${height}" font-family="sans-serif">${parts.join('')}</svg>\n`
}
