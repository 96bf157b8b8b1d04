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
} as const satisfies PlatformAdapter
