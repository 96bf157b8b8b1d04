// Owns the mapping from a deck theme's CSS to the colours and fonts of
// deck.pptx. PowerPoint has no CSS, so the PPTX takes a few named values from
// the theme and nothing else:
//
//   CSS (the theme file)                       PowerPoint (deck.pptx)
//   --paper                                    slide background
//   --ink                                      titles, body text, big numbers
//   --muted                                    leads, table headers, footer, page number, placeholder titles
//   --accent                                   kicker, change next to a number, table header rule, callout bar, tile names
//   --accent-soft                              callout and command background
//   --rule                                     table row lines, thumbnail frames
//   first family of `section { font-family }`  every text box (the theme font)
//   first family of `code { font-family }`     the showtell command on a placeholder slide
//
// A colour is read as #rgb or #rrggbb; a variable missing from the CSS, or
// written another way (rgb(), a name, var()), keeps the shipped theme's value
// (templates/showtell.css), so a workspace theme that sets only --accent still
// gives a whole deck. Only the first family of a font list is taken:
// PowerPoint has one font per text run and substitutes its own when the
// viewer's computer lacks it.

export interface PptxTheme {
  /** Colours as PowerPoint writes them: six hex digits, no '#'. */
  readonly paper: string
  readonly ink: string
  readonly muted: string
  readonly accent: string
  readonly accentSoft: string
  readonly rule: string
  readonly font: string
  readonly mono: string
}

/** templates/showtell.css's values, for whatever a theme does not set. */
export const SHIPPED_THEME: PptxTheme = {
  paper: 'FBFAF7',
  ink: '17202E',
  muted: '3F4A5A',
  accent: '0A4F99',
  accentSoft: 'E6EEF8',
  rule: 'C9CED6',
  font: 'Inter',
  mono: 'DejaVu Sans Mono',
}

const VARIABLES: readonly (readonly [keyof PptxTheme, string])[] = [
  ['paper', '--paper'],
  ['ink', '--ink'],
  ['muted', '--muted'],
  ['accent', '--accent'],
  ['accentSoft', '--accent-soft'],
  ['rule', '--rule'],
]

/** The PPTX colours and fonts of a theme's CSS text, with the shipped theme's values where it says nothing usable. */
export function pptxTheme(css: string): PptxTheme {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const theme: Record<keyof PptxTheme, string> = { ...SHIPPED_THEME }
  for (const [key, name] of VARIABLES) {
    const colour = lastValue(text, name)
    const hex = colour === undefined ? undefined : hexColour(colour)
    if (hex) theme[key] = hex
  }
  theme.font = firstFamily(text, 'section') ?? SHIPPED_THEME.font
  theme.mono = firstFamily(text, 'code') ?? SHIPPED_THEME.mono
  return theme
}

/** The last declaration of custom property `name` (as in CSS, a later one wins). */
function lastValue(css: string, name: string): string | undefined {
  const pattern = new RegExp(`(?:^|[;{\\s])${name.replace(/-/g, '\\-')}\\s*:\\s*([^;}]+)`, 'g')
  let value: string | undefined
  for (const match of css.matchAll(pattern)) value = match[1]!.trim()
  return value
}

/** "#0a4f99" → "0A4F99", "#abc" → "AABBCC"; anything else undefined. */
export function hexColour(value: string): string | undefined {
  const six = /^#([0-9a-f]{6})$/i.exec(value)
  if (six) return six[1]!.toUpperCase()
  const three = /^#([0-9a-f]{3})$/i.exec(value)
  if (three) return [...three[1]!].map((digit) => digit + digit).join('').toUpperCase()
  return undefined
}

/**
 * The first named family of the first rule for `selector` (exactly, e.g.
 * `section {` but not `section.title {`) that sets font-family. Generic names
 * (sans-serif, monospace) are skipped: PowerPoint does not know them.
 */
function firstFamily(css: string, selector: string): string | undefined {
  const rule = new RegExp(`(?:^|[}\\s,])${selector}\\s*\\{([^}]*)\\}`, 'g')
  for (const match of css.matchAll(rule)) {
    const list = /font-family\s*:\s*([^;}]+)/.exec(match[1]!)?.[1]
    if (!list) continue
    const families = list.split(',').map((family) => family.trim().replace(/^['"]|['"]$/g, '').trim())
    const named = families.find((family) => family !== '' && !GENERIC.has(family.toLowerCase()) && /^[\w .-]+$/.test(family))
    if (named) return named
  }
  return undefined
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-sans-serif', 'ui-serif', 'ui-monospace', 'inherit', 'initial', 'unset'])
