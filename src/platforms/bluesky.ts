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
} as const satisfies PlatformAdapter
