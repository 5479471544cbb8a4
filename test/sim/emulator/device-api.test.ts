// The emulator's device management API, read through the hub's real
// HttpTransport against the real emulator server on 127.0.0.1: for every
// asset kind and fault kind, the symptoms are the ones docs/device-signals.md
// describes, the right action fixes it, the wrong ones do not, and nothing
// remote touches a hardware fault. Expectations are written here from the
// docs and the issue-3 plan, not read from the emulator's own tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetKind } from '../../../src/core/model.js';
import type { DeviceAction } from '../../../src/devices/device-api.js';
import { FAULT_KINDS } from '../../../src/sim/emulator/fault-kinds.js';
import type { RunningDeviceEmulator } from '../../../src/sim/emulator/emulator.js';
import { assetsOf, groundTruth, inject, repair, startEmulator, transportFor } from './emulator-fixture.js';

// docs/device-signals.md, the table.
const DOC: Record<AssetKind, { checks: string[]; metrics: string[]; actions: DeviceAction[] }> = {
  egate: { checks: ['service', 'camera', 'card-reader', 'door'], metrics: ['rejectRatePct', 'passagesLastHour'], actions: ['restart-service', 'recalibrate', 'clear-jam', 'reboot'] },
  counter: { checks: ['service', 'printer', 'hardware'], metrics: ['cpuPct'], actions: ['restart-service', 'clear-jam', 'reboot'] },
  'passport-reader': { checks: ['driver', 'firmware', 'optics'], metrics: ['readFailRatePct'], actions: ['restart-service', 'recalibrate', 'reboot'] },
  'biometric-kiosk': { checks: ['service', 'scanner', 'display'], metrics: ['captureFailRatePct'], actions: ['restart-service', 'recalibrate', 'reboot'] },
  kiosk: { checks: ['service', 'printer', 'display'], metrics: ['cpuPct'], actions: ['restart-service', 'clear-jam', 'reboot'] },
  cctv: { checks: ['stream', 'storage', 'sensor'], metrics: ['storageUsedPct', 'bitrateKbps'], actions: ['restart-service', 'free-storage', 'reboot'] },
  bodycam: { checks: ['dock', 'storage', 'battery'], metrics: ['storageUsedPct', 'batteryHealthPct'], actions: ['restart-service', 'free-storage', 'reboot'] },
  'network-link': { checks: ['carrier', 'standby', 'quality'], metrics: ['packetLossPct', 'latencyMs'], actions: ['failover-link', 'restart-service'] },
  server: {
    checks: ['service', 'disk', 'clock', 'certificate', 'power'],
    metrics: ['diskUsedPct', 'clockSkewMs', 'certificateExpiresInDays'],
    actions: ['restart-service', 'free-storage', 'resync-clock', 'renew-certificate', 'reboot'],
  },
  integration: { checks: ['auth', 'upstream', 'mode'], metrics: ['errorRatePct', 'latencyMs'], actions: ['renew-token', 'switch-mode', 'restart-service'] },
};

interface Expected {
  /** Checks that stop passing, with their status. */
  symptoms: Record<string, 'warn' | 'fail'>;
  /** Actions that fix it; empty: nothing remote does. */
  fixedBy: DeviceAction[];
  hardware?: boolean;
  /** A metric the docs tie to the finding. */
  metric?: (m: Record<string, number>) => boolean;
}

