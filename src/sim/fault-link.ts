// How the simulator and the device emulator share one world: the emulator
// holds each device's fault now; the simulator draws faults, raises and
// resolves alerts. Changes made outside the simulator (a remote fix, a repair
// on site, a drill's injected fault) reach it as inputs to its next step, so a
// run stays deterministic for its seed and its inputs.
import type { Fault } from './faults.js';

export interface InjectedFault {
  /** I000001: the emulator numbers injected faults apart from simulated ones. */
  id: string;
  assetId: string;
  /** A fault kind of the asset's kind (emulator/fault-kinds.ts). */
  faultKind: string;
}

export interface WorldChanges {
  /** Ids of faults that went away outside the simulator: fixed remotely or repaired on site. */
  cleared: string[];
  injected: InjectedFault[];
}

export const NO_WORLD_CHANGES: WorldChanges = { cleared: [], injected: [] };

export interface FaultWorldLink {
  /** What changed since the last call, oldest first; each change is handed over once. */
  takeChanges(): WorldChanges;
  /** Faults the simulator drew (including those in progress at its start). */
  faultsStarted(faults: readonly Fault[]): void;
  /** Faults the simulator's own repair times cleared. */
  faultsCleared(faults: readonly Fault[]): void;
}
