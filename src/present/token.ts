// Owns the key of a --lan session: 128 random bits, base64url, compared in
// constant time whatever the length of the guess (both sides are hashed first).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newToken(): string {
  return randomBytes(16).toString('base64url')
}

export function tokenMatches(expected: string, candidate: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(expected), digest(candidate))
}
