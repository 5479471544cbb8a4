// Which station model a site's predictions use: the planning figures of its
// kind with the counter rate fitted on its own last week of flow
// (site-calibration.ts). Fitted once per site and hour of the site's clock
// (the history it rests on ends before the current hour), so the early
// warning, the breach list, the forecast and the scenarios all predict a
// site's wait with the same rate, and asking again within the hour is free.
import type { Site } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { hourOf, summariseFlowHour } from '../telemetry/flow-history.js';
import { STATION_PARAMS, type StationParams } from './queueing-station.js';
import { calibrateStation } from './site-calibration.js';

/** How far back the counter rate is fitted: a week holds every hour of the week once. */
export const CALIBRATION_HOURS = 168;

const cache = new WeakMap<StoreReader, Map<string, { hour: number; params: StationParams }>>();

export async function siteStation(store: StoreReader, site: Pick<Site, 'id' | 'kind'>, asOf: Date, waitTargetMinutes: number): Promise<StationParams> {
  const current = hourOf(asOf);
  let bySite = cache.get(store);
  if (!bySite) cache.set(store, (bySite = new Map()));
  const key = `${site.id.toUpperCase()}:${waitTargetMinutes}`;
  const hit = bySite.get(key);
  if (hit?.hour === current) return hit.params;
  const rows = await store.listFlowHours({ siteId: site.id, fromHour: current - CALIBRATION_HOURS, toHour: current });
  const { params } = calibrateStation(rows.map(summariseFlowHour), STATION_PARAMS[site.kind], waitTargetMinutes);
  bySite.set(key, { hour: current, params });
  return params;
}
