// A day of each site's wait, one sample a minute, so a screen opened now can
// draw the last hour at once. Minutes are the hub's own clock, not the
// reports' `at`: a site with a wrong clock (or the demo's fast one) still
// lands one sample per real minute.
import { WAIT_HISTORY_MINUTES } from '../../core/vocabulary.js';
import type { SiteTelemetry, WaitHistory } from '../../core/model.js';
import type { StoreReader, StoreWriter } from '../store/store.js';

const MINUTE_MS = 60_000;

export const minuteOf = (at: Date): number => Math.floor(at.getTime() / MINUTE_MS);

/** Called inside the intake's transaction, with the reports already under their canonical site ids. */
export async function recordWaits(tx: StoreWriter, reports: readonly SiteTelemetry[], now: Date): Promise<void> {
  const minute = minuteOf(now);
  const samples = reports.map((r) => ({ siteId: r.siteId, minute, waitMinutes: r.waitMinutes }));
  await tx.recordWaitSamples(samples, minute - WAIT_HISTORY_MINUTES.max);
}

/** The last `minutes` minutes, the current one included. */
export async function readWaitHistory(store: StoreReader, siteId: string, minutes: number, now: Date): Promise<WaitHistory> {
  const rows = await store.listWaitSamples(siteId, minuteOf(now) - minutes + 1);
  return {
    siteId,
    samples: rows.map((r) => ({ at: new Date(r.minute * MINUTE_MS).toISOString(), waitMinutes: r.waitMinutes })),
  };
}
