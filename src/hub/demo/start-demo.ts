// Demo mode, the hub's side: apply the world's fleet as an inventory, every
// asset pointed at its emulated device (demo-inventory.ts), give the simulator an intake token (it
// feeds alerts and telemetry, as Alertmanager would), and let it talk to this
// hub over HTTP like any real fleet.
import { SYSTEM } from '../caller.js';
import type { HubContext } from '../context.js';
import { issueToken, revokeTokensNamed } from '../tokens/tokens.js';
import { transact } from '../transact.js';
import { applyDemoInventory, DEMO_INVENTORY_FILE } from './demo-inventory.js';
import type { DemoWorld, Fleet, Stoppable } from './demo-world.js';

export const SIMULATOR_TOKEN_NAME = 'demo-simulator';

export interface DemoHandle extends Stoppable {
  /** The device emulator's base URL, when the world has devices. */
  simUrl?: string;
  /** Its control endpoint's bearer token (for the drills), with simUrl. */
  simToken?: string;
  /** Starts taking a fresh store's past in, behind the serving hub: called once the hub is otherwise started. */
  takePast(): void;
}

export interface DemoOptions {
  hubUrl: string;
  /** The hub's data file: the demo's inventory file is written beside it. */
  dataFile: string;
  seed: number;
  speed: number;
  /** Days of past flow a fresh store takes from the world (the world's default when absent; 0: none). */
  pastDays?: number;
  /** Site time between the sites' reports, ms (absent: the simulator's tick, a real second, whatever the speed). */
  reportEveryMs?: number;
}

/**
 * The fastest the simulator is asked to tick (real ms): each tick steps and posts the whole fleet, and a
 * report cadence finer than the speed allows is held here rather than running the hub flat out.
 */
export const MIN_DEMO_TICK_MS = 50;

/** The simulator's tick (real ms) that gives a report every `reportEveryMs` of site time at `speed`. */
export const demoTickMs = (reportEveryMs: number, speed: number): number => Math.max(MIN_DEMO_TICK_MS, Math.round(reportEveryMs / speed));

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
  // Whether the store is fresh is settled before the live run's first report makes it not.
  const past = await pastFlowImport(ctx, world, { hubUrl: options.hubUrl, token: secret, fleet, seed: options.seed, speed: options.speed, days: options.pastDays });
  // A site's report cadence is site time (a real site reports every minute or so): the tick scales with the speed.
  const tick = options.reportEveryMs === undefined ? {} : { tickMs: demoTickMs(options.reportEveryMs, options.speed) };
  if (tick.tickMs !== undefined) ctx.log(`demo: each site reports every ${Math.round((tick.tickMs * options.speed) / 1000)} s of site time (a tick every ${tick.tickMs} ms real)`);
  const simulator = world.startSimulator({ hubUrl: options.hubUrl, token: secret, fleet, seed: options.seed, speed: options.speed, ...tick, now: ctx.now, log: ctx.log });
  return {
    ...(devices ? { simUrl: devices.url, simToken: devices.controlToken } : {}),
    takePast: () => past?.begin(),
    async stop() {
      await past?.stop();
      await simulator.stop();
      await devices?.stop();
    },
  };
}

/** Logged once a fresh demo hub has its past in (the bench waits for it before its week starts). */
export const PAST_FLOW_IN = "demo: imported the fleet's past";

/**
 * A fresh store (no site has ever reported) takes the world's past, as a
 * centre importing its sites' history from the systems before it would: the
 * forecaster then works on weeks of hours, not none. A store that has reports
 * keeps its own history (a restart must not report the past twice). The hub
 * is already serving: the past comes in behind it (in slices that yield to
 * requests), logging a line when it is in, so a demo is ready as fast as one
 * without it. Undefined when there is no past to take.
 */
async function pastFlowImport(ctx: HubContext, world: DemoWorld, options: { hubUrl: string; token: string; fleet: Fleet; seed: number; speed: number; days: number | undefined }): Promise<(Stoppable & { begin(): void }) | undefined> {
  const importPast = world.importPastFlow?.bind(world);
  if (!importPast || options.days === 0 || (await ctx.store.listTelemetry()).length > 0) return undefined;
  const aborts = new AbortController();
  const { days: asked, ...rest } = options;
  const until = ctx.now(); // where the live run starts
  let done: Promise<void> | undefined;
  return {
    begin() {
      if (done || aborts.signal.aborted) return;
      const started = performance.now();
      done = importPast({ ...rest, ...(asked === undefined ? {} : { days: asked }), until, signal: aborts.signal }).then(
        ({ reports, days }) => {
          if (!aborts.signal.aborted) ctx.log(`${PAST_FLOW_IN} ${days} days of hourly flow (${reports} reports) in ${Math.round(performance.now() - started)} ms`);
        },
        (e: unknown) => {
          if (!aborts.signal.aborted) ctx.log(`demo: the fleet's past flow was not imported: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    },
    async stop() {
      aborts.abort();
      await done;
    },
  };
}
