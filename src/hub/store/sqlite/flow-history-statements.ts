// The SQLite statements of the hourly flow history.
import type { FlowHistoryReader, FlowHistoryWriter, FlowHourQuery, FlowHourRecord } from '../flow-history-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface FlowHourRow {
  site_id: string;
  hour: number;
  reports: number;
  arrivals_sum: number;
  processed_sum: number;
  processed_reports: number;
  wait_sum: number;
  wait_max: number;
  wait_counts: string;
  counters_sum: number;
  egates_sum: number;
  officers_sum: number;
  officers_reports: number;
}

const fromRow = (r: FlowHourRow): FlowHourRecord => ({
  siteId: r.site_id,
  hour: r.hour,
  reports: r.reports,
  arrivalsSum: r.arrivals_sum,
  processedSum: r.processed_sum,
  processedReports: r.processed_reports,
  waitSum: r.wait_sum,
  waitMax: r.wait_max,
  waitCounts: JSON.parse(r.wait_counts) as number[],
  countersSum: r.counters_sum,
  egatesSum: r.egates_sum,
  officersSum: r.officers_sum,
  officersReports: r.officers_reports,
});

export function flowHistoryStatements(sql: Prepare): Synchronous<FlowHistoryReader & FlowHistoryWriter> {
  return {
    listFlowHours({ siteId, fromHour, toHour }: FlowHourQuery): FlowHourRecord[] {
      const rows =
        siteId === undefined
          ? sql('SELECT * FROM site_flow_hours WHERE hour >= ? AND hour < ? ORDER BY site_id, hour').all(fromHour, toHour)
          : sql('SELECT * FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE AND hour >= ? AND hour < ? ORDER BY hour').all(siteId, fromHour, toHour);
      return (rows as FlowHourRow[]).map(fromRow);
    },

    upsertFlowHours(records: FlowHourRecord[]): void {
      const upsert = sql(
        `INSERT OR REPLACE INTO site_flow_hours (site_id, hour, reports, arrivals_sum, processed_sum, processed_reports, wait_sum,
           wait_max, wait_counts, counters_sum, egates_sum, officers_sum, officers_reports)
         VALUES (@siteId, @hour, @reports, @arrivalsSum, @processedSum, @processedReports, @waitSum,
           @waitMax, @waitCounts, @countersSum, @egatesSum, @officersSum, @officersReports)`,
      );
      for (const r of records) upsert.run({ ...r, waitCounts: JSON.stringify(r.waitCounts) });
    },

    pruneFlowHours(siteIds: string[], keepPerSite: number): number {
      // The newest hours by count, not by a clock: a report from a site whose
      // clock jumped ahead costs one hour of its history, not all of it.
      const prune = sql(
        `DELETE FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE AND hour <= (
           SELECT hour FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE ORDER BY hour DESC LIMIT 1 OFFSET ?)`,
      );
      let removed = 0;
      for (const id of siteIds) removed += prune.run(id, id, keepPerSite).changes;
      return removed;
    },
  };
}
