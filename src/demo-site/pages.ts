// Owns the HTML of every imitated platform page for Nordlys Outdoor. Each page
// carries its numbers where the real platform does: og:description (LinkedIn,
// Instagram, Facebook, Threads), JSON-LD (LinkedIn company), embedded JSON
// (TikTok), visible text only (LinkedIn person, YouTube), plus a body that
// looks like the platform's profile page in a screenshot.
import { formatCompact, formatDay, formatGrouped, formatYouTube } from './format.js'
import { THEMES, documentPage, imageUrl, profileBody, topBar, type PageContext, type Theme } from './layout.js'
import { html, jsonForScript, type Markup } from './markup.js'
import {
  BLOG,
  BLUESKY,
  COMPANY,
  COMPANY_POSTS,
  FACEBOOK,
  FORGOTTEN_FACEBOOK,
  LINKEDIN_CEO,
  LINKEDIN_COMPANY,
  MASTODON,
  MEMBERS_ONLY,
  THREADS,
  TIKTOK,
  X_ACCOUNT,
  YOUTUBE,
  followers,
  posts,
  type BlogEntry,
  type InstagramAccount,
  type Post,
  type Video,
} from './platforms.js'

export function linkedinCompanyPage(context: PageContext): Markup {
  const count = followers(LINKEDIN_COMPANY.followers, context.bumps)
  const url = `${context.origin}/linkedin/company/${LINKEDIN_COMPANY.slug}`
  const logo = imageUrl(context, 'nordlys-linkedin-logo')
  const jsonLd = {
    '@context': 'http://schema.org',
    '@type': 'Organization',
    name: COMPANY.name,
    url,
    logo: { '@type': 'ImageObject', contentUrl: logo },
    description: COMPANY.about,
    address: { '@type': 'PostalAddress', addressLocality: 'Tromsø', addressCountry: 'NO' },
    sameAs: COMPANY.website,
    interactionStatistic: {
      '@type': 'InteractionCounter',
      interactionType: 'http://schema.org/FollowAction',
      name: 'Follows',
      userInteractionCount: count,
    },
  }
  return documentPage(
    {
      title: `${COMPANY.name} | LinkedIn`,
      description: `${COMPANY.name} | ${formatGrouped(count)} followers on LinkedIn. ${COMPANY.tagline} | ${COMPANY.about}`,
      image: logo,
      url,
      type: 'website',
    },
    THEMES.linkedin,
    profileBody(THEMES.linkedin, {
      name: COMPANY.name,
      bio: COMPANY.tagline,
      avatar: logo,
      banner: imageUrl(context, 'linkedin-nordlys-banner'),
      details: [`${COMPANY.industry} · ${COMPANY.location}`, COMPANY.size],
      counts: [{ value: formatGrouped(count), label: 'followers' }],
      action: '+ Follow',
      posts: COMPANY_POSTS.slice(0, 3),
    }),
    html`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
  )
}

/** The members-only LinkedIn page, as a signed-in member sees it: its count in og:description and the text. */
export function membersPage(context: PageContext): Markup {
  const count = followers(MEMBERS_ONLY.followers, context.bumps)
  const logo = imageUrl(context, 'polar-crew-logo')
  return documentPage(
    {
      title: `${MEMBERS_ONLY.name} | LinkedIn`,
      description: `${MEMBERS_ONLY.name} | ${formatGrouped(count)} followers on LinkedIn. The members' club of ${COMPANY.name}.`,
      image: logo,
      url: `${context.origin}/members/${MEMBERS_ONLY.slug}`,
      type: 'website',
    },
    THEMES.linkedin,
    profileBody(THEMES.linkedin, {
      name: MEMBERS_ONLY.name,
      bio: `The members' club of ${COMPANY.name}`,
      avatar: logo,
      banner: imageUrl(context, 'polar-crew-banner'),
      details: [COMPANY.location],
      counts: [{ value: formatGrouped(count), label: 'followers' }],
      action: '+ Follow',
      posts: COMPANY_POSTS.slice(0, 1),
    }),
  )
}

