// Per-site limits on remote work: a few runs at a time per site (a site's
// uplink and its technicians' patience are finite), and a cap on disruptive
// actions per site per window, so a burst of incidents never reboots half a
// site at once. Callers wait for a slot; nobody is refused. Both are kept in
// the store (run leases, rate slots), so several hubs over one database
// share one limit per site, and a hub that dies mid-run frees its slots when
// their leases lapse. A hub's own runs queue in memory (first come, first
// served) and pass its leases on to each other (lease-pool.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { LeasePool } from '../coordination/lease-pool.js';
import type { Store } from '../store/store.js';

export interface SiteLimitOptions {
  /** Runs on assets of one site at the same time. Default 4. */
  concurrencyPerSite?: number;
  /** Disruptive actions per site within `windowMs`. Default 10. */
  disruptivePerWindow?: number;
  /** Default 60 s. */
  windowMs?: number;
  /** How long a run's slot outlives a hub that stopped renewing it. Default 60 s. */
  leaseTtlMs?: number;
  /** The shared clock of every hub (ms since the epoch). Default Date.now. */
  clock?: () => number;
}

export interface SiteLimits {
  /** Runs `fn` once fewer than the limit of runs are active at `site`. */
  withSite<T>(site: string, fn: () => Promise<T>): Promise<T>;
  /** Waits until another disruptive action at `site` is within the rate, and takes it. */
  disruptiveSlot(site: string): Promise<void>;
}

// A site at its rate is asked again at least this often: another hub's slots age out too.
const MAX_RATE_WAIT_MS = 1_000;

export function storeSiteLimits(store: Store, options: SiteLimitOptions = {}): SiteLimits {
  const concurrency = options.concurrencyPerSite ?? 4;
  const perWindow = options.disruptivePerWindow ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const timing = { ttlMs: options.leaseTtlMs ?? 60_000, clock: options.clock ?? Date.now };
  const runs = new LeasePool(store, concurrency, timing);

  return {
    withSite(site, fn) {
      return runs.run(`site-runs:${site.toLowerCase()}`, fn);
    },

    async disruptiveSlot(site) {
      const scope = `site-disruptive:${site.toLowerCase()}`;
      for (;;) {
        const now = timing.clock();
        const slot = await store.transaction((tx) => tx.takeRateSlot(scope, perWindow, now, windowMs));
        if (slot.taken) return;
        await sleep(Math.min(Math.max(1, slot.retryAtMs - now + 1), MAX_RATE_WAIT_MS), undefined, { ref: false });
      }
    },
  };
}
