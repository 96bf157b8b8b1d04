// Owns the fictional company Nordlys Outdoor as every imitated platform shows
// it: handles, texts, posts and the base numbers before the test bumps. Pages,
// feeds and APIs read counts through `followers()` / `posts()`, so one bump
// changes every place a number appears.

/** The mutable part of the demo state that changes numbers between runs. */
export interface Bumps {
  readonly followersBump: number
  readonly postsBump: number
}

function bumped(base: number, bump: number): number {
  const step = Number.isFinite(bump) ? Math.trunc(bump) : 0
  return Math.max(0, base + step)
}

/** A follower, like or subscriber count after `followersBump`. */
export function followers(base: number, bumps: Bumps): number {
  return bumped(base, bumps.followersBump)
}

/** A post, video or status count after `postsBump`. */
export function posts(base: number, bumps: Bumps): number {
  return bumped(base, bumps.postsBump)
}

export interface Post {
  /** `YYYY-MM-DD` */
  readonly date: string
  readonly text: string
}

export const COMPANY = {
  name: 'Nordlys Outdoor',
  tagline: 'Gear for the Norwegian outdoors.',
  about:
    'Nordlys Outdoor designs jackets, tents and packs in Tromsø and tests them where the weather is worst. Family-owned since 2009.',
  location: 'Tromsø, Norway',
  website: 'https://nordlys-outdoor.example',
  industry: 'Sporting Goods Manufacturing',
  size: '51-200 employees',
  founded: 2009,
} as const

/** What the company posted lately; each platform shows the first few. */
export const COMPANY_POSTS: readonly Post[] = [
  { date: '2026-11-19', text: 'The Polarnatt down parka is back in stores today. Tested at −32 °C on Finnmarksvidda.' },
  { date: '2026-11-12', text: 'Thank you to the 40 volunteers who cleaned the beaches of Lyngen with us this weekend.' },
  { date: '2026-11-05', text: 'We are hiring a product designer in Tromsø. Bring your own wool socks.' },
  { date: '2026-10-29', text: 'Repair, don’t replace: our free repair days are on every first Saturday.' },
]

export const LINKEDIN_COMPANY = {
  slug: 'nordlys-outdoor',
  followers: 12_345,
} as const

/**
 * A LinkedIn page only signed-in members see (`/members/<slug>`): without the
 * demo session cookie it is LinkedIn's login wall. Not named like the
 * company, so the audit never probes it.
 */
export const MEMBERS_ONLY = {
  slug: 'polar-crew-club',
  name: 'Polar Crew Club',
  followers: 4_321,
} as const

/** A competitor's LinkedIn page that only ever shows the login wall: the demo's blocked competitor account. */
export const COMPETITOR_WALLED = { slug: 'fjellkraft', name: 'Fjellkraft' } as const

/** The cookie `/demo-login` sets: a signed-in session on the demo site. */
export const DEMO_SESSION = { name: 'showtell_demo_session', value: 'signed-in' } as const

export const LINKEDIN_CEO = {
  slug: 'ingrid-nordlys',
  name: 'Ingrid Berg',
  headline: 'CEO at Nordlys Outdoor',
  about: 'Leading Nordlys Outdoor since 2017. Skier, sailor, and a firm believer in repairing what you already own.',
  followers: 3_210,
  posts: [
    { date: '2026-11-18', text: 'Proud of the team: our repair program fixed its 10,000th jacket this autumn.' },
    { date: '2026-11-04', text: 'What I learned from a week of listening to our customers on social media.' },
  ],
} as const

export interface InstagramAccount {
  readonly username: string
  readonly name: string
  readonly bio: string
  readonly followers: number
  readonly following: number
  readonly posts: number
  readonly latest: readonly Post[]
}

