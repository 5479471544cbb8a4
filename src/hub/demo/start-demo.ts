// Demo mode, the hub's side: seed the world's fleet into an empty store, point
// every asset at its emulated device, give the simulator an intake token (it
// feeds alerts and telemetry, as Alertmanager would), and let it talk to this
// hub over HTTP like any real fleet.
import { SYSTEM } from '../caller.js';
import type { HubContext } from '../context.js';
import { issueToken, revokeTokensNamed } from '../tokens/tokens.js';
import { transact } from '../transact.js';
import type { DemoDevices, DemoWorld, Fleet, Stoppable } from './demo-world.js';

export const SIMULATOR_TOKEN_NAME = 'demo-simulator';

export interface DemoHandle extends Stoppable {
  /** The device emulator's base URL, when the world has devices. */
  simUrl?: string;
  /** Its control endpoint's bearer token (for the drills), with simUrl. */
  simToken?: string;
}

/** Seeds the inventory if the store has no sites; returns whether it did. */
export async function seedFleet(ctx: HubContext, fleet: Fleet): Promise<boolean> {
  return transact(ctx, async (tx) => {
    if ((await tx.countSites()) > 0) return false;
    await tx.upsertSites(fleet.sites);
    await tx.upsertAssets(fleet.assets);
    await tx.appendAudit({
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
async function pointAssetsAt(ctx: HubContext, fleet: Fleet, devices: DemoDevices): Promise<void> {
  await transact(ctx, async (tx) => {
    await tx.upsertAssets(fleet.assets.map((a) => ({ ...a, managementUrl: devices.managementUrlOf(a.id) })));
  });
}

export async function startDemo(ctx: HubContext, options: DemoOptions, world: DemoWorld): Promise<DemoHandle> {
  const fleet = await world.buildFleet();
  if (await seedFleet(ctx, fleet)) {
    ctx.log(`demo: seeded ${fleet.sites.length} sites and ${fleet.assets.length} assets`);
  }
  const devices = await world.startDevices?.({ fleet, now: ctx.now, log: ctx.log });
  try {
    if (devices) await pointAssetsAt(ctx, fleet, devices);
    // Like any deployment's devices: a token scoped to where they answer.
    if (devices) ctx.diagnostics?.deviceTokens.add(devices.url, devices.deviceToken);
    // Drills inject through the world itself; a hub without a demo world has no faults to inject.
    // Drills run on the world's clock: the speed the simulator runs at.
    if (devices?.injectFault) ctx.faults = { speed: options.speed, inject: devices.injectFault.bind(devices) };
  } catch (e) {
    await devices?.stop();
    throw e;
  }
  const { secret } = await transact(ctx, async (tx) => {
    const at = ctx.now().toISOString();
    await revokeTokensNamed(tx, SYSTEM, SIMULATOR_TOKEN_NAME, at);
    return issueToken(tx, SYSTEM, { name: SIMULATOR_TOKEN_NAME, role: 'intake' }, at);
  });
  const simulator = world.startSimulator({ hubUrl: options.hubUrl, token: secret, fleet, seed: options.seed, speed: options.speed, now: ctx.now, log: ctx.log });
  return {
    ...(devices ? { simUrl: devices.url, simToken: devices.controlToken } : {}),
    async stop() {
      await simulator.stop();
      await devices?.stop();
    },
  };
}
