// X: API v2 with the owner's bearer token; without it, what the logged-out
// page carries (JSON-LD), which is usually nothing but the login wall.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { xApi } from './x-api.js'

export const x = {
  id: 'x',
  name: 'X',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account, base) => `${base('x-web')}/${encodeURIComponent(handleOf(account))}`,
  sources: [xApi],
  emptyPageMeans: 'login required',
  signIn: { key: 'x-web', path: '/i/flow/login' },
  // The audit's rule probes the web page (x.com), not the API's base.
  auditEndpoint: 'x-web',
  handles: { rule: { pattern: /^[a-z0-9_]+$/, min: 4, max: 15 } },
} as const satisfies PlatformAdapter
