// The plain values and helpers that go with showtell.yaml's schema, on their
// own so that the code on the start-up path can use them without loading zod.
// schema.ts re-exports them.

export const DURATION = { min: 30, max: 60 } as const
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The company's name, then its aliases: every name it goes by. */
// Typed by shape, not by WorkspaceConfig: schema.ts imports this module, and this one
// stays free of it (review B.5).
export function companyNames(config: { readonly company: { readonly name: string; readonly aliases: readonly string[] } }): string[] {
  return [config.company.name, ...config.company.aliases]
}

/** `['accounts', 2, 'platform']` → `accounts[2].platform` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
}
