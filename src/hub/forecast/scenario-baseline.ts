// What a site's hours ahead start from when the forecaster has nothing to
// say (no history yet): its recent telemetry held flat — arrivals averaged
// over its last RECENT_HOURS hours of flow history (on the site's clock, up
// to its latest report; the report itself when there is no history), counters
// open and e-gates in service as last reported — and the desks it can open.
// The early warning's predictions (site-prediction.ts), and so the scenarios,
// fall back on it.
import { NotFoundError } from '../../core/errors.js';
import type { Site, SiteTelemetry } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { HOUR_MS, readFlowHours } from '../telemetry/flow-history.js';

/** How far back the flat baseline's arrivals are averaged. */
export const RECENT_HOURS = 3;

/** No report from the site yet: there is nothing to start its scenarios from. */
export function noBaseline(site: Pick<Site, 'id'>): NotFoundError {
  return new NotFoundError(`${site.id} has not reported its flow yet, so there is no baseline to work from`, {
    hint: 'scenarios start from the site telemetry; check it reports with `watchfloor status ' + site.id + '`',
  });
}

/** Counter desks in the inventory that are not down — at least as many as the site reports open. */
export async function workingCounters(store: StoreReader, siteId: string, reportedOpen: number): Promise<number> {
  const desks = await store.listAssets({ siteId, kind: 'counter' });
  return Math.max(reportedOpen, desks.filter((d) => d.health !== 'down').length);
}

/** Mean reported arrivals over the site's last RECENT_HOURS hours of flow history, weighted by reports. */
export async function recentArrivals(store: StoreReader, latest: SiteTelemetry): Promise<number> {
  const to = new Date(latest.at);
  const hours = await readFlowHours(store, { siteId: latest.siteId, from: new Date(to.getTime() - (RECENT_HOURS - 1) * HOUR_MS), to });
  const reports = hours.reduce((n, h) => n + h.reports, 0);
  return reports > 0 ? hours.reduce((sum, h) => sum + h.arrivalsPerHour * h.reports, 0) / reports : latest.arrivalsPerHour;
}
