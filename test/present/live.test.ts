// The live link of `showtell present` over raw HTTP to 127.0.0.1: the event
// stream delivers state, command and slides (a late page gets the latest state
// and slides), every POST guard answers its status with no echo, the stream is
// capped and kept alive, deck.html is served with the live meta and
// connect-src 'self' while the file on disk stays as built, and the --lan
// token guards the live routes too.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiveHub, MAX_BODY_BYTES } from '../../src/present/live.js'
import { startPresentServer } from '../../src/present/server.js'
import { startPresenting, type PresentingSession } from '../../src/present/session.js'
import { newToken } from '../../src/present/token.js'
import { eventually } from '../helpers/eventually.js'
import { deckFixture, header, rawRequest, type DeckFixture } from './fixture.js'
import { listen, postJson, rawPost, sampleState } from './live-client.js'

const SCRIPT = "document.title='live'"
const DECK = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n</head>\n<body><h1>deck</h1><script>${SCRIPT}</script></body>\n</html>\n`

let fixture: DeckFixture
let session: PresentingSession
let port: number
const lines: string[] = []
beforeAll(async () => {
  fixture = await deckFixture(DECK)
  session = await startPresenting({ folder: fixture.folder, hosts: ['127.0.0.1'], heartbeatMs: 100 })
  session.events.on('line', (line) => lines.push(line))
  port = session.server.port
})
afterAll(async () => {
  await session?.close()
})

describe('live/events', () => {
  it('delivers state and command to every page, and a page that connects late gets the latest state', async () => {
    const early = await listen(`${session.urls[0]}live/events`)
    expect(early.status).toBe(200)
    expect(early.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(early.headers['content-security-policy']).toMatch(/^default-src 'none'; /)
    expect(early.headers['cache-control']).toBe('no-store')

    expect((await postJson(port, '/live/state', sampleState({ index: 1 }))).status).toBe(204)
    expect((await postJson(port, '/live/state', sampleState({ index: 2, extra: 'dropped' }))).status).toBe(204)
    expect((await postJson(port, '/live/command', { action: 'next' })).status).toBe(204)
    await eventually(() => early.events.length, (n) => n >= 3)
    expect(early.events).toEqual([
      { event: 'state', data: sampleState({ index: 1 }) },
      { event: 'state', data: sampleState({ index: 2 }) },
      { event: 'command', data: { action: 'next' } },
    ])

    const late = await listen(`${session.urls[0]}live/events`)
    await eventually(() => late.events.length, (n) => n >= 1)
    expect(late.events).toEqual([{ event: 'state', data: sampleState({ index: 2 }) }])
    early.close()
    late.close()
  })

  it('keeps an idle stream alive with comments', async () => {
    const client = await listen(`${session.urls[0]}live/events`)
    await eventually(() => client.text(), (text) => text.includes(': keep\n\n'))
    expect(client.text()).toContain(': keep\n\n')
    client.close()
  })

  it('caps the listeners, and frees a place when one leaves', async () => {
    const hub = createLiveHub({ onEnd: async () => ({ recorded: 'not-recorded' }), maxClients: 2 })
    const server = await startPresentServer({ folder: fixture.folder, hosts: ['127.0.0.1'], routes: hub.routes, live: true })
    try {
      const url = `${server.baseUrls[0]}live/events`
      const a = await listen(url)
      const b = await listen(url)
      const c = await listen(url)
      expect([a.status, b.status, c.status]).toEqual([200, 200, 503])
      a.close()
      await eventually(() => hub.clientCount, (n) => n === 1)
      expect(hub.clientCount).toBe(1)
      const d = await listen(url)
      expect(d.status).toBe(200)
      b.close()
      d.close()
    } finally {
      hub.close()
      await server.close()
    }
  })
})

describe('live POST guards', () => {
  const state = JSON.stringify(sampleState())
  const origin = () => `http://127.0.0.1:${port}`

  it('answers 415 to anything but application/json, 403 to a foreign or missing Origin', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const response = await rawPost(port, '/live/state', { headers: { 'Content-Type': type, Origin: origin() }, body: state })
      expect(response.status, String(type)).toBe(415)
    }
    const accepted = await rawPost(port, '/live/state', { headers: { 'Content-Type': 'application/json; charset=utf-8', Origin: origin() }, body: state })
    expect(accepted.status).toBe(204)
    expect(header(accepted, 'X-Content-Type-Options')).toBe('nosniff')
    expect(header(accepted, 'Content-Security-Policy')).toMatch(/^default-src 'none'; /)
    for (const from of ['http://evil.example', `http://localhost:${port}`, `https://127.0.0.1:${port}`, 'null', undefined]) {
      const response = await rawPost(port, '/live/command', { headers: { 'Content-Type': 'application/json', Origin: from }, body: '{"action":"next"}' })
      expect(response.status, String(from)).toBe(403)
    }
  })

  it('answers 413 to a body over 64 KiB, said or sent, without reading it all', async () => {
    const big = JSON.stringify({ ...sampleState(), title: 'x'.repeat(MAX_BODY_BYTES) })
    const declared = await rawPost(port, '/live/state', { headers: { 'Content-Type': 'application/json', Origin: origin() }, body: big })
    expect(declared.status).toBe(413)
    // A length said up front is refused before a byte of the body is waited for.
    const promised = await rawPost(port, '/live/state', { headers: { 'Content-Type': 'application/json', Origin: origin(), 'Content-Length': String(10 * MAX_BODY_BYTES) }, body: '{"index":' })
    expect(promised.status).toBe(413)
    // No length said: the body is counted as it comes.
    const chunked = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`
    const streamed = await rawPost(port, '/live/state', {
      headers: { 'Content-Type': 'application/json', Origin: origin(), 'Content-Length': undefined, 'Transfer-Encoding': 'chunked' },
      body: chunked,
    })
    expect(streamed.status).toBe(413)
    // Exactly at the limit is fine as far as size goes (then it is no State: 400).
    const atLimit = `{"pad":"${'y'.repeat(MAX_BODY_BYTES - 10)}"}`
    expect(Buffer.byteLength(atLimit)).toBe(MAX_BODY_BYTES)
    expect((await rawPost(port, '/live/state', { headers: { 'Content-Type': 'application/json', Origin: origin() }, body: atLimit })).status).toBe(400)
  })

  it('answers 400 to bad JSON or the wrong shape, and never echoes what it was sent', async () => {
    const marker = 'ECHO-<script>alert(1)</script>'
    const bad = [
      `{"action": "${marker}"`,
      JSON.stringify({ action: marker }),
      JSON.stringify({ ...sampleState(), index: marker }),
      JSON.stringify({ ...sampleState(), index: -1 }),
      JSON.stringify([marker]),
      '',
    ]
    for (const [i, body] of bad.entries()) {
      const target = i === 2 || i === 3 ? '/live/state' : '/live/command'
      const response = await rawPost(port, target, { headers: { 'Content-Type': 'application/json', Origin: origin() }, body })
      expect(response.status, body).toBe(400)
      expect(response.body).toBe('')
      expect(response.headers).not.toContain('ECHO')
      expect(header(response, 'Cache-Control')).toBe('no-store')
    }
    const end = await postJson(port, '/live/end', { actual: { [marker]: 3 }, planned: {}, endedAt: '2026-11-24T09:45:00Z' })
    expect(end.status).toBe(400)
    expect(end.body).toBe('')
  })

  it('answers 405 to the wrong method, with the secure headers', async () => {
    for (const [method, target, allow] of [
      ['GET', '/live/state', 'POST'],
      ['PUT', '/live/command', 'POST'],
      ['GET', '/live/end', 'POST'],
      ['POST', '/live/events', 'GET, HEAD'],
      ['POST', '/remote', 'GET, HEAD'],
    ] as const) {
      const response = await rawPost(port, target, { method, headers: { 'Content-Type': 'application/json', Origin: origin() }, body: '{"action":"next"}' })
      expect(response.status, `${method} ${target}`).toBe(405)
      expect(header(response, 'Allow')).toBe(allow)
      expect(header(response, 'X-Content-Type-Options')).toBe('nosniff')
    }
  })
})

describe('deck.html under the live link', () => {
  it('carries the live meta in its head and may connect to this server; the file on disk is as built', async () => {
    const response = await rawRequest(port, '/deck.html')
    expect(response.status).toBe(200)
    expect(response.body).toBe(DECK.replace('<head>', '<head><meta name="showtell-live" content="live/">'))
    const csp = header(response, 'Content-Security-Policy')!
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toContain("connect-src 'none'")
    expect(csp).toContain(`'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`)
    expect(header(response, 'Content-Length')).toBe(String(Buffer.byteLength(response.body)))
    // The deck page's own POSTs carry its origin (under no-referrer a browser may send `Origin: null`).
    expect(header(response, 'Referrer-Policy')).toBe('same-origin')
    expect((await rawRequest(port, '/')).body).toBe(response.body)
    expect(await readFile(join(fixture.folder, 'deck.html'), 'utf8')).toBe(DECK)
    // Every other file keeps connect-src 'none'.
    for (const other of ['/showtell.css', '/build.json', '/chart.svg']) {
      expect(header(await rawRequest(port, other), 'Content-Security-Policy'), other).toContain("connect-src 'none'")
    }
  })

  it('puts the meta where a head would be in a deck without one', async () => {
    const bare = await deckFixture('<!DOCTYPE html><title>t</title><h1>deck</h1>')
    const server = await startPresentServer({ folder: bare.folder, hosts: ['127.0.0.1'], live: true })
    try {
      expect((await rawRequest(server.port, '/deck.html')).body).toBe('<!DOCTYPE html><meta name="showtell-live" content="live/"><title>t</title><h1>deck</h1>')
    } finally {
      await server.close()
    }
    // Without the live link the deck is served as it is, with connect-src 'none'.
    const plain = await startPresentServer({ folder: fixture.folder, hosts: ['127.0.0.1'] })
    try {
      const response = await rawRequest(plain.port, '/deck.html')
      expect(response.body).toBe(DECK)
      expect(header(response, 'Content-Security-Policy')).toContain("connect-src 'none'")
    } finally {
      await plain.close()
    }
  })
})

