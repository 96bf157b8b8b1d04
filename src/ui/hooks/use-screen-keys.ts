// Screens take keys first; what they leave (returning false) falls through
// to the app's global keys: q, ?, Esc, Ctrl+C. One `useInput` in the app
// dispatches, so the order never depends on React's effect order.
import type { Key } from 'ink'
import { createContext, useContext, useEffect } from 'react'

export type KeyHandler = (input: string, key: Key) => boolean

export const ScreenKeysContext = createContext<{ current: KeyHandler | undefined }>({ current: undefined })

/** Installs this screen's key handler; the latest render's handler is the one used. */
export function useScreenKeys(handler: KeyHandler): void {
  const slot = useContext(ScreenKeysContext)
  slot.current = handler
  useEffect(() => () => {
    if (slot.current === handler) slot.current = undefined
  })
}
