// A fixture hub for forecast tests, set up around a test file: an empty peak
// calendar of its own (a file the test may rewrite), the sites' hourly
// history fed through the real intake in batches, a viewer's client and a
// config directory for the built CLI — so every forecast test starts from
// the same ground and cleans up the same way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import type { SiteTelemetry } from '../../../src/core/model.js';
import type { Fleet } from '../../../src/hub/demo/demo-world.js';
import { cliEnv, type CliEnv } from '../../helpers/cli.js';
import { startFixtureHub, type FixtureHub } from '../hub-fixture.js';

export interface HistoryHub {
  hub: FixtureHub;
  viewer: CoreClient;
  cli: CliEnv;
  /** The calendar file the hub reads (`peaks: []` to start with). */
  peaksFile: string;
  /** The CLI's environment against this hub, with the admin's token. */
  cliEnvironment(): Record<string, string>;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled in before its first test. */
export function historyHubAround(reports: () => readonly SiteTelemetry[], options: { fleet?: Fleet } = {}): HistoryHub {
  const ctx = {} as HistoryHub;
  let peaksDir: string | undefined;
  beforeAll(async () => {
    peaksDir = mkdtempSync(join(tmpdir(), 'wf-peaks-'));
    ctx.peaksFile = join(peaksDir, 'peaks.yaml');
    writeFileSync(ctx.peaksFile, 'peaks: []\n');
    ctx.hub = await startFixtureHub({ peaksFile: ctx.peaksFile, ...(options.fleet ? { fleet: options.fleet } : {}) });
    const feed = await ctx.hub.clientAs('intake', 'history-feed');
    const all = reports();
    for (let i = 0; i < all.length; i += 200) await feed.ingestTelemetry(all.slice(i, i + 200));
    ctx.viewer = await ctx.hub.clientAs('viewer', 'wall');
    ctx.cli = cliEnv();
    ctx.cliEnvironment = () => ({ ...ctx.cli.env, WATCHFLOOR_HUB: ctx.hub.url, WATCHFLOOR_TOKEN: ctx.hub.adminToken! });
  }, 60_000);
  afterAll(async () => {
    await ctx.hub?.stop();
    ctx.cli?.cleanup();
    if (peaksDir) rmSync(peaksDir, { recursive: true, force: true });
  });
  return ctx;
}