const R = 'restart-service' as const;
const REBOOT = 'reboot' as const;
// The issue-3 plan's fault table.
const EXPECTED: Record<AssetKind, Record<string, Expected>> = {
  egate: {
    'hung-service': { symptoms: { service: 'fail' }, fixedBy: [R, REBOOT] },
    'camera-misaligned': { symptoms: { camera: 'fail' }, fixedBy: ['recalibrate', REBOOT] },
    'card-reader-jam': { symptoms: { 'card-reader': 'fail' }, fixedBy: ['clear-jam', REBOOT] },
    'door-motor-failure': { symptoms: { door: 'fail' }, fixedBy: [], hardware: true },
  },
  counter: {
    'app-hung': { symptoms: { service: 'fail' }, fixedBy: [R, REBOOT] },
    'printer-jam': { symptoms: { printer: 'fail' }, fixedBy: ['clear-jam', REBOOT] },
    'workstation-failure': { symptoms: { hardware: 'fail' }, fixedBy: [], hardware: true },
  },
  'passport-reader': {
    'driver-crash': { symptoms: { driver: 'fail' }, fixedBy: [R, REBOOT] },
    'firmware-mismatch': { symptoms: { firmware: 'warn' }, fixedBy: [REBOOT] },
    'lens-damage': { symptoms: { optics: 'fail' }, fixedBy: [], hardware: true },
  },
  'biometric-kiosk': {
    'app-hung': { symptoms: { service: 'fail' }, fixedBy: [R, REBOOT] },
    'scanner-drift': { symptoms: { scanner: 'fail' }, fixedBy: ['recalibrate', REBOOT] },
    'display-failure': { symptoms: { display: 'fail' }, fixedBy: [], hardware: true },
  },
  kiosk: {
    'app-hung': { symptoms: { service: 'fail' }, fixedBy: [R, REBOOT] },
    'printer-jam': { symptoms: { printer: 'fail' }, fixedBy: ['clear-jam', REBOOT] },
    'display-failure': { symptoms: { display: 'fail' }, fixedBy: [], hardware: true },
  },
  cctv: {
    'stream-stalled': { symptoms: { stream: 'fail' }, fixedBy: [R, REBOOT] },
    'storage-full': { symptoms: { storage: 'fail' }, fixedBy: ['free-storage'], metric: (m) => m.storageUsedPct! >= 95 },
    'sensor-failure': { symptoms: { sensor: 'fail' }, fixedBy: [], hardware: true },
  },
  bodycam: {
    'upload-stalled': { symptoms: { dock: 'fail' }, fixedBy: [R, REBOOT] },
    'storage-full': { symptoms: { storage: 'fail' }, fixedBy: ['free-storage'], metric: (m) => m.storageUsedPct! >= 95 },
    'battery-dead': { symptoms: { battery: 'fail' }, fixedBy: [], hardware: true },
  },
  'network-link': {
    'primary-down-standby-available': { symptoms: { carrier: 'fail' }, fixedBy: ['failover-link'] },
    'high-loss': { symptoms: { quality: 'fail' }, fixedBy: ['failover-link'], metric: (m) => m.packetLossPct! >= 5 },
    'fibre-cut': { symptoms: { carrier: 'fail', standby: 'fail' }, fixedBy: [] },
  },
  server: {
    'disk-full': { symptoms: { disk: 'fail' }, fixedBy: ['free-storage'], metric: (m) => m.diskUsedPct! >= 95 },
    'service-crashed': { symptoms: { service: 'fail' }, fixedBy: [R, REBOOT] },
    'clock-skew': { symptoms: { clock: 'fail' }, fixedBy: ['resync-clock', REBOOT], metric: (m) => Math.abs(m.clockSkewMs!) > 2000 },
    'expired-certificate': { symptoms: { certificate: 'fail' }, fixedBy: ['renew-certificate'], metric: (m) => m.certificateExpiresInDays! <= 0 },
    'psu-failure': { symptoms: { power: 'fail' }, fixedBy: [], hardware: true },
  },
  integration: {
    'token-expired': { symptoms: { auth: 'fail' }, fixedBy: ['renew-token'] },
    // Mitigated, not fixed: tested on its own below.
    'upstream-outage': { symptoms: { upstream: 'fail' }, fixedBy: [] },
  },
};

const CASES = (Object.keys(EXPECTED) as AssetKind[]).flatMap((kind) =>
  Object.keys(EXPECTED[kind]).map((fault, i) => ({ kind, fault, assetId: assetsOf(kind)[i]!.id })),
);

let emulator: RunningDeviceEmulator;
let keySeq = 0;
const freshKey = () => `test-${++keySeq}`;
const paramsFor = (action: DeviceAction): Record<string, string> => (action === 'switch-mode' ? { mode: 'offline' } : {});

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

async function faultOn(assetId: string) {
  return (await groundTruth(emulator)).find((f) => f.assetId === assetId);
}

describe('the fault table', () => {
  it('has exactly the fault kinds of the plan for every asset kind', () => {
    for (const kind of Object.keys(EXPECTED) as AssetKind[]) {
      expect(FAULT_KINDS[kind].map((f) => f.name).sort(), kind).toEqual(Object.keys(EXPECTED[kind]).sort());
    }
  });
});

