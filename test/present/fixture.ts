// A deck folder for the present tests, beside a secret that must never be
// served: <root>/secret.json and <root>/secret.txt hold SECRET, <root>/deck/
// is the build folder, with a symlink to the secret and one to the parent.
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface DeckFixture {
  readonly root: string
  readonly folder: string
  readonly secret: string
}

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

export async function deckFixture(deckHtml = '<!DOCTYPE html><title>t</title><h1>deck</h1>'): Promise<DeckFixture> {
  const root = await mkdtemp(join(tmpdir(), 'showtell-present-'))
  const secret = `SECRET-${randomBytes(8).toString('hex')}`
  await writeFile(join(root, 'secret.json'), JSON.stringify({ secret }))
  await writeFile(join(root, 'secret.txt'), secret)
  const folder = join(root, 'deck')
  await mkdir(join(folder, 'snapshots'), { recursive: true })
  await writeFile(join(folder, 'deck.html'), deckHtml)
  await writeFile(join(folder, 'build.json'), JSON.stringify({ topic: { id: 'policy' }, date: '2026-11-24' }))
  await writeFile(join(folder, 'showtell.css'), 'body{color:red}')
  await writeFile(join(folder, 'snapshots', 'acme.png'), PNG)
  await writeFile(join(folder, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(join(folder, 'deck.pdf'), '%PDF-1.7\n')
  await writeFile(join(folder, 'deck.pptx'), 'PK\u0003\u0004')
  // A folder whose name looks like a file: it must not be listed either.
  await mkdir(join(folder, 'archive.json'))
  await writeFile(join(folder, 'archive.json', 'inside.png'), PNG)
  await symlink(join(root, 'secret.json'), join(folder, 'leak.json'))
  await symlink(root, join(folder, 'outside'))
  return { root, folder, secret }
}

export interface RawResponse {
  readonly status: number
  readonly headers: string
  readonly body: string
}

/**
 * Sends `target` byte for byte (no client normalises `..` or rejects a NUL),
 * to 127.0.0.1 only, and reads the whole answer.
 */
export function rawRequest(port: number, target: string, options: { method?: string; host?: string | null } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    const host = options.host === undefined ? `127.0.0.1:${port}` : options.host
    socket.on('connect', () => {
      socket.write(Buffer.from(`${options.method ?? 'GET'} ${target} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`, 'latin1'))
    })
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const split = text.indexOf('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, headers: text.slice(0, split), body: text.slice(split + 4) })
    })
  })
}

export function header(response: RawResponse, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'im').exec(response.headers)?.[1]?.trim()
}
