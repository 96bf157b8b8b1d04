// Comparing the time of a hostile input with a benign one of the same size, in the same
// test, instead of a wall-clock limit: on a shared runner a GC pause or CPU steal can
// overrun any fixed limit, but it slows both inputs alike (review A.4 #7). The property
// such tests guard is "not super-linear", which a ratio shows and a stopwatch does not.

/** The median of `runs` timings of `fn`, in ms. */
export function medianMs(fn: () => unknown, runs = 5): number {
  const times: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now()
    fn()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

/**
 * How many times slower `hostile` is than `benign`. The benign time counts as at least
 * `floorMs`, so that two sub-millisecond timings (mostly noise) do not make a large ratio.
 */
export function slowdown(hostile: () => unknown, benign: () => unknown, floorMs = 5): number {
  // Warm both up first: the first call also pays for compiling the code under test.
  hostile()
  benign()
  return medianMs(hostile) / Math.max(medianMs(benign), floorMs)
}
