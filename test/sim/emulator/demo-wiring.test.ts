// hub start --demo with the real fleet, simulator and device emulator: the
// assets point at their emulated devices, and a fault injected into the world
// raises an incident through the real intake that a remote fix resolves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../src/core/client.js';
import type { Incident } from '../../../src/core/model.js';
import { HttpTransport } from '../../../src/devices/http/http-transport.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { call, type Answer } from './emulator-fixture.js';

const asControl = () => ({ authorization: `Bearer ${hub.simToken}` });

let hub: TestHub;
let admin: CoreClient;

beforeAll(async () => {
  hub = await startTestHub({ demo: true, seed: 5, speed: 60 });
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
});
afterAll(async () => {
  await admin?.close();
  await hub?.stop();
});

const POLL = { timeoutMs: 20_000, intervalMs: 200 } as const;

describe('demo wiring', () => {
  it('gives the hub the emulator URL and every asset its management endpoint there', async () => {
    expect(hub.simUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Fresh tokens from the demo world: one for the drills, one for the devices.
    expect(hub.simToken).toMatch(/^wfsim_[\w-]{43}$/);
    expect(hub.deviceToken).toMatch(/^wfdev_[\w-]{43}$/);
    const assets = await admin.listAssets({ site: 'RUH' });
    expect(assets.length).toBeGreaterThan(50);
    for (const a of assets) expect(a.managementUrl).toBe(`${hub.simUrl}/${a.id}`);
    const gate = new HttpTransport({ baseUrl: assets.find((a) => a.kind === 'egate')!.managementUrl!, token: hub.deviceToken });
    try {
      expect((await gate.health()).checks.map((c) => c.name)).toEqual(['service', 'camera', 'card-reader', 'door']);
    } finally {
      await gate.close();
    }
    // The simulator's faults in progress are on the devices (once it has loaded).
    const simulated = await waitUntil(
      async () => {
        const truth = await call<{ faults: { source: string }[] }>(`${hub.simUrl}/control/v1/faults`, 'GET', undefined, asControl());
        return truth.body.faults.find((f) => f.source === 'simulated');
      },
      { ...POLL, what: 'the simulated faults' },
    );
    expect(simulated).toMatchObject({ source: 'simulated' });
  });

  it('an injected fault opens an incident; the remote fix, verified, resolves it through the intake', async () => {
    const assetId = 'platform/interpol-sltd';
    await call(`${hub.simUrl}/control/v1/faults/${assetId}`, 'DELETE', undefined, asControl());
    const injected: Answer<{ fault: { id: string } }> = await call(`${hub.simUrl}/control/v1/faults`, 'POST', { assetId, fault: 'token-expired' }, asControl());
    expect(injected.status).toBe(201);
    const incident = await waitUntil(async () => (await admin.listIncidents({ state: 'open', limit: 1000 })).find((i) => i.assetId === assetId), {
      ...POLL,
      what: 'the incident',
    });
    const [asset] = (await admin.listAssets({})).filter((a) => a.id === assetId);
    const device = new HttpTransport({ baseUrl: asset!.managementUrl!, token: hub.deviceToken });
    try {
      expect((await device.health()).checks.find((c) => c.name === 'auth')).toMatchObject({ status: 'fail' });
      expect(await device.action('renew-token', { idempotencyKey: `${incident.id}:renew-token:1` })).toMatchObject({ status: 'done' });
      expect((await device.health()).status).toBe('ok');
    } finally {
      await device.close();
    }
    const resolved = await waitUntil(async () => (await admin.listIncidents({ state: 'resolved', limit: 1000 })).find((i) => i.id === incident.id), {
      ...POLL,
      what: 'the incident resolved by the alert',
    });
    expect(resolved.state).toBe('resolved');
  }, 60_000);
});
