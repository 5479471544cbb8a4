// Holding a lease in the store while work runs: renewed at a third of its
// time to live, so it never lapses under a live holder, and lapses on its
// own when the holder dies.
import type { Store } from '../store/store.js';

export interface LeaseTiming {
  ttlMs: number;
  clock: () => number;
}

/** Runs `fn`, calling `renew` at a third of `ttlMs` until it settles (a failed renewal is left to lapse). */
export async function renewing<T>(ttlMs: number, renew: () => Promise<unknown>, fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void renew().catch(() => undefined), Math.max(1, Math.floor(ttlMs / 3)));
  timer.unref();
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/** Runs `fn` with the lease of `holder` on `scope` kept alive. */
export function whileRenewing<T>(store: Store, lease: { scope: string; holder: string }, timing: LeaseTiming, fn: () => Promise<T>): Promise<T> {
  return renewing(timing.ttlMs, () => store.transaction((tx) => tx.renewLease(lease.scope, lease.holder, timing.clock(), timing.ttlMs)), fn);
}
