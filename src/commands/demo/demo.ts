// `demo`: a throw-away hub with the demo fleet, a `demo` profile pointing at
// it, and on a terminal the watch UI on it (q or Ctrl-C stops); piped, the
// fleet status emitted afresh each refresh until Ctrl-C.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreClient } from '../../core/client.js';
import type { FleetStatus } from '../../core/model.js';
import { renderFleetStatus } from '../../render/fleet-status.js';
import { fleetStatusJson } from '../../render/json.js';
import { DEFAULT_PROFILE } from '../config/connection.js';
import type { VerbContext } from '../context.js';
import type { Deps } from '../deps.js';
import { integerOption, positiveNumberOption } from '../options.js';
import { runStatus } from '../status/status.js';
import type { CliView } from '../verb.js';
import { defineVerb } from '../verb.js';
import { openWatchOnTerminal } from '../watch/watch.js';
import { borrowProfile } from './demo-profile.js';
import { isPortFree } from './free-port.js';

export const DEMO_PROFILE = 'demo';
export const DEMO_PORT = 7474;
export const REFRESH_MS = 2_000;
// A simulated minute a second: faults open and clear while you watch.
export const DEMO_SPEED = 60;

export interface DemoInput {
  seed: number | undefined;
  speed: number | undefined;
  port: number | undefined;
}

/** One refresh of the plain view (pipes, CI, --json): the fleet now. */
export interface DemoRefresh {
  fleet: FleetStatus;
}

const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/** The watch UI needs a terminal to draw on and one to read keys from; anything else gets the plain status. */
export function showsWatchUi(io: Deps['io'], json: boolean): boolean {
  return io.isStdoutTTY && io.isStdinTTY && !json;
}

/** The fleet status, emitted afresh every REFRESH_MS until shutdown. */
async function refreshStatus(client: CoreClient, ctx: VerbContext<DemoRefresh>): Promise<void> {
  const { deps } = ctx;
  let stopping = false;
  const stopped = deps.waitForShutdown().then(() => {
    stopping = true;
  });
  while (!stopping) {
    // A refresh that fails (the hub busy, a timeout) is reported and tried
    // again on the next tick: the view must outlive a bad moment.
    const result = await runStatus({ site: undefined }, { client: () => client }).catch((e: unknown) => {
      ctx.info(`refresh failed: ${e instanceof Error ? e.message : String(e)}; retrying`);
      return undefined;
    });
    if (result && 'fleet' in result) ctx.emit({ fleet: result.fleet });
    await Promise.race([deps.sleep(REFRESH_MS), stopped]);
  }
}

// On a terminal the view fits one screen: the table's heading, the totals
// and platforms lines, a blank and the "more sites" line take six rows.
function screenRows(view: CliView): number | undefined {
  return view.tty && view.height ? Math.max(3, view.height - 6) : undefined;
}

export const demo = defineVerb({
  name: 'demo',
  description: 'start a demo hub with the 103-site fleet and watch it: the live UI on a terminal, the status refreshing when piped',
  // Starts a hub and a simulator inside the bot's process and never ends.
  metadata: {
    examples: ['demo', 'demo --speed 120 --seed 7', 'demo | head -20'],
    refusedInChat: { en: 'it starts a demo hub and runs until stopped; run it in a terminal', ar: 'يشغّل عرضاً تجريبياً لا يتوقف؛ نفّذه في الطرفية' },
  },
  configure(command) {
    command
      .option('--seed <n>', 'simulator seed', integerOption(0))
      .option('--speed <x>', `simulated seconds per real second (default ${DEMO_SPEED})`, positiveNumberOption)
      .option('--port <port>', `port (default ${DEMO_PORT}, or a free one if taken)`, integerOption(0, 65535));
  },
  input: (_args: [], { seed, speed, port }: DemoInput): DemoInput => ({ seed, speed, port }),
  async run(input, ctx: VerbContext<DemoRefresh>): Promise<void> {
    const { deps } = ctx;
    const { startHub } = await deps.loadHub();
    const dir = mkdtempSync(join(tmpdir(), 'watchfloor-demo-'));
    const port = input.port ?? ((await isPortFree(DEMO_PORT)) ? DEMO_PORT : 0);
    const ui = showsWatchUi(deps.io, ctx.globals.json);
    const hub = await startHub({
      dataFile: join(dir, 'demo.sqlite'),
      port,
      demo: true,
      seed: input.seed,
      speed: input.speed ?? DEMO_SPEED,
      // Under the watch UI a log line would be drawn over the screen.
      log: ctx.globals.debug && !ui ? (line) => ctx.info(line) : undefined,
    });
    const client = hub.adminToken ? deps.createClient({ hubUrl: hub.url, token: hub.adminToken, channel: ui ? 'tui' : 'cli' }) : undefined;
    let restoreProfile: (() => Promise<void>) | undefined;
    try {
      if (!client || !hub.adminToken) throw new Error('the demo hub started without an admin token');
      const borrowed = await borrowProfile(ctx, DEMO_PROFILE, { hub: hub.url, token: hub.adminToken, sim: hub.simUrl, simToken: hub.simToken });
      restoreProfile = borrowed.restore;
      const previous = borrowed.previous ?? DEFAULT_PROFILE;
      ctx.info(
        `demo hub on ${hub.url}; profile "${DEMO_PROFILE}" is active while it runs, so other watchfloor commands use it` +
          (previous !== DEMO_PROFILE ? ` (then back to "${previous}")` : ''),
      );
      if (ui) await openWatchOnTerminal(client, ctx, { wall: false });
      else await refreshStatus(client, ctx);
    } finally {
      await restoreProfile?.();
      await client?.close();
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  present: {
    text: () => '',
    json: () => undefined,
    events: {
      text: ({ fleet }: DemoRefresh, view) => `${view.tty ? CLEAR_SCREEN : ''}${renderFleetStatus(fleet, view, screenRows(view))}\n`,
      json: ({ fleet }: DemoRefresh) => fleetStatusJson(fleet),
    },
  },
});
