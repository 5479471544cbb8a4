// The SQLite statements of site telemetry and the wait history.
import type { SiteTelemetry } from '../../../core/model.js';
import type { TelemetryReader, TelemetryWriter, WaitMinuteSample } from '../telemetry-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import { telemetryFromRow, telemetryToRow, type TelemetryRow } from './rows.js';

export function telemetryStatements(sql: Prepare): Synchronous<TelemetryReader & TelemetryWriter> {
  return {
    listTelemetry: (): SiteTelemetry[] => (sql('SELECT * FROM site_telemetry ORDER BY site_id').all() as TelemetryRow[]).map(telemetryFromRow),

    telemetryOf(siteId: string): SiteTelemetry | undefined {
      const row = sql('SELECT * FROM site_telemetry WHERE site_id = ? COLLATE NOCASE LIMIT 1').get(siteId) as TelemetryRow | undefined;
      return row && telemetryFromRow(row);
    },

    upsertTelemetry(telemetry: SiteTelemetry[]): void {
      const upsert = sql(
        `INSERT INTO site_telemetry (site_id, at, arrivals_per_hour, queue_length, wait_minutes, egates_in_service, counters_open, contact_centre)
         VALUES (@site_id, @at, @arrivals_per_hour, @queue_length, @wait_minutes, @egates_in_service, @counters_open, @contact_centre)
         ON CONFLICT(site_id) DO UPDATE SET at = excluded.at, arrivals_per_hour = excluded.arrivals_per_hour,
           queue_length = excluded.queue_length, wait_minutes = excluded.wait_minutes,
           egates_in_service = excluded.egates_in_service, counters_open = excluded.counters_open,
           contact_centre = excluded.contact_centre`,
      );
      for (const t of telemetry) upsert.run(telemetryToRow(t));
    },

    listWaitSamples(siteId: string, fromMinute: number): WaitMinuteSample[] {
      const rows = sql(
        `SELECT site_id, minute, wait_minutes FROM site_wait_history
          WHERE site_id = ? COLLATE NOCASE AND minute >= ? ORDER BY minute`,
      ).all(siteId, fromMinute) as { site_id: string; minute: number; wait_minutes: number }[];
      return rows.map((r) => ({ siteId: r.site_id, minute: r.minute, waitMinutes: r.wait_minutes }));
    },

    recordWaitSamples(samples: WaitMinuteSample[], keepFromMinute: number): void {
      const record = sql(
        `INSERT INTO site_wait_history (site_id, minute, wait_minutes) VALUES (?, ?, ?)
         ON CONFLICT(site_id, minute) DO UPDATE SET wait_minutes = excluded.wait_minutes`,
      );
      for (const s of samples) record.run(s.siteId, s.minute, s.waitMinutes);
      // An index range: nothing to scan once the old minutes are gone.
      sql('DELETE FROM site_wait_history WHERE minute < ?').run(keepFromMinute);
    },

    pruneTelemetry(before: string, beforeMinute: number): { telemetry: number; waitSamples: number } {
      return {
        telemetry: sql('DELETE FROM site_telemetry WHERE at < ?').run(before).changes,
        waitSamples: sql('DELETE FROM site_wait_history WHERE minute < ?').run(beforeMinute).changes,
      };
    },
  };
}
