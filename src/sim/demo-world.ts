// The demo world as the hub meets it: the 103-site fleet, the device emulator
// serving every asset's management API, and the simulator posting telemetry
// and alerts to the hub over HTTP. The emulator and the simulator share one
// world (faults drawn, fixed, injected), so they are started from one object.
// The heavy parts load only when a demo starts.
import { CoreClient } from '../core/client.js';
import type { DemoWorld } from '../hub/demo/demo-world.js';
import type { FaultWorldLink } from './fault-link.js';

export function createDemoWorld(): DemoWorld {
  let faults: FaultWorldLink | undefined;
  return {
    async buildFleet() {
      const { buildDemoFleet } = await import('./fleet.js');
      return buildDemoFleet();
    },
    async startDevices({ fleet, now, log }) {
      const { startDeviceEmulator, newEmulatorCredentials } = await import('./emulator/index.js');
      // Fresh tokens at every start: the device token goes to the hub's diagnostics, the control token to the drills.
      const emulator = await startDeviceEmulator({ assets: fleet.assets, credentials: newEmulatorCredentials(), now, log });
      faults = emulator.world;
      const world = emulator.world;
      return { ...emulator, injectFault: async (assetId: string, fault: string, options?: { forMs?: number }) => world.inject(assetId, fault, options) };
    },
    async importPastFlow({ hubUrl, token, fleet, seed, speed, days, until, signal }) {
      const { postPastFlow } = await import('./past-flow-import.js');
      const client = new CoreClient({ hubUrl, token, channel: 'api' });
      try {
        return await postPastFlow(client, { fleet, seed, speed, untilMs: until.getTime(), ...(days === undefined ? {} : { days }), ...(signal ? { signal } : {}) });
      } finally {
        await client.close();
      }
    },
    startSimulator({ hubUrl, token, ...options }) {
      const client = new CoreClient({ hubUrl, token, channel: 'api' });
      // Loaded lazily; stop() waits for the load so nothing is left running.
      const started = import('./simulator.js').then((m) => m.startSimulator({ ...options, client, ...(faults ? { world: faults } : {}) }));
      return {
        async stop() {
          await (await started).stop();
          await client.close();
        },
      };
    },
  };
}
