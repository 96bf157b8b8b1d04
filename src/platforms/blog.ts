// A blog: the page and its RSS/Atom feed (last post, posts in 30 days).
import { handleOf, type PlatformAdapter } from './adapter.js'

/** The schema requires a url or a handle; a bare handle here is a host name. */
export function siteUrl(account: Parameters<PlatformAdapter['pageUrl']>[0]): string {
  const handle = handleOf(account)
  return /^https?:\/\//.test(handle) ? handle : `https://${handle}`
}

export const blog = {
  id: 'blog',
  name: 'Blog',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account) => siteUrl(account),
  sources: [],
  feeds: true,
} as const satisfies PlatformAdapter
