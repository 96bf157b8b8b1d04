// The present server's guard rails, request by request over raw sockets to
// 127.0.0.1: only the folder's own files, no listing, no traversal (encoded,
// double-encoded, backslash, absolute, NUL, symlinks out), GET/HEAD only, the
// Host check, the security headers, and the --lan token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPresentServer, type PresentServer } from '../../src/present/server.js'
import { newToken } from '../../src/present/token.js'
import { deckFixture, header, rawRequest, type DeckFixture } from './fixture.js'

let fixture: DeckFixture
let server: PresentServer
beforeAll(async () => {
  fixture = await deckFixture()
  server = await startPresentServer({ folder: fixture.folder, hosts: ['127.0.0.1'] })
})
afterAll(async () => {
  await server?.close()
})

describe('present server: what it serves', () => {
  it('serves deck.html at / and each build file with its content type and the security headers', async () => {
    const expected: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/deck.html': 'text/html; charset=utf-8',
      '/showtell.css': 'text/css; charset=utf-8',
      '/snapshots/acme.png': 'image/png',
      '/chart.svg': 'image/svg+xml',
      '/deck.pdf': 'application/pdf',
      '/deck.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      '/build.json': 'application/json; charset=utf-8',
    }
    for (const [path, type] of Object.entries(expected)) {
      const response = await rawRequest(server.port, path)
      expect(response.status, path).toBe(200)
      expect(header(response, 'Content-Type'), path).toBe(type)
      expect(header(response, 'X-Content-Type-Options'), path).toBe('nosniff')
      expect(header(response, 'Cache-Control'), path).toBe('no-store')
      expect(header(response, 'Content-Security-Policy'), path).toMatch(/^default-src 'none'; /)
    }
    expect((await rawRequest(server.port, '/')).body).toContain('<h1>deck</h1>')
    expect((await rawRequest(server.port, '/showtell.css')).body).toBe('body{color:red}')
  })

  it('answers HEAD with the headers and no body', async () => {
    const response = await rawRequest(server.port, '/deck.html', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(header(response, 'Content-Length')).toBe(String('<!DOCTYPE html><title>t</title><h1>deck</h1>'.length))
    expect(response.body).toBe('')
  })
})

describe('present server: what it refuses', () => {
  it('never serves anything outside the folder, nor a listing', async () => {
    const root = fixture.root
    const hostile = [
      '/../secret.json',
      '/..%2fsecret.json',
      '/%2e%2e/secret.json',
      '/%2e%2e%2fsecret.json',
      '/%2E%2E%2Fsecret.json',
      '/%252e%252e/secret.json',
      '/%252e%252e%252fsecret.json',
      '/..%5csecret.json',
      '/..\\secret.json',
      '/snapshots/..\\..\\secret.json',
      '/deck.html/..%2f..%2fsecret.json',
      `/${root}/secret.json`,
      `/${encodeURIComponent(`${root}/secret.json`)}`,
      `//${root.slice(1)}/secret.txt`,
      '/secret.json%00.json',
      '/deck.html%00',
      '/leak.json',
      '/outside/secret.json',
      '/outside/secret.txt',
      '/./../secret.json',
      '/snapshots/',
      '/snapshots',
      '/outside/',
      '/archive.json',
      '/archive.json/',
      '//',
      '/%',
      `http://127.0.0.1:${server.port}/../secret.json`,
      '*',
    ]
    for (const path of hostile) {
      const response = await rawRequest(server.port, path)
      expect([400, 403, 404], path).toContain(response.status)
      expect(response.body, path).not.toContain(fixture.secret)
      expect(response.body, path).not.toContain('acme.png')
      expect(response.body, path).not.toContain('inside.png')
    }
  })

  it('takes GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']) {
      const response = await rawRequest(server.port, '/deck.html', { method })
      expect(response.status, method).toBe(405)
      expect(header(response, 'Allow'), method).toBe('GET, HEAD')
    }
  })

  it('refuses a request for another host name (a page that rebinds its name to 127.0.0.1)', async () => {
    expect((await rawRequest(server.port, '/build.json', { host: 'evil.example' })).status).toBe(403)
    expect((await rawRequest(server.port, '/build.json', { host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await rawRequest(server.port, '/build.json', { host: null })).status).toBe(400)
    expect((await rawRequest(server.port, '/build.json', { host: `localhost:${server.port}` })).status).toBe(200)
  })
})

describe('present server: the --lan token', () => {
  it('answers 403 with no body unless the URL starts with the right token, and 200 with it', async () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const lan = await startPresentServer({ folder: fixture.folder, hosts: ['127.0.0.1'], token })
    try {
      expect(lan.baseUrls).toEqual([`http://127.0.0.1:${lan.port}/t/${token}/`])
      const sameLength = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
      for (const path of ['/', '/deck.html', '/build.json', `/t/${sameLength}/deck.html`, `/t/${token.slice(0, 10)}/deck.html`, `/t/${token}x/deck.html`, '/t//deck.html', `/deck.html?token=${token}`]) {
        for (const method of ['GET', 'POST']) {
          const response = await rawRequest(lan.port, path, { method })
          expect(response.status, `${method} ${path}`).toBe(403)
          expect(response.body, path).toBe('')
        }
      }
      const ok = await rawRequest(lan.port, `/t/${token}/deck.html`)
      expect(ok.status).toBe(200)
      expect(ok.body).toContain('<h1>deck</h1>')
      expect((await rawRequest(lan.port, `/t/${token}/`)).status).toBe(200)
      expect((await rawRequest(lan.port, `/t/${token}/../../secret.json`)).status).toBe(404)
      // With the token, a name that is not the address it listens on is still refused.
      expect((await rawRequest(lan.port, `/t/${token}/deck.html`, { host: `localhost:${lan.port}` })).status).toBe(403)
    } finally {
      await lan.close()
    }
  })
})
