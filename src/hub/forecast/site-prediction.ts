// THE seam between the early warnings and the arrivals forecast: each site's
// hours ahead, predicted, on the site's own clock (its latest report — the
// demo at --speed N runs a fast clock, and the warnings must be judged on it).
// Until the forecaster is wired in, the hours are the site's recent telemetry
// held flat, as the scenarios' baseline does (scenario-baseline.ts); point
// predictSiteHours at the forecaster and say so in `source`.
import type { ScenarioBaselineSource, ScenarioHour, Site, SiteTelemetry } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { HOUR_MS, hourOf, readFlowHours } from '../telemetry/flow-history.js';
import { STATION_PARAMS } from './queueing-station.js';
import { recentArrivals, workingCounters } from './scenario-baseline.js';
import { predictHour, type BaselineHour } from './scenario.js';

export interface SitePrediction {
  site: Site;
  source: ScenarioBaselineSource;
  /** The site's latest report: where its hours start. */
  asOf: string;
  officersOnDuty: number;
  countersOpen: number;
  /** From the hour of the latest report on; each with its predicted wait and counters advised. */
  hours: ScenarioHour[];
}

/** The hours ahead the site is expected to see, before the queueing model. */
export async function predictSiteHours(store: StoreReader, site: Site, latest: SiteTelemetry, hours: number): Promise<{ source: ScenarioBaselineSource; hours: BaselineHour[] }> {
  const maxCounters = await workingCounters(store, site.id, latest.countersOpen);
  const arrivalsPerHour = await recentArrivals(store, latest);
  const first = hourOf(new Date(latest.at));
  return {
    source: 'recent-telemetry',
    hours: Array.from({ length: hours }, (_, i) => ({
      at: new Date((first + i) * HOUR_MS).toISOString(),
      arrivalsPerHour,
      countersOpen: latest.countersOpen,
      egatesInService: latest.egatesInService,
      maxCounters,
    })),
  };
}

/** Every site that has reported, its hours ahead through the queueing model. Sites that never reported are left out. */
export async function predictFleet(store: StoreReader, hours: number): Promise<SitePrediction[]> {
  const reports = new Map((await store.listTelemetry()).map((t) => [t.siteId.toUpperCase(), t]));
  const out: SitePrediction[] = [];
  for (const site of await store.listSites()) {
    const latest = reports.get(site.id.toUpperCase());
    if (!latest) continue;
    const predicted = await predictSiteHours(store, site, latest, hours);
    const model = { params: STATION_PARAMS[site.kind], waitTargetMinutes: WAIT_TARGET_MINUTES };
    out.push({
      site,
      source: predicted.source,
      asOf: latest.at,
      officersOnDuty: await officersOnDuty(store, latest),
      countersOpen: latest.countersOpen,
      hours: predicted.hours.map((h) => predictHour(h, model)),
    });
  }
  return out;
}

/**
 * Officers on duty as the site last said (the flow history keeps them by the
 * hour; the latest report does not): the mean over the hour of its latest
 * report, rounded down; the counters open when the site never says.
 */
async function officersOnDuty(store: StoreReader, latest: SiteTelemetry): Promise<number> {
  if (latest.officersOnDuty !== undefined) return latest.officersOnDuty;
  const at = new Date(latest.at);
  const [hour] = await readFlowHours(store, { siteId: latest.siteId, from: at, to: at });
  return hour?.officersOnDuty === null || hour === undefined ? latest.countersOpen : Math.floor(hour.officersOnDuty);
}
