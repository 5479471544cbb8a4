// Each site's recent reports kept in the hub's memory (telemetry/recent-reports.ts)
// for the nowcast's climb within the hour: bounded, in order, and kept only
// once the telemetry intake's transaction commits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SiteTelemetry } from '../../src/core/model.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import { recordFlowHours } from '../../src/hub/telemetry/flow-history.js';
import { RECENT_REPORTS_MAX, RECENT_REPORTS_SPAN_MS, RecentReportBook } from '../../src/hub/telemetry/recent-reports.js';

const T0 = Date.UTC(2026, 11, 2, 10);
const report = (siteId: string, atMs: number, arrivalsPerHour: number, open = true): SiteTelemetry => ({
  siteId, at: new Date(atMs).toISOString(), arrivalsPerHour, queueLength: 0, waitMinutes: 1, egatesInService: 0, countersOpen: open ? 2 : 0,
});

describe('the recent reports a site keeps', () => {
  it('keeps them in order of their time, a late one in its place, under any spelling of the site id', () => {
    const book = new RecentReportBook();
    book.add([report('RUH', T0, 1), report('ruh', T0 + 120_000, 3), report('RUH', T0 + 60_000, 2, false)]);
    expect(book.of('Ruh').map((r) => [r.arrivalsPerHour, r.open])).toEqual([[1, true], [2, false], [3, true]]);
    expect(book.of('JED')).toEqual([]);
  });

  it(`keeps ${RECENT_REPORTS_SPAN_MS / 3_600_000} h back from the newest, at most ${RECENT_REPORTS_MAX}, and drops one older than that`, () => {
    const book = new RecentReportBook();
    book.add(Array.from({ length: 1_000 }, (_, i) => report('RUH', T0 + i * 1_000, i)));
    expect(book.of('RUH').length).toBe(RECENT_REPORTS_MAX);
    expect(book.of('RUH').at(-1)!.arrivalsPerHour).toBe(999);
    book.add([report('RUH', T0 + 999_000 + RECENT_REPORTS_SPAN_MS, 5)]);
    expect(book.of('RUH').map((r) => r.arrivalsPerHour)).toEqual([999, 5]);
    book.add([report('RUH', T0, 7)]);
    expect(book.of('RUH').map((r) => r.arrivalsPerHour)).toEqual([999, 5]);
  });

  it('ignores a report whose time or rate is not a number', () => {
    const book = new RecentReportBook();
    book.add([{ ...report('RUH', T0, 1), at: 'not a time' }, report('RUH', T0, Number.NaN)]);
    expect(book.of('RUH')).toEqual([]);
  });
});

describe('the recent reports through the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-recent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are fed by the flow hours\' write, kept at commit and forgotten when the transaction rolls back', async () => {
    const store = openSqliteStore(join(dir, 'hub.sqlite'));
    try {
      await store.transaction((tx) => recordFlowHours(tx, [report('RUH', T0, 10), report('RUH', T0 + 300_000, 20)]));
      await expect(
        store.transaction(async (tx) => {
          await recordFlowHours(tx, [report('RUH', T0 + 600_000, 30)]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect((await store.listRecentReports('RUH')).map((r) => r.arrivalsPerHour)).toEqual([10, 20]);
    } finally {
      await store.close();
    }
  });
});
