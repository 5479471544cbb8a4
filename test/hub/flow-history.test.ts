// The hourly flow history: recorded on telemetry intake by the hour of each
// report's own `at` (not the hub's clock), summed so the hour's means, wait
// median and p90 come back without the reports, and capped per site by count.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { SiteTelemetry } from '../../src/core/model.js';
import { migrate } from '../../src/hub/store/sqlite/migrate.js';
import { sqliteOperations } from '../../src/hub/store/sqlite/operations.js';
import type { StoreReader } from '../../src/hub/store/store.js';
import { FLOW_HISTORY_HOURS, WAIT_BUCKET_UPPER_MINUTES, readFlowHour, readFlowHours, waitQuantile, waitShareWithin } from '../../src/hub/telemetry/flow-history.js';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let siteFeed: CoreClient;

const report = (siteId: string, at: string, waitMinutes: number, extra: Partial<SiteTelemetry> = {}): SiteTelemetry => ({
  siteId,
  at,
  arrivalsPerHour: 600,
  queueLength: 40,
  waitMinutes,
  egatesInService: 4,
  countersOpen: 2,
  ...extra,
});

/** The hub's file read beside it, as the KPI and forecast code read it (through the store's reader). */
function reader(dataFile: string): { store: StoreReader; close(): void } {
  const db = new Database(dataFile, { readonly: true });
  const ops = sqliteOperations(db);
  const store = { listFlowHours: async (q: Parameters<StoreReader['listFlowHours']>[0]) => ops.listFlowHours(q) } as unknown as StoreReader;
  return { store, close: () => db.close() };
}

beforeAll(async () => {
  // The hub's clock stays in 2026; the reports' clock is a week on, fast, as the demo's is.
  hub = await startFixtureHub({ now: () => new Date('2026-11-29T02:00:00.000Z') });
  siteFeed = await hub.clientAs('intake', 'site-feed');
});

afterAll(async () => {
  await hub?.stop();
});

describe('flow history', () => {
  it('files reports by the hour of their own clock and summarises each hour', async () => {
    await siteFeed.ingestTelemetry([
      report('RUH', '2026-12-06T10:05:00.000Z', 2, { arrivalsPerHour: 500, processedPerHour: 480, officersOnDuty: 20 }),
      report('JED', '2026-12-06T10:05:00.000Z', 45),
    ]);
    await siteFeed.ingestTelemetry([report('ruh', '2026-12-06T10:35:00.000Z', 9, { arrivalsPerHour: 700, countersOpen: 4 })]);
    await siteFeed.ingestTelemetry([report('RUH', '2026-12-06T10:59:59.999Z', 30, { arrivalsPerHour: 900, processedPerHour: 520, officersOnDuty: 22 })]);
    await siteFeed.ingestTelemetry([report('RUH', '2026-12-06T11:00:00.000Z', 1)]);

    const { store, close } = reader(hub.dataFile);
    try {
      const hours = await readFlowHours(store, { siteId: 'ruh', from: new Date('2026-12-06T10:30:00Z'), to: new Date('2026-12-06T11:00:00Z') });
      expect(hours).toHaveLength(1);
      const h = hours[0]!;
      expect(h).toMatchObject({
        siteId: 'RUH',
        hourStart: '2026-12-06T10:00:00.000Z',
        reports: 3,
        arrivalsPerHour: 700,
        processed: 500, // only the reports that had it
        waitMeanMinutes: 13.67,
        waitMaxMinutes: 30,
        countersOpen: 2.67,
        egatesInService: 4,
        officersOnDuty: 21,
      });
      // Waits 2, 9, 30: the median falls in the (8, 10] bucket, the p90 in (25, 30].
      expect(h.waitMedianMinutes).toBeGreaterThan(8);
      expect(h.waitMedianMinutes).toBeLessThanOrEqual(10);
      expect(h.waitP90Minutes).toBeGreaterThan(25);
      expect(h.waitP90Minutes).toBeLessThanOrEqual(30);
      expect(waitShareWithin(h, 10)).toBeCloseTo(2 / 3);
      expect(waitShareWithin(h, 1)).toBe(0);

      const all = await readFlowHours(store, { from: new Date('2026-12-06T00:00:00Z'), to: new Date('2026-12-07T00:00:00Z') });
      expect(all.map((x) => [x.siteId, x.hourStart, x.reports, x.processed, x.officersOnDuty])).toEqual([
        ['JED', '2026-12-06T10:00:00.000Z', 1, null, null],
        ['RUH', '2026-12-06T10:00:00.000Z', 3, 500, 21],
        ['RUH', '2026-12-06T11:00:00.000Z', 1, null, null],
      ]);
      // One hour by an instant in it, the hour's own start included (a range from it to itself holds nothing).
      expect((await readFlowHour(store, 'ruh', new Date('2026-12-06T10:00:00Z')))?.reports).toBe(3);
      expect((await readFlowHour(store, 'RUH', new Date('2026-12-06T11:59:59Z')))?.reports).toBe(1);
      expect(await readFlowHour(store, 'RUH', new Date('2026-12-06T12:00:00Z'))).toBeUndefined();
    } finally {
      close();
    }
  });

  it("takes a report older than the site's latest as history: its hour fills, the latest report stays", async () => {
    // Newest first, as an import of past hours comes (src/sim/past-flow-import.ts).
    await siteFeed.ingestTelemetry([report('JED', '2026-12-06T10:40:00.000Z', 4), report('JED', '2026-12-05T09:10:00.000Z', 99), report('JED', '2026-12-05T08:10:00.000Z', 98)]);
    await siteFeed.ingestTelemetry([report('JED', '2026-12-06T10:39:00.000Z', 97)]);
    const jed = (await hub.admin.fleetStatus()).sites.find((x) => x.id === 'JED');
    expect(jed).toMatchObject({ reportedAt: '2026-12-06T10:40:00.000Z', waitMinutes: 4 });
    const { store, close } = reader(hub.dataFile);
    try {
      const past = await readFlowHours(store, { siteId: 'JED', from: new Date('2026-12-05T08:00Z'), to: new Date('2026-12-05T10:00Z') });
      expect(past.map((h) => [h.hourStart, h.reports, h.waitMeanMinutes])).toEqual([
        ['2026-12-05T08:00:00.000Z', 1, 98],
        ['2026-12-05T09:00:00.000Z', 1, 99],
      ]);
    } finally {
      close();
    }
  });

  it('a batch with an unknown site records no hour at all', async () => {
    await expect(siteFeed.ingestTelemetry([report('RUH', '2026-12-06T12:10:00.000Z', 3), report('NOPE', '2026-12-06T12:10:00.000Z', 3)])).rejects.toThrow(/NOPE/);
    const { store, close } = reader(hub.dataFile);
    try {
      expect(await readFlowHours(store, { siteId: 'RUH', from: new Date('2026-12-06T12:00:00Z'), to: new Date('2026-12-06T13:00:00Z') })).toEqual([]);
    } finally {
      close();
    }
  });
});

