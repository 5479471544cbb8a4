// The ground truth of what goes wrong with each kind of asset: how a fault
// shows on the device (per docs/device-signals.md), which remote action
// removes it, and how often it happens relative to the kind's other faults.
// The hub never imports this: it only sees what probes show.
import type { AssetKind } from '../../core/model.js';
import type { DeviceAction } from '../../devices/device-api.js';
import type { Rng } from '../rng.js';

export interface CheckSymptom {
  status: 'warn' | 'fail';
  detail: string;
}

/** What remote work can do about a fault: remove it, contain it (upstream outage), or nothing (a visit is needed). */
import type { RemoteRemedy } from '../../core/model/emulator-control.js';

export type { RemoteRemedy };

export interface FaultKind {
  name: string;
  /** The device's own summary while the fault is present. */
  status: 'degraded' | 'down';
  /** Checks that stop passing; the others keep passing. */
  checks: Readonly<Record<string, CheckSymptom>>;
  /** Metrics that leave their normal range. */
  metrics?: Readonly<Record<string, number>>;
  /** The firmware the device reports instead of its baseline. */
  firmware?: string;
  /** The error the device logs when it starts. */
  log: string;
  /** Actions that remove the fault. Empty: nothing remote does. */
  fixedBy: readonly DeviceAction[];
  /** A physical part failed: only a repair on site clears it. */
  hardware: boolean;
  /** Needs work in the field though no part of the asset failed (a cut fibre). */
  field: boolean;
  remedy: RemoteRemedy;
  /** Relative frequency among this asset kind's faults (weights of a kind sum to 100). */
  weight: number;
}

const software = (
  name: string,
  status: FaultKind['status'],
  checks: FaultKind['checks'],
  log: string,
  fixedBy: readonly DeviceAction[],
  weight: number,
  extra: Partial<Pick<FaultKind, 'metrics' | 'firmware'>> = {},
): FaultKind => ({ name, status, checks, log, fixedBy, hardware: false, field: false, remedy: 'fix', weight, ...extra });

const hardware = (
  name: string,
  status: FaultKind['status'],
  checks: FaultKind['checks'],
  log: string,
  weight: number,
  extra: Partial<Pick<FaultKind, 'metrics'>> = {},
): FaultKind => ({ name, status, checks, log, fixedBy: [], hardware: true, field: false, remedy: 'none', weight, ...extra });

const fail = (detail: string): CheckSymptom => ({ status: 'fail', detail });

