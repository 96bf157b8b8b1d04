// Owns how each imitated platform prints a count: "12,345", Instagram's
// "88.7K", YouTube's "24.1K subscribers". The platforms truncate, never round,
// so 88,799 followers still read "88.7K".

/** `12345` → `12,345`. */
export function formatGrouped(n: number): string {
  const digits = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return n < 0 ? `-${digits}` : digits
}

/** `n / unit`, truncated to `decimals` places, trailing zeros dropped: (88700, 1000, 1) → "88.7". */
function truncated(n: number, unit: number, decimals: number): string {
  const scale = 10 ** decimals
  const scaled = Math.floor((n * scale) / unit)
  const whole = Math.floor(scaled / scale)
  const fraction = String(scaled % scale)
    .padStart(decimals, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

/** Instagram, Threads and TikTok: exact below 10,000, then one truncated decimal: 88.7K, 1.2M. */
export function formatCompact(n: number): string {
  if (n < 10_000) return formatGrouped(n)
  if (n < 1_000_000) return `${truncated(n, 1_000, 1)}K`
  return `${truncated(n, 1_000_000, 1)}M`
}

/** YouTube: three significant digits, truncated: 1.23K, 24.1K, 241K, 1.24M. */
export function formatYouTube(n: number): string {
  if (n < 1_000) return String(Math.max(0, Math.trunc(n)))
  const [unit, suffix] = n < 1_000_000 ? [1_000, 'K'] : n < 1_000_000_000 ? [1_000_000, 'M'] : [1_000_000_000, 'B']
  const value = n / unit
  const decimals = value < 10 ? 2 : value < 100 ? 1 : 0
  return `${truncated(n, unit, decimals)}${suffix}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** `2026-11-17` (or a full ISO time) → `17 Nov 2026`, read in UTC. */
export function formatDay(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`
}
