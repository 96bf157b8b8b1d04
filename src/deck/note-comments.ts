// Owns a shortcut through Marpit's comment parsing for speaker notes.
//
// Marpit reads every HTML comment as YAML, to find directives such as
// `<!-- _class: lead -->`. A speaker note is prose ("Budget 1:00 for this
// slide… Say that…"), which js-yaml mostly rejects by throwing, and a 60-slide
// deck has some 200 of them: about a tenth of a second of every build, paid
// again on each render. This markdown-it block rule runs just before Marpit's
// own and takes only the comments that cannot be directives, producing the
// very token Marpit would (a `marpit_comment` with no directives, so Marpit
// collects it as a note). Everything else (anything with a line that starts
// like a YAML key, flow or anchor syntax, the well-known magic comments) is
// left to Marpit. test/deck/note-comments.test.ts renders both ways and
// compares.

/** The parts of markdown-it's block state the rule reads (markdown-it has no types here). */
interface BlockState {
  readonly src: string
  readonly bMarks: number[]
  readonly eMarks: number[]
  readonly tShift: number[]
  readonly sCount: number[]
  readonly blkIndent: number
  line: number
  getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string
  push(type: string, tag: string, nesting: number): { map: [number, number] | null; markup: string; hidden: boolean; content: string; meta: Record<string, unknown> | null }
}

interface MarkdownIt {
  readonly block: { readonly ruler: { before(name: string, rule: string, fn: (state: BlockState, startLine: number, endLine: number, silent: boolean) => boolean): void } }
}

// The same patterns as Marpit's comment plugin, so a comment spans the same lines.
const COMMENT = /<!--+\s*([\s\S]*?)\s*--+>/
const OPENING = /^<!--/
const CLOSING = /-->/
// Marpit marks these as parsed (never notes); left to it.
const MAGIC = [/^prettier-ignore(-(start|end))?$/, /^markdownlint-((disable|enable).*|capture|restore)$/, /^lint (disable|enable|ignore).*$/]

/**
 * A line that could make the comment a YAML mapping with a directive in it:
 * one that starts with a single-word key and a colon (`class: lead`,
 * `"_class": x`, `paginate:false`), or with YAML's flow, complex-key, anchor,
 * tag, alias, directive, block-scalar or sequence marks. A directive's name is
 * always one word, so a note line such as "Budget 1:00 for this slide" or
 * "Say this: …" after other words is not one.
 */
const MAYBE_YAML_LINE = /^\s*(?:[?{&!*%|>[-]|["']?[\w$-]+["']?\s*:)/

/** True when Marpit would find no directive in this comment's text, whatever the directives known. */
export function isPlainNote(content: string): boolean {
  if (MAGIC.some((pattern) => pattern.test(content))) return false
  return !content.split(/\r?\n/).some((line) => MAYBE_YAML_LINE.test(line))
}

/** The markdown-it plugin: `marp.use(noteComments)` once the engine is made. */
export function noteComments(md: MarkdownIt): void {
  md.block.ruler.before('marpit_comment', 'showtell_note_comment', (state, startLine, endLine, silent) => {
    let pos = state.bMarks[startLine]! + state.tShift[startLine]!
    if (state.src.charCodeAt(pos) !== 0x3c) return false
    let line = state.src.slice(pos, state.eMarks[startLine])
    if (!OPENING.test(line)) return false
    // Marpit's scan: to the first line that closes the comment, within the block's indent.
    let nextLine = startLine + 1
    if (!CLOSING.test(line)) {
      while (nextLine < endLine) {
        if (state.sCount[nextLine]! < state.blkIndent) break
        pos = state.bMarks[nextLine]! + state.tShift[nextLine]!
        line = state.src.slice(pos, state.eMarks[nextLine])
        nextLine += 1
        if (CLOSING.test(line)) break
      }
    }
    const markup = state.getLines(startLine, nextLine, state.blkIndent, true)
    const content = (COMMENT.exec(markup)?.[1] ?? '').trim()
    if (!isPlainNote(content)) return false
    if (silent) return true
    state.line = nextLine
    const token = state.push('marpit_comment', '', 0)
    token.map = [startLine, nextLine]
    token.markup = markup
    token.hidden = true
    token.content = content
    // What Marpit records for a comment that is not YAML: no directives, so it stays a note.
    token.meta = { ...token.meta, marpitParsedDirectives: {} }
    return true
  })
}
