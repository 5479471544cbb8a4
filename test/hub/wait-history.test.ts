// A site's wait history: recorded on telemetry intake, one sample per site per
// minute of the hub's clock, a day kept, served to viewers over real HTTP.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { NotFoundError, UsageError } from '../../src/core/errors.js';
import type { SiteTelemetry } from '../../src/core/model.js';
import { migrate } from '../../src/hub/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/hub/store/sqlite/migrations.js';
import { sqliteOperations } from '../../src/hub/store/sqlite/operations.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

const START = Date.parse('2026-11-29T02:00:10.000Z');
let clock = START;
let hub: FixtureHub;
let siteFeed: CoreClient;
let viewer: CoreClient;

const report = (siteId: string, waitMinutes: number): SiteTelemetry => ({
  // The report's own clock is far off on purpose: the hub files it by its own.
  siteId,
  at: '2030-01-01T00:00:00.000Z',
  arrivalsPerHour: 600,
  queueLength: 40,
  waitMinutes,
  egatesInService: 1,
  countersOpen: 2,
});
const at = (minutesAfterStart: number) => new Date(Date.parse('2026-11-29T02:00:00.000Z') + minutesAfterStart * 60_000).toISOString();

beforeAll(async () => {
  hub = await startFixtureHub({ now: () => new Date(clock) });
  siteFeed = await hub.clientAs('intake', 'site-feed');
  viewer = await hub.clientAs('viewer', 'wall');
});

afterAll(async () => {
  await hub?.stop();
});

describe('wait history', () => {
  it('keeps the last report of each minute, leaves silent minutes out, and serves the window asked for', async () => {
    await siteFeed.ingestTelemetry([report('RUH', 5), report('JED', 30)]);
    clock += 20_000;
    await siteFeed.ingestTelemetry([report('ruh', 7)]); // same minute: replaces 5
    clock += 60_000; // minute 1
    await siteFeed.ingestTelemetry([report('RUH', 9)]);
    clock += 2 * 60_000; // minute 3; minute 2 had no report
    await siteFeed.ingestTelemetry([report('RUH', 12.5)]);

    expect(await viewer.waitHistory('ruh')).toEqual({
      siteId: 'RUH',
      samples: [
        { at: at(0), waitMinutes: 7 },
        { at: at(1), waitMinutes: 9 },
        { at: at(3), waitMinutes: 12.5 },
      ],
    });
    // The last two minutes: minute 2 (silent) and minute 3.
    expect((await viewer.waitHistory('RUH', { minutes: 2 })).samples).toEqual([{ at: at(3), waitMinutes: 12.5 }]);
    expect((await viewer.waitHistory('JED')).samples).toEqual([{ at: at(0), waitMinutes: 30 }]);
    expect(await viewer.waitHistory('LND-BATHA')).toEqual({ siteId: 'LND-BATHA', samples: [] });
  });

  it('rejects a bad window with 400 and names an unknown site with 404', async () => {
    for (const q of ['minutes=0', 'minutes=1441', 'minutes=ten', 'minutes=1.5', 'hours=1']) {
      const res = await rawRequest(`${hub.url}/v1/sites/RUH/wait-history?${q}`, { token: hub.adminToken! });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe('usage');
    }
    await expect(viewer.waitHistory('RUH', { minutes: 0 })).rejects.toBeInstanceOf(UsageError);
    const missing = await viewer.waitHistory('NOPE').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).message).toContain('NOPE');
  });

  it('needs a token', async () => {
    expect((await rawRequest(`${hub.url}/v1/sites/RUH/wait-history`)).status).toBe(401);
  });

  it('serves up to a day: the whole day, the current minute included', async () => {
    clock += (24 * 60 - 1) * 60_000; // minute 3 is now the oldest minute of the day
    await siteFeed.ingestTelemetry([report('RUH', 4)]);
    const day = await viewer.waitHistory('RUH', { minutes: 1440 });
    expect(day.samples.map((s) => s.waitMinutes)).toEqual([12.5, 4]);
  });
});

describe('wait history storage', () => {
  it('prunes by minute and keeps one row per site and minute', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      db.prepare(
        "INSERT INTO sites (id, name_en, name_ar, kind, region, city, lat, lon, staff) VALUES ('RUH', 'r', 'r', 'air', 'Riyadh', 'Riyadh', 0, 0, 1)",
      ).run();
      const ops = sqliteOperations(db);
      ops.recordWaitSamples([{ siteId: 'RUH', minute: 100, waitMinutes: 1 }], 0);
      ops.recordWaitSamples([{ siteId: 'RUH', minute: 100, waitMinutes: 2 }], 0);
      ops.recordWaitSamples([{ siteId: 'RUH', minute: 101, waitMinutes: 3 }], 0);
      expect(ops.listWaitSamples('ruh', 0)).toEqual([
        { siteId: 'RUH', minute: 100, waitMinutes: 2 },
        { siteId: 'RUH', minute: 101, waitMinutes: 3 },
      ]);
      ops.recordWaitSamples([{ siteId: 'RUH', minute: 102, waitMinutes: 4 }], 101);
      expect(ops.listWaitSamples('RUH', 0).map((s) => s.minute)).toEqual([101, 102]);
      // The prune is an index range, not a table scan.
      const plan = db.prepare('EXPLAIN QUERY PLAN DELETE FROM site_wait_history WHERE minute < 5').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('site_wait_history_minute');
    } finally {
      db.close();
    }
  });

  it('applies a step whose lower-numbered neighbour lands later', () => {
    const db = new Database(':memory:');
    // Step 11 alters the table the real step 4 makes, which this stand-in for step 4 does not.
    const others = MIGRATIONS.filter((m) => m.version !== 4 && m.version < 11);
    try {
      expect(migrate(db, others)).toBeGreaterThan(0);
      const later = { version: 4, name: 'landed later', sql: 'CREATE TABLE landed_later (id INTEGER PRIMARY KEY);' };
      expect(migrate(db, [...others, later])).toBe(1);
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toContain(5);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'landed_later'").pluck().get()).toBe('landed_later');
    } finally {
      db.close();
    }
  });
});
