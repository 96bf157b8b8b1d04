// Owns the look shared by every demo page: the HTML document with its
// OpenGraph head, one small stylesheet themed per platform, and the profile
// layout (banner, avatar, name, bio, counts, recent posts) that makes a
// screenshot read as "this company's page on that platform".
import { formatDay } from './format.js'
import { html, raw, type Fragment, type Markup } from './markup.js'
import type { Post } from './platforms.js'

/** What every page handler needs: where the site is, and the current bumps. */
export interface PageContext {
  /** `http://127.0.0.1:PORT`, for absolute og:image and og:url values. */
  readonly origin: string
  readonly bumps: { readonly followersBump: number; readonly postsBump: number }
}

export interface Theme {
  /** Wordmark shown in the top bar. */
  readonly brand: string
  readonly accent: string
  readonly bar: string
  readonly barText: string
  readonly page: string
  readonly card: string
  readonly text: string
  readonly muted: string
}

const LIGHT = { bar: '#ffffff', barText: '#1d2226', page: '#f3f2ef', card: '#ffffff', text: '#1d2226', muted: '#666666' } as const
const DARK = { bar: '#101010', barText: '#f5f5f5', page: '#000000', card: '#181818', text: '#f5f5f5', muted: '#a0a0a0' } as const

export const THEMES = {
  linkedin: { ...LIGHT, brand: 'LinkedIn', accent: '#0a66c2' },
  instagram: { ...LIGHT, brand: 'Instagram', accent: '#d62976', page: '#fafafa' },
  facebook: { ...LIGHT, brand: 'facebook', accent: '#1877f2', page: '#f0f2f5' },
  threads: { ...DARK, brand: 'Threads', accent: '#f5f5f5' },
  tiktok: { ...DARK, brand: 'TikTok', accent: '#fe2c55' },
  youtube: { ...LIGHT, brand: 'YouTube', accent: '#ff0000', page: '#ffffff' },
  bluesky: { ...LIGHT, brand: 'Bluesky', accent: '#1185fe', page: '#ffffff' },
  mastodon: { ...DARK, brand: 'Mastodon', accent: '#6364ff', page: '#191b22', card: '#282c37', bar: '#282c37' },
  x: { ...DARK, brand: '𝕏', accent: '#1d9bf0' },
  blog: { ...LIGHT, brand: 'Nordlys field journal', accent: '#2e6b4f', page: '#fbfaf7' },
  plain: { ...LIGHT, brand: 'Nordlys Outdoor', accent: '#2e6b4f', page: '#ffffff' },
} as const satisfies Record<string, Theme>

export interface PageMeta {
  readonly title: string
  readonly description?: string
  /** Absolute URL of the og:image. */
  readonly image?: string
  /** Absolute canonical URL. */
  readonly url?: string
  readonly type?: string
  readonly siteName?: string
}

export function imageUrl(context: PageContext, name: string): string {
  return `${context.origin}/img/${name}.svg`
}

