// Automatic mode: every new device incident of an opted-in kind gets a
// diagnostic run with fix, as the hub itself, so most close before an officer
// looks. Bounded: a storm of incidents queues rather than floods the sites.
// With several hubs over one database, each incident is run by the one hub
// that claims it (remediation-claims.ts); the others keep an eye on it for
// a while and take it over if the claimer dies before finishing.
import type { AssetKind, Incident } from '../../core/model.js';
import { SYSTEM } from '../caller.js';
import type { EventBus } from '../events/event-bus.js';
import type { Store } from '../store/store.js';
import { storeRemediationClaims, type ClaimOptions } from './remediation-claims.js';
import type { DiagnosticsService } from './service.js';

export interface AutoRemediateOptions {
  kinds: readonly AssetKind[] | 'all';
  /** Runs at once across the fleet (per-site limits still apply). Default 32. */
  concurrency?: number;
  claims?: ClaimOptions & {
    /** How long an incident another hub claimed is looked at again (each claim TTL) in case that hub died. Default 10 minutes. */
    watchMs?: number;
  };
}

export interface AutoRemediation {
  /** Stops taking new incidents and waits (up to `graceMs`) for the runs in flight. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when no run is queued or in flight (tests, benchmarks). */
  idle(): Promise<void>;
}

export function startAutoRemediation(
  deps: { bus: EventBus; store: Store; log: (line: string) => void },
  diagnostics: DiagnosticsService,
  options: AutoRemediateOptions,
): AutoRemediation {
  const limit = options.concurrency ?? 32;
  const wanted = (kind: AssetKind) => options.kinds === 'all' || options.kinds.includes(kind);
  const claims = storeRemediationClaims(deps.store, options.claims);
  const clock = options.claims?.clock ?? Date.now;
  const queue: Incident[] = [];
  const inFlight = new Set<Promise<void>>();
  /** Incidents another hub claimed: incident id → until when to look again. */
  const watched = new Map<string, { incident: Incident; until: number }>();
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
    const ran = await claims.runClaimed(incident.id, async () => {
      watched.delete(incident.id);
      await diagnostics.run(SYSTEM, { label: incident.id, assets: [asset], incident }, { fix: true, dryRun: false }, () => {});
    });
    if (!ran && !watched.has(incident.id)) watched.set(incident.id, { incident, until: clock() + (options.claims?.watchMs ?? 600_000) });
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

  // Another hub's claim that lapsed (it died mid-run) is taken over while the incident is still open.
  const lookAgain = async () => {
    for (const [id, { incident, until }] of [...watched]) {
      const current = await deps.store.getIncident(id).catch(() => undefined);
      if (clock() > until || !current || current.state === 'resolved' || current.state === 'dispatched') watched.delete(id);
      else queue.push(incident);
    }
    pump();
  };
  const watcher = setInterval(() => void lookAgain(), options.claims?.ttlMs ?? 60_000);
  watcher.unref();

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
      clearInterval(watcher);
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
