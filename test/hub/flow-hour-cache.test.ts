// The flow hours kept in memory (store/sqlite/flow-hour-cache.ts) must read
// exactly as the rows in the file: through the store's own transactions, one
// that rolls back, and writes by another connection to the same file (a
// second hub), which this one only learns of through the revisions of
// migration 31. Checked against the same queries read straight from the file.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteTelemetry } from '../../src/core/model.js';
import { flowHistoryStatements } from '../../src/hub/store/sqlite/flow-history-statements.js';
import { statementCache } from '../../src/hub/store/sqlite/prepare.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { FlowHourQuery, Store } from '../../src/hub/store/store.js';
import { HOUR_MS, recordFlowHours } from '../../src/hub/telemetry/flow-history.js';

const START = Date.UTC(2026, 10, 20) / HOUR_MS;
const SITES = ['RUH', 'JED', 'DMM_X', 'AbhA'];

let dir: string;
let file: string;
let one: Store;
let two: Store;
let raw: Database.Database;
let direct: ReturnType<typeof flowHistoryStatements>;

/** Deterministic, uneven reports: a site's hour gets 0–3 of them. */
function reports(siteId: string, fromHour: number, toHour: number, seed: number): SiteTelemetry[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: SiteTelemetry[] = [];
  for (let hour = fromHour; hour < toHour; hour++) {
    const n = Math.floor(next() * 4);
    for (let i = 0; i < n; i++) {
      out.push({
        siteId, at: new Date(hour * HOUR_MS + Math.floor(next() * 59) * 60_000).toISOString(), arrivalsPerHour: Math.round(next() * 900),
        queueLength: Math.round(next() * 200), waitMinutes: Math.round(next() * 700) / 10, egatesInService: 2, countersOpen: 1 + Math.floor(next() * 8),
        ...(next() < 0.5 ? { officersOnDuty: 4, processedPerHour: 300.5 } : {}),
      });
    }
  }
  return out;
}

const queries = (): FlowHourQuery[] => [
  { fromHour: START - 1000, toHour: START + 1000 },
  { fromHour: START + 30, toHour: START + 31 },
  { fromHour: START + 40, toHour: START + 20 },
  { fromHour: Number.NaN, toHour: START + 20 },
  ...SITES.flatMap((id) => [
    { siteId: id, fromHour: START - 5, toHour: START + 1000 },
    { siteId: id.toLowerCase(), fromHour: START + 7, toHour: START + 48 },
    { siteId: id.toUpperCase(), fromHour: START + 47, toHour: START + 48 },
  ]),
  { siteId: 'NOWHERE', fromHour: START, toHour: START + 100 },
];

async function expectAsInTheFile(store: Store): Promise<void> {
  for (const q of queries()) expect(await store.listFlowHours(q), JSON.stringify(q)).toEqual(direct.listFlowHours(q));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-flowcache-'));
  file = join(dir, 'hub.sqlite');
  one = openSqliteStore(file);
  two = openSqliteStore(file);
  raw = new Database(file, { readonly: true });
  direct = flowHistoryStatements(statementCache(raw));
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  raw?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the flow hours kept in memory', () => {
  it('read as the file does, through this store’s writes, a rollback, and another connection’s writes and prunes', async () => {
    // Read before any write: nothing kept, nothing found.
    expect(await one.listFlowHours({ fromHour: START - 1000, toHour: START + 1000 })).toEqual([]);
    await one.transaction((tx) => recordFlowHours(tx, SITES.flatMap((id, i) => reports(id, START, START + 48, i + 1))));
    expect(direct.listFlowHours({ fromHour: START, toHour: START + 48 }).length).toBeGreaterThan(100);
    await expectAsInTheFile(one);

    // The same sites' newest hour and a new one, through this connection (the cache is warm now).
    await one.transaction((tx) => recordFlowHours(tx, SITES.flatMap((id, i) => reports(id, START + 47, START + 49, i + 11))));
    await expectAsInTheFile(one);

    // A transaction that wrote hours and then failed leaves nothing behind.
    const before = await one.listFlowHours({ fromHour: START - 1000, toHour: START + 1000 });
    await expect(
      one.transaction(async (tx) => {
        await recordFlowHours(tx, reports('RUH', START + 48, START + 60, 99));
        expect((await tx.listFlowHours({ siteId: 'RUH', fromHour: START + 49, toHour: START + 60 })).length).toBeGreaterThan(0);
        throw new Error('refused after writing');
      }),
    ).rejects.toThrow('refused after writing');
    expect(await one.listFlowHours({ fromHour: START - 1000, toHour: START + 1000 })).toEqual(before);
    await expectAsInTheFile(one);

    // Another connection writes two of the sites, a new site, and prunes one down to its newest 10 hours.
    await two.transaction(async (tx) => {
      await recordFlowHours(tx, [...reports('jed', START + 48, START + 52, 21), ...reports('TIF', START, START + 5, 22)]);
      await tx.pruneFlowHours(['abha'], 10);
    });
    expect(direct.listFlowHours({ siteId: 'ABHA', fromHour: START - 1000, toHour: START + 1000 })).toHaveLength(10);
    await expectAsInTheFile(one);
    expect(await one.listFlowHours({ siteId: 'tif', fromHour: START, toHour: START + 5 })).toEqual(direct.listFlowHours({ siteId: 'TIF', fromHour: START, toHour: START + 5 }));
    await expectAsInTheFile(two);

    // Prunes through this connection, whose cache holds every site: one with more hours than kept, one with fewer.
    const ruhHours = direct.listFlowHours({ siteId: 'RUH', fromHour: 0, toHour: START + 1000 }).length;
    expect(ruhHours).toBeGreaterThan(12);
    expect(await one.transaction((tx) => tx.pruneFlowHours(['ruh', 'TIF'], 12))).toBe(ruhHours - 12);
    expect(direct.listFlowHours({ siteId: 'TIF', fromHour: 0, toHour: START + 1000 }).length).toBeGreaterThan(0);
    await expectAsInTheFile(one);
    await expectAsInTheFile(two);
  });

  it('hands out hours no reader can change under the others', async () => {
    const [hour] = await one.listFlowHours({ siteId: 'RUH', fromHour: START, toHour: START + 48 });
    expect(hour).toBeDefined();
    expect(() => ((hour as { reports: number }).reports = -1)).toThrow(TypeError);
    expect((await one.listFlowHours({ siteId: 'RUH', fromHour: START, toHour: START + 48 }))[0]).toEqual(direct.listFlowHours({ siteId: 'RUH', fromHour: START, toHour: START + 48 })[0]);
  });
});
