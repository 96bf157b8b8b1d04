// Owns the deck's language: the message catalogue of `deck.language` and the
// Intl formats of its locale, handed to every module that writes a fixed word
// on a slide, in a speaker note, in the handout or in the presenter view.
//
// The catalogue is one JSON file per language in `messages/` at the package
// root (messages/en.json, messages/nb.json): a third language is a file, not
// a change of code. English is the reference: every other catalogue must
// carry the same keys, with the same {placeholders}, and is checked against
// it when it is loaded. A counted word is an object of Intl.PluralRules forms
// ({"one": "# minute", "other": "# minutes"}); `#` is the formatted number.
// Dates and numbers come from Intl for the catalogue's `locale`, never from
// words in the catalogue.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RuntimeError, UserError } from '../errors.js'
import { PACKAGE_ROOT } from '../workspace/paths.js'
import { plural as pluralOf, type PluralForms } from './plural.js'

/** The shape of every catalogue: English's (messages/en.json). */
export type Words = typeof import('../../messages/en.json')

/** Where the catalogues are. */
export const MESSAGES_DIR = join(PACKAGE_ROOT, 'messages')

export const DEFAULT_LANGUAGE = 'en'

/** A language as the deck modules use it: its words and its formats. */
export interface Lang {
  /** The catalogue's name: `en`, `nb`. */
  readonly code: string
  /** The BCP 47 locale Intl formats with (`en-GB`, `nb-NO`), and the HTML `lang`. */
  readonly locale: string
  readonly w: Words
  /** 12345 → "12,345" (en) or "12 345" (nb). */
  count(value: number): string
  /** A number with up to `digits` decimals (default 0), `signed` shows + and −. */
  number(value: number, options?: { readonly digits?: number; readonly signed?: boolean; readonly compact?: boolean }): string
  /** `plural(3, w.compose.minutes)` → "3 minutes". */
  plural(n: number, forms: PluralForms): string
  /** `say("Next briefing: {date}", { date })`: fills {placeholders}. */
  say(template: string, vars?: Readonly<Record<string, string | number>>): string
  /** 2026-12-08 → "Tuesday 8 December 2026" / "tirsdag 8. desember 2026" (the calendar date, no time zone shift). */
  longDate(date: string): string
  /** 2026-12-08 → "8 Dec" / "8. des." */
  shortDate(date: string): string
  /**
   * A date inside a sentence: as the history writes it (2026-11-17) in a
   * language whose catalogue says `"dates": "iso"` (English, as the deck always
   * wrote it), else Intl's day and month ("17. november"), with the year
   * unless it is the year of `meeting`.
   */
  day(date: string, meeting?: string): string
  /** 312 → "▲ 312", -40 → "▼ 40", 0 → the language's "no change". */
  change(delta: number): string
}

/** The catalogues shipped or added, by code (the files in messages/). */
export function languages(): string[] {
  if (!existsSync(MESSAGES_DIR)) return [DEFAULT_LANGUAGE]
  return readdirSync(MESSAGES_DIR)
    .map((name) => /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.json$/i.exec(name)?.[1])
    .filter((code): code is string => code !== undefined)
    .sort()
}

export function hasLanguage(code: string): boolean {
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(code) && existsSync(join(MESSAGES_DIR, `${code}.json`))
}

const loaded = new Map<string, Lang>()

/** The language `code` (default English); a missing or broken catalogue is a clear error. */
export function langFor(code: string = DEFAULT_LANGUAGE): Lang {
  const known = loaded.get(code)
  if (known) return known
  if (!hasLanguage(code)) {
    throw new UserError(`deck.language: no catalogue for "${code}" (hint: use one of ${languages().join(', ')}, or add messages/${code}.json)`)
  }
  const english = code === DEFAULT_LANGUAGE ? undefined : langFor(DEFAULT_LANGUAGE).w
  const w = readCatalogue(code, english)
  const lang = makeLang(code, w)
  loaded.set(code, lang)
  return lang
}

/** English, the default: what a module uses when no language is passed. */
export function english(): Lang {
  return langFor(DEFAULT_LANGUAGE)
}

