// A profile picture is read through the guard, at most 1 MB, only as an image
// type, and decoded in the browser: a server on 127.0.0.1 serves a picture
// that fits, one a byte too big, a page that calls itself a picture's address,
// and one that redirects to a file: address the guard refuses (nothing leaves 127.0.0.1).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchPictureHash, MAX_PICTURE_BYTES } from '../../src/audit/evidence-run.js'
import { drawImage } from '../../src/demo-site/svg.js'
import { RequestGuard } from '../../src/net/guard.js'
import { testBrowser } from '../helpers/browser.js'

let server: Server
let base: string
const browser = testBrowser()
const LOGO = Buffer.from(String(drawImage('nordlys-bsky-avatar')))

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/logo.svg') return response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(LOGO)
    // A picture one byte over the bound: its type is right, its size is not.
    if (request.url === '/big.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(MAX_PICTURE_BYTES + 1, 7))
    if (request.url === '/page') return response.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>')
    if (request.url === '/away') return response.writeHead(302, { location: 'file:///etc/passwd' }).end()
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await browser.close()
  await new Promise((resolve) => server.close(resolve))
})

const read = (path: string) => fetchPictureHash(`${base}${path}`, browser, { guard: new RequestGuard({ allowPrivateNetwork: true }), timeoutMs: 5000 })

describe('reading a profile picture', () => {
  it('hashes a picture that fits', async () => {
    expect(await read('/logo.svg')).toMatch(/^[0-9a-f]{16}:[0-9a-f]{6}$/)
  })
  it('refuses one larger than 1 MB without decoding it', async () => {
    await expect(read('/big.png')).rejects.toThrow('the picture is larger than 1 MB')
  })
  it('refuses what is not an image type', async () => {
    await expect(read('/page')).rejects.toThrow('not a picture (text/html)')
  })
  it('says why a picture did not load: a refused redirect, a 404', async () => {
    await expect(read('/away')).rejects.toThrow(/^the picture did not load: redirected to a refused address/)
    await expect(read('/gone.png')).rejects.toThrow('the picture answered 404')
  })
})
