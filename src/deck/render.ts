// Owns Marp rendering: deck.md → slide HTML, CSS and per-slide notes with
// marp-core, then wrapped in our self-contained HTML shell (keyboard
// navigation, slide counter, presenter view). Nothing in the output loads from
// the network. The shell's words (labels of the presenter view, the counter's
// messages, `<html lang>`) come from the deck's catalogue (`shell` section)
// through the JSON data block, so the script stays one fixed file.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Marp } from '@marp-team/marp-core'
import { ignoreMissing, unreadable } from '../data/missing.js'
import { RuntimeError, UserError } from '../errors.js'
import { BUILTIN } from '../workspace/paths.js'
import type { DeckModel } from './compose.js'
import { langFor, type Lang } from './lang.js'
import { noteComments } from './note-comments.js'
import type { TemplateSet } from './templates.js'

export interface RenderedSlides {
  /** marp-core's `<div class="marpit">…</div>` */
  readonly html: string
  readonly css: string
  /** Speaker notes per slide (Marp comments that are not directives). */
  readonly notes: readonly string[]
  readonly slideCount: number
}

export interface MarpOptions {
  /**
   * Wrap each slide in an <svg> that scales it (Marp's default). The handout
   * turns it off: Chromium does not scale <foreignObject> content when printing.
   * @default true
   */
  readonly inlineSVG?: boolean
}

/**
 * One engine per template set and SVG setting: a build renders the deck up to
 * three times (two measuring rounds, then the deck), and building an engine
 * parses every theme's CSS with postcss again. An engine renders any number
 * of documents; nothing of one render stays for the next.
 */
const engines = new WeakMap<TemplateSet, Map<boolean, Marp>>()

function marpFor(set: TemplateSet, options: MarpOptions): Marp {
  const inlineSVG = options.inlineSVG ?? true
  let bySvg = engines.get(set)
  if (!bySvg) engines.set(set, (bySvg = new Map()))
  let marp = bySvg.get(inlineSVG)
  if (!marp) bySvg.set(inlineSVG, (marp = createMarp(set, options)))
  return marp
}

/**
 * marp-core whose CSS is made once per distinct input. Marpit packs the theme
 * with postcss on every render (about 40 ms for our theme, a third of a
 * 60-slide render), though a build renders the same theme up to three times
 * and the packed CSS depends only on what the key holds: the theme, the
 * global directives (marp-core's `size` swaps the theme for the render) and
 * the pack options (inline `<style>` blocks, containers, SVG). Overriding
 * `renderStyle` is the extension point Marpit's render() calls.
 */
class StyleCachingMarp extends Marp {
  private readonly styles = new Map<string, string>()

  protected override renderStyle(theme?: string): string {
    const key = JSON.stringify([theme ?? null, this.lastGlobalDirectives ?? null, this.themeSetPackOptions()])
    const known = this.styles.get(key)
    if (known !== undefined) return known
    const css = super.renderStyle(theme)
    // A handful of keys in a build; the bound keeps a long-lived app's engine small.
    if (this.styles.size >= MAX_CACHED_STYLES) this.styles.delete(this.styles.keys().next().value!)
    this.styles.set(key, css)
    return css
  }
}

const MAX_CACHED_STYLES = 16

export function createMarp(set: TemplateSet, options: MarpOptions = {}): Marp {
  // Emoji images and math would pull fonts and pictures from a CDN; a briefing
  // opened offline in a boardroom must look the same, so both are off.
  const marp = new StyleCachingMarp({
    html: false,
    math: false,
    emoji: { shortcode: false, unicode: false },
    minifyCSS: true,
    script: { source: 'inline' },
    inlineSVG: options.inlineSVG ?? true,
  })
  // Speaker notes skip Marpit's YAML reading (note-comments.ts): same tokens, a tenth of a second less per build.
  marp.use(noteComments)
  for (const { css, file } of set.themes.values()) {
    try {
      marp.themeSet.add(css)
    } catch (error) {
      throw new UserError(`theme CSS cannot be used: ${(error as Error).message}`, { location: { file } })
    }
  }
  return marp
}

export function renderSlides(markdown: string, set: TemplateSet, options: MarpOptions = {}): RenderedSlides {
  const { html, css, comments } = marpFor(set, options).render(markdown)
  const notes = comments.map((list) => list.join('\n\n'))
  return { html, css, notes, slideCount: notes.length }
}

export interface ShellSlideMeta {
  readonly segment: string
  readonly segmentTitle: string
  readonly segmentMinutes: number
  readonly budgetSeconds: number
  readonly title: string
}

/** The language of a deck: its catalogue, or English for a model built without one. */
export function deckLang(deck: DeckModel): Lang {
  return langFor(deck.language || undefined)
}

