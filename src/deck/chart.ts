// Owns the trend chart: a line over meetings as a standalone SVG, readable on
// a projector and in print. No chart library fits here without a browser, so
// this is a small renderer with its own tests. Labels are escaped XML.

export interface ChartPoint {
  readonly label: string
  readonly value: number
}

export interface LineChartOptions {
  /** @default 1000 */
  readonly width?: number
  /** @default 460 */
  readonly height?: number
}

const PAD = { left: 150, right: 60, top: 40, bottom: 70 } as const

export function renderLineChart(points: readonly ChartPoint[], options: LineChartOptions = {}): string {
  const width = options.width ?? 1000
  const height = options.height ?? 460
  const plotW = width - PAD.left - PAD.right
  const plotH = height - PAD.top - PAD.bottom
  const values = points.map((p) => p.value)
  const [lo, hi] = niceRange(Math.min(...values, Infinity), Math.max(...values, -Infinity))
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1))
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH
  const ticks = [lo, lo + (hi - lo) / 2, hi]
  const fmt = (v: number) => new Intl.NumberFormat('en-GB', { notation: v >= 100_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(v)
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" role="img">`,
    `<rect width="${width}" height="${height}" fill="#fbfaf7"/>`,
    ...ticks.map(
      (t) =>
        `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#c9ced6" stroke-width="2"/>` +
        `<text x="${PAD.left - 16}" y="${(y(t) + 9).toFixed(1)}" text-anchor="end" font-size="26" fill="#3f4a5a">${escapeXml(fmt(t))}</text>`,
    ),
    points.length > 1 ? `<polyline points="${line}" fill="none" stroke="#0a4f99" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>` : '',
    ...points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="9" fill="#0a4f99"/>`),
    ...points.map((p, i) => {
      // Only the first, the last and every other label fit under a long series.
      const show = points.length <= 5 || i === 0 || i === points.length - 1 || i % 2 === 0
      return show ? `<text x="${x(i).toFixed(1)}" y="${height - 24}" text-anchor="middle" font-size="24" fill="#3f4a5a">${escapeXml(p.label)}</text>` : ''
    }),
    `</svg>`,
  ]
  return parts.filter(Boolean).join('\n')
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
