// Demo mode: seed the fleet into an empty store, give the simulator an
// officer token, and let it talk to this hub over HTTP like any real fleet.
// The sim modules load only here, by dynamic import, so a plain hub never
// pays for them.
import { CoreClient } from '../core/client.js';
import type { Asset, Site } from '../core/model.js';
import { appendAudit } from './audit/audit-log.js';
import { SYSTEM } from './caller.js';
import type { HubContext } from './context.js';
import type { FaultWorldLink } from '../sim/fault-link.js';
import { issueToken, revokeTokensNamed } from './tokens/tokens.js';
import { transact } from './transact.js';

export const SIMULATOR_TOKEN_NAME = 'demo-simulator';

export interface Fleet {
  sites: Site[];
  assets: Asset[];
}

export interface SimulatorHandle {
  stop(): Promise<void>;
}

/** The device emulator: every demo asset's management API on one loopback server. */
export interface EmulatorHandle {
  /** Base URL; an asset's managementUrl is `${url}/${assetId}`, the control endpoint `${url}/control/v1`. */
  url: string;
  /** The devices' side of the world, shared with the simulator. */
  world: FaultWorldLink;
  stop(): Promise<void>;
}

export interface DemoHandle extends SimulatorHandle {
  /** The device emulator's base URL, when the wiring has one. */
  simUrl?: string;
}

/** Where the demo's fleet and simulator come from; tests substitute small ones. */
export interface DemoWiring {
  buildFleet(): Fleet | Promise<Fleet>;
  startSimulator(options: {
    client: CoreClient;
    fleet: Fleet;
    seed: number;
    speed: number;
    now?: () => Date;
    log?: (line: string) => void;
    world?: FaultWorldLink;
  }): SimulatorHandle;
  /** Optional: a wiring without one runs the simulator alone (assets keep their managementUrl). */
  startEmulator?(options: { fleet: Fleet; now?: () => Date; log?: (line: string) => void }): Promise<EmulatorHandle>;
}

export const simDemoWiring: DemoWiring = {
  async buildFleet() {
    const { buildDemoFleet } = await import('../sim/fleet.js');
    return buildDemoFleet();
  },
  startSimulator(options) {
    // Loaded lazily; stop() waits for the load so nothing is left running.
    const started = import('../sim/simulator.js').then((m) => m.startSimulator(options));
    return { stop: async () => (await started).stop() };
  },
  async startEmulator({ fleet, now, log }) {
    const { startDeviceEmulator } = await import('../sim/emulator/emulator.js');
    return startDeviceEmulator({ assets: fleet.assets, now, log });
  },
};

/** Seeds the inventory if the store has no sites; returns whether it did. */
export async function seedFleet(ctx: HubContext, fleet: Fleet): Promise<boolean> {
  return transact(ctx, async (tx) => {
    if ((await tx.countSites()) > 0) return false;
    await tx.upsertSites(fleet.sites);
    await tx.upsertAssets(fleet.assets);
    await appendAudit(tx, {
      at: ctx.now().toISOString(),
      actor: { id: SYSTEM.actor.id, name: SYSTEM.actor.name },
      channel: SYSTEM.channel,
      action: 'fleet.seed',
      target: null,
      detail: { sites: fleet.sites.length, assets: fleet.assets.length },
    });
    return true;
  });
}

export interface DemoOptions {
  hubUrl: string;
  seed: number;
  speed: number;
}

/** Points every asset at its emulated device; the port changes at each start, so this runs every time. */
async function pointAssetsAt(ctx: HubContext, fleet: Fleet, emulatorUrl: string): Promise<void> {
  await transact(ctx, async (tx) => {
    await tx.upsertAssets(fleet.assets.map((a) => ({ ...a, managementUrl: `${emulatorUrl}/${a.id}` })));
  });
}

export async function startDemo(ctx: HubContext, options: DemoOptions, wiring: DemoWiring): Promise<DemoHandle> {
  const fleet = await wiring.buildFleet();
  if (await seedFleet(ctx, fleet)) {
    ctx.log(`demo: seeded ${fleet.sites.length} sites and ${fleet.assets.length} assets`);
  }
  const emulator = await wiring.startEmulator?.({ fleet, now: ctx.now, log: ctx.log });
  try {
    if (emulator) await pointAssetsAt(ctx, fleet, emulator.url);
  } catch (e) {
    await emulator?.stop();
    throw e;
  }
  const { secret } = await transact(ctx, async (tx) => {
    const at = ctx.now().toISOString();
    await revokeTokensNamed(tx, SYSTEM, SIMULATOR_TOKEN_NAME, at);
    return issueToken(tx, SYSTEM, { name: SIMULATOR_TOKEN_NAME, role: 'officer' }, at);
  });
  const client = new CoreClient({ hubUrl: options.hubUrl, token: secret, channel: 'api' });
  const simulator = wiring.startSimulator({
    client,
    fleet,
    seed: options.seed,
    speed: options.speed,
    now: ctx.now,
    log: ctx.log,
    ...(emulator ? { world: emulator.world } : {}),
  });
  return {
    ...(emulator ? { simUrl: emulator.url } : {}),
    async stop() {
      await simulator.stop();
      await client.close();
      await emulator?.stop();
    },
  };
}
