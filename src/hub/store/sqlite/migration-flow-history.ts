// Migration 21, in a file of its own like 14 to 20: each site's flow, one row
// per hour of the site's own clock, kept for the forecaster and the flow and
// staff KPIs. Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const FLOW_HISTORY_MIGRATION: { version: number; name: string; sql: string } = {
  version: 21,
  name: 'flow history: one row per site per hour of the reports, sums and a wait histogram',
  // Independent of every other step. Sums, not means, so a report merges into
  // its hour with no need for the reports before it: the mean is sum / count.
  // The optional fields (processed, officers) have counts of their own, since
  // a site may send them in some reports and not others. wait_counts is a JSON
  // array of counts over the fixed wait buckets of src/hub/telemetry/flow-history.ts.
  // hour: hours since the epoch of the report's `at` (not the hub's clock).
  sql: `
    CREATE TABLE site_flow_hours (
      site_id            TEXT NOT NULL COLLATE NOCASE,
      hour               INTEGER NOT NULL,
      reports            INTEGER NOT NULL,
      arrivals_sum       REAL NOT NULL,
      processed_sum      REAL NOT NULL,
      processed_reports  INTEGER NOT NULL,
      wait_sum           REAL NOT NULL,
      wait_max           REAL NOT NULL,
      wait_counts        TEXT NOT NULL,
      counters_sum       REAL NOT NULL,
      egates_sum         REAL NOT NULL,
      officers_sum       REAL NOT NULL,
      officers_reports   INTEGER NOT NULL,
      PRIMARY KEY (site_id, hour)
    ) WITHOUT ROWID;
    CREATE INDEX site_flow_hours_hour ON site_flow_hours(hour);
  `,
};