export const INSTAGRAM: readonly InstagramAccount[] = [
  {
    username: 'nordlysoutdoor',
    name: 'Nordlys Outdoor',
    bio: 'Gear for the Norwegian outdoors. Made to be repaired. Tromsø 🇳🇴',
    followers: 88_700,
    following: 190,
    posts: 1_407,
    latest: COMPANY_POSTS,
  },
  {
    // A fan page the example workspace lists as `owner: unofficial`: the
    // briefing watches it at every meeting and the audit never reports it as new.
    username: 'nordlys_news',
    name: 'Nordlys News (fan page)',
    bio: 'Unofficial fan page: new Nordlys gear spotted in the wild. Not affiliated with Nordlys Outdoor.',
    followers: 2_340,
    following: 410,
    posts: 318,
    latest: [
      { date: '2026-11-20', text: 'Spotted: the new Polarnatt parka on a ferry in Lofoten.' },
      { date: '2026-11-13', text: 'Reader photo: a 15-year-old Nordlys tent, still going strong.' },
    ],
  },
  {
    username: 'fjellkraft',
    name: 'Fjellkraft',
    bio: 'Mountain power since 1998. Bergen.',
    followers: 41_200,
    following: 301,
    posts: 912,
    latest: [
      { date: '2026-11-16', text: 'New Storm shell in three colours.' },
      { date: '2026-11-09', text: 'Sunrise on Ulriken, 06:48.' },
    ],
  },
  {
    // The example workspace's second competitor: smaller than Nordlys, and posting more.
    username: 'villmarkgear',
    name: 'Villmark Gear',
    bio: 'Packs and tents from Trondheim. Small team, big trips.',
    followers: 9_650,
    following: 512,
    posts: 2_118,
    latest: [
      { date: '2026-11-21', text: 'Field test: the Fjord 45 pack on Dovrefjell.' },
      { date: '2026-11-18', text: 'Three new tent colours, voted by you.' },
      { date: '2026-11-14', text: 'Repair kit giveaway winners announced.' },
    ],
  },
]

/**
 * Planted for the account audit: accounts in the company's name that the
 * company does not run (the seeds' "loss of control").
 */
export const IMPOSTORS = {
  instagram: {
    username: 'nordlys.official',
    name: 'Nordlys Official Fans',
    bio: 'Unofficial fan page. Deals, giveaways and gear tips!',
    followers: 1_020,
    following: 870,
    posts: 96,
    latest: [{ date: '2026-11-12', text: 'Giveaway! Follow and tag three friends to win a Nordlys jacket.' }],
  },
  bluesky: {
    handle: 'nordlysoutdoor.bsky.social',
    did: 'did:plc:nordlysimpostordemo00001',
    displayName: 'Nordlys Outdoor Support',
    description: 'DM us your order number and card details for a quick refund.',
    followersCount: 312,
    followsCount: 1_204,
    postsCount: 41,
    createdAt: '2026-09-30T11:02:00.000Z',
    latest: [
      { date: '2026-11-18', text: 'Problems with your order? Send us a DM and we will refund you today.' },
      { date: '2026-11-04', text: 'Winter sale: 70% off every Nordlys jacket, this week only.' },
    ],
  },
} as const

/**
 * Planted for the audit's name search: our name and our logo (the same image
 * as our own Bluesky account, /img/nordlys-bsky-avatar.svg) under a handle
 * that no candidate made from our names matches. Only a search by name finds
 * it (the demo's app.bsky.actor.searchActors).
 */
export const NAME_IMPOSTOR = {
  handle: 'trailgear-deals.bsky.social',
  did: 'did:plc:trailgeardealsdemo00001',
  displayName: 'Nordlys Outdoor',
  description: 'Official Nordlys Outdoor outlet. Up to 80% off every jacket, today only: order through the link in our bio.',
  followersCount: 58,
  followsCount: 2_140,
  postsCount: 12,
  createdAt: '2026-11-10T21:40:00.000Z',
  /** The image name of our own Bluesky avatar: the impostor uses our logo. */
  avatar: 'nordlys-bsky-avatar',
  latest: [
    { date: '2026-11-17', text: 'Black week starts now: 80% off Nordlys jackets. Pay by bank transfer for the best price.' },
    { date: '2026-11-11', text: 'Welcome to the official Nordlys Outdoor outlet!' },
  ],
} as const

