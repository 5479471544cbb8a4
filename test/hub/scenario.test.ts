// What-if scenarios over real HTTP and through the built CLI: the hub runs
// the scenario maths on the site's latest report held flat, viewers may read
// it, bad changes are refused on both sides of the wire with exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { NotFoundError, UsageError } from '../../src/core/errors.js';
import type { SiteScenarios, SiteTelemetry } from '../../src/core/model.js';
import { WAIT_TARGET_MINUTES } from '../../src/core/vocabulary.js';
import { STATION_PARAMS } from '../../src/hub/forecast/queueing-station.js';
import { applyChanges, scenarioRun } from '../../src/hub/forecast/scenario.js';
import type { ScenarioChanges } from '../../src/core/scenario-changes.js';
import { predictFromQueue } from '../../src/hub/forecast/site-prediction.js';
import { NO_WAIT_BIAS } from '../../src/hub/forecast/wait-bias.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

const NOW = Date.parse('2026-11-29T10:17:00.000Z');
let hub: FixtureHub;
let viewer: CoreClient & { secret: string };
let intake: CoreClient;
let cli: CliEnv;

const report: SiteTelemetry = {
  siteId: 'RUH',
  at: '2026-11-29T10:16:30.000Z',
  arrivalsPerHour: 1000,
  queueLength: 40,
  waitMinutes: 6,
  egatesInService: 4,
  countersOpen: 16,
};

beforeAll(async () => {
  hub = await startFixtureHub({ now: () => new Date(NOW) });
  viewer = await hub.clientAs('viewer', 'wall');
  intake = await hub.clientAs('intake', 'site-feed');
  await intake.ingestTelemetry([report]);
  cli = cliEnv({ WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: viewer.secret });
});

afterAll(async () => {
  cli?.cleanup();
  await hub?.stop();
});

describe('GET /v1/sites/:id/scenario', () => {
  it('runs the baseline and each scenario over the hours ahead, from the start of this hour', async () => {
    const result = await viewer.siteScenarios('ruh', [{ arrivals: { percent: 30 }, egates: { percent: -50 } }, { staff: { count: -10 } }], { hours: 6 });
    expect(result).toMatchObject({ siteId: 'RUH', generatedAt: new Date(NOW).toISOString(), waitTargetMinutes: WAIT_TARGET_MINUTES, baselineSource: 'recent-telemetry' });
    expect(result.baseline.hours.map((h) => h.at)).toEqual([10, 11, 12, 13, 14, 15].map((h) => `2026-11-29T${h}:00:00.000Z`));
    // The latest report held flat; the cap is the counters it reports open (the inventory has one counter desk); the 40
    // it reports waiting carried into the hours ahead, as the breach list predicts (predictFromQueue; a site with one
    // report has the planning figures and no bias to correct for).
    const flat = result.baseline.hours.map((h) => ({ at: h.at, arrivalsPerHour: 1000, countersOpen: 16, egatesInService: 4, maxCounters: 16 }));
    const model = { params: STATION_PARAMS.air, waitTargetMinutes: WAIT_TARGET_MINUTES };
    const run = (name: string, changes: ScenarioChanges) => scenarioRun(name, predictFromQueue(flat.map((h) => applyChanges(h, changes)), model, 40, NO_WAIT_BIAS));
    expect(result.baseline).toEqual(run('baseline', {}));
    expect(result.scenarios).toEqual([
      run('arrivals=+30%,egates=-50%', { arrivals: { percent: 30 }, egates: { percent: -50 } }),
      run('staff=-10', { staff: { count: -10 } }),
    ]);
    // And what that says: a calm baseline; more people and half the gates overrun the gates, their queue building hour
    // on hour; six counters cannot keep up, all six advised and not enough.
    expect(result.baseline.breachHours).toBe(0);
    expect(result.baseline.worstWaitMinutes).toBeGreaterThan(0);
    const [overrun, longer] = result.scenarios[0]!.hours;
    expect(overrun).toMatchObject({ arrivalsPerHour: 1300, egatesInService: 2, stable: false });
    expect(longer!.waitMinutes!).toBeGreaterThan(overrun!.waitMinutes!);
    expect(result.scenarios[0]!.breachHours).toBeGreaterThan(0);
    const fewer = result.scenarios[1]!.hours;
    expect(fewer[0]).toMatchObject({ countersOpen: 6, maxCounters: 6, stable: false, countersAdvised: 6 });
    expect(fewer.at(-1)).toMatchObject({ breach: true, countersAdvised: 6, advisedWithinTarget: false });
  });

  it("starts from the early warning's hours for the site, on its own clock: what the breach list warns of, its baseline shows", async () => {
    // The site's clock is a day behind the hub's: the hours are its own. Its traffic climbs, and 1,500 wait at its latest reports.
    const at = (time: string, arrivalsPerHour: number, queueLength = 40): SiteTelemetry => ({ ...report, siteId: 'LND-BATHA', at: `2026-11-28T${time}:00.000Z`, arrivalsPerHour, egatesInService: 0, countersOpen: 20, queueLength, waitMinutes: queueLength > 100 ? 50 : 6 });
    for (const r of [at('06:10', 600), at('08:10', 900), at('09:30', 1100), at('09:40', 1300), at('10:05', 1500, 1500), at('10:12', 1500, 1500)]) await intake.ingestTelemetry([r]);
    const result = await viewer.siteScenarios('LND-BATHA', [{ staff: { count: 10 } }], { hours: 3 });
    expect(result.baselineSource).toBe('forecast');
    expect(result.baseline.hours.map((h) => h.at)).toEqual(['2026-11-28T10:00:00.000Z', '2026-11-28T11:00:00.000Z', '2026-11-28T12:00:00.000Z']);
    expect(result.baseline.hours[0]).toMatchObject({ countersOpen: 20, egatesInService: 0 });
    // The same prediction as the breach list's (the site's own station, the queue standing carried, the same advice).
    const warned = (await viewer.forecastBreaches({ hours: 3 })).breaches.find((b) => b.siteId === 'LND-BATHA');
    expect(warned).toBeDefined();
    const base = result.baseline;
    expect(base.hours.find((h) => h.breach)!.at).toBe(warned!.breachAt);
    expect(base.breachHours).toBe(warned!.breachHours);
    expect(base.worstWaitMinutes).toBe(warned!.worstWaitMinutes);
    expect(base.maxCountersAdvised).toBe(warned!.countersAdvised);
    // Ten more officers, ten more desks open from the queue standing: shorter waits than the baseline's, hour by hour.
    const more = result.scenarios[0]!;
    more.hours.forEach((h, i) => expect(h.waitMinutes!).toBeLessThan(base.hours[i]!.waitMinutes!));
  });

  it('refuses bad changes and bad hours with 400, names a site with no report or no such site with 404', async () => {
    for (const q of ['scenario=arrivals%3D30%25', 'scenario=crowd%3D%2B1', 'scenario=arrivals%3D%2B30%25,arrivals%3D-1', 'hours=0', 'hours=49', 'hours=two', 'scenario=', 'what=1']) {
      const res = await rawRequest(`${hub.url}/v1/sites/RUH/scenario?${q}`, { token: viewer.secret });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe('usage');
    }
    const six = Array.from({ length: 6 }, () => 'scenario=staff%3D-1').join('&');
    expect((await rawRequest(`${hub.url}/v1/sites/RUH/scenario?${six}`, { token: viewer.secret })).status).toBe(400);
    await expect(viewer.siteScenarios('JED', [{ staff: { count: 1 } }])).rejects.toBeInstanceOf(NotFoundError);
    const missing = await viewer.siteScenarios('NOPE', []).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).message).toContain('NOPE');
    await expect(viewer.siteScenarios('RUH', [], { hours: 100 })).rejects.toBeInstanceOf(UsageError);
  });

  it('is a read: any role that reads may ask, an intake token may not, and a token is needed', async () => {
    expect((await rawRequest(`${hub.url}/v1/sites/RUH/scenario`)).status).toBe(401);
    expect((await rawRequest(`${hub.url}/v1/sites/RUH/scenario`, { token: (await hub.clientAs('intake', 'feed-2')).secret })).status).toBe(403);
    const officer = await hub.clientAs('officer', 'aisha');
    expect((await officer.siteScenarios('RUH', [])).scenarios).toEqual([]);
  });
});