// Software faults also clear on a reboot where the kind offers one, except
// where a reboot cannot help (an expired certificate is still expired).
export const FAULT_KINDS: Readonly<Record<AssetKind, readonly FaultKind[]>> = {
  egate: [
    software('hung-service', 'down', { service: fail('gate service not responding') }, 'gate service: watchdog timeout', ['restart-service', 'reboot'], 45, {
      metrics: { passagesLastHour: 0 },
    }),
    software('camera-misaligned', 'degraded', { camera: fail('face camera out of alignment') }, 'face match: camera alignment out of tolerance', ['recalibrate', 'reboot'], 25, {
      metrics: { rejectRatePct: 38 },
    }),
    software('card-reader-jam', 'degraded', { 'card-reader': fail('jam sensor tripped') }, 'card reader: jam', ['clear-jam', 'reboot'], 27, {
      metrics: { rejectRatePct: 22 },
    }),
    hardware('door-motor-failure', 'down', { door: fail('door motor does not respond') }, 'door controller: motor stall, over-current', 3, {
      metrics: { passagesLastHour: 0 },
    }),
  ],
  counter: [
    software('app-hung', 'down', { service: fail('border application not responding') }, 'border application: not responding', ['restart-service', 'reboot'], 60, {
      metrics: { cpuPct: 99 },
    }),
    software('printer-jam', 'degraded', { printer: fail('paper jam') }, 'printer: paper jam', ['clear-jam', 'reboot'], 36),
    hardware('workstation-failure', 'down', { hardware: fail('mainboard fault: memory errors') }, 'machine check: uncorrectable memory error', 4),
  ],
  'passport-reader': [
    software('driver-crash', 'down', { driver: fail('reader driver crashed') }, 'reader driver: segmentation fault', ['restart-service', 'reboot'], 55, {
      metrics: { readFailRatePct: 100 },
    }),
    // Re-flashed to the baseline only on a reboot.
    software('firmware-mismatch', 'degraded', { firmware: { status: 'warn', detail: 'firmware 4.1.0, site baseline 4.2.1' } }, 'firmware 4.1.0 differs from the site baseline 4.2.1', ['reboot'], 42, {
      metrics: { readFailRatePct: 7 },
      firmware: '4.1.0',
    }),
    hardware('lens-damage', 'down', { optics: fail('lens damaged: image quality below threshold') }, 'optics: image quality below threshold', 3, {
      metrics: { readFailRatePct: 86 },
    }),
  ],
  'biometric-kiosk': [
    software('app-hung', 'down', { service: fail('enrolment application not responding') }, 'enrolment application: not responding', ['restart-service', 'reboot'], 55, {
      metrics: { captureFailRatePct: 100 },
    }),
    software('scanner-drift', 'degraded', { scanner: fail('fingerprint scanner out of calibration') }, 'scanner: calibration drift beyond tolerance', ['recalibrate', 'reboot'], 41, {
      metrics: { captureFailRatePct: 31 },
    }),
    hardware('display-failure', 'down', { display: fail('display panel dead') }, 'display: no backlight', 4),
  ],
  kiosk: [
    software('app-hung', 'down', { service: fail('self-service application not responding') }, 'self-service application: not responding', ['restart-service', 'reboot'], 50, {
      metrics: { cpuPct: 99 },
    }),
    software('printer-jam', 'degraded', { printer: fail('paper jam') }, 'receipt printer: paper jam', ['clear-jam', 'reboot'], 46),
    hardware('display-failure', 'down', { display: fail('touch screen dead') }, 'display: touch controller not detected', 4),
  ],
  cctv: [
    software('stream-stalled', 'down', { stream: fail('no frames for 120 s') }, 'encoder: stream stalled', ['restart-service', 'reboot'], 60, {
      metrics: { bitrateKbps: 0 },
    }),
    software('storage-full', 'degraded', { storage: fail('recording storage 98 % full') }, 'recorder: storage full, recording paused', ['free-storage'], 37, {
      metrics: { storageUsedPct: 98 },
    }),
    hardware('sensor-failure', 'down', { sensor: fail('image sensor fault') }, 'sensor: no image', 3, { metrics: { bitrateKbps: 0 } }),
  ],
  bodycam: [
    software('upload-stalled', 'degraded', { dock: fail('upload stalled') }, 'dock: upload stalled', ['restart-service', 'reboot'], 55),
    software('storage-full', 'degraded', { storage: fail('storage 97 % full') }, 'storage full, recording refused', ['free-storage'], 41, {
      metrics: { storageUsedPct: 97 },
    }),
    hardware('battery-dead', 'down', { battery: fail('battery does not hold charge') }, 'battery: cell failure', 4, { metrics: { batteryHealthPct: 3 } }),
  ],
  'network-link': [
    software('primary-down-standby-available', 'down', { carrier: fail('no carrier on the primary line') }, 'primary line: carrier lost', ['failover-link'], 55, {
      metrics: { packetLossPct: 100 },
    }),
    software('high-loss', 'degraded', { quality: fail('packet loss 18 %') }, 'link quality: packet loss 18 %', ['failover-link'], 40, {
      metrics: { packetLossPct: 18, latencyMs: 420 },
    }),
    {
      name: 'fibre-cut',
      status: 'down',
      checks: { carrier: fail('no carrier on the primary line'), standby: fail('no standby path: the backup line is down too') },
      metrics: { packetLossPct: 100 },
      log: 'primary and backup lines: carrier lost',
      fixedBy: [],
      hardware: false,
      field: true,
      remedy: 'none',
      weight: 5,
    },
  ],
  server: [
    software('disk-full', 'degraded', { disk: fail('disk 97 % full') }, 'filesystem /var: no space left on device', ['free-storage'], 30, {
      metrics: { diskUsedPct: 97 },
    }),
    software('service-crashed', 'down', { service: fail('border control service exited') }, 'border control service: exited with status 137', ['restart-service', 'reboot'], 35),
    software('clock-skew', 'degraded', { clock: fail('clock 4.8 s off NTP') }, 'ntp: clock offset 4800 ms', ['resync-clock', 'reboot'], 15, {
      metrics: { clockSkewMs: 4800 },
    }),
    software('expired-certificate', 'degraded', { certificate: fail('TLS certificate expired 3 days ago') }, 'tls: certificate has expired', ['renew-certificate'], 16, {
      metrics: { certificateExpiresInDays: -3 },
    }),
    hardware('psu-failure', 'degraded', { power: fail('power supply 1 failed') }, 'ipmi: power supply 1 failure detected', 4),
  ],
  integration: [
    software('token-expired', 'down', { auth: fail('platform rejects our token: expired') }, 'platform: 401 token expired', ['renew-token'], 60, {
      metrics: { errorRatePct: 100 },
    }),
    {
      name: 'upstream-outage',
      status: 'down',
      checks: { upstream: fail('the national platform is not answering') },
      metrics: { errorRatePct: 100 },
      log: 'platform: no answer within 10 s',
      fixedBy: [],
      hardware: false,
      field: false,
      // Offline processing keeps the site working; the platform recovers on its own.
      remedy: 'mitigate',
      weight: 40,
    },
  ],
};

export function faultKindOf(assetKind: AssetKind, name: string): FaultKind | undefined {
  return FAULT_KINDS[assetKind].find((f) => f.name === name);
}

/** A fault kind for a failing asset of this kind, by the mix's weights. One draw. */
export function drawFaultKind(assetKind: AssetKind, rng: Rng): FaultKind {
  const kinds = FAULT_KINDS[assetKind];
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  let left = rng.next() * total;
  for (const kind of kinds) {
    left -= kind.weight;
    if (left < 0) return kind;
  }
  return kinds[kinds.length - 1]!;
}

/** Handled without a visit: fixed remotely, or mitigated until it recovers on its own. */
export const remotelyHandled = (kind: Pick<FaultKind, 'remedy'>): boolean => kind.remedy !== 'none';