/**
 * Returned by the demo's searches for "Nordlys" (its bio says the word) but
 * not ours and not in our name: the audit must not report it.
 */
export const SEARCH_BYSTANDERS = {
  bluesky: { handle: 'aurora-hunter.bsky.social', did: 'did:plc:aurorahunterdemo000001', displayName: 'Aurora Hunter', description: 'Chasing nordlys over Tromsø every winter.', createdAt: '2024-01-20T18:00:00.000Z' },
  mastodon: { id: '109000000000000077', username: 'aurorahunter', displayName: 'Aurora Hunter', note: 'Chasing nordlys over Tromsø every winter.', followersCount: 341 },
} as const

/**
 * Also planted for the audit, after the seeds' story of a Facebook account the
 * executives did not know about: a profile with the company's exact name and
 * about a thousand friends, made by an employee years ago and silent since.
 */
export const FORGOTTEN_FACEBOOK = {
  slug: 'nordlys',
  name: 'Nordlys Outdoor',
  bio: 'Outdoor gear from Tromsø. Follow us for news and offers!',
  followers: 1_012,
  friends: 987,
  latest: [
    { date: '2019-03-14', text: 'Spring sale in the Tromsø shop this weekend!' },
    { date: '2018-12-01', text: 'Our new catalogue is out. Come and get one.' },
  ],
} as const

export const FACEBOOK = {
  slug: 'nordlysoutdoor',
  likes: 42_217,
  // Stated beside the likes, as Facebook pages do today ("42,217 likes · 44,150 followers").
  followers: 44_150,
  talkingAbout: 969,
} as const

export const THREADS = {
  username: 'nordlysoutdoor',
  followers: 12_300,
  threads: 210,
} as const

export const TIKTOK = {
  uniqueId: 'nordlysoutdoor',
  id: '6981234567890123456',
  nickname: 'Nordlys Outdoor',
  signature: 'Gear for the Norwegian outdoors. Field tests, repairs and northern lights.',
  followerCount: 15_400,
  followingCount: 12,
  heartCount: 230_000,
  videoCount: 87,
} as const

export interface Video {
  /** 11 characters, like YouTube's. */
  readonly id: string
  readonly title: string
  readonly published: string
  readonly description: string
  readonly views: number
}

export const YOUTUBE = {
  channelId: 'UCnordlysoutdoor00000000',
  handle: 'nordlysoutdoor',
  subscribers: 24_100,
  created: '2014-03-02T09:00:00+00:00',
  videos: [
    {
      id: 'p0larnatt22',
      title: 'Polarnatt parka: 72 hours at −32 °C',
      published: '2026-11-12T10:00:00+00:00',
      description: 'We took the new Polarnatt parka to Finnmarksvidda.',
      views: 4_210,
    },
    {
      id: 'aur0raTent1',
      title: 'Pitching the Aurora tent in a storm',
      published: '2026-10-29T10:00:00+00:00',
      description: 'Four minutes, two people, 25 m/s of wind.',
      views: 12_873,
    },
    {
      id: 'lyngenClean',
      title: 'Beach clean-up in Lyngen',
      published: '2026-10-15T10:00:00+00:00',
      description: 'Forty volunteers and 300 kg of plastic.',
      views: 2_290,
    },
    {
      id: 'finnmark-3x',
      title: 'Repair day: fixing a 20-year-old jacket',
      published: '2026-10-01T10:00:00+00:00',
      description: 'A zip, two patches and a new cuff.',
      views: 8_100,
    },
    {
      id: 'skiTour2026',
      title: 'Ski touring in the Lyngen Alps',
      published: '2026-09-17T10:00:00+00:00',
      description: 'Three days, one hut, no phone signal.',
      views: 15_022,
    },
    {
      id: 's0rvaranger',
      title: 'How we test a sleeping bag',
      published: '2026-09-03T10:00:00+00:00',
      description: 'A freezer, a thermometer and a very patient tester.',
      views: 3_311,
    },
  ] satisfies readonly Video[],
} as const

