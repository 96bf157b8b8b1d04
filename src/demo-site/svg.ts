// Owns the demo site's images: every /img/<name>.svg is drawn from its name,
// so pages can point og:image, avatars, banners and video thumbnails at any
// name without shipping image files. The same name always gives the same image.
import { xml, type Markup } from './markup.js'

export type ImageShape = 'avatar' | 'banner' | 'thumbnail'

/** Which image a name asks for: `…banner…` → banner, `yt-…` → video thumbnail, else an avatar. */
export function shapeOf(name: string): ImageShape {
  if (name.includes('banner')) return 'banner'
  if (name.startsWith('yt-')) return 'thumbnail'
  return 'avatar'
}

/** A stable hue (0–359) for a name. */
function hueOf(name: string): number {
  let hash = 7
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 3_600_007
  return hash % 360
}

export function drawImage(name: string): Markup {
  const hue = hueOf(name)
  const initial = (name.match(/[a-z0-9]/i)?.[0] ?? '?').toUpperCase()
  switch (shapeOf(name)) {
    case 'banner':
      return xml`<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="500" viewBox="0 0 1500 500">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#071a2e"/><stop offset="1" stop-color="hsl(${hue} 45% 28%)"/></linearGradient></defs>
<rect width="1500" height="500" fill="url(#sky)"/>
<path d="M0 170 C 300 60, 600 260, 900 140 S 1350 90, 1500 180" stroke="#5fffb0" stroke-opacity=".55" stroke-width="38" fill="none"/>
<path d="M0 230 C 350 120, 650 300, 1000 200 S 1400 160, 1500 240" stroke="#9b7bff" stroke-opacity=".35" stroke-width="24" fill="none"/>
<polygon points="0,500 220,260 380,400 560,210 760,420 980,240 1180,390 1340,280 1500,360 1500,500" fill="#0d1b24"/>
<polygon points="560,210 610,262 520,262" fill="#e8f1f5"/><polygon points="980,240 1030,290 935,290" fill="#e8f1f5"/>
</svg>
`
    case 'thumbnail':
      return xml`<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
<rect width="480" height="360" fill="hsl(${hue} 40% 30%)"/>
<polygon points="0,360 140,190 240,290 340,170 480,300 480,360" fill="hsl(${hue} 30% 15%)"/>
<rect x="190" y="140" width="100" height="70" rx="16" fill="#ff0000"/><polygon points="228,156 228,194 260,175" fill="#fff"/>
</svg>
`
    case 'avatar':
      return xml`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">
<circle cx="100" cy="100" r="100" fill="hsl(${hue} 55% 38%)"/>
<path d="M30 150 L80 80 L105 115 L125 90 L170 150 Z" fill="hsl(${hue} 60% 85%)" fill-opacity=".35"/>
<text x="100" y="122" font-family="Helvetica, Arial, sans-serif" font-size="72" font-weight="700" text-anchor="middle" fill="#fff">${initial}</text>
</svg>
`
  }
}
