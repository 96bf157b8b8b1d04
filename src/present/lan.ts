// Owns which addresses `--lan` listens on: the machine's private IPv4
// addresses (RFC 1918), never 0.0.0.0, so a public interface never serves the deck.
import { networkInterfaces } from 'node:os'

type Interfaces = ReturnType<typeof networkInterfaces>

export function isPrivateIPv4(address: string): boolean {
  const parts = address.split('.').map(Number)
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false
  const [a, b] = parts as [number, number, number, number]
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
}

/** The private IPv4 addresses of this machine's interfaces, loopback left out. */
export function privateIPv4Addresses(interfaces: Interfaces = networkInterfaces()): string[] {
  const found = new Set<string>()
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && isPrivateIPv4(entry.address)) found.add(entry.address)
    }
  }
  return [...found]
}
