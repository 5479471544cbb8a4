// The bounded memory of each site's recent reports (store/recent-report-store.ts
// says why it exists). Per site: the reports within RECENT_REPORTS_SPAN_MS of
// its newest, at most RECENT_REPORTS_MAX of them (a report every 20 s of site
// time over the span), so a chatty or hostile sender costs a fixed amount; the
// sites are the inventory's (the intake refuses unknown ones first). A late
// report (older than the span) is dropped; one within it takes its place in order.
import type { RecentReport, ReportToKeep } from '../store/recent-report-store.js';

/** How far back a site's reports are kept: the nowcast's trend looks at most an hour back, and the hour before for its usual. */
export const RECENT_REPORTS_SPAN_MS = 2 * 3_600_000;
/** The most reports kept a site. */
export const RECENT_REPORTS_MAX = 360;

export class RecentReportBook {
  private readonly sites = new Map<string, RecentReport[]>();

  add(reports: readonly ReportToKeep[]): void {
    for (const r of reports) {
      const atMs = Date.parse(r.at);
      if (!Number.isFinite(atMs) || !Number.isFinite(r.arrivalsPerHour)) continue;
      const key = r.siteId.toUpperCase();
      let kept = this.sites.get(key);
      if (!kept) this.sites.set(key, (kept = []));
      const newest = Math.max(atMs, kept.at(-1)?.atMs ?? -Infinity);
      if (atMs < newest - RECENT_REPORTS_SPAN_MS) continue;
      let i = kept.length;
      while (i > 0 && kept[i - 1]!.atMs > atMs) i--;
      kept.splice(i, 0, { atMs, arrivalsPerHour: r.arrivalsPerHour, queueLength: r.queueLength, waitMinutes: r.waitMinutes, open: r.countersOpen > 0 || r.egatesInService > 0 });
      let drop = 0;
      while (drop < kept.length && (kept[drop]!.atMs < newest - RECENT_REPORTS_SPAN_MS || kept.length - drop > RECENT_REPORTS_MAX)) drop++;
      if (drop > 0) kept.splice(0, drop);
    }
  }

  of(siteId: string): readonly RecentReport[] {
    return this.sites.get(siteId.toUpperCase()) ?? [];
  }
}
