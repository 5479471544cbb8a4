// `GET /v1/sites/:id/forecast` and `watchfloor forecast SITE` over a real hub
// fed three weeks of hourly telemetry through the real intake: the forecast
// follows the site's own daily and weekly pattern, the calendar's peaks
// multiply it, bad input is one clear error, and reads need a person's token.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ConfigError, UsageError } from '../../src/core/errors.js';
import type { SiteTelemetry } from '../../src/core/model.js';
import { runCli } from '../helpers/cli.js';
import { historyHubAround } from './forecast/history-hub.js';
import { rawRequest, type FixtureHub } from './hub-fixture.js';

const HOUR_MS = 3_600_000;
// The reports' clock (a fast demo clock would be ahead of the hub's): three weeks up to a Monday 00:00 UTC.
const FIRST_HOUR = Date.parse('2027-01-04T00:00:00.000Z') / HOUR_MS - 3 * 168;
const LAST_HOUR = FIRST_HOUR + 3 * 168; // the forecast starts here

/** Arrivals with a daily shape and a busy Friday, so the pattern is known exactly. */
const pattern = (hour: number) => {
  const hd = hour % 24;
  const weekday = new Date(hour * HOUR_MS).getUTCDay();
  return 300 + 200 * Math.sin((2 * Math.PI * (hd - 6)) / 24) + (weekday === 5 ? 250 : 0);
};

const report = (hour: number, minute: number, arrivalsPerHour: number): SiteTelemetry => ({
  siteId: 'RUH',
  at: new Date(hour * HOUR_MS + minute * 60_000).toISOString(),
  arrivalsPerHour,
  queueLength: 10,
  waitMinutes: 4,
  egatesInService: 4,
  countersOpen: 3,
});

// Two reports an hour, a little noise (±5 %) that is the same each run.
const history = historyHubAround(() => {
  const reports: SiteTelemetry[] = [];
  for (let h = FIRST_HOUR; h <= LAST_HOUR; h++) {
    for (const minute of [10, 40]) reports.push(report(h, minute, Math.round(pattern(h) * (1 + 0.05 * Math.sin(h * 12.9898 + minute)))));
  }
  return reports;
});
let hub: FixtureHub;
let viewer: CoreClient;
let peaksFile: string;
beforeAll(() => {
  ({ hub, viewer, peaksFile } = history);
});

