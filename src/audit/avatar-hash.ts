// Owns the perceptual hash of a profile picture: 64 bits that stay nearly the
// same when a picture is resized or recompressed, and differ when the picture
// does, and their Hamming distance.
//
// The picture is decoded in Chromium, never in Node: a picture from a stranger's
// profile is hostile input, and the browser's decoders run in its sandboxed
// renderer. The bytes (already fetched through the audit's guarded fetch, size
// capped) become a data: URL, drawn by an <img> in an offline page of the run's
// one BrowserManager onto a 32×32 canvas over white (a transparent corner reads
// as the page behind it, as people see it). Only 1024 grey levels come back to
// Node. No image library is added: Chromium is already there and decodes every
// format a platform serves (PNG, JPEG, GIF, WebP, SVG).
//
// The hash is a difference hash (dHash) of the grey picture scaled to 9×8:
// bit (x, y) is set when a cell is brighter than its right neighbour by more
// than 3 grey levels (a flat area gives 0 bits, not bits that flip on JPEG's
// noise). Gradients are the picture's layout, which survives scaling and
// recompression. A pHash (DCT, bits against the median) was tried first and
// measured worse: on a round avatar most low frequencies sit near the median,
// and a PNG copy at 97 px moved 10 of 64 bits, as far as another logo.
//
// Grey alone cannot tell two logos apart that share a layout and differ in
// colour (the demo site's avatars are one template in many hues), and people
// see the colour first. So a hash carries the picture's mean colour over white
// too (`rrggbb`), and a picture is "ours" only when both are close.
import type { BrowserManager } from '../browser/manager.js'

/** Side of the grey picture the browser draws; the dHash averages it down to 9×8. */
export const HASH_SIDE = 32
/** Bits in a hash. */
export const HASH_BITS = 64

/** The MIME types a profile picture is decoded as; anything else is not drawn. */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/avif'] as const

export class PictureError extends Error {
  override readonly name = 'PictureError'
}

/** The MIME type of a picture from its Content-Type header, if it is one we draw. */
export function pictureType(contentType: string | undefined): (typeof PICTURE_TYPES)[number] | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return (PICTURE_TYPES as readonly string[]).includes(type) ? (type as (typeof PICTURE_TYPES)[number]) : undefined
}

/** A picture's hash: 16 hex digits of dHash, a colon, its mean colour over white (`e2cb19…:3a6f8c`). */
export type PictureHash = string

/** The 32×32 grey levels (0–255, row by row) and mean colour of a picture, decoded and scaled in Chromium. Throws PictureError when the browser cannot decode it. */
export async function pictureCells(browser: BrowserManager, bytes: Uint8Array, type: string, timeoutMs = 10_000): Promise<{ grey: number[]; mean: number[] }> {
  const src = `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
  return browser.withPage(async (page) => {
    // Nothing the picture names may be fetched: an SVG can point at other files.
    await page.setOfflineMode(true)
    const result = await page.evaluate(
      async (source: string, side: number, wait: number) => {
        const img = new Image()
        const loaded = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), wait)
          img.onload = () => (clearTimeout(timer), resolve(true))
          img.onerror = () => (clearTimeout(timer), resolve(false))
          img.src = source
        })
        if (!loaded || img.naturalWidth === 0 || img.naturalHeight === 0) return { error: 'the browser could not decode it' }
        const canvas = document.createElement('canvas')
        canvas.width = side
        canvas.height = side
        const ctx = canvas.getContext('2d')
        if (!ctx) return { error: 'no canvas' }
        ctx.fillStyle = '#fff'
        ctx.fillRect(0, 0, side, side)
        ctx.imageSmoothingEnabled = true
        ctx.imageSmoothingQuality = 'high'
        ctx.drawImage(img, 0, 0, side, side)
        const data = ctx.getImageData(0, 0, side, side).data
        const grey: number[] = []
        const sum = [0, 0, 0]
        for (let i = 0; i < data.length; i += 4) {
          sum[0]! += data[i]!
          sum[1]! += data[i + 1]!
          sum[2]! += data[i + 2]!
          // ITU-R BT.601 luma, as JPEG weighs the channels.
          grey.push(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!)
        }
        const n = data.length / 4
        return { grey, mean: sum.map((v) => Math.round(v / n)) }
      },
      src,
      HASH_SIDE,
      timeoutMs,
    )
    if ('error' in result) throw new PictureError(result.error ?? 'not decoded')
    return { grey: result.grey!, mean: result.mean! }
  })
}

/** Grey levels of a side×side picture averaged over a w×h grid (each cell weighs the pixels it covers). */
function resample(grey: readonly number[], side: number, w: number, h: number): number[] {
  const out: number[] = []
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const x0 = (i * side) / w
      const x1 = ((i + 1) * side) / w
      const y0 = (j * side) / h
      const y1 = ((j + 1) * side) / h
      let sum = 0
      let area = 0
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const part = (Math.min(x + 1, x1) - Math.max(x, x0)) * (Math.min(y + 1, y1) - Math.max(y, y0))
          sum += grey[y * side + x]! * part
          area += part
        }
      }
      out.push(sum / area)
    }
  }
  return out
}

/** Grey levels a cell must be brighter than its neighbour by for its bit: flat areas stay 0 under noise. */
const FLAT = 3

/** The dHash of 32×32 grey levels, as 16 hex digits. Pure. */
export function dhash(grey: readonly number[]): string {
  if (grey.length !== HASH_SIDE * HASH_SIDE) throw new Error(`dhash needs ${HASH_SIDE * HASH_SIDE} grey levels, got ${grey.length}`)
  const cells = resample(grey, HASH_SIDE, 9, 8)
  let bits = 0n
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits = (bits << 1n) | (cells[y * 9 + x]! > cells[y * 9 + x + 1]! + FLAT ? 1n : 0n)
  return bits.toString(16).padStart(16, '0')
}

/** Bits that differ between two hashes' dHash (0–64). */
export function hammingDistance(a: PictureHash, b: PictureHash): number {
  let x = BigInt(`0x${a.split(':')[0]}`) ^ BigInt(`0x${b.split(':')[0]}`)
  let count = 0
  while (x > 0n) {
    count += Number(x & 1n)
    x >>= 1n
  }
  return count
}

/** How far apart two hashes' mean colours are (Euclidean, in RGB levels, 0–442), or undefined when one has none. */
export function colourDistance(a: PictureHash, b: PictureHash): number | undefined {
  const rgb = (h: PictureHash) => {
    const c = h.split(':')[1]
    return c && /^[0-9a-f]{6}$/.test(c) ? [0, 2, 4].map((i) => parseInt(c.slice(i, i + 2), 16)) : undefined
  }
  const x = rgb(a)
  const y = rgb(b)
  if (!x || !y) return undefined
  return Math.round(Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!))
}

/** How alike two hashes are, in whole percent: 64 equal bits are 100 %. */
export function likeness(distance: number): number {
  return Math.round((100 * (HASH_BITS - distance)) / HASH_BITS)
}

/** The hash of a picture's bytes, decoded in the browser. */
export async function pictureHash(browser: BrowserManager, bytes: Uint8Array, type: string): Promise<PictureHash> {
  const { grey, mean } = await pictureCells(browser, bytes, type)
  return `${dhash(grey)}:${mean.map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
