// Owns which IP addresses showtell may connect to when the workspace does not
// allow private networks: a pure verdict on one address, in every notation an
// address can take. IPv6 forms that carry an IPv4 address inside (mapped,
// compatible, SIIT, NAT64, 6to4, Teredo) are judged by the IPv4 address they
// lead to, because that is where the packets end up.
import { isIP } from 'node:net'

/** Why an address is refused; undefined for a public address. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'shared (CGNAT)' | 'multicast' | 'unspecified' | 'reserved' | 'broadcast'

type Range4 = readonly [first: number, prefix: number, kind: AddressKind]

const v4 = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0

// Most specific first: 255.255.255.255 is named broadcast, not just reserved.
const IPV4_RANGES: readonly Range4[] = [
  [v4(255, 255, 255, 255), 32, 'broadcast'],
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'shared (CGNAT)'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'reserved'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'reserved'],
  [v4(203, 0, 113, 0), 24, 'reserved'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
]

function inRange(address: number, first: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return ((address & mask) >>> 0) === first
}

function kindOfV4(address: number): AddressKind | undefined {
  return IPV4_RANGES.find(([first, prefix]) => inRange(address, first, prefix))?.[2]
}

/** Dotted-quad IPv4 (as `isIP` accepts it) to a 32-bit number. */
function parseV4(text: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number)
  return v4(a, b, c, d)
}

/** A valid IPv6 text (as `isIP` accepts it, without zone) to its eight 16-bit groups. */
function parseV6(text: string): number[] {
  let body = text
  const tail: number[] = []
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(body)
  if (dotted) {
    const n = parseV4(dotted[2]!)
    tail.push(n >>> 16, n & 0xffff)
    body = dotted[1]!.endsWith('::') ? dotted[1]! : dotted[1]!.slice(0, -1)
  }
  const toGroups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const gap = body.indexOf('::')
  let groups: number[]
  if (gap === -1) {
    groups = [...toGroups(body), ...tail]
  } else {
    const head = toGroups(body.slice(0, gap))
    const rest = [...toGroups(body.slice(gap + 2)), ...tail]
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest]
  }
  return groups
}

function kindOfV6(g: number[]): AddressKind | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g
  const low32 = ((g6 << 16) | g7) >>> 0
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0)
  if (zeroTo(8)) return 'unspecified'
  if (zeroTo(7) && g7 === 1) return 'loopback'
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (SIIT).
  if (zeroTo(5) && g5 === 0xffff) return kindOfV4(low32)
  if (zeroTo(6)) return kindOfV4(low32)
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return kindOfV4(low32)
  // NAT64: 64:ff9b::/96 carries the IPv4 address; 64:ff9b:1::/48 is for local use.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return kindOfV4(low32)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'
  // 6to4: 2002:AABB:CCDD::/48 leads to AA.BB.CC.DD.
  if (g0 === 0x2002) return kindOfV4(((g1 << 16) | g2) >>> 0)
  // Teredo: 2001:0::/32, the client's IPv4 address is the last 32 bits inverted.
  if (g0 === 0x2001 && g1 === 0) return kindOfV4(~low32 >>> 0) ?? kindOfV4(((g2 << 16) | g3) >>> 0)
  if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved'
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved'
  if ((g0 & 0xfe00) === 0xfc00) return 'private'
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'
  // Site-local (deprecated, but still routed inside some networks).
  if ((g0 & 0xffc0) === 0xfec0) return 'private'
  if ((g0 & 0xff00) === 0xff00) return 'multicast'
  return undefined
}

/**
 * Why `address` must not be reached without `allowPrivateNetwork`, or
 * undefined for a public address. Accepts brackets (`[::1]`) and a zone
 * (`fe80::1%eth0`). Text that is no IP address at all is `reserved`: the
 * guard only ever asks about addresses, so anything else is a mistake to refuse.
 */
export function addressKind(address: string): AddressKind | undefined {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase()
  const family = isIP(ip)
  if (family === 4) return kindOfV4(parseV4(ip))
  if (family === 6) return kindOfV6(parseV6(ip))
  return 'reserved'
}

/** True for loopback, private, link-local, CGNAT, multicast, unspecified and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  return addressKind(address) !== undefined
}