describe('device API over HttpTransport, for every asset kind and fault kind', () => {
  it.each(CASES)('$kind $fault: symptoms as documented; the right action fixes it, the wrong ones do not', async ({ kind, fault, assetId }) => {
    const expected = EXPECTED[kind][fault]!;
    const device = transportFor(emulator, assetId);
    try {
      // Healthy before.
      const before = await device.health();
      expect(before.status).toBe('ok');
      expect(before.checks.map((c) => c.name)).toEqual(DOC[kind].checks);
      expect(before.checks.every((c) => c.status === 'pass')).toBe(true);

      const truth = await inject(emulator, assetId, fault);
      expect(truth).toMatchObject({ assetId, assetKind: kind, fault, hardware: expected.hardware ?? false, mitigated: false, source: 'injected' });

      const health = await device.health();
      expect(health.status).not.toBe('ok');
      expect(health.checks.map((c) => c.name)).toEqual(DOC[kind].checks);
      const notPassing = Object.fromEntries(health.checks.filter((c) => c.status !== 'pass').map((c) => [c.name, c.status]));
      expect(notPassing).toEqual(expected.symptoms);
      for (const c of health.checks.filter((c) => c.status !== 'pass')) expect(c.detail ?? '').not.toBe('');
      const { metrics } = await device.metrics();
      expect(Object.keys(metrics).sort()).toEqual([...DOC[kind].metrics].sort());
      if (expected.metric) expect(expected.metric(metrics), JSON.stringify(metrics)).toBe(true);
      const logs = await device.logs({ lines: 5 });
      expect(['warn', 'error']).toContain(logs.lines.at(-1)!.level);

      // Every offered action that is not a fix leaves the fault in place.
      for (const action of DOC[kind].actions.filter((a) => !expected.fixedBy.includes(a))) {
        const outcome = await device.action(action, { idempotencyKey: freshKey(), params: paramsFor(action) });
        expect(outcome.replayed).toBe(false);
        expect(await faultOn(assetId), `${action} must not fix ${fault}`).toMatchObject({ fault });
        const after = await device.health();
        expect(Object.fromEntries(after.checks.filter((c) => expected.symptoms[c.name]).map((c) => [c.name, c.status]))).toEqual(expected.symptoms);
        if (action === 'switch-mode') await device.action('switch-mode', { idempotencyKey: freshKey(), params: { mode: 'online' } });
      }

      // Each fixing action, on the fault, removes it: health ok, ground truth empty.
      for (const action of expected.fixedBy) {
        if (!(await faultOn(assetId))) await inject(emulator, assetId, fault);
        const outcome = await device.action(action, { idempotencyKey: freshKey() });
        expect(outcome).toMatchObject({ action, status: 'done', replayed: false });
        expect(await faultOn(assetId)).toBeUndefined();
        const fixed = await device.health();
        expect(fixed.status).toBe('ok');
        expect(fixed.checks.every((c) => c.status === 'pass')).toBe(true);
      }

      if (expected.fixedBy.length === 0) {
        // Nothing remote worked: a technician repairs it on site.
        expect(await faultOn(assetId)).toMatchObject({ fault });
        expect((await repair(emulator, assetId)).body.fault).toMatchObject({ assetId, fault });
        expect((await device.health()).status).toBe('ok');
      }
      expect(await faultOn(assetId)).toBeUndefined();
    } finally {
      await device.close();
    }
  });

  it('fibre cut: failing over answers failed (no standby path)', async () => {
    const assetId = assetsOf('network-link')[10]!.id;
    const device = transportFor(emulator, assetId);
    try {
      await inject(emulator, assetId, 'fibre-cut');
      const outcome = await device.action('failover-link', { idempotencyKey: freshKey() });
      expect(outcome.status).toBe('failed');
      expect(await faultOn(assetId)).toMatchObject({ fault: 'fibre-cut', remedy: 'none' });
    } finally {
      await repair(emulator, assetId);
      await device.close();
    }
  });

  it('upstream outage: offline processing mitigates (degraded, mode warn) while the fault stays until the platform returns', async () => {
    const assetId = 'platform/visa';
    const device = transportFor(emulator, assetId);
    try {
      await inject(emulator, assetId, 'upstream-outage');
      expect((await device.health()).status).toBe('down');
      const outcome = await device.action('switch-mode', { idempotencyKey: freshKey(), params: { mode: 'offline' } });
      expect(outcome).toMatchObject({ status: 'done', replayed: false });
      const health = await device.health();
      expect(health.status).toBe('degraded');
      const byName = Object.fromEntries(health.checks.map((c) => [c.name, c.status]));
      expect(byName).toEqual({ auth: 'pass', upstream: 'fail', mode: 'warn' });
      expect(await faultOn(assetId)).toMatchObject({ fault: 'upstream-outage', mitigated: true, remedy: 'mitigate' });

      // Back online while the platform is still out: no longer mitigated.
      await device.action('switch-mode', { idempotencyKey: freshKey(), params: { mode: 'online' } });
      expect((await device.health()).status).toBe('down');
      expect(await faultOn(assetId)).toMatchObject({ mitigated: false });

      // Offline again; the platform recovers: healthy and online.
      await device.action('switch-mode', { idempotencyKey: freshKey(), params: { mode: 'offline' } });
      await repair(emulator, assetId);
      const recovered = await device.health();
      expect(recovered.status).toBe('ok');
      expect(recovered.checks.every((c) => c.status === 'pass')).toBe(true);
    } finally {
      await device.close();
    }
  });

  it('passport reader firmware mismatch reports the other firmware until a reboot re-flashes the baseline', async () => {
    const assetId = assetsOf('passport-reader')[20]!.id;
    const device = transportFor(emulator, assetId);
    try {
      const baseline = (await device.health()).firmware;
      const uptime = (await device.health()).uptimeSeconds!;
      expect(uptime).toBeGreaterThan(3600);
      await inject(emulator, assetId, 'firmware-mismatch');
      expect((await device.health()).firmware).not.toBe(baseline);
      await device.action('reboot', { idempotencyKey: freshKey() });
      const after = await device.health();
      expect(after.firmware).toBe(baseline);
      expect(after.uptimeSeconds!).toBeLessThan(uptime);
    } finally {
      await device.close();
    }
  });
});

