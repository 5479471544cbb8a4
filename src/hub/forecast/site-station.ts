// Which station model a site's predictions use: the planning figures of its
// kind with the counter rate fitted on its own last week of flow
// (site-calibration.ts). Fitted once per site and hour of the site's clock
// (the history it rests on ends before the current hour), so the early
// warning, the breach list, the forecast and the scenarios all predict a
// site's wait with the same rate, and asking again within the hour is free.
// A new hour refits on the week's rows, but each row's own fitted rate (a
// bisection over the queueing model: the costly part, for 104 sites at once)
// is kept while the row is unchanged, so a new hour fits one new row per site.
// The same week, replayed through the model with the fitted rate, gives the
// model's bias at the site by hour of the day (wait-bias.ts). That replay is
// the costly part now (about 1 ms a site), and a week's ratios by hour of the
// day barely move in an hour: it is refitted once a day of the site's clock,
// each site at an hour of its own, so the fleet's 104 sites never replay their
// weeks in the same request (at the bench's speed the breach list paid for
// all of them every other second).
import type { Site } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { hourOf, summariseFlowHour, type FlowHour } from '../telemetry/flow-history.js';
import { STATION_PARAMS, type StationParams } from './queueing-station.js';
import { toPersonQueue } from './contact-ai-share.js';
import { calibrateStation, impliedCounterRate, type HourRate } from './site-calibration.js';
import { waitBias, type WaitBias } from './wait-bias.js';

/** How far back the counter rate is fitted: a week holds every hour of the week once. */
export const CALIBRATION_HOURS = 168;
/** How often a site's model bias is refitted (hours of its clock). */
export const WAIT_BIAS_REFIT_HOURS = 24;

/** The latest hour at or before `hour` that is the site's own hour of the day for refitting its bias (spread over the fleet by its id). */
function lastRefitHour(siteId: string, hour: number): number {
  let refitHour = 0;
  for (let i = 0; i < siteId.length; i++) refitHour = (refitHour * 31 + siteId.charCodeAt(i)) % WAIT_BIAS_REFIT_HOURS;
  return hour - ((((hour - refitHour) % WAIT_BIAS_REFIT_HOURS) + WAIT_BIAS_REFIT_HOURS) % WAIT_BIAS_REFIT_HOURS);
}

interface SiteFit {
  hour: number;
  params: StationParams;
  bias: WaitBias;
  /** The hour the bias counts its day from (its first fit set back by the site's own refit hour). */
  biasHour: number;
  /** The hours of history the bias was fitted on: twice as many (a new site, a demo's past coming in) refits it at once. */
  biasRows: number;
  /** Each row's fitted rate by its hour, with the figures it was fitted from. */
  rates: Map<number, { figures: string; rate: number | undefined }>;
}

const cache = new WeakMap<StoreReader, Map<string, SiteFit>>();

/** impliedCounterRate, kept per hour while the row's figures stay as they were; hours that left the window are dropped. */
function memoRates(rates: SiteFit['rates'], fromHour: number): HourRate {
  for (const hour of rates.keys()) if (hour < fromHour) rates.delete(hour);
  return (h: FlowHour, base: StationParams) => {
    const figures = `${h.arrivalsPerHour}:${h.countersOpen}:${h.egatesInService}:${h.waitMeanMinutes}`;
    const kept = rates.get(h.hour);
    if (kept?.figures === figures) return kept.rate;
    const rate = impliedCounterRate(h, base);
    rates.set(h.hour, { figures, rate });
    return rate;
  };
}

export async function siteStation(store: StoreReader, site: Pick<Site, 'id' | 'kind'>, asOf: Date, waitTargetMinutes: number): Promise<StationParams> {
  return (await siteModel(store, site, asOf, waitTargetMinutes)).params;
}

/** The site's fitted station and its model's bias by hour of the day (waitBias), fitted once per hour of its clock. */
export async function siteModel(store: StoreReader, site: Pick<Site, 'id' | 'kind'>, asOf: Date, waitTargetMinutes: number): Promise<{ params: StationParams; bias: WaitBias }> {
  const current = hourOf(asOf);
  let bySite = cache.get(store);
  if (!bySite) cache.set(store, (bySite = new Map()));
  const key = `${site.id.toUpperCase()}:${waitTargetMinutes}`;
  const hit = bySite.get(key);
  if (hit?.hour === current) return hit;
  const fromHour = current - CALIBRATION_HOURS;
  const rows = await store.listFlowHours({ siteId: site.id, fromHour, toHour: current });
  const rates = hit?.rates ?? new Map();
  // A contact centre's hours as its agents saw them: the AI agent's callers never queued (contact-ai-share.ts).
  const hours = rows.map(summariseFlowHour).map(toPersonQueue);
  const { params } = calibrateStation(hours, STATION_PARAMS[site.kind], waitTargetMinutes, memoRates(rates, fromHour));
  const biasDue = !hit || current < hit.biasHour || current - hit.biasHour >= WAIT_BIAS_REFIT_HOURS || hours.length >= 2 * hit.biasRows;
  const bias = biasDue ? waitBias(hours, { params, waitTargetMinutes }) : hit.bias;
  const biasHour = !hit ? lastRefitHour(site.id, current) : biasDue ? current : hit.biasHour;
  const fit = { hour: current, params, bias, biasHour, biasRows: biasDue ? hours.length : hit.biasRows, rates };
  bySite.set(key, fit);
  return fit;
}
