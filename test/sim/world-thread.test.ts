// The demo world as a build runs it, in a thread of its own
// (dist/demo-world-thread.js, src/sim/world-thread.ts): its simulator still
// reaches the hub over HTTP, its devices answer, a drill's fault crosses to
// it and a refusal crosses back with its status and code, and the thread ends
// with the hub. Needs `npm run build` (as the integration tests do).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { DemoDevices } from '../../src/hub/demo/demo-world.js';
import { SimControlClient } from '../../src/sim/control/client.js';
import { EmulatorRequestError } from '../../src/sim/emulator/errors.js';
import { threadedDemoWorld } from '../../src/sim/world-thread-client.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { waitUntil } from '../helpers/wait-until.js';

const SCRIPT = new URL('../../dist/demo-world-thread.js', import.meta.url);

let hub: TestHub;
let admin: CoreClient;
let devices: DemoDevices;
const logs: string[] = [];

beforeAll(async () => {
  if (!existsSync(fileURLToPath(SCRIPT))) throw new Error('dist/demo-world-thread.js is missing: run `npm run build` first');
  const world = threadedDemoWorld(SCRIPT);
  const start = world.startDevices!.bind(world);
  world.startDevices = async (o) => (devices = await start(o));
  hub = await startTestHub({ demo: true, seed: 3, speed: 600, demoPastDays: 1, demoWorld: world, log: (l) => logs.push(l) });
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
}, 60_000);

afterAll(async () => {
  await admin?.close();
  await hub?.stop();
});

describe('the demo world in its own thread', () => {
  it("posts every site's telemetry and the fleet's past to the hub over HTTP, its log lines in the hub's log", async () => {
    const reported = await waitUntil(async () => (await admin.fleetStatus()).sites.filter((s) => s.reportedAt !== null).length, { what: 'a site with a report', timeoutMs: 20_000, intervalMs: 250 });
    expect(reported).toBe(104);
    await waitUntil(() => logs.some((l) => l.startsWith("demo: imported the fleet's past 1 days")), { what: 'the past flow imported', timeoutMs: 30_000 });
    expect(logs).toContainEqual(expect.stringMatching(/^device emulator: 4735 devices on http:\/\/127\.0\.0\.1:\d+ /));
    expect(logs).toContainEqual(expect.stringMatching(/^simulator: seed 3, speed 600×, 104 sites/));
  }, 60_000);

  it("serves every asset's management API at the URL the inventory holds, and takes a drill's fault", async () => {
    const gate = (await admin.exportInventory()).assets.find((a) => a.id === 'RUH/egate-01');
    expect(gate?.managementUrl).toBe(`${devices.url}/RUH/egate-01`);
    const health = await fetch(`${gate!.managementUrl}/mgmt/v1/health`, { headers: { authorization: `Bearer ${devices.deviceToken}` } });
    expect(health.status).toBe(200);
    const injected = await devices.injectFault!('RUH/egate-02', 'hung-service');
    expect(injected).toEqual({ id: expect.stringMatching(/^I\d{6}$/), assetId: 'RUH/egate-02', fault: 'hung-service' });
    const control = new SimControlClient({ simUrl: devices.url, token: devices.controlToken });
    expect((await control.faults({ site: 'RUH' })).map((f) => [f.id, f.fault])).toContainEqual([injected.id, 'hung-service']);
  });

  it('hands a refusal back as the emulator made it: status, code and message', async () => {
    const refused = await devices.injectFault!('RUH/egate-03', 'no-such-fault').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EmulatorRequestError);
    expect(refused).toMatchObject({ status: 400, code: 'unknown_fault', message: expect.stringContaining('"no-such-fault" is not a fault of a egate') });
  });
});

describe('a demo hub that stops', () => {
  it('ends the world with it: the thread answers nothing more', async () => {
    const world = threadedDemoWorld(SCRIPT);
    let own: DemoDevices | undefined;
    const start = world.startDevices!.bind(world);
    world.startDevices = async (o) => (own = await start(o));
    const stopping = await startTestHub({ demo: true, seed: 4, speed: 600, demoWorld: world });
    await stopping.stop();
    await expect(own!.injectFault!('RUH/egate-01', 'hung-service')).rejects.toThrow("the demo world's thread has stopped");
    await expect(fetch(`${own!.url}/RUH/egate-01/mgmt/v1/health`)).rejects.toThrow();
  }, 60_000);
});
