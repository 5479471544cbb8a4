// Forecast arrivals turned into what the duty officer acts on: per hour
// ahead, the wait the queueing model predicts with the counters and e-gates
// the site has in service now, and the fewest counters that would keep it
// within the wait target (staffing.ts). What is "in service now" comes from
// the site's latest hours of flow history — the hub's own telemetry — never
// from the simulator's parameters.
import type { SiteKind } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { FlowHour } from '../telemetry/flow-history.js';
import { STATION_PARAMS, stationWait } from './queueing-station.js';
import { round1 } from './scenario.js';
import { adviseCounters } from './staffing.js';

export interface StaffingInputHour {
  /** Hours since the epoch (the site's clock). */
  hour: number;
  arrivalsPerHour: number;
}

export interface StaffingPrediction {
  /** null when the counters in service cannot keep up: the queue grows all hour. */
  predictedWaitMinutes: number | null;
  countersAdvised: number | null;
}

/**
 * Per forecast hour, what the queueing model predicts. `recent` is the site's
 * latest complete hours of flow, oldest first: the counters open and e-gates
 * in service of the latest are assumed to hold, and the most counters open in
 * any of them caps the advice (desks the site has shown it can staff).
 * No history: nothing to assume, nothing predicted.
 */
export function predictStaffing(site: { kind: SiteKind }, hours: readonly StaffingInputHour[], recent: readonly FlowHour[]): StaffingPrediction[] {
  const latest = recent.at(-1);
  if (!latest) return hours.map(() => ({ predictedWaitMinutes: null, countersAdvised: null }));
  const params = STATION_PARAMS[site.kind];
  const countersOpen = Math.round(latest.countersOpen);
  const egatesInService = Math.round(latest.egatesInService);
  const maxCounters = Math.max(countersOpen, ...recent.map((h) => Math.round(h.countersOpen)));
  return hours.map(({ arrivalsPerHour }) => {
    const wait = stationWait({ arrivalsPerHour, countersOpen, egatesInService }, params);
    const advice = adviseCounters({ arrivalsPerHour, egatesInService, maxCounters, waitTargetMinutes: WAIT_TARGET_MINUTES }, params);
    return { predictedWaitMinutes: wait.stable ? round1(wait.meanWaitMinutes) : null, countersAdvised: advice.counters };
  });
}
