// Demo mode: seed the fleet into an empty store, give the simulator an
// officer token, and let it talk to this hub over HTTP like any real fleet.
// The sim modules load only here, by dynamic import, so a plain hub never
// pays for them.
import { CoreClient } from '../core/client.js';
import type { Asset, Site } from '../core/model.js';
import { appendAudit } from './audit/audit-log.js';
import { SYSTEM } from './caller.js';
import type { HubContext } from './context.js';
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
  }): SimulatorHandle;
}

export const simDemoWiring: DemoWiring = {
  async buildFleet() {
    const { buildDemoFleet } = await import('./sim/fleet.js');
    return buildDemoFleet();
  },
  startSimulator(options) {
    // Loaded lazily; stop() waits for the load so nothing is left running.
    const started = import('./sim/simulator.js').then((m) => m.startSimulator(options));
    return { stop: async () => (await started).stop() };
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

export async function startDemo(ctx: HubContext, options: DemoOptions, wiring: DemoWiring): Promise<SimulatorHandle> {
  const fleet = await wiring.buildFleet();
  if (await seedFleet(ctx, fleet)) {
    ctx.log(`demo: seeded ${fleet.sites.length} sites and ${fleet.assets.length} assets`);
  }
  const { secret } = await transact(ctx, async (tx) => {
    const at = ctx.now().toISOString();
    await revokeTokensNamed(tx, SYSTEM, SIMULATOR_TOKEN_NAME, at);
    return issueToken(tx, SYSTEM, { name: SIMULATOR_TOKEN_NAME, role: 'officer' }, at);
  });
  const client = new CoreClient({ hubUrl: options.hubUrl, token: secret, channel: 'api' });
  const simulator = wiring.startSimulator({ client, fleet, seed: options.seed, speed: options.speed, now: ctx.now, log: ctx.log });
  return {
    async stop() {
      await simulator.stop();
      await client.close();
    },
  };
}
