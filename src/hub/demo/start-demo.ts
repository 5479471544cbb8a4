// Demo mode, the hub's side: apply the world's fleet as an inventory, every
// asset pointed at its emulated device (demo-inventory.ts), give the simulator an intake token (it
// feeds alerts and telemetry, as Alertmanager would), and let it talk to this
// hub over HTTP like any real fleet.
import { SYSTEM } from '../caller.js';
import type { HubContext } from '../context.js';
import { issueToken, revokeTokensNamed } from '../tokens/tokens.js';
import { transact } from '../transact.js';
import { applyDemoInventory, DEMO_INVENTORY_FILE } from './demo-inventory.js';
import type { DemoWorld, Stoppable } from './demo-world.js';

export const SIMULATOR_TOKEN_NAME = 'demo-simulator';

export interface DemoHandle extends Stoppable {
  /** The device emulator's base URL, when the world has devices. */
  simUrl?: string;
  /** Its control endpoint's bearer token (for the drills), with simUrl. */
  simToken?: string;
}

export interface DemoOptions {
  hubUrl: string;
  /** The hub's data file: the demo's inventory file is written beside it. */
  dataFile: string;
  seed: number;
  speed: number;
}

export async function startDemo(ctx: HubContext, options: DemoOptions, world: DemoWorld): Promise<DemoHandle> {
  const fleet = await world.buildFleet();
  const devices = await world.startDevices?.({ fleet, now: ctx.now, log: ctx.log });
  try {
    // Through the path every inventory takes, once the devices say where each asset answers.
    const { applied } = await applyDemoInventory(ctx, options.dataFile, fleet, devices);
    if (applied) ctx.log(`demo: applied its inventory of ${fleet.sites.length} sites and ${fleet.assets.length} assets (${DEMO_INVENTORY_FILE} beside the data file)`);
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
