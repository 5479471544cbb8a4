// startHub --demo with the real fleet and simulator: the simulator reaches the
// hub over HTTP with its own token, like any fleet would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { demoTickMs, MIN_DEMO_TICK_MS } from '../../src/hub/demo/start-demo.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { waitUntil } from '../helpers/wait-until.js';

let hub: TestHub;
let admin: CoreClient;

beforeAll(async () => {
  hub = await startTestHub({ demo: true, seed: 3, speed: 600 });
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
});

afterAll(async () => {
  await admin?.close();
  await hub?.stop();
});

describe('demo hub', () => {
  it('loads 104 sites (the 103 public ones and the 992 contact centre) and the 12 platforms as an inventory, audited once as inventory.apply, with what the gates depend on', async () => {
    const status = await admin.fleetStatus();
    expect(status.sites).toHaveLength(104);
    expect(status.platforms).toHaveLength(12);
    const seeds = (await admin.listAudit({ limit: 10_000 })).filter((e) => e.action === 'inventory.apply');
    expect(seeds).toHaveLength(1);
    expect(seeds[0]).toMatchObject({ actor: { id: 'system' }, channel: 'system', detail: { sites: { add: 104, change: 0, remove: 0 } } });
    const gate = (await admin.exportInventory()).assets.find((a) => a.id === 'RUH/egate-01');
    expect(gate?.dependsOn).toEqual(['platform/identity', 'platform/watchlist', 'RUH/network-link-01']);
    expect(gate?.managementUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/RUH\/egate-01$/);
  });

  it('receives telemetry from the simulator within a bounded wait', async () => {
    const reporting = async () => (await admin.fleetStatus()).sites.filter((s) => s.reportedAt !== null).length;
    // The demo reports a region at a time: a look between two regions' posts sees some sites, so wait for all of them.
    const reported = await waitUntil(async () => ((await reporting()) === 104 ? 104 : undefined), { what: 'every site with a report', timeoutMs: 15_000, intervalMs: 250 });
    expect(reported).toBe(104);
    const sim = (await admin.listTokens()).find((t) => t.name === 'demo-simulator' && !t.revokedAt);
    expect(sim).toMatchObject({ role: 'intake', lastUsedAt: expect.any(String) });
  }, 20_000);
});

describe('demo hub on a fresh store', () => {
  it("takes the fleet's past flow first, so its forecasts start on days of history", async () => {
    const logs: string[] = [];
    const fresh = await startTestHub({ demo: true, seed: 3, speed: 600, demoPastDays: 3, log: (l) => logs.push(l) });
    const client = new CoreClient({ hubUrl: fresh.url, token: fresh.adminToken });
    try {
      // The hub serves first and takes the past behind it, logging one line when it is in.
      await waitUntil(() => logs.some((l) => l.startsWith('demo: imported')), { what: 'the past flow imported', timeoutMs: 20_000 });
      expect(logs.filter((l) => l.startsWith('demo: imported'))).toEqual([expect.stringMatching(/^demo: imported the fleet's past 3 days of hourly flow \(\d+ reports\) in \d+ ms$/)]);
      // Three days of hours (less the one still filling) before any live report: the daily season at once.
      const forecast = await client.siteForecast('RUH', { hours: 6 });
      expect(forecast.historyHours).toBeGreaterThanOrEqual(71);
      expect(forecast.method).toBe('daily-seasonal');
    } finally {
      await client.close();
      await fresh.stop();
    }
  }, 30_000);

  it('stops cleanly while its past is still coming in: the import ends at its next slice, logging neither line', async () => {
    const logs: string[] = [];
    const fresh = await startTestHub({ demo: true, seed: 3, speed: 600, demoPastDays: 14, log: (l) => logs.push(l) });
    await fresh.stop();
    expect(logs.filter((l) => l.startsWith("demo: imported") || l.startsWith("demo: the fleet's past flow was not imported"))).toEqual([]);
  }, 30_000);
});

describe("the demo's report cadence", () => {
  it('is site time whatever the speed: the tick is the cadence over the speed, held at its floor', () => {
    expect(demoTickMs(300_000, 1_800)).toBe(167);
    expect(demoTickMs(300_000, 60)).toBe(5_000);
    expect(demoTickMs(60_000, 3_600)).toBe(MIN_DEMO_TICK_MS);
  });

  it('ticks the simulator at it, and says so once', async () => {
    const logs: string[] = [];
    const fast = await startTestHub({ demo: true, seed: 3, speed: 600, demoReportMs: 60_000, log: (l) => logs.push(l) });
    const client = new CoreClient({ hubUrl: fast.url, token: fast.adminToken });
    try {
      expect(logs.filter((l) => l.startsWith('demo: each site reports'))).toEqual(['demo: each site reports every 60 s of site time (a tick every 100 ms real)']);
      const everySite = async () => (await client.fleetStatus()).sites.every((s) => s.reportedAt !== null);
      expect(await waitUntil(everySite, { what: 'every site reporting', timeoutMs: 15_000, intervalMs: 250 })).toBe(true);
    } finally {
      await client.close();
      await fast.stop();
    }
  }, 30_000);
});
