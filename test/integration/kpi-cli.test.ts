// `watchfloor kpi …` as a duty officer runs it: the built CLI against a real
// hub that was fed telemetry, survey answers and incidents through its own
// routes — every KPI comes back with figures from what was fed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';

/** The hub, fed; the CLI's environment pointed at it as its admin. */
const world: { hub?: FixtureHub; cli?: CliEnv } = {};
const env = () => ({ ...world.cli!.env, WATCHFLOOR_HUB: world.hub!.url, WATCHFLOOR_TOKEN: world.hub!.adminToken! });

async function feed(hub: FixtureHub): Promise<void> {
  const feed = await hub.clientAs('intake', 'site-feed');
  const at = new Date().toISOString();
  await feed.ingestTelemetry([
    { siteId: 'RUH', at, arrivalsPerHour: 900, queueLength: 40, waitMinutes: 12, egatesInService: 6, countersOpen: 8, processedPerHour: 880, officersOnDuty: 11 },
    { siteId: 'JED', at, arrivalsPerHour: 700, queueLength: 90, waitMinutes: 48, egatesInService: 2, countersOpen: 5, processedPerHour: 600, officersOnDuty: 6 },
  ]);
  await feed.postSurveyAnswers([
    { siteId: 'RUH', score: 5, channel: 'kiosk', at },
    { siteId: 'RUH', score: 4, channel: 'app', at },
    { siteId: 'JED', score: 2, channel: 'sms', at },
  ]);
  const { incident } = await hub.admin.createIncident({ title: 'RUH e-gate 07 door stuck', severity: 'sev3', assetId: 'RUH/egate-07' });
  await hub.admin.ack(incident.id);
}

beforeAll(async () => {
  world.cli = cliEnv();
  world.hub = await startFixtureHub();
  await feed(world.hub);
});

afterAll(async () => {
  await world.hub?.stop();
  world.cli?.cleanup();
});

describe('kpi against a real hub', () => {
  it('kpi --json: every KPI, with figures from what the hub was fed', async () => {
    const r = await runCli(['kpi', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { kpis: { kpi: string; headline: string; measures: { id: string; scope: string | null; value: number | null; samples: number }[] }[] };
    const headline = (kpi: string) => {
      const k = summary.kpis.find((x) => x.kpi === kpi)!;
      return k.measures.find((m) => m.id === k.headline && m.scope === null)!;
    };
    expect(headline('incidents')).toMatchObject({ value: 1, samples: 1 });
    expect(headline('satisfaction').samples).toBe(3);
    expect(headline('satisfaction').value).toBeCloseTo(2 / 3, 10);
    expect(headline('flow')).toMatchObject({ value: 0.5, samples: 2 }); // RUH's 12 min within 30, JED's 48 not
    expect(headline('staff').value).toBeCloseTo((880 + 600) / (11 + 6), 10);
    expect(headline('continuity')).toMatchObject({ value: 1, samples: 1 }); // the visa platform, never down
  });

  it('kpi flow --site, piped: one row a figure; kpi alone on a bad scope is exit 2 with one line', async () => {
    const r = await runCli(['kpi', 'flow', '--site', 'ruh'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wait within 30 min\t100\.0%\t≥ 90\.0%\tmet\t-\t/m);
    expect(r.stdout).toMatch(/^passengers processed\t880\t-\t-\t-\t/m);
    const bad = await runCli(['kpi', '--site', 'RUH', '--region', 'Riyadh'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')[0]).toContain('give one of --site, --region and --kind');
  });
});
