// Milliseconds since `start`, refreshed while `running`.
import { useEffect, useState } from 'react'

export function useElapsed(start: number, running: boolean, everyMs = 200): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (!running) return
    setNow(performance.now())
    const timer = setInterval(() => setNow(performance.now()), everyMs)
    return () => clearInterval(timer)
  }, [running, everyMs])
  return now - start
}
