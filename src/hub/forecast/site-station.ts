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
// model's bias at the site by hour of the day (wait-bias.ts).
import type { Site } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { hourOf, summariseFlowHour, type FlowHour } from '../telemetry/flow-history.js';
import { STATION_PARAMS, type StationParams } from './queueing-station.js';
import { calibrateStation, impliedCounterRate, type HourRate } from './site-calibration.js';
import { waitBias, type WaitBias } from './wait-bias.js';

/** How far back the counter rate is fitted: a week holds every hour of the week once. */
export const CALIBRATION_HOURS = 168;

interface SiteFit {
  hour: number;
  params: StationParams;
  bias: WaitBias;
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
  const hours = rows.map(summariseFlowHour);
  const { params } = calibrateStation(hours, STATION_PARAMS[site.kind], waitTargetMinutes, memoRates(rates, fromHour));
  const fit = { hour: current, params, bias: waitBias(hours, { params, waitTargetMinutes }), rates };
  bySite.set(key, fit);
  return fit;
}
