// When equipment fails, how badly, and for how long. Rates are estimates for
// kit of this kind in continuous service, chosen so that the whole fleet
// (about 4,700 assets) has about four new faults per simulated hour: at
// --speed 60 an incident opens within the first real minute, and a duty
// officer sees a handful of open ones at any time, not hundreds.
import type { Asset, AssetKind } from '../core/model.js';
import { drawFaultKind } from './emulator/fault-kinds.js';
import { exponential, type Rng } from './rng.js';
import type { SimWorld } from './world.js';

export type AlertSeverity = 'critical' | 'major' | 'warning' | 'info';

interface FaultProfile {
  /** Mean time between failures of one asset, in days. */
  mtbfDays: number;
  /** Mean time until it is back in service, in hours (the duration is drawn around it). */
  meanRepairHours: number;
}

export const FAULT_PROFILES: Record<AssetKind, FaultProfile> = {
  // Gates jam, reject documents or lose their camera calibration often, and
  // are reset on site quickly.
  egate: { mtbfDays: 20, meanRepairHours: 2 },
  counter: { mtbfDays: 90, meanRepairHours: 3 }, // a desk workstation
  'passport-reader': { mtbfDays: 40, meanRepairHours: 1.5 }, // swapped from spares
  'biometric-kiosk': { mtbfDays: 30, meanRepairHours: 5 },
  kiosk: { mtbfDays: 30, meanRepairHours: 6 },
  cctv: { mtbfDays: 45, meanRepairHours: 6 }, // waits for the contractor's round
  bodycam: { mtbfDays: 60, meanRepairHours: 5 }, // docking and upload failures
  'network-link': { mtbfDays: 60, meanRepairHours: 4 }, // carrier fault
  server: { mtbfDays: 90, meanRepairHours: 2 },
  integration: { mtbfDays: 120, meanRepairHours: 1 }, // a platform outage: all hands
};

// Nothing is fixed faster than this: someone has to get there and test it.
const MIN_REPAIR_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface Fault {
  /** F000001: stable for the life of the fault, part of its fingerprint. */
  id: string;
  assetId: string;
  siteId: string | null;
  kind: AssetKind;
  /** What went wrong (emulator/fault-kinds.ts): the ground truth, which the alerts do not carry. */
  faultKind: string;
  /** Drawn by the simulator, or injected into the device emulator by a drill. */
  source: 'simulated' | 'injected';
  severity: AlertSeverity;
  startedAt: number; // simulated epoch ms
  /** When it is repaired on site or recovers; Infinity for injected faults (only a fix or a repair clears them). */
  clearsAt: number;
  /** When a firing alert for it was last produced (simulated ms); null until the first. */
  lastNotifiedAt: number | null;
}

export const faultId = (seq: number) => `F${String(seq).padStart(6, '0')}`;

/** The chance that a working asset fails within `dtSeconds`. */
export function failureProbability(kind: AssetKind, dtSeconds: number): number {
  return 1 - Math.exp(-(dtSeconds * 1000) / (FAULT_PROFILES[kind].mtbfDays * DAY_MS));
}

export function repairDurationMs(kind: AssetKind, rng: Rng): number {
  return Math.max(MIN_REPAIR_MS, exponential(rng, FAULT_PROFILES[kind].meanRepairHours * HOUR_MS));
}

/**
 * Severity by impact on the site, judged when the fault starts: losing a
 * national platform, a site's last network link or both servers stops
 * processing (critical); losing half the gates or counters, or one server,
 * hurts throughput badly (major); a single gate, camera or redundant link is
 * a warning; a desk, a reader or a body camera is for information.
 */
