// THE seam between the scenarios and the arrivals forecast: the hours ahead
// a site's scenarios start from. Until the forecaster is on main, the baseline
// is the site's latest telemetry report (arrivals, counters open, e-gates in
// service) held flat for every hour; when it lands, point scenarioBaseline at
// the forecast's hours (arrivals per hour ahead) and say so in `source`.
import { NotFoundError } from '../../core/errors.js';
import type { Site } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import type { BaselineHour } from './scenario.js';

const HOUR_MS = 3_600_000;

export interface ScenarioBaseline {
  source: 'latest-report' | 'forecast';
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
  const first = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    source: 'latest-report',
    hours: Array.from({ length: hours }, (_, i) => ({
      at: new Date(first + i * HOUR_MS).toISOString(),
      arrivalsPerHour: report.arrivalsPerHour,
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
