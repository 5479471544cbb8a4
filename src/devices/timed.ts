// How long a device's round trip took: every transport result carries it,
// so a finding can say a device was slow as well as what it said.
/** Every transport result carries how long the round trip took. */
export interface Timed {
  durationMs: number;
}

export type TimedResult<T> = T & Timed;

/** Elapsed milliseconds since `startedAt` (from performance.now()), rounded. */
export function elapsedMs(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
