// The store's side of the recent reports (store/recent-report-store.ts): no
// table, the hub's memory (telemetry/recent-reports.ts), but written inside the
// telemetry intake's transaction like the flow hours, so it tells the same
// scope: a transaction's reports are kept at its COMMIT and forgotten if it
// rolls back. Used bare (outside a transaction) a write is kept at once.
import { RecentReportBook } from '../../telemetry/recent-reports.js';
import type { RecentReportReader, RecentReportWriter } from '../recent-report-store.js';
import type { FlowHourScope } from './flow-hour-cache.js';
import type { Synchronous } from './prepare.js';

type Reports = Parameters<RecentReportWriter['keepRecentReports']>[0];

export function recentReportStatements(): { statements: Synchronous<RecentReportReader & RecentReportWriter>; scope: FlowHourScope } {
  const book = new RecentReportBook();
  let pending: Reports[] | undefined;
  return {
    statements: {
      // A copy: the book's own array moves on with the next report.
      listRecentReports: (siteId) => [...book.of(siteId)],
      keepRecentReports: (reports) => {
        if (pending) pending.push(reports);
        else book.add(reports);
      },
    },
    scope: {
      begin: () => {
        pending = [];
      },
      flush: () => {
        for (const reports of pending ?? []) book.add(reports);
        pending = undefined;
      },
      discard: () => {
        pending = undefined;
      },
    },
  };
}
