// The default fault mix across the demo fleet: how often each fault kind
// happens, weighing each asset kind by how often it fails in the simulator
// (FAULT_PROFILES) times how many of it the fleet has.
import type { Asset, AssetKind } from '../../core/model.js';
import { FAULT_PROFILES } from '../faults.js';
import type { FaultMix, FaultMixEntry } from '../../core/model/emulator-control.js';
import { FAULT_KINDS, remotelyHandled } from './fault-kinds.js';

export type { FaultMix, FaultMixEntry };

export function faultMix(assets: readonly Pick<Asset, 'kind'>[]): FaultMix {
  const failuresPerDay = new Map<AssetKind, number>();
  for (const a of assets) failuresPerDay.set(a.kind, (failuresPerDay.get(a.kind) ?? 0) + 1 / FAULT_PROFILES[a.kind].mtbfDays);
  const total = [...failuresPerDay.values()].reduce((s, n) => s + n, 0);
  const faultKinds: FaultMixEntry[] = [];
  for (const [assetKind, kinds] of Object.entries(FAULT_KINDS) as [AssetKind, (typeof FAULT_KINDS)[AssetKind]][]) {
    const kindShare = total > 0 ? (failuresPerDay.get(assetKind) ?? 0) / total : 0;
    const weights = kinds.reduce((s, k) => s + k.weight, 0);
    for (const k of kinds) {
      faultKinds.push({
        assetKind,
        fault: k.name,
        hardware: k.hardware,
        field: k.field,
        remedy: k.remedy,
        fixedBy: k.fixedBy,
        weight: k.weight,
        share: (kindShare * k.weight) / weights,
      });
    }
  }
  const remotelyHandledShare = faultKinds.reduce((s, e) => s + (remotelyHandled(e) ? e.share : 0), 0);
  return { faultKinds, remotelyHandledShare };
}
