// Owns turning data (topic text, company names, account labels, scraped page
// text) into Markdown that Marp shows verbatim. Data can never become Markdown
// structure, raw HTML, a link, a Marp directive or a new slide.

// Characters that start or shape Markdown/Marpit syntax anywhere in a line.
// markdown-it turns an escaped character into a `text_special` token, which
// no later rule (emphasis, links, linkify, HTML) treats as syntax.
const INLINE_SPECIAL = /[\\`*_{}[\]()#+\-!|~<>$&"=]/g

const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }

/**
 * Escapes `text` for use inside a Markdown paragraph, heading, list item or table
 * cell. Line breaks collapse to spaces, so data can never end a block or start a
 * slide (`---`) or a directive comment.
 */
export function escapeMarkdown(text: string): string {
  const flat = String(text)
    .replace(/[\r\n\u2028\u2029\t\v\f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
  return (
    flat
      .replace(INLINE_SPECIAL, (ch) => ENTITY[ch] ?? `\\${ch}`)
      // "1. " or "1) " at the very start would begin an ordered list.
      .replace(/^(\d+)([.)])/, '$1\\$2')
      // URLs (also protocol-relative ones) and e-mail addresses would be linkified.
      .replace(/\/\//g, '\\/\\/')
      .replace(/@/g, '&#64;')
      // `www.` is linkified too.
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
  )
}

/**
 * Escapes `text` for a Marp speaker-note comment. The notes are not rendered as
 * Markdown, so only what could end the comment or open a new one is defused;
 * line breaks are kept because notes are read as a talk track.
 */
export function escapeNote(text: string): string {
  return (
    String(text)
      .replace(/\r\n?/g, '\n')
      // Break every run of dashes, so no `-->` (or `--->`) can close the comment.
      .replace(/-(?=-)/g, '-\u200b')
      .replace(/<!/g, '<\u200b!')
      // A line like `class: x` could make Marp read the comment as a directive.
      .replace(/^(\s*[\w$-]+)(\s*):/gm, '$1\u200b$2:')
      .trim()
  )
}
