// A hub's share of a scope's leases (a site's run slots): up to `limit`
// leases taken from the store, each renewed while held and lapsing if the
// hub dies. A run that ends hands its lease straight to the next run of this
// hub waiting for the scope (first come, first served), and only a lease
// nobody here is waiting for goes back to the store, so a burst of runs at
// one site costs a few store writes, not two per run.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { LeaseTiming } from './leases.js';
import { pollUntil } from './wakeups.js';

interface Lease {
  holder: string;
  renewal: NodeJS.Timeout;
}

interface Waiter {
  resolve(lease: Lease): void;
  reject(error: unknown): void;
}

interface Scope {
  /** Leases this hub holds on the scope, in use or being taken. */
  held: number;
  waiting: Waiter[];
}

export class LeasePool {
  private readonly scopes = new Map<string, Scope>();

  constructor(
    private readonly store: Store,
    private readonly limit: number,
    private readonly timing: LeaseTiming,
  ) {}

  /** Runs `fn` holding one of the scope's leases. */
  async run<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    const lease = await this.take(scope);
    try {
      return await fn();
    } finally {
      this.give(scope, lease);
    }
  }

  private take(scope: string): Promise<Lease> {
    let s = this.scopes.get(scope);
    if (!s) this.scopes.set(scope, (s = { held: 0, waiting: [] }));
    const waiting = s.waiting;
    if (s.held >= this.limit) return new Promise<Lease>((resolve, reject) => waiting.push({ resolve, reject }));
    s.held++;
    return this.acquire(scope).catch((e: unknown) => {
      this.forget(scope);
      throw e;
    });
  }

  /** Polls the store (other hubs hold leases too) until it grants one. */
  private async acquire(scope: string): Promise<Lease> {
    const { store, timing } = this;
    const holder = randomUUID();
    await pollUntil(async () => (await store.transaction((tx) => tx.acquireLease({ scope, holder, limit: this.limit, nowMs: timing.clock(), ttlMs: timing.ttlMs }))) || undefined);
    const renew = () => void store.transaction((tx) => tx.renewLease(scope, holder, timing.clock(), timing.ttlMs)).catch(() => undefined);
    const renewal = setInterval(renew, Math.max(1, Math.floor(timing.ttlMs / 3)));
    renewal.unref();
    return { holder, renewal };
  }

  /** To the next run of this hub waiting for the scope, or back to the store. */
  private give(scope: string, lease: Lease): void {
    const next = this.scopes.get(scope)!.waiting.shift();
    if (next) return next.resolve(lease);
    clearInterval(lease.renewal);
    void this.store.transaction((tx) => tx.releaseLease(scope, lease.holder)).catch(() => undefined);
    this.forget(scope);
  }

  /** One lease fewer held; a waiter, if any, takes the place. */
  private forget(scope: string): void {
    const s = this.scopes.get(scope)!;
    s.held--;
    const next = s.waiting.shift();
    if (next) this.take(scope).then(next.resolve, next.reject);
    else if (s.held === 0) this.scopes.delete(scope);
  }
}
