// Each site's flow by the hour in the store: sums over the reports of an hour
// (of the site's clock), so a report merges in without the ones before it.
// What the sums mean, and the hour's medians, are worked out in
// src/hub/telemetry/flow-history.ts; the store only keeps them.

/** One site's hour as stored. `hour` counts hours since the epoch (UTC) of the reports' `at`. */
export interface FlowHourRecord {
  siteId: string;
  hour: number;
  reports: number;
  arrivalsSum: number;
  processedSum: number;
  processedReports: number;
  waitSum: number;
  waitMax: number;
  /** Reports per wait bucket (the buckets are fixed in flow-history.ts). */
  waitCounts: number[];
  countersSum: number;
  egatesSum: number;
  officersSum: number;
  officersReports: number;
}

/** Hours `fromHour` ≤ hour < `toHour`; one site's, or every site's without `siteId`. */
export interface FlowHourQuery {
  siteId?: string;
  fromHour: number;
  toHour: number;
}

export interface FlowHistoryReader {
  /** Ordered by site, then hour, oldest first. */
  listFlowHours(query: FlowHourQuery): Promise<FlowHourRecord[]>;
}

export interface FlowHistoryWriter {
  /** Writes each record whole, replacing a stored one of the same site and hour. */
  upsertFlowHours(records: FlowHourRecord[]): Promise<void>;
  /** Keeps each named site's newest `keepPerSite` hours and deletes the older ones; how many went. */
  pruneFlowHours(siteIds: string[], keepPerSite: number): Promise<number>;
}
