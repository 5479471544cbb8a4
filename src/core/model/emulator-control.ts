// The device emulator's control contract (GET /control/v1/faults,
// /fault-kinds): the ground truth of the demo world, as a wire contract like
// the hub's. The emulator (src/sim) serves it; the drill commands
// (`watchfloor sim …`) and their renderers show it, without importing the demo
// world. The hub's diagnostics never read it: they see only what devices report.
import type { AssetKind } from '../vocabulary.js';

/** What remote work can do about a fault: remove it, contain it, or nothing (a visit is needed). */
export type RemoteRemedy = 'fix' | 'mitigate' | 'none';

/** A fault present now, with its ground truth. */
export interface GroundTruthFault {
  id: string;
  assetId: string;
  siteId: string | null;
  assetKind: AssetKind;
  fault: string;
  hardware: boolean;
  /** Needs a field visit though no part failed (a cut fibre). */
  field: boolean;
  remedy: RemoteRemedy;
  mitigated: boolean;
  since: string;
  source: 'simulated' | 'injected';
}

export interface FaultMixEntry {
  assetKind: AssetKind;
  fault: string;
  hardware: boolean;
  field: boolean;
  remedy: RemoteRemedy;
  fixedBy: readonly string[];
  /** Weight among this asset kind's faults (a kind's weights sum to 100). */
  weight: number;
  /** Share of all faults in the fleet, 0–1. */
  share: number;
}

export interface FaultMix {
  faultKinds: FaultMixEntry[];
  /** Share of faults handled without a visit (fixed remotely or mitigated). */
  remotelyHandledShare: number;
}

/** An action a device carried out, per idempotency key: `applied` above 1 means it acted twice for one intent. */
export interface AppliedAction {
  assetId: string;
  action: string;
  idempotencyKey: string;
  /** Times it was really carried out. */
  applied: number;
  /** Times the same key was answered from the stored outcome, without acting. */
  replayed: number;
  lastAt: string;
}
