// Unit tests for feed reading and discovery: RSS 2.0, RSS 1.0, Atom and
// YouTube's Atom with view counts, the 30-day pace against a fixed clock,
// <link rel="alternate"> discovery, and hostile or broken input that must
// give `{ ok: false }` or a sane result, never a throw or a hang.
import { describe, expect, it } from 'vitest'
import { discoverFeeds, parseFeed, type FeedResult, type FeedSummary } from '../../src/snapshot/feed.js'
import { slowdown } from '../helpers/timing.js'

const NOW = new Date('2026-03-01T12:00:00Z')

function feedOf(result: FeedResult): FeedSummary {
  if (!result.ok) throw new Error(`expected a feed, got: ${result.reason}`)
  return result.feed
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Fjordvik Seafood – News</title>
    <link>https://fjordvik.example/news/</link>
    <atom:link href="https://fjordvik.example/news/feed/" rel="self" type="application/rss+xml"/>
    <description>Fresh from the fjord</description>
    <item>
      <title>Fjordvik&#8217;s new plant &amp; 40 jobs</title>
      <link>https://fjordvik.example/news/new-plant/</link>
      <pubDate>Thu, 26 Feb 2026 08:30:00 +0100</pubDate>
      <guid isPermaLink="false">https://fjordvik.example/?p=1201</guid>
    </item>
    <item>
      <title><![CDATA[Q4 results: <strong>record</strong> exports]]></title>
      <link>/news/q4/</link>
      <pubDate>Mon, 09 Feb 2026 07:00:00 GMT</pubDate>
    </item>
    <item>
      <title>2025</title>
      <guid>https://fjordvik.example/news/year-in-review/</guid>
      <pubDate>Wed, 31 Dec 2025 12:00:00 GMT</pubDate>
    </item>
    <item>
      <description>&lt;p&gt;A short note without a title.&lt;/p&gt;</description>
      <link>javascript:alert(1)</link>
    </item>
  </channel>
</rss>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Nordlys Outdoor blog</title>
  <link href="https://blog.nordlys.example/" rel="alternate"/>
  <link href="https://blog.nordlys.example/atom.xml" rel="self"/>
  <updated>2026-02-28T18:00:00Z</updated>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title type="html">Winter &lt;em&gt;gear&lt;/em&gt; &amp;amp; tips</title>
    <link href="https://blog.nordlys.example/2026/02/winter-gear" rel="alternate"/>
    <link href="https://blog.nordlys.example/2026/02/winter-gear.json" rel="alternate" type="application/json"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2026-02-28T17:00:00+01:00</published>
    <updated>2026-02-28T18:00:00Z</updated>
  </entry>
  <entry>
    <title>Only updated</title>
    <link rel="edit" href="https://blog.nordlys.example/edit/2"/>
    <link href="/2026/01/only-updated"/>
    <updated>2026-01-10T09:00:00Z</updated>
  </entry>
</feed>`

const YOUTUBE = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.com/feeds/videos.xml?channel_id=UCnordlys0000000000000"/>
 <id>yt:channel:UCnordlys0000000000000</id>
 <yt:channelId>UCnordlys0000000000000</yt:channelId>
 <title>Nordlys Outdoor</title>
 <link rel="alternate" href="https://www.youtube.com/channel/UCnordlys0000000000000"/>
 <author><name>Nordlys Outdoor</name><uri>https://www.youtube.com/channel/UCnordlys0000000000000</uri></author>
 <published>2015-04-01T10:00:00+00:00</published>
 <entry>
  <id>yt:video:abcDEF12345</id>
  <yt:videoId>abcDEF12345</yt:videoId>
  <yt:channelId>UCnordlys0000000000000</yt:channelId>
  <title>Packing for Lofoten in winter</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=abcDEF12345"/>
  <author><name>Nordlys Outdoor</name></author>
  <published>2026-02-25T15:00:06+00:00</published>
  <updated>2026-02-27T01:12:44+00:00</updated>
  <media:group>
   <media:title>Packing for Lofoten in winter</media:title>
   <media:content url="https://www.youtube.com/v/abcDEF12345?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i2.ytimg.com/vi/abcDEF12345/hqdefault.jpg" width="480" height="360"/>
   <media:description>Everything we bring.</media:description>
   <media:community>
    <media:starRating count="812" average="5.00" min="1" max="5"/>
    <media:statistics views="48213"/>
   </media:community>
  </media:group>
 </entry>
 <entry>
  <id>yt:video:ghiJKL67890</id>
  <yt:videoId>ghiJKL67890</yt:videoId>
  <title>1000</title>
  <published>2026-02-03T15:00:00+00:00</published>
  <media:group>
   <media:community>
    <media:statistics views="0"/>
   </media:community>
  </media:group>
 </entry>
 <entry>
  <id>yt:video:mnoPQR13579</id>
  <yt:videoId>mnoPQR13579</yt:videoId>
  <title>Northern lights timelapse</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=mnoPQR13579"/>
  <published>2025-11-20T15:00:00+00:00</published>
  <media:group><media:community><media:statistics views="many"/></media:community></media:group>
 </entry>
</feed>`

describe('parseFeed: RSS 2.0', () => {
  const feed = feedOf(parseFeed(RSS, NOW))

  it('reads the channel title and every item in feed order', () => {
    expect(feed.title).toBe('Fjordvik Seafood – News')
    expect(feed.entries.map((e) => e.title)).toEqual([
      'Fjordvik’s new plant & 40 jobs',
      'Q4 results: <strong>record</strong> exports',
      '2025',
      'A short note without a title.',
    ])
  })

  it('turns RFC 822 dates into ISO dates in UTC', () => {
    expect(feed.entries.map((e) => e.published)).toEqual(['2026-02-26T07:30:00.000Z', '2026-02-09T07:00:00.000Z', '2025-12-31T12:00:00.000Z', undefined])
  })

  it('keeps only http(s) links, resolving relative ones against the channel link and using a permalink guid', () => {
    expect(feed.entries.map((e) => e.url)).toEqual([
      'https://fjordvik.example/news/new-plant/',
      'https://fjordvik.example/news/q4/',
      'https://fjordvik.example/news/year-in-review/',
      undefined,
    ])
  })

  it('gives the newest date and the number of items in the 30 days before now', () => {
    expect(feed.lastPostAt).toBe('2026-02-26T07:30:00.000Z')
    expect(feed.postsPerMonth).toBe(2)
  })
})

describe('parseFeed: Atom', () => {
  const feed = feedOf(parseFeed(ATOM, NOW))

  it('reads titles, turning type="html" into the text a reader sees', () => {
    expect(feed.title).toBe('Nordlys Outdoor blog')
    expect(feed.entries.map((e) => e.title)).toEqual(['Winter gear & tips', 'Only updated'])
  })

  it('uses published, or updated when there is no published', () => {
    expect(feed.entries.map((e) => e.published)).toEqual(['2026-02-28T16:00:00.000Z', '2026-01-10T09:00:00.000Z'])
    expect(feed.lastPostAt).toBe('2026-02-28T16:00:00.000Z')
    expect(feed.postsPerMonth).toBe(1)
  })

  it('takes the alternate link, never the edit link', () => {
    expect(feed.entries.map((e) => e.url)).toEqual([
      'https://blog.nordlys.example/2026/02/winter-gear',
      'https://blog.nordlys.example/2026/01/only-updated',
    ])
  })
})

describe('parseFeed: YouTube channel feed', () => {
  const feed = feedOf(parseFeed(YOUTUBE, NOW))

  it('reads videos with their view counts', () => {
    expect(feed.title).toBe('Nordlys Outdoor')
    expect(feed.entries).toEqual([
      { title: 'Packing for Lofoten in winter', published: '2026-02-25T15:00:06.000Z', url: 'https://www.youtube.com/watch?v=abcDEF12345', views: 48213 },
      // No <link>: the URL comes from yt:videoId; a numeric title stays text.
      { title: '1000', published: '2026-02-03T15:00:00.000Z', url: 'https://www.youtube.com/watch?v=ghiJKL67890', views: 0 },
      // A views attribute that is not a number is left out rather than guessed.
      { title: 'Northern lights timelapse', published: '2025-11-20T15:00:00.000Z', url: 'https://www.youtube.com/watch?v=mnoPQR13579' },
    ])
  })

  it('counts the videos of the last 30 days', () => {
    expect(feed.lastPostAt).toBe('2026-02-25T15:00:06.000Z')
    expect(feed.postsPerMonth).toBe(2)
  })
})

describe('parseFeed: the 30-day window', () => {
  const rssWith = (...dates: string[]) =>
    `<rss version="2.0"><channel><title>t</title>${dates.map((d, i) => `<item><title>p${i}</title><pubDate>${d}</pubDate></item>`).join('')}</channel></rss>`

  it('counts posts less than 30 days old', () => {
    const xml = rssWith('2026-03-01T11:59:00Z', '2026-01-30T12:00:01Z', '2026-01-30T11:59:59Z', '2025-06-01T00:00:00Z')
    expect(feedOf(parseFeed(xml, NOW)).postsPerMonth).toBe(2)
  })

  it('moves with `now`', () => {
    const xml = rssWith('2026-03-01T11:59:00Z', '2026-01-30T12:00:01Z')
    expect(feedOf(parseFeed(xml, new Date('2026-04-15T00:00:00Z'))).postsPerMonth).toBe(0)
    expect(feedOf(parseFeed(xml, new Date('2026-02-10T00:00:00Z'))).postsPerMonth).toBe(1)
  })

  it('ignores posts dated more than a day in the future for the last post and the pace', () => {
    const feed = feedOf(parseFeed(rssWith('2026-06-01T00:00:00Z', '2026-03-01T18:00:00Z', '2026-02-20T00:00:00Z'), NOW))
    expect(feed.lastPostAt).toBe('2026-03-01T18:00:00.000Z')
    expect(feed.postsPerMonth).toBe(2)
    expect(feed.entries[0]?.published).toBe('2026-06-01T00:00:00.000Z')
  })

  it('gives no pace when no entry has a usable date, and zero for an empty feed', () => {
    const undated = feedOf(parseFeed(rssWith('sometime soon', '1970-01-01T00:00:00Z'), NOW))
    expect(undated.entries.map((e) => e.published)).toEqual([undefined, undefined])
    expect(undated.lastPostAt).toBeUndefined()
    expect(undated.postsPerMonth).toBeUndefined()
    const empty = feedOf(parseFeed('<rss version="2.0"><channel><title>New blog</title></channel></rss>', NOW))
    expect(empty).toEqual({ title: 'New blog', entries: [], postsPerMonth: 0 })
  })
})

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items that sit beside the channel', () => {
    const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old blog</title><link>https://old.example/</link></channel>
  <item rdf:about="https://old.example/1"><title>First</title><link>https://old.example/1</link><dc:date>2026-02-14T10:00:00+01:00</dc:date></item>
</rdf:RDF>`
    expect(feedOf(parseFeed(xml, NOW))).toEqual({
      title: 'Old blog',
      entries: [{ title: 'First', published: '2026-02-14T09:00:00.000Z', url: 'https://old.example/1' }],
      lastPostAt: '2026-02-14T09:00:00.000Z',
      postsPerMonth: 1,
    })
  })
})

describe('parseFeed: hostile and broken input', () => {
  const tenOf = (ref: string) => `&${ref};`.repeat(10)
  const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "${tenOf('lol')}">
 <!ENTITY lol2 "${tenOf('lol1')}">
 <!ENTITY lol3 "${tenOf('lol2')}">
 <!ENTITY lol4 "${tenOf('lol3')}">
 <!ENTITY lol5 "${tenOf('lol4')}">
 <!ENTITY lol6 "${tenOf('lol5')}">
 <!ENTITY lol7 "${tenOf('lol6')}">
 <!ENTITY lol8 "${tenOf('lol7')}">
 <!ENTITY lol9 "${tenOf('lol8')}">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol; and &lol9;</title><pubDate>Thu, 26 Feb 2026 08:30:00 GMT</pubDate></item></channel></rss>`

  it('does not expand entities declared in a DOCTYPE (billion laughs), and takes no longer than a plain feed of its size', () => {
    // The same size without the entities: the DOCTYPE's declarations turned into a comment.
    const plain = BILLION_LAUGHS.replace(/<!DOCTYPE lolz \[([\s\S]*?)\]>/, (whole) => `<!--${'x'.repeat(whole.length - 7)}-->`)
    expect(plain.length).toBe(BILLION_LAUGHS.length)
    expect(slowdown(() => parseFeed(BILLION_LAUGHS, NOW), () => parseFeed(plain, NOW))).toBeLessThan(10)
    const result = parseFeed(BILLION_LAUGHS, NOW)
    const feed = feedOf(result)
    // The references stay as written: nothing grew.
    expect(feed.title).toBe('&lol9;')
    expect(feed.entries).toEqual([{ title: '&lol; and &lol9;', published: '2026-02-26T08:30:00.000Z' }])
  })

  it('does not read external entities', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>'
    const result = parseFeed(xxe, NOW)
    expect(JSON.stringify(result)).not.toContain('root:')
    // The document is refused, saying why, and nothing of the file is in the answer.
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/external entities are not supported/i) })
  })

  it('ignores a plain DOCTYPE', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Legacy</title><item><title>One</title><link>https://legacy.example/1</link></item></channel></rss>'
    expect(feedOf(parseFeed(xml, NOW)).entries).toEqual([{ title: 'One', url: 'https://legacy.example/1' }])
  })

  /** [name, input, reason must mention] */
  const REJECTED: readonly (readonly [string, string, string])[] = [
    ['empty string', '', 'empty'],
    ['whitespace only', '  \n\t ', 'empty'],
    ['plain text', 'Service temporarily unavailable', 'not XML'],
    ['JSON', '{"items":[]}', 'not XML'],
    ['truncated mid-tag', '<rss version="2.0"><channel><title>Hi</title><item><title>A</ti', 'malformed XML'],
    ['HTML page served as the feed', '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Blog</title></head><body><p>Hello<br>world</p></body></html>', 'root element is <html>'],
    ['an XML document that is not a feed', '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>', 'root element is <sitemapindex>'],
    ['angle-bracket soup', '<<<>>><<>', 'not an RSS or Atom feed'],
    ['RSS without a channel', '<rss version="2.0"><item><title>x</title></item></rss>', 'without a <channel>'],
    ['empty Atom element', '<feed/>', 'empty <feed>'],
    ['declaration only', '<?xml version="1.0" encoding="UTF-8"?>', 'no root element'],
    ['deep nesting', `<rss>${'<x>'.repeat(5000)}`, 'malformed XML'],
  ]
  it.each(REJECTED)('%s → { ok: false }', (_name, input, reason) => {
    const result = parseFeed(input, NOW)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })

  it('reads an Atom feed element without children as a feed with no entries', () => {
    expect(feedOf(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"/>', NOW))).toEqual({ entries: [], postsPerMonth: 0 })
  })

  it('reads what arrived of a feed that lost its closing tags', () => {
    const feed = feedOf(parseFeed('<rss version="2.0"><channel><title>Cut</title><item><title>A</title><pubDate>Thu, 26 Feb 2026 08:30:00 GMT</pubDate></item>', NOW))
    expect(feed.entries).toEqual([{ title: 'A', published: '2026-02-26T08:30:00.000Z' }])
  })

  it('tolerates a byte-order mark and leading whitespace', () => {
    expect(feedOf(parseFeed('\uFEFF  \n<rss><channel><title>BOM</title></channel></rss>', NOW)).title).toBe('BOM')
  })

  it('handles a large feed of many items without trouble', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<item><title>Post ${i}</title><pubDate>Sun, 01 Feb 2026 00:00:00 GMT</pubDate></item>`).join('')
    const feed = feedOf(parseFeed(`<rss><channel><title>Busy</title>${items}</channel></rss>`, NOW))
    expect(feed.entries).toHaveLength(5000)
    expect(feed.postsPerMonth).toBe(5000)
  })

  it('reads a feed of 70,000 tiny items near the size limit', () => {
    const items = '<item><pubDate>Sun, 01 Feb 2026 00:00:00 GMT</pubDate></item>'.repeat(70_000)
    const feed = feedOf(parseFeed(`<rss><channel>${items}</channel></rss>`, NOW))
    expect(feed.entries).toHaveLength(70_000)
    expect(feed.lastPostAt).toBe('2026-02-01T00:00:00.000Z')
  })

  it('refuses input larger than any real feed', () => {
    const result = parseFeed(`<rss>${' '.repeat(5_000_001)}</rss>`, NOW)
    expect(result).toEqual({ ok: false, reason: 'feed is larger than 5 MB' })
  })
})

describe('discoverFeeds', () => {
  it('finds RSS and Atom links whatever the attribute order, quoting and case, in document order', () => {
    const html = `<!doctype html><html><head>
      <meta charset="utf-8"><title>Fjordvik news</title>
      <LINK TYPE='application/atom+xml' HREF='/news/atom.xml' REL='alternate' title='Atom'>
      <link href=/news/feed?lang=no&amp;format=rss rel=alternate type="application/rss+xml; charset=UTF-8" title="News > RSS">
      <link
        rel="alternate"
        type="application/rss+xml"
        href="https://feeds.fjordvik.example/press.xml" />
      <link rel="alternate" type="text/html" hreflang="en" href="/en/news">
      <link rel="stylesheet" href="/style.css">
    </head><body><h1>News</h1></body></html>`
    expect(discoverFeeds(html, 'https://fjordvik.example/news/')).toEqual([
      'https://fjordvik.example/news/atom.xml',
      'https://fjordvik.example/news/feed?lang=no&format=rss',
      'https://feeds.fjordvik.example/press.xml',
    ])
  })

  it('resolves relative hrefs against the page URL or a <base href>', () => {
    expect(discoverFeeds('<link rel="alternate" type="application/rss+xml" href="feed.xml">', 'https://a.example/blog/post-1')).toEqual(['https://a.example/blog/feed.xml'])
    expect(
      discoverFeeds('<head><base href="https://cdn.example/site/"><link rel="alternate" type="application/rss+xml" href="feed.xml"></head>', 'https://a.example/blog/'),
    ).toEqual(['https://cdn.example/site/feed.xml'])
  })

  it('accepts rel lists and finds each feed once', () => {
    const html = `<link rel="alternate feed" type="application/rss+xml" href="/rss">
      <link rel="Alternate" type="APPLICATION/RSS+XML" href="https://a.example/rss">`
    expect(discoverFeeds(html, 'https://a.example/')).toEqual(['https://a.example/rss'])
  })

  it('skips links that are not feeds, commented out, inside scripts, or not http(s)', () => {
    const html = `<head>
      <!-- <link rel="alternate" type="application/rss+xml" href="/old-feed.xml"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/script-feed.xml">')</script>
      <link rel="stylesheet" type="application/rss+xml" href="/not-alternate.xml">
      <link rel="alternate" href="/no-type.xml">
      <link rel="alternate" type="application/rss+xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/atom+xml" href="data:text/xml,<feed/>">
      <link rel="alternate" type="application/rss+xml" href="/real.xml">
    </head>`
    expect(discoverFeeds(html, 'https://a.example/')).toEqual(['https://a.example/real.xml'])
  })

  it('returns nothing for pages without feeds, garbage and an unusable base URL', () => {
    expect(discoverFeeds('<html><head><title>x</title></head></html>', 'https://a.example/')).toEqual([])
    expect(discoverFeeds('<link rel="alternate" type="application/rss+xml" href="/x', 'https://a.example/')).toEqual([])
    expect(discoverFeeds('', 'https://a.example/')).toEqual([])
    expect(discoverFeeds('<link rel="alternate" type="application/rss+xml" href="/rel.xml">', 'not a url')).toEqual([])
    expect(discoverFeeds('<link rel="alternate" type="application/rss+xml" href="https://abs.example/f.xml">', 'not a url')).toEqual(['https://abs.example/f.xml'])
  })

  it('takes no longer on hostile markup than on ordinary links of the same size', () => {
    // Every tag opens a quote that never closes.
    const hostile = '<link rel="alternate" type="application/rss+xml" href="'.repeat(20_000)
    const tag = '<link rel="stylesheet" href="/s.css">'
    const ordinary = tag.repeat(Math.ceil(hostile.length / tag.length)).slice(0, hostile.length)
    expect(discoverFeeds(hostile, 'https://a.example/')).toEqual([])
    expect(slowdown(() => discoverFeeds(hostile, 'https://a.example/'), () => discoverFeeds(ordinary, 'https://a.example/'))).toBeLessThan(10)
  })
})