describe('site forecast', () => {
  it('follows the site’s daily and weekly pattern from its own history, from its current hour', async () => {
    const f = await viewer.siteForecast('ruh', { hours: 24 * 5 });
    expect(f).toMatchObject({ siteId: 'RUH', method: 'double-seasonal', historyHours: 3 * 168, interval: 0.9, calendar: peaksFile });
    expect(f.from).toBe(new Date(LAST_HOUR * HOUR_MS).toISOString());
    expect(f.hours).toHaveLength(120);
    expect(f.hours[0]!.at).toBe(f.from);
    let inside = 0;
    f.hours.forEach((h, i) => {
      const truth = pattern(LAST_HOUR + i);
      expect(Math.abs(h.arrivalsPerHour - truth), h.at).toBeLessThan(0.1 * truth + 15);
      if (truth >= h.lower && truth <= h.upper) inside++;
      expect(h.lower).toBeLessThanOrEqual(h.arrivalsPerHour);
      expect(h.upper).toBeGreaterThanOrEqual(h.arrivalsPerHour);
      expect(h.peaks).toEqual([]);
      // The queueing model's advice never goes past the 3 counters the site has shown it opens.
      expect(h.countersAdvised).toBeGreaterThanOrEqual(0);
      expect(h.countersAdvised).toBeLessThanOrEqual(3);
    });
    // With the same counters and gates in service, the busiest hour waits at least as long as the quietest (null: no end to the queue).
    const waitOf = (h: (typeof f.hours)[number]) => h.predictedWaitMinutes ?? Number.POSITIVE_INFINITY;
    const byArrivals = [...f.hours].sort((a, b) => a.arrivalsPerHour - b.arrivalsPerHour);
    expect(waitOf(byArrivals.at(-1)!)).toBeGreaterThanOrEqual(waitOf(byArrivals[0]!));
    expect(byArrivals.at(-1)!.countersAdvised!).toBeGreaterThanOrEqual(byArrivals[0]!.countersAdvised!);
    expect(inside / f.hours.length).toBeGreaterThan(0.8);
    // Friday (the fifth day ahead from Monday) is busier than Thursday at the same hour.
    expect(f.hours[4 * 24 + 12]!.arrivalsPerHour - f.hours[3 * 24 + 12]!.arrivalsPerHour).toBeGreaterThan(150);
  });

  it('multiplies in the calendar’s peaks for the sites they name, read afresh at each request', async () => {
    const day = new Date(LAST_HOUR * HOUR_MS + 3 * HOUR_MS).toISOString().slice(0, 10); // Riyadh's date of the first hour
    writeFileSync(peaksFile, `peaks:\n  - name: Test peak\n    from: ${day}\n    to: ${day}\n    factor: 2\n    sites: [RUH]\n  - name: Elsewhere\n    from: ${day}\n    to: ${day}\n    factor: 3\n    kinds: [sea]\n`);
    const plain = await viewer.siteForecast('RUH', { hours: 6 });
    writeFileSync(peaksFile, 'peaks: []\n');
    const without = await viewer.siteForecast('RUH', { hours: 6 });
    plain.hours.forEach((h, i) => {
      expect(h.peaks).toEqual(['Test peak']);
      expect(h.arrivalsPerHour).toBeCloseTo(2 * without.hours[i]!.arrivalsPerHour, -1);
    });
  });

  it('a broken calendar is one error naming the file and line; the hub goes on', async () => {
    writeFileSync(peaksFile, 'peaks:\n  - name: Bad\n    from: 2027-01-01\n    to: 2026-01-01\n    factor: 2\n');
    const err = await viewer.siteForecast('RUH').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(`peak calendar ${peaksFile}:4: peaks[0].to: \`to\` is before \`from\``);
    writeFileSync(peaksFile, 'peaks: []\n');
    expect((await viewer.siteForecast('RUH', { hours: 1 })).hours).toHaveLength(1);
  });

  it('moves on with the site’s clock: a report in a new hour refits on the hour that just ended', async () => {
    const before = await viewer.siteForecast('RUH', { hours: 2 });
    expect(await viewer.siteForecast('RUH', { hours: 2 })).toEqual({ ...before, generatedAt: expect.any(String) });
    const feed = await hub.clientAs('intake', 'late-feed');
    await feed.ingestTelemetry([report(LAST_HOUR, 50, 5000), report(LAST_HOUR + 1, 5, pattern(LAST_HOUR + 1))]);
    const after = await viewer.siteForecast('RUH', { hours: 2 });
    expect(after.from).toBe(new Date((LAST_HOUR + 1) * HOUR_MS).toISOString());
    expect(after.historyHours).toBe(before.historyHours + 1);
    expect(after.hours[0]!.at).toBe(before.hours[1]!.at);
    // The hour that ended ran far above the pattern: the level rose with it.
    expect(after.hours[0]!.arrivalsPerHour).toBeGreaterThan(before.hours[1]!.arrivalsPerHour);
  });

  it('a site with no history gets no hours, not an error', async () => {
    const f = await viewer.siteForecast('JED');
    expect(f).toMatchObject({ siteId: 'JED', from: null, method: 'none', historyHours: 0, hours: [] });
  });

  it('every site in one request: the same forecasts as one request a site; bad hours 400, a person’s token', async () => {
    const fleet = await viewer.fleetForecasts({ hours: 12 });
    expect(fleet.hours).toBe(12);
    const ruh = fleet.forecasts.find((f) => f.siteId === 'RUH')!;
    expect({ ...ruh, generatedAt: '' }).toEqual({ ...(await viewer.siteForecast('RUH', { hours: 12 })), generatedAt: '' });
    expect(fleet.forecasts.find((f) => f.siteId === 'JED')).toMatchObject({ method: 'none', hours: [] });
    expect(fleet.forecasts).toHaveLength((await viewer.fleetStatus()).sites.length);
    expect((await rawRequest(`${hub.url}/v1/forecasts?hours=169`, { token: hub.adminToken! })).status).toBe(400);
    const intake = await hub.clientAs('intake', 'feed-3');
    expect((await rawRequest(`${hub.url}/v1/forecasts`, { token: intake.secret })).status).toBe(403);
  });

  it('rejects bad hours with 400, an unknown site with 404, and reads need a person’s token', async () => {
    for (const q of ['hours=0', 'hours=169', 'hours=1.5', 'hours=x', 'days=1']) {
      const res = await rawRequest(`${hub.url}/v1/sites/RUH/forecast?${q}`, { token: hub.adminToken! });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe('usage');
    }
    await expect(viewer.siteForecast('RUH', { hours: 0 })).rejects.toBeInstanceOf(UsageError);
    expect((await rawRequest(`${hub.url}/v1/sites/NOPE/forecast`, { token: hub.adminToken! })).status).toBe(404);
    expect((await rawRequest(`${hub.url}/v1/sites/RUH/forecast`)).status).toBe(401);
    const intake = await hub.clientAs('intake', 'feed-2');
    expect((await rawRequest(`${hub.url}/v1/sites/RUH/forecast`, { token: intake.secret })).status).toBe(403);
  });
});

describe('watchfloor forecast (the built CLI)', () => {
  const env = () => history.cliEnvironment();

  it('--json prints the documented shape', async () => {
    const r = await runCli(['forecast', 'ruh', '--hours', '3', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['forecast']);
    expect(Object.keys(doc.forecast)).toEqual(['siteId', 'generatedAt', 'from', 'method', 'historyHours', 'interval', 'calendar', 'hours']);
    expect(doc.forecast.hours).toHaveLength(3);
    expect(Object.keys(doc.forecast.hours[0])).toEqual(['at', 'arrivalsPerHour', 'lower', 'upper', 'peaks', 'predictedWaitMinutes', 'countersAdvised']);
  });

  it('piped text is a line an hour, tab-separated; bad input is one line and exit 2', async () => {
    const r = await runCli(['forecast', 'RUH', '--hours', '2'], env());
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('at\tarrivalsPerHour\tlower\tupper\tpredictedWaitMinutes\tcountersAdvised\tpeaks');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split('\t')[0]).toBe((await viewer.siteForecast('RUH', { hours: 1 })).from);
    for (const args of [['forecast'], ['forecast', 'RUH', '--hours', '0'], ['forecast', 'RUH', '--hours', '200']]) {
      const bad = await runCli(args, env());
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.trim().split('\n')[0]).toMatch(/forecast needs a site|--hours/);
    }
  });
});