const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;background:var(--page);color:var(--text)}
a{color:var(--accent)}
.topbar{display:flex;align-items:center;gap:24px;height:56px;padding:0 24px;background:var(--bar);color:var(--bar-text);border-bottom:1px solid rgba(127,127,127,.2)}
.brand{font-weight:800;font-size:22px;color:var(--accent);letter-spacing:-.5px}
.search{flex:0 1 280px;height:34px;border-radius:17px;background:rgba(127,127,127,.15);padding:0 14px;display:flex;align-items:center;font-size:14px;color:var(--muted)}
.topbar nav{display:flex;gap:18px;margin-left:auto;font-size:14px;color:var(--muted)}
main{max-width:900px;margin:24px auto;padding:0 16px}
.card{background:var(--card);border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.15);overflow:hidden;margin-bottom:16px}
.banner{display:block;width:100%;height:200px;object-fit:cover}
.identity{padding:0 24px 20px}
.avatar{width:128px;height:128px;border-radius:50%;border:4px solid var(--card);margin-top:-64px;background:var(--card)}
.identity.flat .avatar{margin-top:24px}
.identity h1{margin:8px 0 0;font-size:26px;line-height:1.2}
.handle{margin:2px 0;color:var(--muted)}
.bio{margin:10px 0;white-space:pre-line}
.details{color:var(--muted);font-size:14px;margin:4px 0}
.counts{display:flex;flex-wrap:wrap;gap:8px 24px;list-style:none;padding:0;margin:14px 0}
.counts strong{font-weight:700}
.action{display:inline-block;padding:7px 22px;border-radius:18px;background:var(--accent);color:#fff;font-weight:600;border:0;font-size:15px}
.section{padding:16px 24px}
.section h2{font-size:17px;margin:0 0 8px}
.post{border-top:1px solid rgba(127,127,127,.2);padding:12px 0}
.post time{color:var(--muted);font-size:13px}
.post p{margin:4px 0 0}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:14px}
.grid img{width:100%;border-radius:8px;display:block}
.grid h3{font-size:14px;margin:6px 0 2px}
.grid p{font-size:13px;color:var(--muted);margin:0}
.form{max-width:400px;margin:48px auto;padding:32px;background:var(--card);border-radius:12px;box-shadow:0 2px 8px rgba(0,0,0,.2)}
.form h1{font-size:28px;margin:0 0 20px}
.form label{display:block;font-size:14px;color:var(--muted);margin:12px 0 4px}
.form input{width:100%;padding:12px;border:1px solid rgba(127,127,127,.5);border-radius:6px;font-size:16px;background:transparent;color:var(--text)}
.form button{width:100%;margin-top:20px;padding:12px;border-radius:24px;border:0;font-size:16px;font-weight:700;background:var(--accent);color:#fff}
.form .alt{margin-top:16px;font-size:14px;color:var(--muted);text-align:center}
`)

function themeStyle(theme: Theme): string {
  return [
    `--accent:${theme.accent}`,
    `--bar:${theme.bar}`,
    `--bar-text:${theme.barText}`,
    `--page:${theme.page}`,
    `--card:${theme.card}`,
    `--text:${theme.text}`,
    `--muted:${theme.muted}`,
  ].join(';')
}

/** A whole HTML document with title, description and OpenGraph tags. `head` is extra head markup. */
export function documentPage(meta: PageMeta, theme: Theme, body: Fragment, head: Fragment = null): Markup {
  return html`<!DOCTYPE html>
<html lang="en" style="${themeStyle(theme)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
${meta.description !== undefined && html`<meta name="description" content="${meta.description}">`}
<meta property="og:title" content="${meta.title}">
${meta.description !== undefined && html`<meta property="og:description" content="${meta.description}">`}
${meta.image !== undefined && html`<meta property="og:image" content="${meta.image}">`}
${meta.url !== undefined && html`<meta property="og:url" content="${meta.url}"><link rel="canonical" href="${meta.url}">`}
<meta property="og:type" content="${meta.type ?? 'profile'}">
<meta property="og:site_name" content="${meta.siteName ?? theme.brand}">
<meta name="twitter:card" content="summary">
<style>${STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`
}

/** The platform's top bar: wordmark, a fake search box, a few nav words. */
export function topBar(theme: Theme, nav: readonly string[] = ['Home', 'Explore', 'Sign in']): Markup {
  return html`<header class="topbar"><span class="brand">${theme.brand}</span><span class="search">Search</span><nav>${nav.map((item) => html`<span>${item}</span>`)}</nav></header>`
}

export interface Count {
  /** Already formatted the platform's way: "12,345", "88.7K". */
  readonly value: string
  readonly label: string
}

export interface ProfileView {
  readonly name: string
  readonly handle?: string
  readonly bio: string
  readonly avatar: string
  readonly banner?: string
  /** Extra lines under the bio: industry, location, … */
  readonly details?: readonly string[]
  readonly counts: readonly Count[]
  readonly action?: string
  readonly postsHeading?: string
  readonly posts: readonly Post[]
  /** Replaces the posts list (e.g. a video grid). */
  readonly content?: Markup
}

function postList(heading: string, posts: readonly Post[]): Markup {
  return html`<section class="card section"><h2>${heading}</h2>${posts.map(
    (post) => html`<article class="post"><time datetime="${post.date}">${formatDay(post.date)}</time><p>${post.text}</p></article>`,
  )}</section>`
}

/** The body of a profile page: identity card with counts, then recent posts. */
export function profileBody(theme: Theme, view: ProfileView): Markup {
  return html`${topBar(theme)}
<main>
<section class="card">
${view.banner !== undefined && html`<img class="banner" src="${view.banner}" alt="">`}
<div class="identity${view.banner === undefined ? ' flat' : ''}">
<img class="avatar" src="${view.avatar}" alt="${view.name}">
<h1>${view.name}</h1>
${view.handle !== undefined && html`<p class="handle">${view.handle}</p>`}
<p class="bio">${view.bio}</p>
${(view.details ?? []).map((line) => html`<p class="details">${line}</p>`)}
<ul class="counts">${view.counts.map((count) => html`<li><strong>${count.value}</strong> ${count.label}</li>`)}</ul>
${view.action !== undefined && html`<button class="action" type="button">${view.action}</button>`}
</div>
</section>
${view.content ?? postList(view.postsHeading ?? 'Posts', view.posts)}
</main>`
}
