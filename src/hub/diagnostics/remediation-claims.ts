// Which hub remediates an incident automatically: the one that claims it in
// the store first. Every hub hears incident.created (each relay publishes
// the whole outbox), so without a claim each would run. The claim is a lease
// renewed while the run goes on; when the run is over it is kept for a day,
// so a hub that hears of the incident late does not run it again; a hub
// that dies mid-run stops renewing, and the claim lapses for another to take.
import { randomUUID } from 'node:crypto';
import { whileRenewing } from '../coordination/leases.js';
import type { Store } from '../store/store.js';

export interface ClaimOptions {
  /** How long a claim outlives a hub that stopped renewing it. Default 60 s. */
  ttlMs?: number;
  /** How long a finished claim is kept. Default a day. */
  keepMs?: number;
  clock?: () => number;
}

export interface RemediationClaims {
  /** Runs `fn` if this hub claims the incident; false if another hub holds it (running, or done). */
  runClaimed(incidentId: string, fn: () => Promise<void>): Promise<boolean>;
}

export function storeRemediationClaims(store: Store, options: ClaimOptions = {}): RemediationClaims {
  const holder = `hub-${randomUUID()}`;
  const timing = { ttlMs: options.ttlMs ?? 60_000, clock: options.clock ?? Date.now };
  const keepMs = options.keepMs ?? 86_400_000;
  return {
    async runClaimed(incidentId, fn) {
      const lease = { scope: `auto-remediate:${incidentId}`, holder };
      const won = await store.transaction((tx) => tx.acquireLease({ ...lease, limit: 1, nowMs: timing.clock(), ttlMs: timing.ttlMs }));
      if (!won) return false;
      try {
        await whileRenewing(store, lease, timing, fn);
      } finally {
        await store.transaction((tx) => tx.renewLease(lease.scope, holder, timing.clock(), keepMs)).catch(() => undefined);
      }
      return true;
    },
  };
}
