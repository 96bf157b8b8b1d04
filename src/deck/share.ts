// Owns deck-share.html: the deck for mailing to executives. The same slides
// as deck.html (the same marp-core HTML and CSS, pictures inlined), in a
// smaller shell that only moves between slides and goes full screen. It holds
// no speaker notes, no time budgets and no presenter view: the file is built
// from the rendered slides alone and never sees `rendered.notes` or the deck's
// timing, so nothing of them can leak into a data block. marp-core itself
// keeps the `<!-- -->` notes out of its HTML (they come back only in
// `comments`, which this module does not read).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BUILTIN } from '../workspace/paths.js'
import type { DeckModel } from './compose.js'
import { deckLang, escapeHtml, type RenderedSlides } from './render.js'

/** The complete, self-contained `deck-share.html`. `rendered` has its pictures inlined already. */
export async function renderShareHtml(deck: DeckModel, rendered: Pick<RenderedSlides, 'html' | 'css'>): Promise<string> {
  // deck.html's stylesheet: it lays out one slide at a time and styles the counter and help only.
  // Its comments go: they talk about the presenter, and this file has none.
  const shellCss = (await readFile(join(BUILTIN.templates, 'shell', 'deck-shell.css'), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '')
  const lang = deckLang(deck)
  const title = `${deck.company}: ${deck.topic.title}`
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang.code)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="showtell">
<meta name="author" content="${escapeHtml(deck.presenter ?? deck.company)}">
<title>${escapeHtml(title)}</title>
<style id="marp-style">${rendered.css}</style>
<style id="shell-style">${shellCss}</style>
</head>
<body>
<main id="deck" aria-label="${escapeHtml(lang.w.shell.slides)}">${rendered.html}</main>
<div id="counter" class="shell-ui" aria-live="polite"></div>
<div id="help" class="shell-ui" hidden>${escapeHtml(lang.w.formats.shareHelp)}</div>
<script>${SHARE_SHELL_JS}</script>
</body>
</html>
`
}

/**
 * The share shell: deck.html's navigation without its presenter view, clock
 * and data block. It has no words of its own (the help line is in the page).
 */
const SHARE_SHELL_JS = `(function () {
  'use strict'
  var slides = Array.prototype.slice.call(document.querySelectorAll('#deck > .marpit > svg'))
  var counter = document.getElementById('counter')
  var help = document.getElementById('help')
  var current = -1
  var idleTimer = null
  function wake() {
    counter.classList.remove('idle')
    clearTimeout(idleTimer)
    idleTimer = setTimeout(function () { counter.classList.add('idle') }, 2500)
  }
  function go(index) {
    current = Math.max(0, Math.min(slides.length - 1, index))
    slides.forEach(function (svg, i) {
      svg.classList.toggle('active', i === current)
      svg.setAttribute('aria-hidden', i === current ? 'false' : 'true')
    })
    counter.textContent = current + 1 + ' / ' + slides.length
    wake()
    if (history.replaceState) history.replaceState(null, '', '#' + (current + 1))
  }
  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen()
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {})
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    var key = event.key
    var handled = true
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || (key === ' ' && !event.shiftKey) || key === 'Enter') go(current + 1)
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || (key === ' ' && event.shiftKey) || key === 'Backspace') go(current - 1)
    else if (key === 'Home') go(0)
    else if (key === 'End') go(slides.length - 1)
    else if (key === 'f' || key === 'F') toggleFullscreen()
    else if (key === '?' || key === 'h') help.hidden = !help.hidden
    else handled = false
    if (handled) event.preventDefault()
  })
  document.addEventListener('mousemove', wake)
  document.getElementById('deck').addEventListener('click', function (event) {
    go(event.clientX < window.innerWidth / 3 ? current - 1 : current + 1)
  })
  window.addEventListener('hashchange', function () {
    var n = parseInt(location.hash.slice(1), 10)
    if (n >= 1 && n - 1 !== current) go(n - 1)
  })
  var start = parseInt(location.hash.slice(1), 10)
  go(start >= 1 ? start - 1 : 0)
  // For scripts and tests: read-only view of the state.
  window.showtell = {
    get current() { return current },
    get slideCount() { return slides.length },
    go: function (index) { go(index) }
  }
})()`
