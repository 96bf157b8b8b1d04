/*
 * The deck.html shell: keyboard navigation, a slide counter and a presenter
 * view. Plain browser JavaScript with no imports, so the file works offline and
 * from file://. The presenter window is opened empty and filled from here, so
 * both windows share one state and stay in sync even on file:// URLs.
 * Every word it writes comes from `data.words` (the deck's catalogue, put in
 * the data block by src/deck/render.ts), so a Norwegian deck has a Norwegian
 * presenter view and this file has no words of its own.
 */
(function () {
  'use strict'
  var data = JSON.parse(document.getElementById('showtell-data').textContent)
  var words = data.words
  var slides = Array.prototype.slice.call(document.querySelectorAll('#deck > .marpit > svg'))
  var counter = document.getElementById('counter')
  var help = document.getElementById('help')
  var current = 0
  var presenter = null
  var AMBER_SHARE = 0.2 // amber when a fifth of the segment's budget is left
  var AMBER_FLOOR_SECONDS = 30

  // Time spent per segment: finished visits in `spent`, the running one since `enteredAt`.
  var clock = { startedAt: null, segment: null, enteredAt: null, spent: {} }

  function now() {
    return Date.now()
  }

  function startClock() {
    if (clock.startedAt === null) {
      clock.startedAt = now()
      clock.segment = segmentKey(current)
      clock.enteredAt = clock.startedAt
    }
  }

  function trackSegment() {
    if (clock.startedAt === null) return
    var segment = segmentKey(current)
    if (segment === clock.segment) return
    var t = now()
    clock.spent[clock.segment] = (clock.spent[clock.segment] || 0) + (t - clock.enteredAt)
    clock.segment = segment
    clock.enteredAt = t
  }

  // Appendix slides (after "Next meeting") have no budget: time there counts against no segment.
  function segmentKey(index) {
    return data.slides[index].appendix ? '(appendix)' : data.slides[index].segment
  }

  function segmentSpentMs() {
    if (clock.startedAt === null) return 0
    return (clock.spent[clock.segment] || 0) + (now() - clock.enteredAt)
  }

  function go(index, initial) {
    var next = Math.max(0, Math.min(slides.length - 1, index))
    // The clock starts with the first move (or the presenter view), not on load.
    if (next !== current && !initial) startClock()
    current = next
    slides.forEach(function (svg, i) {
      svg.classList.toggle('active', i === current)
      svg.setAttribute('aria-hidden', i === current ? 'false' : 'true')
    })
    counter.textContent = current + 1 + ' / ' + slides.length
    wake()
    trackSegment()
    if (history.replaceState) history.replaceState(null, '', '#' + (current + 1))
    updatePresenter()
  }

  var idleTimer = null
  function wake() {
    counter.classList.remove('idle')
    clearTimeout(idleTimer)
    idleTimer = setTimeout(function () {
      counter.classList.add('idle')
    }, 2500)
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    var key = event.key
    var handled = true
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || (key === ' ' && !event.shiftKey) || key === 'Enter') go(current + 1)
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || (key === ' ' && event.shiftKey) || key === 'Backspace') go(current - 1)
    else if (key === 'Home') go(0)
    else if (key === 'End') go(slides.length - 1)
    else if (key === 'p' || key === 'P') openPresenter()
    else if (key === 'f' || key === 'F') toggleFullscreen()
    else if (key === '?' || key === 'h') help.hidden = !help.hidden
    else handled = false
    if (handled) event.preventDefault()
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen()
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {})
  }

  function formatTime(ms) {
    var negative = ms < 0
    var total = Math.floor(Math.abs(ms) / 1000)
    var m = Math.floor(total / 60)
    var s = total % 60
    return (negative ? '-' : '') + m + ':' + (s < 10 ? '0' : '') + s
  }

  // ---- presenter view ---------------------------------------------------------

  var PRESENTER_CSS = [
    'html,body{margin:0;height:100%;background:#11151c;color:#e8ecf2;font:16px/1.45 system-ui,"DejaVu Sans",sans-serif}',
    '#pv{display:grid;grid-template-columns:3fr 2fr;grid-template-rows:auto 1fr auto;gap:14px;height:100%;box-sizing:border-box;padding:14px}',
    '#pv-current{grid-row:1/3;position:relative;min-height:0}',
    '#pv-current svg,#pv-next svg{width:100%;height:100%;display:block}',
    '#pv-next{position:relative;aspect-ratio:16/9;opacity:.85}',
    '#pv-side{display:flex;flex-direction:column;min-height:0}',
    '#pv-notes{overflow:auto;font-size:20px;line-height:1.5;white-space:pre-wrap;padding-right:6px}',
    '#pv-bar{grid-column:1/3;display:flex;gap:28px;align-items:baseline;font-variant-numeric:tabular-nums}',
    '#pv-countdown{font-size:34px;font-weight:700;padding:2px 12px;border-radius:6px}',
    '#pv-countdown.ok{color:#9be29b}',
    '#pv-countdown.amber{color:#1b1200;background:#f2b630}',
    '#pv-countdown.red{color:#fff;background:#c62828}',
    '#pv-countdown.appendix{color:#cfd6e0}',
    '.label{font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:#9aa5b4}',
    '#pv-elapsed{font-size:26px}',
    '#pv-segment{font-size:18px}',
    '.marpit{height:100%}'
  ].join('\n')

  function openPresenter() {
    if (presenter && !presenter.closed) {
      presenter.focus()
      return
    }
    var win = window.open('', 'showtell-presenter', 'width=1280,height=800')
    if (!win) {
      counter.textContent = words.allowPopups
      return
    }
    startClock()
    var doc = win.document
    doc.open()
    doc.write(
      '<!DOCTYPE html><html lang="' +
        escapeText(data.lang) +
        '"><head><meta charset="utf-8"><title>' +
        escapeText(say(words.presenterTitle, { title: data.title })) +
        '</title></head><body>' +
        '<div id="pv">' +
        '<div id="pv-current" aria-label="' + escapeText(words.currentSlide) + '"></div>' +
        '<div id="pv-side"><div class="label">' + escapeText(words.next) + '</div><div id="pv-next" aria-label="' + escapeText(words.nextSlide) + '"></div>' +
        '<div class="label" style="margin-top:12px">' + escapeText(words.notes) + '</div><div id="pv-notes"></div></div>' +
        '<div id="pv-bar">' +
        '<div><div class="label">' + escapeText(words.segment) + '</div><div id="pv-segment"></div></div>' +
        '<div><div class="label">' + escapeText(words.segmentLeft) + '</div><div id="pv-countdown" class="ok"></div></div>' +
        '<div><div class="label">' + escapeText(words.slideBudget) + '</div><div id="pv-slide-budget"></div></div>' +
        '<div><div class="label">' + escapeText(words.elapsed) + '</div><div id="pv-elapsed"></div></div>' +
        '<div><div class="label">' + escapeText(words.slide) + '</div><div id="pv-counter"></div></div>' +
        '</div></div></body></html>'
    )
    doc.close()
    var style = doc.createElement('style')
    style.textContent = document.getElementById('marp-style').textContent + '\n' + PRESENTER_CSS
    doc.head.appendChild(style)
    win.addEventListener('keydown', onKey)
    presenter = win
    updatePresenter()
  }

  // Fills the {placeholders} of a catalogue text, as lang.say does.
  function say(template, vars) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole
    })
  }

  function escapeText(text) {
    return String(text).replace(/[&<>"]/g, function (ch) {
      return '&#' + ch.charCodeAt(0) + ';'
    })
  }

  function slideClone(doc, index) {
    var wrap = doc.createElement('div')
    wrap.className = 'marpit'
    if (index < slides.length) wrap.appendChild(doc.importNode(slides[index], true))
    var svg = wrap.firstChild
    if (svg) {
      svg.style.display = 'block'
      svg.removeAttribute('class')
    }
    return wrap
  }

  function updatePresenter() {
    if (!presenter || presenter.closed) return
    var doc = presenter.document
    var slide = data.slides[current]
    var currentBox = doc.getElementById('pv-current')
    if (!currentBox) return
    if (currentBox.getAttribute('data-index') !== String(current)) {
      currentBox.replaceChildren(slideClone(doc, current))
      currentBox.setAttribute('data-index', String(current))
      var nextBox = doc.getElementById('pv-next')
      nextBox.replaceChildren(current + 1 < slides.length ? slideClone(doc, current + 1) : doc.createTextNode(words.endOfDeck))
      doc.getElementById('pv-notes').textContent = slide.notes
      doc.getElementById('pv-segment').textContent = slide.appendix ? data.appendixLabel : slide.segmentLine
      doc.getElementById('pv-slide-budget').textContent = slide.appendix ? data.appendixLabel : formatTime(slide.budgetSeconds * 1000)
      doc.getElementById('pv-counter').textContent = current + 1 + ' / ' + slides.length
    }
    tick()
  }

  function tick() {
    if (!presenter || presenter.closed) return
    var doc = presenter.document
    var slide = data.slides[current]
    var budgetMs = slide.segmentMinutes * 60000
    var left = budgetMs - segmentSpentMs()
    var state = left < 0 ? 'red' : left <= Math.max(budgetMs * AMBER_SHARE, AMBER_FLOOR_SECONDS * 1000) ? 'amber' : 'ok'
    var box = doc.getElementById('pv-countdown')
    if (!box) return
    if (slide.appendix) {
      // No countdown in the appendix: it is there for questions, not planned time.
      box.textContent = data.appendixLabel
      box.className = 'appendix'
      box.setAttribute('data-state', 'appendix')
    } else {
      box.textContent = formatTime(left)
      box.className = state
      box.setAttribute('data-state', state)
    }
    var elapsed = clock.startedAt === null ? 0 : now() - clock.startedAt
    doc.getElementById('pv-elapsed').textContent = say(words.elapsedOf, { elapsed: formatTime(elapsed), total: data.duration + ':00' })
  }

  document.addEventListener('keydown', onKey)
  document.addEventListener('mousemove', wake)
  document.getElementById('deck').addEventListener('click', function (event) {
    go(event.clientX < window.innerWidth / 3 ? current - 1 : current + 1)
  })
  window.addEventListener('hashchange', function () {
    var n = parseInt(location.hash.slice(1), 10)
    if (n >= 1 && n - 1 !== current) go(n - 1)
  })
  setInterval(tick, 250)

  var start = parseInt(location.hash.slice(1), 10)
  current = -1
  go(start >= 1 ? start - 1 : 0, true)

  // For scripts and tests: read-only view of the state.
  window.showtell = {
    get current() {
      return current
    },
    get slideCount() {
      return slides.length
    },
    go: function (index) {
      go(index)
    },
    openPresenter: openPresenter
  }
})()
