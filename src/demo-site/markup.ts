// Owns escaping for everything the demo site writes: HTML and XML text and
// attributes, and JSON embedded in a <script>. Pages are built with the `html`
// (or `xml`) tag, so an interpolated value is escaped unless it is already
// `Markup`; the only way to get raw markup is `raw()` on constant text.

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for an HTML/XML text node or a quoted attribute value. */
export function escapeMarkup(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}

/** Constant markup written in this folder (styles, scripts). Never pass data through it. */
export function raw(text: string): Markup {
  return new Markup(text)
}

export type Fragment = Markup | string | number | boolean | null | undefined | readonly Fragment[]

function render(value: Fragment): string {
  if (value === null || value === undefined || typeof value === 'boolean') return ''
  if (value instanceof Markup) return value.text
  if (typeof value === 'string' || typeof value === 'number') return escapeMarkup(String(value))
  return value.map(render).join('')
}

/** Tagged template: every interpolated value is escaped; arrays are joined; `false`/`null` vanish. */
export function html(strings: TemplateStringsArray, ...values: readonly Fragment[]): Markup {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '')
  })
  return new Markup(out)
}

/** Same escaping rules; a separate name so feed code reads as what it is. */
export const xml = html

/**
 * JSON for a `<script type="application/json">` or JSON-LD block. `<`, `>` and
 * `&` become \u escapes so data can never close the script element, and the
 * two line separators that break older JavaScript parsers are escaped too.
 */
export function jsonForScript(data: unknown): Markup {
  const text = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
  return new Markup(text)
}
