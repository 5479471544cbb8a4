// `--retain`: a hub started with a span removes telemetry, wait history,
// survey answers and health changes (each asset's latest kept) older than it, audits the pruning, and never touches the audit log or
// incidents — read back from the data file itself.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

const DAY = 86_400_000;
let clock = Date.parse('2026-06-01T08:00:00.000Z');
let hub: FixtureHub | undefined;
// Each hub below is closed keeping its data; only the directory is left to remove.
afterAll(() => hub && rmSync(hub.dir, { recursive: true, force: true }));

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

it('prunes telemetry and wait history past the span at start, audited; audit rows and incidents stay', async () => {
  hub = await startFixtureHub({ now: () => new Date(clock) });
  const feed = await hub.clientAs('intake', 'feed');
  const at = new Date(clock).toISOString();
  await feed.ingestTelemetry([{ siteId: 'RUH', at, arrivalsPerHour: 10, queueLength: 1, waitMinutes: 3, egatesInService: 1, countersOpen: 1 }]);
  await hub.admin.createIncident({ title: 'kept for ever', severity: 'sev4', siteId: 'RUH' });
  await hub.closeKeepingData();
  const file = join(hub.dir, 'hub.sqlite');
  // KPI history as the hub wrote it: two health changes of one desk, and survey answers now and the day after.
  const db = new Database(file);
  const change = db.prepare(
    `INSERT INTO asset_health_history (asset_id, site_id, kind, at, health, counted_health, previous_health, previous_counted_health) VALUES ('RUH/counter-01', 'RUH', 'counter', ?, ?, ?, ?, ?)`,
  );
  change.run(at, 'down', 'down', 'ok', 'ok');
  change.run(new Date(clock + 60_000).toISOString(), 'ok', 'ok', 'down', 'down');
  const answer = db.prepare(`INSERT INTO survey_answers (site_id, score, channel, at, received_at) VALUES ('RUH', 5, 'kiosk', ?, ?)`);
  answer.run(at, at);
  answer.run(new Date(clock + 2 * DAY).toISOString(), at);
  db.close();
  const auditBefore = count(file, 'SELECT count(*) AS n FROM audit');
  expect(count(file, 'SELECT count(*) AS n FROM site_telemetry')).toBe(1);
  expect(count(file, 'SELECT count(*) AS n FROM site_wait_history')).toBe(1);

  // Three days on, a hub that keeps two.
  clock += 3 * DAY;
  hub = await startFixtureHub({ dir: hub.dir, now: () => new Date(clock), retainMs: 2 * DAY, adminToken: undefined });
  await hub.closeKeepingData();
  expect(count(file, 'SELECT count(*) AS n FROM site_telemetry')).toBe(0);
  expect(count(file, 'SELECT count(*) AS n FROM site_wait_history')).toBe(0);
  expect(count(file, "SELECT count(*) AS n FROM incidents WHERE title = 'kept for ever'")).toBe(1);
  expect(count(file, 'SELECT count(*) AS n FROM audit')).toBeGreaterThan(auditBefore);
  expect(count(file, "SELECT count(*) AS n FROM audit WHERE action = 'retention.pruned'")).toBe(1);
  // The desk's latest change stays (it is its counted health now); the one before it goes, as does the old answer.
  expect(count(file, "SELECT count(*) AS n FROM asset_health_history WHERE health = 'ok'")).toBe(1);
  expect(count(file, 'SELECT count(*) AS n FROM asset_health_history')).toBe(1);
  expect(count(file, 'SELECT count(*) AS n FROM survey_answers')).toBe(1);
  expect(hub.logs.join('\n')).toContain('retention: removed 1 telemetry reports, 1 wait samples, 1 health changes and 1 survey answers older than 2d');
}, 60_000);