describe('watchfloor scenario', () => {
  it('prints the documented JSON, the flags’ scenario first and each --scenario after it', async () => {
    const r = await runCli(['scenario', 'king khalid', '--arrivals', '+30%', '--staff', '-10', '--scenario', 'egates=-100%', '--hours', '3', '--json'], cli.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as SiteScenarios;
    expect(Object.keys(json)).toEqual(['siteId', 'generatedAt', 'waitTargetMinutes', 'baselineSource', 'baseline', 'scenarios']);
    expect(json.scenarios.map((s) => s.name)).toEqual(['arrivals=+30%,staff=-10', 'egates=-100%']);
    expect(Object.keys(json.scenarios[0]!)).toEqual(['name', 'breachHours', 'worstWaitMinutes', 'maxCountersAdvised', 'hours']);
    expect(json.baseline.hours).toHaveLength(3);
    // No gate in service: everyone goes to the 16 counters, which cannot take 1000 an hour at 40 each — the queue
    // builds from the 40 waiting, within target for the first hour and over it from the next, all 16 not enough.
    const [first, second, third] = json.scenarios[1]!.hours;
    expect(first).toMatchObject({ egatesInService: 0, stable: false, breach: false, countersAdvised: 16 });
    expect(second).toMatchObject({ breach: true, countersAdvised: 16, advisedWithinTarget: false });
    expect(third!.waitMinutes!).toBeGreaterThan(second!.waitMinutes!);
  });

  it('piped, prints one tab-separated line per hour per run', async () => {
    const r = await runCli(['scenario', 'RUH', '--egates', '-1', '--hours', '2'], cli.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => [l[0], l[1]])).toEqual([
      ['2026-11-29T10:00:00.000Z', 'baseline'],
      ['2026-11-29T11:00:00.000Z', 'baseline'],
      ['2026-11-29T10:00:00.000Z', 'egates=-1'],
      ['2026-11-29T11:00:00.000Z', 'egates=-1'],
    ]);
    expect(lines[2]![4]).toBe('3');
  });

  it('refuses a change it cannot read with one line and exit 2, before calling the hub', async () => {
    for (const args of [['--arrivals', '30%'], ['--egates', '-50x'], ['--staff', 'ten'], ['--scenario', 'arrivals=+30%,crowd=+1'], ['--arrivals', '+5000%'], []]) {
      const r = await runCli(['scenario', 'RUH', ...args], { ...cli.env, WATCHFLOOR_HUB: 'http://127.0.0.1:9' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^watchfloor: /);
      expect(r.stderr, args.join(' ')).not.toContain('cannot reach');
    }
  });
});