export interface BlogEntry {
  readonly slug: string
  readonly title: string
  /** `YYYY-MM-DD`; the newest first. */
  readonly date: string
  readonly summary: string
}

export const BLOG = {
  title: 'The Nordlys field journal',
  subtitle: 'Notes from the people who make Nordlys Outdoor gear.',
  entries: [
    { slug: 'polarnatt-is-back', title: 'Polarnatt is back', date: '2026-11-17', summary: 'Why we brought back our warmest parka, and what we changed.' },
    { slug: 'repair-days', title: 'Ten thousand repairs', date: '2026-11-07', summary: 'Our repair program passed a milestone this autumn.' },
    { slug: 'lyngen-clean-up', title: 'Cleaning the beaches of Lyngen', date: '2026-10-28', summary: 'Forty volunteers, one weekend, 300 kg of plastic.' },
    { slug: 'wool-or-synthetic', title: 'Wool or synthetic?', date: '2026-10-18', summary: 'A field test of base layers in wet cold.' },
    { slug: 'storm-pitching', title: 'Pitching a tent in a storm', date: '2026-10-08', summary: 'The four-minute routine our testers swear by.' },
    { slug: 'new-designer', title: 'Meet our new designer', date: '2026-09-28', summary: 'Sofie joins the Tromsø studio from Bergen.' },
    { slug: 'autumn-colours', title: 'Autumn colours 2026', date: '2026-09-18', summary: 'Lingonberry, moss and fjord blue.' },
    { slug: 'sleeping-bag-lab', title: 'Inside the sleeping-bag lab', date: '2026-09-08', summary: 'How a freezer tells us the truth about down.' },
  ] satisfies readonly BlogEntry[],
} as const

export const BLUESKY = {
  handle: 'nordlys.bsky.social',
  did: 'did:plc:nordlysoutdoordemosite23',
  displayName: 'Nordlys Outdoor',
  description: 'Gear for the Norwegian outdoors. Posts from Tromsø.',
  followersCount: 2_301,
  followsCount: 180,
  postsCount: 640,
  createdAt: '2023-05-02T08:14:00.000Z',
} as const

/** The example competitors on Bluesky (public API and profile page, read like any account; their feeds: COMPETITOR_BLUESKY_FEEDS). */
export const COMPETITOR_BLUESKY = [
  {
    handle: 'fjellkraft.bsky.social',
    did: 'did:plc:fjellkraftdemosite000001',
    displayName: 'Fjellkraft',
    description: 'Mountain power since 1998. Bergen.',
    followersCount: 3_420,
    followsCount: 210,
    postsCount: 1_210,
    createdAt: '2023-04-11T09:00:00.000Z',
  },
  {
    handle: 'villmarkgear.bsky.social',
    did: 'did:plc:villmarkgeardemosite0001',
    displayName: 'Villmark Gear',
    description: 'Packs and tents from Trondheim.',
    followersCount: 1_870,
    followsCount: 340,
    postsCount: 455,
    createdAt: '2024-02-02T12:00:00.000Z',
  },
] as const

/**
 * The example's second executive on Bluesky (the executive scorecard, issue
 * 16): Lars Haugen, CFO, with an account he rarely uses. His last post is
 * from 2026-10-20, so at the demo meetings he is named as silent.
 */
export const EXECUTIVE_BLUESKY = [
  {
    handle: 'larshaugen.bsky.social',
    did: 'did:plc:larshaugendemosite000001',
    displayName: 'Lars Haugen',
    description: 'CFO at Nordlys Outdoor. Numbers, skiing, Tromsø.',
    followersCount: 412,
    followsCount: 95,
    postsCount: 38,
    createdAt: '2024-09-03T07:00:00.000Z',
  },
] as const

