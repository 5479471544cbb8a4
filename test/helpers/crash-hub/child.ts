// The other side of a crash test: a hub, or the devices, as a process of its
// own, so a test (or bench/playbook-crash.mjs) can kill the hub with SIGKILL
// while the devices live on and keep count of what they did — as real
// devices outlive a hub. `hub start --demo` runs the emulator inside the hub
// (it would die with it, and forget every idempotency key); this child
// takes the fleet from its configuration, and its playbooks too (a test's
// own) or the built-ins through the hub's loader. bundle.mjs builds it with esbuild; it is never imported.
//
// WF_CRASH_CHILD is a JSON configuration; the child prints one JSON line once
// it listens ({ url, adminToken? }) and runs until SIGTERM (or SIGKILL).
import type { Asset, PlaybookDefinition, Site } from '../../../src/core/model.js';
import { catalogOf } from '../../../src/hub/playbooks/catalog.js';
import { startHub } from '../../../src/hub/start.js';
import { startDeviceEmulator } from '../../../src/sim/emulator/index.js';

export interface DevicesConfig {
  mode: 'devices';
  assets: Asset[];
  control: string;
  device: string;
  /** Real milliseconds each device action takes: the window a kill can land in. */
  effortMs: [number, number];
}

export interface HubConfig {
  mode: 'hub';
  dataFile: string;
  sites: Site[];
  assets: Asset[];
  devicesUrl: string;
  control: string;
  device: string;
  /** The playbooks this hub runs; left out, it loads the built-ins with the hub's own loader. */
  playbooks?: PlaybookDefinition[];
  leaseTtlMs?: number;
}

const config = JSON.parse(process.env.WF_CRASH_CHILD ?? '{}') as DevicesConfig | HubConfig;
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function devices(c: DevicesConfig) {
  const [low, high] = c.effortMs;
  const emulator = await startDeviceEmulator({ assets: c.assets, credentials: { control: c.control, device: c.device }, effortMs: () => low + Math.random() * (high - low) });
  say({ url: emulator.url });
  return () => emulator.stop();
}

async function hub(c: HubConfig) {
  const running = await startHub(
    {
      dataFile: c.dataFile,
      host: '127.0.0.1',
      port: 0,
      demo: true,
      log,
      ...(c.playbooks ? { playbooks: catalogOf(c.playbooks.map((definition) => ({ definition, source: 'crash test' }))) } : {}),
      playbookRunner: { tickMs: 100, ...(c.leaseTtlMs ? { leaseTtlMs: c.leaseTtlMs } : {}) },
    },
    {
      buildFleet: () => ({ sites: c.sites, assets: c.assets }),
      // The devices are elsewhere and outlive this hub; a drill injects through their control endpoint.
      startDevices: async () => ({
        url: c.devicesUrl,
        managementUrlOf: (id) => `${c.devicesUrl}/${id}`,
        deviceToken: c.device,
        controlToken: c.control,
        stop: async () => {},
        async injectFault(assetId, fault) {
          const res = await fetch(`${c.devicesUrl}/control/v1/faults`, {
            method: 'POST',
            headers: { authorization: `Bearer ${c.control}`, 'content-type': 'application/json' },
            body: JSON.stringify({ assetId, fault }),
          });
          const body = (await res.json()) as { fault?: { id: string; assetId: string; fault: string }; error?: { message: string } };
          if (!res.ok || !body.fault) throw new Error(body.error?.message ?? `the emulator answered ${res.status}`);
          return body.fault;
        },
      }),
      startSimulator: () => ({ stop: async () => {} }),
    },
  );
  say({ url: running.url, ...(running.adminToken ? { adminToken: running.adminToken } : {}) });
  return () => running.close();
}

const stop = await (config.mode === 'devices' ? devices(config) : hub(config));
process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