/** What `/demo-login` answers once the session cookie is set. */
export function signedInPage(context: PageContext): Markup {
  return documentPage(
    { title: 'Signed in • showtell demo site', description: 'This browser now has a demo session.', image: imageUrl(context, 'signed-in') },
    THEMES.plain,
    html`${topBar(THEMES.plain, ['Index'])}<main><section class="card section"><h1>You are signed in</h1><p>This browser now has a demo session: the members-only pages let it through. Close the window to finish <code>showtell login</code>.</p></section></main>`,
  )
}

export function linkedinPersonPage(context: PageContext): Markup {
  const count = followers(LINKEDIN_CEO.followers, context.bumps)
  const avatar = imageUrl(context, 'ingrid-linkedin-avatar')
  return documentPage(
    {
      title: `${LINKEDIN_CEO.name} - ${COMPANY.name} | LinkedIn`,
      description: `${LINKEDIN_CEO.headline} · Experience: ${COMPANY.name} · Location: ${COMPANY.location}. View ${LINKEDIN_CEO.name}’s profile on LinkedIn, a professional community.`,
      image: avatar,
      url: `${context.origin}/linkedin/in/${LINKEDIN_CEO.slug}`,
    },
    THEMES.linkedin,
    profileBody(THEMES.linkedin, {
      name: LINKEDIN_CEO.name,
      bio: LINKEDIN_CEO.headline,
      avatar,
      banner: imageUrl(context, 'linkedin-ingrid-banner'),
      details: [COMPANY.location, LINKEDIN_CEO.about],
      counts: [
        { value: formatGrouped(count), label: 'followers' },
        { value: '500+', label: 'connections' },
      ],
      action: 'Follow',
      postsHeading: 'Activity',
      posts: LINKEDIN_CEO.posts,
    }),
  )
}

export function instagramPage(context: PageContext, account: InstagramAccount): Markup {
  const followerText = formatCompact(followers(account.followers, context.bumps))
  const postText = formatGrouped(posts(account.posts, context.bumps))
  const followingText = formatGrouped(account.following)
  const avatar = imageUrl(context, `${account.username}-instagram-avatar`)
  return documentPage(
    {
      title: `${account.name} (@${account.username}) • Instagram photos and videos`,
      description: `${followerText} Followers, ${followingText} Following, ${postText} Posts - See Instagram photos and videos from ${account.name} (@${account.username})`,
      image: avatar,
      url: `${context.origin}/instagram/${account.username}/`,
    },
    THEMES.instagram,
    profileBody(THEMES.instagram, {
      name: account.username,
      handle: account.name,
      bio: account.bio,
      avatar,
      counts: [
        { value: postText, label: 'posts' },
        { value: followerText, label: 'followers' },
        { value: followingText, label: 'following' },
      ],
      action: 'Follow',
      posts: account.latest.slice(0, 3),
    }),
  )
}

export function facebookPage(context: PageContext): Markup {
  const likes = formatGrouped(followers(FACEBOOK.likes, context.bumps))
  const followerText = formatGrouped(followers(FACEBOOK.followers, context.bumps))
  const talking = formatGrouped(FACEBOOK.talkingAbout)
  const avatar = imageUrl(context, 'nordlys-facebook-avatar')
  return documentPage(
    {
      title: `${COMPANY.name} | Tromsø | Facebook`,
      description: `${COMPANY.name}. ${likes} likes · ${talking} talking about this. ${COMPANY.tagline}`,
      image: avatar,
      url: `${context.origin}/facebook/${FACEBOOK.slug}`,
      type: 'website',
    },
    THEMES.facebook,
    profileBody(THEMES.facebook, {
      name: COMPANY.name,
      bio: COMPANY.tagline,
      avatar,
      banner: imageUrl(context, 'facebook-nordlys-banner'),
      details: ['Page · Outdoor & sporting goods company', COMPANY.location],
      counts: [
        { value: likes, label: 'likes' },
        { value: followerText, label: 'followers' },
        { value: talking, label: 'talking about this' },
      ],
      action: 'Like',
      posts: COMPANY_POSTS.slice(0, 3),
    }),
  )
}

