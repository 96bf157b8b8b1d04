// A website: the page, and its feed when it links one.
import type { PlatformAdapter } from './adapter.js'
import { siteUrl } from './blog.js'

export const website = {
  id: 'website',
  name: 'Website',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account) => siteUrl(account),
  sources: [],
  feeds: true,
} as const satisfies PlatformAdapter