describe('flow history storage', () => {
  it('keeps the newest hours per site by count, so a clock that jumps ahead costs one hour, not the history', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      const ops = sqliteOperations(db);
      const row = (siteId: string, hour: number) => ({
        siteId, hour, reports: 1, arrivalsSum: 1, processedSum: 0, processedReports: 0, waitSum: 0, waitMax: 0,
        waitCounts: WAIT_BUCKET_UPPER_MINUTES.map(() => 0), countersSum: 0, egatesSum: 0, officersSum: 0, officersReports: 0,
        aiAnsweredSum: 0, peopleAnsweredSum: 0, abandonedSum: 0, contactReports: 0, queueSum: 0,
      });
      ops.upsertFlowHours([row('RUH', 10), row('RUH', 11), row('RUH', 12), row('JED', 1)]);
      expect(ops.pruneFlowHours(['RUH', 'JED'], 5)).toBe(0);
      ops.upsertFlowHours([row('RUH', 1_000_000)]); // a site clock decades ahead
      expect(ops.pruneFlowHours(['ruh'], 3)).toBe(1);
      expect(ops.listFlowHours({ siteId: 'RUH', fromHour: 0, toHour: 2_000_000 }).map((r) => r.hour)).toEqual([11, 12, 1_000_000]);
      expect(ops.listFlowHours({ fromHour: 0, toHour: 12 }).map((r) => `${r.siteId}@${r.hour}`)).toEqual(['JED@1', 'RUH@11']);
      expect(FLOW_HISTORY_HOURS).toBe(8 * 7 * 24);
    } finally {
      db.close();
    }
  });

  it('interpolates quantiles inside a bucket and never beyond the largest wait', () => {
    const counts = WAIT_BUCKET_UPPER_MINUTES.map(() => 0);
    counts[WAIT_BUCKET_UPPER_MINUTES.indexOf(Infinity)] = 2; // two waits over 600 minutes, the largest 640
    expect(waitQuantile({ waitCounts: counts, waitMax: 640, reports: 2 }, 0.5)).toBe(620);
    expect(waitQuantile({ waitCounts: counts, waitMax: 640, reports: 2 }, 1)).toBe(640);
    expect(waitQuantile({ waitCounts: counts, waitMax: 0, reports: 0 }, 0.9)).toBe(0);
  });
});