/** The planted forgotten profile: the company's exact name, a thousand friends, silent since 2019. */
export function forgottenFacebookPage(context: PageContext): Markup {
  const account = FORGOTTEN_FACEBOOK
  const followerText = formatGrouped(followers(account.followers, context.bumps))
  const avatar = imageUrl(context, `${account.slug}-facebook-avatar`)
  return documentPage(
    {
      title: `${account.name} | Facebook`,
      description: `${account.name}. ${followerText} followers · ${formatGrouped(account.friends)} friends. ${account.bio}`,
      image: avatar,
      url: `${context.origin}/facebook/${account.slug}`,
    },
    THEMES.facebook,
    profileBody(THEMES.facebook, {
      name: account.name,
      bio: account.bio,
      avatar,
      details: ['Personal profile · Tromsø, Norway'],
      counts: [
        { value: followerText, label: 'followers' },
        { value: formatGrouped(account.friends), label: 'friends' },
      ],
      action: 'Add friend',
      posts: account.latest,
    }),
  )
}

export function threadsPage(context: PageContext): Markup {
  const followerText = formatCompact(followers(THREADS.followers, context.bumps))
  const threadText = formatGrouped(posts(THREADS.threads, context.bumps))
  const avatar = imageUrl(context, 'nordlys-threads-avatar')
  return documentPage(
    {
      title: `${COMPANY.name} (@${THREADS.username}) • Threads, Say more`,
      description: `${followerText} Followers • ${threadText} Threads • See the latest conversations with @${THREADS.username}.`,
      image: avatar,
      url: `${context.origin}/threads/@${THREADS.username}`,
    },
    THEMES.threads,
    profileBody(THEMES.threads, {
      name: COMPANY.name,
      handle: THREADS.username,
      bio: COMPANY.tagline,
      avatar,
      counts: [
        { value: followerText, label: 'followers' },
        { value: threadText, label: 'threads' },
      ],
      action: 'Follow',
      postsHeading: 'Threads',
      posts: COMPANY_POSTS.slice(0, 3),
    }),
  )
}

export function tiktokPage(context: PageContext): Markup {
  const followerCount = followers(TIKTOK.followerCount, context.bumps)
  const heartCount = followers(TIKTOK.heartCount, context.bumps)
  const videoCount = posts(TIKTOK.videoCount, context.bumps)
  const avatar = imageUrl(context, 'nordlys-tiktok-avatar')
  const rehydration = {
    __DEFAULT_SCOPE__: {
      'webapp.user-detail': {
        statusCode: 0,
        userInfo: {
          user: {
            id: TIKTOK.id,
            uniqueId: TIKTOK.uniqueId,
            nickname: TIKTOK.nickname,
            signature: TIKTOK.signature,
            avatarLarger: avatar,
            verified: false,
            privateAccount: false,
          },
          stats: {
            followerCount,
            followingCount: TIKTOK.followingCount,
            heartCount,
            videoCount,
          },
        },
      },
    },
  }
  return documentPage(
    {
      title: `${TIKTOK.nickname} (@${TIKTOK.uniqueId}) | TikTok`,
      description: `${TIKTOK.nickname} (@${TIKTOK.uniqueId}) on TikTok | ${formatCompact(heartCount)} Likes. ${formatCompact(followerCount)} Followers. ${TIKTOK.signature}`,
      image: avatar,
      url: `${context.origin}/tiktok/@${TIKTOK.uniqueId}`,
    },
    THEMES.tiktok,
    profileBody(THEMES.tiktok, {
      name: TIKTOK.uniqueId,
      handle: TIKTOK.nickname,
      bio: TIKTOK.signature,
      avatar,
      counts: [
        { value: formatCompact(TIKTOK.followingCount), label: 'Following' },
        { value: formatCompact(followerCount), label: 'Followers' },
        { value: formatCompact(heartCount), label: 'Likes' },
      ],
      action: 'Follow',
      postsHeading: 'Videos',
      posts: COMPANY_POSTS.slice(0, 3),
    }),
    html`<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${jsonForScript(rehydration)}</script>`,
  )
}

function feedPath(): string {
  return `/youtube/feeds/videos.xml?channel_id=${YOUTUBE.channelId}`
}