describe('idempotency', () => {
  it('a replayed key does nothing and returns the stored outcome with replayed: true', async () => {
    const assetId = assetsOf('egate')[30]!.id;
    const device = transportFor(emulator, assetId);
    try {
      await inject(emulator, assetId, 'hung-service');
      const first = await device.action('reboot', { idempotencyKey: 'INC-000001:reboot:1' });
      expect(first).toMatchObject({ action: 'reboot', status: 'done', replayed: false });
      expect(await faultOn(assetId)).toBeUndefined();
      const uptime = (await device.health()).uptimeSeconds;

      // The device fails again; a retry of the same request must not reboot it.
      await inject(emulator, assetId, 'hung-service');
      const replay = await device.action('reboot', { idempotencyKey: 'INC-000001:reboot:1' });
      expect(replay).toMatchObject({ action: 'reboot', status: 'done', message: first.message, replayed: true });
      expect(await faultOn(assetId)).toMatchObject({ fault: 'hung-service' });
      expect((await device.health()).uptimeSeconds!).toBeGreaterThanOrEqual(uptime!);

      // Concurrent requests with one key act once.
      const key = 'INC-000001:restart-service:1';
      const both = await Promise.all([device.action('restart-service', { idempotencyKey: key }), device.action('restart-service', { idempotencyKey: key })]);
      expect(both.map((o) => o.replayed).sort()).toEqual([false, true]);
      const requested = (await device.logs({ lines: 50 })).lines.filter((l) => l.message === 'restart-service requested');
      expect(requested).toHaveLength(1);
      expect(await faultOn(assetId)).toBeUndefined();
    } finally {
      await device.close();
    }
  });

  it('keys are per device: the same key on another device acts there', async () => {
    const [a, b] = assetsOf('counter').slice(40, 42).map((x) => x.id);
    const ta = transportFor(emulator, a!);
    const tb = transportFor(emulator, b!);
    try {
      await inject(emulator, a!, 'app-hung');
      await inject(emulator, b!, 'app-hung');
      expect((await ta.action('restart-service', { idempotencyKey: 'same' })).replayed).toBe(false);
      expect((await tb.action('restart-service', { idempotencyKey: 'same' })).replayed).toBe(false);
      expect(await faultOn(a!)).toBeUndefined();
      expect(await faultOn(b!)).toBeUndefined();
    } finally {
      await ta.close();
      await tb.close();
    }
  });
});
