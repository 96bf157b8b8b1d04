// Instagram: the Meta Graph API for a professional account (its own, or
// another through business_discovery); otherwise the profile page's meta
// description and embedded data.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { instagramGraphApi } from './instagram-api.js'

export const instagram = {
  id: 'instagram',
  name: 'Instagram',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account, base) => `${base('instagram')}/${encodeURIComponent(handleOf(account))}/`,
  sources: [instagramGraphApi],
  signIn: { key: 'instagram', path: '/accounts/login/' },
  // No leading or trailing dot, no two dots in a row (Instagram's sign-up form).
  handles: { rule: { pattern: /^(?!\.)(?!.*\.\.)(?!.*\.$)[a-z0-9._]+$/, min: 1, max: 30 } },
} as const satisfies PlatformAdapter
