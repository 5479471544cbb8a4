// What each step of applying alerts shares within one intake transaction:
// the store, the events to publish after commit, who sent the alerts, the
// moment, and what grouping did (parents to bring up to date before commit,
// counts for /metrics after it).
import type { Caller } from '../caller.js';
import type { GroupingKind } from '../metrics.js';
import type { StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';
import type { IncidentDeps } from './incident-actions.js';

export interface IntakeStep {
  deps: IncidentDeps;
  tx: StoreWriter;
  emit: Emit;
  caller: Caller;
  at: string;
  /** Counts alerts folded into another incident. */
  grouped(kind: GroupingKind, n: number): void;
  /** A parent whose children changed: its card and count are brought up to date once, at the end of the transaction. */
  touchParent(id: string): void;
}