/** Lars Haugen's feed, newest first: two posts, the last on 2026-10-20. */
export const EXECUTIVE_BLUESKY_FEED: readonly SocialPost[] = [
  { id: '3lbhaugen0002', at: '2026-10-20T07:30:00.000Z', text: 'Quarter closed. Thanks to a team that counts twice.', likes: 14, reposts: 1, replies: 2, quotes: 0 },
  { id: '3lbhaugen0001', at: '2026-09-30T16:00:00.000Z', text: 'First snow on Tromsdalstinden.', likes: 22, reposts: 2, replies: 1, quotes: 0 },
]

/**
 * The example competitors' Bluesky feeds, newest first, with two habits the
 * comparison can tell apart. Dated like our own feeds (fixed dates as of
 * DEMO_TODAY, 2026-11-20, moved by the feed clock's whole days, feeds.ts);
 * the posts inside the 30 days all fall on or after 2026-11-07 and the older
 * ones before 2026-10-21, so the counts stay the same from DEMO_TODAY to
 * 2026-12-07.
 *
 * Fjellkraft posts often: 9 posts in 30 days, the newest on 2026-11-20 (the
 * storm-shell post Nordlys reposted), with 505, 31, 24, 40, 18, 27, 35, 22
 * and 29 interactions (median 29); a reply of theirs is not a post of their
 * own; two older posts.
 */
const FJELLKRAFT_BLUESKY_FEED: readonly SocialPost[] = [
  { id: '3lbrepost0001', at: '2026-11-20T08:00:00.000Z', text: 'Storm shell, third winter on the Hardangervidda.', likes: 400, reposts: 90, replies: 12, quotes: 3 },
  { id: '3lbfjell00009', at: '2026-11-19T07:45:00.000Z', text: 'Morning light over Ulriken, seen from our workshop.', likes: 24, reposts: 3, replies: 3, quotes: 1 },
  { id: '3lbfjell00r01', at: '2026-11-18T16:00:00.000Z', text: 'Yes, the storm shell comes in petrol blue too.', likes: 3, reposts: 0, replies: 1, quotes: 0, replyTo: 'other' },
  { id: '3lbfjell00008', at: '2026-11-18T09:00:00.000Z', text: 'Five ways to dry boots in a tent.', likes: 18, reposts: 4, replies: 2, quotes: 0 },
  { id: '3lbfjell00007', at: '2026-11-16T10:30:00.000Z', text: 'Our winter catalogue is out.', likes: 30, reposts: 6, replies: 3, quotes: 1 },
  { id: '3lbfjell00006', at: '2026-11-15T12:00:00.000Z', text: 'Guess the summit.', likes: 12, reposts: 1, replies: 5, quotes: 0 },
  { id: '3lbfjell00005', at: '2026-11-13T08:15:00.000Z', text: 'Field test: three down jackets at minus twenty.', likes: 20, reposts: 4, replies: 2, quotes: 1 },
  { id: '3lbfjell00004', at: '2026-11-11T14:00:00.000Z', text: 'Meet the team that sews our packs.', likes: 27, reposts: 5, replies: 2, quotes: 1 },
  { id: '3lbfjell00003', at: '2026-11-09T09:30:00.000Z', text: 'Bergen rain, tested daily.', likes: 17, reposts: 2, replies: 3, quotes: 0 },
  { id: '3lbfjell00002', at: '2026-11-07T11:00:00.000Z', text: 'New store opening in Voss.', likes: 21, reposts: 5, replies: 2, quotes: 1 },
  { id: '3lbfjell00001', at: '2026-10-18T09:00:00.000Z', text: 'Autumn sale: a week left.', likes: 15, reposts: 2, replies: 1, quotes: 0 },
  { id: '3lbfjell00000', at: '2026-10-11T09:00:00.000Z', text: 'Hiking poles, explained.', likes: 19, reposts: 3, replies: 2, quotes: 0 },
]

