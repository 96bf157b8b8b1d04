// YouTube: the Data API v3 with the owner's key gives subscribers, videos,
// views and the uploads; without it, the channel page and its RSS feed.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { youtubeDataApi } from './youtube-api.js'

export const youtube = {
  id: 'youtube',
  name: 'YouTube',
  words: { followers: 'subscribers', posts: 'videos', likes: 'likes' },
  pageUrl: (account, base) => {
    const handle = handleOf(account)
    return handle.startsWith('UC') ? `${base('youtube')}/channel/${handle}` : `${base('youtube')}/@${encodeURIComponent(handle)}`
  },
  sources: [youtubeDataApi],
  feeds: true,
  // YouTube signs in at Google's; a replaced endpoint (the demo site) has its own page.
  signIn: { key: 'youtube', path: '/login', real: 'https://accounts.google.com/ServiceLogin?service=youtube&continue=https%3A%2F%2Fwww.youtube.com%2F' },
  handles: { rule: { pattern: /^(?![.-])[a-z0-9._-]+$/, min: 3, max: 30 } },
} as const satisfies PlatformAdapter
