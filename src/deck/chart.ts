// Owns the trend chart: a line over meetings as a standalone SVG, readable on
// a projector and in print. No chart library fits here without a browser, so
// this is a small renderer with its own tests. Labels are escaped XML.
// Numbers and date labels are written in the deck's language (options.lang,
// default English); the target's label comes written by its caller.
import { axisDay } from './day-words.js'
import { english, type Lang } from './lang.js'

export interface ChartPoint {
  readonly label: string
  readonly value: number
}

/** A goal's target: a dashed line at `value`, from the left edge to `date`, labelled there. */
export interface ChartTarget {
  readonly value: number
  /** YYYY-MM-DD; placed among the points' labels (dates) by order, after the last one when later. */
  readonly date: string
  readonly label: string
}

export interface LineChartOptions {
  /** A target to draw; the points' labels must then be dates YYYY-MM-DD. */
  readonly target?: ChartTarget
  /** @default 1000 */
  readonly width?: number
  /** @default 460 */
  readonly height?: number
  /** The language of the axis numbers and of date labels (YYYY-MM-DD labels read "8 Dec" style where the language does not keep ISO dates). @default English */
  readonly lang?: Lang
}

const PAD = { left: 150, right: 60, top: 40, bottom: 70 } as const

export function renderLineChart(points: readonly ChartPoint[], options: LineChartOptions = {}): string {
  const width = options.width ?? 1000
  const height = options.height ?? 460
  const plotW = width - PAD.left - PAD.right
  const plotH = height - PAD.top - PAD.bottom
  const target = options.target
  const lang = options.lang ?? english()
  // With a target, x is time: the weeks left to the target's date show as
  // distance, so a date four months away does not look like next week.
  const days = (label: string) => Date.parse(`${label}T00:00:00Z`) / 86_400_000
  const slots = target ? [...new Set([...points.map((p) => p.label), target.date])].sort() : points.map((p) => p.label)
  const values = [...points.map((p) => p.value), ...(target ? [target.value] : [])]
  const [lo, hi] = niceRange(Math.min(...values, Infinity), Math.max(...values, -Infinity))
  const first = days(slots[0] ?? '')
  const span = days(slots.at(-1) ?? '') - first
  const x = (i: number) =>
    PAD.left + (slots.length <= 1 ? plotW / 2 : target && span > 0 ? ((days(slots[i]!) - first) * plotW) / span : (i * plotW) / (slots.length - 1))
  const px = (i: number) => (target ? x(slots.indexOf(points[i]!.label)) : x(i))
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH
  const ticks = [lo, lo + (hi - lo) / 2, hi]
  const fmt = (v: number) => lang.number(v, { digits: 1, compact: v >= 100_000 })
  const line = points.map((p, i) => `${px(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')
  const targetX = target ? x(slots.indexOf(target.date)) : 0
  // The label sits above the line, ending at the target's date, unless that runs off the left edge.
  const targetParts = target
    ? [
        `<line class="target" x1="${PAD.left}" x2="${targetX.toFixed(1)}" y1="${y(target.value).toFixed(1)}" y2="${y(target.value).toFixed(1)}" stroke="#b3261e" stroke-width="4" stroke-dasharray="14 10"/>`,
        `<circle cx="${targetX.toFixed(1)}" cy="${y(target.value).toFixed(1)}" r="9" fill="#fbfaf7" stroke="#b3261e" stroke-width="4"/>`,
        `<text x="${targetX.toFixed(1)}" y="${(y(target.value) - 18).toFixed(1)}" text-anchor="${targetX - PAD.left < 480 ? 'start' : 'end'}" font-size="26" font-weight="bold" fill="#b3261e">${escapeXml(target.label)}</text>`,
      ]
    : []
  const labelled = axisLabels(slots.map((_, i) => x(i)), target ? [slots.indexOf(target.date), 0, slots.indexOf(points.at(-1)?.label ?? '')] : [])
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" role="img">`,
    `<rect width="${width}" height="${height}" fill="#fbfaf7"/>`,
    ...ticks.map(
      (t) =>
        `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#c9ced6" stroke-width="2"/>` +
        `<text x="${PAD.left - 16}" y="${(y(t) + 9).toFixed(1)}" text-anchor="end" font-size="26" fill="#3f4a5a">${escapeXml(fmt(t))}</text>`,
    ),
    points.length > 1 ? `<polyline points="${line}" fill="none" stroke="#0a4f99" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>` : '',
    ...points.map((p, i) => `<circle cx="${px(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="9" fill="#0a4f99"/>`),
    ...targetParts,
    // Only the first, the last and every other label fit under a long axis.
    ...slots.map((label, i) => (labelled.has(i) ? `<text x="${x(i).toFixed(1)}" y="${height - 24}" text-anchor="middle" font-size="24" fill="#3f4a5a">${escapeXml(axisDay(label, lang))}</text>` : '')),
    `</svg>`,
  ]
  return parts.filter(Boolean).join('\n')
}

/**
 * Which x-axis labels to draw. Evenly spaced: the first, the last and every
 * other one, so a long series fits. Time-scaled (a target): the `first`
 * slots (target date, start, latest value), then any other that keeps a
 * label's width (140 px) from those already drawn.
 */
function axisLabels(xs: readonly number[], first: readonly number[]): Set<number> {
  if (first.length === 0) return new Set(xs.map((_, i) => i).filter((i) => xs.length <= 5 || i === 0 || i === xs.length - 1 || i % 2 === 0))
  const shown = new Set<number>()
  for (const i of [...first, ...xs.map((_, i) => i)]) {
    if (i < 0 || shown.has(i)) continue
    if ([...shown].every((j) => Math.abs(xs[j]! - xs[i]!) >= 140)) shown.add(i)
  }
  return shown
}

/** A y-range that starts and ends on round numbers and never has zero height. */
export function niceRange(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1]
  if (min === max) {
    const pad = Math.max(1, Math.abs(min) * 0.05)
    return [Math.max(0, min - pad), max + pad]
  }
  const span = max - min
  const step = 10 ** Math.floor(Math.log10(span))
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step]
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