/**
 * Villmark Gear posts rarely and is answered well: 2 posts in 30 days, the
 * newest on 2026-11-16, with 88 and 62 interactions (median 75); two older
 * posts.
 */
const VILLMARK_BLUESKY_FEED: readonly SocialPost[] = [
  { id: '3lbvillm00003', at: '2026-11-16T13:00:00.000Z', text: 'The Dovre 45 pack is back, with a frame you can repair.', likes: 64, reposts: 14, replies: 8, quotes: 2 },
  { id: '3lbvillm00002', at: '2026-11-09T10:00:00.000Z', text: 'A winter night on Trollheimen, in one tent.', likes: 48, reposts: 9, replies: 4, quotes: 1 },
  { id: '3lbvillm00001', at: '2026-10-12T10:00:00.000Z', text: 'Our workshop in Trondheim is open on Saturdays.', likes: 40, reposts: 6, replies: 5, quotes: 0 },
  { id: '3lbvillm00000', at: '2026-09-20T10:00:00.000Z', text: 'Packing list for the first snow.', likes: 55, reposts: 11, replies: 6, quotes: 1 },
]

/** Each example competitor's Bluesky feed, by handle. */
export const COMPETITOR_BLUESKY_FEEDS: Readonly<Record<(typeof COMPETITOR_BLUESKY)[number]['handle'], readonly SocialPost[]>> = {
  'fjellkraft.bsky.social': FJELLKRAFT_BLUESKY_FEED,
  'villmarkgear.bsky.social': VILLMARK_BLUESKY_FEED,
}

export const MASTODON = {
  id: '109334512876543210',
  username: 'nordlys',
  domain: 'mastodon.social',
  displayName: 'Nordlys Outdoor',
  note: 'Gear for the Norwegian outdoors. Made to be repaired.',
  createdAt: '2022-11-09T00:00:00.000Z',
  followersCount: 876,
  followingCount: 95,
  statusesCount: 412,
  lastStatusAt: '2026-11-19',
} as const

export const X_ACCOUNT = {
  id: '1456789012345678901',
  name: 'Nordlys Outdoor',
  username: 'nordlysoutdoor',
  followersCount: 5_120,
  followingCount: 77,
  tweetCount: 2_210,
  listedCount: 33,
} as const

/**
 * One post of a social feed as the demo APIs serve it (Bluesky's author
 * feed, Mastodon's account statuses). `at` is fixed (DEMO_TODAY, feeds.ts,
 * is 2026-11-20) and moves with the feed clock like the Atom feeds.
 */
export interface SocialPost {
  readonly id: string
  /** ISO 8601, with milliseconds, as both APIs write it. */
  readonly at: string
  readonly text: string
  readonly likes: number
  readonly reposts: number
  readonly replies: number
  readonly quotes: number
  /** A reply: to the account itself (a thread) or to another one. */
  readonly replyTo?: 'self' | 'other'
  /** The account reposted (boosted) this post of another account, at `repostedAt`. */
  readonly repostOf?: { readonly handle: string; readonly name: string; readonly repostedAt: string }
}

/**
 * Nordlys on Bluesky, newest first. Own top-level posts in the 30 days before
 * 2026-12-01T09:00Z (and before 2026-11-20, the demo's today): 4, with
 * 55, 25, 43 and 13 interactions (median 34). Around them: a repost of
 * another account's newer post and a reply, which are not Nordlys's posts,
 * and two older posts.
 */
