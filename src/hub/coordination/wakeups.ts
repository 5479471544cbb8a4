// Waiting for something another holder frees, by polling the store with a
// bounded backoff. Polling is what reaches another hub; a holder in this
// process may also wake its local waiters when it is done, so one hub alone
// never waits out a poll interval.
import { setTimeout as sleep } from 'node:timers/promises';

export interface Backoff {
  /** The first wait. Default 10 ms. */
  minMs?: number;
  /** Waits double up to this. Default 500 ms. */
  maxMs?: number;
}

/** Calls `attempt` until it returns a value, waiting longer between tries up to `maxMs`. */
export async function pollUntil<T>(attempt: () => Promise<T | undefined>, backoff: Backoff = {}, wait: (ms: number) => Promise<void> = (ms) => sleep(ms, undefined, { ref: false })): Promise<T> {
  const maxMs = backoff.maxMs ?? 500;
  for (let waitMs = backoff.minMs ?? 10; ; waitMs = Math.min(waitMs * 2, maxMs)) {
    const value = await attempt();
    if (value !== undefined) return value;
    await wait(waitMs);
  }
}

export class Wakeups {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Resolves after `ms`, or sooner when `scope` is woken. */
  async wait(scope: string, ms: number): Promise<void> {
    const ac = new AbortController();
    let set = this.waiting.get(scope);
    if (!set) this.waiting.set(scope, (set = new Set()));
    const wake = () => ac.abort();
    set.add(wake);
    try {
      await sleep(ms, undefined, { signal: ac.signal, ref: false });
    } catch {
      // woken
    } finally {
      set.delete(wake);
      if (set.size === 0) this.waiting.delete(scope);
    }
  }

  wake(scope: string): void {
    for (const w of this.waiting.get(scope) ?? []) w();
  }

  /** pollUntil, woken early by `wake(scope)`. */
  until<T>(scope: string, attempt: () => Promise<T | undefined>, backoff: Backoff = {}): Promise<T> {
    return pollUntil(attempt, backoff, (ms) => this.wait(scope, ms));
  }
}
