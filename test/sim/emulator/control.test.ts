// The emulator's control endpoint and the edges of its device API, over real
// HTTP on 127.0.0.1; and the default fault mix's remotely-handled share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDeviceEmulator } from '../../../src/sim/emulator/emulator.js';
import type { FaultMix } from '../../../src/sim/emulator/mix.js';
import { AS_DEVICE_CLIENT, assetsOf, call, control, fleet, groundTruth, inject, repair, startEmulator, transportFor } from './emulator-fixture.js';

let emulator: RunningDeviceEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

describe('GET /control/v1/fault-kinds: the default mix', () => {
  it('lists every fault kind with its weight and share; about 96-97 % are handled remotely', async () => {
    const { status, body } = await control<FaultMix>(emulator.url, '/fault-kinds');
    expect(status).toBe(200);
    expect(body.faultKinds).toHaveLength(32);
    const shares = body.faultKinds.reduce((s, k) => s + k.share, 0);
    expect(shares).toBeCloseTo(1, 9);
    const handled = body.faultKinds.filter((k) => k.remedy !== 'none').reduce((s, k) => s + k.share, 0);
    expect(handled).toBeCloseTo(body.remotelyHandledShare, 9);
    // Hardware is never handled remotely.
    expect(body.faultKinds.filter((k) => k.hardware).every((k) => k.remedy === 'none' && k.fixedBy.length === 0)).toBe(true);
    console.log(`remotely handled share of the default mix: ${(body.remotelyHandledShare * 100).toFixed(2)} %`);
    expect(body.remotelyHandledShare).toBeGreaterThanOrEqual(0.95);
    expect(body.remotelyHandledShare).toBeLessThanOrEqual(0.98);
    const gate = body.faultKinds.find((k) => k.assetKind === 'egate' && k.fault === 'card-reader-jam');
    expect(gate).toMatchObject({ weight: 27, hardware: false, remedy: 'fix', fixedBy: ['clear-jam', 'reboot'] });
  });
});

