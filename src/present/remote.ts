// Owns the phone remote of `showtell present` (GET remote): one self-contained
// page, its style and script inline and allowed by their hashes, nothing
// fetched from elsewhere. It follows the talk from the live link's `state`
// events (slide title, segment, its time left, ahead/behind, slide counter) and
// POSTs `live/command` for Next, Previous, Pause and Resume. Until the deck
// page sends its first state it says it is waiting for the deck, and its
// buttons still work: the deck picks the talk up once it is open. Every word
// comes from the deck's catalogue (section `remote`).
import type { Lang } from '../deck/lang.js'
import { contentSecurityPolicy, inlineScriptHashes, inlineStyleHashes } from './server.js'

export interface RemotePage {
  readonly html: string
  /** The page's own Content-Security-Policy: its inline style and script by hash, talk back to this server only. */
  readonly csp: string
}

const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:16px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#111;color:#f4f4f4;display:flex;flex-direction:column;padding:12px;gap:10px;min-height:100vh}
#status{font-size:15px;color:#ffd479;min-height:1.35em}
#counter{font-size:15px;color:#bbb}
#title{font-size:22px;font-weight:600;margin:0;overflow-wrap:anywhere}
#segment{font-size:17px;color:#ddd;overflow-wrap:anywhere}
.figures{display:flex;gap:8px;flex-wrap:wrap}
.figure{flex:1 1 140px;background:#222;border-radius:10px;padding:10px 12px;font-size:20px;font-variant-numeric:tabular-nums}
.figure:empty{display:none}
.figure.behind{background:#4a1d1d}
.figure.ahead{background:#1d3a24}
.buttons{margin-top:auto;display:flex;flex-direction:column;gap:10px}
button{font:inherit;font-weight:600;border:0;border-radius:14px;width:100%;color:#fff;touch-action:manipulation;-webkit-tap-highlight-color:transparent}
button:active{filter:brightness(1.3)}
#next{background:#2563eb;font-size:30px;min-height:38vh}
#prev{background:#374151;font-size:24px;min-height:88px}
#pause{background:#4b5563;font-size:20px;min-height:64px}
`

/** The remote's script: plain browser JS, no imports, as deck-shell.js. */
const SCRIPT = `
(function () {
  'use strict';
  var words = JSON.parse(document.getElementById('remote-words').textContent);
  function el(id) { return document.getElementById(id); }
  function say(template, vars) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, key) { return key in vars ? String(vars[key]) : whole; });
  }
  function clock(ms) {
    var seconds = Math.round(Math.abs(ms) / 1000);
    var minutes = Math.floor(seconds / 60);
    seconds = seconds % 60;
    return minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
  }
  var state = null;
  var receivedAt = 0;
  var problem = '';

  function render() {
    var status = problem;
    if (!state) {
      el('status').textContent = status || words.waiting;
      return;
    }
    // Between two states the clock keeps running here, so the time left counts down smoothly.
    var running = state.started && !state.paused && !state.ended;
    var since = running ? Date.now() - receivedAt : 0;
    if (!status) status = state.ended ? words.ended : state.paused ? words.paused : !state.started ? words.notStarted : '';
    el('status').textContent = status;
    el('counter').textContent = say(words.slideOf, { n: state.index + 1, count: state.count });
    el('title').textContent = state.title || '';
    el('segment').textContent = state.appendix ? '' : state.segmentTitle || '';
    var left = el('left');
    if (state.appendix || state.segmentLeftMs === null) {
      left.textContent = words.appendix;
    } else {
      var ms = state.segmentLeftMs - since;
      left.textContent = say(ms >= 0 ? words.segmentLeft : words.segmentOver, { time: clock(ms) });
    }
    var ahead = el('ahead');
    if (state.aheadMs === null || Math.abs(state.aheadMs) < 30000) {
      ahead.textContent = words.onTime;
      ahead.className = 'figure';
    } else {
      ahead.textContent = say(state.aheadMs > 0 ? words.ahead : words.behind, { time: clock(state.aheadMs) });
      ahead.className = 'figure ' + (state.aheadMs > 0 ? 'ahead' : 'behind');
    }
    el('pause').textContent = state.paused ? words.resume : words.pause;
  }

  function send(action) {
    fetch('live/command', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: action }),
      // The server checks this request's Origin: it must be sent as this page's own, never as null.
      referrerPolicy: 'same-origin',
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      problem = response.ok ? '' : words.notSent;
      render();
    }, function () {
      problem = words.notSent;
      render();
    });
  }

  el('next').addEventListener('click', function () { send('next'); });
  el('prev').addEventListener('click', function () { send('prev'); });
  el('pause').addEventListener('click', function () { send(state && state.paused ? 'resume' : 'pause'); });

  var source = new EventSource('live/events');
  source.addEventListener('state', function (event) {
    try {
      state = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    receivedAt = Date.now();
    problem = '';
    render();
  });
  source.addEventListener('open', function () {
    if (problem === words.reconnecting) problem = '';
    render();
  });
  source.addEventListener('error', function () {
    problem = words.reconnecting;
    render();
  });
  setInterval(render, 1000);
  render();
})();
`

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** JSON inside a `<script>` block: no `<` that could close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

export function remotePage(lang: Lang): RemotePage {
  const w = lang.w.remote
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(lang.code)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="dark">
<title>${escapeHtml(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div id="status" role="status" aria-live="polite">${escapeHtml(w.waiting)}</div>
<div id="counter"></div>
<h1 id="title"></h1>
<div id="segment"></div>
<div class="figures"><div id="left" class="figure"></div><div id="ahead" class="figure"></div></div>
<div class="buttons">
<button id="next" type="button">${escapeHtml(w.next)}</button>
<button id="prev" type="button">${escapeHtml(w.prev)}</button>
<button id="pause" type="button">${escapeHtml(w.pause)}</button>
</div>
<script type="application/json" id="remote-words">${scriptJson(w)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`
  return { html, csp: contentSecurityPolicy(inlineScriptHashes(html), { connect: 'self', styleHashes: inlineStyleHashes(html) }) }
}
