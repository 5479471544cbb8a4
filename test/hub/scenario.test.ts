// What-if scenarios over real HTTP and through the built CLI: the hub runs
// the scenario maths on the site's latest report held flat, viewers may read
// it, bad changes are refused on both sides of the wire with exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { NotFoundError, UsageError } from '../../src/core/errors.js';
import type { SiteScenarios, SiteTelemetry } from '../../src/core/model.js';
import { WAIT_TARGET_MINUTES } from '../../src/core/vocabulary.js';
import { STATION_PARAMS } from '../../src/hub/forecast/queueing-station.js';
import { runScenario } from '../../src/hub/forecast/scenario.js';
import { beyondBand, nowcastAt, nowcastRatio } from '../../src/hub/forecast/site-prediction.js';
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
    // The latest report held flat; the cap is the counters it reports open (the inventory has one counter desk).
    const flat = result.baseline.hours.map((h) => ({ at: h.at, arrivalsPerHour: 1000, countersOpen: 16, egatesInService: 4, maxCounters: 16 }));
    const model = { params: STATION_PARAMS.air, waitTargetMinutes: WAIT_TARGET_MINUTES };
    expect(result.baseline).toEqual(runScenario('baseline', flat, {}, model));
    expect(result.scenarios).toEqual([
      runScenario('arrivals=+30%,egates=-50%', flat, { arrivals: { percent: 30 }, egates: { percent: -50 } }, model),
      runScenario('staff=-10', flat, { staff: { count: -10 } }, model),
    ]);
    // And what that says: a calm baseline; more people and half the gates overrun the gates; six counters cannot keep up.
    expect(result.baseline.breachHours).toBe(0);
    expect(result.baseline.worstWaitMinutes).toBeGreaterThan(0);
    expect(result.scenarios[0]!.hours[0]).toMatchObject({ arrivalsPerHour: 1300, egatesInService: 2, stable: false, waitMinutes: null, breach: true });
    expect(result.scenarios[1]!.hours[0]).toMatchObject({ countersOpen: 6, maxCounters: 6, stable: false, breach: true, countersAdvised: 6, advisedWithinTarget: false });
  });

  it('starts from the early warning\'s hours for the site, on its own clock, scaled to what it reports in its current hour', async () => {
    // The site's clock is a day behind the hub's: the hours are its own.
    const at = (time: string, arrivalsPerHour: number): SiteTelemetry => ({ ...report, siteId: 'LND-BATHA', at: `2026-11-28T${time}:00.000Z`, arrivalsPerHour, egatesInService: 0, countersOpen: 20 });
    for (const r of [at('06:10', 600), at('08:10', 900), at('09:30', 1100), at('09:40', 1300), at('10:05', 1500)]) await intake.ingestTelemetry([r]);
    const result = await viewer.siteScenarios('LND-BATHA', [], { hours: 2 });
    expect(result.baselineSource).toBe('forecast');
    expect(result.baseline.hours.map((h) => h.at)).toEqual(['2026-11-28T10:00:00.000Z', '2026-11-28T11:00:00.000Z']);
    // A few hours of history forecast flat; the current hour's report (1,500 an hour) is beyond the forecast's interval,
    // so the hours ahead rise: at least by the nowcast ratio of what lies beyond it (shrunk toward 1 by a few
    // travellers), and by the travellers beyond it (rising as they rose since 09:00, for two hours of ramp).
    const forecast = (await viewer.siteForecast('LND-BATHA', { hours: 2 })).hours;
    const flat = forecast.map((h) => h.arrivalsPerHour);
    expect(flat[1]).toBe(flat[0]);
    expect(forecast[0]!.upper).toBeLessThan(1500);
    const [now, next] = result.baseline.hours.map((h) => h.arrivalsPerHour);
    const { evidence, excess } = beyondBand(1500, { usual: flat[0]!, lower: forecast[0]!.lower, upper: forecast[0]!.upper });
    expect(excess).toBeGreaterThan(0);
    expect(now).toBeGreaterThanOrEqual(flat[0]! * nowcastRatio(evidence, flat[0]!) - 0.5);
    // The excess at the hour's middle, 25 minutes on: a twentieth of its four-hour half-life gone at most.
    expect(now).toBeGreaterThanOrEqual(flat[0]! + 0.9 * excess);
    expect(next).toBeGreaterThanOrEqual(flat[0]! * nowcastAt(nowcastRatio(evidence, flat[0]!), 1) - 0.5);
    expect(next).toBeLessThan(2 * 1500);
    expect(result.baseline.hours[0]).toMatchObject({ countersOpen: 20, egatesInService: 0 });
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
    // No gate in service: everyone goes to the 16 counters, which cannot take 1000 an hour at 40 each.
    expect(json.scenarios[1]!.hours[0]).toMatchObject({ egatesInService: 0, stable: false, countersAdvised: 16, advisedWithinTarget: false });
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
