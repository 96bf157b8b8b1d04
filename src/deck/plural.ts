// Owns counted words: "1 decision", "2 decisions", in the form the language
// asks for. The form comes from Intl.PluralRules, never from `n === 1`, so a
// language with other categories (few, many) is a set of forms, not a change
// of code; the number inside is formatted by Intl for the same locale.

/** The forms of one counted word; `#` is replaced by the formatted number. `other` is required by every language. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string }

/** The deck's language until deck.language arrives; one place to change. */
export const DEFAULT_LOCALE = 'en-GB'

const rules = new Map<string, Intl.PluralRules>()
const numbers = new Map<string, Intl.NumberFormat>()

function rulesFor(locale: string): Intl.PluralRules {
  let r = rules.get(locale)
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)))
  return r
}

function numberFor(locale: string): Intl.NumberFormat {
  let f = numbers.get(locale)
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })))
  return f
}

/**
 * `plural(1, { one: '# decision', other: '# decisions' })` → "1 decision";
 * 21 → "21 decisions" in English (and "21 beslutning" where a language says so).
 * A category the forms do not name falls back to `other`.
 */
export function plural(n: number, forms: PluralForms, locale: string = DEFAULT_LOCALE): string {
  const form = forms[rulesFor(locale).select(n)] ?? forms.other
  return form.replace(/#/g, numberFor(locale).format(n))
}
