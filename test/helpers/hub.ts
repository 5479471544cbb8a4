// Starts a real hub in this process on a free loopback port with a fresh
// data file, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/start.js';
import { createDemoWorld } from '../../src/sim/demo-world.js';

export interface TestHub extends RunningHub {
  adminToken: string;
  dir: string;
  /** Close the hub and remove its data directory. */
  stop(): Promise<void>;
}

export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'wf-hub-'));
  // A demo hub gets the real demo world: the 103 sites, their devices and the simulator.
  const hub = await startHub({ dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, ...options }, options.demo ? createDemoWorld() : undefined);
  if (!hub.adminToken) throw new Error('a new data file should come with an admin token');
  return {
    ...hub,
    adminToken: hub.adminToken,
    dir,
    close: () => hub.close(),
    async stop() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
