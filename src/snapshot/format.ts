// Owns how numbers and changes read on slides and in the terminal.

/** 12345 → "12,345" */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value)
}

/** 1234 → "1.2 KB": file sizes in the terminal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** 312 → "▲ 312", -40 → "▼ 40", 0 → "no change" */
export function formatChange(delta: number): string {
  if (delta > 0) return `▲ ${formatCount(delta)}`
  if (delta < 0) return `▼ ${formatCount(-delta)}`
  return 'no change'
}
