// Starts a real hub in this process on a free loopback port with a fresh
// data file, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoDevices } from '../../src/hub/demo/demo-world.js';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/start.js';
import { createDemoWorld } from '../../src/sim/demo-world.js';

export interface TestHub extends RunningHub {
  adminToken: string;
  dir: string;
  /** A demo hub's device token (the hub holds it; tests reaching the emulated devices directly need it too). */
  deviceToken?: string;
  /** Close the hub and remove its data directory. */
  stop(): Promise<void>;
}

export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'wf-hub-'));
  // A demo hub gets the real demo world: the 103 sites, their devices and the simulator.
  const world = options.demo ? createDemoWorld() : undefined;
  let devices: DemoDevices | undefined;
  if (world?.startDevices) {
    const start = world.startDevices.bind(world);
    world.startDevices = async (o) => (devices = await start(o));
  }
  // No past flow unless a test asks (demoPastDays): two weeks of it cost a demo hub's start some seconds.
  const hub = await startHub({ dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, demoPastDays: 0, ...options }, world);
  if (!hub.adminToken) throw new Error('a new data file should come with an admin token');
  hub.takeDemoPast(); // as `hub start` does once it has said where the hub serves
  return {
    ...hub,
    adminToken: hub.adminToken,
    dir,
    ...(devices ? { deviceToken: devices.deviceToken } : {}),
    close: () => hub.close(),
    async stop() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
