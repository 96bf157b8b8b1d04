// Owns the names of the services showtell reads and their real base URLs: the keys of
// `snapshot.endpoints`. The lowest layer: it imports nothing of ours, so the workspace
// schema can check the keys without depending on the snapshot code (review B.5), and
// the adapters (platforms/<id>.ts) build their URLs from the same table.
/** Keys accepted in `snapshot.endpoints`, with the real services as defaults. */
export const DEFAULT_ENDPOINTS = {
  bluesky: 'https://public.api.bsky.app',
  'bluesky-web': 'https://bsky.app',
  /** Replaces `https://<instance>` for Mastodon accounts. */
  mastodon: '',
  youtube: 'https://www.youtube.com',
  linkedin: 'https://www.linkedin.com',
  instagram: 'https://www.instagram.com',
  facebook: 'https://www.facebook.com',
  threads: 'https://www.threads.net',
  tiktok: 'https://www.tiktok.com',
  x: 'https://api.x.com',
  'x-web': 'https://x.com',
  /** The owners' APIs (platforms/<id>.ts names each one's documentation). */
  'youtube-api': 'https://www.googleapis.com',
  graph: 'https://graph.facebook.com',
  'threads-api': 'https://graph.threads.net',
  'linkedin-api': 'https://api.linkedin.com',
  'tiktok-api': 'https://open.tiktokapis.com',
} as const
export type EndpointKey = keyof typeof DEFAULT_ENDPOINTS
export const ENDPOINT_KEYS = Object.keys(DEFAULT_ENDPOINTS) as EndpointKey[]
