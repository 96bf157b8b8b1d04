// Runs an async load when its inputs change and keeps the answer, the error
// and a `reload`. A newer load always wins over an older one still running.
import { useCallback, useEffect, useRef, useState } from 'react'

export interface AsyncState<T> {
  readonly data?: T
  readonly error?: Error
  readonly loading: boolean
  readonly reload: () => void
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], initial?: T): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ data: initial, loading: initial === undefined })
  const [tick, setTick] = useState(0)
  const latest = useRef(0)
  useEffect(() => {
    const id = ++latest.current
    // The first answer may already be here (handed in by the caller).
    if (tick === 0 && initial !== undefined && id === 1) return
    setState((s) => ({ ...s, loading: true }))
    load().then(
      (data) => id === latest.current && setState({ data, loading: false }),
      (error: Error) => id === latest.current && setState((s) => ({ data: s.data, error, loading: false })),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, reload }
}
