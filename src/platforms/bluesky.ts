// Bluesky: the public AppView API answers without sign-in, so it is the first
// source; the profile page (bsky.app) gives the screenshot.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { blueskyApi } from './bluesky-api.js'

export const bluesky = {
  id: 'bluesky',
  name: 'Bluesky',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account, base) => `${base('bluesky-web')}/profile/${encodeURIComponent(handleOf(account))}`,
  sources: [blueskyApi],
  signIn: { key: 'bluesky-web', path: '/' },
  handles: {
    // The part before ".bsky.social": a DNS label.
    rule: { pattern: /^(?!-)(?!.*-$)[a-z0-9-]+$/, min: 3, max: 18 },
    // A new name is most likely on the default host; a custom domain is the owner's own and is not guessed.
    candidates: (stem: string) => [`${stem}.bsky.social`],
    localPart: (handle: string) => handle.split('.')[0] ?? handle,
  },
} as const satisfies PlatformAdapter
