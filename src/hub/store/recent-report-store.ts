// Each site's reports of the last hour or two, as they came: the flow history
// keeps hours (sums), so two of its readings are an hour apart at best, and a
// surge's climb within the hour is lost in its mean. The early warning's nowcast
// reads the climb from these (src/hub/forecast/report-trend.ts), and the early
// warning whether the queue is growing report on report (queue-growth.ts). Kept in the
// hub's memory only, bounded (src/hub/telemetry/recent-reports.ts): a restart
// starts with none and the nowcast falls back on the hours.

/** One report as the nowcast reads it: when (ms, the site's clock), its arrivals rate, its queue and wait, and whether anything was open (a desk or a gate). */
export interface RecentReport {
  atMs: number;
  arrivalsPerHour: number;
  queueLength: number;
  waitMinutes: number;
  open: boolean;
}

/** What of a report is kept: a SiteTelemetry has these fields. */
export interface ReportToKeep {
  siteId: string;
  at: string;
  arrivalsPerHour: number;
  queueLength: number;
  waitMinutes: number;
  countersOpen: number;
  egatesInService: number;
}

export interface RecentReportReader {
  /** The site's recent reports, oldest first (none for a site unheard of since the hub started). */
  listRecentReports(siteId: string): Promise<readonly RecentReport[]>;
}

export interface RecentReportWriter {
  /** Kept once the transaction commits (forgotten if it rolls back). */
  keepRecentReports(reports: readonly ReportToKeep[]): Promise<void>;
}