/** Data the shell script reads: one entry per slide, plus the agenda and the words of the deck's language. */
export function shellData(deck: DeckModel, rendered: RenderedSlides) {
  if (rendered.slideCount !== deck.slides.length) {
    throw new RuntimeError(
      `the templates produced ${rendered.slideCount} slides for ${deck.slides.length} planned ones`,
      { hint: 'a custom template must not add or remove `---` slide breaks' },
    )
  }
  const lang = deckLang(deck)
  const w = lang.w.shell
  const p = lang.w.pacing
  return {
    title: `${deck.company}: ${deck.topic.title}`,
    duration: deck.duration,
    // The presenter window's `<html lang>`: the same as the deck's.
    lang: lang.code,
    // Shown instead of the countdown and budgets on appendix slides, which have no time.
    appendixLabel: lang.w.common.appendix,
    // Every fixed word the script writes; `{elapsed}` and `{total}` it fills itself.
    words: {
      presenterTitle: w.presenterTitle,
      currentSlide: w.currentSlide,
      nextSlide: w.nextSlide,
      next: w.next,
      notes: w.notes,
      segment: w.segment,
      segmentLeft: w.segmentLeft,
      slideBudget: w.slideBudget,
      elapsed: w.elapsed,
      slide: w.slide,
      elapsedOf: w.elapsedOf,
      endOfDeck: w.endOfDeck,
      allowPopups: w.allowPopups,
      // Pacing, pause and end of talk (`{time}`, `{elapsed}`, `{total}` filled by the script).
      pace: p.pace,
      ahead: p.ahead,
      behind: p.behind,
      onPlan: p.onPlan,
      start: p.start,
      pause: p.pause,
      resume: p.resume,
      paused: p.paused,
      endTalk: p.endTalk,
      ended: p.ended,
      numbersFrom: p.numbersFrom,
      notRefreshed: p.notRefreshed,
      recorded: p.recorded,
      notRecorded: p.notRecorded,
    },
    slides: deck.slides.map((slide, i) => ({
      segment: slide.segment,
      segmentTitle: slide.segmentTitle,
      segmentLine: lang.say(w.segmentLine, { segment: slide.segmentTitle, minutes: lang.count(slide.segmentMinutes) }),
      segmentMinutes: slide.segmentMinutes,
      budgetSeconds: slide.budgetSeconds,
      appendix: slide.appendix === true,
      title: slide.title,
      notes: rendered.notes[i] ?? '',
    })),
  }
}

/** The complete, self-contained `deck.html`. */
export async function renderDeckHtml(deck: DeckModel, rendered: RenderedSlides): Promise<string> {
  const [shellCss, shellJs] = await Promise.all([
    readFile(join(BUILTIN.templates, 'shell', 'deck-shell.css'), 'utf8'),
    readFile(join(BUILTIN.templates, 'shell', 'deck-shell.js'), 'utf8'),
  ])
  const data = shellData(deck, rendered)
  const w = deckLang(deck).w.shell
  return `<!DOCTYPE html>
<html lang="${escapeHtml(data.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="showtell">
<meta name="author" content="${escapeHtml(deck.presenter ?? deck.company)}">
<title>${escapeHtml(data.title)}</title>
<style id="marp-style">${rendered.css}</style>
<style id="shell-style">${shellCss}</style>
</head>
<body>
<main id="deck" aria-label="${escapeHtml(w.slides)}">${rendered.html}</main>
<div id="counter" class="shell-ui" aria-live="polite"></div>
<div id="help" class="shell-ui" hidden>${escapeHtml(w.help)}</div>
<div id="help-pacing" class="shell-ui" hidden>${escapeHtml(deckLang(deck).w.pacing.help)}</div>
<script type="application/json" id="showtell-data">${jsonForScript(data)}</script>
<script>${shellJs}</script>
</body>
</html>
`
}

/**
 * Puts the build's own pictures (screenshots, audit screenshots, charts) inside the HTML as data
 * URIs, so deck.html is one file and the PDFs print them. Only `src="…"` and
 * CSS `url(…)` references to our own folders are touched, never text.
 */
export async function inlineAssets(html: string, folder: string): Promise<string> {
  const pattern = /(src="|url\(&quot;|url\(")((?:snapshots|charts|audit)\/[a-z0-9][a-z0-9-]*\.(png|svg))/g
  const names = new Set([...html.matchAll(pattern)].map((m) => m[2]!))
  const data = new Map<string, string>()
  for (const name of names) {
    // A missing picture stays a relative link and the slide still renders;
    // one that is there but cannot be read fails the build, naming it.
    let bytes: Buffer | undefined
    try {
      bytes = await ignoreMissing(readFile(join(folder, name)))
    } catch (error) {
      throw unreadable(error, name, 'the picture')
    }
    if (bytes) data.set(name, `data:${name.endsWith('.svg') ? 'image/svg+xml' : 'image/png'};base64,${bytes.toString('base64')}`)
  }
  return html.replace(pattern, (whole, prefix: string, name: string) => (data.has(name) ? `${prefix}${data.get(name)}` : whole))
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** JSON that cannot close its <script> element or open a comment. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}
