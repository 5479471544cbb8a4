// What the `sim` drill commands need from the device emulator's control
// client (src/sim/control/client.ts), which the entry hands them as a loader.
// Kept structural so src/commands imports nothing from src/sim; the contract's
// shapes come with their renderer.
import type { FaultMix, GroundTruthFault } from '../../render/sim-faults.js';

export interface SimControl {
  faults(filter: { site?: string | undefined }): Promise<GroundTruthFault[]>;
  inject(assetId: string, fault: string): Promise<GroundTruthFault>;
  faultKinds(): Promise<FaultMix>;
  close(): Promise<void>;
}

export interface SimControlModule {
  /** A control client for the emulator at `simUrl` (a bad URL is a usage error). */
  connect(simUrl: string): SimControl;
}
