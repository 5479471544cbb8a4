// Migration 26, in a file of its own like 14 to 21: what a contact centre
// (the 992 line) reports beside the flow every site reports — how its
// inquiries ended — kept in the latest report (for status) and in the hourly
// flow history (for the contact-centre KPI and the forecaster). Never edited
// once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const CONTACT_CENTRE_MIGRATION: { version: number; name: string; sql: string } = {
  version: 26,
  name: 'contact centre: how inquiries ended, in the latest report and by the hour',
  // Independent of every other step but 21 (site_flow_hours). The latest
  // report's block is kept whole as JSON (null for every other site); the
  // hours keep sums of the reported rates with a count of their own, as for
  // the other optional fields: the hour's mean rate is sum / contact_reports.
  // queue_sum (every site's queue length, summed over all its reports) gives
  // the hour's mean queue — callers waiting at a contact centre; hours stored
  // before it read 0.
  sql: `
    ALTER TABLE site_telemetry ADD COLUMN contact_centre TEXT;
    ALTER TABLE site_flow_hours ADD COLUMN ai_answered_sum REAL NOT NULL DEFAULT 0;
    ALTER TABLE site_flow_hours ADD COLUMN people_answered_sum REAL NOT NULL DEFAULT 0;
    ALTER TABLE site_flow_hours ADD COLUMN abandoned_sum REAL NOT NULL DEFAULT 0;
    ALTER TABLE site_flow_hours ADD COLUMN contact_reports INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE site_flow_hours ADD COLUMN queue_sum REAL NOT NULL DEFAULT 0;
  `,
};