export function youtubeChannelPage(context: PageContext): Markup {
  const subscribers = formatYouTube(followers(YOUTUBE.subscribers, context.bumps))
  const videoCount = posts(YOUTUBE.videos.length, context.bumps)
  const avatar = imageUrl(context, 'nordlys-youtube-avatar')
  const grid = html`<section class="card section"><h2>Videos</h2><div class="grid">${YOUTUBE.videos.map(
    (video) =>
      html`<a href="/youtube/watch?v=${video.id}"><img src="/img/yt-${video.id}.svg" alt=""><h3>${video.title}</h3><p>${formatYouTube(video.views)} views · <time datetime="${video.published}">${formatDay(video.published)}</time></p></a>`,
  )}</div></section>`
  return documentPage(
    {
      title: `${COMPANY.name} - YouTube`,
      description: `${COMPANY.tagline} Field tests, repairs and trips from Tromsø.`,
      image: avatar,
      url: `${context.origin}/youtube/channel/${YOUTUBE.channelId}`,
    },
    THEMES.youtube,
    profileBody(THEMES.youtube, {
      name: COMPANY.name,
      handle: `@${YOUTUBE.handle}`,
      bio: `${COMPANY.tagline} Field tests, repairs and trips from Tromsø.`,
      avatar,
      banner: imageUrl(context, 'youtube-nordlys-banner'),
      counts: [
        { value: subscribers, label: 'subscribers' },
        { value: formatGrouped(videoCount), label: 'videos' },
      ],
      action: 'Subscribe',
      posts: [],
      content: grid,
    }),
    html`<link rel="alternate" type="application/rss+xml" title="RSS" href="${feedPath()}">`,
  )
}

export function youtubeWatchPage(context: PageContext, video: Video): Markup {
  const thumbnail = imageUrl(context, `yt-${video.id}`)
  return documentPage(
    {
      title: `${video.title} - YouTube`,
      description: video.description,
      image: thumbnail,
      url: `${context.origin}/youtube/watch?v=${video.id}`,
      type: 'video.other',
    },
    THEMES.youtube,
    html`${topBar(THEMES.youtube)}<main><section class="card"><img class="banner" style="height:420px" src="${thumbnail}" alt=""><div class="section"><h1>${video.title}</h1><p class="details">${formatGrouped(video.views)} views · <time datetime="${video.published}">${formatDay(video.published)}</time> · <a href="/youtube/channel/${YOUTUBE.channelId}">${COMPANY.name}</a></p><p>${video.description}</p></div></section></main>`,
  )
}

export function blogHomePage(context: PageContext): Markup {
  return documentPage(
    { title: BLOG.title, description: BLOG.subtitle, image: imageUrl(context, 'blog-banner'), url: `${context.origin}/blog/`, type: 'website' },
    THEMES.blog,
    html`${topBar(THEMES.blog, ['Journal', 'Shop', 'About'])}
<main>
<section class="card"><img class="banner" src="/img/blog-banner.svg" alt=""><div class="section"><h1>${BLOG.title}</h1><p>${BLOG.subtitle}</p></div></section>
<section class="card section"><h2>Latest</h2>${BLOG.entries.map(
      (entry) =>
        html`<article class="post"><time datetime="${entry.date}">${formatDay(entry.date)}</time><h3><a href="/blog/${entry.slug}/">${entry.title}</a></h3><p>${entry.summary}</p></article>`,
    )}</section>
</main>`,
    html`<link rel="alternate" type="application/atom+xml" title="${BLOG.title}" href="/blog/feed.atom">`,
  )
}

export function blogPostPage(context: PageContext, entry: BlogEntry): Markup {
  return documentPage(
    { title: `${entry.title} | ${BLOG.title}`, description: entry.summary, image: imageUrl(context, `blog-${entry.slug}`), url: `${context.origin}/blog/${entry.slug}/`, type: 'article' },
    THEMES.blog,
    html`${topBar(THEMES.blog, ['Journal', 'Shop', 'About'])}<main><article class="card section"><time datetime="${entry.date}">${formatDay(entry.date)}</time><h1>${entry.title}</h1><p>${entry.summary}</p><p><a href="/blog/">← ${BLOG.title}</a></p></article></main>`,
    html`<link rel="alternate" type="application/atom+xml" title="${BLOG.title}" href="/blog/feed.atom">`,
  )
}

