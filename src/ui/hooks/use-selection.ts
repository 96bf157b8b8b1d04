// A selected row in a list of `count`: ↑/↓ and j/k move it, Home/End and
// PageUp/PageDown jump. Returns true from `move` when the key was one of those.
import type { Key } from 'ink'
import { useState } from 'react'

export function useSelection(count: number, initial = 0): [index: number, move: (input: string, key: Key) => boolean, set: (index: number) => void] {
  const [index, setIndex] = useState(initial)
  const clamp = (value: number) => Math.max(0, Math.min(Math.max(count - 1, 0), value))
  const move = (input: string, key: Key): boolean => {
    let next: number | undefined
    if (key.upArrow || input === 'k') next = index - 1
    else if (key.downArrow || input === 'j') next = index + 1
    else if (key.pageUp) next = index - 10
    else if (key.pageDown) next = index + 10
    else if (key.home) next = 0
    else if (key.end) next = count - 1
    if (next === undefined) return false
    setIndex(clamp(next))
    return true
  }
  return [clamp(index), move, (value) => setIndex(clamp(value))]
}

/** The first row to show so that row `index` of `count` sits mid-window in `visible` rows. */
export function windowStart(index: number, count: number, visible: number): number {
  return Math.max(0, Math.min(index - Math.floor(visible / 2), count - visible))
}