function readCatalogue(code: string, reference: Words | undefined): Words {
  const file = join('messages', `${code}.json`)
  let data: unknown
  try {
    data = JSON.parse(readFileSync(join(MESSAGES_DIR, `${code}.json`), 'utf8'))
  } catch (error) {
    throw new RuntimeError(`${file}: cannot be read as JSON: ${(error as Error).message}`)
  }
  const problem = reference ? catalogueProblem(reference, data) : typeof (data as Words | null)?.locale === 'string' ? undefined : 'locale: missing'
  if (problem) throw new RuntimeError(`${file}: ${problem} (hint: messages/en.json is the reference; every catalogue has its keys and {placeholders})`)
  return data as Words
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other'])

function isPluralForms(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'other' in value && Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key))
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort().join(', ')
}

/** The first way a catalogue differs in shape from English's, as "key: what is wrong", or undefined. */
export function catalogueProblem(reference: Words, catalogue: unknown): string | undefined {
  const problem = mismatch(reference, catalogue, '')
  if (problem) return problem
  try {
    new Intl.NumberFormat((catalogue as Words).locale)
  } catch {
    return `locale: "${(catalogue as Words).locale}" is not a locale Intl knows (e.g. "nb-NO")`
  }
  return undefined
}

function mismatch(reference: unknown, value: unknown, path: string): string | undefined {
  const at = path || '(top)'
  if (typeof reference === 'string') {
    if (typeof value !== 'string') return `${at}: must be text`
    const want = placeholders(reference)
    if (path !== 'locale' && path !== 'language' && placeholders(value) !== want) return `${at}: must use the placeholders {${want.split(', ').join('}, {')}}`.replace('{}', '(none)')
    return undefined
  }
  if (isPluralForms(reference)) {
    if (!isPluralForms(value)) return `${at}: must be plural forms with at least "other"`
    for (const form of Object.values(value as Record<string, unknown>)) if (typeof form !== 'string') return `${at}: every plural form must be text`
    return undefined
  }
  if (Array.isArray(reference)) {
    if (!Array.isArray(value) || value.length !== reference.length) return `${at}: must be a list of ${reference.length}`
    for (let i = 0; i < reference.length; i++) {
      const inner = mismatch(reference[i], value[i], `${path}[${i}]`)
      if (inner) return inner
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at}: must be an object`
  for (const key of Object.keys(reference as object)) {
    if (!(key in value)) return `${path ? `${path}.` : ''}${key}: missing`
    const inner = mismatch((reference as Record<string, unknown>)[key], (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key)
    if (inner) return inner
  }
  for (const key of Object.keys(value)) if (!(key in (reference as object))) return `${path ? `${path}.` : ''}${key}: not a key of messages/en.json`
  return undefined
}

function makeLang(code: string, w: Words): Lang {
  const locale = w.locale
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
  const dayMonthYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const day = (date: string) => new Date(`${date}T00:00:00Z`)
  const count = (value: number) => integer.format(value)
  return {
    code,
    locale,
    w,
    count,
    number: (value, options = {}) =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: options.digits ?? 0,
        ...(options.signed ? { signDisplay: 'exceptZero' as const } : {}),
        ...(options.compact ? { notation: 'compact' as const } : {}),
      }).format(value),
    plural: (n, forms) => pluralOf(n, forms, locale),
    say: (template, vars = {}) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)),
    // English's "Tuesday, 8 December 2026" loses its comma, as the deck always wrote it.
    longDate: (date) => long.format(day(date)).replace(/^(\p{L}+),/u, '$1'),
    shortDate: (date) => short.format(day(date)),
    day: (date, meeting) => {
      if (w.common.dates === 'iso' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date
      return (meeting?.slice(0, 4) === date.slice(0, 4) ? dayMonth : dayMonthYear).format(day(date))
    },
    change: (delta) => (delta > 0 ? `▲ ${count(delta)}` : delta < 0 ? `▼ ${count(-delta)}` : w.common.noChange),
  }
}