/** A Bluesky profile as the web app shows it: the company's own, or the planted impostor. */
export interface BlueskyProfile {
  readonly handle: string
  readonly displayName: string
  readonly description: string
  readonly followersCount: number
  readonly followsCount: number
  readonly postsCount: number
  readonly latest?: readonly Post[]
  /** The avatar's image name (/img/<name>.svg). @default `<handle's first label>-bsky-avatar` */
  readonly avatar?: string
}

export function blueskyPage(context: PageContext, profile: BlueskyProfile = BLUESKY): Markup {
  const followerText = formatGrouped(followers(profile.followersCount, context.bumps))
  const postText = formatGrouped(posts(profile.postsCount, context.bumps))
  const slug = profile.handle.split('.')[0]
  const avatar = imageUrl(context, profile.avatar ?? `${slug}-bsky-avatar`)
  return documentPage(
    {
      title: `${profile.displayName} (@${profile.handle}) — Bluesky`,
      description: profile.description,
      image: avatar,
      url: `${context.origin}/bsky-web/profile/${profile.handle}`,
    },
    THEMES.bluesky,
    profileBody(THEMES.bluesky, {
      name: profile.displayName,
      handle: `@${profile.handle}`,
      bio: profile.description,
      avatar,
      banner: imageUrl(context, `bsky-${slug}-banner`),
      counts: [
        { value: followerText, label: 'followers' },
        { value: formatGrouped(profile.followsCount), label: 'following' },
        { value: postText, label: 'posts' },
      ],
      action: '+ Follow',
      posts: (profile.latest ?? COMPANY_POSTS).slice(0, 3),
    }),
  )
}

/** The Mastodon web profile; `base` is `/mastodon` or `/mastodon-private`. */
export function mastodonPage(context: PageContext, base: string): Markup {
  const followerText = formatGrouped(followers(MASTODON.followersCount, context.bumps))
  const statusText = formatGrouped(posts(MASTODON.statusesCount, context.bumps))
  const followingText = formatGrouped(MASTODON.followingCount)
  const avatar = imageUrl(context, 'nordlys-mastodon-avatar')
  return documentPage(
    {
      title: `${MASTODON.displayName} (@${MASTODON.username}@${MASTODON.domain}) - Mastodon`,
      description: `${statusText} Posts, ${followingText} Following, ${followerText} Followers · ${MASTODON.note}`,
      image: avatar,
      url: `${context.origin}${base}/@${MASTODON.username}`,
    },
    THEMES.mastodon,
    profileBody(THEMES.mastodon, {
      name: MASTODON.displayName,
      handle: `@${MASTODON.username}@${MASTODON.domain}`,
      bio: MASTODON.note,
      avatar,
      banner: imageUrl(context, 'mastodon-nordlys-banner'),
      counts: [
        { value: statusText, label: 'Posts' },
        { value: followingText, label: 'Following' },
        { value: followerText, label: 'Followers' },
      ],
      action: 'Follow',
      posts: COMPANY_POSTS.slice(0, 3),
    }),
  )
}

export function xLoginPage(context: PageContext): Markup {
  return documentPage(
    { title: 'Log in to X / X', description: 'From breaking news and entertainment to sports and politics, get the full story with all the live commentary.', image: imageUrl(context, 'x-logo'), type: 'website', siteName: 'X (formerly Twitter)' },
    THEMES.x,
    html`<main><form class="form" method="get" action="/demo-login">
<p class="brand" style="font-size:40px;margin:0 0 8px;text-align:center">𝕏</p>
<h1>Sign in to X</h1>
<button type="button">Sign in with Google</button>
<label for="username">Phone, email, or username</label><input id="username" name="username" autocomplete="username">
<button type="submit">Next</button>
<p class="alt">Forgot password?</p>
<p class="alt">Don't have an account? Sign up</p>
</form></main>`,
  )
}

