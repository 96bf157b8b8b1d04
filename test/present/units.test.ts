// The pure parts of present mode: which request paths name a file at all
// (before the file system is asked), which addresses --lan may listen on, and
// the opener's command (the URL as one argument, no shell).
import { describe, expect, it } from 'vitest'
import { checkRequestPath } from '../../src/present/files.js'
import { isPrivateIPv4, privateIPv4Addresses } from '../../src/present/lan.js'
import { openCommand } from '../../src/present/open.js'
import { tokenMatches } from '../../src/present/token.js'

describe('checkRequestPath', () => {
  it('names the build files', () => {
    expect(checkRequestPath('/')).toEqual({ ok: true, segments: ['deck.html'] })
    expect(checkRequestPath('/build.json')).toEqual({ ok: true, segments: ['build.json'] })
    expect(checkRequestPath('/snapshots/acme-x.png')).toEqual({ ok: true, segments: ['snapshots', 'acme-x.png'] })
    expect(checkRequestPath('/slides/deck.001.png')).toEqual({ ok: true, segments: ['slides', 'deck.001.png'] })
  })

  it('refuses dot segments, encoded separators, NUL, absolute paths, folders and unknown types', () => {
    for (const path of ['/..', '/../secret.json', '/..%2fsecret.json', '/%2e%2e/secret.json', '/%2e%2e%2fsecret.json', '/%252e%252e/x.json', '/..%5cx.json', '/..\\x.json', '/a\\b.json',
      '/x.json%00', '/%00', '/%2fetc%2fpasswd.json', '//etc/x.json', '/.hidden.json', '/./deck.html', '/snapshots/', '/snapshots', '/deck.sh', '/%', 'deck.html', '/a..b.json']) {
      expect(checkRequestPath(path).ok, path).toBe(false)
    }
  })
})

describe('privateIPv4Addresses', () => {
  it('keeps the RFC 1918 addresses and leaves out public, loopback, link-local and IPv6 ones', () => {
    const entry = (address: string, family: 'IPv4' | 'IPv6' = 'IPv4', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as never
    const found = privateIPv4Addresses({
      lo: [entry('127.0.0.1', 'IPv4', true)],
      eth0: [entry('203.0.113.7'), entry('192.168.1.20'), entry('fe80::1', 'IPv6')],
      wlan0: [entry('10.0.0.5'), entry('172.16.4.1'), entry('172.32.0.1'), entry('169.254.1.1'), entry('100.64.0.1')],
    })
    expect(found).toEqual(['192.168.1.20', '10.0.0.5', '172.16.4.1'])
    expect(isPrivateIPv4('172.31.255.255')).toBe(true)
    expect(isPrivateIPv4('172.15.0.1')).toBe(false)
    expect(isPrivateIPv4('0.0.0.0')).toBe(false)
  })
})

describe('openCommand', () => {
  it('passes the URL as one argument to the platform opener', () => {
    const url = 'http://127.0.0.1:4000/t/a&b^c;rm -rf/'
    expect(openCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] })
    expect(openCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] })
    expect(openCommand(url, 'win32')).toEqual({ command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] })
  })
})

describe('tokenMatches', () => {
  it('matches the token only', () => {
    expect(tokenMatches('abcdefghijklmnopqrstuv', 'abcdefghijklmnopqrstuv')).toBe(true)
    expect(tokenMatches('abcdefghijklmnopqrstuv', 'abcdefghijklmnopqrstuw')).toBe(false)
    expect(tokenMatches('abcdefghijklmnopqrstuv', 'abc')).toBe(false)
    expect(tokenMatches('abcdefghijklmnopqrstuv', '')).toBe(false)
  })
})
