// Owns the Atom feeds: YouTube's per-channel videos.xml (same namespaces and
// elements as youtube.com/feeds/videos.xml) and the company blog's feed.
//
// Their entries carry the fixed dates of platforms.ts (November 2026 and
// before), unless the site is told to date them from its own clock: then each
// entry keeps its distance to DEMO_TODAY, counted back from the site's "now".
// A test that counts the posts of the last 30 days then gets the same number
// on any day it runs, against a capture that reads the real clock.
import { xml, type Markup } from './markup.js'
import { BLOG, COMPANY, YOUTUBE } from './platforms.js'

/** The day the demo data is written as of: the newest video is 8 days older, the newest blog post 3. */
export const DEMO_TODAY = '2026-11-20T12:00:00Z'

const DAY_MS = 86_400_000

/**
 * How far to move every feed date so that DEMO_TODAY lands on `now`, in whole
 * days (times of day stay as written). 0 without a clock: the fixed dates.
 */
export function feedShiftMs(now: Date | undefined): number {
  if (now === undefined) return 0
  return Math.round((now.getTime() - Date.parse(DEMO_TODAY)) / DAY_MS) * DAY_MS
}

/** An ISO time moved by `shiftMs`, in the same notation (`Z` or YouTube's `+00:00`). */
function shifted(iso: string, shiftMs: number): string {
  if (shiftMs === 0) return iso
  return new Date(Date.parse(iso) + shiftMs).toISOString().replace(/\.000Z$/, iso.endsWith('Z') ? 'Z' : '+00:00')
}

export function youtubeFeed(origin: string, shiftMs = 0): Markup {
  const channelUrl = `${origin}/youtube/channel/${YOUTUBE.channelId}`
  const author = xml`<author>
  <name>${COMPANY.name}</name>
  <uri>${channelUrl}</uri>
 </author>`
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="${origin}/youtube/feeds/videos.xml?channel_id=${YOUTUBE.channelId}"/>
 <id>yt:channel:${YOUTUBE.channelId}</id>
 <yt:channelId>${YOUTUBE.channelId}</yt:channelId>
 <title>${COMPANY.name}</title>
 <link rel="alternate" href="${channelUrl}"/>
 ${author}
 <published>${YOUTUBE.created}</published>
${YOUTUBE.videos.map(
  (video) => xml` <entry>
  <id>yt:video:${video.id}</id>
  <yt:videoId>${video.id}</yt:videoId>
  <yt:channelId>${YOUTUBE.channelId}</yt:channelId>
  <title>${video.title}</title>
  <link rel="alternate" href="${origin}/youtube/watch?v=${video.id}"/>
  ${author}
  <published>${shifted(video.published, shiftMs)}</published>
  <updated>${shifted(video.published, shiftMs)}</updated>
  <media:group>
   <media:title>${video.title}</media:title>
   <media:content url="${origin}/youtube/watch?v=${video.id}" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="${origin}/img/yt-${video.id}.svg" width="480" height="360"/>
   <media:description>${video.description}</media:description>
   <media:community>
    <media:starRating count="${Math.round(video.views / 25)}" average="5.00" min="1" max="5"/>
    <media:statistics views="${video.views}"/>
   </media:community>
  </media:group>
 </entry>
`,
)}</feed>
`
}

export function blogFeed(origin: string, shiftMs = 0): Markup {
  const at = (date: string) => shifted(`${date}T08:00:00Z`, shiftMs)
  const newest = BLOG.entries[0]?.date ?? '2026-01-01'
  return xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>${BLOG.title}</title>
 <subtitle>${BLOG.subtitle}</subtitle>
 <link rel="self" href="${origin}/blog/feed.atom"/>
 <link rel="alternate" href="${origin}/blog/"/>
 <id>${origin}/blog/</id>
 <updated>${at(newest)}</updated>
 <author><name>${COMPANY.name}</name></author>
${BLOG.entries.map(
  (entry) => xml` <entry>
  <title>${entry.title}</title>
  <link rel="alternate" href="${origin}/blog/${entry.slug}/"/>
  <id>${origin}/blog/${entry.slug}/</id>
  <published>${at(entry.date)}</published>
  <updated>${at(entry.date)}</updated>
  <summary>${entry.summary}</summary>
 </entry>
`,
)}</feed>
`
}
