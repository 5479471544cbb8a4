// What each kind of device reports and offers when nothing is wrong with it,
// as docs/device-signals.md lists it.
import { createHash } from 'node:crypto';
import type { AssetKind } from '../../core/model.js';
import type { DeviceAction } from '../../devices/device-api.js';

export interface DeviceKind {
  checks: readonly string[];
  /** Normal range of each metric; a device sits at a fixed point in it (from its id). */
  metrics: Readonly<Record<string, readonly [number, number]>>;
  actions: readonly DeviceAction[];
  firmware: string;
}

export const DEVICE_KINDS: Readonly<Record<AssetKind, DeviceKind>> = {
  egate: {
    checks: ['service', 'camera', 'card-reader', 'door'],
    metrics: { rejectRatePct: [1.5, 4], passagesLastHour: [60, 140] },
    actions: ['restart-service', 'recalibrate', 'clear-jam', 'reboot'],
    firmware: '6.3.2',
  },
  counter: {
    checks: ['service', 'printer', 'hardware'],
    metrics: { cpuPct: [8, 30] },
    actions: ['restart-service', 'clear-jam', 'reboot'],
    firmware: '22.04.5',
  },
  'passport-reader': {
    checks: ['driver', 'firmware', 'optics'],
    metrics: { readFailRatePct: [0.3, 2] },
    actions: ['restart-service', 'recalibrate', 'reboot'],
    firmware: '4.2.1',
  },
  'biometric-kiosk': {
    checks: ['service', 'scanner', 'display'],
    metrics: { captureFailRatePct: [1, 3.5] },
    actions: ['restart-service', 'recalibrate', 'reboot'],
    firmware: '3.8.0',
  },
  kiosk: {
    checks: ['service', 'printer', 'display'],
    metrics: { cpuPct: [5, 25] },
    actions: ['restart-service', 'clear-jam', 'reboot'],
    firmware: '2.14.1',
  },
  cctv: {
    checks: ['stream', 'storage', 'sensor'],
    metrics: { storageUsedPct: [40, 82], bitrateKbps: [3500, 4600] },
    actions: ['restart-service', 'free-storage', 'reboot'],
    firmware: '5.7.4',
  },
  bodycam: {
    checks: ['dock', 'storage', 'battery'],
    metrics: { storageUsedPct: [15, 60], batteryHealthPct: [78, 97] },
    actions: ['restart-service', 'free-storage', 'reboot'],
    firmware: '1.9.3',
  },
  'network-link': {
    checks: ['carrier', 'standby', 'quality'],
    metrics: { packetLossPct: [0, 0.3], latencyMs: [6, 45] },
    actions: ['failover-link', 'restart-service'],
    firmware: '17.6.1',
  },
  server: {
    checks: ['service', 'disk', 'clock', 'certificate', 'power'],
    metrics: { diskUsedPct: [35, 72], clockSkewMs: [-150, 150], certificateExpiresInDays: [40, 330] },
    actions: ['restart-service', 'free-storage', 'resync-clock', 'renew-certificate', 'reboot'],
    firmware: '9.4.0',
  },
  integration: {
    checks: ['auth', 'upstream', 'mode'],
    metrics: { errorRatePct: [0.1, 1.2], latencyMs: [80, 260] },
    actions: ['renew-token', 'switch-mode', 'restart-service'],
    firmware: '2.3.0',
  },
};

/** A fixed point in [0, 1) per device and name: the same device reads the same every time. */
export function spread(assetId: string, name: string): number {
  return createHash('sha256').update(`${assetId}\u0000${name}`).digest().readUInt32BE(0) / 2 ** 32;
}

export function normalMetrics(kind: AssetKind, assetId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, [low, high]] of Object.entries(DEVICE_KINDS[kind].metrics)) {
    const value = low + (high - low) * spread(assetId, name);
    out[name] = Number.isInteger(low) && Number.isInteger(high) && high - low > 20 ? Math.round(value) : Math.round(value * 10) / 10;
  }
  return out;
}
