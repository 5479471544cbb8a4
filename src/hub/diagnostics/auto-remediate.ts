// Automatic mode: every new device incident of an opted-in kind gets a
// diagnostic run with fix, as the hub itself, so most close before an officer
// looks. Bounded: a storm of incidents queues rather than floods the sites.
import type { AssetKind, Incident } from '../../core/model.js';
import { SYSTEM } from '../caller.js';
import type { EventBus } from '../events/event-bus.js';
import type { StoreReader } from '../store/store.js';
import type { DiagnosticsService } from './service.js';

export interface AutoRemediateOptions {
  kinds: readonly AssetKind[] | 'all';
  /** Runs at once across the fleet (per-site limits still apply). Default 32. */
  concurrency?: number;
}

export interface AutoRemediation {
  /** Stops taking new incidents and waits (up to `graceMs`) for the runs in flight. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when no run is queued or in flight (tests, benchmarks). */
  idle(): Promise<void>;
}

export function startAutoRemediation(
  deps: { bus: EventBus; store: StoreReader; log: (line: string) => void },
  diagnostics: DiagnosticsService,
  options: AutoRemediateOptions,
): AutoRemediation {
  const limit = options.concurrency ?? 32;
  const wanted = (kind: AssetKind) => options.kinds === 'all' || options.kinds.includes(kind);
  const queue: Incident[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (queue.length || inFlight.size) return;
    for (const w of idleWaiters) w();
    idleWaiters = [];
  };

  const runOne = async (incident: Incident) => {
    const asset = incident.assetId ? await deps.store.getAsset(incident.assetId) : undefined;
    if (!asset || !wanted(asset.kind)) return;
    await diagnostics.run(SYSTEM, { label: incident.id, assets: [asset], incident }, { fix: true, dryRun: false }, () => {});
  };

  const pump = () => {
    while (!stopped && inFlight.size < limit && queue.length) {
      const incident = queue.shift()!;
      const p = runOne(incident)
        .catch((e: unknown) => deps.log(`auto-remediate ${incident.id}: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          inFlight.delete(p);
          pump();
          settle();
        });
      inFlight.add(p);
    }
  };

  const subscription = deps.bus.subscribe((event) => {
    if (stopped || event.type !== 'incident.created') return;
    const incident = event.data as Incident;
    if (!incident.assetId || incident.state === 'resolved') return;
    queue.push(incident);
    pump();
  });

  return {
    async stop(graceMs = 5_000) {
      stopped = true;
      subscription.unsubscribe();
      queue.length = 0;
      if (inFlight.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
      clearTimeout(timer);
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
  };
}
