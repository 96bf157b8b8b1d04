// Facebook: the Meta Graph API with a Page token (followers and likes, kept
// apart); otherwise the page's text.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { facebookGraphApi } from './facebook-api.js'

export const facebook = {
  id: 'facebook',
  name: 'Facebook',
  words: { followers: 'followers', posts: 'posts', likes: 'Page likes' },
  pageUrl: (account, base) => `${base('facebook')}/${encodeURIComponent(handleOf(account))}`,
  sources: [facebookGraphApi],
  signIn: { key: 'facebook', path: '/login' },
  handles: {
    rule: { pattern: /^(?!\.)(?!.*\.$)[a-z0-9.]+$/, min: 5, max: 50 },
    // A Page's name in its address, not an @handle people type.
    shown: (handle: string) => handle,
  },
} as const satisfies PlatformAdapter
