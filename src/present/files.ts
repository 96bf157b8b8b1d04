// Owns which file of a deck folder a request path may name, and how it is read:
// nothing outside the folder, no listing, no dot-files, no symlink that leads out.
// The checks run on the decoded path before the file system is asked anything,
// then once more on the real path (a symlink inside the folder can point out).
import { constants } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

/** The types a build writes; any other extension is not served (404). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
}

/** The file `/` stands for. */
export const INDEX_FILE = 'deck.html'

/** A build's file names are slugs: anything else (`%`, `\`, NUL, a leading dot) names nothing a build wrote. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/
const MAX_DEPTH = 4

export type PathCheck = { readonly ok: true; readonly segments: readonly string[] } | { readonly ok: false; readonly status: 400 | 404 }

/**
 * The folder-relative segments a raw request path (the part before `?`) names,
 * or the status to answer. Each segment is decoded once: an encoded slash,
 * backslash, dot-dot or NUL becomes a character no safe segment holds.
 */
export function checkRequestPath(rawPath: string): PathCheck {
  if (!rawPath.startsWith('/')) return { ok: false, status: 400 }
  if (rawPath === '/') return { ok: true, segments: [INDEX_FILE] }
  const parts = rawPath.slice(1).split('/')
  if (parts.length > MAX_DEPTH) return { ok: false, status: 404 }
  const segments: string[] = []
  for (const part of parts) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return { ok: false, status: 400 }
    }
    // An empty segment is `//` or a folder URL (`/snapshots/`): there is no listing.
    if (!SAFE_SEGMENT.test(decoded) || decoded.includes('..')) return { ok: false, status: 404 }
    segments.push(decoded)
  }
  if (!(extname(segments.at(-1)!).toLowerCase() in CONTENT_TYPES)) return { ok: false, status: 404 }
  return { ok: true, segments }
}

export interface OpenedFile {
  readonly handle: FileHandle
  readonly size: number
  readonly contentType: string
}

/**
 * Opens the file `segments` name inside `root` (a real path), or undefined when
 * it is missing, not a plain file, or really lies outside `root`.
 */
export async function openInFolder(root: string, segments: readonly string[]): Promise<OpenedFile | undefined> {
  let real: string
  try {
    real = await realpath(join(root, ...segments))
  } catch {
    return undefined
  }
  if (!real.startsWith(root + sep)) return undefined
  let handle: FileHandle
  try {
    // O_NOFOLLOW: the real path was just resolved; a link swapped in since then is refused.
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch {
    return undefined
  }
  const stat = await handle.stat()
  if (!stat.isFile()) {
    await handle.close()
    return undefined
  }
  return { handle, size: stat.size, contentType: CONTENT_TYPES[extname(real).toLowerCase()]! }
}
