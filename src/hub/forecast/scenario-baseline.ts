// THE seam between the scenarios and the arrivals forecast: the hours ahead
// a site's scenarios start from. Until the forecaster is on main, the baseline
// is the site's recent telemetry held flat for every hour: arrivals averaged
// over its last RECENT_HOURS hours of flow history (on the site's clock, up
// to its latest report; the report itself when there is no history), counters
// open and e-gates in service as last reported. When the forecaster lands,
// point scenarioBaseline at the forecast's arrivals per hour ahead and say
// so in `source`.
import { NotFoundError } from '../../core/errors.js';
import type { ScenarioBaselineSource, Site, SiteTelemetry } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { HOUR_MS, readFlowHours } from '../telemetry/flow-history.js';
import type { BaselineHour } from './scenario.js';

/** How far back the flat baseline's arrivals are averaged. */
export const RECENT_HOURS = 3;

export interface ScenarioBaseline {
  source: ScenarioBaselineSource;
  hours: BaselineHour[];
}

/** `hours` hours from the start of the current hour on the hub's clock. */
export async function scenarioBaseline(store: StoreReader, site: Site, hours: number, now: Date): Promise<ScenarioBaseline> {
  const report = (await store.listTelemetry()).find((t) => t.siteId === site.id);
  if (!report) {
    throw new NotFoundError(`${site.id} has not reported its flow yet, so there is no baseline to work from`, {
      hint: 'scenarios start from the site telemetry; check it reports with `watchfloor status ' + site.id + '`',
    });
  }
  const maxCounters = await workingCounters(store, site.id, report.countersOpen);
  const arrivalsPerHour = await recentArrivals(store, report);
  const first = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    source: 'recent-telemetry',
    hours: Array.from({ length: hours }, (_, i) => ({
      at: new Date(first + i * HOUR_MS).toISOString(),
      arrivalsPerHour,
      countersOpen: report.countersOpen,
      egatesInService: report.egatesInService,
      maxCounters,
    })),
  };
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