describe('the remote page', () => {
  it('is served at remote with its own hashes for its inline style and script, and may connect to this server', async () => {
    const response = await rawRequest(port, '/remote')
    expect(response.status).toBe(200)
    expect(header(response, 'Content-Type')).toBe('text/html; charset=utf-8')
    const csp = header(response, 'Content-Security-Policy')!
    const script = /<script>([\s\S]*?)<\/script>/.exec(response.body)![1]!
    const style = /<style>([\s\S]*?)<\/style>/.exec(response.body)![1]!
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}';`)
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}';`)
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.body).not.toMatch(/\b(src|href)=/)
  })
})

describe('--lan token on the live routes', () => {
  it('answers 403 without the token, and serves the live routes with it', async () => {
    const token = newToken()
    const lan = await startPresenting({ folder: fixture.folder, hosts: ['127.0.0.1'], token })
    try {
      const p = lan.server.port
      for (const target of ['/live/events', '/remote', '/t/wrong/live/events', '/t/wrong/remote']) {
        expect((await rawRequest(p, target)).status, target).toBe(403)
      }
      expect((await postJson(p, '/live/command', { action: 'next' })).status).toBe(403)
      expect((await postJson(p, '/t/wrong/live/command', { action: 'next' })).status).toBe(403)
      expect(lan.remoteUrl).toBe(`http://127.0.0.1:${p}/t/${token}/remote`)
      const listener = await listen(`${lan.urls[0]}live/events`)
      expect(listener.status).toBe(200)
      expect((await postJson(p, `/t/${token}/live/command`, { action: 'prev' })).status).toBe(204)
      await eventually(() => listener.events.length, (n) => n >= 1)
      expect(listener.events).toEqual([{ event: 'command', data: { action: 'prev' } }])
      expect((await rawRequest(p, `/t/${token}/remote`)).status).toBe(200)
      listener.close()
    } finally {
      await lan.close()
    }
  })
})