export const BLUESKY_FEED: readonly SocialPost[] = [
  {
    id: '3lbrepost0001',
    at: '2026-11-20T08:00:00.000Z',
    text: 'Storm shell, third winter on the Hardangervidda.',
    likes: 400,
    reposts: 90,
    replies: 12,
    quotes: 3,
    repostOf: { handle: 'fjellkraft.bsky.social', name: 'Fjellkraft', repostedAt: '2026-11-20T09:15:00.000Z' },
  },
  { id: '3lbpolarnatt1', at: '2026-11-19T10:00:00.000Z', text: COMPANY_POSTS[0]!.text, likes: 41, reposts: 9, replies: 4, quotes: 1 },
  { id: '3lbreply00001', at: '2026-11-18T12:00:00.000Z', text: 'Yes: the repair days are free, bring the jacket.', likes: 2, reposts: 0, replies: 1, quotes: 0, replyTo: 'other' },
  { id: '3lbvolunteer1', at: '2026-11-14T15:30:00.000Z', text: COMPANY_POSTS[1]!.text, likes: 20, reposts: 3, replies: 2, quotes: 0 },
  { id: '3lbhiring0001', at: '2026-11-09T08:00:00.000Z', text: COMPANY_POSTS[2]!.text, likes: 30, reposts: 6, replies: 5, quotes: 2 },
  { id: '3lbrepairday1', at: '2026-11-03T12:00:00.000Z', text: COMPANY_POSTS[3]!.text, likes: 12, reposts: 1, replies: 0, quotes: 0 },
  { id: '3lbautumn0001', at: '2026-10-15T09:00:00.000Z', text: 'Autumn colours 2026: lingonberry, moss and fjord blue.', likes: 200, reposts: 40, replies: 10, quotes: 5 },
  { id: '3lbsleepbag01', at: '2026-10-02T09:00:00.000Z', text: 'Inside the sleeping-bag lab.', likes: 90, reposts: 12, replies: 3, quotes: 1 },
]

/**
 * Nordlys on Mastodon, newest first. Own top-level posts in the 30 days
 * before 2026-12-01T09:00Z: 3, with 26, 15 and 8 interactions (median 15);
 * the newest on 2026-11-19, MASTODON.lastStatusAt. Around them: the
 * continuation of a thread (a reply to itself, which the server keeps with
 * exclude_replies), a reply to another account, a boost, and an older post.
 */
export const MASTODON_STATUSES: readonly SocialPost[] = [
  { id: '113500000000000006', at: '2026-11-19T09:35:00.000Z', text: 'Sizes XS to XXL, and a repair kit in every pocket.', likes: 5, reposts: 0, replies: 0, quotes: 0, replyTo: 'self' },
  { id: '113500000000000005', at: '2026-11-19T09:30:00.000Z', text: COMPANY_POSTS[0]!.text, likes: 18, reposts: 6, replies: 2, quotes: 0 },
  {
    id: '113500000000000004',
    at: '2026-11-17T10:00:00.000Z',
    text: 'Our volunteers in Lyngen, seen from the sea.',
    likes: 60,
    reposts: 20,
    replies: 4,
    quotes: 0,
    repostOf: { handle: 'lyngen@mastodon.social', name: 'Lyngen Friluft', repostedAt: '2026-11-17T10:00:00.000Z' },
  },
  { id: '113500000000000003', at: '2026-11-16T10:00:00.000Z', text: '@sofie Thank you! See you at the next repair day.', likes: 1, reposts: 0, replies: 0, quotes: 0, replyTo: 'other' },
  { id: '113500000000000002', at: '2026-11-12T11:00:00.000Z', text: COMPANY_POSTS[1]!.text, likes: 10, reposts: 4, replies: 1, quotes: 0 },
  { id: '113500000000000001', at: '2026-11-05T14:00:00.000Z', text: COMPANY_POSTS[2]!.text, likes: 7, reposts: 1, replies: 0, quotes: 0 },
  { id: '113500000000000000', at: '2026-10-08T10:00:00.000Z', text: 'Repair, don’t replace: free repair days every first Saturday.', likes: 30, reposts: 12, replies: 3, quotes: 0 },
]
