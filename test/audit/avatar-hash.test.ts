// The avatar hash in real Chromium: it matches a resized and a recompressed
// (JPEG quality 40) copy of our logo, and tells our logo from another logo and
// from the demo site's other avatars (one template in other colours). The
// copies are made in the test with the browser's own canvas (toDataURL): no
// binary fixtures. Our logo is the demo site's (src/demo-site/svg.ts), the one
// its Bluesky account shows and its planted impostor reuses.
import { afterAll, describe, expect, it } from 'vitest'
import { colourDistance, dhash, hammingDistance, likeness, PictureError, pictureHash, pictureType } from '../../src/audit/avatar-hash.js'
import { drawImage } from '../../src/demo-site/svg.js'
import { testBrowser } from '../helpers/browser.js'

const browser = testBrowser()
afterAll(() => browser.close())

const svgBytes = (name: string) => Buffer.from(String(drawImage(name)))
const OUR_LOGO = svgBytes('nordlys-bsky-avatar')

/** Our logo drawn by the browser at `side` px and encoded as `type` (with JPEG's quality). */
async function copyOfOurs(side: number, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Buffer> {
  const url = await browser.withPage((page) =>
    page.evaluate(
      async (src: string, side: number, type: string, quality: number | undefined) => {
        const img = new Image()
        await new Promise((resolve, reject) => ((img.onload = resolve), (img.onerror = reject), (img.src = src)))
        const canvas = document.createElement('canvas')
        canvas.width = side
        canvas.height = side
        const ctx = canvas.getContext('2d')!
        ctx.fillStyle = '#fff'
        ctx.fillRect(0, 0, side, side)
        ctx.drawImage(img, 0, 0, side, side)
        return canvas.toDataURL(type, quality)
      },
      `data:image/svg+xml;base64,${OUR_LOGO.toString('base64')}`,
      side,
      type,
      quality,
    ),
  )
  expect(url.startsWith(`data:${type};base64,`)).toBe(true)
  return Buffer.from(url.split(',')[1]!, 'base64')
}

/** Another company's logo: a blue square with a white bar across, drawn on a canvas. */
async function anotherLogo(): Promise<Buffer> {
  const url = await browser.withPage((page) =>
    page.evaluate(() => {
      const canvas = document.createElement('canvas')
      canvas.width = 200
      canvas.height = 200
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#1d4ed8'
      ctx.fillRect(0, 0, 200, 200)
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 120, 200, 40)
      ctx.beginPath()
      ctx.arc(60, 60, 35, 0, Math.PI * 2)
      ctx.fill()
      return canvas.toDataURL('image/png')
    }),
  )
  return Buffer.from(url.split(',')[1]!, 'base64')
}

describe('the hash of a picture, in Chromium', () => {
  it('matches a resized and a recompressed copy of our logo', async () => {
    const ours = await pictureHash(browser, OUR_LOGO, 'image/svg+xml')
    expect(ours).toMatch(/^[0-9a-f]{16}:[0-9a-f]{6}$/)
    for (const [side, type, quality] of [
      [97, 'image/png', undefined],
      [400, 'image/png', undefined],
      [200, 'image/jpeg', 0.4],
      [48, 'image/jpeg', 0.4],
    ] as const) {
      const copy = await pictureHash(browser, await copyOfOurs(side, type, quality), type)
      // The score's "uses our logo" is at most 8 bits and 12 colour levels apart.
      expect(hammingDistance(ours, copy), `${side}px ${type}`).toBeLessThanOrEqual(6)
      expect(colourDistance(ours, copy), `${side}px ${type}`).toBeLessThanOrEqual(8)
    }
  })

  it('tells our logo from another logo', async () => {
    const ours = await pictureHash(browser, OUR_LOGO, 'image/svg+xml')
    const other = await pictureHash(browser, await anotherLogo(), 'image/png')
    expect(hammingDistance(ours, other)).toBeGreaterThanOrEqual(16)
  })

  it('tells our logo from the demo site\'s other avatars by their colour: same layout, not our picture', async () => {
    const ours = await pictureHash(browser, OUR_LOGO, 'image/svg+xml')
    for (const name of ['fjellgear-avatar', 'ingrid-linkedin-avatar']) {
      const other = await pictureHash(browser, svgBytes(name), 'image/svg+xml')
      expect(colourDistance(ours, other), name).toBeGreaterThan(48)
    }
  })

  it('refuses bytes the browser cannot decode as a picture', async () => {
    await expect(pictureHash(browser, Buffer.from('<html>not a picture</html>'), 'image/png')).rejects.toBeInstanceOf(PictureError)
  })
})

describe('the hash, pure', () => {
  it('sets no bit where the picture brightens to the right and every bit where it darkens', () => {
    const rising = Array.from({ length: 32 * 32 }, (_, i) => (i % 32) * 8)
    const falling = Array.from({ length: 32 * 32 }, (_, i) => 255 - (i % 32) * 8)
    expect(dhash(rising)).toBe('0000000000000000')
    expect(dhash(falling)).toBe('ffffffffffffffff')
    // A flat picture with a little noise stays all zeros.
    expect(dhash(Array.from({ length: 32 * 32 }, (_, i) => 128 + (i % 3)))).toBe('0000000000000000')
  })

  it('counts bits apart, colour apart and likeness', () => {
    expect(hammingDistance('0000000000000000:ffffff', '000000000000000f:ffffff')).toBe(4)
    expect(hammingDistance('ffffffffffffffff:000000', '0000000000000000:000000')).toBe(64)
    expect(colourDistance('0:ff0000', '0:ff0300')).toBe(3)
    expect(colourDistance('0:000000', '0')).toBeUndefined()
    expect(likeness(0)).toBe(100)
    expect(likeness(4)).toBe(94)
    expect(likeness(32)).toBe(50)
  })

  it('draws only picture types', () => {
    expect(pictureType('image/jpeg; charset=binary')).toBe('image/jpeg')
    expect(pictureType('text/html')).toBeUndefined()
    expect(pictureType(undefined)).toBeUndefined()
  })
})
