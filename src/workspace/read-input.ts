// Owns reading a workspace file that showtell parses (showtell.yaml, topic
// files, templates, themes) as the untrusted input it is. Before a byte is
// parsed the file must:
// - resolve inside its folder (the workspace, or the package for built-ins):
//   a symlink must not pull in ~/.ssh/config or /etc/passwd, and so a refusal
//   names the file, never what it points at holds;
// - be a regular file (a FIFO would block the read forever) under
//   LIMITS.fileBytes, checked before it is read, so a 50 MB file costs nothing;
// - be UTF-8: invalid bytes would reach the slides as U+FFFD, and a UTF-16
//   file (with or without a byte-order mark) would reach the YAML parser as
//   noise. Both are refused with the line of the first bad byte.
// No refusal ever quotes the file's content.
// On its own (no YAML parser, no zod) so that the start-up path can use it.
import { open, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative } from 'node:path'
import { UserError } from '../errors.js'
import { formatLimitBytes, LIMITS } from './limits.js'

export interface ReadInputOptions {
  /** The path as the user should see it. */
  readonly shown: string
  /** The folder the file must resolve inside once symlinks are followed, and how to name it. */
  readonly within?: { readonly root: string; readonly name: string }
  /** @default LIMITS.fileBytes */
  readonly maxBytes?: number
  readonly hintWhenMissing?: string
}

export async function readInputText(path: string, options: ReadInputOptions): Promise<string> {
  const { shown } = options
  const real = await realpath(path).catch((error: NodeJS.ErrnoException) => {
    throw cannotRead(error, options)
  })
  if (options.within) await checkWithin(real, options.within, shown)
  const info = await stat(real).catch((error: NodeJS.ErrnoException) => {
    throw cannotRead(error, options)
  })
  if (!info.isFile()) {
    throw new UserError('not a regular file', { location: { file: shown }, hint: 'replace it with an ordinary text file' })
  }
  const max = options.maxBytes ?? LIMITS.fileBytes
  if (info.size > max) throw tooLarge(shown, info.size, max)
  const bytes = await readAtMost(real, max + 1).catch((error: NodeJS.ErrnoException) => {
    throw cannotRead(error, options)
  })
  // The file may have grown between stat and read.
  if (bytes.byteLength > max) throw tooLarge(shown, bytes.byteLength, max)
  return decodeUtf8(bytes, shown)
}

/** Refuses a path whose real location is outside `within.root` (compared after following every symlink). */
export async function checkWithin(real: string, within: { readonly root: string; readonly name: string }, shown: string): Promise<void> {
  const root = await realpath(within.root).catch(() => within.root)
  const rel = relative(root, real)
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return
  throw new UserError(`resolves outside ${within.name} (it is a symbolic link, or inside a linked folder)`, {
    location: { file: shown },
    hint: `copy the file into ${within.name} instead of linking to it`,
  })
}

/**
 * Decodes strict UTF-8 (a leading byte-order mark is dropped). UTF-16 and
 * other bytes that are not UTF-8 text are refused with the line they start on.
 */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (utf16) throw notUtf8('is saved as UTF-16', shown, 1)
  // NUL is valid UTF-8 but never text: it is what UTF-16 without a byte-order
  // mark looks like (every other byte of ASCII), or a binary file.
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    const looksUtf16 = bytes.length >= 2 && (bytes[1] === 0 || bytes[0] === 0)
    throw notUtf8(looksUtf16 ? 'is saved as UTF-16 (it has no byte-order mark)' : 'holds a NUL byte, so it is not a text file', shown, lineAt(bytes, nul))
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw notUtf8('is not valid UTF-8', shown, firstBadLine(bytes))
  }
}

/** The 1-based line holding the first byte that is not UTF-8. A newline byte never occurs inside a multi-byte character, so each line decodes on its own. */
function firstBadLine(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let start = 0
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start)
    const stop = end === -1 ? bytes.length : end
    try {
      decoder.decode(bytes.subarray(start, stop))
    } catch {
      return line
    }
    if (end === -1) break
    start = end + 1
  }
  return undefined
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++
  return line
}

function notUtf8(what: string, shown: string, line: number | undefined): UserError {
  return new UserError(`the file ${what}`, {
    location: { file: shown, line },
    hint: 'save it as UTF-8: most editors offer "Save with Encoding"',
  })
}

function tooLarge(shown: string, size: number, max: number): UserError {
  return new UserError(`the file is ${formatLimitBytes(size)}; the limit is ${formatLimitBytes(max)}`, {
    location: { file: shown },
    hint: 'a workspace file this large is not a real topic or config: check that it is the file you meant',
  })
}

async function readAtMost(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = new Uint8Array(bytes)
    let filled = 0
    while (filled < bytes) {
      const { bytesRead } = await handle.read(buffer, filled, bytes - filled, null)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return buffer.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

function cannotRead(error: NodeJS.ErrnoException, options: ReadInputOptions): UserError {
  const code = error.code
  return new UserError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'unknown error'})`, {
    location: { file: options.shown },
    hint: code === 'ENOENT' ? options.hintWhenMissing : undefined,
  })
}