describe('/control/v1/faults', () => {
  it('injects (201), lists the ground truth, refuses a second fault (409), and repairs on site', async () => {
    const assetId = assetsOf('cctv')[3]!.id;
    const created = await control<{ fault: Record<string, unknown> }>(emulator.url, '/faults', 'POST', { assetId, fault: 'storage-full' });
    expect(created.status).toBe(201);
    expect(created.body.fault).toMatchObject({
      id: expect.stringMatching(/^I\d{6}$/),
      assetId,
      siteId: assetId.split('/')[0],
      assetKind: 'cctv',
      fault: 'storage-full',
      hardware: false,
      mitigated: false,
      source: 'injected',
    });
    expect(Date.parse(created.body.fault.since as string)).not.toBeNaN();
    expect(await groundTruth(emulator)).toContainEqual(created.body.fault);
    const site = await control<{ faults: unknown[] }>(emulator.url, `/faults?site=${assetId.split('/')[0]}`);
    expect(site.body.faults).toContainEqual(created.body.fault);

    const again = await control<{ error: { code: string } }>(emulator.url, '/faults', 'POST', { assetId, fault: 'stream-stalled' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_faulted');

    const repaired = await repair(emulator, assetId);
    expect(repaired).toMatchObject({ status: 200, body: { fault: { assetId, fault: 'storage-full' } } });
    expect((await groundTruth(emulator)).some((f) => f.assetId === assetId)).toBe(false);
    // A visit to a healthy asset finds nothing to repair.
    expect(await repair(emulator, assetId)).toMatchObject({ status: 200, body: { fault: null } });
  });

  it('accepts the asset id encoded in the repair path too', async () => {
    const assetId = 'platform/identity';
    await inject(emulator, assetId, 'token-expired');
    const repaired = await control<{ fault: { assetId: string } }>(emulator.url, `/faults/${encodeURIComponent(assetId)}`, 'DELETE');
    expect(repaired.body.fault.assetId).toBe(assetId);
  });

  it('answers 400 for a fault of another kind, 404 for an unknown asset, 400 for a bad body', async () => {
    const wrongKind = await control<{ error: { code: string; message: string } }>(emulator.url, '/faults', 'POST', {
      assetId: assetsOf('egate')[0]!.id,
      fault: 'disk-full',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('unknown_fault');
    expect(wrongKind.body.error.message).toContain('card-reader-jam');
    const unknown = await control<{ error: { code: string } }>(emulator.url, '/faults', 'POST', { assetId: 'RUH/egate-999', fault: 'hung-service' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_asset');
    expect((await control(emulator.url, '/faults', 'POST', { asset: 'x' })).status).toBe(400);
    expect((await control(emulator.url, '/faults/RUH/egate-999', 'DELETE')).status).toBe(404);
    expect((await control(emulator.url, '/nothing')).status).toBe(404);
  });
});

describe('device API edges', () => {
  it('every demo asset answers health under its own path', async () => {
    // A sample across kinds and the platforms; all of them would take longer than it tells.
    const sample = fleet.assets.filter((_, i) => i % 97 === 0);
    const results = await Promise.all(
      sample.map(async (a) => {
        const t = transportFor(emulator, a.id);
        try {
          return (await t.health()).checks.length;
        } finally {
          await t.close();
        }
      }),
    );
    expect(results.every((n) => n >= 3)).toBe(true);
    expect(sample.length).toBeGreaterThan(40);
  });

  it('refuses an action the kind does not offer (404), no idempotency key (400), a bad switch-mode (400), bad lines (400)', async () => {
    const gate = `${emulator.managementUrlOf(assetsOf('egate')[1]!.id)}/mgmt/v1`;
    const notOffered = await call<{ error: { code: string } }>(`${gate}/actions/failover-link`, 'POST', { params: {} }, { ...AS_DEVICE_CLIENT, 'idempotency-key': 'k1' });
    expect(notOffered.status).toBe(404);
    expect((await call(`${gate}/actions/reboot`, 'POST', { params: {} }, AS_DEVICE_CLIENT)).status).toBe(400);
    const platform = `${emulator.managementUrlOf('platform/customs')}/mgmt/v1`;
    expect((await call(`${platform}/actions/switch-mode`, 'POST', { params: { mode: 'sideways' } }, { ...AS_DEVICE_CLIENT, 'idempotency-key': 'k2' })).status).toBe(400);
    expect((await call(`${gate}/logs?lines=0`, 'GET', undefined, AS_DEVICE_CLIENT)).status).toBe(400);
    expect((await call(`${emulator.url}/RUH/egate-999/mgmt/v1/health`, 'GET', undefined, AS_DEVICE_CLIENT)).status).toBe(404);
    const answer = await call<{ error: { code: string; message: string } }>(`${gate}/actions/no-such-thing`, 'POST', {}, { ...AS_DEVICE_CLIENT, 'idempotency-key': 'k3' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toContain('no-such-thing');
  });

  it('a reboot in progress blocks neither other devices nor the same device\'s probes', async () => {
    const slow = await startEmulator({ effortMs: () => 1_500 });
    const rebooting = transportFor(slow, assetsOf('server')[0]!.id);
    const other = transportFor(slow, assetsOf('egate')[0]!.id);
    try {
      let rebooted = false;
      const reboot = rebooting.action('reboot', { idempotencyKey: 'slow-1' }).then((o) => ((rebooted = true), o));
      const [mine, theirs] = await Promise.all([rebooting.health(), other.health()]);
      expect(rebooted).toBe(false);
      expect(mine.status).toBe('ok');
      expect(theirs.status).toBe('ok');
      expect((await reboot).status).toBe('done');
    } finally {
      await rebooting.close();
      await other.close();
      await slow.stop();
    }
  });
});