export function severityOf(asset: Asset, world: SimWorld, faulted: ReadonlySet<string>): AlertSeverity {
  if (asset.kind === 'integration' || asset.siteId === null) return 'critical';
  const equipment = world.siteById.get(asset.siteId)!.equipment;
  const othersDown = (kind: AssetKind) => equipment[kind].filter((id) => id !== asset.id && faulted.has(id)).length;
  const halfGone = (kind: AssetKind) => (othersDown(kind) + 1) * 2 >= equipment[kind].length && equipment[kind].length > 1;
  switch (asset.kind) {
    case 'network-link':
      return othersDown('network-link') + 1 >= equipment['network-link'].length ? 'critical' : 'warning';
    case 'server':
      return othersDown('server') + 1 >= equipment.server.length ? 'critical' : 'major';
    case 'egate':
      return halfGone('egate') ? 'major' : 'warning';
    case 'counter':
    case 'passport-reader':
      return halfGone(asset.kind) ? 'major' : 'info';
    case 'biometric-kiosk':
    case 'cctv':
      return 'warning';
    case 'kiosk':
    case 'bodycam':
      return 'info';
  }
}

function faultOf(asset: Asset, seq: number, faultKind: string, severity: AlertSeverity, startedAt: number, clearsAt: number): Fault {
  return {
    id: faultId(seq),
    assetId: asset.id,
    siteId: asset.siteId,
    kind: asset.kind,
    faultKind,
    source: 'simulated',
    severity,
    startedAt,
    clearsAt: Math.round(clearsAt),
    lastNotifiedAt: null,
  };
}

export interface NewFaults {
  faults: Fault[];
  nextSeq: number;
}

/**
 * Draws which working assets fail during the `dtSeconds` before `now`. One
 * draw per asset every step, faulted or not, so two runs with the same seed
 * stay on the same random stream even when their faults differ.
 */
export function drawNewFaults(
  world: SimWorld,
  open: readonly Fault[],
  now: number,
  dtSeconds: number,
  rng: Rng,
  nextSeq: number,
): NewFaults {
  const faulted = new Set(open.map((f) => f.assetId));
  const faults: Fault[] = [];
  let seq = nextSeq;
  for (const asset of world.assets) {
    const draw = rng.next();
    if (faulted.has(asset.id) || draw >= failureProbability(asset.kind, dtSeconds)) continue;
    // Where in the interval it happened, and how long it lasts.
    const startedAt = Math.round(now - dtSeconds * 1000 * rng.next());
    const clearsAt = startedAt + repairDurationMs(asset.kind, rng);
    const faultKind = drawFaultKind(asset.kind, rng).name;
    faults.push(faultOf(asset, seq++, faultKind, severityOf(asset, world, faulted), startedAt, clearsAt));
    faulted.add(asset.id);
  }
  return { faults, nextSeq: seq };
}

/**
 * The faults already in progress when the simulation starts, drawn from the
 * steady state (each asset is down a share repair / (mtbf + repair) of the
 * time), so the demo opens on a realistic board rather than an empty one.
 */
export function drawFaultsInProgress(world: SimWorld, now: number, rng: Rng): NewFaults {
  const open: Fault[] = [];
  const faulted = new Set<string>();
  let seq = 1;
  for (const asset of world.assets) {
    const { mtbfDays, meanRepairHours } = FAULT_PROFILES[asset.kind];
    const downShare = meanRepairHours / (mtbfDays * 24 + meanRepairHours);
    const draw = rng.next();
    if (draw >= downShare) continue;
    // Repair times are memoryless: both the time since it failed and the time
    // left are drawn from the same distribution.
    const startedAt = Math.round(now - repairDurationMs(asset.kind, rng));
    const clearsAt = now + repairDurationMs(asset.kind, rng);
    const faultKind = drawFaultKind(asset.kind, rng).name;
    open.push(faultOf(asset, seq++, faultKind, severityOf(asset, world, faulted), startedAt, clearsAt));
    faulted.add(asset.id);
  }
  return { faults: open, nextSeq: seq };
}

/** A drill's fault, as the simulator tracks it from the step it learns of it: it lasts until fixed or repaired. */
export function injectedFault(asset: Asset, id: string, faultKind: string, world: SimWorld, faulted: ReadonlySet<string>, now: number): Fault {
  return {
    id,
    assetId: asset.id,
    siteId: asset.siteId,
    kind: asset.kind,
    faultKind,
    source: 'injected',
    severity: severityOf(asset, world, faulted),
    startedAt: now,
    clearsAt: Number.POSITIVE_INFINITY,
    lastNotifiedAt: null,
  };
}
