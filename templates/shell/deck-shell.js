/*
 * The deck.html shell: keyboard navigation, a slide counter, a presenter view
 * with the talk's clock (per-segment countdown, pacing by segment, pause, end
 * of talk), `window.showtell` for scripts, and the live link of `showtell
 * present`. Plain browser JavaScript with no imports, so the file works offline
 * and from file://. The presenter window is opened empty and filled from here,
 * so both windows share one state and stay in sync even on file:// URLs.
 * Every word it writes comes from `data.words` (the deck's catalogue, put in
 * the data block by src/deck/render.ts), so a Norwegian deck has a Norwegian
 * presenter view and this file has no words of its own.
 * The live link (LIVE.md) starts only when the present server has put
 * `<meta name="showtell-live">` in the page: the static deck.html makes no
 * network request at all.
 */
(function () {
  'use strict'
  var data = JSON.parse(document.getElementById('showtell-data').textContent)
  var words = data.words
  var slides = Array.prototype.slice.call(document.querySelectorAll('#deck > .marpit > svg'))
  var counter = document.getElementById('counter')
  var help = document.getElementById('help')
  var helpPacing = document.getElementById('help-pacing')
  var current = 0
  var presenter = null
  var AMBER_SHARE = 0.2 // amber when a fifth of the segment's budget is left
  var AMBER_FLOOR_SECONDS = 30
  // Within this much of the plan the pace reads "on plan": a few seconds either way is noise.
  var ON_PLAN_MS = 15000
  // 'change' fires at most this often while the clock runs (and at once on every move).
  var CHANGE_EVERY_MS = 1000
  var APPENDIX = '(appendix)'
  var has = Object.prototype.hasOwnProperty

  // ---- the plan --------------------------------------------------------------

  // The agenda's segments in deck order, each with its planned start P(k) (the
  // sum of the earlier segments' minutes) and its budget. Appendix slides are
  // in no segment: they have no time.
  var plan = []
  var planAt = {}
  var lastTimed = -1
  data.slides.forEach(function (slide, i) {
    if (slide.appendix) return
    lastTimed = i
    if (has.call(planAt, slide.segment)) return
    var startMs = plan.length === 0 ? 0 : plan[plan.length - 1].startMs + plan[plan.length - 1].budgetMs
    planAt[slide.segment] = plan.length
    plan.push({ id: slide.segment, minutes: slide.segmentMinutes, startMs: startMs, budgetMs: slide.segmentMinutes * 60000 })
  })

  // ---- the clock ---------------------------------------------------------------

  /*
   * Talk time is the wall clock less every pause; it stands still while paused
   * and after the end (`frozenAt`). All figures are read from it, so a pause
   * stops the elapsed time, the segment countdown and the pace at once.
   * Time spent per segment: finished visits in `spent`, the running one since
   * `enteredAt` (talk time). The clock starts with the first move (or the
   * Start button / K key), never when a window opens.
   * `reached` is the furthest segment (by plan position) the talk has been in.
   */
  var clock = {
    startedAt: null,
    segment: null,
    enteredAt: null,
    spent: {},
    visited: {},
    reached: -1,
    frozenAt: null,
    pausedSince: null,
    pausedMs: 0,
    paused: false,
    ended: false,
    endedAt: null
  }

  // The only place the script reads the time: tests replace Date.now before the page loads.
  function now() {
    return Date.now()
  }

  function talkNow() {
    return clock.frozenAt !== null ? clock.frozenAt : now() - clock.pausedMs
  }

  function startClock() {
    if (clock.startedAt !== null) return
    clock.startedAt = talkNow()
    clock.segment = segmentKey(current)
    clock.enteredAt = clock.startedAt
    reach(clock.segment)
  }

  function trackSegment() {
    // After the end nothing moves between segments: the figures stay as they were.
    if (clock.startedAt === null || clock.ended) return
    var segment = segmentKey(current)
    if (segment === clock.segment) return
    var t = talkNow()
    clock.spent[clock.segment] = (clock.spent[clock.segment] || 0) + (t - clock.enteredAt)
    clock.segment = segment
    clock.enteredAt = t
    reach(segment)
  }

  function reach(segment) {
    if (!has.call(planAt, segment)) return
    clock.visited[segment] = true
    clock.reached = Math.max(clock.reached, planAt[segment])
  }

  // Appendix slides (after "Next meeting") have no budget: time there counts against no segment.
  function segmentKey(index) {
    return data.slides[index].appendix ? APPENDIX : data.slides[index].segment
  }

  function spentMs(segment) {
    if (clock.startedAt === null) return 0
    return (clock.spent[segment] || 0) + (segment === clock.segment ? talkNow() - clock.enteredAt : 0)
  }

  function elapsedMs() {
    return clock.startedAt === null ? 0 : talkNow() - clock.startedAt
  }

  function running() {
    return clock.startedAt !== null && !clock.paused && !clock.ended
  }

  function segmentLeftMs() {
    var slide = data.slides[current]
    if (slide.appendix) return null
    return slide.segmentMinutes * 60000 - spentMs(segmentKey(current))
  }

  /*
   * Pacing by segment: how far ahead of (> 0) or behind (< 0) the plan the talk
   * is, in ms. With the segments in deck order, P(k) the planned start of
   * segment k (the sum of the earlier segments' minutes), b_k its budget, s_k
   * the time spent in it so far and E the time spent in all segments:
   *
   *   ahead = P(k) + min(s_k, b_k) − E,   k = the furthest segment reached
   *
   * Gone through in order this is the time saved or lost in the finished
   * segments, less the current one's overrun: being early inside a segment is
   * not yet time in hand, running over it is time lost at once.
   * k is the furthest segment reached, not the current one: going back to
   * show an earlier slide costs the minutes spent there, but does not swing
   * the figure by whole segments' budgets (it would with k = the current
   * segment). A segment skipped on the way counts as done, its minutes in hand.
   * Appendix time is in no segment, so E and s_k do not grow there and the
   * figure stands still. Before the clock starts it is 0.
   */
  function aheadMs() {
    if (clock.startedAt === null || clock.reached < 0) return 0
    var used = 0
    plan.forEach(function (segment) {
      used += spentMs(segment.id)
    })
    var k = plan[clock.reached]
    return k.startMs + Math.min(spentMs(k.id), k.budgetMs) - used
  }

  // ---- pause, resume, end ------------------------------------------------------

  // Before the clock runs, the pause key and button start it: the talk may begin on the title slide.
  function togglePause() {
    if (clock.startedAt === null) {
      startClock()
      changed()
    } else if (clock.paused) resume()
    else pause()
  }

  function pause() {
    if (!running()) return
    clock.frozenAt = talkNow()
    clock.pausedSince = now()
    clock.paused = true
    changed()
  }

  function resume() {
    if (!clock.paused || clock.ended) return
    clock.pausedMs += now() - clock.pausedSince
    clock.pausedSince = null
    clock.frozenAt = null
    clock.paused = false
    changed()
  }

  /*
   * Ends the talk: the clock stops for good and 'end' fires once with the
   * minutes really spent. Nothing restarts it: moving back and forth
   * afterwards shows the slides with the figures as they were at the end.
   * Before the clock has started there is no talk to end (a stray click must
   * not record a meeting of zero minutes).
   * `actual` lists only segments the talk has been in; a segment never
   * visited (a talk ended early) is absent, not 0: it was not presented, so it
   * says nothing of how long it takes, and the planner skips it.
   */
  function end() {
    if (clock.startedAt === null || clock.ended) return
    clock.frozenAt = talkNow()
    clock.pausedSince = null
    clock.paused = false
    clock.ended = true
    clock.endedAt = new Date(now()).toISOString()
    var actual = {}
    var planned = {}
    plan.forEach(function (segment) {
      planned[segment.id] = segment.minutes
      if (clock.visited[segment.id]) actual[segment.id] = Math.round(spentMs(segment.id) / 60) / 1000
    })
    changed()
    emit('end', { actual: actual, planned: planned, endedAt: clock.endedAt })
  }

  /*
   * "After the last slide": a step forward (next, →, Space, a click, a
   * remote's next) from the last slide before the appendix ends the talk, and
   * so does one from the very last slide. The step still moves into the
   * appendix, so a presenter can take questions there; the talk's figures
   * were taken as it ended and stay on the presenter view. A jump (End key,
   * go(), the address) into the appendix does not end the talk: it may be a
   * look at an account in the middle of the talk.
   */
  function step(delta) {
    if (delta > 0 && (current === lastTimed || current === slides.length - 1)) end()
    go(current + delta)
  }

  // ---- events ----------------------------------------------------------------

  var listeners = { change: [], end: [] }
  var lastChangeAt = null

  function emit(name, value) {
    listeners[name].slice().forEach(function (fn) {
      // One broken listener must not stop the others, or the keys.
      try {
        fn(value)
      } catch (error) {
        if (window.console) console.error(error)
      }
    })
  }

  function changed() {
    lastChangeAt = now()
    emit('change', state())
    updatePresenter()
  }

  function state() {
    var slide = data.slides[current]
    var left = segmentLeftMs()
    return {
      index: current,
      count: slides.length,
      title: slide.title,
      segment: slide.segment,
      segmentTitle: slide.segmentTitle,
      appendix: slide.appendix,
      started: clock.startedAt !== null,
      paused: clock.paused,
      ended: clock.ended,
      elapsedMs: Math.round(elapsedMs()),
      segmentLeftMs: left === null ? null : Math.round(left),
      aheadMs: Math.round(aheadMs())
    }
  }

  // ---- moving --------------------------------------------------------------------

  function go(index, initial) {
    var next = Math.max(0, Math.min(slides.length - 1, index))
    if (next === current && !initial) return
    // The clock starts with the first move, not on load.
    if (!initial) startClock()
    current = next
    slides.forEach(function (svg, i) {
      svg.classList.toggle('active', i === current)
      svg.setAttribute('aria-hidden', i === current ? 'false' : 'true')
    })
    counter.textContent = current + 1 + ' / ' + slides.length
    wake()
    trackSegment()
    if (history.replaceState) history.replaceState(null, '', '#' + (current + 1))
    if (initial) updatePresenter()
    else changed()
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
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || (key === ' ' && !event.shiftKey) || key === 'Enter') step(1)
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || (key === ' ' && event.shiftKey) || key === 'Backspace') step(-1)
    else if (key === 'Home') go(0)
    else if (key === 'End') go(slides.length - 1)
    else if (key === 'p' || key === 'P') openPresenter()
    else if (key === 'f' || key === 'F') toggleFullscreen()
    else if (key === 'k' || key === 'K' || key === 'Pause') togglePause()
    else if (key === '?' || key === 'h') {
      help.hidden = !help.hidden
      if (helpPacing) helpPacing.hidden = help.hidden
    } else handled = false
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

  function pad(n) {
    return (n < 10 ? '0' : '') + n
  }

  // ---- fresh slides (showtell present --refresh) --------------------------------------

  var fresh = null

  /*
   * Swaps slides' <svg> in place: same position in the deck, no reload, the
   * current slide stays current. The HTML is marp-core's output from our own
   * server; it is parsed in an inert <template> (nothing in it runs while
   * parsed) and only an index that exists is replaced. A slide has no script
   * or event handler of its own, so any is dropped. Returns how many slides
   * were replaced.
   */
  function replaceSlides(payload) {
    if (!payload || typeof payload !== 'object') return 0
    var replaced = 0
    ;(Array.isArray(payload.slides) ? payload.slides : []).forEach(function (item) {
      if (!item || typeof item.html !== 'string' || typeof item.index !== 'number') return
      var index = item.index
      if (index % 1 !== 0 || index < 0 || index >= slides.length) return
      var svg = parseSlide(item.html)
      if (!svg) return
      var old = slides[index]
      svg.classList.toggle('active', index === current)
      svg.setAttribute('aria-hidden', index === current ? 'false' : 'true')
      old.parentNode.replaceChild(svg, old)
      slides[index] = svg
      // The fresh title and notes too: an account's carry its figures, and the
      // presenter view and the remote must not show the build's.
      if (typeof item.title === 'string') data.slides[index].title = item.title.slice(0, 1000)
      if (typeof item.notes === 'string') data.slides[index].notes = item.notes.slice(0, 100000)
      replaced++
    })
    var at = typeof payload.at === 'string' ? new Date(payload.at) : null
    fresh = {
      at: at && !isNaN(at.getTime()) ? pad(at.getHours()) + ':' + pad(at.getMinutes()) : null,
      failed: (Array.isArray(payload.failed) ? payload.failed : []).filter(function (line) {
        return typeof line === 'string'
      })
    }
    // The presenter view's copies are redrawn from the new slides.
    if (presenter && !presenter.closed) {
      var box = presenter.document.getElementById('pv-current')
      if (box) box.removeAttribute('data-index')
    }
    updatePresenter()
    return replaced
  }

  function parseSlide(html) {
    var template = document.createElement('template')
    template.innerHTML = html
    var content = template.content
    Array.prototype.forEach.call(content.querySelectorAll('script'), function (el) {
      el.parentNode.removeChild(el)
    })
    Array.prototype.forEach.call(content.querySelectorAll('*'), function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (attribute) {
        if (/^on/i.test(attribute.name)) el.removeAttribute(attribute.name)
      })
    })
    var svg = content.querySelector('svg[data-marpit-svg]') || content.querySelector('svg')
    return svg ? document.importNode(svg, true) : null
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
    '#pv-bar{grid-column:1/3;display:flex;flex-wrap:wrap;gap:28px;align-items:baseline;font-variant-numeric:tabular-nums}',
    '#pv-countdown{font-size:34px;font-weight:700;padding:2px 12px;border-radius:6px}',
    '#pv-countdown.ok{color:#9be29b}',
    '#pv-countdown.amber{color:#1b1200;background:#f2b630}',
    '#pv-countdown.red{color:#fff;background:#c62828}',
    '#pv-countdown.appendix{color:#cfd6e0}',
    '.label,.pv-label{font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:#9aa5b4}',
    '#pv-elapsed{font-size:26px}',
    '#pv-segment{font-size:18px}',
    // A fixed width, so the figures beside it do not shift as the words change.
    '#pv-pace{font-size:26px;font-weight:700;min-width:9em}',
    '#pv-pace.ahead{color:#9be29b}',
    '#pv-pace.on-plan{color:#cfd6e0}',
    '#pv-pace.behind{color:#ff8a80}',
    '#pv-status{font-size:22px;font-weight:700;color:#f2b630;margin-bottom:8px}',
    '#pv-status.ended{color:#9be29b}',
    '#pv-fresh{font-size:14px;color:#cfd6e0;margin-bottom:8px;white-space:pre-wrap}',
    '#pv-controls{margin-left:auto;display:flex;gap:10px}',
    '#pv-controls button{font:inherit;font-size:16px;padding:6px 14px;border-radius:6px;border:1px solid #5b6675;background:#1d2430;color:#e8ecf2;cursor:pointer}',
    '#pv-controls button:disabled{opacity:.4;cursor:default}',
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
        '<div id="pv-side"><div id="pv-status" role="status" hidden></div><div id="pv-fresh" hidden></div>' +
        '<div class="label">' + escapeText(words.next) + '</div><div id="pv-next" aria-label="' + escapeText(words.nextSlide) + '"></div>' +
        '<div class="label" style="margin-top:12px">' + escapeText(words.notes) + '</div><div id="pv-notes"></div></div>' +
        '<div id="pv-bar">' +
        '<div><div class="label">' + escapeText(words.segment) + '</div><div id="pv-segment"></div></div>' +
        '<div><div class="label">' + escapeText(words.segmentLeft) + '</div><div id="pv-countdown" class="ok"></div></div>' +
        '<div><div class="pv-label">' + escapeText(words.pace) + '</div><div id="pv-pace" class="on-plan"></div></div>' +
        '<div><div class="label">' + escapeText(words.slideBudget) + '</div><div id="pv-slide-budget"></div></div>' +
        '<div><div class="label">' + escapeText(words.elapsed) + '</div><div id="pv-elapsed"></div></div>' +
        '<div><div class="label">' + escapeText(words.slide) + '</div><div id="pv-counter"></div></div>' +
        '<div id="pv-controls"><button type="button" id="pv-pause"></button><button type="button" id="pv-end">' + escapeText(words.endTalk) + '</button></div>' +
        '</div></div></body></html>'
    )
    doc.close()
    var style = doc.createElement('style')
    style.textContent = document.getElementById('marp-style').textContent + '\n' + PRESENTER_CSS
    doc.head.appendChild(style)
    win.addEventListener('keydown', onKey)
    button(doc, 'pv-pause', togglePause)
    button(doc, 'pv-end', end)
    presenter = win
    updatePresenter()
  }

  function button(doc, id, action) {
    var el = doc.getElementById(id)
    el.addEventListener('click', function () {
      action()
      // Space and Enter must keep moving the slides, not press the button again.
      el.blur()
    })
  }

  // Fills the {placeholders} of a catalogue text, as lang.say does.
  function say(template, vars) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return has.call(vars, name) ? String(vars[name]) : whole
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
    var freshBox = doc.getElementById('pv-fresh')
    if (fresh) {
      var lines = []
      if (fresh.at) lines.push(say(words.numbersFrom, { time: fresh.at }))
      if (fresh.failed.length > 0) lines.push(words.notRefreshed + '\n' + fresh.failed.join('\n'))
      freshBox.textContent = lines.join('\n')
      freshBox.hidden = lines.length === 0
    }
    tick()
  }

  function paceText(ms) {
    if (Math.abs(ms) < ON_PLAN_MS) return { text: words.onPlan, kind: 'on-plan' }
    return ms > 0 ? { text: say(words.ahead, { time: formatTime(ms) }), kind: 'ahead' } : { text: say(words.behind, { time: formatTime(-ms) }), kind: 'behind' }
  }

  function tick() {
    if (!presenter || presenter.closed) return
    var doc = presenter.document
    var slide = data.slides[current]
    var box = doc.getElementById('pv-countdown')
    if (!box) return
    if (slide.appendix) {
      // No countdown in the appendix: it is there for questions, not planned time.
      box.textContent = data.appendixLabel
      box.className = 'appendix'
      box.setAttribute('data-state', 'appendix')
    } else {
      var budgetMs = slide.segmentMinutes * 60000
      var left = segmentLeftMs()
      var state = left < 0 ? 'red' : left <= Math.max(budgetMs * AMBER_SHARE, AMBER_FLOOR_SECONDS * 1000) ? 'amber' : 'ok'
      box.textContent = formatTime(left)
      box.className = state
      box.setAttribute('data-state', state)
    }
    var total = data.duration + ':00'
    var elapsed = formatTime(elapsedMs())
    doc.getElementById('pv-elapsed').textContent = say(words.elapsedOf, { elapsed: elapsed, total: total })
    var pace = paceText(aheadMs())
    var paceBox = doc.getElementById('pv-pace')
    paceBox.textContent = pace.text
    paceBox.className = pace.kind
    paceBox.setAttribute('data-pace', pace.kind)
    var status = doc.getElementById('pv-status')
    var statusText = clock.ended ? say(words.ended, { elapsed: elapsed, total: total }) + (recordedText ? ' · ' + recordedText : '') : clock.paused ? words.paused : ''
    if (status.textContent !== statusText) status.textContent = statusText
    status.hidden = statusText === ''
    status.className = clock.ended ? 'ended' : clock.paused ? 'paused' : ''
    var pauseButton = doc.getElementById('pv-pause')
    var pauseText = clock.startedAt === null ? words.start : clock.paused ? words.resume : words.pause
    if (pauseButton.textContent !== pauseText) pauseButton.textContent = pauseText
    pauseButton.disabled = clock.ended
    doc.getElementById('pv-end').disabled = clock.startedAt === null || clock.ended
  }

  // Four times a second: the presenter view's figures, and 'change' once a second while the clock runs.
  function heartbeat() {
    if (running() && (lastChangeAt === null || now() - lastChangeAt >= CHANGE_EVERY_MS)) changed()
    else tick()
  }

  // ---- the live link (showtell present) --------------------------------------------

  var recordedText = ''

  /*
   * Only under `showtell present`, whose server puts the meta in the page.
   * Commands and fresh slides come in on one EventSource (which retries a lost
   * connection by itself); every 'change' is POSTed as State, one at a time
   * so they arrive in order (the latest waiting one goes next), and the end
   * once as Ended. A network failure is caught and forgotten: the keys keep
   * working whatever the server does.
   */
  function startLive(base) {
    var source = null
    function url(path) {
      return new URL(path, base).href
    }
    function connect() {
      try {
        source = new EventSource(url('events'))
      } catch (error) {
        return
      }
      source.addEventListener('command', function (event) {
        var action = parsed(event.data)
        action = action && action.action
        if (action === 'next') step(1)
        else if (action === 'prev') step(-1)
        else if (action === 'pause') pause()
        else if (action === 'resume') resume()
        else if (action === 'end') end()
      })
      source.addEventListener('slides', function (event) {
        replaceSlides(parsed(event.data))
      })
      source.addEventListener('error', function () {
        // EventSource retries a dropped stream itself; one the server refused is closed, so try again later.
        if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000)
      })
    }
    function parsed(text) {
      try {
        return JSON.parse(text)
      } catch (error) {
        return null
      }
    }
    function post(path, body) {
      return fetch(url(path), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store'
      })
    }
    var sending = false
    var waiting = null
    function sendState(value) {
      if (sending) {
        waiting = value
        return
      }
      sending = true
      post('state', value)
        .catch(function () {})
        .then(function () {
          sending = false
          var next = waiting
          waiting = null
          if (next) sendState(next)
        })
    }
    // The minutes matter more than a state: a failed POST is tried again, a few times (the server records the first only).
    function sendEnd(ended, attempt) {
      post('end', ended)
        .then(function (response) {
          if (response.status >= 500) throw new Error('status ' + response.status)
          return response.json().then(function (answer) {
            recordedText = answer && answer.recorded === 'written' ? words.recorded : answer && answer.recorded === 'already' ? '' : words.notRecorded
            tick()
          })
        })
        .catch(function () {
          if (attempt < 5) setTimeout(function () {
            sendEnd(ended, attempt + 1)
          }, 1000 * Math.pow(2, attempt))
          else {
            recordedText = words.notRecorded
            tick()
          }
        })
    }
    listeners.change.push(sendState)
    listeners.end.push(function (ended) {
      sendEnd(ended, 0)
    })
    connect()
    sendState(state())
  }

  document.addEventListener('keydown', onKey)
  document.addEventListener('mousemove', wake)
  document.getElementById('deck').addEventListener('click', function (event) {
    step(event.clientX < window.innerWidth / 3 ? -1 : 1)
  })
  window.addEventListener('hashchange', function () {
    var n = parseInt(location.hash.slice(1), 10)
    if (n >= 1 && n - 1 !== current) go(n - 1)
  })
  setInterval(heartbeat, 250)

  var start = parseInt(location.hash.slice(1), 10)
  current = -1
  go(start >= 1 ? start - 1 : 0, true)

  // For scripts, tests and the live link (LIVE.md): the state, the moves and the clock.
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
    next: function () {
      step(1)
    },
    prev: function () {
      step(-1)
    },
    pause: pause,
    resume: resume,
    end: end,
    state: state,
    on: function (name, fn) {
      if (has.call(listeners, name) && typeof fn === 'function') listeners[name].push(fn)
    },
    replaceSlides: replaceSlides,
    openPresenter: openPresenter
  }

  var live = document.querySelector('meta[name="showtell-live"]')
  if (live && typeof EventSource === 'function' && typeof fetch === 'function') {
    try {
      startLive(new URL(live.getAttribute('content') || 'live/', location.href).href)
    } catch (error) {
      if (window.console) console.error(error)
    }
  }
})()
