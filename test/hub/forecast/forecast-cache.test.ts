// The fleet's forecasts and the breach list over the flow hours kept in memory
// (store/sqlite/flow-hour-cache.ts) are the very ones read straight from the
// file: the hub's own (its cache changed by its own intake) and a second
// connection's (which learns of the hub's writes by their revisions), before
// and after a new hour of telemetry lands between two reads.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import type { SiteTelemetry } from '../../../src/core/model.js';
import { forecastBreaches } from '../../../src/hub/forecast/breaches-service.js';
import { readPeakCalendar } from '../../../src/hub/forecast/peak-calendar-file.js';
import type { PeakCalendar } from '../../../src/hub/forecast/peak-calendar.js';
import { forecastFleet } from '../../../src/hub/forecast/site-forecast.js';
import { flowHistoryStatements } from '../../../src/hub/store/sqlite/flow-history-statements.js';
import { statementCache } from '../../../src/hub/store/sqlite/prepare.js';
import { openSqliteStore } from '../../../src/hub/store/sqlite/sqlite-store.js';
import type { Store, StoreReader } from '../../../src/hub/store/store.js';
import { HOUR_MS } from '../../../src/hub/telemetry/flow-history.js';
import { startFixtureHub, type FixtureHub } from '../hub-fixture.js';
import { warningFleet } from './early-warning-fleet.js';

const NOW = Date.parse('2026-11-29T10:20:00.000Z');
const LAST_HOUR = Math.floor(NOW / HOUR_MS);
const FIRST_HOUR = LAST_HOUR - 10 * 24;

let hub: FixtureHub;
let viewer: CoreClient;
let feed: CoreClient;
let peaksDir: string;
let calendar: PeakCalendar;
let second: Store;
let raw: Database.Database;
let uncached: StoreReader;

/** Two reports an hour, a daily shape and some noise; the land ports busier. */
function hourReports(hour: number): SiteTelemetry[] {
  return warningFleet().sites.map((site, i) => {
    const land = site.kind === 'land';
    const daily = 1 + 0.6 * Math.sin(((hour % 24) - 6 + i) * (Math.PI / 12));
    const arrivals = Math.round((land ? 700 : 40) * daily + ((hour * 7 + i * 13) % 17));
    const wait = 3 + ((hour + i) % 5);
    // The land ports overrun from two hours before NOW: 900 an hour at 8 desks, 600 waiting.
    const overrun = land && hour >= LAST_HOUR - 2;
    return [10, 40].map((minute) => ({
      siteId: site.id, at: new Date(hour * HOUR_MS + minute * 60_000).toISOString(), arrivalsPerHour: overrun ? 900 : arrivals + minute,
      queueLength: overrun ? 600 : Math.round((arrivals * wait) / 60), waitMinutes: overrun ? 50 : wait, egatesInService: 0, countersOpen: land ? 8 : 3, officersOnDuty: land ? 8 : 5,
    }));
  }).flat();
}

async function ingestHours(from: number, to: number): Promise<void> {
  const all: SiteTelemetry[] = [];
  for (let hour = from; hour < to; hour++) all.push(...hourReports(hour));
  for (let i = 0; i < all.length; i += 200) await feed.ingestTelemetry(all.slice(i, i + 200));
}

const asJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Checks the three agree; how many breaches the file's reading lists over 24 hours. */
async function expectTheSameForecasts(): Promise<number> {
  const options = { hours: 24, calendar, now: new Date(NOW) };
  const fromFile = await forecastFleet(uncached, options);
  expect(fromFile.forecasts.filter((f) => f.hours.length === 24)).toHaveLength(5);
  expect(await forecastFleet(second, options)).toEqual(fromFile);
  expect(await viewer.fleetForecasts({ hours: 24 })).toEqual(asJson(fromFile));
  let listed = 0;
  for (const hours of [6, 24]) {
    const breaches = await forecastBreaches(uncached, hours, new Date(NOW), calendar);
    expect(await forecastBreaches(second, hours, new Date(NOW), calendar)).toEqual(breaches);
    expect(await viewer.forecastBreaches({ hours })).toEqual(asJson(breaches));
    listed = breaches.breaches.length;
  }
  return listed;
}

beforeAll(async () => {
  peaksDir = mkdtempSync(join(tmpdir(), 'wf-peaks-'));
  const peaksFile = join(peaksDir, 'peaks.yaml');
  writeFileSync(peaksFile, 'peaks: []\n');
  calendar = readPeakCalendar(peaksFile);
  hub = await startFixtureHub({ now: () => new Date(NOW), fleet: warningFleet(), peaksFile });
  viewer = await hub.clientAs('viewer', 'wall');
  feed = await hub.clientAs('intake', 'feed');
  await ingestHours(FIRST_HOUR, LAST_HOUR);
  // A second connection to the hub's file, cached as the hub's is, and the same read straight from the file.
  second = openSqliteStore(hub.dataFile);
  raw = new Database(hub.dataFile, { readonly: true });
  const direct = flowHistoryStatements(statementCache(raw));
  uncached = Object.create(second, { listFlowHours: { value: async (q: Parameters<StoreReader['listFlowHours']>[0]) => direct.listFlowHours(q) } }) as StoreReader;
}, 60_000);

afterAll(async () => {
  await second?.close();
  raw?.close();
  await hub?.stop();
  if (peaksDir) rmSync(peaksDir, { recursive: true, force: true });
});

describe('forecasts over the flow hours kept in memory', () => {
  it('are those read from the file, before and after a new hour of telemetry lands between two reads', async () => {
    // The land ports' queues: the breach list has something to agree on.
    expect(await expectTheSameForecasts()).toBeGreaterThan(0);
    const before = await forecastFleet(second, { hours: 24, calendar, now: new Date(NOW) });
    // The next hour, and the one after it begun: a new completed hour to fit on, through the hub's intake.
    await ingestHours(LAST_HOUR, LAST_HOUR + 2);
    const after = await forecastFleet(second, { hours: 24, calendar, now: new Date(NOW) });
    expect(after.forecasts[0]!.from).not.toEqual(before.forecasts[0]!.from);
    await expectTheSameForecasts();
  }, 60_000);
});
