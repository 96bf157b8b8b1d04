// Mastodon: every server has the same public API (accounts/lookup), unless it
// runs in authorized-fetch mode; the account's server comes from its handle
// (user@server) or its url, or `snapshot.endpoints.mastodon` stands in.
import type { PlatformAdapter } from './adapter.js'
import { mastodonApi, mastodonParts, mastodonRoot } from './mastodon-api.js'

export const mastodon = {
  id: 'mastodon',
  name: 'Mastodon',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account, base) => `${mastodonRoot(account, base('mastodon')) ?? 'https://mastodon.social'}/@${encodeURIComponent(mastodonParts(account).user)}`,
  sources: [mastodonApi],
  // Nothing to sign in to: each server has its own sign-in, and profiles are public through the API.
  signInHint: 'sign in at your own server; a Mastodon profile is public and read through its API',
  handles: {
    rule: { pattern: /^[a-z0-9_]+$/, min: 1, max: 30 },
    // The same name on each server the company's own accounts live on, else on the largest server.
    candidates: (stem: string, ctx: { readonly servers: readonly string[] }) => (ctx.servers.length > 0 ? ctx.servers : ['mastodon.social']).map((server) => `${stem}@${server}`),
    onServer: (handle: string) => {
      const [user, server] = handle.replace(/^@/, '').split('@')
      return user && server ? { user, server } : undefined
    },
    localPart: (handle: string) => handle.split('@')[0] ?? handle,
  },
} as const satisfies PlatformAdapter
