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
} as const satisfies PlatformAdapter
