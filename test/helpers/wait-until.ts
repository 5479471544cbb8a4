// Tests that wait for something another process or a timer does (a hub to
// report, a frame to be drawn, a server to listen) poll for it with a bounded
// wait. One loop for all of them, so every such wait ends the same way: on
// time, or with an error that says what never happened and what was seen last.

/** A value `check` may return to mean "not yet". */
type NotYet = false | 0 | 0n | '' | null | undefined;

export interface WaitUntilOptions<T> {
  /** What the test waits for, as the timeout message ends: "… waiting for <what>". */
  what: string;
  timeoutMs: number;
  /** Pause between checks; the first check is immediate. */
  intervalMs?: number;
  /** Words on the last observation for the timeout message (e.g. the last screen). */
  describe?: (last: T | undefined) => string;
}

export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    observation: string | undefined,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}${observation === undefined ? '' : `; ${observation}`}`);
  }
}

const DEFAULT_INTERVAL_MS = 50;

/**
 * Calls `check` until it returns a truthy value, and returns that value.
 * After `timeoutMs` it throws a WaitTimeoutError; an error thrown by `check`
 * ends the wait at once.
 */
export async function waitUntil<T>(check: () => T | Promise<T>, options: WaitUntilOptions<T>): Promise<Exclude<T, NotYet>> {
  const { what, timeoutMs, intervalMs = DEFAULT_INTERVAL_MS, describe } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as Exclude<T, NotYet>;
    const left = deadline - Date.now();
    if (left <= 0) throw new WaitTimeoutError(what, timeoutMs, describe?.(last));
    // The last pause stops at the deadline, so a slow interval cannot overrun it.
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
  }
}
