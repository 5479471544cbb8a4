// Everything a route handler needs, built once per hub by startHub.
import type { AuditCheckpointer } from './audit/checkpointer.js';
import type { DiagnosticsService } from './diagnostics/service.js';
import type { EventBus } from './events/event-bus.js';
import type { EventRelay } from './events/outbox-relay.js';
import type { HubMetrics } from './metrics.js';
import type { InjectedDrillFault } from './demo/demo-world.js';
import type { GroupingRules } from './incidents/alert-grouping.js';
import type { PlaybookCatalog } from './playbooks/catalog.js';
import type { Store } from './store/store.js';

export interface HubContext {
  store: Store;
  /** Where this hub's subscribers hear committed events. */
  bus: EventBus;
  /** Publishes what transactions commit to the outbox (transact hands it their events). */
  relay: EventRelay;
  metrics: HubMetrics;
  now: () => Date;
  log: (line: string) => void;
  version: string;
  startedAt: Date;
  /** Remote diagnostics; startHub sets it (an app built without one makes its own). */
  diagnostics?: DiagnosticsService;
  /** Signs checkpoints of the audit chain; startHub sets it (without one, verify checks the chain alone). */
  audit?: AuditCheckpointer;
  /** The playbooks this hub can run; startHub sets it (built-ins and the operator's directory). */
  playbooks?: PlaybookCatalog;
  /** The peak calendar the forecast reads at each request; startHub sets it (without one, the package's default). */
  peakCalendarFile?: string;
  /** The store's SQLite file (startHub sets it): the alert journal's applier runs in a worker thread over it. */
  dataFile?: string;
  /** The alert grouping's rules over its defaults (`hub start --group-window`, `--group-sites`). */
  grouping?: Partial<GroupingRules>;
  /**
   * Where a drill's inject steps put faults: the demo world's devices, when it
   * has some (startDemo sets it). `speed` is the world's clock (world seconds a
   * real second): drills started on this hub run on it. `forMs` (real ms): the
   * world lifts the fault by itself after that long.
   */
  faults?: { speed: number; inject(assetId: string, fault: string, options?: { forMs?: number }): Promise<InjectedDrillFault> };
}