/** The X profile as a logged-in visitor sees it (the demo shows it only when its login wall is off). */
export function xProfilePage(context: PageContext): Markup {
  const followerCount = followers(X_ACCOUNT.followersCount, context.bumps)
  const followerText = formatGrouped(followerCount)
  const avatar = imageUrl(context, 'nordlys-x-avatar')
  // X's own profile pages carry this ProfilePage (followers "Follows",
  // accounts followed "Friends", posts "Tweets"), signed in or not.
  const jsonLd = {
    '@context': 'http://schema.org',
    '@type': 'ProfilePage',
    mainEntity: {
      '@type': 'Person',
      additionalName: X_ACCOUNT.username,
      identifier: X_ACCOUNT.id,
      name: X_ACCOUNT.name,
      url: `https://x.com/${X_ACCOUNT.username}`,
      interactionStatistic: [
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', name: 'Follows', userInteractionCount: followerCount },
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/SubscribeAction', name: 'Friends', userInteractionCount: X_ACCOUNT.followingCount },
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/WriteAction', name: 'Tweets', userInteractionCount: posts(X_ACCOUNT.tweetCount, context.bumps) },
      ],
    },
  }
  return documentPage(
    {
      title: `${X_ACCOUNT.name} (@${X_ACCOUNT.username}) / X`,
      description: `${COMPANY.tagline} ${followerText} Followers.`,
      image: avatar,
      url: `${context.origin}/x-web/${X_ACCOUNT.username}`,
      siteName: 'X (formerly Twitter)',
    },
    THEMES.x,
    profileBody(THEMES.x, {
      name: X_ACCOUNT.name,
      handle: `@${X_ACCOUNT.username}`,
      bio: COMPANY.tagline,
      avatar,
      banner: imageUrl(context, 'x-nordlys-banner'),
      counts: [
        { value: formatGrouped(X_ACCOUNT.followingCount), label: 'Following' },
        { value: followerText, label: 'Followers' },
      ],
      action: 'Follow',
      posts: COMPANY_POSTS.slice(0, 3),
    }),
    html`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
  )
}

/** X's answer for a handle nobody has (status set by the caller). */
export function xMissingPage(context: PageContext, handle: string): Markup {
  return documentPage(
    { title: 'Profile / X', image: imageUrl(context, 'x-logo'), siteName: 'X (formerly Twitter)' },
    THEMES.x,
    html`${topBar(THEMES.x)}<main><section class="card section"><h1>@${handle}</h1><h2>This account doesn’t exist</h2><p>Try searching for another.</p></section></main>`,
  )
}

/** A platform's own login page, where its login wall sends logged-out visitors. */
export function loginPage(context: PageContext, theme: Theme): Markup {
  return documentPage(
    { title: `Log in • ${theme.brand}`, description: `Log in to ${theme.brand} to see this page.`, image: imageUrl(context, 'login'), type: 'website' },
    theme,
    html`${topBar(theme, ['Log in', 'Sign up'])}<main><form class="form" method="get" action="/demo-login">
<h1>Log in to ${theme.brand}</h1>
<label for="username">Phone number, username or email</label><input id="username" name="username" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Log in</button>
<p class="alt">Don't have an account? Sign up</p>
</form></main>`,
  )
}

/** A real 404 (status set by the caller). */
export function notFoundPage(context: PageContext, path: string): Markup {
  return documentPage(
    { title: 'Page not found', description: 'This page does not exist on the showtell demo site.', image: imageUrl(context, 'not-found') },
    THEMES.plain,
    html`${topBar(THEMES.plain, ['Index'])}<main><section class="card section"><h1>404 — page not found</h1><p>Nothing lives at <code>${path}</code>. See <a href="/">the index</a> for every route.</p></section></main>`,
  )
}

export interface IndexEntry {
  readonly path: string
  readonly what: string
}

export function indexPage(context: PageContext, groups: readonly { readonly title: string; readonly entries: readonly IndexEntry[] }[]): Markup {
  return documentPage(
    { title: 'showtell demo site', description: `Every platform page and API the showtell demo uses, for the fictional ${COMPANY.name}.`, image: imageUrl(context, 'demo-site'), url: `${context.origin}/`, type: 'website' },
    THEMES.plain,
    html`${topBar(THEMES.plain, ['Index'])}<main><section class="card section"><h1>showtell demo site</h1><p>Stands in for every platform on 127.0.0.1 so tests and the offline demo never touch the internet. Numbers change when the test bumps change.</p></section>
${groups.map(
  (group) =>
    html`<section class="card section"><h2>${group.title}</h2><ul>${group.entries.map((entry) => html`<li><a href="${entry.path}">${entry.path}</a> — ${entry.what}</li>`)}</ul></section>`,
)}</main>`,
  )
}
