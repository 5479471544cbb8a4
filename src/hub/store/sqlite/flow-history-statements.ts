// The SQLite statements of the hourly flow history. Every write of a site's
// hours moves its revision (migration 31) in the same transaction: what the
// hub's cache of the hours (flow-hour-cache.ts) compares to learn of another
// connection's writes.
import type { FlowHistoryReader, FlowHistoryWriter, FlowHourQuery, FlowHourRecord } from '../flow-history-store.js';
import type { Prepare, Synchronous } from './prepare.js';

export interface FlowHourRow {
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
  ai_answered_sum: number;
  people_answered_sum: number;
  abandoned_sum: number;
  contact_reports: number;
  queue_sum: number;
}

export const fromRow = (r: FlowHourRow): FlowHourRecord => ({
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
  aiAnsweredSum: r.ai_answered_sum,
  peopleAnsweredSum: r.people_answered_sum,
  abandonedSum: r.abandoned_sum,
  contactReports: r.contact_reports,
  queueSum: r.queue_sum,
});

/** A site id as SQLite's NOCASE compares it (ASCII letters folded to lower case): one key per site of site_flow_hours. */
export const siteKey = (siteId: string): string => siteId.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Sites' revisions by siteKey, as written with their hours; a site with no row is at 0. */
export type FlowRevisions = Map<string, number>;

/** Writes each record whole (replacing a stored one of the same site and hour); the written sites' new revisions. */
export function writeFlowHours(sql: Prepare, records: readonly FlowHourRecord[]): FlowRevisions {
  const upsert = sql(
    `INSERT OR REPLACE INTO site_flow_hours (site_id, hour, reports, arrivals_sum, processed_sum, processed_reports, wait_sum,
       wait_max, wait_counts, counters_sum, egates_sum, officers_sum, officers_reports,
       ai_answered_sum, people_answered_sum, abandoned_sum, contact_reports, queue_sum)
     VALUES (@siteId, @hour, @reports, @arrivalsSum, @processedSum, @processedReports, @waitSum,
       @waitMax, @waitCounts, @countersSum, @egatesSum, @officersSum, @officersReports,
       @aiAnsweredSum, @peopleAnsweredSum, @abandonedSum, @contactReports, @queueSum)`,
  );
  for (const r of records) upsert.run({ ...r, waitCounts: JSON.stringify(r.waitCounts) });
  return moveRevisions(sql, records.map((r) => r.siteId));
}

/** Keeps each named site's newest `keepPerSite` hours; how many went, and the new revisions of the sites that lost some. */
export function pruneSiteHours(sql: Prepare, siteIds: readonly string[], keepPerSite: number): { removed: number; revisions: FlowRevisions } {
  // The newest hours by count, not by a clock: a report from a site whose
  // clock jumped ahead costs one hour of its history, not all of it.
  const prune = sql(
    `DELETE FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE AND hour <= (
       SELECT hour FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE ORDER BY hour DESC LIMIT 1 OFFSET ?)`,
  );
  let removed = 0;
  const pruned: string[] = [];
  for (const id of siteIds) {
    const changes = prune.run(id, id, keepPerSite).changes;
    removed += changes;
    if (changes > 0) pruned.push(id);
  }
  return { removed, revisions: moveRevisions(sql, pruned) };
}

function moveRevisions(sql: Prepare, siteIds: readonly string[]): FlowRevisions {
  const move = sql(
    'INSERT INTO site_flow_revisions (site_id, revision) VALUES (?, 1) ON CONFLICT (site_id) DO UPDATE SET revision = revision + 1 RETURNING revision',
  ).pluck();
  const moved: FlowRevisions = new Map();
  for (const id of siteIds) if (!moved.has(siteKey(id))) moved.set(siteKey(id), move.get(id) as number);
  return moved;
}

/** Every site's revision. */
export function readFlowRevisions(sql: Prepare): FlowRevisions {
  const rows = sql('SELECT site_id, revision FROM site_flow_revisions').all() as { site_id: string; revision: number }[];
  return new Map(rows.map((r) => [siteKey(r.site_id), r.revision]));
}

/** The statements read straight from the file, without the cache (flow-hour-cache.ts): what the cache must agree with. */
export function flowHistoryStatements(sql: Prepare): Synchronous<FlowHistoryReader & FlowHistoryWriter> {
  return {
    listFlowHours({ siteId, fromHour, toHour }: FlowHourQuery): FlowHourRecord[] {
      const rows =
        siteId === undefined
          ? sql('SELECT * FROM site_flow_hours WHERE hour >= ? AND hour < ? ORDER BY site_id, hour').all(fromHour, toHour)
          : sql('SELECT * FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE AND hour >= ? AND hour < ? ORDER BY hour').all(siteId, fromHour, toHour);
      return (rows as FlowHourRow[]).map(fromRow);
    },
    upsertFlowHours: (records: FlowHourRecord[]) => void writeFlowHours(sql, records),
    pruneFlowHours: (siteIds: string[], keepPerSite: number) => pruneSiteHours(sql, siteIds, keepPerSite).removed,
  };
}
