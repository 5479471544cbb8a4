// What the `sim` drill commands need from the device emulator's control
// client (src/sim/control/client.ts), which the entry hands them as a loader.
// Kept structural so src/commands imports nothing from src/sim; the shapes
// are the control API's wire contract, in core like the hub's.
import type { FaultMix, GroundTruthFault } from '../../core/model/emulator-control.js';

export interface SimControl {
  faults(filter: { site?: string | undefined }): Promise<GroundTruthFault[]>;
  inject(assetId: string, fault: string): Promise<GroundTruthFault>;
  faultKinds(): Promise<FaultMix>;
  close(): Promise<void>;
}

export interface SimControlModule {
  /** A control client for the emulator at `simUrl`, sending `token` as its bearer (a bad URL is a usage error). */
  connect(simUrl: string, token: string | undefined): SimControl;
}
