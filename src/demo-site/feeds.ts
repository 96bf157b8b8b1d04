// Owns the Atom feeds: YouTube's per-channel videos.xml (same namespaces and
// elements as youtube.com/feeds/videos.xml) and the company blog's feed.
import { xml, type Markup } from './markup.js'
import { BLOG, COMPANY, YOUTUBE } from './platforms.js'

export function youtubeFeed(origin: string): Markup {
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
  <published>${video.published}</published>
  <updated>${video.published}</updated>
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

export function blogFeed(origin: string): Markup {
  const newest = BLOG.entries[0]?.date ?? '2026-01-01'
  return xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>${BLOG.title}</title>
 <subtitle>${BLOG.subtitle}</subtitle>
 <link rel="self" href="${origin}/blog/feed.atom"/>
 <link rel="alternate" href="${origin}/blog/"/>
 <id>${origin}/blog/</id>
 <updated>${newest}T08:00:00Z</updated>
 <author><name>${COMPANY.name}</name></author>
${BLOG.entries.map(
  (entry) => xml` <entry>
  <title>${entry.title}</title>
  <link rel="alternate" href="${origin}/blog/${entry.slug}/"/>
  <id>${origin}/blog/${entry.slug}/</id>
  <published>${entry.date}T08:00:00Z</published>
  <updated>${entry.date}T08:00:00Z</updated>
  <summary>${entry.summary}</summary>
 </entry>
`,
)}</feed>
`
}
